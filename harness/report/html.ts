/**
 * The HTML report: one self-contained file (inline CSS, one inline script allowed by its hash,
 * inline SVG, nothing fetched) that a student opens in a browser. Failures come first and open,
 * passes after and closed; each failed check shows its diagnosis, a sequence diagram of what was
 * exchanged and the transcripts. Everything the submission produced is escaped.
 */
import { createHash } from 'node:crypto';
import type { CheckResult, GradeResult } from '../model/result.js';
import type { Lang } from '../i18n/lang.js';
import { localize, localizeText } from '../i18n/localize.js';
import { ui } from '../i18n/ui.js';
import { STYLE, SCRIPT } from './html/assets.js';
import { checkSection } from './html/check.js';
import { escapeHtml } from './html/escape.js';
import { formatTime } from './html/sequence.js';

/** Extra facts the result does not hold. */
export interface HtmlOptions {
  /** The exercise's title, shown under its id. */
  exerciseTitle?: string;
}

const ORDER: Record<CheckResult['status'], number> = { fail: 0, error: 1, pass: 2, skip: 3 };

function summary(result: GradeResult, lang: Lang, opts: HtmlOptions): string {
  const words = ui(lang);
  const count = (s: CheckResult['status']): number => result.checks.filter((c) => c.status === s).length;
  const counts = [`<span class="pass">✓ ${escapeHtml(words.passed(count('pass')))}</span>`, `<span class="fail">✗ ${escapeHtml(words.failed(count('fail')))}</span>`];
  if (count('error')) counts.push(`<span class="error">! ${escapeHtml(words.harnessErrors(count('error')))}</span>`);
  if (count('skip')) counts.push(`<span class="skip">– ${escapeHtml(words.skipped(count('skip')))}</span>`);
  const full = result.score === result.maxScore;
  const commands = Object.entries(result.run.commands)
    .filter((e): e is [CheckResult['role'], string] => typeof e[1] === 'string')
    .map(([role, cmd]) => `<dt>${escapeHtml(words.role[role])}</dt><dd><code>${escapeHtml(cmd)}</code></dd>`);
  return [
    '<header class="summary">',
    `<div><h1>sockgrade · ${escapeHtml(result.exercise)}</h1>${opts.exerciseTitle ? `<div class="muted">${escapeHtml(opts.exerciseTitle)}</div>` : ''}</div>`,
    `<div><div class="muted">${escapeHtml(words.score)}</div><div class="score ${full ? 'full' : 'partial'}" id="score">${result.score}/${result.maxScore}</div></div>`,
    `<div class="counts">${counts.join('')}</div>`,
    '</header>',
    '<dl class="run">',
    ...commands,
    `<dt>${escapeHtml(words.seed)}</dt><dd><code>${result.run.seed}</code></dd>`,
    `<dt>${escapeHtml(words.html.generated)}</dt><dd>${escapeHtml(result.run.startedAt)}</dd>`,
    `<dt>${escapeHtml(words.html.duration)}</dt><dd>${formatTime(result.run.durationMs)}</dd>`,
    `<dt>${escapeHtml(words.isolation)}</dt><dd>${escapeHtml(result.run.isolation)}</dd>`,
    '</dl>',
  ].join('\n');
}

/** The report of `result` in `lang`, as a complete HTML document. */
export function renderHtml(result: GradeResult, lang: Lang = 'en', opts: HtmlOptions = {}): string {
  const words = ui(lang);
  const local = localize(result, lang);
  const checks = local.checks.map((c, i) => ({ c, i })).sort((a, b) => ORDER[a.c.status] - ORDER[b.c.status] || a.i - b.i);
  const notes = local.run.notes.length ? `<h2>${escapeHtml(words.notes)}</h2><ul class="notes">${local.run.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${scriptHash}'`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`sockgrade · ${result.exercise} · ${result.score}/${result.maxScore}`)}</title>
<style>${STYLE}</style>
</head>
<body>
${summary(local, lang, { ...opts, ...(opts.exerciseTitle ? { exerciseTitle: localizeText(opts.exerciseTitle, lang) } : {}) })}
<div class="toolbar"><button type="button" class="js-only" id="expand-all">${escapeHtml(words.html.expandAll)}</button> <button type="button" class="js-only" id="collapse-all">${escapeHtml(words.html.collapseAll)}</button></div>
<main id="checks">
${checks.map(({ c }) => checkSection(c, words, lang)).join('\n')}
</main>
${notes}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
