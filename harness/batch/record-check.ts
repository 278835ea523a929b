/**
 * Whether a kept record can be trusted. Records are written by sockgrade alone (in a folder
 * only its user can open, which the sandbox hides from submissions); this is the second line:
 * a record that was not written by a grading of this exercise, or was edited afterwards so
 * that its figures no longer agree, is refused by `merge` and graded again by a resumed batch.
 * A forgery that keeps every figure consistent is stopped by the first line, not by this.
 */
import type { Exercise } from '../model/exercise.js';
import { sumPoints, type CheckResult } from '../model/result.js';

const STATUSES = new Set(['pass', 'fail', 'skip', 'error']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pointsProblem(c: Record<string, unknown>): string | undefined {
  const { points, maxPoints, status } = c;
  if (typeof points !== 'number' || typeof maxPoints !== 'number' || !Number.isFinite(points) || !Number.isFinite(maxPoints)) return 'points that are not numbers';
  if (points < 0 || maxPoints < 0 || points > maxPoints) return `${String(points)} of ${String(maxPoints)} points`;
  if (status !== 'pass' && points !== 0) return `${String(points)} points for a check with status ${String(status)}`;
  if (status === 'pass' && points !== maxPoints) return `${String(points)} of ${String(maxPoints)} points for a passed check`;
  return undefined;
}

/** Why `check` cannot be a check result of `exercise` (id, role, status, points agreeing with its weight), or undefined. */
function checkProblem(check: unknown, exercise: Exercise | undefined): string | undefined {
  if (!isObject(check)) return 'a check that is not an object';
  const { id, role, status } = check;
  if (typeof id !== 'string' || (role !== 'server' && role !== 'client') || typeof status !== 'string' || !STATUSES.has(status)) return 'a check without a valid id, role or status';
  const bad = pointsProblem(check);
  if (bad) return `check ${id}: ${bad}`;
  if (!exercise) return undefined;
  const declared = exercise.checks.find((c) => c.id === id && c.role === role);
  if (!declared) return `check ${id} (${role}), which ${exercise.id} does not have`;
  if (status !== 'skip' && check.maxPoints !== declared.weight) return `check ${id} worth ${String(check.maxPoints)} points, but it weighs ${declared.weight}`;
  return undefined;
}

/**
 * Why `record` cannot be trusted as a record of `student` graded on `exercise`, or undefined
 * when it can. `exercise` is the exercise with the course's weights applied; when it is not
 * known (a merge of another exercise's shards), only the record's own consistency is checked.
 */
export function recordProblem(record: unknown, student: string | undefined, exerciseId: string | undefined, exercise?: Exercise): string | undefined {
  if (!isObject(record)) return 'it is not a record';
  if (typeof record.student !== 'string' || record.student === '') return 'it names no student';
  if (student !== undefined && record.student !== student) return `it is kept under ${student} but names ${record.student}`;
  if (record.status === 'error') return typeof record.error === 'string' ? undefined : 'an error record without its reason';
  if (record.status !== 'graded') return `its status is ${String(record.status)}`;
  const result = record.result;
  if (!isObject(result) || !Array.isArray(result.checks) || !isObject(result.run)) return 'a graded record without its result';
  if (exerciseId !== undefined && result.exercise !== exerciseId) return `it holds a result of ${String(result.exercise)}, not of ${exerciseId}`;
  const seen = new Set<string>();
  for (const c of result.checks as unknown[]) {
    const bad = checkProblem(c, exercise);
    if (bad) return `it has ${bad}`;
    const key = `${String((c as CheckResult).role)}:${String((c as CheckResult).id)}`;
    if (seen.has(key)) return `it has check ${key} twice`;
    seen.add(key);
  }
  const checks = result.checks as CheckResult[];
  if (result.score !== sumPoints(checks.map((c) => c.points))) return `its score ${String(result.score)} is not the sum of its checks' points`;
  if (result.maxScore !== sumPoints(checks.map((c) => c.maxPoints))) return `its maximum ${String(result.maxScore)} is not the sum of its checks' maxima`;
  return undefined;
}
