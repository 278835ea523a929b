/**
 * UDP endpoints driven by sockgrade: a client socket talking to a submitted server, and a peer
 * socket playing the server for a submitted client. Both keep every datagram with its time.
 */
import { createSocket, type Socket, type RemoteInfo } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { Transcript } from '../process/transcript.js';
import { waitFor } from '../util/deadline.js';

/** A datagram with its sender and arrival time (performance.now). */
export interface Datagram {
  data: Buffer;
  from: { address: string; port: number };
  at: number;
  /** For datagrams received by a {@link UdpPeer}: the local port they arrived on. */
  toPort?: number;
}

/** How long datagrams a program sent before it ended are waited for, once it has ended: they are queued already, only to be read. */
const READ_AFTER_EXIT_MS = 250;

class DatagramInbox {
  readonly datagrams: Datagram[] = [];
  private readonly listeners = new Set<() => void>();

  push(d: Datagram): void {
    this.datagrams.push(d);
    for (const l of [...this.listeners]) l();
  }

  /** Waits until the inbox holds more than `count` datagrams; returns the one at index `count`, or undefined on timeout. */
  async next(count: number, ms: number, signal?: AbortSignal): Promise<Datagram | undefined> {
    try {
      return await waitFor<Datagram>('a datagram', ms, signal, (done) => {
        const check = (): void => {
          const d = this.datagrams[count];
          if (d) done(d);
        };
        this.listeners.add(check);
        check();
        return () => this.listeners.delete(check);
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'SOCKGRADE_WAIT_TIMEOUT') return undefined;
      throw err;
    }
  }
}

function bindSocket(host: string, port: number): Promise<Socket> {
  const sock = createSocket({ type: isIPv6(host) ? 'udp6' : 'udp4', reuseAddr: false });
  return new Promise<Socket>((resolve, reject) => {
    sock.once('error', reject);
    sock.bind(port, host, () => {
      sock.off('error', reject);
      sock.on('error', () => {});
      resolve(sock);
    });
  });
}

/** sockgrade as a UDP client of a submitted server. */
export class UdpClient {
  readonly transcript: Transcript;
  private readonly inbox = new DatagramInbox();
  private consumed = 0;

  private constructor(
    private readonly sock: Socket,
    private readonly target: { host: string; port: number },
    label: string,
    origin?: number,
  ) {
    this.transcript = new Transcript(label, origin);
    sock.on('message', (data: Buffer, rinfo: RemoteInfo) => {
      this.transcript.add('received', data);
      this.inbox.push({ data, from: { address: rinfo.address, port: rinfo.port }, at: performance.now() });
    });
  }

  /** Opens a socket on an ephemeral port of the loopback family matching `host`. */
  static async open(host: string, port: number, label: string, origin?: number): Promise<UdpClient> {
    const sock = await bindSocket(isIPv6(host) ? '::1' : '127.0.0.1', 0);
    return new UdpClient(sock, { host, port }, label, origin);
  }

  /** The local port, so a check can tell its clients apart. */
  get localPort(): number {
    return this.sock.address().port;
  }

  get datagrams(): readonly Datagram[] {
    return this.inbox.datagrams;
  }

  send(data: Buffer): Promise<void> {
    this.transcript.add('sent', data.length === 0 ? '(empty datagram)' : data);
    return new Promise<void>((resolve) => this.sock.send(data, this.target.port, this.target.host, () => resolve()));
  }

  /** The next datagram not yet returned by this method, or undefined when none comes within `ms`. */
  async receive(ms: number, signal?: AbortSignal): Promise<Datagram | undefined> {
    const d = await this.inbox.next(this.consumed, ms, signal);
    if (d) this.consumed += 1;
    return d;
  }

  close(): void {
    try {
      this.sock.close();
    } catch {
      /* already closed */
    }
  }
}

/** sockgrade playing a UDP server for a submitted client; may listen on several addresses at once. */
export class UdpPeer {
  readonly transcript: Transcript;
  private readonly inbox = new DatagramInbox();
  private readonly sockets: { sock: Socket; host: string; port: number }[] = [];

  constructor(label: string, origin?: number) {
    this.transcript = new Transcript(label, origin);
  }

  /** Binds one more address; returns false when it is taken. */
  async bind(host: string, port: number): Promise<boolean> {
    let sock: Socket;
    try {
      sock = await bindSocket(host, port);
    } catch {
      return false;
    }
    const bound = { sock, host, port: sock.address().port };
    sock.on('message', (data: Buffer, rinfo: RemoteInfo) => {
      this.transcript.add('received', data.length === 0 ? '(empty datagram)' : data);
      this.inbox.push({ data, from: { address: rinfo.address, port: rinfo.port }, at: performance.now(), toPort: bound.port });
    });
    this.sockets.push(bound);
    return true;
  }

  get datagrams(): readonly Datagram[] {
    return this.inbox.datagrams;
  }

  /** Waits for the datagram at index `index` of everything received. */
  datagram(index: number, ms: number, signal?: AbortSignal): Promise<Datagram | undefined> {
    return this.inbox.next(index, ms, signal);
  }

  /**
   * Waits for the datagram at index `index`, as {@link datagram} does, but not for long after
   * `program` has ended: what it sent before its end is already queued on this peer's sockets,
   * so a client that crashed or gave up is not waited for until the timeout.
   */
  async datagramWhileRunning(index: number, ms: number, program: { waitForExit(ms: number, signal?: AbortSignal): Promise<unknown> }, signal?: AbortSignal): Promise<Datagram | undefined> {
    const settled = new AbortController();
    const either = signal ? AbortSignal.any([signal, settled.signal]) : settled.signal;
    try {
      return await Promise.race([
        this.inbox.next(index, ms, either),
        program.waitForExit(ms, either).then(
          () => this.inbox.next(index, READ_AFTER_EXIT_MS, either),
          () => undefined,
        ),
      ]);
    } finally {
      settled.abort();
    }
  }

  /** Sends `data` to `to` from the socket that received from it (or the first one). */
  reply(to: Datagram, data: Buffer): Promise<void> {
    const via = this.sockets.find((s) => s.port === to.toPort) ?? this.sockets[0];
    if (!via) return Promise.resolve();
    this.transcript.add('sent', data);
    return new Promise<void>((resolve) => via.sock.send(data, to.from.port, to.from.address, () => resolve()));
  }

  /**
   * Asks the kernel for receive buffers of `bytes` on every socket (capped by the system's
   * maximum), so that a client sending many datagrams at once does not overflow them.
   */
  receiveBuffer(bytes: number): void {
    for (const s of this.sockets) {
      try {
        s.sock.setRecvBufferSize(bytes);
      } catch {
        /* the system refuses: keep its default */
      }
    }
  }

  /** Ports this peer listens on. */
  get ports(): number[] {
    return this.sockets.map((s) => s.port);
  }

  close(): void {
    for (const s of this.sockets) {
      try {
        s.sock.close();
      } catch {
        /* already closed */
      }
    }
  }
}
