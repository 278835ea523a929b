/** Loss: the datagrams hit are dropped, never forwarded. */
import type { Rng } from '../../util/rng.js';
import { SpreadSchedule } from './spread.js';

/** Decides, per datagram index, whether it is lost; `rate` is the share lost (0..1). */
export function loss(rate: number, rng: Rng): (index: number) => boolean {
  const schedule = new SpreadSchedule(rate, rng);
  return (index) => schedule.hits(index);
}
