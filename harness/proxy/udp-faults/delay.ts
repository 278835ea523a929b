/**
 * Delay: every datagram waits a seeded time drawn uniformly from [min, max] ms. Datagrams with
 * different delays may overtake each other, as on a real path with jitter.
 */
import type { Rng } from '../../util/rng.js';

/** Decides, per datagram index, its delay in milliseconds. */
export function delay(range: readonly [number, number] | undefined, rng: Rng): (index: number) => number {
  if (!range || range[1] <= 0) return () => 0;
  const [min, max] = range;
  return (index) => min + rng.fork(`#${index}`).next() * (max - min);
}
