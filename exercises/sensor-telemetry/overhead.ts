/**
 * Bytes on the wire per reading, UDP next to TCP: the payload of the reading and of its reply,
 * plus the headers of every packet that carries them (IPv4 20, UDP 8, TCP 20 + 12 with the
 * timestamps option Linux enables), the bare ACKs TCP adds, and its connection set-up and close
 * shared among the readings of a connection. Ethernet framing is not counted.
 */
import { readFileSync } from 'node:fs';
import type { TelemetryProtocol } from './manifest.js';
import type { Observation } from './sink.js';
import { TCP_FLAGS, type Packet } from '../../harness/authoring.js';

const IP = 20;
const UDP = 8;
/** Options of a Linux SYN: MSS 4, SACK permitted 2, timestamps 10, window scale 3, one NOP. */
const SYN_OPTIONS_TS = 20;
const SYN_OPTIONS_NO_TS = 12;

/** Whether Linux adds the 12-byte timestamps option to every TCP segment (net.ipv4.tcp_timestamps). */
export function tcpTimestamps(): { on: boolean; known: boolean } {
  try {
    return { on: readFileSync('/proc/sys/net/ipv4/tcp_timestamps', 'utf8').trim() !== '0', known: true };
  } catch {
    return { on: true, known: false };
  }
}

interface Column {
  request: string;
  reading: string;
  reply: string;
  ack: string;
  setup: string;
  total: number;
  payload: number;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** A message of `bytes` (0: none) with `header` bytes of headers per packet, for people. */
const cell = (bytes: number, header: number): string => (bytes > 0 ? `${round(bytes)} + ${round(header)}` : '-');

/** `requestBytes` and `replyBytes` are 0 when the protocol has no request (push) or no reply (reply=none). */
function udpColumn(requestBytes: number, recordBytes: number, replyBytes: number, datagramsPerReading: number): Column {
  const header = (IP + UDP) * datagramsPerReading;
  const other = (requestBytes > 0 ? IP + UDP : 0) + (replyBytes > 0 ? IP + UDP : 0);
  return {
    request: cell(requestBytes, IP + UDP),
    reading: cell(recordBytes, header),
    reply: cell(replyBytes, IP + UDP),
    ack: '-',
    setup: '-',
    total: requestBytes + recordBytes + header + replyBytes + other,
    payload: requestBytes + recordBytes + replyBytes,
  };
}

function tcpColumn(requestBytes: number, recordBytes: number, replyBytes: number, readingsPerConnection: number, timestamps: boolean): Column {
  const header = IP + 20 + (timestamps ? 12 : 0);
  const syn = IP + 20 + (timestamps ? SYN_OPTIONS_TS : SYN_OPTIONS_NO_TS);
  const setup = 2 * syn + header + 4 * header;
  const segments = 1 + (requestBytes > 0 ? 1 : 0) + (replyBytes > 0 ? 1 : 0);
  return {
    request: cell(requestBytes, header),
    reading: cell(recordBytes, header),
    reply: cell(replyBytes, header),
    ack: String(header),
    setup: `${setup} / ${round(readingsPerConnection)} = ${round(setup / readingsPerConnection)}`,
    total: requestBytes + recordBytes + replyBytes + (segments + 1) * header + setup / readingsPerConnection,
    payload: requestBytes + recordBytes + replyBytes,
  };
}

/** The client's traffic as the run's capture shows it: every packet to or from sockgrade's server port over the transport used. */
export interface WireMeasure {
  transport: 'tcp' | 'udp';
  packets: number;
  /** Packets that carried data. */
  dataPackets: number;
  /** IP bytes of all those packets (headers included). */
  bytes: number;
  /** Readings the client's data holds: its bytes to the server over the size of a framed record. */
  readings: number;
}

/** Measures the client's traffic in `packets`; undefined when the capture holds no whole reading. */
export function measureOnTheWire(proto: TelemetryProtocol, serverPort: number, packets: readonly Packet[]): WireMeasure | undefined {
  const ports = (p: Packet): { src: number; dst: number } | undefined => {
    const h = proto.transport === 'tcp' ? p.tcp : p.udp;
    return h && { src: h.srcPort, dst: h.dstPort };
  };
  const own = packets.filter((p) => {
    const x = ports(p);
    return x !== undefined && (x.src === serverPort || x.dst === serverPort);
  });
  const payload = (p: Packet): number => p.tcp?.payloadLength ?? p.udp?.payloadLength ?? 0;
  const toServer = own.filter((p) => ports(p)!.dst === serverPort).reduce((n, p) => n + payload(p), 0);
  const readings = Math.floor(toServer / (proto.record.struct.size + (proto.transport === 'tcp' ? (proto.prefix?.size ?? 0) : 0)));
  if (readings === 0) return undefined;
  return {
    transport: proto.transport,
    packets: own.length,
    dataPackets: own.filter((p) => payload(p) > 0).length,
    bytes: own.reduce((n, p) => n + (p.ipLength ?? 0), 0),
    readings,
  };
}

/**
 * Whether every TCP connection of the client in `packets` has ended on the wire: reset, or closed
 * by both sides with the last FIN acknowledged. Always true over UDP.
 */
export function closedOnTheWire(proto: TelemetryProtocol, serverPort: number, packets: readonly Packet[]): boolean {
  if (proto.transport === 'udp') return true;
  const byClient = new Map<number, Packet[]>();
  for (const p of packets) {
    const t = p.tcp;
    if (!t || (t.srcPort !== serverPort && t.dstPort !== serverPort)) continue;
    const port = t.srcPort === serverPort ? t.dstPort : t.srcPort;
    byClient.set(port, [...(byClient.get(port) ?? []), p]);
  }
  return [...byClient.values()].every((conn) => {
    if (conn.some((p) => p.tcp!.flags & TCP_FLAGS.rst)) return true;
    const fromServer = (p: Packet): boolean => p.tcp!.srcPort === serverPort;
    const fins = [true, false].map((server) => conn.findIndex((p) => fromServer(p) === server && (p.tcp!.flags & TCP_FLAGS.fin) !== 0));
    if (fins.some((i) => i < 0)) return false;
    const last = Math.max(...fins);
    return conn.slice(last + 1).some((p) => fromServer(p) !== fromServer(conn[last]!));
  });
}

/** How a measure was made, for people. */
export function measuredOnTheWire(m: WireMeasure): string {
  return `measured on the wire (the run's capture from the client's first packet to its connections' close, IP headers included, Ethernet framing not): ${round(m.bytes / m.readings)} bytes per reading over ${m.transport.toUpperCase()}: ${m.packets} packets (${m.dataPackets} carrying data, ${m.packets - m.dataPackets} bare), ${m.bytes} bytes for ${m.readings} readings`;
}

/**
 * The overhead table of what the client did, next to what the other transport would cost; with a
 * capture of the run, the bytes per reading measured on the wire for the transport the client used.
 */
export function overheadTable(proto: TelemetryProtocol, obs: Observation, measured?: WireMeasure): string {
  const n = obs.readings.length;
  const ts = tcpTimestamps();
  const record = proto.record.struct.size;
  const reply = proto.reply?.struct.size ?? 0;
  const request = proto.request?.struct.size ?? 0;
  const prefix = proto.prefix?.size ?? 0;
  const udp = udpColumn(request, record, reply, proto.transport === 'udp' ? obs.datagrams.length / n : 1);
  const tcp = tcpColumn(request && request + prefix, record + prefix, reply && reply + prefix, proto.transport === 'tcp' ? n / Math.max(1, obs.connections) : n, ts.on);
  const rows: [string, string, string][] = [
    ['', 'UDP', 'TCP'],
    ...(request > 0 ? [['request: payload + headers', udp.request, tcp.request] as [string, string, string]] : []),
    ['reading: payload + headers', udp.reading, tcp.reading],
    ['reply: payload + headers', udp.reply, tcp.reply],
    [reply > 0 ? 'bare ACK of the reply' : 'bare ACK of the reading', udp.ack, tcp.ack],
    ['connection set-up + close', udp.setup, tcp.setup],
    ['bytes on the wire per reading', String(round(udp.total)), String(round(tcp.total))],
    ...(measured ? [['measured on the wire', measured.transport === 'udp' ? String(round(measured.bytes / measured.readings)) : '-', measured.transport === 'tcp' ? String(round(measured.bytes / measured.readings)) : '-'] as [string, string, string]] : []),
    ['payload share', `${round((100 * udp.payload) / udp.total)} %`, `${round((100 * tcp.payload) / tcp.total)} %`],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const table = rows.map(([a, b, c]) => `  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`).join('\n');
  const how =
    proto.transport === 'udp'
      ? `your client: ${n} readings in ${obs.datagrams.length} datagrams, ${obs.clientBytes} bytes of payload; the TCP column is the same readings over one connection`
      : `your client: ${n} readings over ${obs.connections} TCP connection${obs.connections === 1 ? '' : 's'}, ${obs.clientBytes} bytes of payload; the UDP column is one datagram per reading`;
  const sizes = `record ${record} B${prefix ? ` + length prefix ${prefix} B` : ''}, ${reply > 0 ? `reply ${reply} B${prefix ? ` + ${prefix} B` : ''}` : 'no reply'}${request > 0 ? `, request ${request} B${prefix ? ` + ${prefix} B` : ''}` : ''}`;
  return [
    `bytes per reading (${sizes}); headers: IPv4 ${IP}, UDP ${UDP}, TCP ${ts.on ? '32 (20 + timestamps option)' : '20'}${ts.known ? '' : ' (assumed: Linux default)'}:`,
    table,
    how,
    request > 0 || reply === 0
      ? 'TCP counted as: one segment per message (each carries the ACK of the one before), one bare ACK of the last message of each exchange, and per connection SYN, SYN-ACK, ACK, FIN, ACK, FIN, ACK; Ethernet framing not counted'
      : 'TCP counted as: one segment per record and per reply (the reply carries the ACK of the record), one bare ACK of the reply, and per connection SYN, SYN-ACK, ACK, FIN, ACK, FIN, ACK; Ethernet framing not counted',
    ...(measured ? [measuredOnTheWire(measured)] : []),
  ].join('\n');
}
