/**
 * Who reads a report. The instructor sees every check in full; a student sees a hidden check
 * only as "hidden check" with its verdict and points: no id, title, diagnosis or evidence.
 * Every reporter renders the view, so every format shows the same checks and the same score.
 */
import { roleNotGiven, type CheckResult, type GradeResult } from '../model/result.js';

/** The reader of a report: `sockgrade grade` defaults to the instructor, `sockgrade check` to the student. */
export type Audience = 'student' | 'instructor';

/** The audiences, for validating `--audience`. */
export const AUDIENCES: readonly Audience[] = ['student', 'instructor'];

/** The message a student reads for a hidden check. */
export function hiddenMessage(status: CheckResult['status']): string {
  switch (status) {
    case 'fail':
      return 'hidden check failed';
    case 'error':
      return "hidden check: sockgrade itself failed in it (not your submission's fault)";
    case 'skip':
      return 'hidden check skipped';
    case 'pass':
      return '';
  }
}

/**
 * Renders results for one audience. Hidden checks are numbered in the order the exercise
 * declares them (`hidden.1`, `hidden.2`…), so a check keeps its number from run to run.
 */
export class AudienceView {
  private readonly numbers = new Map<string, number>();

  /** `hiddenChecks`: role and id of every hidden check of the exercise, in declaration order. */
  constructor(
    readonly audience: Audience,
    hiddenChecks: readonly { role: string; id: string }[],
  ) {
    hiddenChecks.forEach((c, i) => this.numbers.set(`${c.role}:${c.id}`, i + 1));
  }

  /** One check as this audience sees it. */
  check(r: CheckResult): CheckResult {
    if (this.audience === 'instructor' || r.visibility !== 'hidden') return r;
    const n = this.numbers.get(`${r.role}:${r.id}`) ?? 0;
    const message = r.status === 'skip' && r.message === roleNotGiven(r.role) ? r.message : hiddenMessage(r.status);
    return { id: `hidden.${n}`, title: 'hidden check', role: r.role, status: r.status, points: r.points, maxPoints: r.maxPoints, durationMs: r.durationMs, message, evidence: {}, visibility: 'hidden' };
  }

  /** A whole result as this audience sees it (score and counts unchanged). */
  result(result: GradeResult): GradeResult {
    return this.audience === 'instructor' ? result : { ...result, checks: result.checks.map((c) => this.check(c)) };
  }
}
