/** Duplication: the datagrams hit are forwarded twice, the copy right after the original. */
import type { Rng } from '../../util/rng.js';
import { SpreadSchedule } from './spread.js';

/** Decides, per datagram index, how many copies are forwarded (1 or 2); `rate` is the share duplicated. */
export function duplicate(rate: number, rng: Rng): (index: number) => 1 | 2 {
  const schedule = new SpreadSchedule(rate, rng);
  return (index) => (schedule.hits(index) ? 2 : 1);
}
