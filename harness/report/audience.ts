/**
 * Who reads a report. The instructor sees every check in full. A student sees the hidden checks
 * of a role only together, as one `hidden` entry after the visible checks: how many passed and
 * the points they earned in all, never a hidden check's id, title, diagnosis, position or
 * weight; a visible check that names a hidden one (in its message, evidence or reproduce line)
 * names "a hidden check" instead. Every reporter renders the view, so every format shows the
 * same checks and the same score.
 */
import { roleNotGiven, sumPoints, type CheckResult, type GradeResult, type Role } from '../model/result.js';

/** The reader of a report: `sockgrade grade` defaults to the instructor, `sockgrade check` to the student. */
export type Audience = 'student' | 'instructor';

/** The audiences, for validating `--audience`. */
export const AUDIENCES: readonly Audience[] = ['student', 'instructor'];

/** The id under which a student sees the hidden checks of a role. */
export const HIDDEN_ID = 'hidden';

/** The message a student reads for the hidden checks of a role. */
export function hiddenMessage(status: CheckResult['status'], passed: number, judged: number): string {
  switch (status) {
    case 'fail':
      return `hidden checks: ${passed} of ${judged} passed`;
    case 'error':
      return "hidden checks: sockgrade itself failed in one (not your submission's fault)";
    case 'skip':
      return 'hidden checks skipped';
    case 'pass':
      return '';
  }
}

function statusOf(checks: readonly CheckResult[]): CheckResult['status'] {
  for (const s of ['error', 'fail', 'pass'] as const) if (checks.some((c) => c.status === s)) return s;
  return 'skip';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function scrub<T>(value: T, pattern: RegExp): T {
  if (typeof value === 'string') return value.replace(pattern, 'a hidden check') as T;
  if (Array.isArray(value)) return value.map((v: unknown) => scrub(v, pattern)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrub(v, pattern);
    return out as T;
  }
  return value;
}

/** Renders results for one audience. */
export class AudienceView {
  private readonly hiddenIds: Set<string>;
  private readonly pattern: RegExp | undefined;

  /**
   * `hiddenChecks`: role and id of every hidden check of the exercise; `visibleIds`: the ids of
   * its visible checks (an id hidden for one role but visible for the other is public anyway).
   */
  constructor(
    readonly audience: Audience,
    hiddenChecks: readonly { role: string; id: string }[],
    visibleIds: readonly string[] = [],
  ) {
    this.hiddenIds = new Set(hiddenChecks.map((c) => c.id).filter((id) => !visibleIds.includes(id)));
    const ids = [...this.hiddenIds].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.pattern = ids.length > 0 ? new RegExp(`(?<![\\w.-])(?:${ids.join('|')})(?![\\w-])`, 'g') : undefined;
  }

  private hides(r: CheckResult): boolean {
    return this.audience === 'student' && r.visibility === 'hidden';
  }

  /**
   * One check as this audience sees it while the run goes on: a hidden one is not shown (it is
   * counted in its role's `hidden` entry of the whole result); a visible one names no hidden check.
   */
  check(r: CheckResult): CheckResult | undefined {
    if (this.audience === 'instructor') return r;
    if (this.hides(r)) return undefined;
    return this.pattern ? scrub(r, this.pattern) : r;
  }

  /** A whole result as this audience sees it (score unchanged). */
  result(result: GradeResult): GradeResult {
    if (this.audience === 'instructor') return result;
    const visible = result.checks.filter((c) => !this.hides(c)).map((c) => this.check(c) as CheckResult);
    const entries: CheckResult[] = [];
    for (const role of ['server', 'client'] as Role[]) {
      const hidden = result.checks.filter((c) => c.role === role && this.hides(c));
      if (hidden.length === 0) continue;
      const status = statusOf(hidden);
      const judged = hidden.filter((c) => c.status !== 'skip');
      const notGiven = hidden.every((c) => c.status === 'skip' && c.message === roleNotGiven(role));
      entries.push({
        id: HIDDEN_ID,
        title: 'hidden checks',
        role,
        status,
        points: sumPoints(hidden.map((c) => c.points)),
        maxPoints: sumPoints(hidden.map((c) => c.maxPoints)),
        durationMs: Math.max(0, ...hidden.map((c) => c.durationMs)),
        message: notGiven ? roleNotGiven(role) : hiddenMessage(status, judged.filter((c) => c.status === 'pass').length, judged.length),
        evidence: {},
        visibility: 'hidden',
      });
    }
    const notes = this.pattern ? scrub(result.run.notes, this.pattern) : result.run.notes;
    return { ...result, checks: [...visible, ...entries], run: { ...result.run, notes } };
  }
}
