/**
 * `sockgrade batch <dir>`: grade one sub-folder per student, several at once, and write the
 * class's gradebook CSV, JSON and JUnit. `sockgrade merge` joins the outputs of shards.
 */
import { existsSync } from 'node:fs';
import { writeOut } from '../report/outputs.js';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { findExercise } from '../../exercises/index.js';
import { UsageError } from '../model/failure.js';
import type { Exercise } from '../model/exercise.js';
import { parseShard, shardOf, studentsIn } from '../batch/roster.js';
import { runBatch } from '../batch/run-batch.js';
import { progressTo } from '../batch/progress.js';
import { readClassInputs, type ClassReport, type StudentRecord } from '../batch/records.js';
import { renderClassJson, renderClassJunit, renderGradebook } from '../batch/class-outputs.js';
import { namespaceSupport } from '../isolation/namespace.js';

/** Options of `sockgrade batch` after parsing. */
export interface BatchOptions {
  dir: string;
  exercise?: string;
  server?: string;
  client?: string;
  jobs?: string;
  shard?: string;
  json?: string;
  junit?: string;
  csv?: string;
  out?: string;
  force: boolean;
  param: string[];
  only: string[];
  seed?: string;
  isolation?: string;
  studentTimeout?: string;
  /** The course config (`sockgrade.config.json`) every student is graded with. */
  config?: string;
  /** Folder for packet traces, one sub-folder per student. */
  trace?: string;
}

/** Class outputs to write. */
interface Outputs {
  json?: string;
  junit?: string;
  csv?: string;
}

async function writeOutputs(out: Outputs, exercise: Exercise | undefined, exerciseId: string, students: StudentRecord[], shard?: string): Promise<void> {
  for (const f of [out.json, out.junit, out.csv]) if (f !== undefined && f.trim() === '') throw new UsageError('an output file name is empty');
  if (out.csv) await writeOut(out.csv, renderGradebook(exercise, students));
  if (out.json) {
    const report: ClassReport = { kind: 'sockgrade-class', exercise: exerciseId, generatedAt: new Date().toISOString(), ...(shard ? { shard } : {}), students };
    await writeOut(out.json, renderClassJson(report));
  }
  if (out.junit) await writeOut(out.junit, await renderClassJunit(exerciseId, students));
}

/** Runs `sockgrade batch`; 0 when every submission was graded (whatever its score), 2 when some could not be. */
export async function batchCommand(opts: BatchOptions, stderr: NodeJS.WriteStream): Promise<number> {
  if (!opts.exercise) throw new UsageError('sockgrade batch needs --exercise <id> (run "sockgrade list")');
  const exercise = findExercise(opts.exercise);
  if (!exercise) throw new UsageError(`unknown exercise "${opts.exercise}": run "sockgrade list" to see the exercises`);
  for (const role of ['server', 'client'] as const) {
    const t = opts[role];
    if (t !== undefined && !t.includes('{dir}')) throw new UsageError(`--${role} is a template run in every student's folder: write {dir} where the folder goes, e.g. --${role} "python3 {dir}/${role}.py {port}"`);
  }
  const jobs = opts.jobs === undefined ? Math.max(1, availableParallelism()) : Number(opts.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs expects a whole number from 1 to 64, got "${opts.jobs}"`);
  const timeoutS = opts.studentTimeout === undefined ? 900 : Number(opts.studentTimeout);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) throw new UsageError(`--student-timeout expects seconds, got "${opts.studentTimeout}"`);
  const shard = opts.shard !== undefined ? parseShard(opts.shard) : undefined;
  const all = studentsIn(resolve(opts.dir));
  const students = shard ? shardOf(all, shard) : all;
  const gradeArgs = [
    ...opts.param.flatMap((p) => ['--param', p]),
    ...opts.only.flatMap((o) => ['--only', o]),
    ...(opts.seed !== undefined ? ['--seed', opts.seed] : []),
    ...(opts.isolation !== undefined ? ['--isolation', opts.isolation] : []),
    ...(opts.config !== undefined ? ['--config', resolve(opts.config)] : existsSync('sockgrade.config.json') ? ['--config', resolve('sockgrade.config.json')] : []),
  ];
  const support = namespaceSupport();
  const hermetic = opts.isolation !== 'off' && support.available;
  const ownPorts = [opts.server, opts.client].every((t) => t === undefined || t.includes('{port}'));
  const serialised = !hermetic && !ownPorts && jobs > 1;
  const effectiveJobs = serialised ? 1 : jobs;
  if (serialised) {
    stderr.write(`isolation is off (${opts.isolation === 'off' ? '--isolation off' : (support.reason ?? 'not available')}): submissions that may hard-code the same port are graded one at a time; give {port} in the commands to grade ${jobs} at once\n`);
  }
  const records = await runBatch({
    exercise,
    students,
    ...(opts.server !== undefined ? { server: opts.server } : {}),
    ...(opts.client !== undefined ? { client: opts.client } : {}),
    gradeArgs,
    ...(opts.trace !== undefined ? { trace: resolve(opts.trace) } : {}),
    jobs: effectiveJobs,
    resultsDir: resolve(opts.out ?? join('sockgrade-results', exercise.id)),
    force: opts.force,
    studentTimeoutMs: timeoutS * 1000,
    cli: join(dirname(fileURLToPath(import.meta.url)), 'main.js'),
    progress: progressTo(stderr, effectiveJobs),
  });
  await writeOutputs(opts, exercise, exercise.id, records, shard ? `${shard.index}/${shard.count}` : undefined);
  return records.some((r) => r.status === 'error') ? 2 : 0;
}

/** Runs `sockgrade merge`: joins class reports (or results folders) of shards into one set of outputs. */
export async function mergeCommand(inputs: string[], out: Outputs, stdout: NodeJS.WriteStream): Promise<number> {
  if (inputs.length === 0) throw new UsageError('sockgrade merge needs the class reports to join: sockgrade merge shard-1.json shard-2.json --csv grades.csv');
  if (!out.json && !out.junit && !out.csv) throw new UsageError('sockgrade merge needs at least one of --csv FILE, --json FILE, --junit FILE');
  const { exercise, students, duplicates } = readClassInputs(inputs.map((p) => resolve(p)));
  await writeOutputs(out, findExercise(exercise), exercise, students);
  stdout.write(`merged ${students.length} students of ${exercise}${duplicates.length ? ` (found twice, the later kept: ${duplicates.join(', ')})` : ''}\n`);
  return students.some((r) => r.status === 'error') ? 2 : 0;
}
