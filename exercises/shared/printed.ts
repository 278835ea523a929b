/**
 * Finding what a client printed. Students print a reply as text (`print(data.decode())`), as a
 * Python bytes literal (`print(data)` shows `b'Hola'`), or piece by piece as it arrives; all
 * of these show the bytes, so all are accepted.
 */

/** Decodes every Python bytes literal (`b'...'`, `b"..."`) in `text` in place. */
export function decodeBytesLiterals(text: string): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  const re = /b'((?:[^'\\\n]|\\.)*)'|b"((?:[^"\\\n]|\\.)*)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    parts.push(Buffer.from(text.slice(last, m.index)));
    parts.push(unescapePython(m[1] ?? m[2] ?? ''));
    last = m.index + m[0].length;
  }
  parts.push(Buffer.from(text.slice(last)));
  return Buffer.concat(parts);
}

function unescapePython(body: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      for (const b of Buffer.from(c)) out.push(b);
      continue;
    }
    const n = body[++i] ?? '';
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, '\\': 92, "'": 39, '"': 34, '0': 0, a: 7, b: 8, f: 12, v: 11 };
    if (n === 'x') {
      out.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (n in simple) out.push(simple[n] as number);
    else out.push(92, ...Buffer.from(n));
  }
  return Buffer.from(out);
}

/**
 * Whether `output` shows `expected`: contiguously, or as the in-order concatenation of
 * `pieces` (what a client printing each `recv` separately shows), as text or bytes literals.
 */
export function showsBytes(output: string, expected: Buffer, pieces?: readonly Buffer[]): boolean {
  for (const hay of [Buffer.from(output), decodeBytesLiterals(output)]) {
    if (hay.includes(expected)) return true;
    if (pieces && pieces.length > 1 && inOrder(hay, pieces)) return true;
  }
  return false;
}

function inOrder(hay: Buffer, pieces: readonly Buffer[]): boolean {
  let at = 0;
  for (const p of pieces) {
    if (p.length === 0) continue;
    const i = hay.indexOf(p, at);
    if (i < 0) return false;
    at = i + p.length;
  }
  return true;
}
