/**
 * Bytes on the wire per reading, UDP next to TCP: the payload of the reading and of its reply,
 * plus the headers of every packet that carries them (IPv4 20, UDP 8, TCP 20 + 12 with the
 * timestamps option Linux enables), the bare ACKs TCP adds, and its connection set-up and close
 * shared among the readings of a connection. Ethernet framing is not counted.
 */
import { readFileSync } from 'node:fs';
import type { TelemetryProtocol } from './manifest.js';
import type { Observation } from './sink.js';
import type { Packet } from '../../harness/authoring.js';

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
  reading: string;
  reply: string;
  ack: string;
  setup: string;
  total: number;
  payload: number;
}

const round = (n: number): number => Math.round(n * 10) / 10;

function udpColumn(recordBytes: number, replyBytes: number, datagramsPerReading: number): Column {
  const header = (IP + UDP) * datagramsPerReading;
  return {
    reading: `${round(recordBytes)} + ${round(header)}`,
    reply: `${replyBytes} + ${IP + UDP}`,
    ack: '-',
    setup: '-',
    total: recordBytes + header + replyBytes + IP + UDP,
    payload: recordBytes + replyBytes,
  };
}

function tcpColumn(recordBytes: number, replyBytes: number, readingsPerConnection: number, timestamps: boolean): Column {
  const header = IP + 20 + (timestamps ? 12 : 0);
  const syn = IP + 20 + (timestamps ? SYN_OPTIONS_TS : SYN_OPTIONS_NO_TS);
  const setup = 2 * syn + header + 4 * header;
  return {
    reading: `${recordBytes} + ${header}`,
    reply: `${replyBytes} + ${header}`,
    ack: String(header),
    setup: `${setup} / ${round(readingsPerConnection)} = ${round(setup / readingsPerConnection)}`,
    total: recordBytes + replyBytes + 3 * header + setup / readingsPerConnection,
    payload: recordBytes + replyBytes,
  };
}

/** What the capture shows of the client's traffic: IP bytes per reading over the transport it used. */
export function measuredOnTheWire(proto: TelemetryProtocol, obs: Observation, packets: readonly Packet[]): string {
  const own = packets.filter((p) => (proto.transport === 'tcp' ? p.tcp : p.udp));
  const bytes = own.reduce((n, p) => n + (p.ipLength ?? 0), 0);
  const n = obs.readings.length;
  const segments = own.filter((p) => (p.tcp?.payloadLength ?? p.udp?.payloadLength ?? 0) > 0).length;
  return `measured on the wire (the run's capture, IP headers included, Ethernet framing not): ${round(bytes / n)} bytes per reading over ${proto.transport.toUpperCase()}: ${own.length} packets (${segments} carrying data, ${own.length - segments} bare), ${bytes} bytes for ${n} readings`;
}

/** The overhead table of what the client did, next to what the other transport would cost. */
export function overheadTable(proto: TelemetryProtocol, obs: Observation): string {
  const n = obs.readings.length;
  const ts = tcpTimestamps();
  const record = proto.record.struct.size;
  const reply = proto.reply.struct.size;
  const prefix = proto.prefix?.size ?? 0;
  const udp = udpColumn(record, reply, proto.transport === 'udp' ? obs.datagrams.length / n : 1);
  const tcp = tcpColumn(record + prefix, reply + prefix, proto.transport === 'tcp' ? n / Math.max(1, obs.connections) : n, ts.on);
  const rows: [string, string, string][] = [
    ['', 'UDP', 'TCP'],
    ['reading: payload + headers', udp.reading, tcp.reading],
    ['reply: payload + headers', udp.reply, tcp.reply],
    ['bare ACK of the reply', udp.ack, tcp.ack],
    ['connection set-up + close', udp.setup, tcp.setup],
    ['bytes on the wire per reading', String(round(udp.total)), String(round(tcp.total))],
    ['payload share', `${round((100 * udp.payload) / udp.total)} %`, `${round((100 * tcp.payload) / tcp.total)} %`],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const table = rows.map(([a, b, c]) => `  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`).join('\n');
  const how =
    proto.transport === 'udp'
      ? `your client: ${n} readings in ${obs.datagrams.length} datagrams, ${obs.clientBytes} bytes of payload; the TCP column is the same readings over one connection`
      : `your client: ${n} readings over ${obs.connections} TCP connection${obs.connections === 1 ? '' : 's'}, ${obs.clientBytes} bytes of payload; the UDP column is one datagram per reading`;
  return [
    `bytes per reading (record ${record} B${prefix ? ` + length prefix ${prefix} B` : ''}, reply ${reply} B${prefix ? ` + ${prefix} B` : ''}); headers: IPv4 ${IP}, UDP ${UDP}, TCP ${ts.on ? '32 (20 + timestamps option)' : '20'}${ts.known ? '' : ' (assumed: Linux default)'}:`,
    table,
    how,
    'TCP counted as: one segment per record and per reply (the reply carries the ACK of the record), one bare ACK of the reply, and per connection SYN, SYN-ACK, ACK, FIN, ACK, FIN, ACK; Ethernet framing not counted',
  ].join('\n');
}
