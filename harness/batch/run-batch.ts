/**
 * Grading a class: each student's submission is graded by a separate `sockgrade grade` process
 * (hermetic where the system allows), several at once, so a submission that breaks or hangs the
 * grader costs only its own result. Each result is kept as soon as it is known.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Exercise } from '../model/exercise.js';
import type { GradeResult } from '../model/result.js';
import { shellQuote } from '../engine/settings.js';
import { MANIFEST_NAME, readManifest } from '../cli/manifest.js';
import { UsageError } from '../model/failure.js';
import { formatMs } from '../util/deadline.js';
import type { BatchProgress } from './progress.js';
import { readRecord, writeRecord, type StudentRecord } from './records.js';
import type { Student } from './roster.js';
import { interruptExitCode, onInterrupt } from '../engine/interrupt.js';
import { removeTree } from '../util/remove-tree.js';

/** How to grade the class. */
export interface BatchPlan {
  exercise: Exercise;
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

const LOG_CAP = 256 * 1024;

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
  const t0 = performance.now();
  const args = gradeArgsFor(plan, student);
  if (!Array.isArray(args)) return { student: student.name, status: 'error', error: args.error, durationMs: 0 };
  const tmp = mkdtempSync(join(tmpdir(), 'sockgrade-batch-'));
  const jsonFile = join(tmp, 'result.json');
  try {
    const child = spawn(process.execPath, [plan.cli, ...args, '--json', jsonFile], {
      cwd: student.dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let log = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      if (log.length < LOG_CAP) log += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < LOG_CAP) err += d.toString('utf8');
    });
    let timedOut = false;
    const signalGroup = (sig: NodeJS.Signals): void => {
      try {
        process.kill(-(child.pid as number), sig);
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      signalGroup('SIGKILL');
    }, plan.studentTimeoutMs);
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.on('error', () => resolve({ code: null, signal: null }));
      child.on('close', (c, s) => resolve({ code: c, signal: s }));
    });
    const forget = onInterrupt('processes', async () => {
      signalGroup('SIGTERM');
      const late = setTimeout(() => signalGroup('SIGKILL'), 3000);
      await closed;
      clearTimeout(late);
    });
    const { code, signal } = await closed;
    forget();
    clearTimeout(timer);
    const durationMs = Math.round(performance.now() - t0);
    if (timedOut) return { student: student.name, status: 'error', error: `grading did not end within ${formatMs(plan.studentTimeoutMs)} and was stopped`, log, durationMs };
    let result: GradeResult | undefined;
    try {
      result = JSON.parse(readFileSync(jsonFile, 'utf8')) as GradeResult;
    } catch {
      result = undefined;
    }
    if (result) return { student: student.name, status: 'graded', result, log, durationMs };
    const first = err.trim().split('\n')[0]?.replace(/^sockgrade: /, '');
    const killed = signal !== null || (code !== null && code > 128) || first === 'Killed';
    const ended = signal ? `was killed by ${signal}` : killed ? `was killed (exit code ${code ?? 'unknown'})` : `exited with code ${code ?? 'unknown'}`;
    const reason = killed ? `the grader ${ended} before it wrote a result: the submission may kill processes that are not its own` : first || `the grader ${ended} and wrote no result`;
    return { student: student.name, status: 'error', error: reason, log: `${log}${err}`, durationMs };
  } finally {
    await removeTree(tmp);
  }
}
