/**
 * Text bound for a terminal, made inert: whatever a submission printed, sent or named (a host
 * string, a folder name) is shown, never executed. Control characters and escape sequences
 * become visible escapes (`\x1b`, `\r`), so nothing can clear the screen, move the cursor,
 * overwrite a line or fake a score.
 */

// C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates
// that reorder what is shown.
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.codePointAt(0) as number;
  if (ch === '\r') return '\\r';
  if (ch === '\x1b') return '\\x1b';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character but newline and tab shown as an escape; CRLF line ends become newlines. */
export function terminalSafe(text: string): string {
  return text.replace(/\r+\n/g, '\n').replace(UNSAFE, visible);
}

/** A copy of `value` (a result, a check, any JSON-like data) with every string made {@link terminalSafe}. */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => terminalSafeDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = terminalSafeDeep(v);
    return out as T;
  }
  return value;
}
