/**
 * `--trace` through the real CLI: one pcap per check that tcpdump reads, summaries in the JSON
 * result and the console, the same verdicts with and without recording, a clear reason when a
 * run cannot be recorded, `sockgrade trace`, the course config's `trace`, E1 in `sockgrade list`.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, testDir } from './support/cli.js';
import { namespaceSupport } from '../harness/isolation/namespace.js';
import type { GradeResult } from '../harness/model/result.js';
import type { TcpConnectionSummary } from '../harness/trace/summary.js';
import { gradeArgsFor } from '../harness/batch/run-batch.js';
import { EXERCISES } from '../exercises/index.js';
import { missingTool, TCPDUMP } from './support/tools.js';

const fx = (p: string): string => join(ROOT, 'fixtures', p);
const CORRECT = `python3 ${fx('tcp-echo/correct-threads/server.py')} {port}`;
const tcpdump = missingTool(TCPDUMP) === '';
const hermetic = namespaceSupport().available;

const verdicts = (r: GradeResult | undefined): string[] => (r?.checks ?? []).map((c) => `${c.role}:${c.id}=${c.status}`);

describe.skipIf(!hermetic)('--trace', { concurrent: true }, () => {
  it('writes one pcap per check, which tcpdump reads, and a summary per connection', async () => {
    const dir = testDir('sockgrade-trace-cli-');
    const run = await runCli(['grade', 'tcp-echo', '--server', CORRECT, '--trace', dir, '--only', 'echo.', '--seed', '7'], { json: true });
    expect(run.code).toBe(0);
    const files = readdirSync(dir).sort();
    const ran = run.result!.checks.filter((c) => c.status !== 'skip');
    expect(files).toEqual(ran.map((c) => `${c.id}.pcap`).sort());
    for (const c of ran) {
      expect(c.trace?.file).toBe(join(dir, `${c.id}.pcap`));
      expect(c.trace?.complete).toBe(true);
      const tcp = c.trace!.connections.filter((x): x is TcpConnectionSummary => x.kind === 'tcp');
      expect(tcp.length).toBeGreaterThan(0);
      expect(tcp.every((x) => x.handshake.completed && x.handshake.syn?.mss !== undefined)).toBe(true);
      if (tcpdump) {
        const read = spawnSync('tcpdump', ['-nr', c.trace!.file!], { encoding: 'utf8' });
        expect(read.status, read.stderr).toBe(0);
        expect(read.stdout.split('\n').filter(Boolean).length).toBe(c.trace!.packets);
      }
    }
    const large = ran.find((c) => c.id === 'echo.large')!.trace!.connections[0] as TcpConnectionSummary;
    expect(large.payloadBytes).toEqual({ toServer: 262144, toClient: 262144 });
    expect(run.stdout).toMatch(/Packets \(one pcap per check in /);
    expect(run.stdout).toMatch(/TCP 127\.0\.0\.1:\d+ → 127\.0\.0\.1:\d+ {2}handshake SYN, SYN-ACK, ACK/);
    expect(run.result!.run.notes.join('\n')).toMatch(/packets recorded into/);
    expect(run.leftovers).toEqual([]);
    expect(run.survivors).toEqual([]);
  });

  it('gives the same verdicts with and without recording, and a failed check shows its packet table', async () => {
    for (const [exercise, fixture, role] of [
      ['tcp-echo', 'tcp-echo/bug-recv-once/server.py', 'server'],
      ['udp-echo', 'udp-echo/bug-truncates-1024/server.py', 'server'],
    ] as const) {
      const cmd = `python3 ${fx(fixture)} {port}`;
      const plain = await runCli(['grade', exercise, `--${role}`, cmd, '--seed', '11'], { json: true });
      const traced = await runCli(['grade', exercise, `--${role}`, cmd, '--seed', '11', '--trace', testDir('sockgrade-trace-cli-')], { json: true });
      expect(verdicts(traced.result)).toEqual(verdicts(plain.result));
      expect(traced.code).toBe(plain.code);
      if (exercise === 'tcp-echo') expect(traced.stdout).toMatch(/t \(ms\) {2}dir {2}flags/);
    }
  });

  it('the HTML report draws a failed check\'s handshake and reset on its connection\'s lane, among the messages', async () => {
    const dir = testDir('sockgrade-trace-cli-');
    const html = join(dir, 'r.html');
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${fx('tcp-echo/bug-recv-once/server.py')} {port}`, '--only', 'echo.large', '--seed', '3', '--trace', join(dir, 'p'), '--html', html]);
    expect(run.code).toBe(1);
    const rows = [...readFileSync(html, 'utf8').matchAll(/<g class="msg ([a-z ]+)" data-source="[a-z]+" data-t="(\d+)">[\s\S]*?<text class="label"[^>]*>([^<]*)</g)].map((m) => ({ kind: m[1], t: Number(m[2]), label: m[3] }));
    const syn = rows.find((r) => r.kind === 'packet' && r.label === 'SYN');
    const connected = rows.find((r) => r.kind === 'event' && r.label!.startsWith('connected to'));
    expect(syn, JSON.stringify(rows)).toBeDefined();
    expect(rows.some((r) => r.kind === 'packet' && r.label === 'SYN-ACK')).toBe(true);
    expect(rows.some((r) => r.kind === 'packet' && r.label === 'RST')).toBe(true);
    expect(syn!.t).toBeLessThanOrEqual(connected!.t);
  });

  it('a run without isolation is graded as usual, and says why packets were not recorded', async () => {
    const dir = testDir('sockgrade-trace-cli-');
    const run = await runCli(['grade', 'tcp-echo', '--server', CORRECT, '--isolation', 'off', '--trace', dir, '--only', 'echo.small'], { json: true });
    expect(run.code).toBe(0);
    expect(run.result!.run.notes.join('\n')).toMatch(/packets were not recorded: packets are recorded only in a hermetic run/);
    expect(run.result!.checks.every((c) => c.trace === undefined)).toBe(true);
  });

  it('sockgrade trace records into ./sockgrade-trace by default, and the course config can name the folder', async () => {
    const dir = testDir('sockgrade-trace-cli-');
    writeFileSync(join(dir, 'sockgrade.config.json'), JSON.stringify({ trace: 'capturas' }));
    const viaConfig = await runCli(['grade', 'tcp-echo', '--server', CORRECT, '--config', join(dir, 'sockgrade.config.json'), '--only', 'echo.small'], { json: true });
    expect(viaConfig.code).toBe(0);
    expect(readdirSync(join(dir, 'capturas'))).toEqual(['echo.small.pcap']);
    const viaCommand = await runCli(['trace', 'udp-echo', '--server', `python3 ${fx('udp-echo/correct-loop/server.py')} {port}`, '--only', 'echo.roundtrip'], { json: true });
    expect(viaCommand.result!.checks.find((c) => c.status === 'pass')?.trace?.file).toBe(join(ROOT, 'sockgrade-trace', 'echo.roundtrip.pcap'));
    expect(viaCommand.result!.checks.find((c) => c.status === 'pass')?.trace?.connections[0]?.kind).toBe('udp');
    spawnSync('rm', ['-rf', join(ROOT, 'sockgrade-trace')]);
  });
});

describe.concurrent('E1 in the catalogue', () => {
  it('a batch gives each student a trace folder of their own', () => {
    const args = gradeArgsFor({ exercise: EXERCISES['tcp-echo'], server: 'python3 {dir}/s.py', gradeArgs: [], trace: '/tmp/capturas' }, { name: 'ana', dir: '/clase/ana' });
    expect(args).toEqual(expect.arrayContaining(['--trace', '/tmp/capturas/ana']));
  });

  it('sockgrade list shows tcp-trace as a report, with how to get it', async () => {
    const run = await runCli(['list']);
    expect(run.stdout).toMatch(/tcp-trace {2}\(E1\) TCP on the wire/);
    expect(run.stdout).toMatch(/usage: sockgrade trace <exercise>/);
  });

  it('--trace with an empty folder name is a usage error', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', CORRECT, '--trace', ' ']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--trace expects a folder/);
  });
});
