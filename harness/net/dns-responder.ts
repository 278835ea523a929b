/**
 * A tiny DNS server for the programs of one check in a hermetic run: it answers every name with
 * sockgrade's address (or, for exercises that test failed look-ups, no name at all), so a host
 * name a program hard-codes (`www.python.org`, `pool.ntp.org`, a LAN name) reaches sockgrade's
 * peer whatever language or resolver library the program uses. Programs find it through their
 * own /etc/resolv.conf (see `name-service.ts`). It listens on port 53 of an address of its own
 * in 127.53.0.0/16, which only a run in its own network namespace may bind.
 */
import { createSocket, type Socket } from 'node:dgram';
import { DNS_RCODE, DNS_TYPE, buildAnswer, parseQuery } from './dns-message.js';

/** What the responder answers: every name with `address`, or no name at all (`address` undefined). */
export interface DnsPolicy {
  address?: string;
}

let nextAddress = 0;

/** A running responder; {@link DnsResponder.close} frees its socket. */
export class DnsResponder {
  /** Names asked for (A or AAAA), in order of first asking. */
  readonly asked: string[] = [];

  private constructor(
    private readonly sock: Socket,
    /** IPv4 address it listens on, port 53. */
    readonly address: string,
    private readonly policy: DnsPolicy,
  ) {
    sock.on('message', (msg, rinfo) => {
      const reply = this.answer(msg);
      if (reply) sock.send(reply, rinfo.port, rinfo.address, () => {});
    });
  }

  /**
   * Starts a responder on a fresh address, port 53 (another `port` only for tests: resolv.conf
   * cannot name one); undefined when the port cannot be bound here (not a hermetic run).
   */
  static async start(policy: DnsPolicy, port = 53): Promise<DnsResponder | undefined> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const n = (nextAddress++ % 65_000) + 1;
      const address = `127.53.${n >> 8}.${n & 255}`;
      const sock = await bind(address, port);
      if (sock === 'denied') return undefined;
      if (sock) return new DnsResponder(sock, address, policy);
    }
    return undefined;
  }

  /** The UDP port it answers on. */
  get port(): number {
    return this.sock.address().port;
  }

  private answer(msg: Buffer): Buffer | undefined {
    const q = parseQuery(msg);
    if (!q) return undefined;
    if ((q.type === DNS_TYPE.A || q.type === DNS_TYPE.AAAA) && q.name !== '' && !this.asked.includes(q.name)) this.asked.push(q.name);
    const known = this.policy.address !== undefined && q.type !== DNS_TYPE.PTR && q.name !== '';
    if (!known) return buildAnswer(q, DNS_RCODE.NXDOMAIN);
    return buildAnswer(q, DNS_RCODE.NOERROR, q.type === DNS_TYPE.A && q.qclass === 1 ? this.policy.address : undefined);
  }

  /** Stops answering. */
  close(): void {
    try {
      this.sock.close();
    } catch {
      /* already closed */
    }
  }
}

function bind(address: string, port: number): Promise<Socket | 'denied' | undefined> {
  const sock = createSocket({ type: 'udp4', reuseAddr: false });
  return new Promise((resolve) => {
    sock.once('error', (err: NodeJS.ErrnoException) => {
      try {
        sock.close();
      } catch {
        /* never bound */
      }
      resolve(err.code === 'EADDRINUSE' ? undefined : 'denied');
    });
    sock.bind(port, address, () => {
      sock.removeAllListeners('error');
      sock.on('error', () => {});
      sock.unref();
      resolve(sock);
    });
  });
}
