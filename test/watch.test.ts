/** Watch mode driven like a student would: start it, save the file, read what changed, press Ctrl-C. */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, processesWithMarker, testDir } from './support/cli.js';
import { randomUUID } from 'node:crypto';

const BUGGY = join(ROOT, 'fixtures/tcp-echo/bug-recv-once/server.py');
const CORRECT = join(ROOT, 'fixtures/tcp-echo/correct-threads/server.py');

describe('sockgrade check --watch', () => {
  it('grades, grades again on each save showing only what changed, and ends cleanly on Ctrl-C', async () => {
    const dir = testDir('sockgrade-watch-');
    const scratch = testDir('sockgrade-watch-scratch-');
    copyFileSync(BUGGY, join(dir, 'server.py'));
    writeFileSync(join(dir, 'sockgrade.json'), JSON.stringify({ exercise: 'tcp-echo', server: 'python3 server.py {port}' }));
    const mark = randomUUID();
    // detached: its own process group, so the test can send SIGINT to the group as a terminal's Ctrl-C does.
    const child = spawn(process.execPath, [CLI, 'check', '--dir', dir, '--only', 'echo.', '--seed', '5', '--watch'], {
      cwd: ROOT,
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
    const waitingFor = (n: number): Promise<void> => (waitingCount() >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve })));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 150_000);
    try {
      await waitingFor(1);
      expect(stdout).toMatch(/✗ echo\.large/);
      expect(stdout).toMatch(/Score: 3\/5/);
      const first = stdout.length;

      copyFileSync(CORRECT, join(dir, 'server.py'));
      await waitingFor(2);
      const second = stdout.slice(first);
      expect(second).toContain('server.py changed: grading again');
      expect(second).toMatch(/✓ echo\.large now passes \(\+1\)/);
      expect(second).toMatch(/✓ echo\.sliced now passes \(\+1\)/);
      expect(second).toContain('unchanged: 3 passing');
      expect(second).toContain('Score: 5/5 (was 3)');
      expect(second).not.toMatch(/echo\.small|echo\.half-close/);
      const secondEnd = stdout.length;

      copyFileSync(BUGGY, join(dir, 'server.py'));
      await waitingFor(3);
      const third = stdout.slice(secondEnd);
      expect(third).toMatch(/✗ echo\.large now fails \(−1\)\n {4}client #1 got back only 1024 of the 262144 bytes/);
      expect(third).toContain('Score: 3/5 (was 5)');

      writeFileSync(join(dir, '.server.py.swp'), 'editor swap file');
      process.kill(-child.pid!, 'SIGINT');
      // 0 from the grader itself; 130 (interrupted) when it runs inside namespaces, whose unshare ends on the signal and takes the idle grader with it.
      expect([0, 130]).toContain(await exited);
    } finally {
      clearTimeout(timer);
    }
    expect(stderr).toBe('');
    expect(waitingCount()).toBe(3);
    expect(readdirSync(scratch)).toEqual([]);
    expect(processesWithMarker(`SOCKGRADE_TEST_MARK=${mark}`)).toEqual([]);
  });
});
