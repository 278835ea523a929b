/** Bandwidth limit: bytes flow at most `bytesPerSecond`, in pieces of at most 16 KiB. */
import { delay, type Stage } from '../stage.js';

export interface BandwidthOptions {
  bytesPerSecond: number;
}

/** Creates a bandwidth-limiting stage. */
export function bandwidth(opts: BandwidthOptions): Stage {
  if (!(opts.bytesPerSecond > 0)) throw new Error(`bandwidth: bytesPerSecond must be > 0, got ${opts.bytesPerSecond}`);
  let budgetStart = performance.now();
  let sent = 0;
  return {
    async write(chunk, next) {
      for (let at = 0; at < chunk.length; at += 16 * 1024) {
        const piece = chunk.subarray(at, at + 16 * 1024);
        const due = budgetStart + ((sent + piece.length) / opts.bytesPerSecond) * 1000;
        const now = performance.now();
        if (due > now) await delay(due - now);
        else if (now - due > 1000) {
          budgetStart = now;
          sent = 0;
        }
        sent += piece.length;
        await next(piece);
      }
    },
  };
}
