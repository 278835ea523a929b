/**
 * Reordering: a datagram hit is held back and forwarded right after the next datagram of the same
 * direction, so the two arrive swapped. When no next datagram comes within the hold time it is
 * forwarded anyway (then it was only late).
 */
import type { Rng } from '../../util/rng.js';
import { SpreadSchedule } from './spread.js';

/** How long a held-back datagram waits for a next one, unless the faults say otherwise. */
export const DEFAULT_REORDER_HOLD_MS = 500;

/** Decides, per datagram index, whether it is held back; `rate` is the share held back. */
export function reorder(rate: number, rng: Rng): (index: number) => boolean {
  const schedule = new SpreadSchedule(rate, rng);
  return (index) => schedule.hits(index);
}
