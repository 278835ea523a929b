/**
 * The UDP faults, one small file each (like toxiproxy's toxics): loss, duplication, reordering
 * and delay. `UdpFaults` is the declarative form a check writes for one direction; a
 * `FaultSchedule` turns it, with a seed, into the fate of each datagram by its index.
 */
import { Rng } from '../../util/rng.js';
import { loss } from './loss.js';
import { duplicate } from './duplicate.js';
import { reorder, DEFAULT_REORDER_HOLD_MS } from './reorder.js';
import { delay } from './delay.js';

/** Faults applied to one direction of a proxied UDP flow. Rates are shares of datagrams, 0..1. */
export interface UdpFaults {
  /** Share of datagrams dropped. */
  loss?: number;
  /** Share of datagrams forwarded twice. */
  duplicate?: number;
  /** Share of datagrams held back until the next datagram of the same direction has gone by. */
  reorder?: number;
  /** How long a held-back datagram waits for a next one before it is forwarded anyway (default 500 ms). */
  reorderHoldMs?: number;
  /** Every datagram is delayed by a seeded time uniform in [min, max] milliseconds. */
  delayMs?: readonly [number, number];
}

/** What happens to one datagram. */
export interface Fate {
  /** Dropped: nothing is forwarded (the other fields are then meaningless). */
  drop: boolean;
  /** Copies forwarded: 2 when duplicated. */
  copies: 1 | 2;
  /** Milliseconds it waits before being forwarded. */
  delayMs: number;
  /** Held back until the next datagram of the direction has been forwarded. */
  holdBack: boolean;
}

/** Throws a RangeError naming `where` when `faults` is not a valid description. */
export function validateFaults(faults: UdpFaults, where: string): void {
  for (const key of ['loss', 'duplicate', 'reorder'] as const) {
    const v = faults[key];
    if (v !== undefined && !(typeof v === 'number' && v >= 0 && v <= 1)) {
      throw new RangeError(`${where}.${key} must be a number between 0 and 1, got ${String(v)}`);
    }
  }
  const hold = faults.reorderHoldMs;
  if (hold !== undefined && !(Number.isFinite(hold) && hold >= 0)) throw new RangeError(`${where}.reorderHoldMs must be a non-negative number, got ${String(hold)}`);
  const d = faults.delayMs;
  if (d !== undefined && !(Array.isArray(d) && d.length === 2 && d.every((x) => Number.isFinite(x) && x >= 0) && d[0] <= d[1])) {
    throw new RangeError(`${where}.delayMs must be [min, max] with 0 <= min <= max, got ${JSON.stringify(d)}`);
  }
}

/** The fates of one direction's datagrams: the same seed and faults always give the same fates. */
export class FaultSchedule {
  /** Milliseconds a held-back datagram waits at most. */
  readonly holdMs: number;
  private readonly lost: (i: number) => boolean;
  private readonly copies: (i: number) => 1 | 2;
  private readonly held: (i: number) => boolean;
  private readonly wait: (i: number) => number;

  constructor(seed: number, faults: UdpFaults = {}, where = 'faults') {
    validateFaults(faults, where);
    const rng = new Rng(seed);
    this.lost = loss(faults.loss ?? 0, rng.fork('loss'));
    this.copies = duplicate(faults.duplicate ?? 0, rng.fork('duplicate'));
    this.held = reorder(faults.reorder ?? 0, rng.fork('reorder'));
    this.wait = delay(faults.delayMs, rng.fork('delay'));
    this.holdMs = faults.reorderHoldMs ?? DEFAULT_REORDER_HOLD_MS;
  }

  /** The fate of datagram number `index`; call it once per index, in increasing order. */
  fate(index: number): Fate {
    // Every fault is asked about every index, so that each one's schedule stays on its own track.
    const drop = this.lost(index);
    const copies = this.copies(index);
    const holdBack = this.held(index);
    const delayMs = this.wait(index);
    return { drop, copies, delayMs, holdBack };
  }
}
