/**
 * The record of D4 `binary-struct`: two int32 and one float32, packed like Python's
 * `struct.pack(order + "iif", a, b, c)` with standard sizes and no padding, in either byte order.
 */
import { endianness } from 'node:os';
import type { ParamValues } from '../../harness/authoring.js';
import type { Rng } from '../../harness/authoring.js';
import { hexBytes } from '../../harness/authoring.js';

/** A struct byte-order character. */
export type OrderChar = '=' | '<' | '>' | '!';

/** Little or big endian. */
export type Endian = 'little' | 'big';

/** Byte-order characters the exercise accepts. */
export const ORDERS: readonly OrderChar[] = ['=', '<', '>', '!'];

/** Size of the record in bytes. */
export const RECORD_SIZE = 12;

/** The three values of a record; `c` is the float32 value (already rounded to float32). */
export interface Triple {
  a: number;
  b: number;
  c: number;
}

/** The values the course's own client packs, `struct.pack("=iif", 1, 4, 2.7)`: what a client that reads no values must send. */
export const COURSE_VALUES: { triple: Triple; line: string } = { triple: { a: 1, b: 4, c: Math.fround(2.7) }, line: '1 4 2.7' };

/** The endianness a byte-order character means on this machine (`=` is native). */
export function endianOf(order: OrderChar): Endian {
  if (order === '<') return 'little';
  if (order === '>' || order === '!') return 'big';
  return endianness() === 'LE' ? 'little' : 'big';
}

/** The other endianness. */
export function otherEndian(e: Endian): Endian {
  return e === 'little' ? 'big' : 'little';
}

/** The `order` parameter. */
export function orderParam(params: ParamValues): OrderChar {
  const v = params.order;
  return ORDERS.includes(v as OrderChar) ? (v as OrderChar) : '=';
}

/** `struct.pack("<iif" or ">iif", a, b, c)`. */
export function pack(t: Triple, e: Endian): Buffer {
  const b = Buffer.alloc(RECORD_SIZE);
  if (e === 'little') {
    b.writeInt32LE(t.a, 0);
    b.writeInt32LE(t.b, 4);
    b.writeFloatLE(t.c, 8);
  } else {
    b.writeInt32BE(t.a, 0);
    b.writeInt32BE(t.b, 4);
    b.writeFloatBE(t.c, 8);
  }
  return b;
}

/** `struct.unpack("<iif" or ">iif", data[:12])`. */
export function unpack(data: Buffer, e: Endian): Triple {
  return e === 'little'
    ? { a: data.readInt32LE(0), b: data.readInt32LE(4), c: data.readFloatLE(8) }
    : { a: data.readInt32BE(0), b: data.readInt32BE(4), c: data.readFloatBE(8) };
}

/** `a=…, b=…, c=…` with the float as Python prints it. */
export function describeTriple(t: Triple): string {
  return `a=${t.a}, b=${t.b}, c=${t.c}`;
}

/** The 12 bytes as hex, field by field: `2e160000 | f9ffffff | 3333c940`. */
export function describeRecord(data: Buffer): string {
  const fields = [data.subarray(0, 4), data.subarray(4, 8), data.subarray(8, 12)].map((f) => hexBytes(f).replace(/ /g, ''));
  const rest = data.length > RECORD_SIZE ? ` + ${data.length - RECORD_SIZE} more bytes: ${hexBytes(data.subarray(RECORD_SIZE))}` : '';
  return `${data.length} bytes: ${fields.filter((f) => f !== '').join(' | ')}${rest}`;
}

function randomInt32(rng: Rng): number {
  const magnitude = rng.pick([rng.int(1000, 99_999), rng.int(100_000, 99_999_999), rng.int(100_000_000, 2_147_483_647)]);
  return rng.int(0, 1) === 0 ? magnitude : -magnitude;
}

/** A float32 that still reads as an ordinary number (0.001 to 1e12, either sign) when its bytes are reversed. */
function swapsToOrdinary(c: number): boolean {
  const other = pack({ a: 0, b: 0, c }, 'big').readFloatLE(8);
  return Number.isFinite(other) && Math.abs(other) >= 1e-3 && Math.abs(other) <= 1e12;
}

/**
 * Random values, the float with two decimals (typed as text, e.g. `-1234.56`), chosen so that
 * reading them in the wrong byte order gives other ordinary numbers: a program that swaps the
 * order shows recognisably wrong values rather than NaN.
 */
export function randomValues(rng: Rng): { triple: Triple; line: string } {
  for (;;) {
    const a = randomInt32(rng);
    const b = randomInt32(rng);
    const cents = rng.int(100, 9_999_999) * (rng.int(0, 1) === 0 ? 1 : -1);
    const text = (cents / 100).toFixed(2);
    const c = Math.fround(Number(text));
    const triple = { a, b, c };
    const swapped = unpack(pack(triple, 'little'), 'big');
    if (!swapsToOrdinary(c) || swapped.a === a || swapped.b === b) continue;
    return { triple, line: `${a} ${b} ${text}` };
  }
}
