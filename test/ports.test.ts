/** Submissions that hard-code their address, graded as they are. */
import { describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { GradeResult } from '../harness/model/result.js';
import { join } from 'node:path';
import { ROOT, runCli, testDir, type CliRun } from './support/cli.js';
import { freePort } from '../harness/net/free-port.js';

describe.concurrent('addresses as students write them', () => {
  it('finds the port a server chose itself in the kernel socket table and reports it', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${join(ROOT, 'fixtures/tcp-echo/correct-os-port/server.py')}`], { json: true });
    expect(run.code).toBe(0);
    expect(run.result!.run.notes.join('\n')).toMatch(/the server listens on port \d+, which it chose itself/);
  });

  it('a client with a hard-coded port is served where --port says', async () => {
    const port = await freePort();
    const dir = testDir('sockgrade-hard-');
    const source = readFileSync(join(ROOT, 'fixtures/tcp-echo/correct-input/client.py'), 'utf8');
    writeFileSync(join(dir, 'client.py'), `import sys\nsys.argv = [sys.argv[0], '127.0.0.1', '${port}']\n${source}`);
    const run = await runCli(['grade', 'tcp-echo', '--client', `python3 ${join(dir, 'client.py')}`, '--port', String(port)], { json: true });
    expect(run.result!.checks.filter((c) => c.role === 'client').map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('a client that asks for its port at a prompt gets the one sockgrade chose', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--client', `python3 ${join(ROOT, 'fixtures/tcp-echo/correct-port-prompt/client.py')}`], { json: true });
    expect(run.code).toBe(0);
  });

  it('a server on a declared port that listens elsewhere is told which port it used', async () => {
    const declared = await freePort();
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${join(ROOT, 'fixtures/tcp-echo/correct-os-port/server.py')}`, '--port', String(declared), '--only', 'echo.small'], { json: true });
    expect(run.result!.checks[0]!.message).toMatch(new RegExp(`the server listens on port \\d+, not on port ${declared} given with --port`));
  });

  it('a server told its port through {port} listens there, whatever --port says', async () => {
    const declared = await freePort();
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${join(ROOT, 'fixtures/tcp-echo/correct-threads/server.py')} {port}`, '--port', String(declared), '--only', 'echo.small'], { json: true });
    expect(run.result!.checks.map((c) => c.status)).toContain('pass');
  });
});

const IGNORES_PORT = join(ROOT, 'fixtures/tcp-echo/real-ignores-port-arg/server.py');
const verdicts = (r: GradeResult | undefined, role: 'server' | 'client'): string[] => (r?.checks ?? []).filter((c) => c.role === role).map((c) => `${c.id}: ${c.status}`);

describe.concurrent('server instances keep ports of their own', () => {
  it('a server that hard-codes its port (no SO_REUSEADDR) gets the same verdicts with or without {port} in the command', async () => {
    const grade = (cmd: string): Promise<CliRun> => runCli(['grade', 'tcp-echo', '--server', cmd, '--isolation', 'off'], { json: true });
    const [withPort, without] = await Promise.all([grade(`python3 ${IGNORES_PORT} {port}`), grade(`python3 ${IGNORES_PORT}`)]);
    for (const run of [withPort, without]) {
      expect(run.code, run.stdout).toBe(0);
      expect(run.result!.run.notes.join('\n')).toMatch(/the server binds port 65432, which it hard-codes; .* a port of its own, so the checks ran in parallel/);
    }
    expect(verdicts(withPort.result, 'server')).toEqual(verdicts(without.result, 'server'));
  });

  it('--port given for a hard-coded client does not make the server instances share that port', async () => {
    const run = await runCli(
      ['grade', 'tcp-echo', '--server', `python3 ${IGNORES_PORT}`, '--client', `python3 ${join(ROOT, 'fixtures/tcp-echo/real-half-close-client/client.py')}`, '--port', '65432'],
      { json: true },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(run.result!.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip')).toEqual([]);
  });

  it('a class whose servers ignore {port} is graded as each one alone, with no isolation', async () => {
    const cls = testDir('sockgrade-class-');
    chmodSync(cls, 0o755); // as root, programs run as an unprivileged uid that must read the class
    for (const name of ['ana', 'beto']) {
      mkdirSync(join(cls, name));
      copyFileSync(IGNORES_PORT, join(cls, name, 'server.py'));
    }
    const out = testDir('sockgrade-batch-out-');
    const run = await runCli(['batch', cls, '--exercise', 'tcp-echo', '--server', 'python3 {dir}/server.py {port}', '--jobs', '2', '--isolation', 'off', '--unsafe-no-isolation', '--out', join(out, 'results'), '--csv', join(out, 'grades.csv')]);
    expect(run.code, run.stderr).toBe(0);
    const rows = readFileSync(join(out, 'grades.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows.map((r) => r.split(',').slice(0, 4).join(','))).toEqual(['ana,8,8,passed', 'beto,8,8,passed']);
  });
});
