/** Slow close: when the source finishes, the end is passed on only `ms` later. */
import { delay, type Stage } from '../stage.js';

export interface SlowCloseOptions {
  ms: number;
}

/** Creates a slow-close stage. */
export function slowClose(opts: SlowCloseOptions): Stage {
  if (opts.ms < 0) throw new Error(`slow-close: ms must be >= 0, got ${opts.ms}`);
  return {
    async write(chunk, next) {
      await next(chunk);
    },
    async end() {
      await delay(opts.ms);
    },
  };
}
