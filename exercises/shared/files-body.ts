/**
 * A file's content on the wire as A5 frames (`NNNNNN:` + payload). A frame carries at most
 * 999999 bytes, so a body is a run of frames: every frame but the last carries exactly 999999
 * bytes and the last carries fewer (0 included). A file under 999999 bytes is one frame, an
 * empty file is `000000:`, a file of exactly 999999 bytes is one full frame then `000000:`.
 */
import { escapeBytes } from '../../harness/diagnose/bytes.js';
import { HEADER_LENGTH, MAX_PAYLOAD, frame } from '../framed-echo/framing.js';

/** Payload of every frame of a body but the last. */
export const FULL_FRAME = MAX_PAYLOAD;

/** `data` as a body: full frames, then one short frame. */
export function frameBody(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (; data.length - at >= FULL_FRAME; at += FULL_FRAME) parts.push(frame(data.subarray(at, at + FULL_FRAME)));
  parts.push(frame(data.subarray(at)));
  return Buffer.concat(parts);
}

/** Why 7 bytes are not a frame header, in words a student can act on. */
export function headerProblem(header: Buffer, more: Buffer = Buffer.alloc(0)): string | undefined {
  const text = header.toString('latin1');
  if (/^\d{6}:$/.test(text)) return undefined;
  const shown = `"${escapeBytes(header)}"`;
  const digits = /^\d+/.exec(Buffer.concat([header, more.subarray(0, 16)]).toString('latin1'))?.[0] ?? '';
  if (digits.length > 6) return `the header ${shown}… has ${digits.length} digits: a frame announces at most 999999 bytes in exactly six digits, so a bigger file goes as several frames of 999999 bytes and a last shorter one`;
  if (digits.length > 0 && digits.length < 6) return `the header ${shown} is not padded to six digits: write the length with zeros in front, like f"{len(datos):06d}:"`;
  return `${shown} is not a frame header (six digits and a colon, like "000042:")`;
}

/**
 * What {@link readBody} reads from: a TCP connection, or datagrams read one after another as a
 * stream of bytes (a body may be cut into datagrams anywhere).
 */
export interface ByteSource {
  readonly received: Buffer;
  readonly receivedBytes: number;
  readonly closeKind: 'fin' | 'reset' | 'open';
  readonly closed: boolean;
  waitForBytes(n: number, ms: number, signal?: AbortSignal): Promise<boolean>;
}

/** How reading one body off a connection ended. */
export type BodyRead =
  | { kind: 'body'; body: Buffer; frames: number[]; end: number }
  | { kind: 'malformed'; problem: string; frames: number[]; partial: Buffer; at: number }
  | { kind: 'incomplete'; frames: number[]; partial: Buffer; ended: boolean; waitingFor: string };

/**
 * Reads one body from `conn`, starting at byte `from` of what it received. Waits (bounded) for
 * each header and payload in turn; never consumes past the body's end.
 */
export async function readBody(conn: ByteSource, from: number, ms: number, signal?: AbortSignal): Promise<BodyRead> {
  const until = performance.now() + ms;
  const left = (): number => Math.max(0, until - performance.now());
  const pieces: Buffer[] = [];
  const frames: number[] = [];
  let at = from;
  // What arrived of the body so far: complete payloads, then the bytes after `skip` (a header, when known).
  const incomplete = (waitingFor: string, skip: number): BodyRead => ({
    kind: 'incomplete',
    frames,
    partial: Buffer.concat([...pieces, conn.received.subarray(Math.min(at + skip, conn.receivedBytes))]),
    ended: conn.closeKind !== 'open' || conn.closed,
    waitingFor,
  });
  for (;;) {
    if (!(await conn.waitForBytes(at + HEADER_LENGTH, left(), signal))) return incomplete(`the header of frame ${frames.length + 1}`, 0);
    const header = conn.received.subarray(at, at + HEADER_LENGTH);
    const problem = headerProblem(header, conn.received.subarray(at + HEADER_LENGTH));
    if (problem) return { kind: 'malformed', problem, frames, partial: Buffer.concat(pieces), at };
    const size = Number(header.subarray(0, 6).toString('latin1'));
    if (!(await conn.waitForBytes(at + HEADER_LENGTH + size, left(), signal))) return incomplete(`the ${size} bytes announced by frame ${frames.length + 1}`, HEADER_LENGTH);
    pieces.push(conn.received.subarray(at + HEADER_LENGTH, at + HEADER_LENGTH + size));
    frames.push(size);
    at += HEADER_LENGTH + size;
    if (size < FULL_FRAME) return { kind: 'body', body: Buffer.concat(pieces), frames, end: at };
  }
}

/** `3 frames (999999, 999999, 12 bytes)`. */
export function describeFrames(frames: readonly number[]): string {
  if (frames.length === 0) return 'no complete frame';
  return `${frames.length} frame${frames.length === 1 ? '' : 's'} (${frames.join(', ')} bytes)`;
}

/**
 * Incremental body parser for programs that receive a body (the reference solutions): push
 * chunks, get payload pieces as they complete, and the bytes left after the body.
 */
export class BodyParser {
  private pending = Buffer.alloc(0);
  private remaining = -1;
  private lastSize = 0;
  done = false;
  error: string | undefined;

  /** Feeds `chunk`; returns the payload bytes it completed and, once the body ended, what follows it. */
  push(chunk: Buffer): { payload: Buffer[]; rest?: Buffer } {
    const payload: Buffer[] = [];
    let data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (!this.done && !this.error) {
      if (this.remaining < 0) {
        if (data.length < HEADER_LENGTH) break;
        this.error = headerProblem(data.subarray(0, HEADER_LENGTH), data.subarray(HEADER_LENGTH));
        if (this.error) break;
        this.remaining = this.lastSize = Number(data.subarray(0, 6).toString('latin1'));
        data = data.subarray(HEADER_LENGTH);
      }
      const take = Math.min(this.remaining, data.length);
      if (take > 0) payload.push(data.subarray(0, take));
      data = data.subarray(take);
      this.remaining -= take;
      if (this.remaining > 0) break;
      this.remaining = -1;
      if (this.lastSize < FULL_FRAME) this.done = true;
    }
    if (this.done) return { payload, rest: data };
    this.pending = Buffer.from(data);
    return { payload };
  }
}
