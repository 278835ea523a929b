/**
 * The packet decoder and connection summaries, checked field by field against Wireshark's own
 * dissector (tshark) on real loopback captures made in a private network namespace: handshake
 * with options, data both ways, FIN and RST teardowns, a data segment the receiving kernel drops
 * (a socket filter) and the sender retransmits, a zero window with its probes, UDP; a capture with
 * a segment written twice; and a recorder that falls behind, whose lost frames are counted and make
 * the summary incomplete.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, testDir } from './support/cli.js';
import { readPcap, writePcap } from '../harness/trace/pcap.js';
import { decodePcap } from '../harness/trace/read.js';
import { summarise, type PacketRow, type TcpConnectionSummary, type UdpExchangeSummary } from '../harness/trace/summary.js';
import { traceLines } from '../harness/report/trace-text.js';
import { missingTool, TSHARK } from './support/tools.js';

const CAPTURE = join(ROOT, 'harness', 'trace', 'capture.py');
const SCENARIO = join(ROOT, 'test', 'support', 'trace-scenario.py');
const namespaces = spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore' }).status === 0;
const why = missingTool(TSHARK) || (!namespaces ? 'network namespaces are not available' : '');

const SCRIPT = `set -e
ip link set lo up
python3 "$1" "$2" > "$2.log" &
cp=$!
trap 'kill $cp 2>/dev/null || true' EXIT
until grep -q ready "$2.log" 2>/dev/null; do
  kill -0 $cp 2>/dev/null || exit 3
  sleep 0.01
done
if [ "$5" = paused ]; then kill -STOP $cp; fi
python3 "$3" "$4"
kill -CONT $cp
kill -TERM $cp
wait $cp`;

/** Records the scenario `mode`; `paused` stops the recorder while the traffic flows. */
function capture(dir: string, mode: string, paused = false): string {
  const file = join(dir, `${mode}.pcap`);
  const r = spawnSync('unshare', ['-rn', 'bash', '-c', SCRIPT, 'sh', CAPTURE, file, SCENARIO, mode, paused ? 'paused' : ''], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`capture of ${mode} failed (${r.status}): ${r.stderr}`);
  return file;
}

const FIELDS = [
  'frame.number', 'tcp.srcport', 'tcp.dstport', 'tcp.seq', 'tcp.ack', 'tcp.flags', 'tcp.len', 'tcp.window_size',
  'tcp.options.mss_val', 'tcp.options.wscale.shift', 'tcp.options.sack_perm', 'tcp.options.timestamp.tsval',
  'tcp.analysis.retransmission', 'tcp.analysis.fast_retransmission', 'tcp.analysis.spurious_retransmission',
  'tcp.analysis.duplicate_ack', 'tcp.analysis.zero_window', 'udp.srcport', 'udp.dstport', 'udp.length',
] as const;
type Row = Record<(typeof FIELDS)[number], string>;

function oracle(file: string): Row[] {
  const r = spawnSync('tshark', ['-r', file, '-T', 'fields', '-E', 'separator=|', '-E', 'occurrence=f', ...FIELDS.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tshark failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((line) => Object.fromEntries(line.split('|').map((v, i) => [FIELDS[i], v])) as Row);
}

/** Every TCP frame's row, as the summary computes it, by frame number. */
function rowsByFrame(file: string): Map<number, PacketRow & { synOptions?: TcpConnectionSummary['handshake']['syn'] }> {
  const summary = summarise(decodePcap(readFileSync(file)), { fullTables: true });
  const out = new Map<number, PacketRow>();
  for (const c of summary.connections) if (c.kind === 'tcp') for (const r of c.packets) out.set(r.frame, r);
  return out;
}

function compareTcp(file: string): { frames: number; marks: Record<string, number> } {
  const ours = rowsByFrame(file);
  const packets = new Map(decodePcap(readFileSync(file)).map((p) => [p.frame, p]));
  const marks: Record<string, number> = { retransmission: 0, 'duplicate ACK': 0, 'zero window': 0 };
  let frames = 0;
  for (const t of oracle(file)) {
    if (!t['tcp.srcport']) continue;
    frames++;
    const n = Number(t['frame.number']);
    const row = ours.get(n);
    const p = packets.get(n);
    expect(row, `frame ${n}`).toBeDefined();
    const where = `frame ${n} of ${file}`;
    expect(p!.tcp!.srcPort, where).toBe(Number(t['tcp.srcport']));
    expect(p!.tcp!.dstPort, where).toBe(Number(t['tcp.dstport']));
    expect(p!.tcp!.flags, where).toBe(Number(t['tcp.flags']));
    expect(row!.seq, where).toBe(Number(t['tcp.seq']));
    if (row!.flags.includes('.')) expect(row!.ack, where).toBe(Number(t['tcp.ack']));
    expect(row!.len, where).toBe(Number(t['tcp.len']));
    expect(row!.win, where).toBe(Number(t['tcp.window_size']));
    const o = p!.tcp!.options;
    expect(o.mss, where).toBe(t['tcp.options.mss_val'] ? Number(t['tcp.options.mss_val']) : undefined);
    expect(o.windowScale, where).toBe(t['tcp.options.wscale.shift'] ? Number(t['tcp.options.wscale.shift']) : undefined);
    expect(o.sackPermitted === true, where).toBe(t['tcp.options.sack_perm'] !== '');
    expect(o.timestamp, where).toBe(t['tcp.options.timestamp.tsval'] ? Number(t['tcp.options.timestamp.tsval']) : undefined);
    const retrans = ['tcp.analysis.retransmission', 'tcp.analysis.fast_retransmission', 'tcp.analysis.spurious_retransmission'].some((f) => t[f as keyof Row] !== '');
    expect(row!.marks?.includes('retransmission') ?? false, `${where}: retransmission`).toBe(retrans);
    expect(row!.marks?.includes('duplicate ACK') ?? false, `${where}: duplicate ACK`).toBe(t['tcp.analysis.duplicate_ack'] !== '');
    expect(row!.marks?.includes('zero window') ?? false, `${where}: zero window`).toBe(t['tcp.analysis.zero_window'] !== '');
    for (const m of row!.marks ?? []) marks[m]!++;
  }
  return { frames, marks };
}

describe.skipIf(why !== '')(`packet decoder against tshark${why ? ` (skipped: ${why})` : ''}`, () => {
  const dir = testDir('sockgrade-trace-');
  const files: Record<string, string> = {};
  beforeAll(() => {
    for (const mode of ['fin', 'rst', 'drop', 'zerowin', 'udp']) files[mode] = capture(dir, mode);
    files.flood = capture(dir, 'flood', true);
  });

  it('handshake, data both ways and a FIN teardown', () => {
    const { frames } = compareTcp(files.fin!);
    expect(frames).toBeGreaterThanOrEqual(8);
    const s = summarise(decodePcap(readFileSync(files.fin!)));
    expect(s.complete).toBe(true);
    const c = s.connections.find((x): x is TcpConnectionSummary => x.kind === 'tcp')!;
    expect(c.server).toBe('127.0.0.1:6000');
    expect(c.handshake.completed).toBe(true);
    expect(c.handshake.syn).toMatchObject({ mss: 65495, sackPermitted: true, timestamps: true });
    expect(c.handshake.syn?.windowScale).toBeTypeOf('number');
    expect(c.handshake.synAck).toMatchObject({ mss: 65495, sackPermitted: true, timestamps: true });
    expect(c.payloadBytes).toEqual({ toServer: 5000, toClient: 3000 });
    expect(c.teardown).toEqual({ kind: 'fin', firstFin: 'client' });
    expect(c.retransmissions).toBe(0);
  });

  it('a reset by the server', () => {
    compareTcp(files.rst!);
    const c = summarise(decodePcap(readFileSync(files.rst!))).connections[0] as TcpConnectionSummary;
    expect(c.teardown).toMatchObject({ kind: 'rst', resetBy: 'server' });
    expect(c.payloadBytes.toServer).toBe(4);
  });

  it('a data segment the receiving kernel drops is sent again by the sender, and counted once', () => {
    const { marks } = compareTcp(files.drop!);
    expect(marks.retransmission).toBeGreaterThanOrEqual(1);
    const s = summarise(decodePcap(readFileSync(files.drop!)));
    const c = s.connections[0] as TcpConnectionSummary;
    expect(c.retransmissions).toBe(marks.retransmission);
    expect(c.payloadBytes).toEqual({ toServer: 1000, toClient: 10 });
    expect(c.retransmittedBytes).toEqual({ toServer: 1000 * marks.retransmission!, toClient: 0 });
    expect(c.teardown).toEqual({ kind: 'fin', firstFin: 'client' });
    expect(traceLines(s, 'en', false).join('\n')).toMatch(/client → server: \d+ segments, 1000 B of data \(\+ \d+ B sent again\)[^\n]*\n.*retransmissions [1-9]/);
  });

  it('frames lost by a recorder that fell behind are counted, and the summary says it is incomplete', () => {
    const stats = JSON.parse(readFileSync(`${files.flood!}.log`, 'utf8').trim().split('\n').pop()!) as { kept: number; drops: number };
    expect(stats.drops).toBeGreaterThan(0);
    expect(readPcap(readFileSync(files.flood!)).records).toHaveLength(stats.kept);
    const s = summarise(decodePcap(readFileSync(files.flood!)), { dropped: stats.drops });
    expect(s).toMatchObject({ dropped: stats.drops, complete: false });
    expect(traceLines(s, 'en', false)[0]).toBe(`incomplete: the recorder lost ${stats.drops} frames during the run`);
    expect(summarise(decodePcap(readFileSync(files.fin!)), { dropped: 0 }).complete).toBe(true);
  });

  it('a zero window, its probes and the retransmissions a full receive buffer causes', () => {
    const { marks } = compareTcp(files.zerowin!);
    expect(marks['zero window']).toBeGreaterThan(0);
    const c = summarise(decodePcap(readFileSync(files.zerowin!))).connections[0] as TcpConnectionSummary;
    expect(c.zeroWindows).toBe(marks['zero window']);
    expect(c.packets.length).toBeLessThanOrEqual(22);
    expect(c.packetsOmitted + c.packets.length).toBe(c.segments.toClient + c.segments.toServer);
  });

  it('a segment sent twice is one retransmission, as Wireshark says', () => {
    const pcap = readPcap(readFileSync(files.fin!));
    const packets = decodePcap(readFileSync(files.fin!));
    const data = packets.find((p) => (p.tcp?.payloadLength ?? 0) > 0 && p.tcp!.dstPort === 6000)!;
    const records = [...pcap.records];
    const copy = { ...records[data.frame - 1]!, timeUs: records[data.frame]!.timeUs };
    records.splice(data.frame + 1, 0, copy);
    const file = join(dir, 'retransmitted.pcap');
    writeFileSync(file, writePcap(pcap.linkType, pcap.snapLen, records));
    const { marks } = compareTcp(file);
    expect(marks.retransmission).toBe(1);
    const c = summarise(decodePcap(readFileSync(file))).connections[0] as TcpConnectionSummary;
    expect(c.retransmissions).toBe(1);
    expect(c.payloadBytes).toEqual({ toServer: 5000, toClient: 3000 });
    expect(c.retransmittedBytes.toServer).toBe(data.tcp!.payloadLength);
  });

  it('UDP datagrams per pair of endpoints, with their sizes', () => {
    const oracleRows = oracle(files.udp!).filter((r) => r['udp.srcport']);
    const s = summarise(decodePcap(readFileSync(files.udp!)));
    const u = s.connections.filter((c): c is UdpExchangeSummary => c.kind === 'udp');
    expect(u).toHaveLength(1);
    expect(u[0]!.datagrams.aToB + u[0]!.datagrams.bToA).toBe(oracleRows.length);
    expect(u[0]!.b).toBe('127.0.0.1:6001');
    expect(u[0]!.datagrams).toEqual({ aToB: 3, bToA: 3 });
    expect(u[0]!.payloadBytes).toEqual({ aToB: 1110, bToA: 15 });
    expect(u[0]!.sizes).toEqual([10, 5, 100, 1000]);
    const total = oracleRows.reduce((n, r) => n + Number(r['udp.length']) - 8, 0);
    expect(u[0]!.payloadBytes.aToB + u[0]!.payloadBytes.bToA).toBe(total);
  });

  it('a capture file that is not one is refused with its reason', () => {
    expect(() => readPcap(Buffer.from('not a capture at all, just text'))).toThrow(/not a pcap file/);
  });
});
