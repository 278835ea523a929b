/**
 * Waiting for a file a program writes in its working folder to be complete. The OS offers no
 * event for "the program finished writing", so the file's size and modification time are polled
 * and the wait ends on an event of the check (the connection ended, the whole file was delivered)
 * followed by the file staying unchanged for a short settle time. Every wait is bounded.
 */
import { starvedTotal } from '../../harness/util/starvation.js';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { CheckContext } from '../../harness/engine/context.js';
import { poll } from '../../harness/util/deadline.js';

/** When to stop waiting for a file. */
export interface SettleOptions {
  /** The transfer is over from the program's side (it closed the connection, replied, or exited). */
  ended: () => boolean;
  /** Every byte has reached the program (its socket); until then the file may rightly be unchanged. */
  delivered?: () => boolean;
  /** Size of a correct copy: reaching it and staying so for `settleMs` ends the wait. */
  expectedSize?: number;
  /** How long the file must stay unchanged after `ended` (or at the expected size). Default 150 ms. */
  settleMs?: number;
  /** How long the file may stay unchanged after everything was delivered before giving up. Default 1500 ms. */
  idleMs?: number;
  /** The program is still working (using CPU): an unchanged file is not yet a verdict. */
  busy?: () => boolean;
  /** Upper bound of the whole wait. */
  ms: number;
}

/** Why a settle wait ended. */
export type SettleEnd = 'ended' | 'complete-size' | 'idle' | 'timeout';

/**
 * How recent a sample of {@link SettleOptions.busy} that said busy must be, before the wait's
 * last sample, for the program to count as busy when the wait ended. One sample is not enough:
 * a program spinning on a loaded machine is often off the CPU for one 20 ms interval.
 */
const BUSY_WINDOW_MS = 500;

/** `path` inside the program's working folder, refusing names that would leave it. */
export function inWorkDir(ctx: CheckContext, name: string): string {
  const path = join(ctx.workDir, name);
  const rel = relative(ctx.workDir, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`file name "${name}" leaves the working folder`);
  return path;
}

/** The file's content, or undefined when it does not exist (or is not a readable file). */
export async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

async function signature(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

/**
 * Waits until the program is done writing `path`, as {@link SettleOptions} says, and returns
 * its content (undefined when it does not exist), the reason the wait ended, and whether the
 * program was still busy then (it used the CPU within {@link BUSY_WINDOW_MS} of the last sample).
 */
export async function settleFile(ctx: CheckContext, path: string, opts: SettleOptions): Promise<{ content: Buffer | undefined; end: SettleEnd; busy: boolean }> {
  const settleMs = opts.settleMs ?? 150;
  const idleMs = opts.idleMs ?? 1500;
  let last = await signature(path);
  let changedAt = performance.now();
  let starvedAtChange = starvedTotal();
  let deliveredAt: number | undefined;
  let busyAt = 0;
  let sampledAt = 0;
  let eventAt = 0;
  let starvedAtEvent = 0;
  let end: SettleEnd = 'timeout';
  await poll<SettleEnd>(`${path} to be complete`, ctx.within(opts.ms), ctx.signal, async () => {
    const now = performance.now();
    const sig = await signature(path);
    if (sig !== last) {
      last = sig;
      changedAt = now;
      starvedAtChange = starvedTotal();
    }
    const still = now - changedAt - (starvedTotal() - starvedAtChange);
    if (opts.ended() && still >= settleMs) return 'ended';
    if (opts.expectedSize !== undefined && still >= settleMs && (await sizeOf(path)) === opts.expectedSize) return 'complete-size';
    if (deliveredAt === undefined && (opts.delivered?.() ?? true)) deliveredAt = now;
    if (opts.busy) {
      sampledAt = now;
      if (opts.busy()) busyAt = now;
    }
    if (deliveredAt === undefined) return undefined;
    const latest = Math.max(deliveredAt, changedAt, busyAt);
    if (latest !== eventAt) [eventAt, starvedAtEvent] = [latest, starvedTotal()];
    if (now - latest - (starvedTotal() - starvedAtEvent) >= idleMs) return 'idle';
    return undefined;
  }, 20)
    .then((e) => {
      end = e;
    })
    .catch((err: unknown) => {
      if ((err as { code?: string }).code !== 'SOCKGRADE_WAIT_TIMEOUT') throw err;
    });
  return { content: await readIfExists(path), end, busy: busyAt > 0 && sampledAt - busyAt <= BUSY_WINDOW_MS };
}

/** CPU time (clock ticks) used so far by `pids`, from /proc; undefined where that cannot be read. */
function cpuTicks(pids: readonly number[]): number | undefined {
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += Number(fields[11]) + Number(fields[12]);
    } catch {
      return undefined;
    }
  }
  return total;
}

/**
 * A probe that says whether the processes of `tree()` used CPU since the last call: a program
 * still copying (slowly) is busy, one blocked waiting for bytes that never come is not.
 */
export function cpuBusyProbe(tree: () => readonly number[]): () => boolean {
  let last = cpuTicks(tree());
  return () => {
    const now = cpuTicks(tree());
    const busy = now !== undefined && last !== undefined && now > last;
    last = now;
    return busy;
  };
}
