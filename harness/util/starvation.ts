/**
 * How long the grader and the programs it watches waited for a CPU (the run-queue delay the
 * kernel counts in /proc/<pid>/schedstat). Waits that decide verdicts do not count that time:
 * on a loaded machine a verdict is delayed, never changed. Where schedstat is missing (not
 * Linux), nothing is counted and waits keep their wall-clock length.
 */
import { readFileSync, readdirSync } from 'node:fs';

const watched = new Set<number>();

/** Counts the starvation of `pid` and its descendants while they live; returns the function that stops counting. */
export function watchStarvation(pid: number): () => void {
  watched.add(pid);
  return () => void watched.delete(pid);
}

function delayMs(pid: number | 'self'): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ');
    const ns = Number(fields[1]);
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) out.push(...text.split(' ').map(Number));
    }
  } catch {
    /* gone */
  }
  return out;
}

function delays(): Map<number | 'self', number> {
  const out = new Map<number | 'self', number>();
  const self = delayMs('self');
  if (self !== undefined) out.set('self', self);
  const seen = new Set<number>();
  const stack = [...watched];
  while (stack.length > 0 && seen.size < 512) {
    const pid = stack.pop() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const d = delayMs(pid);
    if (d !== undefined) out.set(pid, d);
    stack.push(...childrenOf(pid));
  }
  return out;
}

const SAMPLE_MS = 100;
let starved = 0;
let last = new Map<number | 'self', number>();
let sampler: NodeJS.Timeout | undefined;
let waiting = 0;

/** How old a sample {@link starvedTotal} may reuse: budgets are seconds long, and a sample walks /proc. */
const FRESH_MS = 20;
let sampledAt = -Infinity;

/** Adds the longest CPU wait of any one process since the last sample to the running total. */
function sample(): number {
  sampledAt = performance.now();
  const now = delays();
  let worst = 0;
  for (const [pid, d] of now) worst = Math.max(worst, d - (last.get(pid) ?? (pid === 'self' ? d : 0)));
  starved += worst;
  last = now;
  return starved;
}

function hold(): void {
  if (waiting++ === 0) {
    last = delays();
    sampler = setInterval(sample, SAMPLE_MS);
    sampler.unref();
  }
}

function release(): void {
  if (--waiting === 0 && sampler) {
    clearInterval(sampler);
    sampler = undefined;
  }
}

/** Milliseconds the grader and watched programs have waited for a CPU so far (counted while some wait is pending; from a sample at most {@link FRESH_MS} old). */
export function starvedTotal(): number {
  return waiting > 0 && performance.now() - sampledAt >= FRESH_MS ? sample() : starved;
}

/**
 * Calls `expire` once `ms` have passed that were not spent waiting for a CPU (by the grader or
 * by any watched program), but at the latest after `ms * maxStretch` of wall time. Returns the
 * function that cancels it.
 */
export function patientTimer(ms: number, expire: () => void, maxStretch = 4): () => void {
  hold();
  const mark = starved;
  const t0 = performance.now();
  let granted = 0;
  let done = false;
  let timer: NodeJS.Timeout;
  const end = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    release();
  };
  const arm = (wait: number): void => {
    timer = setTimeout(() => {
      const owed = sample() - mark - granted;
      const left = ms * maxStretch - (performance.now() - t0);
      if (owed >= 10 && left > 0) {
        const more = Math.min(owed, left);
        granted += more;
        arm(more);
        return;
      }
      end();
      expire();
    }, Math.max(0, wait));
  };
  arm(ms);
  return end;
}
