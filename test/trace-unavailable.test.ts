/**
 * A run whose packets cannot be recorded is graded as usual: the recorder refused the capability
 * it needs (CAP_NET_RAW taken out of the grader's bounding set) gives the same verdicts as a run
 * without `--trace`, no trace on any check, no pcap, and a note that says why.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, testDir } from './support/cli.js';
import { namespaceSupport } from '../harness/isolation/namespace.js';
import { PacketRecorder, TraceUnavailable } from '../harness/trace/recorder.js';

const root = process.getuid?.() === 0;
const setpriv = spawnSync('setpriv', ['--bounding-set=-net_raw', 'true'], { stdio: 'ignore' }).status === 0;
const why = !root ? 'the test drops a capability of root' : !setpriv ? 'setpriv cannot drop CAP_NET_RAW here' : '';
const WITHOUT_NET_RAW = ['setpriv', '--bounding-set=-net_raw', '--'];

describe.skipIf(why !== '')(`packets that cannot be recorded${why ? ` (skipped: ${why})` : ''}`, () => {
  it('the recorder says that it lacks CAP_NET_RAW', async () => {
    const dir = testDir('sockgrade-trace-perm-');
    const python = join(dir, 'python');
    writeFileSync(python, `#!/bin/sh\nexec ${WITHOUT_NET_RAW.join(' ')} python3 "$@"\n`, { mode: 0o755 });
    const started = PacketRecorder.start(join(dir, 'x.pcap'), python);
    await expect(started).rejects.toBeInstanceOf(TraceUnavailable);
    await expect(started).rejects.toThrow("capturing packets needs CAP_NET_RAW in the run's network namespace, which this system did not grant");
  });

  it.skipIf(!namespaceSupport().available)('a grading without CAP_NET_RAW gives the verdicts of one without --trace, and says why there are no packets', async () => {
    const dir = testDir('sockgrade-trace-perm-');
    const args = ['grade', 'tcp-echo', '--server', `python3 ${join(ROOT, 'fixtures', 'tcp-echo', 'bug-recv-once', 'server.py')} {port}`, '--only', 'echo.small', '--only', 'echo.large', '--seed', '5'];
    const plain = await runCli(args, { json: true });
    const refused = await runCli([...args, '--trace', dir], { json: true, under: WITHOUT_NET_RAW });
    const verdicts = (r: typeof plain): string[] => (r.result?.checks ?? []).map((c) => `${c.id}=${c.status}`);
    expect(verdicts(plain)).toEqual(['echo.small=pass', 'echo.large=fail']);
    expect(verdicts(refused)).toEqual(verdicts(plain));
    expect(refused.code).toBe(plain.code);
    expect(refused.result!.run.notes).toContain("packets were not recorded: capturing packets needs CAP_NET_RAW in the run's network namespace, which this system did not grant");
    expect(refused.result!.checks.every((c) => c.trace === undefined)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    expect(refused.stdout).not.toMatch(/^Packets/m);
    expect(refused.leftovers).toEqual([]);
    expect(refused.survivors).toEqual([]);
  });
});
