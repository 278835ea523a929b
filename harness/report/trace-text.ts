/**
 * The packets of each check as text, for the console: per TCP connection its handshake and
 * options, segments and bytes each way, anomalies and teardown; per UDP pair its datagrams; and,
 * for a check that did not pass, the packet table.
 */
import { basename } from 'node:path';
import type { CheckResult, GradeResult } from '../model/result.js';
import type { Lang } from '../i18n/lang.js';
import { TABLE_HEAD, type PacketRow, type SynOptions, type TcpConnectionSummary, type TraceSummary, type UdpExchangeSummary } from '../trace/summary.js';

interface Words {
  heading: (dir: string) => string;
  none: string;
  connections: (tcp: number, udp: number, packets: number) => string;
  handshake: string;
  noHandshake: string;
  clientToServer: string;
  serverToClient: string;
  segments: (n: number, bytes: number) => string;
  datagrams: (n: number, bytes: number) => string;
  sizes: string;
  retransmissions: string;
  duplicateAcks: string;
  zeroWindows: string;
  finFirst: (side: 'client' | 'server') => string;
  resetBy: (side: 'client' | 'server') => string;
  stillOpen: string;
  incomplete: (n: number) => string;
  omitted: (n: number) => string;
  tableHead: string;
  resent: (bytes: number) => string;
}

const EN: Words = {
  heading: (dir) => `Packets (one pcap per check in ${dir})`,
  none: 'no packets',
  connections: (t, u, p) => [t > 0 ? `${t} connection${t === 1 ? '' : 's'}` : '', u > 0 ? `${u} UDP exchange${u === 1 ? '' : 's'}` : '', `${p} packet${p === 1 ? '' : 's'}`].filter(Boolean).join(', '),
  handshake: 'handshake SYN, SYN-ACK, ACK',
  noHandshake: 'handshake not completed',
  clientToServer: 'client → server',
  serverToClient: 'server → client',
  segments: (n, b) => `${n} segment${n === 1 ? '' : 's'}, ${b} B of data`,
  datagrams: (n, b) => `${n} datagram${n === 1 ? '' : 's'}, ${b} B`,
  sizes: 'sizes',
  retransmissions: 'retransmissions',
  duplicateAcks: 'duplicate ACKs',
  zeroWindows: 'zero windows',
  finFirst: (s) => `closed with FIN, first from the ${s}`,
  resetBy: (s) => `reset (RST) by the ${s}`,
  stillOpen: 'still open when the check ended',
  incomplete: (n) => `incomplete: the recorder lost ${n} frame${n === 1 ? '' : 's'} during the run`,
  omitted: (n) => `… ${n} more packet${n === 1 ? '' : 's'} …`,
  tableHead: '     t (ms)  dir  flags        seq        ack    len     win',
  resent: (b) => `+ ${b} B sent again`,
};

const ES: Words = {
  heading: (dir) => `Paquetes (un pcap por comprobación en ${dir})`,
  none: 'ningún paquete',
  connections: (t, u, p) => [t > 0 ? `${t} ${t === 1 ? 'conexión' : 'conexiones'}` : '', u > 0 ? `${u} ${u === 1 ? 'intercambio UDP' : 'intercambios UDP'}` : '', `${p} ${p === 1 ? 'paquete' : 'paquetes'}`].filter(Boolean).join(', '),
  handshake: 'saludo SYN, SYN-ACK, ACK',
  noHandshake: 'saludo sin completar',
  clientToServer: 'cliente → servidor',
  serverToClient: 'servidor → cliente',
  segments: (n, b) => `${n} ${n === 1 ? 'segmento' : 'segmentos'}, ${b} B de datos`,
  datagrams: (n, b) => `${n} ${n === 1 ? 'datagrama' : 'datagramas'}, ${b} B`,
  sizes: 'tamaños',
  retransmissions: 'retransmisiones',
  duplicateAcks: 'ACK duplicados',
  zeroWindows: 'ventanas cero',
  finFirst: (s) => `cerrada con FIN, primero del ${s === 'client' ? 'cliente' : 'servidor'}`,
  resetBy: (s) => `reiniciada (RST) por el ${s === 'client' ? 'cliente' : 'servidor'}`,
  stillOpen: 'aún abierta al terminar la comprobación',
  incomplete: (n) => `incompleto: el capturador perdió ${n} ${n === 1 ? 'trama' : 'tramas'} durante la ejecución`,
  omitted: (n) => `… ${n} ${n === 1 ? 'paquete' : 'paquetes'} más …`,
  tableHead: '     t (ms)  dir  flags        seq        ack    len     win',
  resent: (b) => `+ ${b} B reenviados`,
};

function options(o: SynOptions | undefined): string {
  if (!o) return '?';
  const parts = [o.mss !== undefined ? `MSS ${o.mss}` : undefined, o.windowScale !== undefined ? `wscale ${o.windowScale}` : undefined, o.sackPermitted ? 'SACK' : undefined, o.timestamps ? 'TS' : undefined];
  return parts.filter(Boolean).join(' ') || '-';
}

/** The table rows of one connection, with a marker where rows were left out. */
export function packetTable(c: TcpConnectionSummary, lang: Lang = 'en'): string[] {
  return tableLines(c, lang === 'es' ? ES : EN);
}

function tableLines(c: TcpConnectionSummary, w: Words): string[] {
  const row = (r: PacketRow): string =>
    `${r.t.toFixed(2).padStart(11)}  ${r.dir === '>' ? ' → ' : ' ← '}  ${r.flags.padEnd(5)} ${String(r.seq).padStart(10)} ${String(r.ack).padStart(10)} ${String(r.len).padStart(6)} ${String(r.win).padStart(7)}${r.marks ? `  [${r.marks.join(', ')}]` : ''}`;
  const rows = c.packets.map(row);
  if (c.packetsOmitted > 0) {
    rows.splice(TABLE_HEAD, 0, `          ${w.omitted(c.packetsOmitted)}`);
  }
  return [w.tableHead, ...rows];
}

function again(bytes: number, w: Words): string {
  return bytes > 0 ? ` (${w.resent(bytes)})` : '';
}

function tcpLines(c: TcpConnectionSummary, w: Words, table: boolean): string[] {
  const lines = [
    `TCP ${c.client} → ${c.server}  ${c.handshake.completed ? w.handshake : w.noHandshake} (${options(c.handshake.syn)} / ${options(c.handshake.synAck)})`,
    `    ${w.clientToServer}: ${w.segments(c.segments.toServer, c.payloadBytes.toServer)}${again(c.retransmittedBytes.toServer, w)} · ${w.serverToClient}: ${w.segments(c.segments.toClient, c.payloadBytes.toClient)}${again(c.retransmittedBytes.toClient, w)}`,
    `    ${c.teardown.kind === 'rst' ? w.resetBy(c.teardown.resetBy ?? 'client') : c.teardown.kind === 'fin' ? w.finFirst(c.teardown.firstFin ?? 'client') : w.stillOpen} · ${c.durationMs.toFixed(1)} ms · ${w.retransmissions} ${c.retransmissions}, ${w.duplicateAcks} ${c.duplicateAcks}, ${w.zeroWindows} ${c.zeroWindows}`,
  ];
  if (table) lines.push(...tableLines(c, w).map((l) => `    ${l}`));
  return lines;
}

function udpLines(u: UdpExchangeSummary, w: Words): string[] {
  return [`UDP ${u.a} ↔ ${u.b}  → ${w.datagrams(u.datagrams.aToB, u.payloadBytes.aToB)} · ← ${w.datagrams(u.datagrams.bToA, u.payloadBytes.bToA)} · ${w.sizes} ${u.sizes.join(', ')} B`];
}

/** Lines describing one check's trace (no indentation). */
export function traceLines(trace: TraceSummary & { file?: string }, lang: Lang, table: boolean): string[] {
  const w = lang === 'es' ? ES : EN;
  const out: string[] = [];
  if (!trace.complete) out.push(w.incomplete(trace.dropped));
  if (trace.connections.length === 0) out.push(w.none);
  for (const c of trace.connections) out.push(...(c.kind === 'tcp' ? tcpLines(c, w, table) : udpLines(c, w)));
  return out;
}

/** The console section with every traced check; nothing when the run recorded no packets. */
export function traceSection(result: GradeResult, lang: Lang): string {
  const traced = result.checks.filter((c): c is CheckResult & { trace: NonNullable<CheckResult['trace']> } => c.trace !== undefined);
  if (traced.length === 0) return '';
  const w = lang === 'es' ? ES : EN;
  const dir = traced[0]!.trace.file ? traced[0]!.trace.file.slice(0, traced[0]!.trace.file.length - basename(traced[0]!.trace.file).length - 1) : '';
  const parts = [w.heading(dir)];
  for (const c of traced) {
    parts.push(`  ${c.id}  ${c.trace.file ? basename(c.trace.file) : ''}  · ${w.connections(c.trace.connections.filter((x) => x.kind === 'tcp').length, c.trace.connections.filter((x) => x.kind === 'udp').length, c.trace.packets)}`);
    for (const l of traceLines(c.trace, lang, c.status === 'fail' || c.status === 'error')) parts.push(`    ${l}`);
  }
  return `${parts.join('\n')}\n`;
}
