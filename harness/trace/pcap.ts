/**
 * Reading and writing classic pcap files (the libpcap format Wireshark and tcpdump read), in
 * either byte order and with micro- or nanosecond timestamps.
 */

/** Link types sockgrade decodes. */
export const LINKTYPE = { ethernet: 1, raw: 101, linuxSll: 113, linuxSll2: 276 } as const;

/** One captured frame. */
export interface PcapRecord {
  /** Capture time in microseconds since the epoch. */
  timeUs: number;
  /** Length of the frame on the wire; `data` may be shorter (cut to the snap length). */
  origLen: number;
  data: Buffer;
}

/** A whole capture file. */
export interface Pcap {
  linkType: number;
  snapLen: number;
  records: PcapRecord[];
  /** Bytes at the end that do not make a whole record (a capture cut short). */
  trailingBytes: number;
}

/** The pcap file could not be read. */
export class PcapError extends Error {
  readonly code = 'SOCKGRADE_PCAP';
}

/** Parses a pcap file; throws {@link PcapError} when it is not one. */
export function readPcap(buf: Buffer): Pcap {
  if (buf.length < 24) throw new PcapError(`not a pcap file: ${buf.length} bytes, a header has 24`);
  const magicLe = buf.readUInt32LE(0);
  let le: boolean;
  let nano: boolean;
  if (magicLe === 0xa1b2c3d4 || magicLe === 0xa1b23c4d) {
    le = true;
    nano = magicLe === 0xa1b23c4d;
  } else {
    const magicBe = buf.readUInt32BE(0);
    if (magicBe !== 0xa1b2c3d4 && magicBe !== 0xa1b23c4d) throw new PcapError(`not a pcap file: magic 0x${magicLe.toString(16)}`);
    le = false;
    nano = magicBe === 0xa1b23c4d;
  }
  const u32 = (off: number): number => (le ? buf.readUInt32LE(off) : buf.readUInt32BE(off));
  const snapLen = u32(16);
  const linkType = u32(20) & 0x0fffffff;
  const records: PcapRecord[] = [];
  let off = 24;
  while (off + 16 <= buf.length) {
    const sec = u32(off);
    const frac = u32(off + 4);
    const capLen = u32(off + 8);
    const origLen = u32(off + 12);
    if (off + 16 + capLen > buf.length) break;
    records.push({ timeUs: sec * 1e6 + (nano ? Math.floor(frac / 1000) : frac), origLen, data: buf.subarray(off + 16, off + 16 + capLen) });
    off += 16 + capLen;
  }
  return { linkType, snapLen, records, trailingBytes: buf.length - off };
}

/** Serialises frames as a little-endian, microsecond pcap file. */
export function writePcap(linkType: number, snapLen: number, records: readonly PcapRecord[]): Buffer {
  const parts: Buffer[] = [];
  const head = Buffer.alloc(24);
  head.writeUInt32LE(0xa1b2c3d4, 0);
  head.writeUInt16LE(2, 4);
  head.writeUInt16LE(4, 6);
  head.writeUInt32LE(snapLen, 16);
  head.writeUInt32LE(linkType, 20);
  parts.push(head);
  for (const r of records) {
    const h = Buffer.alloc(16);
    h.writeUInt32LE(Math.floor(r.timeUs / 1e6), 0);
    h.writeUInt32LE(Math.round(r.timeUs % 1e6), 4);
    h.writeUInt32LE(r.data.length, 8);
    h.writeUInt32LE(r.origLen, 12);
    parts.push(h, r.data);
  }
  return Buffer.concat(parts);
}
