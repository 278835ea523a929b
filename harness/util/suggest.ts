/** "Did you mean ...?" for misspelt exercise ids, commands and options. */
import { UsageError } from '../model/failure.js';

/** Levenshtein distance with adjacent transpositions counted as one edit (`ecoh` → `echo`). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((d[i - 1] as number[])[j]! + 1, row[j - 1]! + 1, (d[i - 1] as number[])[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, (d[i - 2] as number[])[j - 2]! + 1);
    }
  }
  return (d[a.length] as number[])[b.length]!;
}

const normal = (s: string): string => s.toLowerCase().replace(/[\s_.]+/g, '-');

/**
 * The candidates closest to `input` (the best first), when they are close enough to be what was
 * meant: `_` and `-` are the same, and up to a third of the letters may be wrong.
 */
export function closest(input: string, candidates: readonly string[]): string[] {
  const want = normal(input);
  const scored = candidates.map((c) => ({ c, d: editDistance(want, normal(c)) })).filter(({ c, d }) => d <= Math.max(1, Math.floor(Math.max(want.length, c.length) / 3)));
  const best = Math.min(...scored.map((s) => s.d));
  return scored.filter((s) => s.d === best).map((s) => s.c);
}

/** " did you mean X?" (with the leading space), or "" when nothing is close. */
export function didYouMean(input: string, candidates: readonly string[], show: (c: string) => string = (c) => c): string {
  const near = closest(input, candidates);
  if (near.length === 0) return '';
  return ` did you mean ${near.slice(0, 3).map(show).join(' or ')}?`;
}

/** The usage error for an exercise id that is not among `ids`, with the nearest of them. */
export function unknownExercise(id: string, ids: readonly string[], how = 'run "sockgrade list" to see the exercises'): UsageError {
  const hint = didYouMean(id, ids);
  return new UsageError(hint ? `unknown exercise "${id}":${hint} (${how})` : `unknown exercise "${id}": ${how}`);
}
