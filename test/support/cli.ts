/** Runs the real sockgrade CLI (the built one in dist/) the way users do, and reads what it wrote. */
import { spawn } from 'node:child_process';
import { chmod, chown, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { GradeResult } from '../../harness/model/result.js';
import { processesWithEnv } from '../../harness/process/proc-tree.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'bundle', 'cli', 'main.js');
/** The package's bin: enters a hermetic grading's namespaces itself, else runs {@link CLI}. */
export const LAUNCHER = join(ROOT, 'bin', 'sockgrade');

/** What a CLI run produced. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  result?: GradeResult;
  /** Scratch folder given as SOCKGRADE_TMPDIR: must be empty after the run. */
  leftovers: string[];
  /** Processes still alive after the run that carry this run's marker (the grader's, or a program's). */
  survivors: number[];
  ms: number;
}

/** Pids of live processes whose environment contains `marker` (a `NAME=value` string). */
export const processesWithMarker = processesWithEnv;

/**
 * Runs `sockgrade <args>` with a private temp root and a marker in the environment; `under` is a
 * command line the CLI runs under (e.g. `setpriv ... --`); `launcher` runs it through the package's
 * bin ({@link LAUNCHER}) instead of `node` {@link CLI}.
 */
export async function runCli(args: string[], opts: { json?: boolean; timeoutMs?: number; env?: Record<string, string>; cwd?: string; asUid?: number; under?: string[]; launcher?: boolean } = {}): Promise<CliRun> {
  const tmp = await mkdtemp(join(tmpdir(), 'sockgrade-test-'));
  // Programs run as unprivileged uids when the tests run as root: they must reach their folders.
  await chmod(tmp, 0o711);
  const jsonFile = join(tmp, 'result.json');
  const scratch = join(tmp, 'scratch');
  await import('node:fs/promises').then((fs) => fs.mkdir(scratch));
  if (opts.asUid !== undefined) for (const d of [tmp, scratch]) await chown(d, opts.asUid, opts.asUid);
  const marker = `SOCKGRADE_TEST_MARK=${randomUUID()}`;
  const runId = randomUUID();
  const full = opts.json ? [...args, '--json', jsonFile] : args;
  const t0 = performance.now();
  const argv = opts.launcher ? [LAUNCHER, ...full] : [process.execPath, CLI, ...full];
  if (opts.asUid !== undefined) argv.unshift('setpriv', `--reuid=${opts.asUid}`, `--regid=${opts.asUid}`, '--clear-groups', '--');
  if (opts.under) argv.unshift(...opts.under);
  const child = spawn(argv[0] as string, argv.slice(1), {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, LC_ALL: 'C.UTF-8', SOCKGRADE_TMPDIR: scratch, SOCKGRADE_TEST_MARK: marker.split('=')[1], SOCKGRADE_RUN_ID: runId, NO_COLOR: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 170_000);
  const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
  clearTimeout(timer);
  const ms = performance.now() - t0;
  let result: GradeResult | undefined;
  if (opts.json) {
    try {
      result = JSON.parse(await readFile(jsonFile, 'utf8')) as GradeResult;
    } catch {
      result = undefined;
    }
  }
  const leftovers = await readdir(scratch);
  const survivors = [...processesWithMarker(marker), ...processesWithMarker(`SOCKGRADE_PROGRAM=${runId}:`, true)];
  await rm(tmp, { recursive: true, force: true });
  return { code, stdout, stderr, ms, leftovers, survivors, ...(result ? { result } : {}) };
}

/** Ids of checks with status fail or error, sorted. */
export function failedIds(r: GradeResult): string[] {
  return r.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id).sort();
}

const testDirs: string[] = [];
afterAll(() => {
  for (const d of testDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * A temporary folder for a test, removed after the test file's tests. (Not when the test
 * finishes: in a concurrent suite `onTestFinished` may fire for another test and remove it early.)
 */
export function testDir(prefix = 'sockgrade-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // Programs run as unprivileged uids of their own: they must be able to read what a test puts here.
  chmodSync(dir, 0o755);
  testDirs.push(dir);
  return dir;
}
