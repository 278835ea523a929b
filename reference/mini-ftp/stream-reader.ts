/**
 * Reading a mini-ftp connection in its two shapes, for the reference server and client: lines
 * (commands) and bodies of frames (file contents and replies), from one buffered stream so that
 * bytes that arrive together with a command line are kept for the body that follows it.
 */
import type { Socket } from 'node:net';
import { BodyParser } from '../../exercises/shared/files-body.js';

/** Longest command line accepted, in bytes. */
export const MAX_LINE = 64 * 1024;

/** Bytes kept unread before the socket is paused (backpressure: a client cannot make the server grow). */
export const HIGH_WATER = 1024 * 1024;

/** A command line longer than {@link MAX_LINE}. */
export class LineTooLong extends Error {}

/** A socket read as lines and bodies. */
export class StreamReader {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of `pending` already searched for a newline. */
  private searched = 0;
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
      if (this.pending.length >= HIGH_WATER) socket.pause();
      this.notify();
    });
    for (const ev of ['end', 'close', 'error']) {
      socket.on(ev, () => {
        this.ended = true;
        this.notify();
      });
    }
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** Waits for more bytes (reading again if paused); false once the stream has ended. */
  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const woken = new Promise<void>((resolve) => (this.wake = resolve));
    if (this.socket.isPaused()) this.socket.resume();
    await woken;
    return this.pending.length > 0 || !this.ended;
  }

  /**
   * The next line without its `\n` (and `\r`); undefined when the stream ends first. Each byte
   * is searched once; a line longer than {@link MAX_LINE} throws {@link LineTooLong}.
   */
  async line(): Promise<string | undefined> {
    for (;;) {
      const nl = this.pending.indexOf(0x0a, this.searched);
      if (nl >= 0) {
        const line = this.pending.subarray(0, nl).toString('utf8').replace(/\r$/, '');
        this.pending = this.pending.subarray(nl + 1);
        this.searched = 0;
        return line;
      }
      this.searched = this.pending.length;
      if (this.searched > MAX_LINE) throw new LineTooLong(`a command line longer than ${MAX_LINE} bytes`);
      if (!(await this.more())) return undefined;
    }
  }

  /** The next body of frames; a string says why it is malformed, undefined means the stream ended first. */
  async body(): Promise<Buffer | string | undefined> {
    const parser = new BodyParser();
    const parts: Buffer[] = [];
    for (;;) {
      const data = this.pending;
      this.pending = Buffer.alloc(0);
      this.searched = 0;
      const { payload, rest } = parser.push(data);
      parts.push(...payload);
      if (parser.error) return parser.error;
      if (parser.done) {
        this.pending = rest ?? Buffer.alloc(0);
        return Buffer.concat(parts);
      }
      if (!(await this.more())) return undefined;
    }
  }
}
