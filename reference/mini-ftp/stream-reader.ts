/**
 * Reading a mini-ftp connection in its two shapes, for the reference server and client: lines
 * (commands) and bodies of frames (file contents and replies), from one buffered stream so that
 * bytes that arrive together with a command line are kept for the body that follows it.
 */
import type { Socket } from 'node:net';
import { BodyParser } from '../../exercises/shared/files-body.js';

/** A socket read as lines and bodies. */
export class StreamReader {
  private pending: Buffer = Buffer.alloc(0);
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
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

  /** Waits for more bytes; false once the stream has ended. */
  private async more(): Promise<boolean> {
    if (this.ended) return false;
    await new Promise<void>((resolve) => (this.wake = resolve));
    return this.pending.length > 0 || !this.ended;
  }

  /** The next line without its `\n` (and `\r`); undefined when the stream ends first. */
  async line(): Promise<string | undefined> {
    for (;;) {
      const nl = this.pending.indexOf(0x0a);
      if (nl >= 0) {
        const line = this.pending.subarray(0, nl).toString('utf8').replace(/\r$/, '');
        this.pending = this.pending.subarray(nl + 1);
        return line;
      }
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
