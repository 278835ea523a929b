/**
 * Checks of a submitted telemetry server: sockgrade sends valid readings (UDP datagrams from two
 * clients, or TCP connections one after another) and judges each reply; over TCP it also sends
 * readings coalesced into one write and cut into pieces, which a server must still answer.
 */
import { defineServerCheck, type ServerCheck } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import type { ServerCheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import type { UdpClient } from '../../harness/authoring.js';
import { hexBytes } from '../../harness/authoring.js';
import { formatMs, pause } from '../../harness/authoring.js';
import { findCrash, visibleText } from '../../harness/authoring.js';
import { describeExit } from '../../harness/authoring.js';
import { protocolFromManifest, type TelemetryProtocol } from './manifest.js';
import { ReplyStream, makeReadings, replyProblem, type SentReading } from './replies.js';
import { ASK_HINT, pullSession } from './asker.js';
import { PERIOD_LIMITS } from './manifest.js';
import { measurePeriod, periodTolerance, seconds } from './period.js';
import { num, starvedTotal } from '../../harness/authoring.js';

/** Time a server has to answer one reading. */
const REPLY_MS = 4000;

const REPLY_HINT = 'answer every reading with one reply, struct.pack(reply format, ...), on the same connection (TCP) or to the address recvfrom() returned for it (UDP)';

function judged(proto: TelemetryProtocol, reading: SentReading, label: string, body: Buffer): void {
  const p = replyProblem(proto, reading, body);
  if (p) throw new CheckFailure(`${label}: ${p.message}`, { expected: `a reply of format ${proto.reply?.format} (${proto.reply?.fields.join(', ')}) answering ${reading.shown}`, received: hexBytes(body, 64), hint: p.hint ?? REPLY_HINT });
}

/** What the server did instead of answering: closed or reset the connection, crashed, exited. */
async function whyQuiet(ctx: ServerCheckContext, conn?: Connection): Promise<{ words: string; received?: string }> {
  const closed = conn && conn.closeKind !== 'open' ? (conn.closeKind === 'reset' ? 'the server reset the connection' : 'the server closed the connection') : undefined;
  if (closed) await ctx.server.program.waitForExit(ctx.within(500), ctx.signal).catch(() => undefined);
  const crash = findCrash(ctx.server.program.outputText());
  const exit = ctx.server.program.exit;
  const words = [closed, crash ? `it printed a ${crash.name}` : undefined, exit ? `it exited (${describeExit(exit)})` : undefined].filter(Boolean).join('; ');
  return { words: words ? ` (${words})` : '', ...(crash ? { received: visibleText(crash.excerpt) } : {}) };
}

async function noReply(ctx: ServerCheckContext, label: string, stream?: ReplyStream, conn?: Connection): Promise<never> {
  if (stream?.problem) throw new CheckFailure(`${label}: ${stream.problem}`, { hint: 'the reply carries the same length prefix as the readings: the length of the reply record in bytes' });
  const why = await whyQuiet(ctx, conn);
  throw new CheckFailure(`no reply to ${label}${why.words || ` within ${formatMs(REPLY_MS)}`}`, { hint: REPLY_HINT, ...(why.received ? { received: why.received } : {}) });
}

async function udpSession(ctx: ServerCheckContext, proto: TelemetryProtocol): Promise<void> {
  const clients: UdpClient[] = [await ctx.udp('client A'), await ctx.udp('client B')];
  const readings = makeReadings(proto, ctx.rng, 8);
  for (let round = 0; round < readings.length / 2; round++) {
    const turn = clients.map((c, k) => ({ c, reading: readings[round * 2 + k] as SentReading, label: `reading #${round * 2 + k + 1} from ${c.transcript.label} (${readings[round * 2 + k]?.shown})` }));
    for (const t of turn) await t.c.send(t.reading.bytes);
    for (const t of turn) {
      ctx.doing(`waiting for the reply to ${t.label}`);
      const d = await t.c.receive(ctx.within(REPLY_MS), ctx.signal);
      if (!d) return noReply(ctx, t.label);
      judged(proto, t.reading, `the reply to ${t.label}`, d.data);
    }
  }
}

async function tcpSession(ctx: ServerCheckContext, proto: TelemetryProtocol): Promise<void> {
  const readings = makeReadings(proto, ctx.rng, 7);
  const parts = [readings.slice(0, 4), readings.slice(4)];
  for (const [c, part] of parts.entries()) {
    const conn = await ctx.connect(`client #${c + 1}`);
    const stream = new ReplyStream(conn, proto);
    for (const reading of part) {
      const label = `reading #${readings.indexOf(reading) + 1} on connection #${c + 1}${c > 0 ? ', opened after client #1 closed its own,' : ''} (${reading.shown})`;
      await conn.send(reading.bytes);
      ctx.doing(`waiting for the reply to ${label}`);
      const body = await stream.next(ctx.within(REPLY_MS), ctx.signal);
      if (!body) return noReply(ctx, label, stream, conn);
      judged(proto, reading, `the reply to ${label}`, body);
    }
    conn.halfClose();
    await conn.waitForClose(ctx.within(1000), ctx.signal);
  }
}

const serverReply = defineServerCheck({
  id: 'telemetry.server-reply',
  title: 'answers every reading with one reply of the declared format, carrying the reading\'s echoed fields',
  weight: 1,
  budgetMs: 30_000,
  hint: REPLY_HINT,
  notApplicable: (p) => (p.reply === 'none' ? NO_REPLY_SKIP : undefined),
  async run(ctx) {
    const proto = protocolFromManifest(ctx.manifest, ctx.params);
    if (proto.model === 'pull') {
      await pullSession(ctx, proto, {
        rounds: 4,
        quiet: (conn) => whyQuiet(ctx, conn),
        onReply: (round, _k, label) => judged(proto, round.reading, `the reply to ${label}`, round.reply as Buffer),
      });
    } else if (proto.transport === 'udp') await udpSession(ctx, proto);
    else await tcpSession(ctx, proto);
  },
});

const NO_REPLY_SKIP = 'the protocol has no reply (parameter reply=none): telemetry.server-no-reply checks that the server sends none';

/** One way of cutting readings into writes, with what a diagnosis calls it. */
interface Delivery {
  count: number;
  words: string;
  send: (conn: Connection, bytes: Buffer, ctx: ServerCheckContext) => Promise<void>;
}

const DELIVERIES: readonly Delivery[] = [
  { count: 3, words: 'sent together in one write', send: async (conn, bytes) => void (await conn.send(bytes)) },
  {
    count: 2,
    words: 'sent 1 to 3 bytes at a time',
    send: async (conn, bytes, ctx) => void (await conn.sendSliced(bytes, ctx.rng, { min: 1, max: 3, delayMs: 15, signal: ctx.signal })),
  },
  {
    count: 3,
    words: 'sent in two writes cut in the middle of the second reading',
    send: async (conn, bytes, ctx) => {
      const cut = Math.floor(bytes.length / 2);
      await conn.send(bytes.subarray(0, cut));
      await pause(40, ctx.signal);
      await conn.send(bytes.subarray(cut));
    },
  },
];

const tcpStream = defineServerCheck({
  id: 'telemetry.tcp-stream',
  title: 'answers readings that arrive coalesced in one write or cut into pieces (TCP is a byte stream)',
  weight: 1,
  budgetMs: 30_000,
  hint: 'one recv() is not one record: keep the bytes received in a buffer, and while it holds a whole record (calcsize(format) bytes, after the length prefix if any) take it out and answer it; recv again when it does not',
  notApplicable: (p) =>
    p.transport === 'udp'
      ? 'the submission uses UDP (parameter transport=udp), where each datagram is one record and there is no stream to cut'
      : p.model === 'pull'
        ? 'under model=pull one reading travels per request, so readings never arrive coalesced'
        : p.reply === 'none'
          ? 'the protocol has no reply (parameter reply=none), so sockgrade cannot tell which readings the server decoded: telemetry.server-no-reply sends readings coalesced and cut into pieces and checks that the server keeps running'
          : undefined,
  async run(ctx) {
    const proto = protocolFromManifest(ctx.manifest, ctx.params);
    const readings = makeReadings(proto, ctx.rng, DELIVERIES.reduce((n, d) => n + d.count, 0));
    const conn = await ctx.connect('client');
    const stream = new ReplyStream(conn, proto);
    let next = 0;
    for (const delivery of DELIVERIES) {
      const group = readings.slice(next, next + delivery.count);
      const first = next;
      next += delivery.count;
      ctx.doing(`sending readings #${first + 1}-#${next} ${delivery.words}`);
      await delivery.send(conn, Buffer.concat(group.map((r) => r.bytes)), ctx);
      for (const [k, reading] of group.entries()) {
        const label = `reading #${first + k + 1} (${reading.shown})`;
        const body = await stream.next(ctx.within(REPLY_MS), ctx.signal);
        if (!body) {
          if (stream.problem) return noReply(ctx, label, stream);
          const why = await whyQuiet(ctx, conn);
          throw new CheckFailure(`readings #${first + 1}-#${next} (${group.length * (group[0]?.bytes.length ?? 0)} bytes) were ${delivery.words}, and the server answered ${k} of them${why.words || ` within ${formatMs(REPLY_MS)}`}`, {
            expected: `${group.length} replies of format ${proto.reply?.format}`,
            ...(why.received ? { received: why.received } : {}),
          });
        }
        judged(proto, reading, `the reply to ${label}, one of readings #${first + 1}-#${next} ${delivery.words}`, body);
      }
    }
  },
});

/** Measurements of the asking period at most, when a loaded machine delayed the requests. */
const MEASUREMENTS = 3;
const ASKS = 7;

const serverAsks = defineServerCheck({
  id: 'telemetry.server-asks',
  title: 'asks for a reading every declared period, with requests of the declared format (model=pull)',
  weight: 1,
  budgetMs: ASKS * PERIOD_LIMITS[1] * 1500 * MEASUREMENTS + 30_000,
  hint: ASK_HINT,
  notApplicable: (p) => (p.model === 'pull' ? undefined : 'the client sets the pace (parameter model=push): the server does not ask; telemetry.period judges the client\'s period'),
  async run(ctx) {
    const proto = protocolFromManifest(ctx.manifest, ctx.params);
    const tol = periodTolerance(proto.period, num(ctx.params, 'tolerance'));
    let m: ReturnType<typeof measurePeriod>;
    for (let attempt = 1; ; attempt++) {
      const before = starvedTotal();
      const rounds = await pullSession(ctx, proto, { rounds: ASKS, quiet: (conn) => whyQuiet(ctx, conn) });
      m = measurePeriod(rounds.map((r) => r.request.at));
      const starvedMs = starvedTotal() - before;
      if (Math.abs(m.period - proto.period) <= tol || starvedMs < (tol * 1000) / 2 || attempt >= MEASUREMENTS) break;
      ctx.note(`measured again: sockgrade or the server waited ${formatMs(starvedMs)} for a CPU while the requests arrived`);
    }
    const line = `measured asking period ${seconds(m.period)} (median, over every pair of the ${ASKS} requests, of time apart ÷ requests apart), declared ${seconds(proto.period)} ± ${seconds(tol)}`;
    const intervals = `intervals between requests: ${m.intervals.map((x) => x.toFixed(3)).join(' ')} s`;
    if (m.period > proto.period + tol) {
      throw new CheckFailure(`the requests drift: ${line}`, { received: intervals, hint: 'keep a schedule for the requests: next_time += period; time.sleep(max(0, next_time - time.monotonic())), instead of sleeping the period after each exchange' });
    }
    if (m.period < proto.period - tol) {
      throw new CheckFailure(`the server asks too often: ${line}`, { received: intervals, hint: 'wait the declared period between requests (after an answer arrives, the next request waits for its time), or declare in sockgrade.json the period the server keeps' });
    }
    ctx.note(line);
  },
});

/** How long a server of reply=none has to show that it answers nothing, after each reading. */
const SILENCE_MS = 400;

const serverNoReply = defineServerCheck({
  id: 'telemetry.server-no-reply',
  title: 'takes readings in, whole, coalesced or cut into pieces, without answering and without stopping (reply=none)',
  weight: 1,
  budgetMs: 40_000,
  hint: 'with reply=none the server sends nothing back: it takes each reading in (over TCP from a buffer, since one recv() is not one record) and keeps running',
  notApplicable: (p) => (p.reply === 'none' ? undefined : 'the protocol has a reply (parameter reply=format): telemetry.server-reply judges it'),
  async run(ctx) {
    const proto = protocolFromManifest(ctx.manifest, ctx.params);
    if (proto.model === 'pull') {
      await pullSession(ctx, proto, { rounds: 4, silenceMs: 50, quiet: (conn) => whyQuiet(ctx, conn) });
    } else if (proto.transport === 'udp') {
      const clients: UdpClient[] = [await ctx.udp('client A'), await ctx.udp('client B')];
      const readings = makeReadings(proto, ctx.rng, 8);
      for (const [i, reading] of readings.entries()) {
        const c = clients[i % 2] as UdpClient;
        ctx.doing(`sending reading #${i + 1} from ${c.transcript.label}`);
        await c.send(reading.bytes);
        await pause(60, ctx.signal);
      }
      await pause(SILENCE_MS, ctx.signal);
      for (const c of clients) {
        const d = c.datagrams[0];
        if (d) throw answered(d.data, `${c.transcript.label}`);
      }
    } else {
      const readings = makeReadings(proto, ctx.rng, 3 + DELIVERIES.reduce((n, d) => n + d.count, 0) + 2);
      const conn = await ctx.connect('client #1');
      let next = 0;
      for (const reading of readings.slice(0, 3)) {
        ctx.doing(`sending reading #${++next} on connection #1`);
        await conn.send(reading.bytes);
        await pause(60, ctx.signal);
      }
      for (const delivery of DELIVERIES) {
        const group = readings.slice(next, next + delivery.count);
        ctx.doing(`sending readings #${next + 1}-#${next + delivery.count} ${delivery.words}`);
        next += delivery.count;
        await delivery.send(conn, Buffer.concat(group.map((r) => r.bytes)), ctx);
        await pause(100, ctx.signal);
        await stillUp(ctx, conn, `after readings #${next - delivery.count + 1}-#${next} were ${delivery.words}`);
      }
      await pause(SILENCE_MS, ctx.signal);
      if (conn.received.length > 0) throw answered(conn.received, 'connection #1');
      conn.halfClose();
      await conn.waitForClose(ctx.within(1000), ctx.signal);
      const second = await ctx.connect('client #2');
      for (const reading of readings.slice(next)) {
        ctx.doing(`sending reading #${++next} on connection #2, opened after client #1 closed its own`);
        await second.send(reading.bytes);
        await pause(60, ctx.signal);
      }
      await pause(SILENCE_MS, ctx.signal);
      await stillUp(ctx, second, 'on connection #2, opened after client #1 closed its own');
      if (second.received.length > 0) throw answered(second.received, 'connection #2');
      second.halfClose();
    }
    await stillUp(ctx, undefined, 'after the readings');
  },
});

/** Fails when the server closed `conn`, crashed or exited. */
async function stillUp(ctx: ServerCheckContext, conn: Connection | undefined, when: string): Promise<void> {
  const crash = findCrash(ctx.server.program.outputText());
  if ((conn && conn.closeKind !== 'open') || crash || ctx.server.program.exit) {
    const why = await whyQuiet(ctx, conn);
    throw new CheckFailure(`the server stopped taking readings ${when}${why.words}`, { ...(why.received ? { received: why.received } : {}), hint: 'one recv() is not one record: keep the bytes received in a buffer, and while it holds a whole record take it out and decode it' });
  }
}

function answered(bytes: Buffer, where: string): CheckFailure {
  return new CheckFailure(`the server sent ${bytes.length} bytes to ${where}, but under reply=none it answers nothing`, {
    received: hexBytes(bytes, 64),
    hint: 'with reply=none the server only takes the readings in: send nothing back (or declare the reply in sockgrade.json and grade with reply=format)',
  });
}

/** The server checks of sensor-telemetry. */
export const serverChecks: ServerCheck[] = [serverReply, tcpStream, serverAsks, serverNoReply];
