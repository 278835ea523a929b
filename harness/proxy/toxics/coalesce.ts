/** Coalescer: holds chunks and releases them together, so several writes arrive as one read. */
import type { Next, Stage } from '../stage.js';

export interface CoalesceOptions {
  /** Chunks are held at most this long after the first one arrives. */
  windowMs: number;
  /** Release early once this many bytes are held. */
  maxBytes?: number;
}

/** Creates a coalescing stage. */
export function coalesce(opts: CoalesceOptions): Stage {
  if (opts.windowMs < 0) throw new Error(`coalesce: windowMs must be >= 0, got ${opts.windowMs}`);
  let held: Buffer[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const release = (next: Next): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (held.length === 0) return Promise.resolve();
    const out = Buffer.concat(held);
    held = [];
    size = 0;
    return next(out);
  };
  return {
    async write(chunk, next) {
      held.push(chunk);
      size += chunk.length;
      if (opts.maxBytes !== undefined && size >= opts.maxBytes) return release(next);
      timer ??= setTimeout(() => void release(next), opts.windowMs);
    },
    end: release,
    close() {
      if (timer) clearTimeout(timer);
    },
  };
}
