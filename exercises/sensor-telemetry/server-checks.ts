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

/** Time a server has to answer one reading. */
const REPLY_MS = 4000;

const REPLY_HINT = 'answer every reading with one reply, struct.pack(reply format, ...), on the same connection (TCP) or to the address recvfrom() returned for it (UDP)';

function judged(proto: TelemetryProtocol, reading: SentReading, label: string, body: Buffer): void {
  const p = replyProblem(proto, reading, body);
  if (p) throw new CheckFailure(`${label}: ${p.message}`, { expected: `a reply of format ${proto.reply.format} (${proto.reply.fields.join(', ')}) answering ${reading.shown}`, received: hexBytes(body, 64), hint: p.hint ?? REPLY_HINT });
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
  async run(ctx) {
    const proto = protocolFromManifest(ctx.manifest, ctx.params);
    if (proto.transport === 'udp') await udpSession(ctx, proto);
    else await tcpSession(ctx, proto);
  },
});

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
  notApplicable: (p) => (p.transport === 'udp' ? 'the submission uses UDP (parameter transport=udp), where each datagram is one record and there is no stream to cut' : undefined),
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
            expected: `${group.length} replies of format ${proto.reply.format}`,
            ...(why.received ? { received: why.received } : {}),
          });
        }
        judged(proto, reading, `the reply to ${label}, one of readings #${first + 1}-#${next} ${delivery.words}`, body);
      }
    }
  },
});

/** The server checks of sensor-telemetry. */
export const serverChecks: ServerCheck[] = [serverReply, tcpStream];
