/**
 * The class's outputs: a gradebook CSV (one row per student, one column per check), the JSON of
 * every student's full result, and JUnit with one testsuite per student.
 */
import type { Exercise } from '../model/exercise.js';
import type { CheckResult } from '../model/result.js';
import { renderJunit } from '../report/junit.js';
import { scoreOf, type ClassReport, type StudentRecord } from './records.js';

/**
 * One CSV cell. A text that a spreadsheet would take for a formula (it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return, like a folder named `=HYPERLINK(...)`) gets a leading `'`, so
 * it is shown as text and never evaluated.
 */
export function csvField(value: string | number): string {
  const s = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function columnOf(c: Pick<CheckResult, 'role' | 'id'>): string {
  return `${c.role} ${c.id}`;
}

/**
 * The gradebook: student, score, max, status, then one column per check (`<role> <check id>`)
 * holding the points earned, or `skip`/`error`. Columns follow the exercise's check order and
 * hold the checks that were run (all of the exercise's when no student could be graded).
 */
export function renderGradebook(exercise: Exercise | undefined, students: readonly StudentRecord[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  const add = (col: string): void => {
    if (!seen.has(col)) {
      seen.add(col);
      columns.push(col);
    }
  };
  const present = new Set(students.flatMap((s) => (s.result?.checks ?? []).map(columnOf)));
  for (const c of exercise?.checks ?? []) if (present.size === 0 || present.has(columnOf(c))) add(columnOf(c));
  for (const col of present) add(col);
  const rows = [['student', 'score', 'max', 'status', ...columns].map(csvField).join(',')];
  for (const s of students) {
    const { score, max } = scoreOf(s);
    const byColumn = new Map((s.result?.checks ?? []).map((c) => [columnOf(c), c]));
    const cells = columns.map((col) => {
      const c = byColumn.get(col);
      if (!c) return '';
      return c.status === 'skip' ? 'skip' : c.status === 'error' ? 'error' : String(c.points);
    });
    const failed = s.result?.checks.some((c) => c.status === 'fail' || c.status === 'error');
    const status = s.status === 'error' ? `error: ${s.error ?? ''}` : failed ? 'failed' : 'passed';
    rows.push([s.student, score, max, status, ...cells].map(csvField).join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** The class report as JSON. */
export function renderClassJson(report: ClassReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '');
}

/**
 * JUnit for the class: one testsuite per student, named after the student, whose testcases'
 * classnames are prefixed with the student so CI systems keep every student's tests apart.
 * A student who could not be graded gets one testcase with an `<error>`.
 */
export async function renderClassJunit(exercise: string, students: readonly StudentRecord[]): Promise<string> {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let time = 0;
  for (const s of students) {
    if (!s.result) {
      tests += 1;
      errors += 1;
      const msg = escapeXml(s.error ?? 'could not be graded');
      suites.push(
        `  <testsuite name="${escapeXml(s.student)}" tests="1" failures="0" errors="1" skipped="0" time="${(s.durationMs / 1000).toFixed(3)}">\n` +
          `    <testcase classname="${escapeXml(`${s.student}.${exercise}`)}" name="grading" time="${(s.durationMs / 1000).toFixed(3)}">\n` +
          `      <error type="error" message="${msg}">${msg}</error>\n    </testcase>\n  </testsuite>`,
      );
      continue;
    }
    const xml = await renderJunit(s.result);
    const suite = /<testsuite[\s>][\s\S]*<\/testsuite>/.exec(xml)?.[0];
    if (!suite) continue;
    const renamed = suite
      .replace(/^<testsuite([^>]*?) name="[^"]*"/, `<testsuite$1 name="${escapeXml(s.student)}"`)
      .replace(/classname="([^"]*)"/g, (_m, c: string) => `classname="${escapeXml(s.student)}.${c}"`);
    suites.push(renamed);
    const checks = s.result.checks;
    tests += checks.filter((c) => c.status !== 'skip').length;
    failures += checks.filter((c) => c.status === 'fail').length;
    errors += checks.filter((c) => c.status === 'error').length;
    time += s.durationMs / 1000;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sockgrade ${escapeXml(exercise)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
