/**
 * Finding three decoded values in what a server printed: the numbers it shows, in order, as
 * Python prints them (`(12, -7, 2.700000047683716)`, `a=12 b=-7 c=2.70`...). Digits glued to
 * letters (a hex dump such as `2e160000f9ff…`) are not numbers.
 */
import type { Triple } from './values.js';

const NUMBER = /(?<![\w.])[-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?(?![\w.])/g;

/** Every number printed in `text`, in order. */
export function printedNumbers(text: string): number[] {
  return [...text.matchAll(NUMBER)].map((m) => Number(m[0]));
}

/** Whether `shown` is the float32 `c` as printed: fully, or rounded to two decimals or six significant digits. */
export function sameFloat(shown: number, c: number): boolean {
  return Math.abs(shown - c) <= Math.max(0.0051, Math.abs(c) * 5e-6);
}

/** Whether `a`, `b` and `c` appear in this order among the numbers of `text` (other numbers may come between). */
export function showsTriple(text: string, t: Triple): boolean {
  const nums = printedNumbers(text);
  for (let i = 0; i < nums.length; i++) {
    if (nums[i] !== t.a) continue;
    const j = nums.findIndex((n, k) => k > i && n === t.b);
    if (j < 0) continue;
    if (nums.some((n, k) => k > j && sameFloat(n, t.c))) return true;
  }
  return false;
}
