/**
 * Typed lines, one at a time, for the interactive reference clients.
 * readline runs without terminal handling, so nothing typed is echoed into the output.
 */
import { createInterface, type Interface } from 'node:readline';
import { AsyncQueue } from './queue.js';

/** A queue of the lines read from `input`. */
export class LineInput {
  private readonly lines = new AsyncQueue<string>();
  private readonly rl: Interface;

  constructor(input: NodeJS.ReadableStream) {
    this.rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
    this.rl.on('line', (line) => this.lines.push(line));
    this.rl.on('close', () => this.lines.end());
  }

  /** The next line; undefined once the input has ended. */
  next(): Promise<string | undefined> {
    return this.lines.next();
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
