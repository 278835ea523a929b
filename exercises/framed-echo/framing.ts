/**
 * A5 framing: `NNNNNN:` (six ASCII digits, zero-padded payload length in bytes) then the payload.
 * Shared by the framed-echo checks and by exercises whose replies are framed the same way.
 */

/** Bytes of the header: six digits and a colon. */
export const HEADER_LENGTH = 7;
/** Largest payload a header can announce. */
export const MAX_PAYLOAD = 999_999;

/** Frames `payload`. */
export function frame(payload: Buffer | string): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  if (body.length > MAX_PAYLOAD) throw new Error(`payload of ${body.length} bytes does not fit a six-digit header`);
  return Buffer.concat([Buffer.from(`${String(body.length).padStart(6, '0')}:`), body]);
}

/** What a stream of bytes holds: complete frames, what is left, or why the header is wrong. */
export interface ParsedStream {
  frames: Buffer[];
  rest: Buffer;
  error?: string;
}

/** Splits `data` into frames; stops at the first malformed header and says what is wrong with it. */
export function parseFrames(data: Buffer): ParsedStream {
  const frames: Buffer[] = [];
  let at = 0;
  while (data.length - at >= HEADER_LENGTH) {
    const header = data.subarray(at, at + HEADER_LENGTH).toString('latin1');
    if (!/^\d{6}:$/.test(header)) {
      return { frames, rest: data.subarray(at), error: `malformed header "${header.replace(/[^\x20-\x7e]/g, '?')}" at offset ${at} (expected six digits and a colon, like "000012:")` };
    }
    const size = Number(header.slice(0, 6));
    if (data.length - at - HEADER_LENGTH < size) break;
    frames.push(data.subarray(at + HEADER_LENGTH, at + HEADER_LENGTH + size));
    at += HEADER_LENGTH + size;
  }
  return { frames, rest: data.subarray(at) };
}
