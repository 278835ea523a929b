/**
 * Hostile submissions against the sandbox, through the real CLI: a program that forges its
 * result, sabotages classmates in a batch, reads secrets, writes outside its folder, plants code
 * into sockgrade, fakes its exit, escapes the network namespace or kills everything is graded as
 * what it is, and nothing else changes. Run as the test runner's user (root in CI), without
 * namespaces (as root: an unprivileged uid per check), and as an ordinary user.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, failedIds, runCli, testDir, type CliRun } from './support/cli.js';
import { namespaceSupport } from '../harness/isolation/namespace.js';
import { sandboxPolicy } from '../harness/sandbox/policy.js';
import { isRealRoot } from '../harness/sandbox/root.js';

const FIXTURES = join(ROOT, 'fixtures', 'tcp-echo');
const sandboxed = namespaceSupport().available && (await sandboxPolicy({ hermetic: false, off: false })).bubblewrap;
const root = isRealRoot();
const NOBODY = 65534;

/** A copy of fixture `name` in a folder of its own (`class/<student>/`), readable by anyone. */
function copyFixture(name: string, student = 'mallory'): { cls: string; dir: string } {
  const cls = testDir('sockgrade-hostile-');
  chmodSync(cls, 0o755);
  const dir = join(cls, student);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return { cls, dir };
}

function serverCmd(dir: string): string {
  return `python3 ${join(dir, 'server.py')} {port}`;
}

function everything(run: CliRun): string {
  return run.stdout + run.stderr + JSON.stringify(run.result ?? {});
}

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Runs the grading of an attack with `extra` options and checks it was graded as an upper-casing echo server. */
async function gradedAsWrongEcho(fixture: string, opts: Parameters<typeof runCli>[1] = {}, extraArgs: string[] = []): Promise<CliRun> {
  const { dir } = copyFixture(fixture);
  const run = await runCli(['grade', 'tcp-echo', '--server', serverCmd(dir), '--only', 'echo.small', ...extraArgs], { json: true, ...opts });
  expect(run.result, run.stdout + run.stderr).toBeDefined();
  expect(run.result).not.toHaveProperty('forged');
  expect(failedIds(run.result!), run.stdout).toEqual(['echo.small']);
  expect(run.result!.score).toBe(0);
  expect(run.code).toBe(1);
  expect(run.leftovers).toEqual([]);
  expect(run.survivors).toEqual([]);
  return run;
}

/** The attacks every mode stops: forged results, a killed grader, planted code, leaked environment. */
function commonAttacks(label: string, opts: Parameters<typeof runCli>[1]): void {
  it(`${label}: a program that writes a perfect result where --json points and kills the grader gets its real result`, async () => {
    const run = await gradedAsWrongEcho('hostile-forge-result', opts);
    expect(run.result!.maxScore).toBe(1);
  });

  it(`${label}: a program cannot plant code into sockgrade's main.js or its Python start-up hook`, async () => {
    const files = [CLI, join(ROOT, 'dist', 'harness', 'cli', 'main.js'), join(ROOT, 'harness', 'process', 'python-hook', 'sitecustomize.py')];
    const before = files.map(sha);
    const run = await gradedAsWrongEcho('hostile-plant-code', opts);
    expect(files.map(sha)).toEqual(before);
    expect(everything(run)).not.toContain('codigo plantado');
  });

  it(`${label}: a program sees none of the grader's environment (GITHUB_TOKEN)`, async () => {
    const token = `ghp_${randomUUID()}`;
    const run = await gradedAsWrongEcho('hostile-read-secrets', { ...opts, env: { ...opts?.env, GITHUB_TOKEN: token } });
    expect(everything(run)).toContain('buscando secretos');
    expect(everything(run)).not.toContain(token);
  });

  it(`${label}: kill(-1, SIGKILL) and killing every visible process reach only the program's own processes`, async () => {
    const sentinel = spawn('sleep', ['120'], { stdio: 'ignore' });
    try {
      const { dir } = copyFixture('hostile-kill-everything');
      const run = await runCli(['grade', 'tcp-echo', '--server', serverCmd(dir), '--only', 'echo.small', '--only', 'echo.large'], { json: true, ...opts });
      expect(run.result?.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`), run.stdout).toEqual([]);
      expect(run.code).toBe(0);
      expect(sentinel.exitCode).toBeNull();
      expect(sentinel.signalCode).toBeNull();
      expect(run.survivors).toEqual([]);
    } finally {
      sentinel.kill('SIGKILL');
    }
  });

  it(`${label}: in a batch, a program cannot rewrite a classmate's submission or record`, async () => {
    const { cls } = copyFixture('hostile-sabotage-classmates', 'bruno');
    for (const student of ['alba', 'zoe']) cpSync(join(FIXTURES, 'correct-threads'), join(cls, student), { recursive: true });
    for (const student of ['alba', 'zoe']) rmSync(join(cls, student, 'expected.json'));
    const before = ['alba', 'zoe'].map((s) => sha(join(cls, s, 'server.py')));
    const out = testDir('sockgrade-hostile-out-');
    chmodSync(out, 0o755);
    if (opts?.asUid !== undefined) chownTree(out, opts.asUid);
    const results = join(out, 'sockgrade-results');
    const run = await runCli(['batch', cls, '--exercise', 'tcp-echo', '--server', 'python3 {dir}/server.py {port}', '--jobs', '1', '--only', 'echo.small', '--out', results, '--csv', join(out, 'grades.csv')], { ...opts, cwd: out });
    expect(run.code, run.stderr).toBe(0);
    expect(['alba', 'zoe'].map((s) => sha(join(cls, s, 'server.py')))).toEqual(before);
    expect(readFileSync(join(out, 'grades.csv'), 'utf8').trim().split('\n').slice(1)).toEqual(['alba,1,1,passed,1', 'bruno,0,1,failed,0', 'zoe,1,1,passed,1']);
    for (const f of readdirSync(results)) expect(readFileSync(join(results, f), 'utf8')).not.toContain('sabotaged');
  });
}

function chownTree(dir: string, uid: number): void {
  expect(spawnSync('chown', ['-R', `${uid}:${uid}`, dir]).status).toBe(0);
}

describe.skipIf(!sandboxed).concurrent('hostile submissions in the sandbox', () => {
  commonAttacks('sandbox', {});

  it('a program sees no classmate, no course config, no home folder and no other process', async () => {
    const { cls, dir } = copyFixture('hostile-read-secrets');
    const secret = `secreto-${randomUUID()}`;
    mkdirSync(join(cls, 'alba'));
    writeFileSync(join(cls, 'alba', 'server.py'), `# ${secret}-classmate\n`);
    const config = join(cls, 'sockgrade.config.json');
    writeFileSync(config, JSON.stringify({ course: `${secret}-course`, exercises: {} }));
    const run = await runCli(['grade', 'tcp-echo', '--server', serverCmd(dir), '--only', 'echo.small', '--config', config], { json: true });
    expect(failedIds(run.result!)).toEqual(['echo.small']);
    const text = JSON.stringify(run.result!.checks.map((c) => c.evidence));
    expect(text).toContain('buscando secretos');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('main.js');
    expect(text).not.toContain('SOCKGRADE_NONCE');
  });

  it('a program cannot write into /tmp, /var/tmp, /dev/shm, $HOME, /root or its own submission', async () => {
    const { dir } = copyFixture('hostile-write-outside');
    const places = ['/tmp', '/var/tmp', '/dev/shm', homedir(), '/root', dir].map((d) => join(d, 'sockgrade-hostile-was-here'));
    for (const p of places) rmSync(p, { force: true });
    const run = await runCli(['grade', 'tcp-echo', '--server', serverCmd(dir), '--only', 'echo.small'], { json: true });
    expect(failedIds(run.result!)).toEqual(['echo.small']);
    expect(places.filter((p) => existsSync(p))).toEqual([]);
  });

  it('a program cannot unmount /proc, setns into another network namespace, or reach a host service', async () => {
    let calls = 0;
    const sock = '/tmp/sockgrade-hostile-host.sock';
    rmSync(sock, { force: true });
    const servers: Server[] = [createServer(() => calls++), createServer(() => calls++)];
    await new Promise<void>((r) => servers[0]!.listen(sock, r));
    chmodSync(sock, 0o777);
    const tcp = await new Promise<boolean>((r) => servers[1]!.once('error', () => r(false)).listen(47123, '127.0.0.1', () => r(true)));
    try {
      const run = await gradedAsWrongEcho('hostile-escape-network');
      const out = everything(run);
      expect(out).toContain('no pude desmontar /proc');
      expect(out).not.toContain('dentro de la red');
      expect(out).not.toMatch(/conectado con/);
      expect(calls, tcp ? 'no host service was called' : 'port 47123 was busy: only the Unix socket was offered').toBe(0);
    } finally {
      for (const s of servers) s.close();
      rmSync(sock, { force: true });
    }
  });

  it('an exit marker printed by the program (with any nonce it can find) neither ends nor fakes its run', async () => {
    const { dir } = copyFixture('hostile-fake-exit');
    const run = await runCli(['grade', 'tcp-echo', '--client', `python3 ${join(dir, 'client.py')} {host} {port}`, '--only', 'robust.no-server'], { json: true });
    expect(failedIds(run.result!)).toEqual(['robust.no-server']);
    expect(run.result!.checks[0]?.message).toMatch(/still running/);
  });

  it('the run header says which protections are in force', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', serverCmd(join(FIXTURES, 'correct-threads')), '--only', 'echo.small'], { json: true });
    expect(run.result?.run.isolation).toMatch(/bubblewrap sandbox/);
    expect(run.stdout).toMatch(/bubblewrap sandbox/);
  });
});

describe.skipIf(!root).concurrent('hostile submissions without namespaces, sockgrade as root', () => {
  const env = { SOCKGRADE_NO_NAMESPACES: '1' };
  commonAttacks('no namespaces', { env });

  it('no namespaces: the header says the programs run as an unprivileged uid and what that does not hide', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', serverCmd(join(FIXTURES, 'correct-threads')), '--only', 'echo.small'], { json: true, env });
    expect(run.code).toBe(0);
    expect(run.result?.run.isolation).toMatch(/^off \(namespaces disabled by SOCKGRADE_NO_NAMESPACES\).*unprivileged uid of their own per instance of a program.*see every world-readable file/);
  });
});

describe.skipIf(!root || !sandboxed).concurrent('hostile submissions, sockgrade as an ordinary user', () => {
  commonAttacks('ordinary user', { asUid: NOBODY });
});
