/** Latency: every chunk waits `ms` ± `jitterMs` before it is passed on (order is kept). */
import type { Rng } from '../../util/rng.js';
import { delay, type Stage } from '../stage.js';

export interface LatencyOptions {
  ms: number;
  jitterMs?: number;
}

/** Creates a latency stage driven by `rng`. */
export function latency(opts: LatencyOptions, rng: Rng): Stage {
  if (opts.ms < 0) throw new Error(`latency: ms must be >= 0, got ${opts.ms}`);
  const jitter = opts.jitterMs ?? 0;
  return {
    async write(chunk, next) {
      await delay(Math.max(0, opts.ms + (jitter ? rng.int(-jitter, jitter) : 0)));
      await next(chunk);
    },
  };
}
