/**
 * One TCP connection driven by sockgrade (as a client of a submitted server, or accepted by
 * sockgrade's own server for a submitted client), with a per-connection transcript.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { Transcript } from '../process/transcript.js';
import { pause, waitFor } from '../util/deadline.js';
import { CheckFailure } from '../model/failure.js';
import type { Rng } from '../util/rng.js';
import { endpoint } from '../trace/decode.js';

const plain = (address: string): string => address.replace(/^::ffff:(?=\d+\.)/, '');

/** How a connection ended, as seen from sockgrade's side. */
export type CloseKind = 'fin' | 'reset' | 'open';

/** A TCP connection with everything it received kept in order. */
export class Connection {
  readonly transcript: Transcript;
  private chunks: Buffer[] = [];
  private size = 0;
  /** Time (performance.now) when the peer's FIN arrived. */
  finAt: number | undefined;
  /** Time (performance.now) when the connection was reset or failed. */
  errorAt: number | undefined;
  error: NodeJS.ErrnoException | undefined;
  closed = false;
  private wroteAt: number | undefined;
  private readonly listeners = new Set<() => void>();

  /** Notes the connection's two ends on its transcript (once the socket has them). */
  recordEnds(): void {
    const { localAddress, localPort, remoteAddress, remotePort } = this.socket;
    if (localAddress && localPort && remoteAddress && remotePort) this.transcript.wire = { local: endpoint(plain(localAddress), localPort), remote: endpoint(plain(remoteAddress), remotePort) };
  }

  constructor(
    readonly socket: Socket,
    label: string,
    origin?: number,
  ) {
    this.transcript = new Transcript(label, origin);
    this.recordEnds();
    socket.on('data', (d: Buffer) => {
      this.chunks.push(d);
      this.size += d.length;
      this.transcript.add('received', d);
      this.notify();
    });
    socket.on('end', () => {
      this.finAt = performance.now();
      this.transcript.event('peer closed its side (FIN)');
      this.notify();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (!this.error) {
        this.error = err;
        this.errorAt = performance.now();
        this.transcript.event(`connection error: ${err.code ?? err.message}`);
      }
      this.notify();
    });
    socket.on('close', () => {
      this.closed = true;
      this.notify();
    });
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** All bytes received so far. */
  get received(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  get receivedBytes(): number {
    return this.size;
  }

  /** Whether the peer reset the connection (RST) rather than closing it. */
  get wasReset(): boolean {
    return this.error?.code === 'ECONNRESET' || this.error?.code === 'EPIPE';
  }

  /** How the connection stands now. */
  get closeKind(): CloseKind {
    if (this.wasReset) return 'reset';
    if (this.finAt !== undefined) return 'fin';
    return 'open';
  }

  /** Writes `data` and resolves once it is handed to the kernel. Never throws: failures are recorded. */
  async send(data: Buffer | string): Promise<boolean> {
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    if (this.socket.destroyed || this.error) return false;
    this.transcript.add('sent', buf);
    this.wroteAt = performance.now();
    return new Promise<boolean>((resolve) => {
      this.socket.write(buf, (err) => resolve(!err));
    });
  }

  /** Sends `data` cut into pieces of `min`..`max` bytes with `delayMs` between them. */
  async sendSliced(data: Buffer, rng: Rng, opts: { min: number; max: number; delayMs: number; signal?: AbortSignal; cuts?: number[] }): Promise<number[]> {
    const cuts: number[] = [];
    let at = 0;
    while (at < data.length) {
      const size = opts.cuts?.[cuts.length] ?? rng.int(opts.min, opts.max);
      const piece = data.subarray(at, Math.min(data.length, at + size));
      if (!(await this.send(piece))) break;
      at += piece.length;
      cuts.push(at);
      if (at < data.length) await pause(opts.delayMs, opts.signal);
    }
    return cuts;
  }

  /** Closes sockgrade's sending side (half-close); the peer reads end-of-file. */
  halfClose(): void {
    this.transcript.event('sockgrade closed its sending side (half-close)');
    this.socket.end();
  }

  /**
   * Aborts the connection with a TCP reset. Right behind a write, Node closes with a plain FIN
   * instead, so a reset after sending waits for the next timer turn first.
   */
  async reset(): Promise<void> {
    if (this.socket.destroyed) return;
    this.transcript.event('sockgrade reset the connection (RST)');
    if (this.wroteAt !== undefined) await new Promise((resolve) => setTimeout(resolve, 2));
    if (!this.socket.destroyed) this.socket.resetAndDestroy();
  }

  /** Closes the connection and releases it. */
  close(): void {
    if (!this.socket.destroyed) this.socket.destroy();
  }

  /** Re-evaluates `decide` on every event until it returns a value; `onTimeout` when `ms` runs out first. */
  private async settle<T>(what: string, ms: number, signal: AbortSignal | undefined, decide: () => T | undefined, onTimeout: T): Promise<T> {
    try {
      return await waitFor<T>(what, ms, signal, (done) => {
        const check = (): void => {
          const v = decide();
          if (v !== undefined) done(v);
        };
        const un = this.subscribe(check);
        check();
        return un;
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'SOCKGRADE_WAIT_TIMEOUT') return onTimeout;
      throw err;
    }
  }

  private get ended(): boolean {
    return this.finAt !== undefined || this.error !== undefined || this.closed;
  }

  /** Waits until at least `n` bytes have arrived; false when the peer closed or time ran out first. */
  waitForBytes(n: number, ms: number, signal?: AbortSignal): Promise<boolean> {
    return this.settle(`${n} bytes`, ms, signal, () => (this.size >= n ? true : this.ended ? false : undefined), false);
  }

  /**
   * Waits until `expected.length` bytes have arrived, or until what arrived already differs from
   * `expected` (it can never become right), or the connection ended. True when all arrived.
   */
  waitForPrefix(expected: Buffer, ms: number, signal?: AbortSignal): Promise<boolean> {
    let checked = 0;
    return this.settle(
      `${expected.length} bytes`,
      ms,
      signal,
      () => {
        const got = this.received;
        const upto = Math.min(got.length, expected.length);
        if (upto > checked) {
          if (!got.subarray(checked, upto).equals(expected.subarray(checked, upto))) return false;
          checked = upto;
        }
        return got.length >= expected.length ? true : this.ended ? false : undefined;
      },
      false,
    );
  }

  /** Waits for the peer to close (FIN) or reset; returns `open` when it does neither within `ms`. */
  waitForClose(ms: number, signal?: AbortSignal): Promise<CloseKind> {
    return this.settle<CloseKind>('the connection to close', ms, signal, () => (this.ended ? (this.closeKind === 'open' ? 'fin' : this.closeKind) : undefined), 'open');
  }

  /** Waits until no byte has arrived for `settleMs` (or the connection closed). */
  async waitForQuiet(settleMs: number, ms: number, signal?: AbortSignal): Promise<void> {
    await waitFor<void>('the connection to go quiet', ms, signal, (done) => {
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        if (timer) clearTimeout(timer);
        if (this.closed || this.finAt !== undefined) {
          done();
          return;
        }
        timer = setTimeout(done, settleMs);
      };
      const un = this.subscribe(arm);
      arm();
      return () => {
        un();
        if (timer) clearTimeout(timer);
      };
    }).catch(() => {});
  }
}

/** Connects to `host:port`. A refused or timed-out connection is the submission's failure. */
export async function connectTo(host: string, port: number, label: string, ms: number, signal?: AbortSignal, origin?: number): Promise<Connection> {
  const socket = netConnect({ host, port, noDelay: true });
  const conn = new Connection(socket, label, origin);
  try {
    await waitFor<void>(`a connection to ${host}:${port}`, ms, signal, (done, fail) => {
      const onConnect = (): void => done();
      const onError = (err: NodeJS.ErrnoException): void => fail(err);
      socket.once('connect', onConnect);
      socket.once('error', onError);
      return () => {
        socket.off('connect', onConnect);
        socket.off('error', onError);
      };
    });
  } catch (err) {
    socket.destroy();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED') throw new CheckFailure(`${label} could not connect to ${host}:${port}: connection refused (nothing is listening there any more)`);
    if (code === 'SOCKGRADE_WAIT_TIMEOUT') throw new CheckFailure(`${label} could not connect to ${host}:${port} within ${ms} ms (the server does not accept connections)`);
    if (code === 'SOCKGRADE_ABORTED') throw err;
    throw new CheckFailure(`${label} could not connect to ${host}:${port}: ${(err as Error).message}`);
  }
  conn.transcript.event(`connected to ${host}:${port}`);
  conn.recordEnds();
  return conn;
}
