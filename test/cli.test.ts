/** The command line as users and scripts meet it: usage errors, exit codes and the report formats. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, ROOT, runCli, testDir } from './support/cli.js';
import { EXERCISES } from '../exercises/index.js';
import { junitSchema, needTool, XMLLINT } from './support/tools.js';

const CORRECT = `python3 ${join(ROOT, 'fixtures/tcp-echo/correct-threads/server.py')} {port}`;
const BUGGY = `python3 ${join(ROOT, 'fixtures/tcp-echo/bug-recv-once/server.py')} {port}`;

describe.concurrent('usage errors: one readable line, exit code 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown exercise', ['grade', 'tcp-ecoh', '--server', CORRECT], /unknown exercise "tcp-ecoh": did you mean tcp-echo\? \(run "sockgrade list"/],
    ['unknown flag', ['grade', 'tcp-echo', '--sever', CORRECT], /"sockgrade grade" has no option --sever: did you mean --server\? \(run "sockgrade grade --help"\)/],
    ['no role', ['grade', 'tcp-echo'], /nothing to grade: give --server "<command>" and\/or --client "<command>"/],
    ['missing script', ['grade', 'tcp-echo', '--server', 'python3 nope/server.py {port}'], /names nope\/server.py, which does not exist/],
    ['missing program', ['grade', 'tcp-echo', '--server', 'pythn3 server.py'], /"pythn3", which is not a program on PATH/],
    ['bad param', ['grade', 'tcp-echo-timeout', '--server', CORRECT, '--param', 'idle=soon'], /parameter idle expects a number/],
    ['params that conflict', ['grade', 'file-copy', '--server', CORRECT, '--param', 'transport=udp', '--param', 'variant=framed'], /exercise file-copy: variant=framed cannot go with transport=udp: .*use variant=lines/],
    ['bad only', ['grade', 'tcp-echo', '--server', CORRECT, '--only', 'nothing.'], /--only nothing. matches no check of tcp-echo/],
    ['bad port', ['grade', 'tcp-echo', '--server', CORRECT, '--port', '70000'], /--port expects a whole number from 1 to 65535/],
    ['role the exercise lacks', ['grade', 'tcp-echo-timeout', '--client', CORRECT], /has no client role/],
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const tmp = testDir('sockgrade-tmpdir-');
      const run = await runCli(args, { env: { TMPDIR: tmp } });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
      expect(readdirSync(tmp), 'the sandbox probe, started before the error was found, cleaned up').toEqual([]);
    });
  }
});

describe.concurrent('sockgrade list', () => {
  it('shows every exercise with roles, parameters and defaults', async () => {
    const run = await runCli(['list']);
    expect(run.code).toBe(0);
    for (const id of ['udp-echo', 'tcp-echo', 'tcp-echo-concurrent', 'tcp-echo-timeout']) expect(run.stdout).toContain(id);
    expect(run.stdout).toContain('--param idle=5');
  });
  it('as JSON for tools', async () => {
    const run = await runCli(['list', '--json']);
    const list = JSON.parse(run.stdout) as { id: string; checks: unknown[] }[];
    expect(list.map((e) => e.id)).toEqual(Object.keys(EXERCISES));
    expect(list.every((e) => e.checks.length > 0)).toBe(true);
  });
});

describe.concurrent('reports', () => {
  it('exit 1, TAP 14 and JUnit with the diagnosis when a check fails; the score agrees everywhere', async ({ skip }) => {
    needTool(XMLLINT, skip);
    const dir = testDir('sockgrade-reports-');
    const junit = join(dir, 'out.xml');
    const run = await runCli(['grade', 'tcp-echo', '--server', BUGGY, '--tap', '--junit', junit, '--seed', '7'], { json: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^TAP version 14\n1\.\.12\n/);
    expect(run.stdout).toMatch(/not ok \d+ - echo\.large: .*\n {2}---\n {2}message: "client #1 got back only 1024 of the 262144 bytes/);
    expect(run.stdout).toMatch(/ok \d+ - client\.binary-safe: .* # SKIP no client was given/);
    const xml = readFileSync(junit, 'utf8');
    const schema = junitSchema(ROOT);
    const lint = spawnSync('xmllint', ['--noout', '--schema', schema, junit], { encoding: 'utf8' });
    expect(lint.stderr).toContain('validates');
    expect(xml).toContain('<testcase name="echo.large: echoes 256 KiB of binary data sent at once" classname="tcp-echo"');
    expect(xml).toMatch(/<failure message="client #1 got back only 1024/);
    expect(xml.match(/<testcase /g)).toHaveLength(12);
    const result = run.result!;
    expect(run.stdout).toContain(`# score ${result.score}/${result.maxScore}`);
    expect(result.score).toBe(6);
    expect(result.maxScore).toBe(8);
    expect(result.run.seed).toBe(7);
    const large = result.checks.find((c) => c.id === 'echo.large')!;
    expect(large.status).toBe('fail');
    expect(large.evidence.reproduce).toContain('--only echo.large --seed 7');
    expect(large.evidence.transcripts?.some((t) => t.label === 'client #1')).toBe(true);
  });

  it('exit 0 and a console report with the score when everything passes', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', CORRECT]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ server echo\.large/);
    expect(run.stdout).toMatch(/Score: 8\/8/);
  });

  it('--only runs just the checks with that prefix', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', CORRECT, '--only', 'robust.'], { json: true });
    expect(run.result!.checks.filter((c) => c.role === 'server').map((c) => c.id)).toEqual(['robust.survives-abrupt-close', 'robust.survives-garbage', 'robust.no-crash-output']);
    expect(run.result!.checks.find((c) => c.role === 'client')?.status).toBe('skip');
  });

  it('the console report shows the failing diagnosis, the program output and how to reproduce', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', BUGGY, '--seed', '11']);
    expect(run.stdout).toMatch(/✗ echo\.sliced — echoes a message that arrives 1 to 7 bytes at a time/);
    expect(run.stdout).toMatch(/hint: TCP is a byte stream/);
    expect(run.stdout).toMatch(/server output:\n(\s+\|.*\n)*\s+\| Conectado/);
    expect(run.stdout).toContain(`reproduce: sockgrade grade tcp-echo --server 'python3 ${join(ROOT, 'fixtures/tcp-echo/bug-recv-once/server.py')} {port}' --only echo.sliced --seed 11`);
  });
});

describe.concurrent('programs that cannot start or misbehave', () => {
  it('a server with a syntax error: every check fails with the traceback, nothing is left behind', async () => {
    const dir = testDir('sockgrade-bad-');
    writeFileSync(join(dir, 'server.py'), 'import socket\ndef main(:\n  pass\n');
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${join(dir, 'server.py')} {port}`, '--only', 'echo.small'], { json: true });
    expect(run.code).toBe(1);
    const c = run.result!.checks[0]!;
    expect(c.message).toMatch(/the server exited \(exit code 1\) before it listened on any TCP port/);
    expect(c.evidence.programOutput).toMatch(/SyntaxError/);
    expect(run.survivors).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });

  it('a server that never listens and ignores SIGTERM is stopped when the startup time runs out', async () => {
    const dir = testDir('sockgrade-bad-');
    writeFileSync(join(dir, 'server.py'), 'import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nprint("arrancando")\nwhile True:\n    time.sleep(1)\n');
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${join(dir, 'server.py')}`, '--only', 'echo.small', '--startup-timeout', '2'], { json: true });
    const c = run.result!.checks[0]!;
    expect(c.status).toBe('fail');
    expect(c.message).toMatch(/did not listen on any TCP port within 2 s/);
    // The 2 s do not count time spent waiting for a CPU, up to four times them: on a loaded machine the run ends later.
    expect(run.ms).toBeLessThan(25_000);
    expect(run.survivors).toEqual([]);
  });

  it('a client that never exits is stopped at the end of its budget', async () => {
    const dir = testDir('sockgrade-bad-');
    writeFileSync(join(dir, 'client.py'), 'import time, os\nif os.fork() == 0:\n    time.sleep(3600)\ninput("Mensaje: ")\nwhile True:\n    time.sleep(1)\n');
    const run = await runCli(['grade', 'tcp-echo', '--client', `python3 ${join(dir, 'client.py')} {port}`, '--only', 'robust.no-server'], { json: true });
    expect(run.result!.checks[0]!.message).toMatch(/still running 10 s after it started/);
    expect(run.survivors).toEqual([]);
  });
});

describe('the CLI binary', () => {
  it('is built and runnable', () => {
    expect(readFileSync(CLI, 'utf8')).toMatch(/^#!\/usr\/bin\/env node/);
  });
});
