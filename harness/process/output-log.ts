/**
 * An observer of a launched program's output: keeps it up to a cap (the rest is counted and
 * dropped, so sockgrade's memory stays flat whatever a program prints), copies it into the
 * transcript, and remembers when output last came.
 */
import type { Transcript } from './transcript.js';

/** The output a program printed, as far as it is kept. */
export class OutputLog {
  private chunks: Buffer[] = [];
  private kept = 0;
  private dropped = 0;
  /** Transcript time of the last output (or of the start). */
  lastAt: number;

  constructor(
    private readonly transcript: Transcript,
    private readonly capBytes: number,
  ) {
    this.lastAt = transcript.now();
  }

  /** Takes one piece of output. */
  add(data: Buffer): void {
    this.lastAt = this.transcript.now();
    if (this.kept >= this.capBytes) {
      this.dropped += data.length;
      return;
    }
    const room = this.capBytes - this.kept;
    const kept = data.length > room ? data.subarray(0, room) : data;
    this.chunks.push(Buffer.from(kept));
    this.kept += kept.length;
    this.dropped += data.length - kept.length;
    this.transcript.add('program', Buffer.from(kept));
  }

  /** Everything kept so far. */
  buffer(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  /** Bytes kept. */
  get length(): number {
    return this.kept;
  }

  /** Bytes dropped because of the cap. */
  get droppedBytes(): number {
    return this.dropped;
  }
}
