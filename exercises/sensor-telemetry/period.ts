/**
 * The period a client keeps, measured from the arrival times of its readings: the median, over
 * every two readings, of the time between them divided by the readings between them (the
 * Theil-Sen slope). A few late or early readings (scheduling noise on a loaded machine, the
 * first reading delayed by start-up) do not move it; a client whose every interval is too long
 * (it sleeps the period after doing its work) moves it by that much.
 */

/** The measured period and the intervals it was measured from, in seconds. */
export interface PeriodMeasure {
  period: number;
  intervals: number[];
}

/** Measures the period of readings that arrived at `times` (milliseconds, at least two). */
export function measurePeriod(times: readonly number[]): PeriodMeasure {
  const slopes: number[] = [];
  for (let i = 0; i < times.length; i++) {
    for (let j = i + 1; j < times.length; j++) slopes.push(((times[j] as number) - (times[i] as number)) / (j - i));
  }
  slopes.sort((a, b) => a - b);
  const mid = slopes.length / 2;
  const median = slopes.length % 2 === 1 ? (slopes[Math.floor(mid)] as number) : ((slopes[mid - 1] as number) + (slopes[mid] as number)) / 2;
  const intervals = times.slice(1).map((t, k) => (t - (times[k] as number)) / 1000);
  return { period: median / 1000, intervals };
}

/** The tolerance on the period, in seconds: `fraction` of it, and never under 30 ms. */
export function periodTolerance(period: number, fraction: number): number {
  return Math.max(period * fraction, 0.03);
}

/** Seconds for people: `0.5 s`, `0.503 s`. */
export function seconds(s: number): string {
  return `${Number(s.toFixed(3))} s`;
}
