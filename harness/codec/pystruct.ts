/**
 * Python's `struct` module in TypeScript: `calcsize`, `pack` and `unpack` with CPython's
 * semantics (byte order `@ = < > !`, every format character, repeat counts, native sizes and
 * alignment of x86-64 Linux), so sockgrade can decode records a Python program declares.
 *
 * Values: integers pack from a number (an integer), a bigint or a boolean, and unpack as a
 * number, or as a bigint when they take 8 bytes; `?` unpacks as a boolean; `c`, `s` and `p`
 * take and give a Buffer; `e`, `f` and `d` take and give numbers. A finite value too large for
 * `e` or `f` is refused in every byte order, as current CPython does (older releases packed
 * infinity for a native `f`). A `0p` item packs nothing (CPython writes a stray byte 255 where
 * the next item starts) and cannot be unpacked (CPython raises SystemError).
 */
import { fromHalfBits, halfBits } from './half-float.js';
import { StructError, parseFormat, valueCount, type CodeKind, type FormatLayout } from './struct-format.js';

export { StructError, parseFormat, type FormatLayout, type FormatItem, type CodeKind } from './struct-format.js';

/** A value `struct` packs or unpacks. */
export type StructValue = number | bigint | boolean | Buffer;

/** One value of a record: its format character and where it is. */
export interface StructSlot {
  code: string;
  kind: CodeKind;
  /** Byte offset in the record. */
  offset: number;
  /** Bytes it takes. */
  size: number;
}

/** A compiled format, like Python's `struct.Struct`. */
export class Struct {
  readonly layout: FormatLayout;
  /** One entry per value, in order (pad bytes have none). */
  readonly slots: readonly StructSlot[];

  constructor(readonly format: string) {
    this.layout = parseFormat(format);
    this.slots = slotsOf(this.layout);
  }

  /** Bytes of one record: `struct.calcsize(format)`. */
  get size(): number {
    return this.layout.size;
  }

  /** `struct.pack(format, *values)`. */
  pack(...values: readonly StructValue[]): Buffer {
    const expected = valueCount(this.layout);
    if (values.length !== expected) throw new StructError(`pack expected ${expected} items for packing (got ${values.length})`);
    const out = Buffer.alloc(this.size);
    const view = new DataView(out.buffer, out.byteOffset, out.length);
    this.slots.forEach((slot, i) => packSlot(view, out, slot, values[i] as StructValue, this.layout.littleEndian));
    return out;
  }

  /** `struct.unpack(format, buffer)`: the buffer must hold exactly one record. */
  unpack(buffer: Uint8Array): StructValue[] {
    if (buffer.length !== this.size) throw new StructError(`unpack requires a buffer of ${this.size} bytes`);
    return this.unpackFrom(buffer, 0);
  }

  /** `struct.unpack_from(format, buffer, offset)`. */
  unpackFrom(buffer: Uint8Array, offset = 0): StructValue[] {
    if (offset < 0 || buffer.length - offset < this.size) throw new StructError(`unpack_from requires a buffer of at least ${this.size + offset} bytes for unpacking ${this.size} bytes at offset ${offset} (actual buffer size is ${buffer.length})`);
    const bytes = Buffer.from(buffer.buffer, buffer.byteOffset + offset, this.size);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    return this.slots.map((slot) => unpackSlot(view, bytes, slot, this.layout.littleEndian));
  }
}

/** `struct.calcsize(format)`. */
export function calcsize(format: string): number {
  return parseFormat(format).size;
}

/** `struct.pack(format, *values)`. */
export function pack(format: string, ...values: readonly StructValue[]): Buffer {
  return new Struct(format).pack(...values);
}

/** `struct.unpack(format, buffer)`. */
export function unpack(format: string, buffer: Uint8Array): StructValue[] {
  return new Struct(format).unpack(buffer);
}

function slotsOf(layout: FormatLayout): StructSlot[] {
  const slots: StructSlot[] = [];
  for (const it of layout.items) {
    if (it.kind === 'pad') continue;
    if (it.kind === 'bytes' || it.kind === 'pascal') slots.push({ code: it.code, kind: it.kind, offset: it.offset, size: it.size });
    else for (let k = 0; k < it.count; k++) slots.push({ code: it.code, kind: it.kind, offset: it.offset + k * it.size, size: it.size });
  }
  return slots;
}

function integerRange(slot: StructSlot): [bigint, bigint] {
  const bits = BigInt(slot.size * 8);
  if (slot.kind === 'int') return [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
  if (slot.kind === 'pointer') return [-(1n << 63n), (1n << 64n) - 1n];
  return [0n, (1n << bits) - 1n];
}

function asInteger(v: StructValue): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw new StructError('required argument is not an integer');
}

function asFloat(v: StructValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new StructError('required argument is not a float');
}

function truthy(v: StructValue): boolean {
  if (Buffer.isBuffer(v)) return v.length > 0;
  return typeof v === 'bigint' ? v !== 0n : Boolean(v);
}

function asBytes(v: StructValue, code: string): Buffer {
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.length);
  throw new StructError(code === 'c' ? 'char format requires a bytes object of length 1' : `argument for '${code}' must be a bytes object`);
}

function packSlot(view: DataView, out: Buffer, slot: StructSlot, v: StructValue, little: boolean): void {
  const at = slot.offset;
  switch (slot.kind) {
    case 'int':
    case 'uint':
    case 'pointer': {
      const n = asInteger(v);
      const [min, max] = integerRange(slot);
      if (n < min || n > max) throw new StructError(`'${slot.code}' format requires ${min} <= number <= ${max}`);
      let u = BigInt.asUintN(slot.size * 8, n);
      for (let k = 0; k < slot.size; k++) {
        out[little ? at + k : at + slot.size - 1 - k] = Number(u & 0xffn);
        u >>= 8n;
      }
      return;
    }
    case 'bool':
      out[at] = truthy(v) ? 1 : 0;
      return;
    case 'float':
      return packFloat(view, slot, asFloat(v), little);
    case 'char': {
      const b = asBytes(v, 'c');
      if (b.length !== 1) throw new StructError('char format requires a bytes object of length 1');
      out[at] = b[0] as number;
      return;
    }
    case 'bytes': {
      const b = asBytes(v, 's');
      b.copy(out, at, 0, Math.min(slot.size, b.length));
      return;
    }
    case 'pascal': {
      const b = asBytes(v, 'p');
      if (slot.size === 0) return;
      const n = Math.min(b.length, slot.size - 1);
      b.copy(out, at + 1, 0, n);
      out[at] = Math.min(n, 255);
      return;
    }
    case 'pad':
      return;
  }
}

function packFloat(view: DataView, slot: StructSlot, x: number, little: boolean): void {
  if (slot.size === 8) return view.setFloat64(slot.offset, x, little);
  if (slot.size === 4) {
    const y = Math.fround(x);
    if (!Number.isFinite(y) && Number.isFinite(x)) throw new StructError('float too large to pack with f format');
    return view.setFloat32(slot.offset, y, little);
  }
  const h = halfBits(x);
  if (h === undefined) throw new StructError('float too large to pack with e format');
  view.setUint16(slot.offset, h, little);
}

function unpackSlot(view: DataView, bytes: Buffer, slot: StructSlot, little: boolean): StructValue {
  const at = slot.offset;
  switch (slot.kind) {
    case 'int':
    case 'uint':
    case 'pointer': {
      let u = 0n;
      for (let k = 0; k < slot.size; k++) u = (u << 8n) | BigInt(bytes[little ? at + slot.size - 1 - k : at + k] as number);
      const n = slot.kind === 'int' ? BigInt.asIntN(slot.size * 8, u) : u;
      return slot.size === 8 ? n : Number(n);
    }
    case 'bool':
      return bytes[at] !== 0;
    case 'float':
      if (slot.size === 8) return view.getFloat64(at, little);
      if (slot.size === 4) return view.getFloat32(at, little);
      return fromHalfBits(view.getUint16(at, little));
    case 'char':
      return Buffer.from(bytes.subarray(at, at + 1));
    case 'bytes':
      return Buffer.from(bytes.subarray(at, at + slot.size));
    case 'pascal': {
      if (slot.size === 0) throw new StructError('a 0p item holds no length byte and cannot be unpacked');
      const n = Math.min(bytes[at] as number, slot.size - 1);
      return Buffer.from(bytes.subarray(at + 1, at + 1 + n));
    }
    case 'pad':
      return 0;
  }
}
