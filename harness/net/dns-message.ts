/**
 * The few pieces of the DNS wire format (RFC 1035) a stub resolver's question and sockgrade's
 * answer need: one question in, at most one A record out.
 */

/** Record types sockgrade tells apart. */
export const DNS_TYPE = { A: 1, PTR: 12, AAAA: 28 } as const;

/** Response codes used in answers. */
export const DNS_RCODE = { NOERROR: 0, FORMERR: 1, NXDOMAIN: 3 } as const;

/** A parsed query: its id, flags, question name (lower case, no final dot), type and class. */
export interface DnsQuestion {
  id: number;
  flags: number;
  name: string;
  type: number;
  qclass: number;
  /** The question section as it came, copied into the answer. */
  raw: Buffer;
}

/** Parses the first question of a query; undefined when the bytes are not one. */
export function parseQuery(msg: Buffer): DnsQuestion | undefined {
  if (msg.length < 12 || (msg.readUInt16BE(2) & 0x8000) !== 0 || msg.readUInt16BE(4) < 1) return undefined;
  const labels: string[] = [];
  let at = 12;
  for (;;) {
    const len = msg[at];
    if (len === undefined || len > 63) return undefined;
    at += 1;
    if (len === 0) break;
    if (at + len > msg.length) return undefined;
    labels.push(msg.subarray(at, at + len).toString('latin1'));
    at += len;
  }
  if (at + 4 > msg.length) return undefined;
  return { id: msg.readUInt16BE(0), flags: msg.readUInt16BE(2), name: labels.join('.').toLowerCase(), type: msg.readUInt16BE(at), qclass: msg.readUInt16BE(at + 2), raw: msg.subarray(12, at + 4) };
}

/** The answer to `q`: `address` as its A record when given, else no records, with `rcode`. */
export function buildAnswer(q: DnsQuestion, rcode: number, address?: string): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(q.id, 0);
  // QR, the query's opcode and RD, AA and RA, then the response code.
  header.writeUInt16BE(0x8000 | (q.flags & 0x7900) | 0x0400 | 0x0080 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(address ? 1 : 0, 6);
  if (!address) return Buffer.concat([header, q.raw]);
  const record = Buffer.alloc(16);
  record.writeUInt16BE(0xc00c, 0);
  record.writeUInt16BE(DNS_TYPE.A, 2);
  record.writeUInt16BE(1, 4);
  record.writeUInt32BE(5, 6);
  record.writeUInt16BE(4, 10);
  address.split('.').forEach((octet, i) => record.writeUInt8(Number(octet), 12 + i));
  return Buffer.concat([header, q.raw, record]);
}
