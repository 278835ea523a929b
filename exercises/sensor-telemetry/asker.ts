/**
 * sockgrade as the client of a server that asks (model=pull): it waits for each request, checks
 * it, answers it with one reading (carrying what the request asked for) and, when the protocol
 * has replies, reads the reply to that reading. Over TCP it uses one connection, where the
 * server's requests and replies come in that order; over UDP it first sends one reading unasked,
 * which tells the server its address, and the server asks that address from then on.
 */
import { CheckFailure } from '../../harness/authoring.js';
import type { ServerCheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import type { UdpClient } from '../../harness/authoring.js';
import type { StructValue } from '../../harness/authoring.js';
import { hexBytes } from '../../harness/authoring.js';
import { formatMs, pause } from '../../harness/authoring.js';
import type { RecordSpec, TelemetryProtocol } from './manifest.js';
import { answerFor, describeValues, framed, outOfRange, sensorValues } from './records.js';
import { ReplyStream, type SentReading } from './replies.js';

/** One exchange: the server's request, sockgrade's reading, and the reply to it if any. */
export interface PullRound {
  request: { values: StructValue[]; body: Buffer; at: number };
  reading: SentReading;
  sentAt: number;
  reply?: Buffer;
}

/** How a session judges what the server sends after each reading. */
export interface PullOptions {
  rounds: number;
  /** Judges the reply to each reading (replies are read whenever the protocol has them). */
  onReply?: (round: PullRound, index: number, label: string) => void;
  /** With reply=none: fail when the server sends anything within this many ms of a reading. */
  silenceMs?: number;
  /** Called when the server does not send what is expected, to say what it did instead. */
  quiet: (conn?: Connection) => Promise<{ words: string; received?: string }>;
}

/** Time the server has to send a request beyond its declared period. */
const ASK_SLACK_MS = 4000;
/** Time a server has to answer one reading. */
const REPLY_MS = 4000;

export const ASK_HINT =
  'under model=pull the server sends a request (struct.pack of telemetry.request.format) every "period" seconds: over TCP on each client connection, over UDP to the address the client\'s first reading came from';

function requestProblem(proto: TelemetryProtocol, spec: RecordSpec, body: Buffer, label: string): CheckFailure | undefined {
  if (body.length !== spec.struct.size) {
    return new CheckFailure(`${label} is ${body.length} bytes (${hexBytes(body, 32)}), but a request of format ${spec.format} is ${spec.struct.size} bytes`, { hint: ASK_HINT });
  }
  const out = outOfRange(proto, spec, spec.struct.unpack(body));
  if (out) return new CheckFailure(`${label} decodes as ${describeValues(spec, spec.struct.unpack(body))}: ${out.name} = ${out.value} is outside its declared range ${out.range}`, { received: hexBytes(body, 64), hint: ASK_HINT });
  return undefined;
}

/** Plays the client of a pull server for `opts.rounds` exchanges; throws the first problem as a CheckFailure. */
export async function pullSession(ctx: ServerCheckContext, proto: TelemetryProtocol, opts: PullOptions): Promise<PullRound[]> {
  const spec = proto.request as RecordSpec;
  const sensors = sensorValues(proto, ctx.rng);
  const rounds: PullRound[] = [];
  const reading = (request: readonly StructValue[], k: number): SentReading => {
    const body = proto.record.struct.pack(...answerFor(proto, request, sensors[k % sensors.length] as StructValue, ctx.rng));
    const values = proto.record.struct.unpack(body);
    return { values, bytes: framed(proto, body), shown: describeValues(proto.record, values) };
  };
  const askWithin = (k: number): number => ctx.within(proto.period * 1000 * (k === 0 ? 1 : 1.5) + ASK_SLACK_MS);
  const noRequest = async (k: number, conn?: Connection): Promise<never> => {
    const why = await opts.quiet(conn);
    throw new CheckFailure(`${k === 0 ? 'no request from the server' : `no request #${k + 1} from the server (it had asked ${k} time${k === 1 ? '' : 's'})`}${why.words || ` within ${formatMs(proto.period * 1000 + ASK_SLACK_MS)}`}`, {
      ...(why.received ? { received: why.received } : {}),
      hint: ASK_HINT,
    });
  };
  const noReply = async (label: string, conn?: Connection): Promise<never> => {
    const why = await opts.quiet(conn);
    throw new CheckFailure(`no reply to ${label}${why.words || ` within ${formatMs(REPLY_MS)}`}`, { ...(why.received ? { received: why.received } : {}), hint: 'answer every reading with one reply, before the next request' });
  };
  const labelOf = (k: number, r: SentReading): string => `the reading answering request #${k + 1} (${r.shown})`;

  if (proto.transport === 'tcp') {
    const conn = await ctx.connect('client');
    const stream = new ReplyStream(conn, proto, (i) => (proto.reply && i % 2 === 1 ? proto.reply : spec));
    for (let k = 0; k < opts.rounds; k++) {
      ctx.doing(`waiting for request #${k + 1} of the server`);
      const body = await stream.next(askWithin(k), ctx.signal);
      if (!body) {
        if (stream.problem) throw new CheckFailure(`request #${k + 1}: ${stream.problem}`, { hint: ASK_HINT });
        return noRequest(k, conn);
      }
      const bad = requestProblem(proto, spec, body, `request #${k + 1} of the server`);
      if (bad) throw bad;
      const request = { values: spec.struct.unpack(body), body, at: stream.lastAt };
      const r = reading(request.values, k);
      await conn.send(r.bytes);
      const round: PullRound = { request, reading: r, sentAt: performance.now() };
      rounds.push(round);
      if (proto.reply) {
        ctx.doing(`waiting for the reply to ${labelOf(k, r)}`);
        const reply = await stream.next(ctx.within(REPLY_MS), ctx.signal);
        if (!reply && stream.problem) throw new CheckFailure(`the reply to ${labelOf(k, r)}: ${stream.problem}`, { hint: 'the server sends the reply to a reading before its next request, each framed as declared' });
        if (!reply) return noReply(labelOf(k, r), conn);
        round.reply = reply;
        opts.onReply?.(round, k, labelOf(k, r));
      } else if (opts.silenceMs !== undefined) {
        const until = silenceEnd(proto, request.at, round.sentAt, opts.silenceMs);
        const came = await conn.waitForBytes(conn.received.length + 1, Math.max(0, until - performance.now()), ctx.signal);
        if (came && performance.now() < notDue(proto, request.at) && stream.leftover > 0) throw silenceBroken(conn.received.subarray(conn.received.length - stream.leftover), labelOf(k, r), performance.now() - round.sentAt);
      }
    }
    conn.halfClose();
    return rounds;
  }

  const client: UdpClient = await ctx.udp('client');
  const hello = reading([], 0);
  ctx.doing('sending a first reading, unasked, so that the server learns the address to ask');
  await client.send(hello.bytes);
  if (proto.reply) {
    const d = await client.receive(ctx.within(REPLY_MS), ctx.signal);
    if (!d) return noReply(`the first reading (${hello.shown}), which tells the server where to ask`);
    opts.onReply?.({ request: { values: [], body: Buffer.alloc(0), at: 0 }, reading: hello, sentAt: 0, reply: d.data }, -1, `the first reading (${hello.shown}), which tells the server where to ask`);
  }
  for (let k = 0; k < opts.rounds; k++) {
    ctx.doing(`waiting for request #${k + 1} of the server`);
    const d = await client.receive(askWithin(k), ctx.signal);
    if (!d) return noRequest(k);
    const bad = requestProblem(proto, spec, d.data, `request #${k + 1} of the server`);
    if (bad) throw bad;
    const request = { values: spec.struct.unpack(d.data), body: d.data, at: d.at };
    const r = reading(request.values, k + 1);
    await client.send(r.bytes);
    const round: PullRound = { request, reading: r, sentAt: performance.now() };
    rounds.push(round);
    if (proto.reply) {
      ctx.doing(`waiting for the reply to ${labelOf(k, r)}`);
      const reply = await client.receive(ctx.within(REPLY_MS), ctx.signal);
      if (!reply) return noReply(labelOf(k, r));
      round.reply = reply.data;
      opts.onReply?.(round, k, labelOf(k, r));
    } else if (opts.silenceMs !== undefined) {
      const until = silenceEnd(proto, request.at, round.sentAt, opts.silenceMs);
      const seen = client.datagrams.length;
      await pause(Math.max(0, until - performance.now()), ctx.signal);
      const extra = client.datagrams[seen];
      if (extra && (extra.at < notDue(proto, request.at) || extra.data.length !== spec.struct.size)) throw silenceBroken(extra.data, labelOf(k, r), extra.at - round.sentAt);
    }
  }
  return rounds;
}

/**
 * Until when what the server sends after a reading counts as a reply (reply=none): half a period
 * after the request the reading answered, when the next request is not due yet; never less
 * than `minMs` after the reading.
 */
function silenceEnd(proto: TelemetryProtocol, requestAt: number, sentAt: number, minMs: number): number {
  return Math.max(requestAt + proto.period * 500, sentAt + minMs);
}

/**
 * Before this, what the server sends cannot be its next request: half a period after the last one.
 * Later, a request's worth of bytes is taken for the next request, even when sockgrade's reading
 * went late (a loaded machine) and the silence it waits for runs past it.
 */
function notDue(proto: TelemetryProtocol, requestAt: number): number {
  return requestAt + proto.period * 500;
}

function silenceBroken(bytes: Buffer, label: string, ms: number): CheckFailure {
  return new CheckFailure(`the server sent ${bytes.length} bytes ${formatMs(Math.max(0, ms))} after ${label}, but under reply=none it answers nothing (and its next request was not due yet)`, {
    received: hexBytes(bytes, 64),
    hint: 'with reply=none the server only takes the readings in: send nothing back (or declare the reply in sockgrade.json and grade with reply=format)',
  });
}
