/**
 * Reference server for `framed-echo`: keeps a receive buffer per client, echoes every complete
 * frame framed, and answers a malformed header with a framed error before closing that client.
 */
import { createServer, type Socket } from 'node:net';
import { listenTcp, runningServer } from '../shared/tcp-server.js';
import { formatAddress } from '../shared/console-io.js';
import { frame, parseFrames } from '../../exercises/framed-echo/framing.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';

/** Starts the framed echo server on `opts.host:opts.port`. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const sockets = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    const who = formatAddress(socket.remoteAddress, socket.remotePort);
    opts.log(`Conectado ${who}`);
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      const parsed = parseFrames(pending);
      let full = false;
      for (const payload of parsed.frames) full = !socket.write(frame(payload)) || full;
      pending = Buffer.from(parsed.rest);
      // Backpressure: a client that does not read its echoes is not read either, so the server
      // holds at most one socket buffer of echoes for it instead of growing without bound.
      if (full && !parsed.error) {
        socket.pause();
        socket.once('drain', () => socket.resume());
      }
      if (parsed.error) {
        opts.log(`Cabecera mal formada de ${who}: se cierra la conexión`);
        socket.end(frame('error: cabecera mal formada'));
        socket.pause();
      }
    });
    socket.on('end', () => socket.end());
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await listenTcp(server, opts.host, opts.port);
  return runningServer(server, sockets);
}
