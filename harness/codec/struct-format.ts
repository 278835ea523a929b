/**
 * Python `struct` format strings: the byte-order prefix, the format characters with their
 * standard and native (x86-64 Linux, LP64) sizes, repeat counts, and the layout CPython gives
 * them, native alignment included (padding before an item, never after the last one).
 */
import { endianness } from 'node:os';

/** Raised for a bad format or a value that does not fit, like Python's `struct.error`. */
export class StructError extends Error {
  readonly code = 'SOCKGRADE_STRUCT';
}

/** What a format character holds. */
export type CodeKind = 'pad' | 'char' | 'int' | 'uint' | 'bool' | 'float' | 'bytes' | 'pascal' | 'pointer';

interface CodeSpec {
  kind: CodeKind;
  /** Size with `=`, `<`, `>`, `!`; undefined when the code exists in native mode only. */
  standard?: number;
  /** Size and alignment with `@` (or no prefix) on x86-64 Linux. */
  native: number;
  align: number;
}

const CODES: Readonly<Record<string, CodeSpec>> = {
  x: { kind: 'pad', standard: 1, native: 1, align: 1 },
  c: { kind: 'char', standard: 1, native: 1, align: 1 },
  b: { kind: 'int', standard: 1, native: 1, align: 1 },
  B: { kind: 'uint', standard: 1, native: 1, align: 1 },
  '?': { kind: 'bool', standard: 1, native: 1, align: 1 },
  h: { kind: 'int', standard: 2, native: 2, align: 2 },
  H: { kind: 'uint', standard: 2, native: 2, align: 2 },
  i: { kind: 'int', standard: 4, native: 4, align: 4 },
  I: { kind: 'uint', standard: 4, native: 4, align: 4 },
  l: { kind: 'int', standard: 4, native: 8, align: 8 },
  L: { kind: 'uint', standard: 4, native: 8, align: 8 },
  q: { kind: 'int', standard: 8, native: 8, align: 8 },
  Q: { kind: 'uint', standard: 8, native: 8, align: 8 },
  n: { kind: 'int', native: 8, align: 8 },
  N: { kind: 'uint', native: 8, align: 8 },
  e: { kind: 'float', standard: 2, native: 2, align: 2 },
  f: { kind: 'float', standard: 4, native: 4, align: 4 },
  d: { kind: 'float', standard: 8, native: 8, align: 8 },
  s: { kind: 'bytes', standard: 1, native: 1, align: 1 },
  p: { kind: 'pascal', standard: 1, native: 1, align: 1 },
  P: { kind: 'pointer', native: 8, align: 8 },
};

/** The byte-order prefixes. `@` is also what a format without prefix means. */
export type ByteOrderChar = '@' | '=' | '<' | '>' | '!';

/** One run of a format character, e.g. `3h` or `10s`, placed in the record. */
export interface FormatItem {
  code: string;
  kind: CodeKind;
  /** The repeat count (for `s` and `p`: the byte length of the one value). */
  count: number;
  /** Bytes of one element (for `s` and `p`: of the whole value). */
  size: number;
  /** Offset of the item's first byte in the record, after any alignment padding. */
  offset: number;
}

/** A parsed format: byte order, items and total size. */
export interface FormatLayout {
  format: string;
  byteOrder: ByteOrderChar;
  littleEndian: boolean;
  /** Whether sizes and alignment are native (`@`) rather than standard. */
  native: boolean;
  items: readonly FormatItem[];
  /** `struct.calcsize(format)`. */
  size: number;
}

const PREFIXES = new Set<string>(['@', '=', '<', '>', '!']);
const WHITESPACE = /^[ \t\n\r\v\f]$/;

/** Parses `format` the way CPython's `struct` does; a bad format throws {@link StructError}. */
export function parseFormat(format: string): FormatLayout {
  const first = format[0];
  const byteOrder: ByteOrderChar = first !== undefined && PREFIXES.has(first) ? (first as ByteOrderChar) : '@';
  const native = byteOrder === '@';
  const nativeLittle = endianness() === 'LE';
  const littleEndian = byteOrder === '<' || ((byteOrder === '@' || byteOrder === '=') && nativeLittle);
  const items: FormatItem[] = [];
  let size = 0;
  let at = first !== undefined && PREFIXES.has(first) ? 1 : 0;
  while (at < format.length) {
    let c = format[at++] as string;
    if (WHITESPACE.test(c)) continue;
    let count = 1;
    if (c >= '0' && c <= '9') {
      let digits = c;
      while (at < format.length && (format[at] as string) >= '0' && (format[at] as string) <= '9') digits += format[at++];
      if (at >= format.length) throw new StructError('repeat count given without format specifier');
      count = Number(digits);
      if (!Number.isSafeInteger(count)) throw new StructError('total struct size too long');
      c = format[at++] as string;
    }
    const spec = CODES[c];
    const width = spec ? (native ? spec.native : spec.standard) : undefined;
    if (!spec || width === undefined) throw new StructError('bad char in struct format');
    if (native && size > 0) size += (spec.align - 1) - ((size - 1) % spec.align);
    const whole = spec.kind === 'bytes' || spec.kind === 'pascal';
    items.push({ code: c, kind: spec.kind, count, size: whole ? count : width, offset: size });
    size += count * width;
    if (!Number.isSafeInteger(size)) throw new StructError('total struct size too long');
  }
  return { format, byteOrder, littleEndian, native, items, size };
}

/** Number of values a layout packs (pad bytes hold none; `s` and `p` hold one each). */
export function valueCount(layout: FormatLayout): number {
  return layout.items.reduce((n, it) => n + (it.kind === 'pad' ? 0 : it.kind === 'bytes' || it.kind === 'pascal' ? 1 : it.count), 0);
}
