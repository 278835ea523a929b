/**
 * sockgrade playing the receiver: acknowledges every data packet it keeps or has already
 * delivered (same sequence number, type 1), keeps packets that arrive ahead of their turn, and
 * delivers each sequence number once, in order. Whatever a sender gets wrong shows up in what it
 * delivers.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { Transcript } from '../../harness/authoring.js';
import { waitFor } from '../../harness/authoring.js';
import { ACK, DATA, describePacket, packet, parsePacket } from './header.js';

/** How far ahead of the next expected sequence number a packet is still kept. */
export const RECEIVE_WINDOW = 1024;

/** A UDP socket that receives messages reliably. */
export class ArqReceiver {
  readonly transcript: Transcript;
  /** Payloads delivered, in sequence order. */
  readonly delivered: Buffer[] = [];
  /** Datagrams received, of any kind. */
  datagrams = 0;
  /** Data packets received, duplicates included. */
  dataPackets = 0;
  /** Datagrams that are not data packets (first few). */
  readonly notData: Buffer[] = [];
  /** Sequence numbers too far ahead to be kept (first few): not acknowledged. */
  readonly farAhead: number[] = [];
  private expected = 0;
  private readonly ahead = new Map<number, Buffer>();
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly sock: Socket,
    label: string,
    origin?: number,
  ) {
    this.transcript = new Transcript(label, origin);
    sock.on('message', (d: Buffer, r: RemoteInfo) => this.onDatagram(d, r));
  }

  /** Binds an ephemeral loopback port. */
  static async open(label: string, origin?: number): Promise<ArqReceiver> {
    const sock = createSocket('udp4');
    sock.on('error', () => {});
    await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', () => resolve()));
    return new ArqReceiver(sock, label, origin);
  }

  get port(): number {
    return this.sock.address().port;
  }

  /** Waits until `count` datagrams have been received; resolves false when that takes longer than `ms`. */
  async received(count: number, ms: number, signal?: AbortSignal): Promise<boolean> {
    try {
      await waitFor<void>(`${count} datagrams`, ms, signal, (done) => {
        const check = (): void => {
          if (this.datagrams >= count) done();
        };
        this.listeners.add(check);
        check();
        return () => this.listeners.delete(check);
      });
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'SOCKGRADE_WAIT_TIMEOUT') return false;
      throw err;
    }
  }

  private onDatagram(d: Buffer, r: RemoteInfo): void {
    this.datagrams += 1;
    try {
      this.handle(d, r);
    } finally {
      for (const l of [...this.listeners]) l();
    }
  }

  private handle(d: Buffer, r: RemoteInfo): void {
    this.transcript.add('received', describePacket(d));
    const p = parsePacket(d);
    if (!p || p.type !== DATA) {
      if (this.notData.length < 5) this.notData.push(d);
      return;
    }
    this.dataPackets += 1;
    if (p.seq >= this.expected + RECEIVE_WINDOW) {
      if (this.farAhead.length < 5) this.farAhead.push(p.seq);
      return;
    }
    if (p.seq >= this.expected && !this.ahead.has(p.seq)) this.ahead.set(p.seq, Buffer.from(p.payload));
    while (this.ahead.has(this.expected)) {
      this.delivered.push(this.ahead.get(this.expected) as Buffer);
      this.ahead.delete(this.expected);
      this.expected += 1;
    }
    const ack = packet(p.seq, ACK);
    this.transcript.add('sent', describePacket(ack));
    this.sock.send(ack, r.port, r.address);
  }

  close(): void {
    try {
      this.sock.close();
    } catch {
      /* already closed */
    }
  }
}
