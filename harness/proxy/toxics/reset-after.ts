/**
 * Reset after N bytes: passes the first `bytes` bytes on, then resets the connection (RST both ways).
 * The reset waits a few milliseconds: a reset right behind a write reaches the peer as a plain close.
 */
import { delay, type Stage } from '../stage.js';

export interface ResetAfterOptions {
  bytes: number;
}

/** Creates the stage; `reset` aborts the proxied connection. */
export function resetAfter(opts: ResetAfterOptions, reset: () => void): Stage {
  if (opts.bytes < 0) throw new Error(`reset-after: bytes must be >= 0, got ${opts.bytes}`);
  let passed = 0;
  let done = false;
  return {
    async write(chunk, next) {
      if (done) return;
      const room = opts.bytes - passed;
      if (chunk.length <= room) {
        passed += chunk.length;
        await next(chunk);
        if (passed < opts.bytes) return;
      } else if (room > 0) {
        passed += room;
        await next(chunk.subarray(0, room));
      }
      done = true;
      await delay(5);
      reset();
    },
  };
}
