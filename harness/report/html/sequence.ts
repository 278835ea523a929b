/**
 * A sequence diagram of one check as inline SVG: per connection or program, a lifeline for
 * sockgrade's side and one for the submission's side; one row per transcript entry in time order,
 * an arrow for every message (with its time and its escaped, shortened text), a box for events.
 */
import type { TranscriptSource, TranscriptView } from '../../process/transcript.js';
import type { UiText } from '../../i18n/ui.js';
import type { PacketRow, TraceSummary } from '../../trace/summary.js';
import { elide, escapeHtml } from './escape.js';

const MAX_LANES = 6;
const MAX_ROWS = 120;
const TEXT_WIDTH = 40;
const ROW = 38;
const HEAD = 64;
const LEFT = 72;
const PAIR = 300;
const GAP = 36;
const INSET = 40;
const FIT = 1090;

interface Row {
  lane: number;
  t: number;
  source: TranscriptSource | 'packet';
  text: string;
  bytes?: number;
  /** A packet sent by sockgrade's side (else by the program's). */
  outgoing?: boolean;
}

/** What a notable packet is called on the diagram: its TCP flags (SYN, SYN-ACK, FIN, RST), then what was odd about it. */
function packetLabel(row: PacketRow, words: UiText): string | undefined {
  const flags = row.flags.includes('S') ? (row.flags.includes('.') ? 'SYN-ACK' : 'SYN') : row.flags.includes('R') ? 'RST' : row.flags.includes('F') ? 'FIN' : undefined;
  const marks = (row.marks ?? []).map((m) => words.html.packetMarks[m]);
  if (flags === undefined && marks.length === 0) return undefined;
  return [flags, ...marks].filter(Boolean).join(' · ');
}

/**
 * The notable packets of the connections drawn (handshake, teardown, resets, retransmissions,
 * duplicate ACKs, zero windows), as rows on their connection's lane at the time they crossed.
 */
function packetRows(lanes: readonly TranscriptView[], trace: TraceSummary | undefined, words: UiText): Row[] {
  if (!trace) return [];
  return lanes.flatMap((view, lane) => {
    const wire = view.wire;
    const conn = wire && trace.connections.find((c) => c.kind === 'tcp' && ((c.client === wire.local && c.server === wire.remote) || (c.client === wire.remote && c.server === wire.local)));
    if (!wire || !conn || conn.kind !== 'tcp' || conn.startMs === undefined) return [];
    const start = conn.startMs;
    const ownIsClient = conn.client === wire.local;
    return conn.packets.flatMap((p) => {
      const text = packetLabel(p, words);
      if (text === undefined) return [];
      return [{ lane, t: Math.round(start + p.t), source: 'packet' as const, text, bytes: p.len, outgoing: (p.dir === '>') === ownIsClient }];
    });
  });
}

function packetArrow(x1: number, x2: number, y: number, row: Row): string {
  const dir = x2 > x1 ? 1 : -1;
  const head = `${x2},${y} ${x2 - dir * 6},${y - 3} ${x2 - dir * 6},${y + 3}`;
  return [
    `<g class="msg packet" data-source="packet" data-t="${row.t}">`,
    `<title>${escapeHtml(`${formatTime(row.t)}\n${row.text}${row.bytes ? ` (${row.bytes} B)` : ''}`)}</title>`,
    `<line class="arrow" x1="${x1}" y1="${y}" x2="${x2 - dir * 5}" y2="${y}"/>`,
    `<polygon class="head" points="${head}"/>`,
    `<text class="label" x="${(x1 + x2) / 2}" y="${y - 5}" text-anchor="middle">${escapeHtml(row.text)}</text>`,
    '</g>',
  ].join('');
}

/** Time since the check started, for the left margin. */
export function formatTime(t: number): string {
  return t < 10_000 ? `${t} ms` : `${(t / 1000).toFixed(1)} s`;
}

function laneX(lane: number, pair: number): { own: number; theirs: number } {
  const start = LEFT + lane * (pair + GAP);
  return { own: start + INSET, theirs: start + pair - INSET };
}

/** Width of one lane: narrower with many lanes so five (a program and four connections) fit a 1200 px page; never under 150 px (then the box scrolls). */
function pairWidth(lanes: number): number {
  return Math.max(150, Math.min(PAIR, Math.floor((FIT - LEFT) / lanes) - GAP));
}

function shortText(text: string, width: number): string {
  const e = elide(text, width);
  return e.moreChars !== undefined ? `${e.shown}…` : e.shown;
}

/** Which lanes are drawn: those with messages first, at most {@link MAX_LANES}, in their order. */
function chooseLanes(views: readonly TranscriptView[]): TranscriptView[] {
  const talking = views.filter((v) => v.entries.some((e) => e.source !== 'event'));
  const quiet = views.filter((v) => !talking.includes(v));
  const chosen = new Set([...talking, ...quiet].slice(0, MAX_LANES));
  return views.filter((v) => chosen.has(v));
}

function arrow(x1: number, x2: number, y: number, row: Row & { pieces?: number; source: TranscriptSource }, words: UiText, textWidth = TEXT_WIDTH): string {
  const dir = x2 > x1 ? 1 : -1;
  const head = `${x2},${y} ${x2 - dir * 8},${y - 4} ${x2 - dir * 8},${y + 4}`;
  const size = row.bytes !== undefined ? ` (${row.bytes} B)` : '';
  const large = row.bytes !== undefined && row.bytes >= 1024;
  const e = elide(row.text, textWidth, row.bytes);
  const shown = e.moreBytes !== undefined || e.moreChars !== undefined ? `${e.shown}…` : e.shown;
  const label = large ? `${humanSize(row.bytes as number)}: ${shown}` : shown;
  const pieces = (row.pieces ?? 1) > 1 ? words.html.pieces(row.pieces as number) : '';
  const detail = [row.bytes !== undefined ? `${row.bytes} B` : '', pieces, e.moreBytes !== undefined ? words.html.moreBytes(e.moreBytes) : ''].filter(Boolean).join(' · ');
  const full = `${words.html.sources[row.source]} · ${formatTime(row.t)}${size}\n${row.text}`;
  return [
    `<g class="msg ${row.source}" data-source="${row.source}" data-t="${row.t}">`,
    `<title>${escapeHtml(full)}</title>`,
    `<line class="arrow" x1="${x1}" y1="${y}" x2="${x2 - dir * 6}" y2="${y}"/>`,
    `<polygon class="head" points="${head}"/>`,
    `<text class="label" x="${(x1 + x2) / 2}" y="${y - 6}" text-anchor="middle">${escapeHtml(label)}</text>`,
    detail ? `<text class="size" x="${(x1 + x2) / 2}" y="${y + 13}" text-anchor="middle">${escapeHtml(detail)}</text>` : '',
    '</g>',
  ].join('');
}

/**
 * A program's end: drawn on the submission's lifeline, marked as a crash when it did not end
 * cleanly, its label (how it ended) within its own lane; the whole text is the mark's tooltip.
 */
const END = /^(exited: |stopped by sockgrade: )/;
const CRASH = /^(exited: (exit code [1-9]|.*signal|.*killed)|stopped by sockgrade: )/;

function endMark(lane: number, y: number, row: Row, pair: number): string {
  const { theirs } = laneX(lane, pair);
  const crash = CRASH.test(row.text);
  const label = shortText(row.text.replace(/^exited: /, ''), Math.floor((pair - INSET - 18) / 7));
  return [
    `<g class="msg event end${crash ? ' crash' : ''}" data-source="event" data-t="${row.t}">`,
    `<title>${escapeHtml(`${formatTime(row.t)}\n${row.text}`)}</title>`,
    `<circle cx="${theirs}" cy="${y - 3}" r="8"/>`,
    `<text class="x" x="${theirs}" y="${y + 1}" text-anchor="middle">${crash ? '✗' : '■'}</text>`,
    `<text class="label" x="${theirs - 14}" y="${y + 1}" text-anchor="end">${escapeHtml(label)}</text>`,
    `<line class="cut" x1="${theirs - 10}" y1="${y + 8}" x2="${theirs + 10}" y2="${y + 8}"/>`,
    '</g>',
  ].join('');
}

/** A size in bytes as people read it: 512 B, 3 KiB, 256 KiB, 10 MiB. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Number((bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1))} KiB`;
  return `${Number((bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1))} MiB`;
}

/**
 * Consecutive pieces of data going the same way on the same connection (a large send, an echo
 * read in chunks) become one row with their total size and how many pieces they were.
 */
function mergeRuns(rows: readonly Row[]): (Row & { pieces: number })[] {
  const out: (Row & { pieces: number })[] = [];
  for (const row of rows) {
    const last = out.at(-1);
    if (last && last.lane === row.lane && last.source === row.source && (row.source === 'sent' || row.source === 'received') && last.bytes !== undefined && row.bytes !== undefined) {
      last.bytes += row.bytes;
      last.pieces += 1;
      if (last.text.length < 200) last.text += row.text;
      continue;
    }
    out.push({ ...row, pieces: 1 });
  }
  return out;
}

function eventBox(lane: number, y: number, row: Row, pair: number): string {
  const { own, theirs } = laneX(lane, pair);
  const x = own - 24;
  const w = theirs - own + 48;
  const label = shortText(row.text, Math.min(38, Math.floor((theirs - own + 40) / 7)));
  return [
    `<g class="msg event" data-source="event" data-t="${row.t}">`,
    `<title>${escapeHtml(`${formatTime(row.t)}\n${row.text}`)}</title>`,
    `<rect x="${x}" y="${y - 11}" width="${w}" height="16" rx="3"/>`,
    `<text class="label" x="${x + w / 2}" y="${y + 1}" text-anchor="middle">${escapeHtml(label)}</text>`,
    '</g>',
  ].join('');
}

function laneHeader(lane: number, view: TranscriptView, words: UiText, height: number, pair: number): string {
  const { own, theirs } = laneX(lane, pair);
  const start = LEFT + lane * (pair + GAP);
  return [
    `<g class="lane" data-label="${escapeHtml(view.label)}">`,
    `<rect class="lane-box" x="${start + 4}" y="4" width="${pair - 8}" height="22" rx="4"/>`,
    `<text class="lane-title" x="${start + pair / 2}" y="19" text-anchor="middle">${escapeHtml(shortText(view.label, Math.floor(pair / 7.5)))}</text>`,
    `<text class="side" x="${own}" y="44" text-anchor="middle">${escapeHtml(words.html.sockgradeSide)}</text>`,
    `<text class="side theirs" x="${theirs}" y="44" text-anchor="middle">${escapeHtml(words.html.submissionSide)}</text>`,
    `<line class="lifeline" x1="${own}" y1="${HEAD - 12}" x2="${own}" y2="${height - 8}"/>`,
    `<line class="lifeline theirs" x1="${theirs}" y1="${HEAD - 12}" x2="${theirs}" y2="${height - 8}"/>`,
    '</g>',
  ].join('');
}

/**
 * The diagram of `views` as an `<svg>` element, with notes on what was left out (lanes or rows
 * over the limits); an empty string when nothing was recorded.
 */
export function sequenceDiagram(views: readonly TranscriptView[], words: UiText, trace?: TraceSummary): string {
  const lanes = chooseLanes(views);
  const all: Row[] = [
    ...lanes.flatMap((v, lane) => v.entries.map((e): Row => ({ lane, t: e.t, source: e.source, text: e.text, ...(e.bytes !== undefined ? { bytes: e.bytes } : {}) }))),
    ...packetRows(lanes, trace, words),
  ].sort((a, b) => a.t - b.t);
  if (all.length === 0) return '';
  const merged = mergeRuns(all);
  const rows = merged.slice(0, MAX_ROWS);
  const pair = pairWidth(lanes.length);
  const width = LEFT + lanes.length * (pair + GAP);
  const height = HEAD + 8 + rows.length * ROW + 16;
  const body = rows.map((row, i) => {
    const y = HEAD + 8 + i * ROW + ROW / 2;
    const time = `<text class="time" x="${LEFT - 8}" y="${y + 4}" text-anchor="end">${formatTime(row.t)}</text>`;
    if (row.source === 'event') return time + (END.test(row.text) ? endMark(row.lane, y, row, pair) : eventBox(row.lane, y, row, pair));
    const { own, theirs } = laneX(row.lane, pair);
    if (row.source === 'packet') return time + (row.outgoing ? packetArrow(own, theirs, y, row) : packetArrow(theirs, own, y, row));
    const outgoing = row.source === 'sent' || row.source === 'typed';
    const textWidth = Math.min(TEXT_WIDTH, Math.floor(pair / 7));
    const message = { ...row, source: row.source };
    return time + (outgoing ? arrow(own, theirs, y, message, words, textWidth) : arrow(theirs, own, y, message, words, textWidth));
  });
  const notes: string[] = [];
  if (views.length > lanes.length) notes.push(words.html.moreLanes(views.length - lanes.length));
  if (merged.length > rows.length) notes.push(words.html.moreEntries(merged.length - rows.length));
  const svg = [
    `<svg class="sequence" xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeHtml(words.html.diagram)}</title>`,
    ...lanes.map((v, i) => laneHeader(i, v, words, height, pair)),
    ...body,
    '</svg>',
  ].join('\n');
  return svg + notes.map((n) => `<p class="elided">${escapeHtml(n)}</p>`).join('');
}
