/**
 * Test files sockgrade makes itself, from a seed: text with many lines, text without a final
 * newline, lines over 64 KiB, UTF-8 with multi-byte characters straddling the buffer sizes
 * students read with (every multiple of 1024, so 4096 and 65536 too), binary with every byte
 * value, large text. The same seed gives the same bytes.
 */
import type { Rng } from '../../harness/util/rng.js';

/** Words without accents: text that any decoding keeps intact. */
export const PLAIN_WORDS: readonly string[] = (
  'hola mundo fichero servidor cliente socket datos linea texto copia red puerto paquete mensaje bytes ' +
  'remoto prueba conexion buffer lectura escritura envio recibo trama cabecera longitud archivo disco ' +
  'programa practica sistema proceso tabla valor numero clave lista orden final inicio bloque cadena'
).split(' ');

/** Spanish words with accents and eñes (two-byte characters in UTF-8). */
export const ACCENTED_WORDS: readonly string[] = 'canción ñandú pingüino información está año también corazón después qué según única árbol camión'.split(' ');

/** Words dense in two-, three- and four-byte characters. */
export const DENSE_WORDS: readonly string[] = 'ñandú € →→ 日本語 😀 🚀 café Ωmega Жук 中文 ¿qué? ½ 𝄞 añoñá ü€ü 🎉 ∑∞ ÇÑ'.split(' ');

/** Characters of two, three and four bytes, put across buffer boundaries. */
const STRADDLERS: readonly string[] = ['ñ', 'á', 'ü', 'ç', '€', '→', '日', '中', '😀', '🚀', '🎉', '𝄞'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** What a generated text looks like. */
export interface TextSpec {
  /** Size in bytes to reach; the text ends with the line that reaches it. */
  size: number;
  /** Words of each line, picked at random. */
  words: readonly string[];
  /** Also put one of these words in about one line out of `every`. */
  sprinkle?: { words: readonly string[]; every: number };
  /** Bytes per line before its newline: [min, max]. */
  lineBytes: [number, number];
  /** Whether the last line ends with `\n`. */
  trailingNewline: boolean;
  /** Every multiple of each of these sizes falls inside a multi-byte character. */
  straddle?: readonly number[];
}

/** Validates a spec, naming the function and the bad field (fast-check style). */
function validate(spec: TextSpec): void {
  if (!Number.isInteger(spec.size) || spec.size < 1) throw new Error(`textFile: expected size to be a positive integer, got ${spec.size}`);
  if (spec.words.length === 0) throw new Error('textFile: expected at least one word');
  const [min, max] = spec.lineBytes;
  if (min < 0 || max < Math.max(1, min)) throw new Error(`textFile: expected 0 <= lineBytes[0] <= lineBytes[1], lineBytes[1] >= 1, got [${min}, ${max}]`);
  if (spec.straddle?.some((p) => !Number.isInteger(p) || p < 8)) throw new Error(`textFile: expected straddle sizes to be integers of at least 8, got ${spec.straddle.join(', ')}`);
}

/** Generates text as UTF-8 bytes, line by line, word by word. */
export function textFile(rng: Rng, spec: TextSpec): Buffer {
  validate(spec);
  const out: string[] = [];
  let bytes = 0;
  let boundary = spec.straddle?.length ? nextMultiple(spec.straddle, 0) : Infinity;
  // Appends a token; when it would reach the next boundary, a multi-byte character is put across it first.
  const put = (token: string): void => {
    const n = Buffer.byteLength(token);
    if (bytes + n >= boundary) {
      while (bytes < boundary - 1) {
        out.push(LETTERS[rng.int(0, LETTERS.length - 1)] as string);
        bytes += 1;
      }
      const c = rng.pick(STRADDLERS);
      out.push(c);
      bytes += Buffer.byteLength(c);
      boundary = nextMultiple(spec.straddle ?? [], bytes);
      if (bytes + n >= boundary) return put(token);
    }
    out.push(token);
    bytes += n;
  };
  // A line's own newline can reach `size`: then one more line is needed for the text to end without one.
  while (bytes < spec.size || (!spec.trailingNewline && out[out.length - 1] === '\n')) {
    const target = rng.int(spec.lineBytes[0], spec.lineBytes[1]);
    const start = bytes;
    const sprinkleAt = spec.sprinkle && rng.int(1, spec.sprinkle.every) === 1 ? rng.int(0, 8) : -1;
    for (let w = 0; bytes - start < target; w++) {
      if (w > 0) put(' ');
      put(w === sprinkleAt && spec.sprinkle ? rng.pick(spec.sprinkle.words) : rng.pick(spec.words));
    }
    if (bytes < spec.size || spec.trailingNewline) put('\n');
  }
  return Buffer.from(out.join(''));
}

/** The smallest multiple of one of `periods` strictly above `at`. */
function nextMultiple(periods: readonly number[], at: number): number {
  let best = Infinity;
  for (const p of periods) best = Math.min(best, (Math.floor(at / p) + 1) * p);
  return best;
}

/** One line of exactly `bytes` ASCII bytes (no newline), made of words. */
export function lineOf(rng: Rng, bytes: number, words: readonly string[] = PLAIN_WORDS): string {
  const parts: string[] = [];
  let n = 0;
  while (n < bytes) {
    const w = (parts.length > 0 ? ' ' : '') + rng.pick(words);
    parts.push(w);
    n += w.length;
  }
  return parts.join('').slice(0, bytes);
}

/** Text with many short lines of plain words, ending with a newline or not. */
export function plainText(rng: Rng, size: number, trailingNewline = true): Buffer {
  return textFile(rng, { size, words: PLAIN_WORDS, lineBytes: [0, 90], trailingNewline });
}

/** Short lines around lines of 64 KiB + 1, about 100 KiB and about 200 KiB. */
export function longLines(rng: Rng): Buffer {
  const lines: string[] = [];
  for (const long of [65_537, rng.int(96_000, 110_000), 65_536, rng.int(190_000, 210_000)]) {
    for (let i = rng.int(2, 6); i > 0; i--) lines.push(lineOf(rng, rng.int(0, 80)));
    lines.push(lineOf(rng, long));
  }
  lines.push(lineOf(rng, rng.int(10, 60)));
  return Buffer.from(`${lines.join('\n')}\n`);
}

/**
 * UTF-8 text of about `size` bytes, dense in multi-byte characters, with one across every
 * multiple of 1000 and of 1024 (so of 4096 and 65536 too): reading it in chunks and decoding
 * each chunk on its own breaks it.
 */
export function utf8Split(rng: Rng, size: number): Buffer {
  return textFile(rng, { size, words: [...DENSE_WORDS, ...PLAIN_WORDS.slice(0, 12)], lineBytes: [20, 160], trailingNewline: true, straddle: [1000, 1024] });
}

/**
 * Binary data of `size` bytes (at least 1 KiB): every byte value in order and shuffled, the
 * sequences text handling mangles (`\r\n`, lone `\r`, NUL runs, invalid and truncated UTF-8),
 * then random bytes.
 */
export function binaryFile(rng: Rng, size: number): Buffer {
  if (size < 1024) throw new Error(`binaryFile: expected size to be at least 1024, got ${size}`);
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const shuffled = Buffer.from(all);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = shuffled[i] as number;
    shuffled[i] = shuffled[j] as number;
    shuffled[j] = t;
  }
  const nasty = Buffer.from([0x0d, 0x0a, 0x0d, 0x41, 0x0a, 0x0d, 0x00, 0x00, 0x00, 0xff, 0xfe, 0xc3, 0x28, 0x80, 0xbf, 0xe2, 0x82, 0x0a, 0xf0, 0x9f, 0x98, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x1a, 0x04]);
  const head = Buffer.concat([all, shuffled, nasty]);
  return Buffer.concat([head, rng.bytes(size - head.length)]);
}

/**
 * Large text of about `size` bytes: plain words with an accented word in about one line of
 * six, and a multi-byte character across every multiple of `straddle` sizes.
 */
export function largeText(rng: Rng, size: number, straddle: readonly number[]): Buffer {
  return textFile(rng, { size, words: PLAIN_WORDS, sprinkle: { words: ACCENTED_WORDS, every: 6 }, lineBytes: [0, 110], trailingNewline: true, straddle });
}
