/**
 * Reading what a chat peer sent on a TCP connection: waiting until the bytes received satisfy a
 * test, and, for line-based protocols, splitting them into lines as they arrive.
 */
import type { Connection } from '../../harness/net/connection.js';

/**
 * Re-runs `test` whenever bytes arrive on `conn` until it returns a value. Returns undefined
 * when `ms` passes, the connection ends, or (with `quietMs`) nothing arrives for that long;
 * `test` gets one last look first.
 */
export async function waitOnConnection<T>(conn: Connection, test: () => T | undefined, ms: number, signal?: AbortSignal, quietMs?: number): Promise<T | undefined> {
  const until = performance.now() + ms;
  for (;;) {
    const v = test();
    if (v !== undefined) return v;
    const left = until - performance.now();
    if (left <= 0) return undefined;
    const more = await conn.waitForBytes(conn.receivedBytes + 1, quietMs === undefined ? left : Math.min(quietMs, left), signal);
    if (!more) return test();
  }
}

/** Text received on `conn` after byte `from`. */
export function textSince(conn: Connection, from = 0): string {
  return conn.received.subarray(from).toString('utf8');
}

/** The lines received on one connection (`\n`-terminated, a trailing `\r` dropped), split as they arrive. */
export class LineInbox {
  readonly lines: string[] = [];
  private splitUpTo = 0;

  constructor(readonly conn: Connection) {}

  /** Splits what arrived since the last call into lines. */
  sync(): readonly string[] {
    const all = this.conn.received;
    let at = this.splitUpTo;
    for (let nl = all.indexOf(0x0a, at); nl >= 0; nl = all.indexOf(0x0a, at)) {
      this.lines.push(all.subarray(at, nl).toString('utf8').replace(/\r$/, ''));
      at = nl + 1;
    }
    this.splitUpTo = at;
    return this.lines;
  }

  /** Text after the last complete line (a prompt sent without a newline, or a line still arriving). */
  get partial(): string {
    return this.conn.received.subarray(this.splitUpTo).toString('utf8');
  }

  /** Everything received, as text. */
  get text(): string {
    return this.conn.received.toString('utf8');
  }

  /** Waits until `test` (which sees up-to-date `lines`) returns a value; see {@link waitOnConnection}. */
  until<T>(test: (lines: readonly string[]) => T | undefined, ms: number, signal?: AbortSignal, quietMs?: number): Promise<T | undefined> {
    return waitOnConnection(this.conn, () => test(this.sync()), ms, signal, quietMs);
  }

  /** Index of the first line at or after `from` that contains `text`, or -1. */
  find(text: string, from = 0): number {
    this.sync();
    for (let i = from; i < this.lines.length; i++) if ((this.lines[i] as string).includes(text)) return i;
    return -1;
  }

  /** Waits for a line containing `text` at or after line `from`; its index, or -1. */
  async waitForLine(text: string, ms: number, signal?: AbortSignal, from = 0): Promise<number> {
    const i = await this.until(() => {
      const at = this.find(text, from);
      return at >= 0 ? at : undefined;
    }, ms, signal);
    return i ?? -1;
  }

  /** The last `n` lines (and any partial one), escaped-friendly, for a report. */
  tail(n = 6): string {
    this.sync();
    const shown = this.lines.slice(-n).map((l) => JSON.stringify(l));
    const partial = this.partial;
    if (partial !== '') shown.push(`${JSON.stringify(partial)} (no newline yet)`);
    return shown.length ? shown.join(', ') : '(nothing)';
  }
}
