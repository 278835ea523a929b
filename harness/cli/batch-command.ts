/**
 * `sockgrade batch <dir>`: grade one sub-folder per student, several at once, and write the
 * class's gradebook CSV, JSON and JUnit. `sockgrade merge` joins the outputs of shards.
 */
import { existsSync, statSync } from 'node:fs';
import { checkOutputPaths, folderProblem, writeEach } from '../report/output-paths.js';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { openCourse, type Course } from './exercises.js';
import { UsageError } from '../model/failure.js';
import type { Exercise } from '../model/exercise.js';
import { parseShard, shardOf, studentsIn } from '../batch/roster.js';
import { runBatch } from '../batch/run-batch.js';
import { progressTo } from '../batch/progress.js';
import { readClassInputs, type ClassReport, type StudentRecord } from '../batch/records.js';
import { renderClassJson, renderClassJunit, renderGradebook } from '../batch/class-outputs.js';
import { namespaceSupport } from '../isolation/namespace.js';
import { sandboxPolicy } from '../sandbox/policy.js';
import { terminalSafe } from '../report/terminal-text.js';
import { interruptExitCode } from '../engine/interrupt.js';
import { defaultCheckJobs } from '../engine/settings.js';
import type { GradeResult } from '../model/result.js';
import type { Lang } from '../i18n/lang.js';
import { localizeText } from '../i18n/localize.js';
import { ui } from '../i18n/ui.js';
import { AUDIENCES, AudienceView, type Audience } from '../report/audience.js';
import { renderHtml } from '../report/html.js';
import { renderGradescope } from '../report/gradescope.js';
import { renderClassIndex, studentPageName } from '../report/class-index.js';

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
  /** Grade even without isolation, where submissions could reach each other's files and results. */
  unsafeNoIsolation?: boolean;
  /** Language of the HTML pages and of the closing lines. */
  lang?: Lang;
  /** A folder for one HTML page per student and the class's index.html. */
  html?: string;
  /** A folder for one Gradescope results.json per student (`DIR/<student>/results.json`). */
  gradescope?: string;
  /** Who reads the HTML and Gradescope reports (default instructor). */
  audience?: string;
  /** The course's own exercise folders (`--exercises DIR`). */
  exercises?: string[];
  /** Folder for packet traces, one sub-folder per student. */
  trace?: string;
}

/** Class outputs to write. */
interface Outputs {
  json?: string;
  junit?: string;
  csv?: string;
}

function checkOutputs(out: Outputs): void {
  checkOutputPaths([
    { flag: 'csv', file: out.csv },
    { flag: 'json', file: out.json },
    { flag: 'junit', file: out.junit },
  ]);
}

/** Writes the class outputs, each on its own; resolves with how many could not be written (each said on stderr). */
async function writeOutputs(out: Outputs, exercise: Exercise | undefined, exerciseId: string, students: StudentRecord[], shard?: string): Promise<number> {
  const report = (): ClassReport => ({ kind: 'sockgrade-class', exercise: exerciseId, generatedAt: new Date().toISOString(), ...(shard ? { shard } : {}), students });
  return writeEach(
    [
      ...(out.csv ? [{ flag: 'csv', file: out.csv, text: () => renderGradebook(exercise, students) }] : []),
      ...(out.json ? [{ flag: 'json', file: out.json, text: () => renderClassJson(report()) }] : []),
      ...(out.junit ? [{ flag: 'junit', file: out.junit, text: () => renderClassJunit(exerciseId, students) }] : []),
    ],
    warnLine,
  );
}

function warnLine(line: string): void {
  process.stderr.write(`sockgrade: ${terminalSafe(line)}\n`);
}

/**
 * Per-student pages and results: HTML (with the class's index) and Gradescope, each written on
 * its own; resolves with how many could not be written (each said on stderr).
 */
async function writeStudentReports(opts: BatchOptions, exercise: Exercise, students: readonly StudentRecord[]): Promise<number> {
  const audience = (opts.audience ?? 'instructor') as Audience;
  const lang = opts.lang ?? 'en';
  const viewOf = (result: GradeResult): GradeResult => new AudienceView(audience, result.checks.filter((c) => c.visibility === 'hidden')).result(result);
  const files: { flag: string; file: string; text: () => string | Promise<string> }[] = [];
  if (opts.html) {
    const dir = opts.html;
    for (const s of students) {
      const result = s.result;
      if (result) files.push({ flag: 'html', file: join(dir, studentPageName(s.student)), text: () => renderHtml(viewOf(result), lang, { exerciseTitle: exercise.title }) });
    }
    files.push({ flag: 'html', file: join(dir, 'index.html'), text: () => renderClassIndex(exercise.id, exercise.title, students, lang) });
  }
  if (opts.gradescope) {
    for (const s of students) {
      const result = s.result;
      files.push({
        flag: 'gradescope',
        file: join(opts.gradescope, s.student, 'results.json'),
        text: () => (result ? renderGradescope(viewOf(result)) : `${JSON.stringify({ score: 0, output: `sockgrade could not grade this submission: ${s.error ?? 'unknown reason'}` }, null, 2)}\n`),
      });
    }
  }
  return writeEach(files, warnLine);
}

/** The closing lines naming every student who could not be graded, and why (terminal-safe). */
function notGradedLines(students: readonly StudentRecord[], lang: Lang): string {
  const errors = students.filter((s) => s.status === 'error');
  if (errors.length === 0) return '';
  return terminalSafe(`${ui(lang).classIndex.notGradedList(errors.length)}\n${errors.map((s) => `  ${s.student}: ${localizeText(s.error ?? 'unknown reason', lang)}`).join('\n')}\n`);
}

/** Runs `sockgrade batch`; 0 when every submission was graded (whatever its score), 2 when some could not be. */
export async function batchCommand(opts: BatchOptions, stderr: NodeJS.WriteStream): Promise<number> {
  if (!opts.exercise) throw new UsageError('sockgrade batch needs --exercise <id> (run "sockgrade list")');
  if (opts.audience !== undefined && !(AUDIENCES as readonly string[]).includes(opts.audience)) throw new UsageError(`--audience expects ${AUDIENCES.join(' or ')}, got "${opts.audience}"`);
  for (const [flag, dir] of [['--html', opts.html], ['--gradescope', opts.gradescope]] as const) {
    if (dir !== undefined && (dir.trim() === '' || (existsSync(dir) && !statSync(dir).isDirectory()))) throw new UsageError(`${flag} takes a folder for one report per student, got "${dir}"`);
  }
  const exerciseDirs = (opts.exercises ?? []).map((d) => resolve(d));
  const course = await openCourse({ exerciseDirs, config: opts.config, cwd: process.cwd() }, opts.exercise);
  const exercise = course.exercises.get(opts.exercise);
  for (const role of ['server', 'client'] as const) {
    const t = opts[role];
    if (t !== undefined && !t.includes('{dir}')) throw new UsageError(`--${role} is a template run in every student's folder: write {dir} where the folder goes, e.g. --${role} "python3 {dir}/${role}.py {port}"`);
  }
  const jobs = opts.jobs === undefined ? Math.max(1, availableParallelism()) : Number(opts.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs expects a whole number from 1 to 64, got "${opts.jobs}"`);
  const timeoutS = opts.studentTimeout === undefined ? 900 : Number(opts.studentTimeout);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) throw new UsageError(`--student-timeout expects seconds, got "${opts.studentTimeout}"`);
  const shard = opts.shard !== undefined ? parseShard(opts.shard) : undefined;
  checkOutputs(opts);
  const resultsDir = resolve(opts.out ?? join('sockgrade-results', exercise.id));
  const badResults = folderProblem(resultsDir);
  if (badResults) throw new UsageError(`--out ${opts.out ?? resultsDir}: cannot keep results there, ${badResults}; choose another folder`);
  const all = studentsIn(resolve(opts.dir));
  const students = shard ? shardOf(all, shard) : all;
  const gradeArgs = [
    ...exerciseDirs.flatMap((d) => ['--exercises', d]),
    ...opts.param.flatMap((p) => ['--param', p]),
    ...opts.only.flatMap((o) => ['--only', o]),
    ...(opts.seed !== undefined ? ['--seed', opts.seed] : []),
    ...(opts.isolation !== undefined ? ['--isolation', opts.isolation] : []),
    ...(course.config ? ['--config', resolve(course.config.file)] : []),
  ];
  const support = namespaceSupport();
  const hermetic = opts.isolation !== 'off' && support.available;
  // Where namespaces are missing (not turned off), uids of their own per instance still keep programs from writing their classmates' files and results.
  const ownUids = opts.isolation !== 'off' && (await sandboxPolicy({ hermetic, off: false })).perCheckUid;
  if (!hermetic && !ownUids && opts.unsafeNoIsolation !== true) {
    const why = opts.isolation === 'off' ? '--isolation off was given' : (support.reason ?? 'isolation is not available here');
    throw new UsageError(`batch refuses to grade a class without isolation (${why}): a submission could read, change or forge its classmates' results; make isolation available (see "Hermetic runs" in the README) or, only for submissions you trust, add --unsafe-no-isolation`);
  }
  const ownPorts = [opts.server, opts.client].every((t) => t === undefined || t.includes('{port}'));
  const serialised = !hermetic && !ownPorts && jobs > 1;
  const effectiveJobs = serialised ? 1 : jobs;
  gradeArgs.push('--jobs', String(defaultCheckJobs(effectiveJobs)));
  if (serialised) {
    stderr.write(`isolation is off (${opts.isolation === 'off' ? '--isolation off' : (support.reason ?? 'not available')}): submissions that may hard-code the same port are graded one at a time; give {port} in the commands to grade ${jobs} at once\n`);
  }
  if (course.config) stderr.write(`${ui(opts.lang ?? 'en').courseConfig}: ${terminalSafe(course.config.file)}${course.config.course ? ` (${terminalSafe(course.config.course)})` : ''}\n`);
  const records = await runBatch({
    exercise,
    students,
    ...(hermetic ? { namespace: support } : {}),
    ...(opts.server !== undefined ? { server: opts.server } : {}),
    ...(opts.client !== undefined ? { client: opts.client } : {}),
    gradeArgs,
    ...(opts.trace !== undefined ? { trace: resolve(opts.trace) } : {}),
    jobs: effectiveJobs,
    resultsDir,
    force: opts.force,
    studentTimeoutMs: timeoutS * 1000,
    cli: join(dirname(fileURLToPath(import.meta.url)), 'main.js'),
    progress: progressTo(stderr, effectiveJobs, opts.lang ?? 'en'),
    warn: (line) => void stderr.write(`${terminalSafe(line)}\n`),
  });
  const stopped = interruptExitCode();
  if (stopped !== undefined) return stopped;
  const unwritten = (await writeOutputs(opts, exercise, exercise.id, records, shard ? `${shard.index}/${shard.count}` : undefined)) + (await writeStudentReports(opts, exercise, records));
  stderr.write(notGradedLines(records, opts.lang ?? 'en'));
  return unwritten > 0 || records.some((r) => r.status === 'error') ? 2 : 0;
}

/**
 * Runs `sockgrade merge`: joins class reports (or results folders) of shards into one set of
 * outputs, names the students who could not be graded, and exits 0 when the class is complete
 * (2 when a shard of the inputs' `i/n` is missing). The students not graded are listed in `lang`.
 */
export async function mergeCommand(inputs: string[], out: Outputs, stdout: NodeJS.WriteStream, course: Course, lang: Lang = 'en'): Promise<number> {
  if (inputs.length === 0) throw new UsageError('sockgrade merge needs the class reports to join: sockgrade merge shard-1.json shard-2.json --csv grades.csv');
  if (!out.json && !out.junit && !out.csv) throw new UsageError('sockgrade merge needs at least one of --csv FILE, --json FILE, --junit FILE');
  checkOutputs(out);
  const { exercise, students, duplicates, shards } = readClassInputs(inputs.map((p) => resolve(p)));
  const unwritten = await writeOutputs(out, course.exercises.find(exercise), exercise, students);
  stdout.write(`${ui(lang).classIndex.merged(students.length, terminalSafe(exercise), terminalSafe(duplicates.join(', ')))}\n`);
  process.stderr.write(notGradedLines(students, lang));
  const missing = missingShards(shards);
  if (missing.length > 0) {
    process.stderr.write(`sockgrade: ${ui(lang).classIndex.incomplete(missing.map(terminalSafe))}\n`);
    return 2;
  }
  return unwritten > 0 ? 2 : 0;
}

/** Shards `i/n` missing from a set of shard labels (none when the inputs were not sharded). */
export function missingShards(shards: readonly string[]): string[] {
  const counts = new Set(shards.map((s) => Number(s.split('/')[1])));
  const have = new Set(shards);
  return [...counts].flatMap((n) => Array.from({ length: n }, (_, i) => `${i + 1}/${n}`)).filter((s) => !have.has(s));
}
