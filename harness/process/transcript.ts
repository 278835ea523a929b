/**
 * A timestamped record of a conversation, kept apart by who said what: what a program printed,
 * what sockgrade typed into it, what crossed a socket in each direction, and notable events.
 */

/** Who produced an entry. */
export type TranscriptSource = 'program' | 'typed' | 'sent' | 'received' | 'event';

/** One entry; `t` is milliseconds since the transcript started. */
export interface TranscriptEntry {
  t: number;
  source: TranscriptSource;
  data: Buffer | string;
}

/** A transcript as it is serialised into a result: text already escaped for reading. */
export interface TranscriptView {
  label: string;
  /** For a connection: sockgrade's end and the program's end (`address:port`), to find its packets in a trace. */
  wire?: WireEnds;
  entries: { t: number; source: TranscriptSource; text: string; bytes?: number }[];
  truncated?: string;
}

/** The two ends of a connection, `address:port` as a trace names them. */
export interface WireEnds {
  local: string;
  remote: string;
}

/** Collects entries for one program or one network client, with a cap on what it keeps. */
export class Transcript {
  readonly entries: TranscriptEntry[] = [];
  /** For a connection: its two ends, once known. */
  wire: WireEnds | undefined;
  private kept = 0;
  private dropped = 0;

  constructor(
    readonly label: string,
    readonly origin: number = performance.now(),
    private readonly capBytes = 256 * 1024,
  ) {}

  /** Milliseconds since the transcript's origin. */
  now(): number {
    return performance.now() - this.origin;
  }

  add(source: TranscriptSource, data: Buffer | string): void {
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    if (this.kept + size > this.capBytes) {
      this.dropped += size;
      return;
    }
    this.kept += size;
    const last = this.entries[this.entries.length - 1];
    const t = this.now();
    if (last && last.source === source && source !== 'event' && t - last.t < 2 && Buffer.isBuffer(data) && Buffer.isBuffer(last.data)) {
      last.data = Buffer.concat([last.data, data]);
      return;
    }
    this.entries.push({ t, source, data });
  }

  event(text: string): void {
    this.add('event', text);
  }

  /** Bytes not kept because the cap was reached. */
  get droppedBytes(): number {
    return this.dropped;
  }
}
