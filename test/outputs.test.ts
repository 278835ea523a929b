/**
 * Outputs no submission can corrupt and a grader that survives: inert terminal text, gradebook
 * cells that are never formulas, report paths refused before grading, reports written one by
 * one, signals that stop a run at once and leave nothing behind, batch refusing to grade
 * without isolation, and manifests that cannot weaken their own checks.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { CLI, LAUNCHER, ROOT, processesWithMarker, runCli, testDir } from './support/cli.js';
import { terminalSafe, terminalSafeDeep } from '../harness/report/terminal-text.js';
import { csvField, renderGradebook } from '../harness/batch/class-outputs.js';
import { writeEach } from '../harness/report/output-paths.js';
import { namespaceSupport } from '../harness/isolation/namespace.js';
import type { StudentRecord } from '../harness/batch/records.js';
import { AudienceView } from '../harness/report/audience.js';
import { patientTimer, starvedTotal, watchStarvation } from '../harness/util/starvation.js';
import type { CheckResult, GradeResult } from '../harness/model/result.js';

const ECHO = join(ROOT, 'fixtures', 'tcp-echo', 'correct-threads', 'server.py');

describe('terminal text', () => {
  it('shows control characters and escape sequences as escapes, keeps newlines, tabs and text', () => {
    const fake = '\x1b[2J\x1b[HScore: 3/3\r\x07\x9b31m\u202eabc';
    const safe = terminalSafe(`hola\tmundo\r\n${fake}`);
    expect(safe).toBe('hola\tmundo\n\\x1b[2J\\x1b[HScore: 3/3\\r\\x07\\x9b31m\\u202eabc');
    expect(safe).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(terminalSafeDeep({ a: ['\x1b'], n: 3, b: { c: '\r' } })).toEqual({ a: ['\\x1b'], n: 3, b: { c: '\\r' } });
  });
});

describe('the student audience', () => {
  const check = (id: string, role: 'server' | 'client', status: CheckResult['status'], points: number, maxPoints: number, hidden: boolean, message = ''): CheckResult => ({
    id, title: `title of ${id}`, role, status, points, maxPoints, durationMs: 5, message, evidence: { reproduce: `sockgrade grade x --only ${id}`, notes: [`after ${id}`] }, ...(hidden ? { visibility: 'hidden' as const } : {}),
  });
  it('sees no hidden check: not its id anywhere, nor its position, title or weight', () => {
    const checks = [
      check('echo.secret', 'server', 'fail', 0, 3, true, 'sliced wrong'),
      check('echo.visible', 'server', 'fail', 0, 1, false, 'not reached: echo.secret failed, see echo.secret.'),
      check('echo.other-secret', 'server', 'pass', 0.5, 0.5, true),
      check('echo.secret-not', 'server', 'pass', 1, 1, false),
    ];
    const result = { exercise: 'x', params: {}, score: 1.5, maxScore: 5.5, checks, run: { seed: 1, startedAt: '', durationMs: 1, isolation: 'on', notes: ['echo.other-secret was slow'], commands: {} } } as GradeResult;
    const view = new AudienceView('student', checks.filter((c) => c.visibility === 'hidden'), checks.filter((c) => c.visibility !== 'hidden').map((c) => c.id));
    const seen = view.result(result);
    expect(seen.checks.map((c) => [c.id, c.status, c.points, c.maxPoints])).toEqual([['echo.visible', 'fail', 0, 1], ['echo.secret-not', 'pass', 1, 1], ['hidden', 'fail', 0.5, 3.5]]);
    expect(seen.checks[2]).toMatchObject({ title: 'hidden checks', message: 'hidden checks: 1 of 2 passed', evidence: {} });
    expect([seen.score, seen.maxScore]).toEqual([1.5, 5.5]);
    const text = JSON.stringify(seen);
    expect(text).not.toMatch(/echo\.secret(?!-not)|echo\.other-secret|sliced wrong/);
    expect(seen.checks[0]?.message).toBe('not reached: a hidden check failed, see a hidden check.');
    expect(view.check(checks[0]!)).toBeUndefined();
    expect(new AudienceView('instructor', []).result(result)).toBe(result);
  });
});

describe('gradebook CSV', () => {
  it('neutralises cells a spreadsheet would evaluate, in names and reasons', () => {
    for (const bad of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvField(bad)).toMatch(/^"?'/);
    expect(csvField('alba')).toBe('alba');
    expect(csvField(0.5)).toBe('0.5');
    const students: StudentRecord[] = [
      { student: '=HYPERLINK("http://evil","clic")', status: 'error', error: 'x', durationMs: 1 },
      { student: '@cmd', status: 'error', error: '=1+1', durationMs: 1 },
    ];
    const rows = renderGradebook(undefined, students).trim().split('\n').slice(1);
    expect(rows).toEqual([`"'=HYPERLINK(""http://evil"",""clic"")",0,0,error: x`, "'@cmd,0,0,error: =1+1"]);
  });
});

describe.concurrent('report paths', () => {
  it('refuses unwritable, system and duplicate paths before grading, in one line and at once', async () => {
    const dir = testDir();
    writeFileSync(join(dir, 'file'), '');
    const grade = ['grade', 'tcp-echo', '--server', `python3 ${ECHO} {port}`];
    const cases: [string[], RegExp][] = [
      [[...grade, '--json', '/proc/x/r.json'], /--json \/proc\/x\/r\.json: cannot write there, it is in a system folder/],
      [[...grade, '--junit', dir], /it is a folder/],
      [[...grade, '--html', join(dir, 'file', 'r.html')], /is a file, not a folder/],
      [[...grade, '--json', join(dir, 'a.json'), '--gradescope', join(dir, 'a.json')], /--json and --gradescope name the same file/],
      [['batch', dir, '--exercise', 'tcp-echo', '--server', 'python3 {dir}/s.py', '--csv', '/sys/x.csv'], /--csv \/sys\/x\.csv: cannot write there/],
      [['batch', dir, '--exercise', 'tcp-echo', '--server', 'python3 {dir}/s.py', '--out', '/proc/r'], /--out \/proc\/r: cannot keep results there/],
      [['merge', join(dir, 'x.json'), '--json', '/proc/1/x.json'], /cannot write there/],
    ];
    for (const [args, pattern] of cases) {
      const run = await runCli(args, { timeoutMs: 30_000 });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(pattern);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
  });

  it('writes every report it can when one cannot be written', async () => {
    const dir = testDir();
    writeFileSync(join(dir, 'file'), '');
    const warnings: string[] = [];
    const failed = await writeEach(
      [
        { flag: 'json', file: join(dir, 'file', 'lost.json'), text: () => '{}' },
        { flag: 'junit', file: join(dir, 'deep', 'er', 'kept.xml'), text: () => '<x/>' },
      ],
      (line) => warnings.push(line),
    );
    expect(failed).toBe(1);
    expect(warnings).toEqual([expect.stringMatching(/^--json .*lost\.json could not be written \(ENOTDIR\)/)]);
    expect(readFileSync(join(dir, 'deep', 'er', 'kept.xml'), 'utf8')).toBe('<x/>');
  });
});

/** Starts the CLI (`command`: node and the CLI, or the bin), sends `signal` once `ready` shows on stdout or stderr, and reports how it ended. */
async function interrupt(args: string[], ready: RegExp, signal: NodeJS.Signals, command: string[] = [process.execPath, CLI]): Promise<{ code: number | null; stderr: string; stoppedInMs: number; leftovers: string[]; survivors: number[] }> {
  const scratch = testDir('sockgrade-signal-');
  const marker = randomUUID();
  const child = spawn(command[0] as string, [...command.slice(1), ...args], {
    cwd: ROOT,
    env: { ...process.env, LC_ALL: 'C.UTF-8', NO_COLOR: '1', SOCKGRADE_TMPDIR: scratch, SOCKGRADE_TEST_MARK: marker },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  let stderr = '';
  let sentAt = 0;
  const onData = (d: Buffer): void => {
    text += d.toString();
    if (!sentAt && ready.test(text)) {
      sentAt = performance.now();
      child.kill(signal);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    onData(d);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  const stoppedInMs = performance.now() - sentAt;
  return { code, stderr, stoppedInMs, leftovers: readdirSync(scratch), survivors: processesWithMarker(`SOCKGRADE_TEST_MARK=${marker}`) };
}

describe.concurrent('a reader that goes away', () => {
  it('(sockgrade grade ... | head) ends the output, not the grading: the exit code and report files are the run\'s, nothing is left', async () => {
    const dir = testDir();
    const scratch = testDir('sockgrade-pipe-');
    const json = join(dir, 'r.json');
    const child = spawn(process.execPath, [CLI, 'grade', 'tcp-echo', '--server', `python3 ${join(ROOT, 'fixtures/tcp-echo/bug-recv-once/server.py')} {port}`, '--only', 'echo.', '--json', json], {
      env: { ...process.env, NO_COLOR: '1', SOCKGRADE_TMPDIR: scratch },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect((JSON.parse(readFileSync(json, 'utf8')) as GradeResult).checks.some((c) => c.status === 'fail')).toBe(true);
    expect(readdirSync(scratch)).toEqual([]);
  });
});

describe.concurrent('signals', () => {
  for (const [signal, via] of [['SIGTERM', 'node'], ['SIGINT', 'node'], ['SIGTERM', 'bin/sockgrade'], ['SIGINT', 'bin/sockgrade'], ['SIGHUP', 'bin/sockgrade']] as const) {
    it(`${signal} stops grade (run by ${via}) at once, with nothing left behind and no report of the half run`, async () => {
      const dir = testDir();
      const json = join(dir, 'r.json');
      const run = await interrupt(['grade', 'tcp-echo-timeout', '--server', `python3 ${ECHO} {port}`, '--json', json], /timeout\.close-after-reply/, signal, via === 'node' ? [process.execPath, CLI] : [LAUNCHER]);
      expect(run.code, run.stderr).toBe({ SIGTERM: 143, SIGINT: 130, SIGHUP: 129 }[signal]);
      expect(run.stoppedInMs).toBeLessThan(6000);
      expect(run.stderr).toContain(`stopped by ${signal}`);
      expect(existsSync(json)).toBe(false);
      expect(run.leftovers).toEqual([]);
      expect(run.survivors).toEqual([]);
    });
  }

  it('SIGTERM stops a batch and every grading it started, and keeps no record of them nor their scratch folders', async () => {
    const cls = testDir('sockgrade-class-');
    for (const name of ['ana', 'beto']) {
      mkdirSync(join(cls, name));
      writeFileSync(join(cls, name, 'server.py'), readFileSync(ECHO));
    }
    const out = join(testDir(), 'results');
    const unsafe = namespaceSupport().available ? [] : ['--unsafe-no-isolation'];
    const run = await interrupt(['batch', cls, '--exercise', 'tcp-echo-timeout', '--server', 'python3 {dir}/server.py {port}', '--jobs', '2', '--out', out, ...unsafe], /grading 2 submissions/, 'SIGTERM');
    expect(run.code, run.stderr).toBe(143);
    expect(run.stoppedInMs).toBeLessThan(8000);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(run.leftovers, 'no grading\'s scratch folder is left behind').toEqual([]);
    expect(run.survivors).toEqual([]);
  });
});

describe.concurrent('what a submission cannot decide', () => {
  it('batch refuses to grade without isolation unless told it may', async () => {
    const cls = testDir('sockgrade-class-');
    mkdirSync(join(cls, 'ana'));
    writeFileSync(join(cls, 'ana', 'server.py'), readFileSync(ECHO));
    const base = ['batch', cls, '--exercise', 'tcp-echo', '--server', 'python3 {dir}/server.py {port}', '--only', 'echo.small', '--isolation', 'off', '--out', join(testDir(), 'r')];
    const refused = await runCli(base);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^sockgrade: batch refuses to grade a class without isolation \(--isolation off was given\).*--unsafe-no-isolation\n$/);
    const allowed = await runCli([...base, '--unsafe-no-isolation']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stderr).toMatch(/ana: 1\/1/);
  });

  it("a manifest's parameters that weaken checks are ignored, and the report says so", async () => {
    const dir = testDir();
    writeFileSync(join(dir, 'server.py'), readFileSync(join(ROOT, 'fixtures', 'tcp-echo-timeout', 'correct-select', 'server.py')));
    writeFileSync(join(dir, 'sockgrade.json'), JSON.stringify({ exercise: 'tcp-echo-timeout', server: 'python3 server.py {port}', params: { idle: 0, tolerance: 60 } }));
    const run = await runCli(['grade', 'tcp-echo-timeout', '--manifest', join(dir, 'sockgrade.json'), '--only', 'timeout.close-after-reply'], { json: true });
    expect(run.code, run.stdout).toBe(0);
    expect(run.result?.params).toMatchObject({ idle: 5 });
    expect(run.result?.params.tolerance).not.toBe(60);
    expect(run.result?.run.notes).toContainEqual(expect.stringMatching(/^sockgrade\.json sets idle=0, tolerance=60: ignored/));
    expect(run.stdout).toContain('idle=0, tolerance=60: ignored');
  });
});

describe.concurrent('a submission that kills everything it can', () => {
  it("ends as that student's own failed or not-graded row, with the reason; classmates are graded and nothing is left", async () => {
    const cls = testDir('sockgrade-class-');
    mkdirSync(join(cls, 'ana'));
    writeFileSync(join(cls, 'ana', 'server.py'), `import os, signal, socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', int(sys.argv[1])))
s.listen()
s.accept()
os.kill(-1, signal.SIGKILL)
`);
    mkdirSync(join(cls, 'beto'));
    writeFileSync(join(cls, 'beto', 'server.py'), readFileSync(ECHO));
    const out = testDir();
    const unsafe = namespaceSupport().available ? [] : ['--unsafe-no-isolation'];
    const run = await runCli(['batch', cls, '--exercise', 'tcp-echo', '--server', 'python3 {dir}/server.py {port}', '--only', 'echo.small', '--jobs', '1', '--out', join(out, 'r'), '--csv', join(out, 'g.csv'), ...unsafe]);
    const rows = readFileSync(join(out, 'g.csv'), 'utf8').trim().split('\n');
    expect(rows[1]).toMatch(/^ana,0,(0,error: the grader was killed .*may kill processes that are not its own|1,failed),/);
    expect(rows[2]).toBe('beto,1,1,passed,1');
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.leftovers).toEqual([]);
    expect(run.survivors).toEqual([]);
  });
});

describe.concurrent('kept records', () => {
  it('a tampered record is graded again by a resumed batch and refused by merge', async () => {
    const cls = testDir('sockgrade-class-');
    for (const name of ['ana', 'beto']) {
      mkdirSync(join(cls, name));
      writeFileSync(join(cls, name, 'server.py'), readFileSync(ECHO));
    }
    const out = testDir();
    const results = join(out, 'results');
    const unsafe = namespaceSupport().available ? [] : ['--unsafe-no-isolation'];
    const args = ['batch', cls, '--exercise', 'tcp-echo', '--server', 'python3 {dir}/server.py {port}', '--only', 'echo.small', '--out', results, ...unsafe];
    const first = await runCli([...args, '--csv', join(out, 'first.csv')]);
    expect(first.code, first.stderr).toBe(0);
    const file = (name: string): string => join(results, `${name}.json`);
    const edit = (name: string, change: (r: StudentRecord) => void): void => {
      const r = JSON.parse(readFileSync(file(name), 'utf8')) as StudentRecord;
      change(r);
      writeFileSync(file(name), JSON.stringify(r));
    };
    edit('ana', (r) => void (r.result!.score = 9));
    edit('beto', (r) => {
      const c = r.result!.checks[0]!;
      c.points = c.maxPoints = r.result!.score = r.result!.maxScore = 5;
    });
    const merged = await runCli(['merge', results, '--csv', join(out, 'merged.csv')]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/the records of ana and beto give check server echo\.small different weights|ana cannot be trusted \(its score 9 is not the sum/);
    expect(existsSync(join(out, 'merged.csv'))).toBe(false);
    const again = await runCli([...args, '--csv', join(out, 'again.csv')]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/the kept record of ana cannot be trusted \(its score 9 is not the sum of its checks' points\): graded again/);
    expect(again.stderr).toMatch(/the kept record of beto cannot be trusted \(it has check echo\.small worth 5 points, but it weighs 1\): graded again/);
    expect(readFileSync(join(out, 'again.csv'), 'utf8')).toBe(readFileSync(join(out, 'first.csv'), 'utf8'));
  });
});


describe('waits on a loaded machine', () => {
  it('time a watched program spends waiting for a CPU does not count, up to the stretch limit', async () => {
    const pinned = (): ReturnType<typeof spawn> => spawn('taskset', ['-c', '0', process.execPath, '-e', 'for (;;) {}'], { stdio: 'ignore' });
    const busy = [pinned(), pinned(), pinned()];
    const unwatch = watchStarvation(busy[0]!.pid!);
    try {
      await new Promise((r) => setTimeout(r, 200));
      const before = starvedTotal();
      const t0 = performance.now();
      await new Promise<void>((resolve) => patientTimer(400, resolve, 3));
      const waited = performance.now() - t0;
      expect(waited).toBeGreaterThan(500);
      expect(waited).toBeLessThan(1200 + 500);
      expect(starvedTotal()).toBeGreaterThanOrEqual(before);
    } finally {
      unwatch();
      for (const b of busy) b.kill('SIGKILL');
    }
  });
});
