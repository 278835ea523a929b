/**
 * A connection to the submitted server through sockgrade's slicing proxy, so that a transfer
 * arrives in pieces: a server that "worked on loopback because everything came in one read"
 * is caught. The proxy and the connection are released when the check ends.
 */
import type { ServerCheckContext } from '../../harness/engine/context.js';
import { connectTo, type Connection } from '../../harness/net/connection.js';
import { TcpProxy } from '../../harness/proxy/tcp-proxy.js';
import type { SlicerOptions } from '../../harness/proxy/toxics/slicer.js';

/** Pieces the proxy cuts client → server bytes into. */
export type Slicing = SlicerOptions;

/** Connects `label` to the server through a new proxy that slices what it sends. */
export async function connectSliced(ctx: ServerCheckContext, label: string, slicing: Slicing): Promise<{ conn: Connection; proxy: TcpProxy }> {
  const proxy = await TcpProxy.start({ target: { host: ctx.server.host, port: ctx.server.port }, seed: ctx.rng.int(1, 2 ** 31 - 1), upstream: [{ kind: 'slicer', ...slicing }] });
  ctx.own(undefined, () => proxy.close());
  ctx.doing(`connecting ${label} through sockgrade's slicing proxy`);
  const conn = await connectTo('127.0.0.1', proxy.port, `${label} (through a proxy that delivers ${slicing.minBytes}..${slicing.maxBytes}-byte pieces)`, ctx.within(15_000), ctx.signal, ctx.origin);
  ctx.own(conn.transcript, () => conn.reset());
  return { conn, proxy };
}
