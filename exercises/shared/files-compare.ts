/**
 * Judging a copied file: identical by SHA-256 and size, or a diagnosis of what happened to it —
 * truncated (and where: a multiple of 1024, the last line), extra bytes, newlines added per chunk
 * or per line, CRLF conversion, encoding damage (U+FFFD, Latin-1 double encoding), a frame header
 * or a Python bytes literal written into the file, the previous transfer appended or left over —
 * with the first differing offset and the bytes around it, escaped and in hex.
 */
import { createHash } from 'node:crypto';
import { describeSize, escapeBytes, firstDifference, hexBytes } from '../../harness/diagnose/bytes.js';
import { decodeBytesLiterals } from './printed.js';
import { FULL_FRAME } from './files-body.js';

/** What is wrong with a copy, ready for a CheckFailure. */
export interface FileMismatch {
  /** One paragraph: what the copy looks like and where it first differs. */
  message: string;
  /** Size of a correct copy. */
  expectedSize: number;
  expected: string;
  received: string;
  hint: string;
}

/** Extra knowledge that sharpens the diagnosis. */
export interface CompareOptions {
  /** How to name the copy in sentences, e.g. `copia.txt in the server's folder`. */
  what: string;
  /** The content of an earlier transfer to the same file (to recognise appending). */
  previous?: Buffer;
}

const NL = 0x0a;
const CR = 0x0d;
const REPLACEMENT = Buffer.from('\ufffd');

/** First 16 hex digits of the SHA-256 of `data`. */
export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

/** `12 bytes, sha256 ab12…`. */
export function fingerprint(data: Buffer): string {
  return `${describeSize(data.length)}, sha256 ${sha256(data)}…`;
}

/** Compares `received` (undefined: the file does not exist) with `expected`; undefined when identical. */
export function compareFiles(expected: Buffer, received: Buffer | undefined, opts: CompareOptions): FileMismatch | undefined {
  if (received === undefined) {
    return {
      message: `${opts.what} does not exist`,
      expectedSize: expected.length,
      expected: fingerprint(expected),
      received: 'no such file',
      hint: 'create the file even when nothing arrives (an empty file is a correct copy of an empty file), with the exact name expected, in the program\'s working folder',
    };
  }
  if (received.length === expected.length && received.equals(expected)) return undefined;
  const shape = describeShape(expected, received, opts.previous);
  const at = firstDifference(expected, received);
  return {
    message: `${opts.what} is not an exact copy: ${shape.text}\n${whereItDiffers(expected, received, at)}`,
    expectedSize: expected.length,
    expected: `${fingerprint(expected)}${around('', expected, at)}`,
    received: `${fingerprint(received)}${around('', received, at)}`,
    hint: shape.hint,
  };
}

/** `first difference at offset 1024 (line 12, column 40)`, and the bytes on both sides. */
function whereItDiffers(expected: Buffer, received: Buffer, at: number): string {
  const pos = lineColumn(expected, at);
  return `first difference at offset ${at}${pos}\n${around('  expected', expected, at)}\n${around('  received', received, at)}`;
}

/** The bytes of `data` around `at`, escaped and in hex. */
function around(label: string, data: Buffer, at: number): string {
  const from = Math.max(0, at - 16);
  const window = data.subarray(from, at + 24);
  const text = `"${escapeBytes(window, 120)}"`;
  const hex = `[${hexBytes(data.subarray(at, at + 8), 8) || 'end of file'}]`;
  return label ? `${label}: ${from > 0 ? '…' : ''}${text} ${hex} at offset ${at}` : `; around offset ${at}: ${from > 0 ? '…' : ''}${text} ${hex}`;
}

/** ` (line 3, column 7)` for text that has lines; empty otherwise. */
function lineColumn(data: Buffer, at: number): string {
  const upto = data.subarray(0, Math.min(at, data.length));
  let line = 1;
  let lastNl = -1;
  for (let i = upto.indexOf(NL); i >= 0; i = upto.indexOf(NL, i + 1)) {
    line += 1;
    lastNl = i;
  }
  if (line === 1 && data.indexOf(NL) < 0) return '';
  return ` (line ${line}, column ${at - lastNl})`;
}

interface Shape {
  text: string;
  hint: string;
}

const HINT_LOOP = 'one recv() returns whatever has arrived, at most its buffer size: loop until recv() returns b"" (or until the announced size is complete) and write every chunk';
const HINT_BYTES = 'a copy must not touch the bytes: open both files in binary mode ("rb"/"wb"), send and write bytes, never decode or encode them';

/** Recognises what happened to the copy. */
function describeShape(expected: Buffer, received: Buffer, previous?: Buffer): Shape {
  if (previous && previous.length > 0) {
    if (received.equals(Buffer.concat([previous, expected]))) return { text: 'it holds the previous transfer followed by this one (the file was opened for appending)', hint: 'open the output with "wb" for every transfer, so that it starts empty; "ab" appends to the old content' };
    if (received.equals(previous)) return { text: 'it still holds the previous transfer: the new one was not written', hint: 'open and write the output again for every new connection' };
    if (previous.length > expected.length && received.equals(Buffer.concat([expected, previous.subarray(expected.length)]))) {
      return { text: `it starts with this transfer but ends with the last ${describeSize(previous.length - expected.length)} of the previous, longer one (the file was not truncated)`, hint: 'open the output with "wb", which empties it; "r+b" overwrites without truncating' };
    }
  }
  const header = /^\d{6}:/.exec(received.subarray(0, 7).toString('latin1'));
  if (header && !/^\d{6}:/.test(expected.subarray(0, 7).toString('latin1'))) {
    return { text: `it starts with a frame header "${header[0]}": the header was written into the file as if it were content`, hint: 'read the 7 header bytes apart, and write only the payload they announce' };
  }
  const literal = /^b['"]/.test(received.subarray(0, 2).toString('latin1')) ? decodeBytesLiterals(received.toString('utf8')) : undefined;
  if (literal?.equals(expected)) return { text: 'it holds the Python representation b\'...\' of the bytes, not the bytes themselves', hint: 'write the bytes object itself (f.write(datos) with f opened "wb"), not str(datos) or print(datos)' };
  const crlf = newlineConversion(expected, received);
  if (crlf) return crlf;
  const encoding = encodingDamage(expected, received);
  if (encoding) return encoding;
  const newlines = insertedNewlines(expected, received);
  if (newlines) return newlines;
  const removed = insertedNewlines(received, expected, 'the copy');
  if (removed) return { text: `${removed.count} newline${removed.count === 1 ? ' was' : 's were'} lost${removed.where}`, hint: 'write each line as it arrived, newline included: stripping it (strip(), rstrip(), splitlines()) loses it' };
  if (received.length < expected.length && firstDifference(expected, received) === received.length) return truncated(expected, received.length);
  if (received.length > expected.length && firstDifference(expected, received) === expected.length) {
    const extra = received.subarray(expected.length);
    if (extra.length === 1 && extra[0] === NL) return { text: 'it has the whole file plus one newline added at the end', hint: 'do not add a newline of your own: write exactly the bytes received (print() and write(linea + "\\n") add one)' };
    return { text: `it has the whole file, then ${describeSize(extra.length)} more that were never sent: "${escapeBytes(extra.subarray(0, 40), 60)}"`, hint: 'write only the bytes received, once each' };
  }
  const diff = received.length - expected.length;
  const sizes = diff === 0 ? 'same size, different content' : `${describeSize(Math.abs(diff))} ${diff > 0 ? 'longer' : 'shorter'} than the original`;
  return { text: sizes, hint: HINT_BYTES };
}

/** A copy that stops early: where, and what that suggests. */
function truncated(expected: Buffer, n: number): Shape {
  const missing = describeSize(expected.length - n);
  if (n === 0) return { text: `it is empty: all ${describeSize(expected.length)} are missing`, hint: HINT_LOOP };
  const lastNl = expected.lastIndexOf(NL);
  if (expected[expected.length - 1] !== NL && lastNl >= 0 && n === lastNl + 1) {
    return { text: `the last line, which has no newline at its end, is missing (${missing})`, hint: 'the last line of a file may have no "\\n": when the connection ends, write whatever is left in your buffer' };
  }
  if (n % FULL_FRAME === 0) {
    return { text: `it is truncated at ${describeSize(n)} of ${describeSize(expected.length)}, exactly ${n === FULL_FRAME ? 'one full frame' : `${n / FULL_FRAME} full frames`}: ${missing} missing`, hint: 'a file over 999999 bytes travels as several frames: keep reading frames until one carries fewer than 999999 bytes' };
  }
  const sizes = [1024, 4096, 8192, 65536].filter((b) => n % b === 0);
  const multiple = sizes.length > 0 ? `; ${n} is a multiple of ${sizes[0]}, the size of a typical recv()/read() buffer: it looks like ${n === sizes[0] ? 'a single recv() or read()' : 'a read loop that stopped early'}` : '';
  const lineEnd = expected[n - 1] === NL ? `, right after line ${countLines(expected.subarray(0, n))} of ${countLines(expected)}` : '';
  return { text: `it is truncated at ${describeSize(n)} of ${describeSize(expected.length)}${lineEnd}: ${missing} missing${multiple}`, hint: HINT_LOOP };
}

function countLines(data: Buffer): number {
  let n = 0;
  for (let i = data.indexOf(NL); i >= 0; i = data.indexOf(NL, i + 1)) n += 1;
  return data.length > 0 && data[data.length - 1] !== NL ? n + 1 : n;
}

/** Every `\n` became `\r\n`, or every `\r\n` (or `\r`) became `\n`. */
function newlineConversion(expected: Buffer, received: Buffer): Shape | undefined {
  if (expected.indexOf(NL) >= 0 && received.length > expected.length && received.equals(replaceAll(expected, Buffer.from('\n'), Buffer.from('\r\n')))) {
    return { text: 'every "\\n" became "\\r\\n" (newline conversion: the file was written in text mode with Windows line endings)', hint: 'open the output in binary mode ("wb") so that no line ending is converted' };
  }
  if (expected.indexOf(CR) >= 0 && received.length < expected.length) {
    const lf = replaceAll(replaceAll(expected, Buffer.from('\r\n'), Buffer.from('\n')), Buffer.from('\r'), Buffer.from('\n'));
    if (received.equals(lf) || received.equals(replaceAll(expected, Buffer.from('\r\n'), Buffer.from('\n')))) {
      return { text: 'every "\\r\\n" became "\\n" (newline conversion: the file was read in text mode, which translates line endings)', hint: 'open the input in binary mode ("rb"): text mode turns "\\r\\n" into "\\n"' };
    }
  }
  return undefined;
}

/** U+FFFD replacement characters, or Latin-1 read as UTF-8 (mojibake). */
function encodingDamage(expected: Buffer, received: Buffer): Shape | undefined {
  const added = count(received, REPLACEMENT) - count(expected, REPLACEMENT);
  if (added > 0) {
    const first = received.indexOf(REPLACEMENT);
    return {
      text: `${added} replacement character${added === 1 ? '' : 's'} U+FFFD ("\\xef\\xbf\\xbd", shown as �) appeared, the first at offset ${first}: bytes were decoded as UTF-8 with errors="replace" where they were not valid UTF-8 on their own — a multi-byte character split between two recv() calls, or binary data decoded as text`,
      hint: HINT_BYTES,
    };
  }
  if (received.length > expected.length && received.equals(Buffer.from(expected.toString('latin1'), 'utf8'))) {
    return { text: 'every byte above 0x7f became two bytes (the data was decoded as Latin-1 and encoded again as UTF-8: "ñ" shows as "Ã±")', hint: HINT_BYTES };
  }
  return undefined;
}

/** Newlines present in `received` and not in `expected` (any others must match), with where they are. */
function insertedNewlines(expected: Buffer, received: Buffer, of = 'the original'): (Shape & { count: number; where: string }) | undefined {
  if (received.length <= expected.length || received.length - expected.length > 1_000_000) return undefined;
  const at: number[] = [];
  let i = 0;
  let j = 0;
  while (j < received.length) {
    if (i < expected.length && expected[i] === received[j]) {
      i += 1;
      j += 1;
    } else if (received[j] === NL) {
      at.push(i);
      j += 1;
    } else return undefined;
  }
  if (i < expected.length || at.length === 0) return undefined;
  const afterNl = at.filter((o) => o > 0 && expected[o - 1] === NL).length;
  const shown = at.slice(0, 6).join(', ') + (at.length > 6 ? ', …' : '');
  const common = mostCommonGap(at);
  const where = ` (at offset${at.length === 1 ? '' : 's'} ${shown} of ${of})`;
  const n = at.length;
  if (afterNl === n && n > 1) {
    return { count: n, where, text: `every line got an extra newline: ${n} empty lines were inserted${where}`, hint: 'each line already ends with "\\n": write it as it is (print(linea) or write(linea + "\\n") adds a second one)' };
  }
  const perChunk = common !== undefined ? `; ${common.all ? '' : 'most of them '}one every ${common.gap} bytes: once per recv(${common.gap})` : '; they fall where one recv() ended and the next began';
  const text = n === 1 && at[0] === expected.length ? 'it has the whole file plus one newline added at the end' : `${n} newline${n === 1 ? ' was' : 's were'} inserted${where}${n > 1 ? perChunk : ''}`;
  return { count: n, where, text, hint: 'write each chunk exactly as received: print(datos) or write(datos + "\\n") adds a newline after every chunk' };
}

/** The distance between most consecutive offsets, when at least half of them share it. */
function mostCommonGap(offsets: readonly number[]): { gap: number; all: boolean } | undefined {
  const gaps = new Map<number, number>();
  for (let k = 1; k < offsets.length; k++) {
    const g = (offsets[k] as number) - (offsets[k - 1] as number);
    gaps.set(g, (gaps.get(g) ?? 0) + 1);
  }
  const [gap, n] = [...gaps.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return n > 0 && n * 2 >= offsets.length - 1 ? { gap, all: n === offsets.length - 1 } : undefined;
}

function count(hay: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n += 1;
  return n;
}

function replaceAll(data: Buffer, from: Buffer, to: Buffer): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  for (let i = data.indexOf(from); i >= 0; i = data.indexOf(from, i + from.length)) {
    parts.push(data.subarray(last, i), to);
    last = i + from.length;
  }
  parts.push(data.subarray(last));
  return Buffer.concat(parts);
}
