/** One check of the HTML report: verdict, diagnosis, sequence diagram and transcripts. */
import type { CheckResult } from '../../model/result.js';
import type { TranscriptView } from '../../process/transcript.js';
import type { UiText } from '../../i18n/ui.js';
import { elide, escapeHtml } from './escape.js';
import { formatTime, sequenceDiagram } from './sequence.js';
import { packetsSection } from './trace.js';
import type { Lang } from '../../i18n/lang.js';

const MARK: Record<CheckResult['status'], string> = { pass: '✓', fail: '✗', skip: '–', error: '!' };
const CELL_UNITS = 240;
const ARROW: Record<TranscriptView['entries'][number]['source'], string> = { sent: '→', typed: '→', received: '←', program: '←', event: '•' };

/** Escaped text, long data elided behind a "N more bytes" disclosure. */
function longText(text: string, words: UiText, bytes?: number): string {
  const e = elide(text, CELL_UNITS, bytes);
  if (e.moreBytes === undefined && e.moreChars === undefined) return escapeHtml(text);
  const more = e.moreBytes !== undefined ? words.html.moreBytes(e.moreBytes) : words.html.moreChars(e.moreChars ?? 0);
  return `${escapeHtml(e.shown)}<details class="more"><summary>… ${escapeHtml(more)}</summary>${escapeHtml(text.slice(e.shown.length))}</details>`;
}

function transcriptTable(view: TranscriptView, words: UiText): string {
  const rows = view.entries.map(
    (e) =>
      `<tr class="${e.source}"><td class="t">${formatTime(e.t)}</td><td class="src">${ARROW[e.source]} ${escapeHtml(words.html.sources[e.source])}${e.bytes !== undefined ? ` <span class="size">${e.bytes} B</span>` : ''}</td><td class="data">${longText(e.text, words, e.bytes)}</td></tr>`,
  );
  const truncated = view.truncated ? `<p class="elided">${escapeHtml(view.truncated)}</p>` : '';
  return [
    `<details class="transcript"><summary>${escapeHtml(view.label)} <span class="count">(${view.entries.length})</span></summary>`,
    `<table><thead><tr><th>${escapeHtml(words.html.time)}</th><th>${escapeHtml(words.html.source)}</th><th>${escapeHtml(words.html.text)}</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table>${truncated}</details>`,
  ].join('');
}

function field(cls: string, label: string, body: string): string {
  return `<div class="field ${cls}"><div class="label">${escapeHtml(label)}</div>${body}</div>`;
}

function pre(text: string, cls = ''): string {
  return `<pre${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</pre>`;
}

function diagnosis(r: CheckResult, words: UiText): string {
  const e = r.evidence;
  const out: string[] = [];
  if (r.message) out.push(pre(r.message, 'message'));
  if (e.expected) out.push(field('expected', words.expected, pre(e.expected)));
  if (e.received) out.push(field('received', words.received, pre(e.received)));
  if (e.hint) out.push(field('hint', words.hint, `<p>${escapeHtml(e.hint)}</p>`));
  if (e.programExit) out.push(field('exit', words.programEnded(r.role), `<p>${escapeHtml(e.programExit)}</p>`));
  if (e.programOutput) out.push(field('output', words.programOutput(r.role), pre(e.programOutput, 'terminal')));
  if (e.stack) out.push(field('stack', words.html.stack, pre(e.stack)));
  if (e.reproduce) {
    out.push(field('reproduce', words.reproduce, `<div class="repro"><code>${escapeHtml(e.reproduce)}</code><button type="button" class="js-only copy" data-copy="${escapeHtml(e.reproduce)}" data-done="${escapeHtml(words.html.copied)}">${escapeHtml(words.html.copy)}</button></div>`));
  }
  return out.join('\n');
}

function conversation(r: CheckResult, words: UiText): string {
  const views = r.evidence.transcripts ?? [];
  if (r.status === 'pass') return `<p class="muted">${escapeHtml(words.html.passNoTranscript)}</p>`;
  if (r.status === 'skip') return '';
  if (views.every((v) => v.entries.length === 0)) return `<p class="muted">${escapeHtml(words.html.noTranscripts)}</p>`;
  return [
    `<h4>${escapeHtml(words.html.diagram)}</h4>`,
    `<div class="diagram">${sequenceDiagram(views, words, r.trace)}</div>`,
    `<p class="legend">${escapeHtml(r.trace ? `${words.html.legend} ${words.html.packetLegend}` : words.html.legend)}</p>`,
    `<h4>${escapeHtml(words.html.transcripts)}</h4>`,
    views.map((v) => transcriptTable(v, words)).join('\n'),
  ].join('\n');
}

/** The `<details>` element of one check; failures and errors start open. */
export function checkSection(r: CheckResult, words: UiText, lang: Lang = 'en'): string {
  const open = r.status === 'fail' || r.status === 'error' ? ' open' : '';
  const notes = (r.evidence.notes ?? []).map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  const meta = r.status === 'skip' ? escapeHtml(words.status.skip) : `${r.points}/${r.maxPoints} ${escapeHtml(words.html.points)} · ${formatTime(r.durationMs)}`;
  return [
    `<details class="check st-${r.status}" id="${escapeHtml(`check-${r.role}-${r.id}`)}" data-check="${escapeHtml(r.id)}" data-status="${r.status}"${open}>`,
    `<summary><span class="mark" title="${escapeHtml(words.status[r.status])}">${MARK[r.status]}</span><span class="role">${escapeHtml(words.role[r.role])}</span><code class="id">${escapeHtml(r.id)}</code><span class="title">${escapeHtml(r.title)}</span><span class="meta">${meta}</span></summary>`,
    '<div class="body">',
    r.status === 'skip' ? `<p class="muted">${escapeHtml(r.message)}</p>` : diagnosis(r, words),
    notes ? `<ul class="notes">${notes}</ul>` : '',
    conversation(r, words),
    packetsSection(r, lang),
    '</div></details>',
  ].join('\n');
}
