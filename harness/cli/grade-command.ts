/** `sockgrade grade`: grade one submission on one exercise and report it in every requested form. */
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { randomInt } from 'node:crypto';
import { UsageError } from '../model/failure.js';
import { resolveExerciseParams, rolesOf, type Exercise } from '../model/exercise.js';
import type { CheckResult, GradeResult, Role } from '../model/result.js';
import { grade } from '../engine/run.js';
import { defaultCheckJobs, type RunSettings } from '../engine/settings.js';
import { consoleCheckLine, consoleHeader, consoleSummary, type ConsoleSink } from '../report/console.js';
import { renderTap } from '../report/tap.js';
import { terminalSafe, terminalSafeDeep } from '../report/terminal-text.js';
import { interruptExitCode } from '../engine/interrupt.js';
import { prepareCommand } from './command-line.js';
import { readManifest } from './manifest.js';
import { applyCourse } from '../course/apply.js';
import { mergeEnv, onTopOfInherited } from '../course/program-env.js';
import { AUDIENCES, AudienceView, HIDDEN_ID, type Audience } from '../report/audience.js';
import { checkReportRequest, writeReports } from '../report/outputs.js';
import { writeEach } from '../report/output-paths.js';
import { watchLoop, watchedFolders } from './watch.js';
import { consoleChanges } from '../report/changes.js';
import { ui } from '../i18n/ui.js';
import { openCourse, type Course } from './exercises.js';
import { gradesInNamespace, insideDescription, insideNamespace, namespaceSupport } from '../isolation/namespace.js';
import { sandboxPolicy } from '../sandbox/policy.js';
import { enterableByOthers } from '../sandbox/staging.js';

/** Options of `sockgrade grade` after parsing. */
export interface GradeOptions {
  exercise: string;
  server?: string;
  client?: string;
  port?: string;
  host?: string;
  param: string[];
  only: string[];
  seed?: string;
  json?: string;
  junit?: string;
  tap: boolean;
  jobs?: string;
  startupTimeout?: string;
  replay?: string;
  /** A `sockgrade.json`: its commands and parameters are used where flags do not give them. */
  manifest?: string;
  /** Where to write the self-contained HTML report, in the report's language. */
  html?: string;
  /** `auto` (default: hermetic where the system allows), `on` (required), `off`. */
  isolation?: string;
  /** Where to write Gradescope's results.json. */
  gradescope?: string;
  /** GitHub Actions: job summary to `$GITHUB_STEP_SUMMARY`, `::error` annotations on stdout. */
  github?: boolean;
  /** The course config (`sockgrade.config.json`); else the one in the current folder, if any. */
  config?: string;
  /** Who reads the reports: `student` or `instructor` (the default of `grade`). */
  audience?: string;
  /** Print each failed check's transcripts on the console. */
  verbose?: boolean;
  /** Grade again whenever a file of the submission's folder changes. */
  watch?: boolean;
  /** The course's own exercise folders (`--exercises DIR`), loaded beside the built-ins. */
  exercises?: string[];
  /** Folder for the packets of each check, one pcap per check (`--trace`). */
  trace?: string;
}

function intOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} expects a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** Run settings plus what only the report shows: the course config in force. */
export type GradeSettings = RunSettings & { course?: { file: string; course?: string } };

/** Validates options into run settings against the course's exercises and config; every problem is a {@link UsageError}. */
export function settingsFrom(opts: GradeOptions, cwd: string, known: Course): GradeSettings {
  const manifest = opts.manifest !== undefined ? readManifest(opts.manifest, cwd) : undefined;
  const found = known.exercises.get(opts.exercise);
  const courseConfig = known.config;
  const course = courseConfig?.exercises[found.id];
  const env = onTopOfInherited(mergeEnv(mergeEnv(manifest?.env ?? {}, courseConfig?.env ?? {}), course?.env ?? {}));
  const exercise = applyCourse(found, course);
  const roles = rolesOf(exercise);
  const commands: Partial<Record<Role, string>> = {};
  for (const role of ['server', 'client'] as const) {
    const fromFlag = opts[role];
    const cmd = fromFlag ?? manifest?.[role];
    if (cmd === undefined) continue;
    if (!roles.includes(role)) {
      if (fromFlag === undefined) continue;
      throw new UsageError(`exercise ${exercise.id} has no ${role} role (it grades: ${roles.join(', ')})`);
    }
    commands[role] = prepareCommand(role, cmd, fromFlag === undefined && manifest ? manifest.dir : cwd, env.PATH);
  }
  if (!commands.server && !commands.client) {
    throw new UsageError(`nothing to grade: give ${roles.map((r) => `--${r} "<command>"`).join(' and/or ')}`);
  }
  const only = opts.only.flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
  const unknown = only.filter((p) => !exercise.checks.some((c) => c.id.startsWith(p)));
  if (unknown.length > 0) throw new UsageError(`--only ${unknown.join(',')} matches no check of ${exercise.id} (its checks: ${[...new Set(exercise.checks.map((c) => c.id))].join(', ')})`);
  const port = intOption('port', opts.port, 1, 65535);
  const fromManifest = manifestParams(exercise, manifest?.params ?? []);
  const startup = opts.startupTimeout === undefined ? 10 : Number(opts.startupTimeout);
  if (!Number.isFinite(startup) || startup <= 0 || startup > 600) throw new UsageError(`--startup-timeout expects seconds between 0 and 600, got "${opts.startupTimeout}"`);
  return {
    exercise,
    params: resolveExerciseParams(exercise, [...fromManifest.used, ...(course?.params ?? []), ...opts.param]),
    ...(fromManifest.ignored.length > 0 ? { notes: [ignoredNote(fromManifest.ignored)] } : {}),
    ...(manifest ? { manifest: manifest.data, manifestPath: manifest.file } : {}),
    ...(courseConfig ? { course: { file: courseConfig.file, ...(courseConfig.course !== undefined ? { course: courseConfig.course } : {}) } } : {}),
    seed: intOption('seed', opts.seed, 0, 2 ** 31 - 1) ?? randomInt(1, 2 ** 31 - 1),
    commands,
    ...(port !== undefined ? { declaredPort: port } : {}),
    ...(Object.keys(env).length > 0 ? { env } : {}),
    ...(opts.host !== undefined ? { declaredHost: opts.host } : {}),
    only,
    tmpRoot: process.env.SOCKGRADE_TMPDIR ?? tmpdir(),
    startupMs: startup * 1000,
    outputCapBytes: 1024 * 1024,
    jobs: intOption('jobs', opts.jobs, 1, 64) ?? defaultCheckJobs(),
    ...(opts.replay !== undefined ? { replay: replayPath(opts.replay, opts.seed) } : {}),
    ...traceOf(opts.trace ?? courseConfig?.trace, cwd),
  };
}

/**
 * Splits a manifest's parameters into those a submission may declare (its own protocol, e.g.
 * the transport it chose) and those it may not: the course config and the grader's flags set
 * them, so a submission cannot weaken its own checks (e.g. `idle=0` to turn expulsion off).
 */
export function manifestParams(exercise: Exercise, params: readonly string[]): { used: string[]; ignored: string[] } {
  const used: string[] = [];
  const ignored: string[] = [];
  for (const p of params) {
    const key = p.slice(0, Math.max(0, p.indexOf('=')));
    (exercise.params[key]?.fromSubmission === true ? used : ignored).push(p);
  }
  return { used, ignored };
}

function ignoredNote(ignored: readonly string[]): string {
  return `sockgrade.json sets ${ignored.join(', ')}: ignored, a submission does not choose how it is graded (parameters come from the course config and --param)`;
}

function traceOf(dir: string | undefined, cwd: string): { trace?: string } {
  if (dir === undefined) return {};
  if (dir.trim() === '') throw new UsageError('--trace expects a folder for the pcap files, got an empty name');
  return { trace: resolve(cwd, dir) };
}

function replayPath(value: string, seed: string | undefined): string {
  if (!/^\d+(:\d+)*$/.test(value)) throw new UsageError(`--replay expects the path printed in a report, like 3:0:1, got "${value}"`);
  if (seed === undefined) throw new UsageError('--replay needs the --seed of the run that printed it');
  return value;
}

/** Decides how the run is isolated (the CLI has already re-run a grading that can be hermetic inside its namespaces). */
function isolationOf(mode: string | undefined): RunSettings['isolation'] {
  if (mode !== undefined && !['auto', 'on', 'off'].includes(mode)) throw new UsageError(`--isolation expects auto, on or off, got "${mode}"`);
  if (insideNamespace()) return { hermetic: true, description: insideDescription() };
  if (mode === 'off') return { hermetic: false, description: 'off (--isolation off: no namespaces and no sandbox, programs share this machine\'s network and see its processes and files, instances that share a fixed port run one at a time)' };
  if (gradesInNamespace(mode)) throw new Error('a grading that can be hermetic must be re-run inside its namespaces first (runInNamespace)');
  const support = namespaceSupport();
  if (mode === 'on') throw new UsageError(`--isolation on, but ${support.reason ?? 'namespaces are not available'}: use --isolation auto to grade without it`);
  return { hermetic: false, description: `${support.description}; instances that share a fixed port run one at a time` };
}

/** Runs `sockgrade grade`; returns the exit code. */
export async function gradeCommand(opts: GradeOptions, out: ConsoleSink): Promise<number> {
  const audience = audienceOf(opts.audience);
  checkReportRequest(opts);
  if (opts.watch && (opts.tap || opts.github)) throw new UsageError(`--watch shows its changes on the console: leave out ${opts.tap ? '--tap' : '--github'}`);
  const isolation = isolationOf(opts.isolation);
  // Probed while the exercise loads; a usage error found meanwhile waits for the probe to clean up after itself.
  const probed = sandboxPolicy({ hermetic: isolation?.hermetic === true, off: opts.isolation === 'off' });
  const checked = await openCourse({ exerciseDirs: opts.exercises ?? [], config: opts.config, cwd: process.cwd(), spanish: out.lang === 'es' }, opts.exercise)
    .then((course) => settingsFrom(opts, process.cwd(), course))
    .catch(async (err: unknown) => {
      await probed;
      throw err;
    });
  const sandbox = await probed;
  if (opts.isolation === 'on' && !sandbox.bubblewrap) throw new UsageError('--isolation on, but programs cannot be put in a bubblewrap sandbox here (install the bubblewrap package): use --isolation auto to grade without it');
  if (sandbox.perCheckUid && !enterableByOthers(checked.tmpRoot)) {
    throw new UsageError(`programs run as unprivileged uids of their own, which cannot pass through the scratch folder ${checked.tmpRoot}: let others pass through it and the folders above it (chmod o+x), or point SOCKGRADE_TMPDIR (or TMPDIR) to a folder they can`);
  }
  const settings: GradeSettings = { ...checked, isolation: { hermetic: isolation?.hermetic === true, description: `${isolation?.description ?? 'off'}; ${sandbox.description}` }, sandbox };
  for (const f of [opts.json, opts.junit, opts.html]) if (f !== undefined && f.trim() === '') throw new UsageError('an output file name is empty');
  const showConsole = !opts.tap;
  if (showConsole) {
    consoleHeader(out, settings.exercise, settings.commands, settings.seed, {
      ...(settings.isolation ? { isolation: settings.isolation.description } : {}),
      ...(settings.course ? { course: settings.course } : {}),
    });
  }
  const checks = settings.exercise.checks;
  const view = new AudienceView(audience, checks.filter((c) => c.visibility === 'hidden'), checks.filter((c) => c.visibility !== 'hidden').map((c) => c.id));
  const warn = (line: string): void => void process.stderr.write(`sockgrade: ${terminalSafe(line)}\n`);
  /** Grades once and writes the reports; `unwritten` counts the report files that could not be written. */
  const once = async (progress: boolean): Promise<{ result: GradeResult; unwritten: number } | undefined> => {
    const shown = (r: CheckResult | undefined): void => {
      if (r && progress && showConsole && interruptExitCode() === undefined) consoleCheckLine(out, r);
    };
    const result: GradeResult = view.result(await grade(settings, { onCheckEnd: (r) => shown(view.check(r)) }));
    if (audience === 'student') result.checks.filter((c) => c.id === HIDDEN_ID).forEach(shown);
    if (interruptExitCode() !== undefined) return undefined;
    const renderHtml = opts.html ? (await import('../report/html.js')).renderHtml : undefined;
    const html = opts.html && renderHtml ? [{ flag: 'html', file: opts.html, text: () => renderHtml(result, out.lang ?? 'en', { exerciseTitle: settings.exercise.title }) }] : [];
    const unwritten = (await writeReports(result, opts, { stdout: (t) => out.write(t), warn, env: process.env })) + (await writeEach(html, warn));
    return { result, unwritten };
  };
  if (!opts.watch) {
    const done = await once(true);
    const stopped = interruptExitCode();
    if (stopped !== undefined || done === undefined) return stopped ?? 130;
    if (showConsole) consoleSummary(out, done.result, { verbose: opts.verbose === true });
    else out.write(renderTap(terminalSafeDeep(done.result)));
    return done.unwritten > 0 ? 2 : exitCodeOf(done.result);
  }
  const words = ui(out.lang).watch;
  const folders = watchedFolders([...Object.values(settings.commands), ...(settings.manifestPath ? [settings.manifestPath] : [])], process.cwd());
  let last: GradeResult | undefined;
  return watchLoop({
    folders,
    ownFiles: [opts.json, opts.junit, opts.html, opts.gradescope].filter((f): f is string => f !== undefined),
    gradeAgain: async (changed) => {
      if (last === undefined || changed === undefined) {
        const done = await once(true);
        if (done === undefined) return;
        last = done.result;
        consoleSummary(out, last, { verbose: opts.verbose === true });
        return;
      }
      out.write(`\n${terminalSafe(words.saved(changed))}\n`);
      const next = await once(false);
      if (next === undefined) return;
      consoleChanges(out, last, next.result, { verbose: opts.verbose === true });
      last = next.result;
    },
    waiting: () => out.write(`\n${terminalSafe(words.waiting(folders.join(', ')))}\n`),
  });
}

function audienceOf(value: string | undefined): Audience {
  if (value === undefined) return 'instructor';
  if (!(AUDIENCES as readonly string[]).includes(value)) throw new UsageError(`--audience expects ${AUDIENCES.join(' or ')}, got "${value}"`);
  return value as Audience;
}

/** 0 when every check passed (or was skipped), 1 when one failed, 2 when sockgrade itself broke. */
export function exitCodeOf(result: GradeResult): number {
  if (result.checks.some((c) => c.status === 'error')) return 2;
  if (result.checks.some((c) => c.status === 'fail')) return 1;
  return 0;
}
