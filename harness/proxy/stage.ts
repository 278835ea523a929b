/**
 * A stage of a proxy direction: it receives chunks in order and passes zero or more chunks on,
 * possibly later. Stages never drop or reorder bytes unless that is their declared fault.
 */

/** Passes bytes to the next stage (or the destination socket). Resolves when they are handed on. */
export type Next = (chunk: Buffer) => Promise<void>;

/** One fault applied to the bytes of one direction. */
export interface Stage {
  /** Handles one chunk; called strictly in order, one at a time. */
  write(chunk: Buffer, next: Next): Promise<void>;
  /** The source finished sending: pass on anything held back. */
  end?(next: Next): Promise<void>;
  /** The connection is gone: release timers. */
  close?(): void;
}

/**
 * Chains `stages` in front of `sink`. Each stage gets its chunks strictly in order, one at a time,
 * and whatever it passes on is queued for the next stage in the order it was passed.
 */
export function pipeline(stages: readonly Stage[], sink: Next, onEnd: () => void): { write: Next; end: () => Promise<void>; close: () => void } {
  let next: Next = sink;
  const enders: (() => Promise<void>)[] = [];
  for (const stage of [...stages].reverse()) {
    const downstream = next;
    let tail: Promise<void> = Promise.resolve();
    next = (chunk) => (tail = tail.then(() => stage.write(chunk, downstream)));
    enders.unshift(async () => {
      await tail;
      await stage.end?.(downstream);
    });
  }
  return {
    write: next,
    async end() {
      for (const e of enders) await e();
      onEnd();
    },
    close() {
      for (const s of stages) s.close?.();
    },
  };
}

/** Sleeps `ms` (fault timing, not a wait for an event). */
export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
