/** Making untrusted text safe to place in HTML and SVG, and shortening long data for reading. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes `text` for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** One displayed unit of escaped text: `\xNN`, `\n`, `\\` or one character. */
const UNIT = /\\x[0-9a-fA-F]{2}|\\[nrt\\]|[\s\S]/gu;

function unitBytes(unit: string): number {
  return unit.length > 1 && unit.startsWith('\\') ? 1 : Buffer.byteLength(unit);
}

/** What is left of a text after eliding it: the part shown and how much was left out. */
export interface Elided {
  shown: string;
  /** Bytes left out, when the text stands for bytes (escaped data). */
  moreBytes?: number;
  /** Characters left out, when the text is plain text. */
  moreChars?: number;
}

/**
 * Keeps the start of `text` that fits in `max` characters, never cutting an escape sequence such
 * as `\x00`. With `bytes`, the size of the data the text stands for, says how many bytes were
 * left out; otherwise how many characters.
 */
export function elide(text: string, max: number, bytes?: number): Elided {
  const units = text.match(UNIT) ?? [];
  let width = 0;
  let n = 0;
  while (n < units.length && width + (units[n] as string).length <= max) width += (units[n++] as string).length;
  if (n === units.length) return { shown: text };
  const kept = units.slice(0, n);
  const shown = kept.join('');
  if (bytes === undefined) return { shown, moreChars: units.length - n };
  const shownBytes = kept.reduce((n, u) => n + unitBytes(u), 0);
  return { shown, moreBytes: Math.max(0, bytes - shownBytes) };
}
