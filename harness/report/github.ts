/**
 * GitHub Actions: a Markdown job summary (appended to the file `$GITHUB_STEP_SUMMARY` names) and
 * an `::error` workflow command per failed check, which GitHub shows as an annotation.
 */
import { roleNotGiven, type CheckResult, type GradeResult } from '../model/result.js';
import { testNames } from './names.js';
import { diagnosisMarkdown, inline } from './markdown.js';
import { sourceLocation } from './source-location.js';

/** Escapes the message of a workflow command (`%`, CR and LF). */
export function escapeCommandData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (also `:` and `,`, which end a property). */
export function escapeCommandProperty(s: string): string {
  return escapeCommandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotationMessage(r: CheckResult): string {
  const e = r.evidence;
  const parts = [r.message];
  if (e.expected) parts.push(`expected: ${e.expected}`);
  if (e.received) parts.push(`received: ${e.received}`);
  if (e.hint) parts.push(`hint: ${e.hint}`);
  if (e.reproduce) parts.push(`reproduce: ${e.reproduce}`);
  return parts.join('\n');
}

/**
 * One `::error` line per failed check (and per check where sockgrade itself failed), attached to
 * the student's file (`file=`, relative to `root`, the repository's folder: `$GITHUB_WORKSPACE`)
 * and to the line a traceback names (`line=`), so the pull request shows it on their code.
 */
export function githubAnnotations(result: GradeResult, root?: string): string {
  const names = testNames(result.checks);
  const lines: string[] = [];
  result.checks.forEach((r, i) => {
    if (r.status !== 'fail' && r.status !== 'error') return;
    const title = `sockgrade ${result.exercise}${r.status === 'error' ? ' (sockgrade error)' : ''}: ${names[i] as string}`;
    const at = root !== undefined && r.status === 'fail' ? sourceLocation(result.run.commands[r.role], r.evidence.programOutput, root) : undefined;
    const where = at ? `file=${escapeCommandProperty(at.file)},${at.line !== undefined ? `line=${at.line},` : ''}` : '';
    lines.push(`::error ${where}title=${escapeCommandProperty(title)}::${escapeCommandData(annotationMessage(r))}`);
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const ICON: Record<CheckResult['status'], string> = { pass: '✅', fail: '❌', skip: '⏭️', error: '⚠️' };

/** GitHub refuses a step summary over 1 MiB; the summary stays well under it. */
const SUMMARY_LIMIT = 900 * 1024;

/**
 * The job summary in Markdown: the score, a table of checks, then each failure with its
 * diagnosis and transcript. Transcripts are left out when they would make it too large for GitHub.
 */
export function githubSummary(result: GradeResult): string {
  const full = summaryMarkdown(result, 'details');
  if (Buffer.byteLength(full) <= SUMMARY_LIMIT) return full;
  const short = summaryMarkdown(result, 'none');
  if (Buffer.byteLength(short) <= SUMMARY_LIMIT) return short;
  return `${Buffer.from(short).subarray(0, SUMMARY_LIMIT).toString('utf8').replace(/\uFFFD+$/, '')}\n\n… (cut: the rest is in the other reports)\n`;
}

function summaryMarkdown(result: GradeResult, transcripts: 'details' | 'none'): string {
  const count = (s: CheckResult['status']): number => result.checks.filter((c) => c.status === s).length;
  const names = testNames(result.checks);
  const out = [`## sockgrade · ${inline(result.exercise)}: ${result.score}/${result.maxScore} points`, ''];
  const parts = [`${count('pass')} passed`, `${count('fail')} failed`];
  if (count('error')) parts.push(`${count('error')} harness errors`);
  if (count('skip')) parts.push(`${count('skip')} skipped`);
  out.push(`${parts.join(' · ')} · seed ${result.run.seed}`, '');
  const shown = result.checks.map((r, i) => ({ r, name: names[i] as string })).filter(({ r }) => !(r.status === 'skip' && r.message === roleNotGiven(r.role)));
  out.push('| | role | check | points |', '| --- | --- | --- | --- |');
  for (const { r } of shown) out.push(`| ${ICON[r.status]} | ${r.role} | \`${r.id}\` ${inline(r.title)}${r.status === 'skip' ? ` (skipped: ${inline(r.message)})` : ''} | ${r.points}/${r.maxPoints} |`);
  for (const role of ['server', 'client'] as const) {
    const n = result.checks.filter((c) => c.role === role && c.status === 'skip' && c.message === roleNotGiven(role)).length;
    if (n > 0) out.push('', `${n} ${role} checks skipped: ${inline(roleNotGiven(role))}`);
  }
  for (const { r, name } of shown) {
    if (r.status !== 'fail' && r.status !== 'error') continue;
    out.push('', `### ${ICON[r.status]} ${inline(name)}`, '', diagnosisMarkdown(r, { transcripts }));
  }
  if (result.run.notes.length > 0) out.push('', '**Notes**', '', ...result.run.notes.map((n) => `- ${inline(n)}`));
  return `${out.join('\n')}\n`;
}
