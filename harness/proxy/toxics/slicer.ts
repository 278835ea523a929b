/** Slicer: cuts every chunk into pieces of `minBytes`..`maxBytes` with a small pause between them. */
import type { Rng } from '../../util/rng.js';
import { delay, type Stage } from '../stage.js';

export interface SlicerOptions {
  minBytes: number;
  maxBytes: number;
  /** Pause between two pieces, in ms: [min, max]. */
  delayMs: [number, number];
}

/** Creates a slicer stage driven by `rng`. */
export function slicer(opts: SlicerOptions, rng: Rng): Stage {
  if (opts.minBytes < 1 || opts.maxBytes < opts.minBytes) throw new Error(`slicer: need 1 <= minBytes <= maxBytes, got ${opts.minBytes}..${opts.maxBytes}`);
  return {
    async write(chunk, next) {
      let at = 0;
      while (at < chunk.length) {
        const size = rng.int(opts.minBytes, opts.maxBytes);
        await next(chunk.subarray(at, at + size));
        at += size;
        if (at < chunk.length) await delay(rng.int(opts.delayMs[0], opts.delayMs[1]));
      }
    },
  };
}
