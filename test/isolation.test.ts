/**
 * Hermetic runs: the report says how the run was isolated; with namespaces, runs that hard-code
 * the same port do not collide; without them, grading still works and says so.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, runCli } from './support/cli.js';
import { namespaceSupport } from '../harness/isolation/namespace.js';

const HARD_CODED = `python3 ${join(ROOT, 'fixtures', 'tcp-echo', 'correct-port-80', 'server.py')}`;
const OFFERED = `python3 ${join(ROOT, 'fixtures', 'tcp-echo', 'correct-threads', 'server.py')} {port}`;

describe.concurrent('isolation', () => {
  it('--isolation off grades without namespaces and the header says so', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', OFFERED, '--isolation', 'off', '--only', 'echo.small'], { json: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/isolation: off \(--isolation off/);
    expect(run.result?.run.isolation).toMatch(/^off \(--isolation off/);
  });

  it('a bad --isolation value is a usage error', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', OFFERED, '--isolation', 'maybe']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--isolation expects auto, on or off/);
  });

  it.skipIf(!namespaceSupport().available)('hermetic: three gradings of a server hard-coding port 80 run at once without colliding', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => runCli(['grade', 'tcp-echo', '--server', HARD_CODED, '--only', 'echo.'], { json: true })));
    for (const run of runs) {
      expect(run.result?.run.isolation).toMatch(/^on \(/);
      expect(run.stdout).toMatch(/isolation: on/);
      expect(run.result?.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
      expect(run.result?.run.notes.join(' ')).toContain('port 80');
      expect(run.survivors).toEqual([]);
      expect(run.leftovers).toEqual([]);
    }
  });

  it.skipIf(namespaceSupport().available)('without namespaces, --isolation on refuses with the reason', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', OFFERED, '--isolation', 'on']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--isolation on, but/);
  });
});
