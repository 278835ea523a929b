/**
 * sockgrade playing a TCP server for a submitted client. It may listen on several addresses
 * at once (the address offered to the client and the course's default port), and hands each
 * accepted connection to the check as a {@link Connection}.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { Connection } from './connection.js';
import { waitFor } from '../util/deadline.js';

/** A listening TCP peer. */
export class TcpPeer {
  private readonly servers: { server: Server; host: string; port: number }[] = [];
  readonly connections: Connection[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly label: string,
    private readonly origin?: number,
  ) {}

  /** Listens on one more address; returns false when it is taken. */
  async listen(host: string, port: number): Promise<boolean> {
    const server = createServer({ allowHalfOpen: true, noDelay: true }, (socket: Socket) => {
      const conn = new Connection(socket, `${this.label} connection #${this.connections.length + 1}`, this.origin);
      conn.transcript.event(`client connected from ${socket.remoteAddress}:${socket.remotePort} to port ${port}`);
      this.connections.push(conn);
      for (const l of [...this.listeners]) l();
    });
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen({ host, port, backlog: 1024, exclusive: true }, () => resolve(true));
    });
    if (!ok) {
      server.close();
      return false;
    }
    const addr = server.address();
    this.servers.push({ server, host, port: typeof addr === 'object' && addr ? addr.port : port });
    return true;
  }

  /** Ports this peer listens on. */
  get ports(): number[] {
    return this.servers.map((s) => s.port);
  }

  /** The `index`-th accepted connection (0-based), or undefined when none arrives within `ms`. */
  async connection(index: number, ms: number, signal?: AbortSignal, giveUp?: () => boolean): Promise<Connection | undefined> {
    try {
      return await waitFor<Connection | undefined>('a connection from the client', ms, signal, (done) => {
        const check = (): void => {
          const c = this.connections[index];
          if (c) done(c);
          else if (giveUp?.()) done(undefined);
        };
        this.listeners.add(check);
        const poller = giveUp ? setInterval(check, 20) : undefined;
        check();
        return () => {
          this.listeners.delete(check);
          if (poller) clearInterval(poller);
        };
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'SOCKGRADE_WAIT_TIMEOUT') return undefined;
      throw err;
    }
  }

  /** Stops listening and destroys every accepted connection. */
  async close(): Promise<void> {
    for (const c of this.connections) c.close();
    await Promise.all(this.servers.map((s) => new Promise<void>((resolve) => s.server.close(() => resolve()))));
  }
}
