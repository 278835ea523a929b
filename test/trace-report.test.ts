/**
 * How a check's packets are shown: the console section (a summary per connection under each
 * check, the packet table of a check that did not pass, shortened in the middle), the HTML
 * report's table and timeline per connection, the packets drawn on the sequence diagram's lanes,
 * and a capture with lost frames said to be incomplete everywhere.
 */
import { describe, expect, it } from 'vitest';
import { TCP_FLAGS, type Packet } from '../harness/trace/decode.js';
import { summarise, TABLE_HEAD, TABLE_TAIL, type TcpConnectionSummary } from '../harness/trace/summary.js';
import { traceSection } from '../harness/report/trace-text.js';
import { packetsSection } from '../harness/report/html/trace.js';
import { sequenceDiagram } from '../harness/report/html/sequence.js';
import { ui } from '../harness/i18n/ui.js';
import type { CheckResult, GradeResult } from '../harness/model/result.js';

const T0 = 1_700_000_000_000_000;
const { syn, ack, psh, fin } = TCP_FLAGS;

/** One connection 127.0.0.1:40000 → 127.0.0.1:5000 with 30 data segments, one of them sent twice, and a UDP exchange. */
function capture(): Packet[] {
  const out: Packet[] = [];
  const tcp = (toServer: boolean, ms: number, flags: number, seq: number, ackNo: number, len = 0, options: NonNullable<Packet['tcp']>['options'] = {}): void => {
    out.push({
      frame: out.length + 1,
      timeUs: T0 + ms * 1000,
      wireLength: 66 + len,
      src: '127.0.0.1',
      dst: '127.0.0.1',
      tcp: { srcPort: toServer ? 40000 : 5000, dstPort: toServer ? 5000 : 40000, seq, ack: ackNo, flags, window: flags & syn ? 65495 : 512, options, payloadLength: len },
    });
  };
  const synOpts = { mss: 65495, windowScale: 7, sackPermitted: true, timestamp: 1 };
  tcp(true, 0, syn, 1000, 0, 0, synOpts);
  tcp(false, 0.1, syn | ack, 9000, 1001, 0, synOpts);
  tcp(true, 0.2, ack, 1001, 9001);
  for (let i = 0; i < 30; i++) {
    tcp(true, 1 + i, psh | ack, 1001 + 100 * i, 9001, 100);
    tcp(false, 1.5 + i, ack, 9001, 1101 + 100 * i);
    if (i === 1) {
      tcp(true, 1.7 + i, psh | ack, 1101, 9001, 100);
      tcp(false, 1.8 + i, ack, 9001, 1201);
    }
  }
  tcp(true, 40, fin | ack, 4001, 9001);
  tcp(false, 40.1, fin | ack, 9001, 4002);
  tcp(true, 40.2, ack, 4002, 9002);
  const udp = (toServer: boolean, ms: number, len: number): void => {
    out.push({ frame: out.length + 1, timeUs: T0 + ms * 1000, wireLength: 42 + len, src: '127.0.0.1', dst: '127.0.0.1', udp: { srcPort: toServer ? 41000 : 5001, dstPort: toServer ? 5001 : 41000, payloadLength: len } });
  };
  udp(true, 50, 10);
  udp(true, 51, 10);
  udp(false, 52, 5);
  return out;
}

const trace = { ...summarise(capture(), { dropped: 3, originUs: T0 - 2000 }), file: '/tmp/p/echo.large.pcap' };

function check(id: string, status: CheckResult['status']): CheckResult {
  return { id, title: id, role: 'server', status, points: status === 'pass' ? 1 : 0, maxPoints: 1, durationMs: 50, message: '', evidence: {}, trace: { ...trace, file: `/tmp/p/${id}.pcap` } };
}

const result: GradeResult = {
  exercise: 'tcp-echo',
  params: {},
  score: 1,
  maxScore: 2,
  checks: [check('echo.small', 'pass'), check('echo.large', 'fail')],
  run: { seed: 1, startedAt: '2026-01-01T00:00:00Z', durationMs: 100, isolation: 'on', notes: [], commands: {} },
};

describe('a check\'s packets in the reports', () => {
  it('the summary counts what the packets show', () => {
    const c = trace.connections[0] as TcpConnectionSummary;
    expect(c).toMatchObject({
      client: '127.0.0.1:40000',
      server: '127.0.0.1:5000',
      segments: { toServer: 35, toClient: 33 },
      payloadBytes: { toServer: 3000, toClient: 0 },
      retransmittedBytes: { toServer: 100, toClient: 0 },
      retransmissions: 1,
      duplicateAcks: 1,
      zeroWindows: 0,
      teardown: { kind: 'fin', firstFin: 'client' },
      startMs: 2,
      packetsOmitted: 68 - TABLE_HEAD - TABLE_TAIL,
    });
    expect(c.packets).toHaveLength(TABLE_HEAD + TABLE_TAIL);
    expect(trace).toMatchObject({ packets: 71, dropped: 3, complete: false });
  });

  it('the console puts each check\'s connections under it, with the packet table only for a check that did not pass', () => {
    const lines = traceSection(result, 'en').split('\n');
    const at = (text: string): number => lines.indexOf(text);
    expect(lines[0]).toBe('Packets (one pcap per check in /tmp/p)');
    const small = at('  echo.small  echo.small.pcap  · 1 connection, 1 UDP exchange, 71 packets');
    const large = at('  echo.large  echo.large.pcap  · 1 connection, 1 UDP exchange, 71 packets');
    expect(small).toBeGreaterThan(0);
    expect(large).toBeGreaterThan(small);
    expect(lines.slice(small + 1, small + 6)).toEqual([
      '    incomplete: the recorder lost 3 frames during the run',
      '    TCP 127.0.0.1:40000 → 127.0.0.1:5000  handshake SYN, SYN-ACK, ACK (MSS 65495 wscale 7 SACK TS / MSS 65495 wscale 7 SACK TS)',
      '        client → server: 35 segments, 3000 B of data (+ 100 B sent again) · server → client: 33 segments, 0 B of data',
      '        closed with FIN, first from the client · 40.2 ms · retransmissions 1, duplicate ACKs 1, zero windows 0',
      '    UDP 127.0.0.1:41000 ↔ 127.0.0.1:5001  → 2 datagrams, 20 B · ← 1 datagram, 5 B · sizes 10, 5 B',
    ]);
    const table = lines.slice(large + 5, large + 5 + 1 + TABLE_HEAD + 1 + TABLE_TAIL);
    const pad = ' '.repeat(8);
    expect(table[0]).toBe(`${pad}     t (ms)  dir  flags        seq        ack    len     win`);
    expect(table[1]).toBe(`${pad}       0.00   →   S              0          0      0   65495`);
    expect(table.find((l) => l.includes('[retransmission]'))).toBe(`${pad}       2.70   →   P.           101          1    100   65536  [retransmission]`);
    expect(table[1 + TABLE_HEAD]!.trim()).toBe('… 46 more packets …');
    expect(table[table.length - 1]).toBe(`${pad}      40.20   →   .           3002          2      0   65536`);
    expect(lines[large + 5 + table.length]).toMatch(/^ {4}UDP /);
    expect(traceSection(result, 'es')).toContain('  echo.large  echo.large.pcap  · 1 conexión, 1 intercambio UDP, 71 paquetes\n');
  });

  it('the HTML report has a summary, a timeline and a packet table per connection, in the report\'s language', () => {
    const html = packetsSection(check('echo.large', 'fail'), 'es');
    expect(html).toContain('<h4>Paquetes <span class="muted">(captura <code>echo.large.pcap</code>)</span></h4>');
    expect(html).toContain('<p class="muted">incompleto: el capturador perdió 3 tramas durante la ejecución</p>');
    const conns = html.split('<div class="trace-conn">').slice(1);
    expect(conns).toHaveLength(2);
    expect(conns[0]).toContain('saludo SYN, SYN-ACK, ACK');
    expect(conns[0]!.match(/<rect class="pkt /g)).toHaveLength(TABLE_HEAD + TABLE_TAIL);
    expect(conns[0]).toMatch(/<rect class="pkt data marked"[^>]*><title>2\.70 ms → P\. seq 101 ack 1 len 100 win 65536 \[retransmission\]<\/title>/);
    const table = /<pre class="packet-table">([\s\S]*?)<\/pre>/.exec(conns[0]!)![1]!.split('\n');
    expect(table).toHaveLength(1 + TABLE_HEAD + 1 + TABLE_TAIL);
    expect(table[1 + TABLE_HEAD]!.trim()).toBe('… 46 paquetes más …');
    expect(conns[1]).toContain('UDP 127.0.0.1:41000 ↔ 127.0.0.1:5001');
    expect(conns[1]).not.toContain('<svg');
    expect(packetsSection({ ...check('echo.small', 'pass'), trace: undefined }, 'en')).toBe('');
  });

  it('the sequence diagram draws a connection\'s handshake, teardown and anomalies on its lane, at the time they crossed', () => {
    const views = [{ label: 'client #1', wire: { local: '127.0.0.1:40000', remote: '127.0.0.1:5000' }, entries: [{ t: 3, source: 'sent' as const, text: 'hola', bytes: 4 }] }];
    const svg = sequenceDiagram(views, ui('en'), trace);
    const rows = [...svg.matchAll(/<g class="msg ([a-z]+)" data-source="[a-z]+" data-t="(\d+)">[\s\S]*?<line class="arrow" x1="([\d.]+)"[^>]*x2="([\d.]+)"[\s\S]*?<text class="label"[^>]*>([^<]*)</g)].map((m) => ({
      kind: m[1],
      t: Number(m[2]),
      rightwards: Number(m[4]) > Number(m[3]),
      label: m[5],
    }));
    expect(rows.map((r) => `${r.kind}@${r.t}:${r.label}`)).toEqual([
      'packet@2:SYN',
      'packet@2:SYN-ACK',
      'sent@3:hola',
      'packet@5:retransmission',
      'packet@5:duplicate ACK',
      'packet@42:FIN',
      'packet@42:FIN',
    ]);
    expect(rows.map((r) => r.rightwards)).toEqual([true, false, true, true, false, true, false]);
    expect(sequenceDiagram(views, ui('en'))).not.toContain('class="msg packet"');
    expect(sequenceDiagram([{ ...views[0]!, wire: { local: '127.0.0.1:40001', remote: '127.0.0.1:5000' } }], ui('en'), trace)).not.toContain('class="msg packet"');
  });
});
