/**
 * Gradescope's `results.json` (the autograder specification): the score, and one test per check
 * with its points, passed/failed status, diagnosis in Markdown, visibility and tags. A hidden
 * check is a `hidden` test, which Gradescope shows to instructors only; the submission-wide
 * output, visible to students, says how many hidden checks passed.
 */
import { roleNotGiven, type CheckResult, type GradeResult, type Visibility } from '../model/result.js';
import { testNames } from './names.js';
import { diagnosisMarkdown, inline } from './markdown.js';

/** One test of Gradescope's results. */
export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  status?: 'passed' | 'failed';
  output: string;
  output_format: 'md';
  visibility: Visibility;
  tags: string[];
  extra_data: { check: string; role: string; status: CheckResult['status']; duration_ms: number };
}

/** Gradescope's results.json. */
export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  output_format: 'md';
  test_output_format: 'md';
  tests: GradescopeTest[];
  extra_data: { exercise: string; seed: number; params: GradeResult['params'] };
}

function testOutput(r: CheckResult): string {
  if (r.status === 'fail' || r.status === 'error') return diagnosisMarkdown(r, { transcripts: 'block' });
  if (r.status === 'skip') return `skipped: ${inline(r.message)}`;
  return (r.evidence.notes ?? []).map((n) => `- ${inline(n)}`).join('\n');
}

/** The submission-wide summary: score, counts, hidden checks, the seed and the run's notes. */
export function gradescopeSummary(result: GradeResult): string {
  const count = (s: CheckResult['status']): number => result.checks.filter((c) => c.status === s).length;
  const lines = [`**${inline(result.exercise)}**: ${result.score}/${result.maxScore} points · ${count('pass')} passed, ${count('fail')} failed${count('error') ? `, ${count('error')} harness errors` : ''} · seed ${result.run.seed}`];
  const hidden = result.checks.filter((c) => c.visibility === 'hidden' && c.status !== 'skip');
  if (hidden.length > 0) lines.push('', `hidden checks: ${hidden.filter((c) => c.status === 'pass').length} of ${hidden.length} passed`);
  if (result.run.notes.length > 0) lines.push('', ...result.run.notes.map((n) => `- ${inline(n)}`));
  return lines.join('\n');
}

/** The result as Gradescope's results.json object. */
export function gradescopeResults(result: GradeResult): GradescopeResults {
  const names = testNames(result.checks);
  const tests: GradescopeTest[] = [];
  result.checks.forEach((r, i) => {
    if (r.status === 'skip' && r.message === roleNotGiven(r.role)) return;
    tests.push({
      name: names[i] as string,
      score: r.points,
      max_score: r.maxPoints,
      ...(r.status === 'pass' ? { status: 'passed' as const } : r.status === 'skip' ? {} : { status: 'failed' as const }),
      output: testOutput(r),
      output_format: 'md',
      visibility: r.visibility ?? 'visible',
      tags: [r.role, r.id.split('.')[0] as string],
      extra_data: { check: r.id, role: r.role, status: r.status, duration_ms: r.durationMs },
    });
  });
  return {
    score: result.score,
    execution_time: Math.round(result.run.durationMs / 1000),
    output: gradescopeSummary(result),
    output_format: 'md',
    test_output_format: 'md',
    tests,
    extra_data: { exercise: result.exercise, seed: result.run.seed, params: result.params },
  };
}

/** results.json text. */
export function renderGradescope(result: GradeResult): string {
  return `${JSON.stringify(gradescopeResults(result), null, 2)}\n`;
}
