/**
 * Grading a class: each student's submission is graded by a separate `sockgrade grade` process
 * (hermetic where the system allows), several at once, so a submission that breaks or hangs the
 * grader costs only its own result. Each result is kept as soon as it is known.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Exercise } from '../model/exercise.js';
import { shellQuote } from '../engine/settings.js';
import { MANIFEST_NAME, readManifest } from '../cli/manifest.js';
import { UsageError } from '../model/failure.js';
import { formatMs } from '../util/deadline.js';
import type { BatchProgress } from './progress.js';
import { childFailure, gradeInChild } from './grade-child.js';
import type { NamespaceSupport } from '../isolation/namespace.js';
import { readRecord, writeRecord, type StudentRecord } from './records.js';
import type { Student } from './roster.js';
import { interruptExitCode } from '../engine/interrupt.js';

/** How to grade the class. */
export interface BatchPlan {
  exercise: Exercise;
  /** Namespaces each student is graded in (one run of its own each), when the batch is hermetic. */
  namespace?: NamespaceSupport;
  students: readonly Student[];
  /** Command templates; `{dir}` is the student's folder. A role the student's manifest declares uses the manifest's command instead. */
  server?: string;
  client?: string;
  /** Extra `grade` arguments for every student (`--param`, `--only`, `--isolation`, `--seed`…). */
  gradeArgs: readonly string[];
  /** Folder for packet traces: each student's pcaps go into a sub-folder named after them. */
  trace?: string;
  jobs: number;
  resultsDir: string;
  force: boolean;
  /** Wall-clock limit for one student's grading. */
  studentTimeoutMs: number;
  /** Path of the CLI's main.js. */
  cli: string;
  /** Says something about the batch in one line (e.g. a kept record that is graded again). */
  warn?: (line: string) => void;
  progress: BatchProgress;
}

/** Grades every student of the plan (reusing kept results unless `force`); resolves with every record, in roster order. */
export async function runBatch(plan: BatchPlan): Promise<StudentRecord[]> {
  mkdirSync(plan.resultsDir, { recursive: true, mode: 0o700 });
  const records = new Map<string, StudentRecord>();
  const todo: Student[] = [];
  for (const s of plan.students) {
    const distrust = (why: string): void => plan.warn?.(`the kept record of ${s.name} cannot be trusted (${why}): graded again`);
    const kept = plan.force ? undefined : readRecord(plan.resultsDir, s.name, plan.exercise, distrust);
    if (kept) records.set(s.name, kept);
    else todo.push(s);
  }
  plan.progress.start(plan.students.length, records.size);
  for (const r of records.values()) plan.progress.done(r, true);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const student = todo[next++] as Student;
      const record = await gradeStudent(plan, student);
      if (interruptExitCode() !== undefined) return;
      writeRecord(plan.resultsDir, record);
      records.set(student.name, record);
      plan.progress.done(record, false);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(plan.jobs, todo.length)) }, worker));
  plan.progress.end();
  return plan.students.map((s) => records.get(s.name) as StudentRecord);
}

/** The `grade` arguments for one student, or the reason they cannot be graded. */
export function gradeArgsFor(plan: Pick<BatchPlan, 'exercise' | 'server' | 'client' | 'gradeArgs' | 'trace'>, student: Student): string[] | { error: string } {
  const args = ['grade', plan.exercise.id];
  const manifestPath = join(student.dir, MANIFEST_NAME);
  const hasManifest = existsSync(manifestPath);
  const declared = new Set<string>();
  if (hasManifest) {
    try {
      const m = readManifest(manifestPath);
      if (m.exercise !== undefined && m.exercise !== plan.exercise.id) return { error: `${MANIFEST_NAME} says exercise "${m.exercise}", but the batch grades ${plan.exercise.id}` };
      if (m.server !== undefined) declared.add('server');
      if (m.client !== undefined) declared.add('client');
    } catch (err) {
      return { error: err instanceof UsageError ? err.message : String(err) };
    }
    args.push('--manifest', manifestPath);
  }
  for (const role of ['server', 'client'] as const) {
    const template = plan[role];
    if (template !== undefined && !declared.has(role)) args.push(`--${role}`, template.replaceAll('{dir}', shellQuote(student.dir)));
  }
  if (!hasManifest && plan.server === undefined && plan.client === undefined) {
    return { error: `no command to run: the folder has no ${MANIFEST_NAME}, and no --server/--client template was given` };
  }
  args.push(...plan.gradeArgs);
  if (plan.trace !== undefined) args.push('--trace', join(plan.trace, student.name));
  return args;
}

async function gradeStudent(plan: BatchPlan, student: Student): Promise<StudentRecord> {
  const args = gradeArgsFor(plan, student);
  if (!Array.isArray(args)) return { student: student.name, status: 'error', error: args.error, durationMs: 0 };
  const run = await gradeInChild({ cli: plan.cli, args, cwd: student.dir, timeoutMs: plan.studentTimeoutMs, ...(plan.namespace ? { namespace: plan.namespace } : {}) });
  const { durationMs, stdout: log } = run;
  if (run.timedOut) return { student: student.name, status: 'error', error: `grading did not end within ${formatMs(plan.studentTimeoutMs)} and was stopped`, log, durationMs };
  if (run.result) return { student: student.name, status: 'graded', result: run.result, log, durationMs };
  return { student: student.name, status: 'error', error: childFailure(run), log: `${log}${run.stderr}`, durationMs };
}
