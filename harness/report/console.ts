/**
 * The console report: one line per check as it finishes, then every failure with its
 * diagnosis, then the score. Colours only on a terminal and never with NO_COLOR.
 */
import { roleNotGiven, type CheckResult, type GradeResult } from '../model/result.js';
import type { Exercise } from '../model/exercise.js';
import { formatMs } from '../util/deadline.js';
import type { Lang } from '../i18n/lang.js';
import { localize, localizeCheck, localizeText } from '../i18n/localize.js';
import { ui, type UiText } from '../i18n/ui.js';
import { terminalSafe, terminalSafeDeep } from './terminal-text.js';
import { transcriptText } from './transcript-text.js';
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

/** `text` in ANSI colour `code` when the sink takes colour. */
export function paint(sink: ConsoleSink, code: string, text: string): string {
  return sink.color ? `\x1b[${code}m${text}\x1b[0m` : text;
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map((l) => `${prefix}${l}`).join('\n');
}

/** What the header says besides the exercise and commands. */
export interface HeaderFacts {
  isolation?: string;
  /** The course config in force: its file and the course's name. */
  course?: { file: string; course?: string };
}

/** Header printed before the first check. */
export function consoleHeader(sink: ConsoleSink, ex: Exercise, commands: Partial<Record<string, string>>, seed: number, facts: HeaderFacts = {}): void {
  const lang = sink.lang ?? 'en';
  const words = ui(lang);
  sink.write(`${paint(sink, '1', `sockgrade · ${ex.id}`)} (${ex.catalogue} ${localizeText(ex.title, lang)}) · ${words.seed} ${seed}\n`);
  for (const [role, cmd] of Object.entries(commands)) if (cmd) sink.write(`  ${role === 'server' || role === 'client' ? words.role[role] : role}: ${terminalSafe(cmd)}\n`);
  if (facts.course) sink.write(`  ${words.courseConfig}: ${terminalSafe(facts.course.file)}${facts.course.course ? ` (${terminalSafe(facts.course.course)})` : ''}\n`);
  if (facts.isolation) sink.write(`  ${words.isolation}: ${terminalSafe(localizeText(facts.isolation, lang))}\n`);
  sink.write('\n');
}

/** Points of a check as the report shows them: `1/1`, `0/2`, `0.5/0.5`. */
function pointsOf(r: CheckResult, words: UiText): string {
  return words.points(r.points, r.maxPoints);
}

/**
 * The progress line of one finished check, with its points; under a failure, the first line of
 * its reason. Checks of a role that was not given are summed up in {@link consoleSummary}.
 */
export function consoleCheckLine(sink: ConsoleSink, r: CheckResult): void {
  if (r.status === 'skip' && r.message === roleNotGiven(r.role)) return;
  const lang = sink.lang ?? 'en';
  const words = ui(lang);
  const roleWidth = Math.max(...Object.values(words.role).map((w) => w.length));
  r = terminalSafeDeep(localizeCheck(r, lang));
  const tail = r.status === 'skip' ? paint(sink, '90', `${words.skippedBecause}: ${r.message}`) : paint(sink, '90', `(${pointsOf(r, words)}, ${formatMs(r.durationMs)})`);
  sink.write(`  ${paint(sink, COLOR[r.status], MARK[r.status])} ${words.role[r.role].padEnd(roleWidth)} ${r.id.padEnd(32)} ${r.title} ${tail}\n`);
  if (r.status === 'fail' || r.status === 'error') {
    const reason = r.message.split('\n')[0] ?? '';
    if (reason) sink.write(`      ${paint(sink, COLOR[r.status], reason)}\n`);
    return;
  }
  for (const note of r.evidence.notes ?? []) sink.write(`${indent(paint(sink, '90', note), '      ')}\n`);
}

/** Options of {@link consoleSummary}. */
export interface SummaryOptions {
  /** Print each failed check's transcripts (what was sent, received and typed, and what the program printed). */
  verbose?: boolean;
}

/** The key under which two failures are the same diagnosis: the same program exit, message and output. */
function sameExitKey(r: CheckResult): string | undefined {
  const e = r.evidence;
  if (!e.programExit) return undefined;
  return JSON.stringify([r.role, r.message, e.programExit, e.programOutput ?? '']);
}

/** The diagnosis of one failed check, already localised: reason, expected/received, hint, exit, output, notes, transcripts, reproduce. */
export function consoleFailureDetails(sink: ConsoleSink, r: CheckResult, opts: SummaryOptions = {}): void {
  const words = ui(sink.lang ?? 'en');
  r = terminalSafeDeep(r);
  sink.write(`${indent(r.message, '    ')}\n`);
  const e = r.evidence;
  if (e.expected) sink.write(`${indent(`${words.expected}: ${e.expected}`, '    ')}\n`);
  if (e.received) sink.write(`${indent(`${words.received}: ${e.received}`, '    ')}\n`);
  if (e.hint) sink.write(`${indent(`${words.hint}: ${e.hint}`, '    ')}\n`);
  if (e.programExit) sink.write(`    ${words.programEnded(r.role)}: ${e.programExit}\n`);
  if (e.programOutput) sink.write(`    ${words.programOutput(r.role)}:\n${indent(e.programOutput, '    | ')}\n`);
  for (const note of e.notes ?? []) sink.write(`${indent(paint(sink, '90', note), '    ')}\n`);
  if (opts.verbose && e.transcripts?.some((v) => v.entries.length > 0)) {
    sink.write(`    ${words.transcriptHeading}:\n${indent(transcriptText(e.transcripts, words.html.sources), '    ')}\n`);
  }
  if (e.stack) sink.write(`${indent(e.stack, '    ')}\n`);
  if (e.reproduce) sink.write(`    ${words.reproduce}: ${e.reproduce}\n`);
}

/**
 * Failures with diagnoses, notes, and the score. A failure whose program ended exactly as in an
 * earlier one (same message, exit and output) is told in one line pointing to the first.
 */
export function consoleSummary(sink: ConsoleSink, result: GradeResult, opts: SummaryOptions = {}): void {
  const lang = sink.lang ?? 'en';
  const words = ui(lang);
  for (const role of ['server', 'client'] as const) {
    const n = result.checks.filter((c) => c.role === role && c.status === 'skip' && c.message === roleNotGiven(role)).length;
    if (n > 0) sink.write(`  ${paint(sink, '90', `- ${words.roleChecksSkipped(role, n)}: ${localizeText(roleNotGiven(role), lang)}`)}\n`);
  }
  result = terminalSafeDeep(localize(result, lang));
  const bad = result.checks.filter((c) => c.status === 'fail' || c.status === 'error');
  if (bad.length > 0) {
    sink.write(`\n${paint(sink, '1', words.failures(bad.length))}\n`);
    const firstWithExit = new Map<string, string>();
    let repeating = false;
    for (const r of bad) {
      const heading = `${paint(sink, COLOR[r.status], `${MARK[r.status]} ${r.id}`)} — ${r.title} ${paint(sink, '90', `(${pointsOf(r, words)})`)}`;
      const key = sameExitKey(r);
      const first = key !== undefined ? firstWithExit.get(key) : undefined;
      if (first !== undefined) {
        sink.write(`${repeating ? '' : '\n'}${heading}: ${words.alreadyExited(r.role, first)}\n`);
        repeating = true;
        continue;
      }
      repeating = false;
      if (key !== undefined) firstWithExit.set(key, r.id);
      sink.write(`\n${heading}\n`);
      consoleFailureDetails(sink, r, opts);
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
  const weighted = result.checks.some((c) => c.status !== 'skip' && c.maxPoints !== 1);
  const scoreLine = `${words.score}: ${result.score}/${result.maxScore}${weighted ? ` ${words.pointsNote}` : ''}`;
  sink.write(`\n${paint(sink, '1', scoreLine)}  (${parts.join(', ')}; ${formatMs(result.run.durationMs)})\n`);
}
