/**
 * A UDP proxy sockgrade puts between a sender and a receiver, with seeded loss, duplication,
 * reordering and delay on each direction (see `udp-faults/`). Like a NAT, it gives every client
 * address its own upstream socket, so replies go back to the client they answer. The fate of a
 * datagram depends only on the seed and its index in its direction, never on the clock: the same
 * seed gives the same fault schedule.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { FaultSchedule, type Fate, type UdpFaults } from './udp-faults/index.js';
import { waitFor } from '../util/deadline.js';
import { Rng } from '../util/rng.js';

export type { UdpFaults, Fate } from './udp-faults/index.js';

/** client → target (`upstream`) or target → client (`downstream`). */
export type UdpDirection = 'upstream' | 'downstream';

/** Where the proxy forwards and what it does to the datagrams. */
export interface UdpProxyOptions {
  target: { host: string; port: number };
  /** Address the proxy listens on; default 127.0.0.1. */
  listenHost?: string;
  /** Port the proxy listens on; default 0 (the OS chooses). */
  listenPort?: number;
  /** Seed of every fault choice: the same seed gives the same schedule. */
  seed: number;
  /** Faults per direction; a direction not given is forwarded untouched. */
  faults?: { upstream?: UdpFaults; downstream?: UdpFaults };
  /** Called once per datagram the proxy receives, with its index in its direction and its fate. */
  onDatagram?: (e: UdpProxyEvent) => void;
}

/** One datagram seen by the proxy. */
export interface UdpProxyEvent {
  direction: UdpDirection;
  index: number;
  data: Buffer;
  fate: Fate;
}

/** Counts of one direction. */
export interface UdpDirectionStats {
  /** Datagrams received by the proxy. */
  in: number;
  /** Datagrams forwarded (copies included). */
  out: number;
  dropped: number;
  duplicated: number;
  /** Datagrams held back to be forwarded after the next one. */
  reordered: number;
  /** Datagrams that waited a non-zero delay. */
  delayed: number;
}

/** Counts of a proxy, per direction. */
export interface UdpProxyStats {
  upstream: UdpDirectionStats;
  downstream: UdpDirectionStats;
  /** Distinct client addresses seen. */
  clients: number;
}

const emptyStats = (): UdpDirectionStats => ({ in: 0, out: 0, dropped: 0, duplicated: 0, reordered: 0, delayed: 0 });

/** Applies one direction's fault schedule and forwards what survives. */
class Direction {
  readonly stats = emptyStats();
  private readonly schedule: FaultSchedule;
  private held: { emit: () => void; timer: NodeJS.Timeout }[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly name: UdpDirection,
    seed: number,
    faults: UdpFaults | undefined,
    private readonly onPending: () => void,
    private readonly onDatagram: ((e: UdpProxyEvent) => void) | undefined,
  ) {
    this.schedule = new FaultSchedule(seed, faults, `UdpProxy.start: faults.${name}`);
  }

  /** Datagrams waiting on a delay or held back. */
  get pending(): number {
    return this.timers.size + this.held.length;
  }

  /** Takes one datagram in; `send` forwards one copy. */
  push(data: Buffer, send: (data: Buffer) => void): void {
    const index = this.stats.in++;
    const fate = this.schedule.fate(index);
    this.onDatagram?.({ direction: this.name, index, data, fate });
    if (fate.drop) {
      this.stats.dropped += 1;
      return;
    }
    if (fate.copies === 2) this.stats.duplicated += 1;
    const emit = (): void => {
      for (let c = 0; c < fate.copies; c++) {
        this.stats.out += 1;
        send(data);
      }
    };
    const release = (): void => (fate.holdBack ? this.hold(emit) : this.forward(emit));
    if (fate.delayMs > 0) {
      this.stats.delayed += 1;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        release();
        this.onPending();
      }, fate.delayMs);
      this.timers.add(timer);
    } else {
      release();
    }
  }

  /** Forwards now, then whatever was held back waiting for a next datagram. */
  private forward(emit: () => void): void {
    emit();
    const held = this.held;
    this.held = [];
    for (const h of held) {
      clearTimeout(h.timer);
      h.emit();
    }
    if (held.length > 0) this.onPending();
  }

  private hold(emit: () => void): void {
    this.stats.reordered += 1;
    const entry = {
      emit,
      timer: setTimeout(() => {
        this.held = this.held.filter((h) => h !== entry);
        emit();
        this.onPending();
      }, this.schedule.holdMs),
    };
    this.held.push(entry);
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const h of this.held) clearTimeout(h.timer);
    this.held = [];
  }
}

/** A running UDP proxy. */
export class UdpProxy {
  private readonly upstream: Direction;
  private readonly downstream: Direction;
  private readonly clients = new Map<string, Promise<Socket>>();
  private readonly pendingListeners = new Set<() => void>();
  private closed = false;

  private constructor(
    private readonly listener: Socket,
    private readonly opts: UdpProxyOptions,
  ) {
    const notify = (): void => {
      for (const l of [...this.pendingListeners]) l();
    };
    const rng = new Rng(opts.seed);
    this.upstream = new Direction('upstream', rng.fork('upstream').seed, opts.faults?.upstream, notify, opts.onDatagram);
    this.downstream = new Direction('downstream', rng.fork('downstream').seed, opts.faults?.downstream, notify, opts.onDatagram);
    listener.on('message', (data: Buffer, rinfo: RemoteInfo) => this.fromClient(data, rinfo));
  }

  /** Binds the listening socket and resolves once datagrams can be sent to {@link port}. */
  static async start(opts: UdpProxyOptions): Promise<UdpProxy> {
    const host = opts.listenHost ?? '127.0.0.1';
    const listener = await bind(host, opts.listenPort ?? 0);
    try {
      return new UdpProxy(listener, opts);
    } catch (err) {
      listener.close();
      throw err;
    }
  }

  /** The port senders send to. */
  get port(): number {
    return this.listener.address().port;
  }

  /** Counts per direction. */
  get stats(): UdpProxyStats {
    return { upstream: { ...this.upstream.stats }, downstream: { ...this.downstream.stats }, clients: this.clients.size };
  }

  /** Datagrams still waiting on a delay or held back, both directions. */
  get pending(): number {
    return this.upstream.pending + this.downstream.pending;
  }

  /** Waits until nothing is pending; resolves false when that takes longer than `ms`. */
  async drained(ms: number, signal?: AbortSignal): Promise<boolean> {
    try {
      await waitFor<void>('the proxy to forward what it holds', ms, signal, (done) => {
        const check = (): void => {
          if (this.pending === 0) done();
        };
        this.pendingListeners.add(check);
        check();
        return () => this.pendingListeners.delete(check);
      });
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'SOCKGRADE_WAIT_TIMEOUT') return false;
      throw err;
    }
  }

  private fromClient(data: Buffer, rinfo: RemoteInfo): void {
    if (this.closed) return;
    const upstreamSocket = this.socketFor(rinfo);
    const { host, port } = this.opts.target;
    this.upstream.push(data, (d) => {
      // Promise callbacks run in the order they were registered: copies keep their order.
      void upstreamSocket.then(
        (s) => {
          if (!this.closed) s.send(d, port, host);
        },
        () => {},
      );
    });
  }

  /** The upstream socket of a client address, opened on first use (like a NAT mapping). */
  private socketFor(rinfo: RemoteInfo): Promise<Socket> {
    const key = `${rinfo.address}|${rinfo.port}`;
    const known = this.clients.get(key);
    if (known) return known;
    const opened = bind(isIPv6(this.opts.target.host) ? '::1' : '127.0.0.1', 0).then((sock) => {
      sock.on('message', (data: Buffer) => {
        if (this.closed) return;
        this.downstream.push(data, (d) => {
          if (!this.closed) this.listener.send(d, rinfo.port, rinfo.address);
        });
      });
      return sock;
    });
    // A failed bind (no ephemeral port left) leaves the datagrams of that client unforwarded.
    opened.catch(() => {});
    this.clients.set(key, opened);
    return opened;
  }

  /** Stops forwarding, drops whatever is pending and closes every socket. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.upstream.close();
    this.downstream.close();
    const upstreams = await Promise.all([...this.clients.values()].map((p) => p.catch(() => undefined)));
    const sockets = [this.listener, ...upstreams].filter((s): s is Socket => s !== undefined);
    await Promise.all(sockets.map((s) => closeSocket(s)));
    this.clients.clear();
    for (const l of [...this.pendingListeners]) l();
  }
}

function bind(host: string, port: number): Promise<Socket> {
  const sock = createSocket({ type: isIPv6(host) ? 'udp6' : 'udp4' });
  return new Promise<Socket>((resolve, reject) => {
    sock.once('error', (err) => {
      sock.close();
      reject(err);
    });
    sock.bind(port, host, () => {
      sock.removeAllListeners('error');
      sock.on('error', () => {});
      resolve(sock);
    });
  });
}

function closeSocket(s: Socket): Promise<void> {
  return new Promise<void>((resolve) => {
    try {
      s.close(() => resolve());
    } catch {
      resolve();
    }
  });
}
