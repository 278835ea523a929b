/** TAP 14 rendering of a result: one test point per check, the diagnosis as YAML. */
import type { CheckResult, GradeResult } from '../model/result.js';

function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** One TAP test point for `r`, numbered `n`. */
export function tapTestPoint(r: CheckResult, n: number): string {
  const name = `${r.id}: ${r.title}`.replace(/#/g, '\\#');
  if (r.status === 'skip') return `ok ${n} - ${name} # SKIP ${r.message.replace(/\n/g, ' ')}`;
  if (r.status === 'pass') return [`ok ${n} - ${name} # time=${r.durationMs}ms`, ...(r.evidence.notes ?? []).map((note) => `# ${note.replace(/\n/g, ' ')}`)].join('\n');
  const lines = [`not ok ${n} - ${name} # time=${r.durationMs}ms`, '  ---', `  message: ${yamlString(diagnosisText(r))}`, `  severity: ${r.status === 'error' ? 'error' : 'fail'}`];
  lines.push(`  check: ${yamlString(r.id)}`, `  role: ${r.role}`, `  points: ${r.points}`, `  maxPoints: ${r.maxPoints}`);
  if (r.evidence.reproduce) lines.push(`  reproduce: ${yamlString(r.evidence.reproduce)}`);
  lines.push('  ...');
  return lines.join('\n');
}

/** The diagnosis as one block of text: message, expected/received, hint, program output. */
export function diagnosisText(r: CheckResult): string {
  const e = r.evidence;
  const parts = [r.message];
  if (e.expected) parts.push(`expected: ${e.expected}`);
  if (e.received) parts.push(`received: ${e.received}`);
  if (e.hint) parts.push(`hint: ${e.hint}`);
  if (e.programExit) parts.push(`the ${r.role} ended: ${e.programExit}`);
  if (e.programOutput) parts.push(`${r.role} output:\n${e.programOutput}`);
  if (e.stack) parts.push(e.stack);
  return parts.join('\n');
}

/** The whole result as a TAP 14 document; `comments: false` leaves out the summary comments. */
export function renderTap(result: GradeResult, opts: { comments?: boolean } = {}): string {
  const comments = opts.comments ?? true;
  const out = ['TAP version 14', `1..${result.checks.length}`];
  if (comments) out.push(`# sockgrade ${result.exercise} seed=${result.run.seed}`);
  result.checks.forEach((r, i) => out.push(tapTestPoint(r, i + 1)));
  const failed = result.checks.filter((c) => c.status === 'fail' || c.status === 'error').length;
  if (comments) out.push(`# score ${result.score}/${result.maxScore}`, `# ${result.checks.filter((c) => c.status === 'pass').length} passed, ${failed} failed, ${result.checks.filter((c) => c.status === 'skip').length} skipped`);
  return `${out.join('\n')}\n`;
}
