/**
 * sockgrade playing the sender: selective repeat over UDP. Up to `window` packets are in flight,
 * each with its own retransmission timer (Jacobson's estimate, Karn's rule); an ACK names the one
 * packet it acknowledges. With a window above 1, packets reach the receiver ahead of their turn
 * whenever an earlier one is lost or reordered, which is what tests a receiver's reordering buffer.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { Transcript } from '../../harness/authoring.js';
import { waitFor } from '../../harness/authoring.js';
import { ACK, DATA, describePacket, packet, parsePacket } from './header.js';

/** How the sender behaves. */
export interface SenderOptions {
  /** Packets in flight at most (1 is stop-and-wait). */
  window: number;
  /** Retransmission timeout before any round trip has been measured. */
  initialRtoMs: number;
  /** The timeout never goes below this, whatever the measured round trips. */
  minRtoMs: number;
  /** Transmissions of one packet before the sender gives up. */
  maxTries: number;
  /** Time the whole transfer may take. */
  ms: number;
  signal: AbortSignal;
}

/** What happened during a transfer. */
export interface SendReport {
  /** Every message was acknowledged. */
  complete: boolean;
  acked: boolean[];
  /** Transmissions per sequence number. */
  tries: number[];
  /** Data datagrams sent, retransmissions included. */
  datagrams: number;
  /** Well-formed ACKs of a packet that had been sent. */
  validAcks: number;
  /** The packet that was sent `maxTries` times without an ACK. */
  gaveUpOn?: number;
  /** The transfer ran out of time. */
  timedOut: boolean;
  /** Sequence numbers of ACKs for packets never sent (first few). */
  strayAcks: number[];
  /** Datagrams that are not an ACK (first few). */
  notAcks: Buffer[];
}

/** A UDP socket that sends messages reliably to one address. */
export class ArqSender {
  readonly transcript: Transcript;

  private constructor(
    private readonly sock: Socket,
    private readonly target: { host: string; port: number },
    label: string,
    origin?: number,
  ) {
    this.transcript = new Transcript(label, origin);
  }

  /** Opens a socket on an ephemeral loopback port. */
  static async open(target: { host: string; port: number }, label: string, origin?: number): Promise<ArqSender> {
    const sock = createSocket('udp4');
    sock.on('error', () => {});
    await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', () => resolve()));
    return new ArqSender(sock, target, label, origin);
  }

  /** Sends `payloads` as packets 0, 1, 2…; resolves when all are acknowledged, or it gives up, or time runs out. */
  send(payloads: readonly Buffer[], opts: SenderOptions): Promise<SendReport> {
    const n = payloads.length;
    const report: SendReport = { complete: false, acked: payloads.map(() => false), tries: payloads.map(() => 0), datagrams: 0, validAcks: 0, timedOut: false, strayAcks: [], notAcks: [] };
    const timers = new Map<number, NodeJS.Timeout>();
    const firstSentAt: number[] = [];
    let base = 0;
    let next = 0;
    let rto = opts.initialRtoMs;
    let srtt: number | undefined;
    let rttvar = 0;
    return waitFor<SendReport>('the transfer to finish', opts.ms, opts.signal, (done) => {
      let finished = false;
      const finish = (): void => {
        if (finished) return;
        finished = true;
        report.complete = report.acked.every(Boolean);
        done(report);
      };
      const transmit = (seq: number): void => {
        const data = packet(seq, DATA, payloads[seq]);
        report.tries[seq] = (report.tries[seq] ?? 0) + 1;
        report.datagrams += 1;
        if (report.tries[seq] === 1) firstSentAt[seq] = performance.now();
        this.transcript.add('sent', `${describePacket(data)}${(report.tries[seq] ?? 0) > 1 ? ` (retransmission ${(report.tries[seq] ?? 0) - 1})` : ''}`);
        this.sock.send(data, this.target.port, this.target.host);
        timers.set(
          seq,
          setTimeout(() => onTimeout(seq), rto),
        );
      };
      const onTimeout = (seq: number): void => {
        timers.delete(seq);
        if (finished || report.acked[seq]) return;
        if ((report.tries[seq] ?? 0) >= opts.maxTries) {
          report.gaveUpOn = seq;
          finish();
          return;
        }
        transmit(seq);
      };
      const fill = (): void => {
        while (next < n && next < base + opts.window) transmit(next++);
      };
      const onMessage = (d: Buffer, _r: RemoteInfo): void => {
        if (finished) return;
        this.transcript.add('received', describePacket(d));
        const p = parsePacket(d);
        if (!p || p.type !== ACK) {
          if (report.notAcks.length < 5) report.notAcks.push(d);
          return;
        }
        if (p.seq >= next) {
          if (report.strayAcks.length < 5) report.strayAcks.push(p.seq);
          return;
        }
        if (report.acked[p.seq]) return;
        report.acked[p.seq] = true;
        report.validAcks += 1;
        clearTimeout(timers.get(p.seq));
        timers.delete(p.seq);
        if (report.tries[p.seq] === 1) sampleRtt(performance.now() - (firstSentAt[p.seq] ?? 0));
        while (base < n && report.acked[base]) base += 1;
        if (base === n) finish();
        else fill();
      };
      const sampleRtt = (rtt: number): void => {
        if (srtt === undefined) {
          srtt = rtt;
          rttvar = rtt / 2;
        } else {
          rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - rtt);
          srtt = 0.875 * srtt + 0.125 * rtt;
        }
        rto = Math.min(3000, Math.max(opts.minRtoMs, srtt + 4 * rttvar));
      };
      this.sock.on('message', onMessage);
      if (n === 0) finish();
      else fill();
      return () => {
        finished = true;
        for (const t of timers.values()) clearTimeout(t);
        timers.clear();
        this.sock.off('message', onMessage);
      };
    }).catch((err: unknown) => {
      if ((err as { code?: string }).code !== 'SOCKGRADE_WAIT_TIMEOUT') throw err;
      report.timedOut = true;
      report.complete = false;
      return report;
    });
  }

  close(): void {
    try {
      this.sock.close();
    } catch {
      /* already closed */
    }
  }
}
