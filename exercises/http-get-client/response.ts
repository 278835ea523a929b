/**
 * The responses sockgrade serves to a submitted HTTP client: UTF-8 text bodies of exact sizes,
 * with or without Content-Length, and the slices they are sent in (every cut inside a
 * multi-byte character, so a client that decodes each recv() separately breaks).
 */
import type { Rng } from '../../harness/authoring.js';
import { ACCENTED_WORDS, PLAIN_WORDS } from '../shared/files-generate.js';

/** Size of the large body: 1 MiB. */
export const LARGE_BODY = 1024 * 1024;

/** Client output kept by the full-body check: the large response, headers included, with room to spare. */
export const OUTPUT_KEPT = 2 * 1024 * 1024;

/** One response of the full-body check. */
export interface BodyCase {
  size: number;
  /** Whether the response announces its size (else it ends when the connection closes). */
  contentLength: boolean;
  /** Slice sizes in bytes and the pause between slices. */
  slices: { min: number; max: number; delayMs: number };
}

const FINE = { min: 1, max: 96, delayMs: 4 };
const COARSE = { min: 2048, max: 8192, delayMs: 2 };

/** The responses of `http.full-body`, smallest first: 0, 1023, 1025 bytes and the large body, each with and without Content-Length. */
export const BODY_CASES: readonly BodyCase[] = [0, 1023, 1025, LARGE_BODY].flatMap((size) =>
  [true, false].map((contentLength) => ({ size, contentLength, slices: size === LARGE_BODY ? COARSE : FINE })),
);

/** `1025-byte body with Content-Length`. */
export function describeCase(c: BodyCase): string {
  const size = c.size === LARGE_BODY ? `${c.size}-byte (about 1 MiB)` : `${c.size}-byte`;
  return `${size} body ${c.contentLength ? 'with Content-Length' : 'without Content-Length (it ends when the server closes)'}`;
}

/** A random path such as `/apuntes/k3Rf9q-417.html`, so a client that hard-codes its path is caught. */
export function randomPath(rng: Rng): string {
  return `/${rng.pick(['apuntes', 'docs', 'practicas', 'redes', 'web'])}/${rng.word(6)}-${rng.int(100, 999)}.html`;
}

/** Spanish text lines, accented words included, exactly `size` bytes of UTF-8 ending in a newline. */
export function bodyText(rng: Rng, size: number): Buffer {
  const parts: string[] = [];
  let bytes = 0;
  let line = 0;
  const lineTarget = (): number => rng.int(30, 90);
  let target = lineTarget();
  for (;;) {
    const word = rng.int(1, 3) === 1 ? rng.pick(ACCENTED_WORDS) : rng.pick(PLAIN_WORDS);
    const token = line === 0 ? word : ` ${word}`;
    const n = Buffer.byteLength(token);
    if (bytes + n + 1 > size) break;
    parts.push(token);
    bytes += n;
    line += n;
    if (line >= target && bytes + 1 < size) {
      parts.push('\n');
      bytes += 1;
      line = 0;
      target = lineTarget();
    }
  }
  const rest = size - bytes;
  if (rest > 0) parts.push(`${'x'.repeat(rest - 1)}\n`);
  return Buffer.from(parts.join(''));
}

/** A complete HTTP/1.1 response: status line, headers (Content-Length when asked), empty line, body. */
export function buildResponse(status: 200 | 404, body: Buffer, contentLength: boolean): Buffer {
  const head = [
    `HTTP/1.1 ${status === 200 ? '200 OK' : '404 Not Found'}`,
    'Content-Type: text/plain; charset=utf-8',
    ...(contentLength ? [`Content-Length: ${body.length}`] : []),
    'Connection: close',
    'Server: sockgrade',
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head), body]);
}

/**
 * Sizes of the slices `data` is sent in: random between `min` and `max`, each cut moved forward
 * (by less than 32 bytes) to fall inside a multi-byte character when one is that close.
 */
export function sliceSizes(rng: Rng, data: Buffer, min: number, max: number): number[] {
  const sizes: number[] = [];
  let at = 0;
  while (at < data.length) {
    let cut = Math.min(data.length, at + rng.int(min, max));
    for (let k = 0; k < 32 && cut + k < data.length; k++) {
      if (((data[cut + k] as number) & 0xc0) === 0x80) {
        cut += k;
        break;
      }
    }
    sizes.push(cut - at);
    at = cut;
  }
  return sizes;
}
