/** Watch mode driven like a student would: start it, save the file, read what changed, press Ctrl-C. */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, processesWithMarker, testDir } from './support/cli.js';
import { randomUUID } from 'node:crypto';

const BUGGY = join(ROOT, 'fixtures/tcp-echo/bug-recv-once/server.py');
const CORRECT = join(ROOT, 'fixtures/tcp-echo/correct-threads/server.py');

/** A watching sockgrade: what it printed so far, a wait for its n-th "save a file" line, and Ctrl-C. */
interface Watching {
  stdout(): string;
  waitingFor(n: number): Promise<void>;
  waitingCount(): number;
  /** Sends Ctrl-C and resolves with the exit code and what it wrote on stderr. */
  interrupt(): Promise<{ code: number | null; stderr: string }>;
}

function watch(args: string[], scratch: string, mark: string, cwd = ROOT): Watching {
  // detached: its own process group, so the test can send SIGINT to the group as a terminal's Ctrl-C does.
  const child = spawn(process.execPath, [CLI, ...args, '--watch'], {
    cwd,
    env: { ...process.env, LC_ALL: 'C.UTF-8', NO_COLOR: '1', SOCKGRADE_TMPDIR: scratch, SOCKGRADE_TEST_MARK: mark },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  const waiters: { n: number; resolve: () => void }[] = [];
  const waitingCount = (): number => stdout.split('save a file to grade again').length - 1;
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const w of waiters.filter((x) => waitingCount() >= x.n)) w.resolve();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 150_000);
  void exited.then(() => clearTimeout(timer));
  return {
    stdout: () => stdout,
    waitingCount,
    waitingFor: (n) => (waitingCount() >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    interrupt: async () => {
      process.kill(-child.pid!, 'SIGINT');
      return { code: await exited, stderr };
    },
  };
}

describe.concurrent('watch mode', () => {
  it('check --watch grades, grades again on each save showing only what changed, and ends cleanly on Ctrl-C', async () => {
    const dir = testDir('sockgrade-watch-');
    const scratch = testDir('sockgrade-watch-scratch-');
    copyFileSync(BUGGY, join(dir, 'server.py'));
    writeFileSync(join(dir, 'sockgrade.json'), JSON.stringify({ exercise: 'tcp-echo', server: 'python3 server.py {port}' }));
    const mark = randomUUID();
    const w = watch(['check', '--dir', dir, '--only', 'echo.', '--seed', '5'], scratch, mark);
    await w.waitingFor(1);
    expect(w.stdout()).toMatch(/✗ echo\.large/);
    expect(w.stdout()).toMatch(/Score: 3\/5/);
    const first = w.stdout().length;

    copyFileSync(CORRECT, join(dir, 'server.py'));
    await w.waitingFor(2);
    const second = w.stdout().slice(first);
    expect(second).toContain('server.py changed: grading again');
    expect(second).toMatch(/✓ echo\.large now passes \(\+1\)/);
    expect(second).toMatch(/✓ echo\.sliced now passes \(\+1\)/);
    expect(second).toContain('unchanged: 3 passing');
    expect(second).toContain('Score: 5/5 (was 3)');
    expect(second).not.toMatch(/echo\.small|echo\.half-close/);
    const secondEnd = w.stdout().length;

    copyFileSync(BUGGY, join(dir, 'server.py'));
    await w.waitingFor(3);
    const third = w.stdout().slice(secondEnd);
    expect(third).toMatch(/✗ echo\.large now fails \(−1\)\n {4}client #1 got back only 1024 of the 262144 bytes/);
    expect(third).toContain('Score: 3/5 (was 5)');

    writeFileSync(join(dir, '.server.py.swp'), 'editor swap file');
    const end = await w.interrupt();
    // 0 from the grader itself; 130 (interrupted) when it runs inside namespaces, whose unshare ends on the signal and takes the idle grader with it.
    expect([0, 130]).toContain(end.code);
    expect(end.stderr).toBe('');
    expect(w.waitingCount()).toBe(3);
    expect(readdirSync(scratch)).toEqual([]);
    expect(processesWithMarker(`SOCKGRADE_TEST_MARK=${mark}`)).toEqual([]);
  });

  it('grade --watch watches the folder of the file its command names, relative to where it runs', async () => {
    const dir = testDir('sockgrade-watch-grade-');
    const scratch = testDir('sockgrade-watch-scratch-');
    copyFileSync(BUGGY, join(dir, 'servidor.py'));
    const mark = randomUUID();
    const w = watch(['grade', 'tcp-echo', '--server', 'python3 servidor.py {port}', '--only', 'echo.large', '--seed', '6'], scratch, mark, dir);
    await w.waitingFor(1);
    expect(w.stdout()).toMatch(/✗ server echo\.large/);
    expect(w.stdout()).toContain(`watching ${dir}: save a file to grade again`);
    const first = w.stdout().length;

    copyFileSync(CORRECT, join(dir, 'servidor.py'));
    await w.waitingFor(2);
    const second = w.stdout().slice(first);
    expect(second).toContain('servidor.py changed: grading again');
    expect(second).toMatch(/✓ echo\.large now passes \(\+1\)/);
    expect(second).toContain('Score: 1/1 (was 0)');

    const end = await w.interrupt();
    expect([0, 130]).toContain(end.code);
    expect(end.stderr).toBe('');
    expect(readdirSync(scratch)).toEqual([]);
    expect(processesWithMarker(`SOCKGRADE_TEST_MARK=${mark}`)).toEqual([]);
  });
});
