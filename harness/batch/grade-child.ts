/**
 * One `sockgrade grade` run in a child process of its own (hermetic where the system allows),
 * so that a submission that breaks or hangs the grader costs only its own result: its JSON
 * result is read back, its output kept up to a cap, and the whole process group killed when it
 * outlives its time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { GradeResult } from '../model/result.js';
import { onInterrupt } from '../engine/interrupt.js';
import { removeTree } from '../util/remove-tree.js';
import { namespacedNode, type NamespaceSupport } from '../isolation/namespace.js';

const LOG_CAP = 256 * 1024;

/** How to run the child. */
export interface ChildGradeRequest {
  /** Path of the CLI's main.js. */
  cli: string;
  /** The `grade` arguments (without `--json`, which is added). */
  args: readonly string[];
  cwd: string;
  timeoutMs: number;
  /** Namespaces to grade in: the child is started in them at once, instead of re-running itself there. */
  namespace?: NamespaceSupport;
}

/** What the child did. */
export interface ChildGrade {
  code: number | null;
  /** The signal that ended it, if one did. */
  signal: NodeJS.Signals | null;
  /** The result it wrote, if it wrote one. */
  result?: GradeResult;
  /** Its stdout and its stderr, each up to 256 KiB. */
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
}

/** Runs `sockgrade <args> --json <tmp>` and reads the result back; never throws for what the child does. */
export async function gradeInChild(req: ChildGradeRequest): Promise<ChildGrade> {
  const t0 = performance.now();
  const tmp = mkdtempSync(join(process.env.SOCKGRADE_TMPDIR ?? tmpdir(), 'sockgrade-batch-'));
  const jsonFile = join(tmp, 'result.json');
  let scratch: string | undefined;
  const forgetFiles = onInterrupt('files', async () => {
    await removeTree(tmp);
    if (scratch) await removeTree(scratch);
  });
  try {
    const argv = [req.cli, ...req.args, '--json', jsonFile];
    const env = { ...process.env, NO_COLOR: '1' };
    const wrapped = req.namespace ? namespacedNode(argv, req.namespace, env) : undefined;
    if (wrapped) scratch = wrapped.tmpRoot;
    const child = spawn(wrapped?.command ?? process.execPath, wrapped?.args ?? argv, {
      cwd: req.cwd,
      env: wrapped?.env ?? env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      if (stdout.length < LOG_CAP) stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < LOG_CAP) stderr += d.toString('utf8');
    });
    const signalGroup = (sig: NodeJS.Signals): void => {
      try {
        process.kill(-(child.pid as number), sig);
      } catch {
        /* already gone */
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      signalGroup('SIGKILL');
    }, req.timeoutMs);
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.on('error', () => resolve({ code: null, signal: null }));
      child.on('close', (c, sig) => resolve({ code: c, signal: sig }));
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
    let result: GradeResult | undefined;
    try {
      result = timedOut ? undefined : (JSON.parse(readFileSync(jsonFile, 'utf8')) as GradeResult);
    } catch {
      result = undefined;
    }
    return { code, signal, stdout, stderr, timedOut, durationMs: Math.round(performance.now() - t0), ...(result ? { result } : {}) };
  } finally {
    // Unregistered only once removed: an interrupt arriving meanwhile exits as soon as its own cleanup is done.
    await removeTree(tmp);
    if (scratch) await removeTree(scratch);
    forgetFiles();
  }
}

/** Why a child that wrote no result ended: its first error line, or how it was killed. */
export function childFailure(run: ChildGrade): string {
  const first = run.stderr.trim().split('\n')[0]?.replace(/^sockgrade: /, '');
  const killed = run.signal !== null || (run.code !== null && run.code > 128) || first === 'Killed';
  const ended = run.signal ? `was killed by ${run.signal}` : killed ? `was killed (exit code ${run.code ?? 'unknown'})` : `exited with code ${run.code ?? 'unknown'}`;
  return killed ? `the grader ${ended} before it wrote a result: the submission may kill processes that are not its own` : first || `the grader ${ended} and wrote no result`;
}
