/**
 * A sequence diagram of one check as inline SVG: per connection or program, a lifeline for
 * sockgrade's side and one for the submission's side; one row per transcript entry in time order,
 * an arrow for every message (with its time and its escaped, shortened text), a box for events.
 */
import type { TranscriptSource, TranscriptView } from '../../process/transcript.js';
import type { UiText } from '../../i18n/ui.js';
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

interface Row {
  lane: number;
  t: number;
  source: TranscriptSource;
  text: string;
  bytes?: number;
}

/** Time since the check started, for the left margin. */
export function formatTime(t: number): string {
  return t < 10_000 ? `${t} ms` : `${(t / 1000).toFixed(1)} s`;
}

function laneX(lane: number): { own: number; theirs: number } {
  const start = LEFT + lane * (PAIR + GAP);
  return { own: start + INSET, theirs: start + PAIR - INSET };
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

function arrow(x1: number, x2: number, y: number, row: Row, words: UiText): string {
  const dir = x2 > x1 ? 1 : -1;
  const head = `${x2},${y} ${x2 - dir * 8},${y - 4} ${x2 - dir * 8},${y + 4}`;
  const size = row.bytes !== undefined ? ` (${row.bytes} B)` : '';
  const e = elide(row.text, TEXT_WIDTH, row.bytes);
  const label = e.moreBytes !== undefined || e.moreChars !== undefined ? `${e.shown}…` : e.shown;
  const detail = [row.bytes !== undefined ? `${row.bytes} B` : '', e.moreBytes !== undefined ? words.html.moreBytes(e.moreBytes) : ''].filter(Boolean).join(' · ');
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

function eventBox(lane: number, y: number, row: Row): string {
  const { own, theirs } = laneX(lane);
  const x = own - 24;
  const w = theirs - own + 48;
  const label = shortText(row.text, 38);
  return [
    `<g class="msg event" data-source="event" data-t="${row.t}">`,
    `<title>${escapeHtml(`${formatTime(row.t)}\n${row.text}`)}</title>`,
    `<rect x="${x}" y="${y - 11}" width="${w}" height="16" rx="3"/>`,
    `<text class="label" x="${x + w / 2}" y="${y + 1}" text-anchor="middle">${escapeHtml(label)}</text>`,
    '</g>',
  ].join('');
}

function laneHeader(lane: number, view: TranscriptView, words: UiText, height: number): string {
  const { own, theirs } = laneX(lane);
  const start = LEFT + lane * (PAIR + GAP);
  return [
    `<g class="lane" data-label="${escapeHtml(view.label)}">`,
    `<rect class="lane-box" x="${start + 4}" y="4" width="${PAIR - 8}" height="22" rx="4"/>`,
    `<text class="lane-title" x="${start + PAIR / 2}" y="19" text-anchor="middle">${escapeHtml(shortText(view.label, 40))}</text>`,
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
export function sequenceDiagram(views: readonly TranscriptView[], words: UiText): string {
  const lanes = chooseLanes(views);
  const all: Row[] = lanes
    .flatMap((v, lane) => v.entries.map((e) => ({ lane, t: e.t, source: e.source, text: e.text, ...(e.bytes !== undefined ? { bytes: e.bytes } : {}) })))
    .sort((a, b) => a.t - b.t);
  if (all.length === 0) return '';
  const rows = all.slice(0, MAX_ROWS);
  const width = LEFT + lanes.length * (PAIR + GAP);
  const height = HEAD + 8 + rows.length * ROW + 16;
  const body = rows.map((row, i) => {
    const y = HEAD + 8 + i * ROW + ROW / 2;
    const time = `<text class="time" x="${LEFT - 8}" y="${y + 4}" text-anchor="end">${formatTime(row.t)}</text>`;
    if (row.source === 'event') return time + eventBox(row.lane, y, row);
    const { own, theirs } = laneX(row.lane);
    const outgoing = row.source === 'sent' || row.source === 'typed';
    return time + (outgoing ? arrow(own, theirs, y, row, words) : arrow(theirs, own, y, row, words));
  });
  const notes: string[] = [];
  if (views.length > lanes.length) notes.push(words.html.moreLanes(views.length - lanes.length));
  if (all.length > rows.length) notes.push(words.html.moreEntries(all.length - rows.length));
  const svg = [
    `<svg class="sequence" xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeHtml(words.html.diagram)}</title>`,
    ...lanes.map((v, i) => laneHeader(i, v, words, height)),
    ...body,
    '</svg>',
  ].join('\n');
  return svg + notes.map((n) => `<p class="elided">${escapeHtml(n)}</p>`).join('');
}
