/**
 * IEEE 754 binary16 (`struct` format `e`), converted the way CPython's PyFloat_Pack2 and
 * PyFloat_Unpack2 do: round half to even, gradual underflow, overflow refused.
 */

/** The 16 bits of `x` as a half float; undefined when `x` is finite but too large (Python raises OverflowError). */
export function halfBits(x: number): number | undefined {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 1 : 0;
  if (x === 0) return sign << 15;
  if (!Number.isFinite(x)) return (sign << 15) | (0x1f << 10);
  let f = Math.abs(x);
  if (f >= 65536) return undefined;
  let e = Math.floor(Math.log2(f));
  // log2 can be off by one near powers of two: settle f in [1, 2).
  f = f / 2 ** e;
  while (f >= 2) {
    f /= 2;
    e += 1;
  }
  while (f < 1) {
    f *= 2;
    e -= 1;
  }
  if (e >= 16) return undefined;
  if (e < -25) {
    f = 0;
    e = 0;
  } else if (e < -14) {
    f = f * 2 ** (14 + e);
    e = 0;
  } else {
    e += 15;
    f -= 1;
  }
  f *= 1024;
  let bits = Math.trunc(f);
  const rest = f - bits;
  if (rest > 0.5 || (rest === 0.5 && bits % 2 === 1)) {
    bits += 1;
    if (bits === 1024) {
      bits = 0;
      e += 1;
      if (e === 31) return undefined;
    }
  }
  return (sign << 15) | (e << 10) | bits;
}

/** The value of the half float with bits `h`. */
export function fromHalfBits(h: number): number {
  const sign = (h >> 15) & 1 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0x1f) return f === 0 ? sign * Infinity : NaN;
  if (e === 0) return sign * (f / 1024) * 2 ** -14;
  return sign * (1 + f / 1024) * 2 ** (e - 15);
}
