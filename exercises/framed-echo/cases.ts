/**
 * What the framing properties generate: message sizes weighted to the boundaries where parsers
 * break (0, 1, the header's 6-7-8, buffer sizes and their neighbours, the maximum), and the
 * offsets where the byte stream is cut.
 */
import fc from 'fast-check';
import { Rng } from '../../harness/authoring.js';
import { MAX_PAYLOAD, frame, HEADER_LENGTH } from './framing.js';

/** Sizes that break parsers. */
export const BOUNDARY_SIZES = [0, 1, 6, 7, 8, 1023, 1024, 1025, 4095, 4096, 4097, 65535, 65536, 65537, MAX_PAYLOAD] as const;

/** A payload size, mostly boundaries and small values, sometimes anything up to the maximum. */
export const payloadSize: fc.Arbitrary<number> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...BOUNDARY_SIZES) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2048 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX_PAYLOAD }) },
);

/** A size for cases that cut the stream: kept small so that cut points land near headers. */
export const smallPayloadSize: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 1, 6, 7, 8) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 300 }) },
);

/** Messages of the given sizes, with bytes from `contentSeed` (any byte value, digits and colons included). */
export function payloads(sizes: readonly number[], contentSeed: number): Buffer[] {
  const rng = new Rng(contentSeed);
  return sizes.map((n) => rng.bytes(n));
}

/** The framed bytes of `messages`, back to back. */
export function framedStream(messages: readonly Buffer[]): Buffer {
  return Buffer.concat(messages.map((m) => frame(m)));
}

/** Turns raw cut numbers into sorted distinct offsets strictly inside a stream of `total` bytes. */
export function cutOffsets(raw: readonly number[], total: number): number[] {
  if (total < 2) return [];
  return [...new Set(raw.map((c) => (c % (total - 1)) + 1))].sort((a, b) => a - b);
}

/** Sizes of the pieces between `offsets` in a stream of `total` bytes. */
export function pieceSizes(offsets: readonly number[], total: number): number[] {
  const bounds = [0, ...offsets, total];
  return bounds.slice(1).map((b, i) => b - (bounds[i] as number));
}

/** `3 messages of 0, 7, 1024 bytes`. */
export function describeSizes(sizes: readonly number[]): string {
  return `${sizes.length} message${sizes.length === 1 ? '' : 's'} of ${sizes.join(', ')} bytes`;
}

/** Where offsets fall: `3 (inside header 1); 7 (end of header 1); 20 (payload 1)` (one clause each, translated one by one). */
export function describeOffsets(offsets: readonly number[], sizes: readonly number[]): string {
  return offsets
    .map((o) => {
      let start = 0;
      for (const [i, s] of sizes.entries()) {
        if (o < start + HEADER_LENGTH) return `${o} (inside header ${i + 1})`;
        if (o === start + HEADER_LENGTH) return `${o} (end of header ${i + 1})`;
        if (o < start + HEADER_LENGTH + s) return `${o} (payload ${i + 1})`;
        start += HEADER_LENGTH + s;
      }
      return String(o);
    })
    .join('; ');
}
