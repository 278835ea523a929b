/**
 * Showing bytes to people: escaped so that `\r\n`, tabs and invalid UTF-8 are visible,
 * summarised when long, and compared with the offset of the first difference.
 */

/**
 * Escapes `data` for display: valid UTF-8 text stays readable, control and invalid bytes become
 * `\r`, `\n`, `\xNN`, and `quote` (the quote the caller shows the data between, `"` unless told;
 * `''` for none) becomes `\"`, so that where the data ends is never in doubt.
 */
export function escapeBytes(data: Buffer | string, maxChars = 200, quote: '"' | "'" | '' = '"'): string {
  const quoteByte = quote === '' ? -1 : quote.charCodeAt(0);
  const buf = typeof data === 'string' ? Buffer.from(data) : data;
  let out = '';
  let i = 0;
  while (i < buf.length) {
    if (out.length >= maxChars) {
      return `${out}… (+${buf.length - i} more bytes)`;
    }
    const b = buf[i] as number;
    if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x09) out += '\\t';
    else if (b === 0x5c) out += '\\\\';
    else if (b === quoteByte) out += `\\${quote}`;
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else {
      const len = utf8SequenceLength(buf, i);
      if (len > 1) {
        out += buf.subarray(i, i + len).toString('utf8');
        i += len;
        continue;
      }
      out += `\\x${b.toString(16).padStart(2, '0')}`;
    }
    i += 1;
  }
  return out;
}

function utf8SequenceLength(buf: Buffer, i: number): number {
  const b = buf[i] as number;
  const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
  if (len === 0) return 0;
  if (i + len > buf.length) return 0;
  for (let k = 1; k < len; k++) {
    const c = buf[i + k] as number;
    if ((c & 0xc0) !== 0x80) return 0;
  }
  const text = buf.subarray(i, i + len).toString('utf8');
  return text.includes('\ufffd') ? 0 : len;
}

/** Hex dump of a few bytes: `68 6f 6c 61`. */
export function hexBytes(data: Buffer, max = 16): string {
  const part = [...data.subarray(0, max)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return data.length > max ? `${part} …` : part;
}

/** Offset of the first byte where `a` and `b` differ, or -1 when equal. */
export function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** Describes a size in bytes for people: `262144 bytes (256 KiB)`. */
export function describeSize(n: number): string {
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  const kib = n / 1024;
  if (kib < 1024) return `${n} bytes (${Number.isInteger(kib) ? kib : kib.toFixed(1)} KiB)`;
  const mib = kib / 1024;
  return `${n} bytes (${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB)`;
}

/** Human comparison of expected and received bytes: sizes, first difference, context around it. */
export function describeMismatch(expected: Buffer, received: Buffer): string {
  const at = firstDifference(expected, received);
  if (at < 0) return 'identical';
  const lines: string[] = [];
  lines.push(`expected ${describeSize(expected.length)}, received ${describeSize(received.length)}`);
  if (at === received.length && received.length < expected.length) {
    lines.push(`what arrived is correct but stops at offset ${at}: ${describeSize(expected.length - at)} missing`);
    lines.push(`missing from offset ${at}: "${escapeBytes(expected.subarray(at, at + 40), 60)}"`);
  } else if (at === expected.length) {
    lines.push(`all expected bytes arrived, then ${describeSize(received.length - at)} more than expected`);
    lines.push(`extra from offset ${at}: "${escapeBytes(received.subarray(at, at + 40), 60)}"`);
  } else {
    const from = Math.max(0, at - 8);
    lines.push(`first difference at offset ${at}`);
    lines.push(`  expected: "${escapeBytes(expected.subarray(from, at + 24), 80)}"  [${hexBytes(expected.subarray(at, at + 8))}]`);
    lines.push(`  received: "${escapeBytes(received.subarray(from, at + 24), 80)}"  [${hexBytes(received.subarray(at, at + 8))}]`);
  }
  return lines.join('\n');
}
