/**
 * The package's bin (`bin/sockgrade`): a grading that can be hermetic enters its namespaces from
 * the shell, so it runs in one Node process, and grades exactly as the Node CLI does; every
 * other command, and a grading whose namespaces cannot be made, goes to the Node CLI, which
 * decides and says why. (Its signals are tested with the CLI's, in outputs.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, runCli, testDir } from './support/cli.js';
import { namespaceSupport } from '../harness/isolation/namespace.js';

const SERVER = `python3 ${join(ROOT, 'fixtures/tcp-echo/correct-threads/server.py')} {port}`;
const BUGGY = `python3 ${join(ROOT, 'fixtures/tcp-echo/bug-recv-once/server.py')} {port}`;
const hermetic = namespaceSupport().available;

/** A folder holding an `unshare` that refuses, as on a system that forbids unprivileged namespaces. */
function refusingUnshare(): string {
  const dir = testDir('sockgrade-nounshare-');
  writeFileSync(join(dir, 'unshare'), '#!/bin/sh\necho "unshare: unshare failed: Operation not permitted" >&2\nexit 1\n');
  chmodSync(join(dir, 'unshare'), 0o755);
  return dir;
}

/** Environment that makes every Node process started with it note its start, and how many did. */
function countingNodeStarts(): { env: Record<string, string>; starts: () => number } {
  const dir = testDir('sockgrade-node-');
  const log = join(dir, 'log');
  writeFileSync(log, '');
  writeFileSync(join(dir, 'count.mjs'), `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, 'start\\n');\n`);
  return { env: { NODE_OPTIONS: `--import=${pathToFileURL(join(dir, 'count.mjs')).href}` }, starts: () => readFileSync(log, 'utf8').split('\n').filter(Boolean).length };
}

describe.concurrent('bin/sockgrade', () => {
  it.skipIf(!hermetic)('grades hermetically in one Node process, with the same verdicts and header as the Node CLI, and removes its scratch folder', async () => {
    const args = ['grade', 'tcp-echo', '--server', BUGGY, '--only', 'echo.', '--seed', '5'];
    const [binStarts, nodeStarts] = [countingNodeStarts(), countingNodeStarts()];
    const [viaBin, viaNode] = await Promise.all([runCli(args, { json: true, launcher: true, env: binStarts.env }), runCli(args, { json: true, env: nodeStarts.env })]);
    expect(binStarts.starts(), 'Node processes of the grading through the bin').toBe(1);
    expect(nodeStarts.starts(), 'Node processes of the grading through the Node CLI').toBe(2);
    expect(viaBin.stderr).toBe('');
    expect(viaBin.code).toBe(1);
    expect(viaBin.code).toBe(viaNode.code);
    expect(viaBin.result!.run.isolation).toBe(viaNode.result!.run.isolation);
    expect(viaBin.result!.run.isolation).toMatch(/^on \(network, PID and mount namespaces/);
    expect(viaBin.result!.checks.map((c) => [c.id, c.status])).toEqual(viaNode.result!.checks.map((c) => [c.id, c.status]));
    expect(viaBin.leftovers).toEqual([]);
    expect(viaBin.survivors).toEqual([]);
  });

  it.skipIf(!hermetic)('grades a folder with check, hermetically', async () => {
    const dir = testDir('sockgrade-check-');
    copyFileSync(join(ROOT, 'fixtures/tcp-echo/correct-threads/server.py'), join(dir, 'servidor.py'));
    writeFileSync(join(dir, 'sockgrade.json'), JSON.stringify({ exercise: 'tcp-echo', server: 'python3 servidor.py {port}' }));
    const run = await runCli(['check', '--dir', dir, '--only', 'echo.small'], { json: true, launcher: true });
    expect(run.code, run.stderr).toBe(0);
    expect(run.result!.run.isolation).toMatch(/^on \(network, PID and mount namespaces/);
    expect(run.leftovers).toEqual([]);
  });

  it('hands every other command to the Node CLI: --version, list, --help', async () => {
    const [version, list, help] = await Promise.all([runCli(['--version'], { launcher: true }), runCli(['list', '--json'], { launcher: true }), runCli(['grade', '--help'], { launcher: true })]);
    expect(version.stdout).toBe((await runCli(['--version'])).stdout);
    expect(version.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'tcp-echo' })]));
    expect(help.stdout).toMatch(/^Usage:\n {2}sockgrade grade /);
  });

  it('grades without namespaces when asked (--isolation off and --isolation=off)', async () => {
    const runs = await Promise.all([['--isolation', 'off'], ['--isolation=off']].map((flag) => runCli(['grade', 'tcp-echo', '--server', SERVER, '--only', 'echo.small', ...flag], { json: true, launcher: true })));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.result!.run.isolation).toMatch(/^off \(--isolation off/);
    }
  });

  it('a usage error is the CLI\'s one line and exit 2, also from inside the namespaces', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--sever', SERVER], { launcher: true });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('sockgrade: "sockgrade grade" has no option --sever: did you mean --server? (run "sockgrade grade --help")\n');
    expect(run.leftovers).toEqual([]);
  });

  it('where namespaces are refused, grades through the Node CLI, which says why, and prints nothing of the failed attempt', async () => {
    const bin = refusingUnshare();
    const run = await runCli(['grade', 'tcp-echo', '--server', SERVER, '--only', 'echo.small'], { json: true, launcher: true, env: { PATH: `${bin}:${process.env.PATH ?? ''}` } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.result!.run.isolation).toMatch(/^off \(this system does not allow unprivileged namespaces/);
    expect(run.leftovers).toEqual([]);
    expect(run.survivors).toEqual([]);
  });
});
