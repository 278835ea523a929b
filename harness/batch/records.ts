/**
 * What a batch keeps per student, and the class report made of them. A record is written once
 * the student is graded, so a batch that is run again skips what is done.
 */
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GradeResult } from '../model/result.js';
import type { Exercise } from '../model/exercise.js';
import { UsageError } from '../model/failure.js';
import { recordProblem } from './record-check.js';

/** One student's outcome: graded (with the full result) or an error that kept them from being graded. */
export interface StudentRecord {
  student: string;
  status: 'graded' | 'error';
  result?: GradeResult;
  /** Why the student could not be graded (status error). */
  error?: string;
  /** The console report of the run (what the student would have seen). */
  log?: string;
  durationMs: number;
}

/** The JSON a batch or a merge writes: every student's full result. */
export interface ClassReport {
  kind: 'sockgrade-class';
  exercise: string;
  generatedAt: string;
  shard?: string;
  students: StudentRecord[];
}

/** File name of a student's record in the results folder. */
export function recordFile(resultsDir: string, student: string): string {
  return join(resultsDir, `${encodeURIComponent(student)}.json`);
}

/**
 * Reads a student's kept record of `exercise` (with the course's weights applied), or undefined
 * when there is none, it is unreadable, or it cannot be trusted (then `distrust` hears why):
 * in every such case the student is graded again.
 */
export function readRecord(resultsDir: string, student: string, exercise?: Exercise, distrust?: (reason: string) => void): StudentRecord | undefined {
  let r: unknown;
  try {
    r = JSON.parse(readFileSync(recordFile(resultsDir, student), 'utf8'));
  } catch {
    return undefined;
  }
  const problem = recordProblem(r, student, exercise?.id, exercise);
  if (problem) distrust?.(problem);
  return problem ? undefined : (r as StudentRecord);
}

/** Writes a record atomically (a half-written file is never taken for a result), readable by this user only. */
export function writeRecord(resultsDir: string, record: StudentRecord): void {
  const file = recordFile(resultsDir, record.student);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

/** Score and maximum of a record (0 of the exercise's maximum when it errored). */
export function scoreOf(r: StudentRecord): { score: number; max: number } {
  return r.result ? { score: r.result.score, max: r.result.maxScore } : { score: 0, max: 0 };
}

/**
 * Reads class reports (batch `--json` outputs) or results folders and joins them; a student found
 * twice keeps the later entry. Every problem is a {@link UsageError} naming the file.
 */
export function readClassInputs(paths: readonly string[]): { exercise: string; students: StudentRecord[]; duplicates: string[]; shards: string[] } {
  const byName = new Map<string, StudentRecord>();
  const shards: string[] = [];
  const duplicates: string[] = [];
  let exercise: string | undefined;
  const claim = (ex: string | undefined, from: string): void => {
    if (ex && exercise && ex !== exercise) throw new UsageError(`${from} holds results of exercise ${ex}, the others are of ${exercise}: merge one exercise at a time`);
    if (ex) exercise = ex;
  };
  const add = (r: StudentRecord, from: string): void => {
    const problem = recordProblem(r, undefined, exercise);
    if (problem) throw new UsageError(`${from}: the record of ${String(r.student)} cannot be trusted (${problem}); grade that student again or leave the file out`);
    claim(r.result?.exercise, from);
    if (byName.has(r.student)) duplicates.push(r.student);
    byName.set(r.student, r);
  };
  for (const path of paths) {
    let entries: string[] | undefined;
    try {
      entries = readdirSync(path).filter((f) => f.endsWith('.json'));
    } catch {
      entries = undefined;
    }
    if (entries) {
      for (const f of entries.sort()) {
        let r: StudentRecord;
        try {
          r = JSON.parse(readFileSync(join(path, f), 'utf8')) as StudentRecord;
        } catch (err) {
          throw new UsageError(`${join(path, f)} is not a readable record (${(err as Error).message.split('\n')[0]}): leave it out or grade that student again`);
        }
        if (typeof r.student !== 'string' || f !== `${encodeURIComponent(r.student)}.json`) throw new UsageError(`${join(path, f)} does not hold the record of the student it is named after: leave it out or grade that student again`);
        add(r, join(path, f));
      }
      continue;
    }
    let report: ClassReport;
    try {
      report = JSON.parse(readFileSync(path, 'utf8')) as ClassReport;
    } catch (err) {
      throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (err as Error).message}`);
    }
    if (report.kind !== 'sockgrade-class' || !Array.isArray(report.students)) throw new UsageError(`${path} is not a class report written by "sockgrade batch --json" (or a results folder)`);
    claim(report.exercise, path);
    if (report.shard) shards.push(report.shard);
    for (const r of report.students) add(r, path);
  }
  if (!exercise) throw new UsageError('nothing to merge: the inputs hold no graded student');
  sameWeights([...byName.values()]);
  const students = [...byName.values()].sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0));
  return { exercise, students, duplicates, shards };
}

/** Refuses records that disagree on what a check is worth: every student is graded out of the same maximum. */
function sameWeights(records: readonly StudentRecord[]): void {
  const worth = new Map<string, { points: number; student: string }>();
  for (const r of records) {
    for (const c of r.result?.checks ?? []) {
      if (c.status === 'skip') continue;
      const key = `${c.role} ${c.id}`;
      const first = worth.get(key);
      if (!first) worth.set(key, { points: c.maxPoints, student: r.student });
      else if (first.points !== c.maxPoints) {
        throw new UsageError(`the records of ${first.student} and ${r.student} give check ${key} different weights (${first.points} and ${c.maxPoints}): they were not graded alike, or one was edited; grade them again with the same course config`);
      }
    }
  }
}
