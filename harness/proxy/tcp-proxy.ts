/**
 * A TCP proxy sockgrade puts between a client and a server, with composable, seeded faults on
 * each direction (slicing, coalescing, latency with jitter, bandwidth, reset after N bytes,
 * slow close). Faults that do not drop data never lose, add or reorder a byte.
 */
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Rng } from '../util/rng.js';
import { pipeline } from './stage.js';
import { makeStage, type Toxic } from './toxics/index.js';

export type { Toxic } from './toxics/index.js';

/** Where the proxy forwards and what it does to the bytes. */
export interface TcpProxyOptions {
  target: { host: string; port: number };
  listenHost?: string;
  /** Seed of every random fault choice: the same seed gives the same schedule. */
  seed: number;
  /** Faults on client → server bytes. */
  upstream?: readonly Toxic[];
  /** Faults on server → client bytes. */
  downstream?: readonly Toxic[];
}

/** Byte counts of a proxy, per direction. */
export interface ProxyStats {
  connections: number;
  upstreamBytes: number;
  downstreamBytes: number;
  resets: number;
}

/** A running proxy. */
export class TcpProxy {
  readonly stats: ProxyStats = { connections: 0, upstreamBytes: 0, downstreamBytes: 0, resets: 0 };
  private readonly sockets = new Set<Socket>();
  private readonly closers = new Set<() => void>();

  private constructor(
    private readonly server: Server,
    private readonly opts: TcpProxyOptions,
  ) {}

  /** Starts listening on an ephemeral port. */
  static async start(opts: TcpProxyOptions): Promise<TcpProxy> {
    const server = createServer({ allowHalfOpen: true, noDelay: true });
    const proxy = new TcpProxy(server, opts);
    server.on('connection', (client) => proxy.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: opts.listenHost ?? '127.0.0.1', port: 0, backlog: 1024 }, () => resolve());
    });
    return proxy;
  }

  /** The port clients connect to. */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  private accept(client: Socket): void {
    const index = this.stats.connections++;
    const upstreamSocket = connect({ host: this.opts.target.host, port: this.opts.target.port, allowHalfOpen: true, noDelay: true });
    for (const s of [client, upstreamSocket]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => {});
    }
    const rng = new Rng(this.opts.seed).fork(`connection ${index}`);
    let resetDone = false;
    const reset = (): void => {
      if (resetDone) return;
      resetDone = true;
      this.stats.resets += 1;
      for (const s of [client, upstreamSocket]) if (!s.destroyed) s.resetAndDestroy();
    };
    const wire = (from: Socket, to: Socket, toxics: readonly Toxic[], label: 'upstream' | 'downstream'): void => {
      const dirRng = rng.fork(label);
      const pipe = pipeline(
        toxics.map((t) => makeStage(t, dirRng, reset)),
        (chunk) =>
          new Promise<void>((resolve) => {
            if (to.destroyed) return resolve();
            this.stats[label === 'upstream' ? 'upstreamBytes' : 'downstreamBytes'] += chunk.length;
            if (to.write(chunk)) return resolve();
            const done = (): void => {
              to.off('drain', done);
              to.off('close', done);
              resolve();
            };
            to.on('drain', done);
            to.on('close', done);
          }),
        () => {
          if (!to.destroyed) to.end();
        },
      );
      this.closers.add(pipe.close);
      from.on('data', (chunk: Buffer) => void pipe.write(chunk));
      from.on('end', () => void pipe.end());
      from.on('error', () => reset());
      from.on('close', () => {
        pipe.close();
        this.closers.delete(pipe.close);
      });
    };
    upstreamSocket.once('connect', () => {
      wire(client, upstreamSocket, this.opts.upstream ?? [], 'upstream');
      wire(upstreamSocket, client, this.opts.downstream ?? [], 'downstream');
    });
    upstreamSocket.once('error', () => reset());
    client.pause();
    upstreamSocket.once('connect', () => client.resume());
  }

  /** Stops listening and resets every proxied connection. */
  async close(): Promise<void> {
    for (const c of this.closers) c();
    for (const s of this.sockets) if (!s.destroyed) s.resetAndDestroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
