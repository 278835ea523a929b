/**
 * Decodes captured frames down to their TCP or UDP header: link layer (Ethernet, Linux cooked
 * v1/v2, raw IP), IPv4 or IPv6, then the transport header with the TCP options sockgrade reports.
 * Payload lengths come from the IP header, so frames cut to a snap length still count in full.
 */
import { isIPv4 } from 'node:net';
import { LINKTYPE, type PcapRecord } from './pcap.js';

/** TCP flag bits. */
export const TCP_FLAGS = { fin: 0x01, syn: 0x02, rst: 0x04, psh: 0x08, ack: 0x10, urg: 0x20, ece: 0x40, cwr: 0x80 } as const;

/** Options of a TCP header that sockgrade reports. */
export interface TcpOptions {
  mss?: number;
  /** The window scale shift. */
  windowScale?: number;
  sackPermitted?: boolean;
  /** TSval, when the timestamps option is present. */
  timestamp?: number;
}

/** A TCP segment's header. */
export interface TcpSegment {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  /** The window field as sent (not scaled). */
  window: number;
  options: TcpOptions;
  payloadLength: number;
}

/** A UDP datagram's header. */
export interface UdpDatagram {
  srcPort: number;
  dstPort: number;
  payloadLength: number;
}

/** One decoded frame. */
export interface Packet {
  /** 1-based position in the capture, as Wireshark numbers frames. */
  frame: number;
  timeUs: number;
  /** Length on the wire. */
  wireLength: number;
  /** Length of the IP packet (headers included, link layer left out). */
  ipLength?: number;
  src: string;
  dst: string;
  tcp?: TcpSegment;
  udp?: UdpDatagram;
}

/** Decodes one frame; undefined for frames that are not IPv4/IPv6 TCP or UDP. */
export function decodeFrame(linkType: number, record: PcapRecord, frame: number): Packet | undefined {
  const d = record.data;
  let etherType: number;
  let off: number;
  if (linkType === LINKTYPE.ethernet) {
    if (d.length < 14) return undefined;
    etherType = d.readUInt16BE(12);
    off = 14;
    while ((etherType === 0x8100 || etherType === 0x88a8) && d.length >= off + 4) {
      etherType = d.readUInt16BE(off + 2);
      off += 4;
    }
  } else if (linkType === LINKTYPE.linuxSll) {
    if (d.length < 16) return undefined;
    etherType = d.readUInt16BE(14);
    off = 16;
  } else if (linkType === LINKTYPE.linuxSll2) {
    if (d.length < 20) return undefined;
    etherType = d.readUInt16BE(0);
    off = 20;
  } else if (linkType === LINKTYPE.raw) {
    if (d.length < 1) return undefined;
    etherType = d[0]! >> 4 === 6 ? 0x86dd : 0x0800;
    off = 0;
  } else {
    return undefined;
  }
  const base = { frame, timeUs: record.timeUs, wireLength: record.origLen };
  if (etherType === 0x0800) return decodeIpv4(d, off, base);
  if (etherType === 0x86dd) return decodeIpv6(d, off, base);
  return undefined;
}

type Base = Pick<Packet, 'frame' | 'timeUs' | 'wireLength'>;

function decodeIpv4(d: Buffer, off: number, base: Base): Packet | undefined {
  if (d.length < off + 20 || d[off]! >> 4 !== 4) return undefined;
  const ihl = (d[off]! & 0x0f) * 4;
  const total = d.readUInt16BE(off + 2);
  const fragOffset = d.readUInt16BE(off + 6) & 0x1fff;
  const proto = d[off + 9]!;
  const src = [...d.subarray(off + 12, off + 16)].join('.');
  const dst = [...d.subarray(off + 16, off + 20)].join('.');
  if (fragOffset !== 0) return { ...base, src, dst, ipLength: total };
  return transport(d, off + ihl, total - ihl, proto, { ...base, src, dst, ipLength: total });
}

const IPV6_EXTENSIONS = new Set([0, 43, 60]);

function decodeIpv6(d: Buffer, off: number, base: Base): Packet | undefined {
  if (d.length < off + 40) return undefined;
  let length = d.readUInt16BE(off + 4);
  const ipLength = 40 + length;
  let next = d[off + 6]!;
  const src = ipv6Text(d.subarray(off + 8, off + 24));
  const dst = ipv6Text(d.subarray(off + 24, off + 40));
  let p = off + 40;
  while (IPV6_EXTENSIONS.has(next) && d.length >= p + 2) {
    const extLen = (d[p + 1]! + 1) * 8;
    next = d[p]!;
    p += extLen;
    length -= extLen;
  }
  if (next === 44) return { ...base, src, dst, ipLength };
  return transport(d, p, length, next, { ...base, src, dst, ipLength });
}

function transport(d: Buffer, off: number, ipPayload: number, proto: number, packet: Packet): Packet {
  if (proto === 6 && d.length >= off + 20) {
    const headerLen = (d[off + 12]! >> 4) * 4;
    packet.tcp = {
      srcPort: d.readUInt16BE(off),
      dstPort: d.readUInt16BE(off + 2),
      seq: d.readUInt32BE(off + 4),
      ack: d.readUInt32BE(off + 8),
      flags: d[off + 13]!,
      window: d.readUInt16BE(off + 14),
      options: tcpOptions(d.subarray(off + 20, Math.min(d.length, off + headerLen))),
      payloadLength: Math.max(0, ipPayload - headerLen),
    };
  } else if (proto === 17 && d.length >= off + 8) {
    packet.udp = { srcPort: d.readUInt16BE(off), dstPort: d.readUInt16BE(off + 2), payloadLength: Math.max(0, d.readUInt16BE(off + 4) - 8) };
  }
  return packet;
}

function tcpOptions(o: Buffer): TcpOptions {
  const out: TcpOptions = {};
  let i = 0;
  while (i < o.length) {
    const kind = o[i]!;
    if (kind === 0) break;
    if (kind === 1) {
      i += 1;
      continue;
    }
    const len = o[i + 1];
    if (len === undefined || len < 2 || i + len > o.length) break;
    if (kind === 2 && len === 4) out.mss = o.readUInt16BE(i + 2);
    else if (kind === 3 && len === 3) out.windowScale = o[i + 2]!;
    else if (kind === 4) out.sackPermitted = true;
    else if (kind === 8 && len === 10) out.timestamp = o.readUInt32BE(i + 2);
    i += len;
  }
  return out;
}

function ipv6Text(b: Buffer): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i).toString(16));
  const text = groups.join(':');
  const runs = [...text.matchAll(/(?:^|:)0(?::0)+(?::|$)/g)].sort((a, b) => b[0].length - a[0].length);
  const longest = runs[0];
  if (!longest) return text;
  return `${text.slice(0, longest.index)}::${text.slice(longest.index + longest[0].length)}`;
}

/** `127.0.0.1:5000` or `[::1]:5000`. */
export function endpoint(address: string, port: number): string {
  return isIPv4(address) ? `${address}:${port}` : `[${address}]:${port}`;
}
