/**
 * Which datagram indices a fault of a given rate hits. Rather than an independent coin flip per
 * datagram, the indices are cut into blocks of 1/rate consecutive datagrams and one seeded place
 * is hit in each block: the rate holds over short runs too, so a 20 % loss over 15 datagrams
 * always loses about 3 of them and never none (a grading run must not be lucky).
 */
import type { Rng } from '../../util/rng.js';

/** A seeded, evenly spread set of hit indices for one fault of one direction. */
export class SpreadSchedule {
  private block = 0;
  private readonly hitSet = new Set<number>();

  constructor(
    private readonly rate: number,
    private readonly rng: Rng,
  ) {}

  /** Whether datagram number `index` (0-based, per direction) is hit. Depends only on the seed and the index. */
  hits(index: number): boolean {
    if (this.rate <= 0) return false;
    if (this.rate >= 1) return true;
    // Block b holds the indices [start(b), start(b + 1)); one of them, chosen by the seed, is hit.
    while (this.start(this.block) <= index) {
      const from = this.start(this.block);
      const to = this.start(this.block + 1);
      this.hitSet.add(from + Math.floor(this.rng.next() * (to - from)));
      this.block += 1;
    }
    if (this.hitSet.size > 4096) for (const i of this.hitSet) if (i < index - 1024) this.hitSet.delete(i);
    return this.hitSet.has(index);
  }

  /** First index of block `b` (the tolerance keeps 3 / 0.2 at 15, not 16). */
  private start(b: number): number {
    return Math.ceil(b / this.rate - 1e-9);
  }
}
