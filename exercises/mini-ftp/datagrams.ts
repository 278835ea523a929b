/**
 * mini-ftp over UDP (transport=udp): a command is one datagram, and a body of frames (a reply,
 * or the content of a put) is the same bytes as over TCP cut into datagrams anywhere. This reads
 * datagrams one after another as one stream of bytes, so that the TCP body reader reads them.
 */
import type { ByteSource } from '../shared/files-body.js';

/** Largest payload of one datagram sockgrade sends in a body. */
export const DATAGRAM_MAX = 16 * 1024;

/** Datagrams read in order as one stream of bytes. */
export class DatagramBytes implements ByteSource {
  private readonly pieces: Buffer[] = [];
  private total = 0;
  private joined: Buffer | undefined;
  /** Sizes of the datagrams read so far. */
  readonly sizes: number[] = [];
  readonly closeKind = 'open' as const;
  readonly closed = false;

  /** `next` waits up to `ms` for the next datagram; `seed` is what the stream starts with (bytes after a command in its datagram). */
  constructor(
    private readonly next: (ms: number, signal?: AbortSignal) => Promise<Buffer | undefined>,
    seed?: Buffer,
  ) {
    if (seed && seed.length > 0) this.add(seed);
  }

  private add(data: Buffer): void {
    this.pieces.push(data);
    this.total += data.length;
    this.joined = undefined;
  }

  get received(): Buffer {
    this.joined ??= Buffer.concat(this.pieces);
    return this.joined;
  }

  get receivedBytes(): number {
    return this.total;
  }

  async waitForBytes(n: number, ms: number, signal?: AbortSignal): Promise<boolean> {
    const until = performance.now() + ms;
    while (this.total < n) {
      const left = until - performance.now();
      if (left <= 0) return false;
      const d = await this.next(left, signal);
      if (!d) return false;
      this.sizes.push(d.length);
      this.add(d);
    }
    return true;
  }
}

/** `body` cut into datagrams of 1 to `max` bytes (random cuts), at least one. */
export function cutIntoDatagrams(body: Buffer, rng: { int(min: number, max: number): number }, min: number, max = DATAGRAM_MAX): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < body.length; ) {
    const n = Math.min(body.length - at, rng.int(min, max));
    out.push(body.subarray(at, at + n));
    at += n;
  }
  return out.length > 0 ? out : [Buffer.alloc(0)];
}

/** A command line as it arrives in a datagram: the text up to a "\n" (a "\r" before it dropped), and the bytes after it. */
export function commandOf(data: Buffer): { line: string; rest: Buffer } {
  const nl = data.indexOf(0x0a);
  const end = nl < 0 ? data.length : nl;
  return { line: data.subarray(0, end).toString('utf8').replace(/\r$/, ''), rest: nl < 0 ? Buffer.alloc(0) : data.subarray(nl + 1) };
}
