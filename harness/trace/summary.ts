/**
 * What happened on the wire, connection by connection: a TCP connection's handshake and its
 * options, segments and payload each way, retransmissions, duplicate ACKs, zero windows, how it
 * ended, and a packet table; a UDP exchange's datagrams and sizes per pair of endpoints.
 */
import { TCP_FLAGS, endpoint, type Packet, type TcpSegment } from './decode.js';

/** The options a SYN carried. */
export interface SynOptions {
  mss?: number;
  windowScale?: number;
  sackPermitted: boolean;
  timestamps: boolean;
}

/** One row of a connection's packet table. */
export interface PacketRow {
  frame: number;
  /** Milliseconds since the connection's first packet. */
  t: number;
  /** `>` client to server, `<` server to client. */
  dir: '>' | '<';
  /** tcpdump-style flags: `S`, `S.`, `.`, `P.`, `F.`, `R`. */
  flags: string;
  /** Sequence and acknowledgement numbers relative to each side's first sequence number. */
  seq: number;
  ack: number;
  len: number;
  /** The advertised window in bytes (scaled when both SYNs agreed on scaling). */
  win: number;
  /** What the segment was, beyond its flags. */
  marks?: ('retransmission' | 'duplicate ACK' | 'zero window')[];
}

/** One TCP connection. */
export interface TcpConnectionSummary {
  kind: 'tcp';
  /** The side that sent the first SYN (or, without one, the first packet). */
  client: string;
  server: string;
  handshake: { syn?: SynOptions; synAck?: SynOptions; completed: boolean };
  segments: { toServer: number; toClient: number };
  /** Bytes of data each way, each byte counted once however often it was sent. */
  payloadBytes: { toServer: number; toClient: number };
  /** Bytes of data sent again. */
  retransmittedBytes: { toServer: number; toClient: number };
  retransmissions: number;
  duplicateAcks: number;
  zeroWindows: number;
  /** How it ended: FIN (and which side sent it first), RST (and from which side), or still open. */
  teardown: { kind: 'fin' | 'rst' | 'open'; firstFin?: 'client' | 'server'; resetBy?: 'client' | 'server' };
  durationMs: number;
  /** Milliseconds from the start of the check to the connection's first packet (when known). */
  startMs?: number;
  packets: PacketRow[];
  /** Rows left out of the middle of `packets` to keep the table short. */
  packetsOmitted: number;
}

/** The datagrams between two UDP endpoints. */
export interface UdpExchangeSummary {
  kind: 'udp';
  /** The endpoint that sent first. */
  a: string;
  b: string;
  datagrams: { aToB: number; bToA: number };
  payloadBytes: { aToB: number; bToA: number };
  /** Distinct payload sizes in bytes, in order of first appearance (at most 20). */
  sizes: number[];
  durationMs: number;
}

/** Everything one capture shows. */
export interface TraceSummary {
  connections: (TcpConnectionSummary | UdpExchangeSummary)[];
  packets: number;
  /** Frames the kernel dropped before the recorder read them. */
  dropped: number;
  /** False when frames were dropped: the figures then miss some packets. */
  complete: boolean;
}

/** How many table rows a connection keeps at its start and at its end. */
export const TABLE_HEAD = 14;
export const TABLE_TAIL = 8;

const mod32 = (n: number): number => ((n % 0x1_0000_0000) + 0x1_0000_0000) % 0x1_0000_0000;
const seqAfter = (a: number, b: number): boolean => mod32(a - b) !== 0 && mod32(a - b) < 0x8000_0000;

/** Options of {@link summarise}. */
export interface SummaryOptions {
  /** Frames the recorder lost. */
  dropped?: number;
  /** Keep every row of every packet table (by default the middle of a long table is left out). */
  fullTables?: boolean;
  /** Capture time (µs) the check started at: each connection then says when it started ({@link TcpConnectionSummary.startMs}). */
  originUs?: number;
}

/** Summarises decoded packets, connection by connection, in order of their first packet. */
export function summarise(packets: readonly Packet[], opts: SummaryOptions = {}): TraceSummary {
  const dropped = opts.dropped ?? 0;
  const tcp = new Map<string, Packet[]>();
  const udp = new Map<string, Packet[]>();
  for (const p of packets) {
    if (p.tcp) push(tcp, pairKey(p.src, p.tcp.srcPort, p.dst, p.tcp.dstPort), p);
    else if (p.udp) push(udp, pairKey(p.src, p.udp.srcPort, p.dst, p.udp.dstPort), p);
  }
  const groups = [...[...tcp.values()].flatMap(splitIncarnations), ...udp.values()].sort((x, y) => x[0]!.timeUs - y[0]!.timeUs);
  const origin = opts.originUs;
  const connections = groups.map((g) => (g[0]!.tcp ? { ...tcpSummary(g, opts.fullTables === true), ...(origin !== undefined ? { startMs: Math.round((g[0]!.timeUs - origin) / 100) / 10 } : {}) } : udpSummary(g)));
  return { connections, packets: packets.length, dropped, complete: dropped === 0 };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function pairKey(a: string, ap: number, b: string, bp: number): string {
  const x = endpoint(a, ap);
  const y = endpoint(b, bp);
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}

/** A 4-tuple reused after a connection ended is a new connection: split at a SYN after a FIN or RST. */
function splitIncarnations(group: Packet[]): Packet[][] {
  const out: Packet[][] = [];
  let current: Packet[] = [];
  let ended = false;
  for (const p of group) {
    const t = p.tcp!;
    const isSyn = (t.flags & TCP_FLAGS.syn) !== 0 && (t.flags & TCP_FLAGS.ack) === 0;
    if (isSyn && ended && current.length > 0) {
      out.push(current);
      current = [];
      ended = false;
    }
    current.push(p);
    if (t.flags & (TCP_FLAGS.rst | TCP_FLAGS.fin)) ended = true;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function synOptions(t: TcpSegment): SynOptions {
  return { mss: t.options.mss, windowScale: t.options.windowScale, sackPermitted: t.options.sackPermitted === true, timestamps: t.options.timestamp !== undefined };
}

function flagText(f: number): string {
  let s = '';
  if (f & TCP_FLAGS.syn) s += 'S';
  if (f & TCP_FLAGS.fin) s += 'F';
  if (f & TCP_FLAGS.rst) s += 'R';
  if (f & TCP_FLAGS.psh) s += 'P';
  if (f & TCP_FLAGS.urg) s += 'U';
  if (f & TCP_FLAGS.ack) s += '.';
  return s || 'none';
}

/** Per-direction state of the TCP analysis. */
export interface Side {
  isn?: number;
  nextSeq?: number;
  lastAck?: number;
  lastWin?: number;
  scale: number;
}

function tcpSummary(packets: Packet[], fullTable: boolean): TcpConnectionSummary {
  const first = packets[0]!;
  const synPacket = packets.find((p) => (p.tcp!.flags & TCP_FLAGS.syn) !== 0 && (p.tcp!.flags & TCP_FLAGS.ack) === 0);
  const opener = synPacket ?? first;
  const client = endpoint(opener.src, opener.tcp!.srcPort);
  const server = endpoint(opener.dst, opener.tcp!.dstPort);
  const synAckPacket = packets.find((p) => (p.tcp!.flags & (TCP_FLAGS.syn | TCP_FLAGS.ack)) === (TCP_FLAGS.syn | TCP_FLAGS.ack) && endpoint(p.src, p.tcp!.srcPort) === server);
  const syn = synPacket ? synOptions(synPacket.tcp!) : undefined;
  const synAck = synAckPacket ? synOptions(synAckPacket.tcp!) : undefined;
  const scaling = syn?.windowScale !== undefined && synAck?.windowScale !== undefined;
  const sides: Record<'>' | '<', Side> = {
    '>': { scale: scaling ? syn.windowScale! : 0 },
    '<': { scale: scaling ? synAck.windowScale! : 0 },
  };
  const summary: TcpConnectionSummary = {
    kind: 'tcp',
    client,
    server,
    handshake: { syn, synAck, completed: false },
    segments: { toServer: 0, toClient: 0 },
    payloadBytes: { toServer: 0, toClient: 0 },
    retransmittedBytes: { toServer: 0, toClient: 0 },
    retransmissions: 0,
    duplicateAcks: 0,
    zeroWindows: 0,
    teardown: { kind: 'open' },
    durationMs: (packets[packets.length - 1]!.timeUs - first.timeUs) / 1000,
    packets: [],
    packetsOmitted: 0,
  };
  const { rows, fresh } = connectionRows(packets, client, sides);
  let sawSynAck = false;
  for (const [i, p] of packets.entries()) {
    const t = p.tcp!;
    const row = rows[i]!;
    const isSyn = (t.flags & TCP_FLAGS.syn) !== 0;
    const hasAck = (t.flags & TCP_FLAGS.ack) !== 0;
    if (row.marks?.includes('retransmission')) summary.retransmissions++;
    if (row.marks?.includes('duplicate ACK')) summary.duplicateAcks++;
    if (row.marks?.includes('zero window')) summary.zeroWindows++;
    if (isSyn && hasAck) sawSynAck = true;
    if (sawSynAck && row.dir === '>' && hasAck && !isSyn) summary.handshake.completed = true;
    const key = row.dir === '>' ? 'toServer' : 'toClient';
    summary.segments[key]++;
    summary.payloadBytes[key] += fresh[i]!;
    summary.retransmittedBytes[key] += t.payloadLength - fresh[i]!;
    const side = row.dir === '>' ? 'client' : 'server';
    if (t.flags & TCP_FLAGS.rst && summary.teardown.kind !== 'rst') summary.teardown = { ...summary.teardown, kind: 'rst', resetBy: side };
    if (t.flags & TCP_FLAGS.fin && summary.teardown.firstFin === undefined) summary.teardown = { ...summary.teardown, kind: summary.teardown.kind === 'rst' ? 'rst' : 'fin', firstFin: side };
  }
  if (!fullTable && rows.length > TABLE_HEAD + TABLE_TAIL) {
    summary.packetsOmitted = rows.length - TABLE_HEAD - TABLE_TAIL;
    summary.packets = [...rows.slice(0, TABLE_HEAD), ...rows.slice(rows.length - TABLE_TAIL)];
  } else {
    summary.packets = rows;
  }
  return summary;
}

/**
 * One row per segment of a connection, with relative numbers and the marks Wireshark's TCP
 * analysis would give it: a retransmission (data, SYN or FIN starting before what that side had
 * already sent), a duplicate ACK (nothing sent, same ACK and window as before), a zero window.
 */
export function connectionRows(packets: readonly Packet[], client: string, sides: Record<'>' | '<', Side>): { rows: PacketRow[]; fresh: number[] } {
  const first = packets[0]!;
  const fresh: number[] = [];
  const rows = packets.map((p) => {
    const t = p.tcp!;
    const dir: '>' | '<' = endpoint(p.src, t.srcPort) === client ? '>' : '<';
    const me = sides[dir];
    const peer = sides[dir === '>' ? '<' : '>'];
    const isSyn = (t.flags & TCP_FLAGS.syn) !== 0;
    const isFin = (t.flags & TCP_FLAGS.fin) !== 0;
    const isRst = (t.flags & TCP_FLAGS.rst) !== 0;
    const hasAck = (t.flags & TCP_FLAGS.ack) !== 0;
    if (me.isn === undefined) me.isn = t.seq;
    const span = t.payloadLength + (isSyn ? 1 : 0) + (isFin ? 1 : 0);
    const end = mod32(t.seq + span);
    const win = isSyn ? t.window : t.window * 2 ** me.scale;
    const marks: NonNullable<PacketRow['marks']> = [];
    if (span > 0 && me.nextSeq !== undefined && seqAfter(me.nextSeq, t.seq) && !isKeepAlive(t, me.nextSeq)) marks.push('retransmission');
    if (span === 0 && !isRst && hasAck && win !== 0 && me.lastAck === t.ack && me.lastWin === win && me.nextSeq === t.seq) marks.push('duplicate ACK');
    if (t.window === 0 && !isSyn && !isFin && !isRst) marks.push('zero window');
    const dataEnd = mod32(t.seq + (isSyn ? 1 : 0) + t.payloadLength);
    fresh.push(me.nextSeq === undefined || !seqAfter(me.nextSeq, t.seq) ? t.payloadLength : seqAfter(dataEnd, me.nextSeq) ? mod32(dataEnd - me.nextSeq) : 0);
    if (me.nextSeq === undefined || seqAfter(end, me.nextSeq)) me.nextSeq = end;
    if (hasAck) {
      me.lastAck = t.ack;
      me.lastWin = win;
    }
    return {
      frame: p.frame,
      t: Math.round((p.timeUs - first.timeUs) / 10) / 100,
      dir,
      flags: flagText(t.flags),
      seq: mod32(t.seq - me.isn),
      ack: hasAck && peer.isn !== undefined ? mod32(t.ack - peer.isn) : 0,
      len: t.payloadLength,
      win,
      ...(marks.length > 0 ? { marks } : {}),
    };
  });
  return { rows, fresh };
}

function isKeepAlive(t: TcpSegment, nextSeq: number): boolean {
  return t.payloadLength <= 1 && (t.flags & (TCP_FLAGS.syn | TCP_FLAGS.fin | TCP_FLAGS.rst)) === 0 && mod32(t.seq + 1) === nextSeq;
}

function udpSummary(packets: Packet[]): UdpExchangeSummary {
  const first = packets[0]!;
  const a = endpoint(first.src, first.udp!.srcPort);
  const b = endpoint(first.dst, first.udp!.dstPort);
  const s: UdpExchangeSummary = {
    kind: 'udp',
    a,
    b,
    datagrams: { aToB: 0, bToA: 0 },
    payloadBytes: { aToB: 0, bToA: 0 },
    sizes: [],
    durationMs: (packets[packets.length - 1]!.timeUs - first.timeUs) / 1000,
  };
  for (const p of packets) {
    const n = p.udp!.payloadLength;
    if (endpoint(p.src, p.udp!.srcPort) === a) {
      s.datagrams.aToB++;
      s.payloadBytes.aToB += n;
    } else {
      s.datagrams.bToA++;
      s.payloadBytes.bToA += n;
    }
    if (s.sizes.length < 20 && !s.sizes.includes(n)) s.sizes.push(n);
  }
  return s;
}
