/**
 * One `sockgrade grade` run in a child process of its own (hermetic where the system allows),
 * so that a submission that breaks or hangs the grader costs only its own result: its JSON
 * result is read back, its output kept up to a cap, and the whole process group killed when it
 * outlives its time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { GradeResult } from '../model/result.js';

const LOG_CAP = 256 * 1024;

/** How to run the child. */
export interface ChildGradeRequest {
  /** Path of the CLI's main.js. */
  cli: string;
  /** The `grade` arguments (without `--json`, which is added). */
  args: readonly string[];
  cwd: string;
  timeoutMs: number;
}

/** What the child did. */
export interface ChildGrade {
  code: number | null;
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
  const tmp = mkdtempSync(join(tmpdir(), 'sockgrade-batch-'));
  const jsonFile = join(tmp, 'result.json');
  try {
    const child = spawn(process.execPath, [req.cli, ...req.args, '--json', jsonFile], {
      cwd: req.cwd,
      env: { ...process.env, NO_COLOR: '1' },
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
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, req.timeoutMs);
    const code = await new Promise<number | null>((resolve) => {
      child.on('error', () => resolve(null));
      child.on('close', (c) => resolve(c));
    });
    clearTimeout(timer);
    let result: GradeResult | undefined;
    try {
      result = timedOut ? undefined : (JSON.parse(readFileSync(jsonFile, 'utf8')) as GradeResult);
    } catch {
      result = undefined;
    }
    return { code, stdout, stderr, timedOut, durationMs: Math.round(performance.now() - t0), ...(result ? { result } : {}) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
