/**
 * The short version of `npm run stress`: a few correct fixtures graded while busy loops keep
 * both cores saturated; not one verdict may flip.
 */
import { describe, expect, it } from 'vitest';
import { runStress } from '../bench/stress.js';

describe('stress', () => {
  it('correct fixtures keep every verdict with every core saturated', async () => {
    const report = await runStress({
      rounds: 1,
      burners: 2,
      jobs: 2,
      filter: /^(tcp-echo\/correct-threads|tcp-echo\/correct-input|udp-echo\/correct-loop|tcp-echo-timeout\/correct-select|file-copy\/correct-lines)$/,
    });
    expect(report.fixtures.length).toBeGreaterThanOrEqual(4);
    expect(report.runs).toBe(report.fixtures.length);
    expect(report.flips).toEqual([]);
  }, 600_000);
});
