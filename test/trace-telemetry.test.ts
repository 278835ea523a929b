/**
 * D5's overhead from real packets: with `--trace`, `telemetry.overhead` puts the bytes per reading
 * measured on the wire next to its header model, for the transport the client used, and the
 * figure is what tshark counts in the check's own pcap (IP bytes of every packet to or from the
 * server's port, over the readings the client's bytes hold).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, runCli, testDir } from './support/cli.js';
import { namespaceSupport } from '../harness/isolation/namespace.js';
import { missingTool, TSHARK } from './support/tools.js';

const fx = (p: string): string => join(ROOT, 'fixtures', 'sensor-telemetry', p);
const hermetic = namespaceSupport().available;
const why = !hermetic ? 'network namespaces are not available' : missingTool(TSHARK);

/** Bytes per reading in `file` as tshark counts them: `record` is the size of one reading on the wire. */
function oracle(file: string, transport: 'tcp' | 'udp', serverPort: number, record: number): number {
  const r = spawnSync('tshark', ['-r', file, '-T', 'fields', '-E', 'separator=|', '-e', 'ip.len', '-e', `${transport}.srcport`, '-e', `${transport}.dstport`, '-e', transport === 'tcp' ? 'tcp.len' : 'udp.length'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  let bytes = 0;
  let toServer = 0;
  for (const line of r.stdout.trim().split('\n')) {
    const [len, src, dst, payload] = line.split('|').map(Number) as [number, number, number, number];
    if (src !== serverPort && dst !== serverPort) continue;
    bytes += len;
    if (dst === serverPort) toServer += transport === 'udp' ? payload - 8 : payload;
  }
  return Math.round((bytes / Math.floor(toServer / record)) * 10) / 10;
}

describe.skipIf(why !== '')(`telemetry.overhead with a capture${why ? ` (skipped: ${why})` : ''}`, { concurrent: false }, () => {
  // Both fixtures declare records of format !BIfH (11 bytes) with no length prefix.
  for (const [fixture, transport] of [
    ['correct-tcp-client', 'tcp'],
    ['correct-udp-client', 'udp'],
  ] as const) {
    it(`measures the bytes per reading of a ${transport.toUpperCase()} client on the wire, as tshark counts them in its pcap`, async () => {
      const dir = testDir('sockgrade-trace-telemetry-');
      const run = await runCli(['grade', 'sensor-telemetry', '--client', `python3 ${fx(`${fixture}/cliente.py`)} {host} {port}`, '--manifest', fx(`${fixture}/sockgrade.json`), '--only', 'telemetry.overhead', '--trace', dir], { json: true });
      expect(run.code).toBe(0);
      const check = run.result!.checks.find((c) => c.id === 'telemetry.overhead')!;
      expect(check.status).toBe('pass');
      const notes = (check.evidence.notes ?? []).join('\n');
      const row = /^ {2}measured on the wire +(\S+) +(\S+)$/m.exec(notes);
      expect(row, notes).not.toBeNull();
      const [udpCell, tcpCell] = [row![1]!, row![2]!];
      expect(transport === 'tcp' ? udpCell : tcpCell).toBe('-');
      const conn = check.trace!.connections[0]!;
      const serverPort = Number((conn.kind === 'tcp' ? conn.server : conn.b).split(':').pop());
      expect(Number(transport === 'tcp' ? tcpCell : udpCell)).toBe(oracle(check.trace!.file!, transport, serverPort, 11));
      expect(notes).toMatch(new RegExp(`measured on the wire \\(the run's capture from the client's first packet to its connections' close, [^)]*\\): [\\d.]+ bytes per reading over ${transport.toUpperCase()}: \\d+ packets`));
      if (conn.kind === 'tcp') expect(conn.teardown.kind).not.toBe('open');
    });
  }
});
