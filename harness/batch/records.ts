/**
 * What a batch keeps per student, and the class report made of them. A record is written once
 * the student is graded, so a batch that is run again skips what is done.
 */
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GradeResult } from '../model/result.js';
import { UsageError } from '../model/failure.js';

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

/** Reads a student's record, or undefined when there is none (or it is unreadable: then it is redone). */
export function readRecord(resultsDir: string, student: string): StudentRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(recordFile(resultsDir, student), 'utf8')) as StudentRecord;
    return r.student === student && (r.status === 'graded' || r.status === 'error') ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a record atomically (a half-written file is never taken for a result). */
export function writeRecord(resultsDir: string, record: StudentRecord): void {
  const file = recordFile(resultsDir, record.student);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`);
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
        const r = JSON.parse(readFileSync(join(path, f), 'utf8')) as StudentRecord;
        if (typeof r.student === 'string') add(r, join(path, f));
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
  const students = [...byName.values()].sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0));
  return { exercise, students, duplicates, shards };
}
