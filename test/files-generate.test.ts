/** The test files sockgrade generates keep the promises their names make, for every seed. */
import { describe, expect, it } from 'vitest';
import { plainText, largeText, utf8Split } from '../exercises/shared/files-generate.js';
import { Rng } from '../harness/util/rng.js';

describe('generated files', () => {
  it('a text without a trailing newline never ends with one, a text with one always does', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const rng = new Rng(seed);
      const size = rng.int(1, 4000);
      const without = plainText(rng, size, false);
      const withNl = plainText(rng, size, true);
      expect(without.at(-1), `seed ${seed}`).not.toBe(0x0a);
      expect(without.length).toBeGreaterThanOrEqual(size);
      expect(withNl.at(-1), `seed ${seed}`).toBe(0x0a);
    }
  });

  it('the same seed gives the same bytes', () => {
    expect(largeText(new Rng(7), 200_000, [1024]).equals(largeText(new Rng(7), 200_000, [1024]))).toBe(true);
    expect(utf8Split(new Rng(3), 50_000).equals(utf8Split(new Rng(3), 50_000))).toBe(true);
  });
});
