/**
 * The console report: one line per check as it finishes, then every failure with its
 * diagnosis, then the score. Colours only on a terminal and never with NO_COLOR.
 */
import { roleNotGiven, type CheckResult, type GradeResult } from '../model/result.js';
import type { Exercise } from '../model/exercise.js';
import { formatMs } from '../util/deadline.js';
import type { Lang } from '../i18n/lang.js';
import { localize, localizeCheck, localizeText } from '../i18n/localize.js';
import { ui } from '../i18n/ui.js';
import { traceSection } from './trace-text.js';

/** Where console output goes, and whether it may use colour. */
export interface ConsoleSink {
  write(text: string): void;
  color: boolean;
  /** Language of the report (English when not given). */
  lang?: Lang;
}

const MARK: Record<CheckResult['status'], string> = { pass: '✓', fail: '✗', skip: '-', error: '!' };
const COLOR: Record<CheckResult['status'], string> = { pass: '32', fail: '31', skip: '90', error: '35' };

function paint(sink: ConsoleSink, code: string, text: string): string {
  return sink.color ? `\x1b[${code}m${text}\x1b[0m` : text;
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map((l) => `${prefix}${l}`).join('\n');
}

/** Header printed before the first check. */
export function consoleHeader(sink: ConsoleSink, ex: Exercise, commands: Partial<Record<string, string>>, seed: number, isolation?: string): void {
  const lang = sink.lang ?? 'en';
  const words = ui(lang);
  sink.write(`${paint(sink, '1', `sockgrade · ${ex.id}`)} (${ex.catalogue} ${localizeText(ex.title, lang)}) · ${words.seed} ${seed}\n`);
  for (const [role, cmd] of Object.entries(commands)) if (cmd) sink.write(`  ${role === 'server' || role === 'client' ? words.role[role] : role}: ${cmd}\n`);
  if (isolation) sink.write(`  ${words.isolation}: ${localizeText(isolation, lang)}\n`);
  sink.write('\n');
}

/** The progress line of one finished check; checks of a role that was not given are summed up in {@link consoleSummary}. */
export function consoleCheckLine(sink: ConsoleSink, r: CheckResult): void {
  if (r.status === 'skip' && r.message === roleNotGiven(r.role)) return;
  const lang = sink.lang ?? 'en';
  const words = ui(lang);
  const roleWidth = Math.max(...Object.values(words.role).map((w) => w.length));
  r = localizeCheck(r, lang);
  const tail = r.status === 'skip' ? paint(sink, '90', `${words.skippedBecause}: ${r.message}`) : paint(sink, '90', `(${formatMs(r.durationMs)})`);
  sink.write(`  ${paint(sink, COLOR[r.status], MARK[r.status])} ${words.role[r.role].padEnd(roleWidth)} ${r.id.padEnd(32)} ${r.title} ${tail}\n`);
  for (const note of r.evidence.notes ?? []) sink.write(`${indent(paint(sink, '90', note), '      ')}\n`);
}

/** Failures with diagnoses, notes, and the score. */
export function consoleSummary(sink: ConsoleSink, result: GradeResult): void {
  const lang = sink.lang ?? 'en';
  const words = ui(lang);
  for (const role of ['server', 'client'] as const) {
    const n = result.checks.filter((c) => c.role === role && c.status === 'skip' && c.message === roleNotGiven(role)).length;
    if (n > 0) sink.write(`  ${paint(sink, '90', `- ${words.roleChecksSkipped(role, n)}: ${localizeText(roleNotGiven(role), lang)}`)}\n`);
  }
  result = localize(result, lang);
  const bad = result.checks.filter((c) => c.status === 'fail' || c.status === 'error');
  if (bad.length > 0) {
    sink.write(`\n${paint(sink, '1', words.failures(bad.length))}\n`);
    for (const r of bad) {
      sink.write(`\n${paint(sink, COLOR[r.status], `${MARK[r.status]} ${r.id}`)} — ${r.title}\n`);
      sink.write(`${indent(r.message, '    ')}\n`);
      const e = r.evidence;
      if (e.expected) sink.write(`${indent(`${words.expected}: ${e.expected}`, '    ')}\n`);
      if (e.received) sink.write(`${indent(`${words.received}: ${e.received}`, '    ')}\n`);
      if (e.hint) sink.write(`${indent(`${words.hint}: ${e.hint}`, '    ')}\n`);
      if (e.programExit) sink.write(`    ${words.programEnded(r.role)}: ${e.programExit}\n`);
      if (e.programOutput) sink.write(`    ${words.programOutput(r.role)}:\n${indent(e.programOutput, '    | ')}\n`);
      if (e.stack) sink.write(`${indent(e.stack, '    ')}\n`);
      if (e.reproduce) sink.write(`    ${words.reproduce}: ${e.reproduce}\n`);
    }
  }
  const packets = traceSection(result, lang);
  if (packets) sink.write(`\n${packets}`);
  if (result.run.notes.length > 0) {
    sink.write(`\n${paint(sink, '1', words.notes)}\n`);
    for (const n of result.run.notes) sink.write(`  • ${n}\n`);
  }
  const count = (s: CheckResult['status']): number => result.checks.filter((c) => c.status === s).length;
  const parts = [words.passed(count('pass')), words.failed(count('fail'))];
  if (count('error')) parts.push(words.harnessErrors(count('error')));
  if (count('skip')) parts.push(words.skipped(count('skip')));
  sink.write(`\n${paint(sink, '1', `${words.score}: ${result.score}/${result.maxScore}`)}  (${parts.join(', ')}; ${formatMs(result.run.durationMs)})\n`);
}
