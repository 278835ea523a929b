/**
 * The packets of one check in the HTML report: per TCP connection a summary table, a timeline of
 * its packets (one mark per segment, above for the client's, below for the server's) and the
 * packet table; per UDP pair its datagrams.
 */
import { basename } from 'node:path';
import type { CheckResult } from '../../model/result.js';
import type { Lang } from '../../i18n/lang.js';
import type { PacketRow, TcpConnectionSummary, UdpExchangeSummary } from '../../trace/summary.js';
import { packetTable, traceLines } from '../trace-text.js';
import { escapeHtml } from './escape.js';

const WORDS = {
  en: { packets: 'Packets', file: 'capture', connection: 'connection', timeline: 'Timeline of the packets: the client\'s above the line, the server\'s below; taller marks carry more data', table: 'Packet table' },
  es: { packets: 'Paquetes', file: 'captura', connection: 'conexión', timeline: 'Línea de tiempo de los paquetes: los del cliente sobre la línea, los del servidor debajo; las marcas más altas llevan más datos', table: 'Tabla de paquetes' },
} as const;

const WIDTH = 640;
const HEIGHT = 90;
const MID = 45;

function kind(r: PacketRow): string {
  if (r.flags.includes('R')) return 'rst';
  if (r.flags.includes('S')) return 'syn';
  if (r.flags.includes('F')) return 'fin';
  if (r.len > 0) return 'data';
  return 'ack';
}

function timeline(c: TcpConnectionSummary, title: string): string {
  const span = Math.max(1, c.packets[c.packets.length - 1]?.t ?? 1);
  const marks = c.packets.map((r) => {
    const x = 8 + ((WIDTH - 16) * r.t) / span;
    const h = 6 + Math.min(30, Math.log2(1 + r.len) * 2);
    const y1 = r.dir === '>' ? MID - h : MID;
    const tip = `${r.t.toFixed(2)} ms ${r.dir === '>' ? '→' : '←'} ${r.flags} seq ${r.seq} ack ${r.ack} len ${r.len} win ${r.win}${r.marks ? ` [${r.marks.join(', ')}]` : ''}`;
    return `<rect class="pkt ${kind(r)}${r.marks ? ' marked' : ''}" x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="3" height="${h.toFixed(1)}"><title>${escapeHtml(tip)}</title></rect>`;
  });
  return [
    `<svg class="packets" xmlns="http://www.w3.org/2000/svg" role="img" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<line class="axis" x1="4" y1="${MID}" x2="${WIDTH - 4}" y2="${MID}"/>`,
    ...marks,
    `<text class="time" x="${WIDTH - 6}" y="${HEIGHT - 4}" text-anchor="end">${escapeHtml(`${span.toFixed(1)} ms`)}</text>`,
    '</svg>',
  ].join('');
}

function connection(c: TcpConnectionSummary | UdpExchangeSummary, lang: Lang): string {
  const w = WORDS[lang];
  const lines = traceLines({ connections: [c], packets: 0, dropped: 0, complete: true }, lang, false);
  const head = `<pre class="trace-summary">${escapeHtml(lines.join('\n'))}</pre>`;
  if (c.kind === 'udp') return `<div class="trace-conn">${head}</div>`;
  return [
    `<div class="trace-conn">${head}`,
    `<div class="diagram">${timeline(c, w.timeline)}</div>`,
    `<details class="transcript"><summary>${escapeHtml(w.table)} <span class="count">(${c.packets.length + c.packetsOmitted})</span></summary><pre class="packet-table">${escapeHtml(packetTable(c, lang).join('\n'))}</pre></details>`,
    '</div>',
  ].join('\n');
}

/** The packets section of a check; empty when its packets were not recorded. */
export function packetsSection(r: CheckResult, lang: Lang): string {
  const t = r.trace;
  if (!t) return '';
  const w = WORDS[lang];
  const intro = traceLines({ ...t, connections: [] }, lang, false).filter((l) => !/^(no packets|ningún paquete)$/.test(l) || t.connections.length === 0);
  return [
    `<h4>${escapeHtml(w.packets)}${t.file ? ` <span class="muted">(${escapeHtml(w.file)} <code>${escapeHtml(basename(t.file))}</code>)</span>` : ''}</h4>`,
    intro.length ? `<p class="muted">${escapeHtml(intro.join(' · '))}</p>` : '',
    ...t.connections.map((c) => connection(c, lang)),
  ].join('\n');
}
