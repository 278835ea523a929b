/** Reports for CI systems and instructors: JUnit, Gradescope, GitHub, the student's view, and `sockgrade check`. */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, runCli, testDir } from './support/cli.js';
import type { CheckResult, GradeResult } from '../harness/model/result.js';
import { renderTap } from '../harness/report/tap.js';
import { renderJunit } from '../harness/report/junit.js';
import { escapeCommandData, escapeCommandProperty, githubAnnotations } from '../harness/report/github.js';
import type { GradescopeResults } from '../harness/report/gradescope.js';
import { testNames } from '../harness/report/names.js';
import { junitSchema, needTool, XMLLINT } from './support/tools.js';

const SCHEMA = junitSchema(ROOT);
const TRUNCATES = join(ROOT, 'fixtures/udp-echo/bug-truncates-1024/server.py');
const CORRECT = join(ROOT, 'fixtures/udp-echo/correct-loop/server.py');

/** Validates `xml` against the JUnit schema CI systems use; returns xmllint's verdict. */
function lintJunit(dir: string, xml: string): string {
  const file = join(dir, `lint-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const lint = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  return lint.stderr;
}

/** Runs the CLI with extra environment variables and another working folder. */
async function runWith(args: string[], opts: { env?: Record<string, string | undefined>; cwd?: string }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const scratch = testDir('sockgrade-scratch-');
  const env: NodeJS.ProcessEnv = { ...process.env, SOCKGRADE_TMPDIR: scratch, NO_COLOR: '1', ...opts.env };
  for (const [k, v] of Object.entries(opts.env ?? {})) if (v === undefined) delete env[k];
  const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((res) => child.on('close', res));
  return { code, stdout, stderr };
}

/** A course config with fractional weights: 0.1 × 3 must add up to 0.3 exactly. */
function fractionalCourse(dir: string, extra: object = {}): string {
  const file = join(dir, 'sockgrade.config.json');
  const weights = { 'echo.roundtrip': 0.333, 'echo.per-sender': 0.1, 'echo.empty-datagram': 0.1, 'robust.survives-garbage': 0.1 };
  writeFileSync(file, JSON.stringify({ exercises: { 'udp-echo': { weights, ...extra } } }));
  return file;
}

describe.concurrent('one grading, the same score in every format', () => {
  it('console, JSON, JUnit, TAP, Gradescope and the GitHub summary agree on 0.3/0.633', async ({ skip }) => {
    needTool(XMLLINT, skip);
    const dir = testDir('sockgrade-reports-');
    const files = { json: join(dir, 'r.json'), junit: join(dir, 'r.xml'), gradescope: join(dir, 'results.json'), summary: join(dir, 'summary.md') };
    writeFileSync(files.summary, '# earlier step\n');
    const run = await runWith(
      ['grade', 'udp-echo', '--server', `python3 ${TRUNCATES} {port}`, '--only', 'echo.,robust.survives-garbage', '--seed', '3', '--config', fractionalCourse(dir),
        '--json', files.json, '--junit', files.junit, '--gradescope', files.gradescope, '--github'],
      { env: { GITHUB_STEP_SUMMARY: files.summary } },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);

    expect(run.stdout).toContain('Score: 0.3/0.633');

    const result = JSON.parse(readFileSync(files.json, 'utf8')) as GradeResult;
    expect([result.score, result.maxScore]).toEqual([0.3, 0.633]);
    expect(result.checks.map((c) => [c.id, c.status, c.points, c.maxPoints])).toEqual([
      ['echo.roundtrip', 'fail', 0, 0.333],
      ['echo.per-sender', 'pass', 0.1, 0.1],
      ['echo.empty-datagram', 'pass', 0.1, 0.1],
      ['robust.survives-garbage', 'pass', 0.1, 0.1],
    ]);

    expect(renderTap(result)).toContain('# score 0.3/0.633\n');

    const xml = readFileSync(files.junit, 'utf8');
    expect(lintJunit(dir, xml)).toContain('validates');
    expect(xml).toContain('<property name="score" value="0.3"/>');
    expect(xml).toContain('<property name="max-score" value="0.633"/>');
    expect(xml).toContain('<property name="seed" value="3"/>');
    expect(xml).toMatch(/<testsuite name="udp-echo" tests="4" skipped="0" failures="1" errors="0"/);

    const gs = JSON.parse(readFileSync(files.gradescope, 'utf8')) as GradescopeResults;
    expect(gs.score).toBe(0.3);
    expect(gs.output).toContain('0.3/0.633 points');
    expect(gs.tests.map((t) => [t.score, t.max_score, t.status])).toEqual([[0, 0.333, 'failed'], [0.1, 0.1, 'passed'], [0.1, 0.1, 'passed'], [0.1, 0.1, 'passed']]);

    const summary = readFileSync(files.summary, 'utf8');
    expect(summary.startsWith('# earlier step\n## sockgrade · udp-echo: 0.3/0.633 points')).toBe(true);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error file=fixtures\/udp-echo\/bug-truncates-1024\/server\.py,title=sockgrade udp-echo%3A echo\.roundtrip%3A replies to datagrams[^:]*::the reply to a \d+ bytes .*%0A/);
  });
});

describe.concurrent('JUnit that CI systems accept', () => {
  it('a failure carries its headline, the whole diagnosis, the transcript in system-out and the run seed', async ({ skip }) => {
    needTool(XMLLINT, skip);
    const dir = testDir('sockgrade-junit-');
    const junit = join(dir, 'r.xml');
    const run = await runCli(['grade', 'udp-echo', '--server', `python3 ${TRUNCATES} {port}`, '--only', 'echo.roundtrip,client.sends-line', '--seed', '9', '--junit', junit]);
    expect(run.code).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expect(lintJunit(dir, xml)).toContain('validates');
    expect(xml).toMatch(/<testcase name="echo\.roundtrip: [^"]+" classname="udp-echo" time="\d+\.\d{3}">\s*<failure message="the reply to a \d+ bytes [^"]*datagram is not identical to it" type="fail">the reply to a \d+ bytes[\s\S]*hint: receive with recvfrom[\s\S]*<\/failure>\s*<system-out>[^<]*transcript:\nserver:[\s\S]*client #1:\n[\s\S]*sent {5}[\s\S]*reproduce: sockgrade grade udp-echo [^<]*--seed 9<\/system-out>/);
    expect(xml).toContain('<property name="seed" value="9"/>');
    expect(xml).toMatch(/<testcase name="client\.sends-line: [^"]*" classname="udp-echo" time="0\.000">\s*<skipped message="no client was given \(use --client &quot;&lt;command&gt;&quot;\)"\/>/);
  });

  it('a failed property check gives its fast-check seed and path as suite properties', async ({ skip }) => {
    needTool(XMLLINT, skip);
    const dir = testDir('sockgrade-junit-');
    const junit = join(dir, 'r.xml');
    const server = `python3 ${join(ROOT, 'fixtures/framed-echo/bug-recv-once/server.py')} {port}`;
    const run = await runCli(['grade', 'framed-echo', '--server', server, '--only', 'framing.coalesced', '--seed', '4', '--junit', junit], { json: true });
    expect(run.code).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expect(lintJunit(dir, xml)).toContain('validates');
    const seed = /fast-check seed (\d+), path (\S+) /.exec(run.result!.checks[0]!.message);
    expect(seed).not.toBeNull();
    expect(xml).toContain(`<property name="fast-check-seed.server:framing.coalesced" value="${seed![1]}"/>`);
    expect(xml).toContain(`<property name="fast-check-path.server:framing.coalesced" value="${seed![2]}"/>`);
    expect(run.result!.checks[0]!.evidence.reproduce).toContain(`--seed 4 --replay ${seed![2]}`);
  });

  const check = (id: string, role: CheckResult['role'], status: CheckResult['status'], message = ''): CheckResult => ({
    id, title: `${role} side of ${id}`, role, status, points: status === 'pass' ? 1 : 0, maxPoints: 1, durationMs: 12, message, evidence: {},
  });
  const result = (checks: CheckResult[]): GradeResult => ({
    exercise: 'tcp-chat-ack', params: {}, score: checks.filter((c) => c.status === 'pass').length, maxScore: checks.length, checks,
    run: { seed: 1, startedAt: new Date(0).toISOString(), durationMs: 1234, isolation: 'off', notes: [], commands: {} },
  });

  it('names are unique per class when a check id exists for both roles; harness faults are <error>', async ({ skip }) => {
    needTool(XMLLINT, skip);
    const dir = testDir('sockgrade-junit-');
    const r = result([
      check('chat.ack-each-message', 'server', 'fail', 'no ack\nsecond line'),
      check('chat.quit-word', 'server', 'pass'),
      check('chat.ack-each-message', 'client', 'error', 'sockgrade itself failed: boom'),
      check('robust.no-server', 'client', 'pass'),
    ]);
    const xml = await renderJunit(r);
    expect(lintJunit(dir, xml)).toContain('validates');
    const names = [...xml.matchAll(/<testcase name="([^"]*)" classname="tcp-chat-ack"/g)].map((m) => m[1]);
    expect(names).toEqual(['server chat.ack-each-message: server side of chat.ack-each-message', 'chat.quit-word: server side of chat.quit-word', 'client chat.ack-each-message: client side of chat.ack-each-message', 'robust.no-server: client side of robust.no-server']);
    expect(new Set(names).size).toBe(names.length);
    expect(xml).toMatch(/<failure message="no ack" type="fail">no ack\nsecond line<\/failure>/);
    expect(xml).toMatch(/<error message="sockgrade itself failed: boom" type="error">sockgrade itself failed: boom<\/error>/);
    expect(xml).toMatch(/<testsuites [^>]*failures="1" errors="1"/);
  });

  it('bytes XML cannot carry are shown escaped, and markup in diagnoses is escaped', async ({ skip }) => {
    needTool(XMLLINT, skip);
    const dir = testDir('sockgrade-junit-');
    const bad = check('echo.small', 'server', 'fail', 'got "\u0001<b>&amp;\u0000" &nbsp;');
    bad.evidence = { received: 'a\u001bb', notes: ['&copy; ünïcode ok'] };
    const xml = await renderJunit(result([bad]));
    expect(lintJunit(dir, xml)).toContain('validates');
    expect(xml).toContain('<failure message="got &quot;\\u0001&lt;b&gt;&amp;amp;\\u0000&quot; &amp;nbsp;" type="fail">got "\\u0001&lt;b&gt;&amp;amp;\\u0000" &amp;nbsp;\nreceived: a\\u001bb</failure>');
    expect(xml).toContain('<system-out>&amp;copy; ünïcode ok</system-out>');
  });

  it('test names used by every report are the same list', () => {
    const checks = [check('a.x', 'server', 'pass'), check('a.x', 'client', 'pass'), check('b.y', 'server', 'pass')];
    expect(testNames(checks)).toEqual(['server a.x: server side of a.x', 'client a.x: client side of a.x', 'b.y: server side of b.y']);
  });
});

describe('GitHub workflow commands', () => {
  it('escape %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeCommandData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeCommandProperty('echo.large: 1, 2%\n')).toBe('echo.large%3A 1%2C 2%25%0A');
  });

  it('annotate failures and harness errors only, one line each', () => {
    const base = { title: 't', role: 'server' as const, points: 0, maxPoints: 1, durationMs: 1, evidence: { hint: 'h: 100%' } };
    const r: GradeResult = {
      exercise: 'tcp-echo', params: {}, score: 0, maxScore: 3,
      checks: [{ ...base, id: 'a', status: 'fail', message: 'm1\nm2' }, { ...base, id: 'b', status: 'pass', message: '' }, { ...base, id: 'c', status: 'error', message: 'boom' }],
      run: { seed: 1, startedAt: '', durationMs: 1, isolation: '', notes: [], commands: {} },
    };
    expect(githubAnnotations(r)).toBe('::error title=sockgrade tcp-echo%3A a%3A t::m1%0Am2%0Ahint: h: 100%25\n::error title=sockgrade tcp-echo (sockgrade error)%3A c%3A t::boom%0Ahint: h: 100%25\n');
  });
});

describe.concurrent('--github outside GitHub Actions', () => {
  it('says in one line on stderr that there is no job summary and goes on', async () => {
    const run = await runWith(['grade', 'udp-echo', '--server', `python3 ${CORRECT} {port}`, '--only', 'echo.roundtrip', '--github'], { env: { GITHUB_STEP_SUMMARY: undefined } });
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual(['sockgrade: --github: GITHUB_STEP_SUMMARY is not set (not running in GitHub Actions?), so no job summary was written']);
    expect(run.stdout).toContain('Score: 1/1');
    expect(run.stdout).not.toContain('::error');
  });
});

/** A student's folder: the fixture's program and a sockgrade.json. */
function submission(fixture: string, manifest: object = { exercise: 'udp-echo', server: 'python3 server.py {port}' }): string {
  const dir = testDir('sockgrade-check-');
  writeFileSync(join(dir, 'server.py'), readFileSync(join(ROOT, 'fixtures', fixture, 'server.py')));
  writeFileSync(join(dir, 'sockgrade.json'), JSON.stringify(manifest));
  return dir;
}

describe.concurrent('sockgrade check', () => {
  it('grades the folder from its sockgrade.json: exit 0 when everything passes', async () => {
    const dir = submission('udp-echo/correct-loop');
    const run = await runCli(['check', '--dir', dir, '--only', 'echo.'], { json: true });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`server: python3 ${join(dir, 'server.py')} {port}`);
    expect(run.result!.checks.map((c) => [c.id, c.status])).toEqual([['echo.roundtrip', 'pass'], ['echo.per-sender', 'pass'], ['echo.empty-datagram', 'pass']]);
  });

  it('exit 1 when a check fails, with the report flags of grade (TAP here)', async () => {
    const dir = submission('udp-echo/bug-truncates-1024');
    const run = await runCli(['check', '--dir', dir, '--only', 'echo.roundtrip', '--tap', '--seed', '5']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^TAP version 14\n1\.\.1\n# sockgrade udp-echo seed=5\nnot ok 1 - echo\.roundtrip/);
  });

  it('the student sees hidden checks only as "hidden checks: 0 of 1 passed", after the others; the instructor sees the diagnosis', async () => {
    const dir = submission('udp-echo/bug-truncates-1024');
    fractionalCourse(dir, { visibility: { 'echo.roundtrip': 'hidden' } });
    const student = await runCli(['check', '--dir', dir, '--only', 'echo.roundtrip,echo.empty', '--seed', '2'], { json: true });
    expect(student.code).toBe(1);
    expect(student.stdout).toMatch(/✓ server echo\.empty-datagram .*\n {2}✗ server hidden +hidden checks/);
    expect(student.stdout).toMatch(/✗ hidden — hidden checks \(0\/0\.333 pts\)\n {4}hidden checks: 0 of 1 passed\n\n/);
    expect(student.stdout).not.toMatch(/recvfrom|1400 bytes|echo\.roundtrip/);
    expect(student.stdout).toContain('Score: 0.1/0.433');
    expect(student.result!.checks[1]).toMatchObject({ id: 'hidden', title: 'hidden checks', status: 'fail', message: 'hidden checks: 0 of 1 passed', evidence: {}, visibility: 'hidden' });

    const gradescope = join(dir, 'results.json');
    const instructor = await runCli(['grade', 'udp-echo', '--manifest', join(dir, 'sockgrade.json'), '--config', join(dir, 'sockgrade.config.json'), '--only', 'echo.roundtrip,echo.empty', '--seed', '2', '--gradescope', gradescope], { json: true });
    expect(instructor.code).toBe(1);
    expect(instructor.stdout).toMatch(/hint: receive with recvfrom/);
    expect(instructor.stdout).toContain('Score: 0.1/0.433');
    expect(instructor.result!.checks[0]).toMatchObject({ id: 'echo.roundtrip', status: 'fail', visibility: 'hidden' });
    const gs = JSON.parse(readFileSync(gradescope, 'utf8')) as GradescopeResults;
    expect(gs.tests.map((t) => [t.name.split(':')[0], t.visibility])).toEqual([['echo.roundtrip', 'hidden'], ['echo.empty-datagram', 'visible']]);
    expect(gs.tests[0]!.output).toContain('recvfrom');
    expect(gs.output).toContain('hidden checks: 0 of 1 passed');
  });

  const usage: [string, (dir: string) => string[], RegExp][] = [
    ['no manifest', (dir) => ['check', '--dir', dir], /no sockgrade\.json in .*: "sockgrade check" grades a folder that has one/],
    ['a manifest without exercise', (dir) => (writeFileSync(join(dir, 'sockgrade.json'), '{"server": "python3 server.py"}'), ['check', '--dir', dir]), /sockgrade\.json names no exercise: add "exercise"/],
    ['a manifest without command', (dir) => (writeFileSync(join(dir, 'sockgrade.json'), '{"exercise": "udp-echo"}'), ['check', '--dir', dir]), /sockgrade\.json names no command: add "server"/],
    ['a folder that does not exist', (dir) => ['check', '--dir', join(dir, 'nope')], /--dir .*nope is not a folder/],
    ['an argument', (dir) => ['check', 'udp-echo', '--dir', dir], /"sockgrade check" takes no arguments/],
    ['a bad audience', (dir) => (writeFileSync(join(dir, 'sockgrade.json'), '{"exercise": "udp-echo", "server": "python3 x.py"}'), writeFileSync(join(dir, 'x.py'), ''), ['check', '--dir', dir, '--audience', 'teacher']), /--audience expects student or instructor, got "teacher"/],
  ];
  for (const [name, args, message] of usage) {
    it(`usage error, exit 2: ${name}`, async () => {
      const dir = testDir('sockgrade-check-');
      mkdirSync(dir, { recursive: true });
      const run = await runCli(args(dir));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    });
  }
});
