/**
 * Typed lines, one at a time, for the interactive reference clients of the chat exercises.
 * readline runs without terminal handling, so nothing typed is echoed into the output.
 */
import { createInterface, type Interface } from 'node:readline';

/** A queue of the lines read from `input`. */
export class LineInput {
  private readonly queue: string[] = [];
  private readonly waiters: ((line: string | undefined) => void)[] = [];
  private ended = false;
  private readonly rl: Interface;

  constructor(input: NodeJS.ReadableStream) {
    this.rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
    this.rl.on('line', (line) => {
      const waiter = this.waiters.shift();
      if (waiter) waiter(line);
      else this.queue.push(line);
    });
    this.rl.on('close', () => {
      this.ended = true;
      for (const w of this.waiters.splice(0)) w(undefined);
    });
  }

  /** The next line; undefined once the input has ended. */
  next(): Promise<string | undefined> {
    const line = this.queue.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops reading. */
  close(): void {
    this.rl.close();
  }
}

/** A string parameter, or `fallback` when it is absent. */
export function textParam(params: Readonly<Record<string, string | number | boolean>>, key: string, fallback: string): string {
  const v = params[key];
  return typeof v === 'string' ? v : fallback;
}

/** A number parameter, or `fallback` when it is absent. */
export function numberParam(params: Readonly<Record<string, string | number | boolean>>, key: string, fallback: number): number {
  const v = params[key];
  return typeof v === 'number' ? v : fallback;
}
