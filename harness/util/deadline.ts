/**
 * Bounded, cancellable waiting. Every wait in sockgrade goes through here so that
 * nothing blocks longer than its budget and everything stops when a check is aborted.
 */

import { patientTimer } from './starvation.js';

/** Raised when a bounded wait runs out of time. `what` says what was awaited. */
export class WaitTimeout extends Error {
  readonly code = 'SOCKGRADE_WAIT_TIMEOUT';
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`gave up waiting for ${what} after ${formatMs(ms)}`);
  }
}

/** Raised when the surrounding check was aborted (budget exhausted or run cancelled). */
export class Aborted extends Error {
  readonly code = 'SOCKGRADE_ABORTED';
  constructor(reason?: unknown) {
    super(reason instanceof Error ? reason.message : 'aborted');
  }
}

/** Formats milliseconds for people: `850 ms`, `2.5 s`. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(s < 10 ? 2 : 1)} s`;
}

/**
 * Waits for `subscribe` to call `done(value)`, at most `ms` milliseconds, and gives up early
 * when `signal` aborts. `subscribe` returns an unsubscribe function that is always called.
 * Time the grader or a watched program spent waiting for a CPU does not count (up to four
 * times `ms` in all): a loaded machine delays the outcome instead of changing it.
 */
export function waitFor<T>(
  what: string,
  ms: number,
  signal: AbortSignal | undefined,
  subscribe: (done: (value: T) => void, fail: (err: Error) => void) => () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Aborted(signal.reason));
      return;
    }
    let settled = false;
    let unsubscribe: () => void = () => {};
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      cancelTimer();
      signal?.removeEventListener('abort', onAbort);
      unsubscribe();
      fn();
    };
    const onAbort = (): void => finish(() => reject(new Aborted(signal?.reason)));
    const cancelTimer = patientTimer(ms, () => finish(() => reject(new WaitTimeout(what, ms))));
    signal?.addEventListener('abort', onAbort, { once: true });
    unsubscribe = subscribe(
      (value) => finish(() => resolve(value)),
      (err) => finish(() => reject(err)),
    );
    if (settled) unsubscribe();
  });
}

/** Resolves after `ms`, or rejects with {@link Aborted} when `signal` aborts first. Used for protocol pacing, never to wait for an event. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return waitFor<void>('pause', ms + 1000, signal, (done) => {
    const t = setTimeout(() => done(), ms);
    return () => clearTimeout(t);
  });
}

/**
 * Polls `probe` every `intervalMs` until it returns a value other than undefined, and at once
 * whenever `wake` says something happened that may have changed the answer (a program printed).
 * For conditions the OS offers no event for (a port appearing in the kernel's socket table).
 */
export function poll<T>(
  what: string,
  ms: number,
  signal: AbortSignal | undefined,
  probe: () => T | undefined | Promise<T | undefined>,
  intervalMs = 15,
  wake?: (now: () => void) => () => void,
): Promise<T> {
  return waitFor<T>(what, ms, signal, (done, fail) => {
    let stopped = false;
    let probing = false;
    let woken = false;
    let timer: NodeJS.Timeout | undefined;
    const tick = async (): Promise<void> => {
      if (stopped) return;
      if (probing) {
        woken = true;
        return;
      }
      probing = true;
      woken = false;
      if (timer) clearTimeout(timer);
      try {
        const v = await probe();
        if (stopped) return;
        if (v !== undefined) {
          done(v);
          return;
        }
      } catch (err) {
        fail(err as Error);
        return;
      } finally {
        probing = false;
      }
      timer = setTimeout(() => void tick(), woken ? 0 : intervalMs);
    };
    const unwake = wake?.(() => void tick());
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      unwake?.();
    };
  });
}
