/**
 * The D6 wire format: a 5-byte header `struct.pack("!IB", seq, type)` (uint32 sequence number,
 * big-endian; uint8 type, 0 data, 1 ack) followed by the payload.
 */
import { escapeBytes } from '../../harness/authoring.js';

export const DATA = 0;
export const ACK = 1;
export const HEADER_BYTES = 5;

/** A parsed packet. */
export interface Packet {
  seq: number;
  type: number;
  payload: Buffer;
}

/** Builds a packet. */
export function packet(seq: number, type: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(seq >>> 0, 0);
  header.writeUInt8(type, 4);
  return Buffer.concat([header, payload]);
}

/** Parses a datagram; undefined when it is too short for the header. */
export function parsePacket(d: Buffer): Packet | undefined {
  if (d.length < HEADER_BYTES) return undefined;
  return { seq: d.readUInt32BE(0), type: d.readUInt8(4), payload: d.subarray(HEADER_BYTES) };
}

/** A datagram in words for transcripts and diagnoses: `data #3 "msg003-…"`, `ack #3`. */
export function describePacket(d: Buffer): string {
  const p = parsePacket(d);
  if (!p) return `${d.length} byte${d.length === 1 ? '' : 's'}, too short for the 5-byte header: "${escapeBytes(d, 40)}"`;
  const kind = p.type === DATA ? 'data' : p.type === ACK ? 'ack' : `type ${p.type}`;
  const body = p.payload.length > 0 ? ` "${escapeBytes(p.payload, 60)}"` : '';
  return `${kind} #${p.seq}${body}`;
}

/** `n` with its 4 bytes reversed: what a little-endian header's sequence number reads as big-endian. */
export function swap32(n: number): number {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0, 0);
  return b.readUInt32LE(0);
}
