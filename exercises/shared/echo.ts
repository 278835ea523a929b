/**
 * Building blocks shared by the echo exercises: sending and verifying an echo, checking that a
 * server still serves a new client, and finding a client's printed reply in its output.
 */
import type { Connection } from '../../harness/net/connection.js';
import type { ServerCheckContext } from '../../harness/engine/context.js';
import type { UdpClient } from '../../harness/net/udp.js';
import { CheckFailure } from '../../harness/model/failure.js';
import { describeMismatch, describeSize, escapeBytes, firstDifference } from '../../harness/diagnose/bytes.js';
import { formatMs } from '../../harness/util/deadline.js';

/**
 * Waits until `conn` has received as many bytes as `expected` and compares them. Fails with
 * what arrived, where it first differs, and how the connection ended.
 */
export async function expectEcho(ctx: ServerCheckContext, conn: Connection, expected: Buffer, ms: number): Promise<void> {
  const label = conn.transcript.label;
  ctx.doing(`waiting for ${label} to get the echo of ${describeSize(expected.length)}`);
  const complete = await conn.waitForPrefix(expected, ctx.within(ms), ctx.signal);
  const got = conn.received;
  if (complete && got.length >= expected.length && firstDifference(expected, got.subarray(0, expected.length)) < 0) return;
  if (await waitsForNewline(ctx, conn, expected)) throw lineEchoFailure(label, expected, got);
  const shown = got.subarray(0, Math.max(expected.length, got.length));
  const how =
    conn.closeKind === 'reset'
      ? 'the server reset the connection'
      : conn.closeKind === 'fin'
        ? 'the server closed the connection'
        : `nothing more arrived within ${formatMs(ms)}`;
  const exited = ctx.server.program.exit ? ' (the server process had exited)' : '';
  if (got.length < expected.length && firstDifference(expected.subarray(0, got.length), got) < 0) {
    throw new CheckFailure(`${label} got back only ${got.length} of the ${expected.length} bytes it sent: ${how}${exited}`, {
      expected: `${describeSize(expected.length)}: "${escapeBytes(expected, 120)}"`,
      received: `${describeSize(got.length)}: "${escapeBytes(got, 120)}"`,
    });
  }
  throw new CheckFailure(`${label} got back different bytes from what it sent\n${describeMismatch(expected, shown)}`, {
    expected: `"${escapeBytes(expected, 120)}"`,
    received: `"${escapeBytes(shown, 120)}"`,
  });
}

/**
 * Whether a server that has not echoed all of `expected` (which has no newline at its end) was
 * waiting for a newline: sockgrade sends one, and the rest of the echo then arrives. Such a
 * server echoes complete lines only.
 */
export async function waitsForNewline(ctx: ServerCheckContext, conn: Connection, expected: Buffer): Promise<boolean> {
  // Under `framing=line` (an echo variant) waiting for a newline is what the server must do.
  if (ctx.params['framing'] === 'line') return false;
  if (conn.closeKind !== 'open' || expected.length === 0 || expected[expected.length - 1] === 0x0a) return false;
  const got = conn.received;
  if (got.length >= expected.length || firstDifference(expected.subarray(0, got.length), got) >= 0) return false;
  // A server that is only slow (a loaded machine) sends the rest unprompted: give it time first.
  ctx.doing('waiting a little longer for the rest of the echo before sending a newline');
  if (await conn.waitForPrefix(expected, ctx.within(1500), ctx.signal)) return false;
  if (conn.closeKind !== 'open' || conn.receivedBytes > got.length) return false;
  ctx.doing('sending a newline, to see whether the server waits for one');
  if (!(await conn.send(Buffer.from('\n')))) return false;
  return conn.waitForPrefix(expected, ctx.within(1000), ctx.signal);
}

/** The failure for a server that echoes only complete lines: `got` is what arrived before the newline was sent. */
export function lineEchoFailure(label: string, expected: Buffer, got: Buffer): CheckFailure {
  return new CheckFailure(`${label} got ${got.length === 0 ? 'no echo' : `only ${got.length} of ${expected.length} bytes back`} until it sent a newline: the server echoes only complete lines (it waits for "\\n" before answering)`, {
    expected: `"${escapeBytes(expected, 120)}" back at once, without a newline`,
    received: got.length === 0 ? 'nothing before the newline' : `"${escapeBytes(got, 120)}" before the newline`,
    hint: 'TCP carries bytes, not lines: send back whatever recv() returns as soon as it arrives; do not wait for "\\n" (readline(), makefile(), or a loop until a newline)',
  });
}

const QUIET_BEFORE_MS = 100;
const QUIET_AFTER_MS = 50;
/** The least time {@link assertStillServes} takes: the server's output must be quiet before and after the new client. */
export const STILL_SERVES_PACE_MS = QUIET_BEFORE_MS + QUIET_AFTER_MS;

/**
 * Checks that, after `event`, the server still serves a new client: it accepts it and answers
 * something (whether the answer is right is for the other checks). Output quiet is awaited
 * first so that a crash caused by the event shows up before the verdict.
 */
export async function assertStillServes(ctx: ServerCheckContext, event: string, payload: Buffer, udpClient?: UdpClient): Promise<void> {
  await ctx.server.program.waitForQuiet(QUIET_BEFORE_MS, ctx.within(1000), ctx.signal).catch(() => {});
  ctx.assertServerAlive(`after ${event}`);
  try {
    await answersNewClient(ctx, payload, udpClient);
  } catch (err) {
    if (err instanceof CheckFailure) {
      ctx.assertServerAlive(`after ${event}`);
      throw new CheckFailure(`after ${event}, a new client was not served: ${err.message}`, err.details);
    }
    throw err;
  }
  await ctx.server.program.waitForQuiet(QUIET_AFTER_MS, ctx.within(500), ctx.signal).catch(() => {});
  ctx.assertServerAlive(`after ${event}`);
}

/** Datagrams sent to check that a UDP server still answers. */
const UDP_TRIES = 12;

async function answersNewClient(ctx: ServerCheckContext, payload: Buffer, udpClient?: UdpClient): Promise<void> {
  if (ctx.transport === 'udp') {
    const c = udpClient ?? (await ctx.udp('next client'));
    // A server may drop datagrams on purpose (simulated loss): resend until one is answered.
    const before = c.datagrams.length;
    for (let attempt = 0; attempt < UDP_TRIES; attempt++) {
      await c.send(payload);
      await c.receive(ctx.within(400), ctx.signal);
      if (c.datagrams.slice(before).some((d) => d.data.equals(payload) || d.data.length > 0)) return;
    }
    throw new CheckFailure(`no reply to a datagram sent ${UDP_TRIES} times`, { expected: 'a reply', received: 'nothing' });
  }
  const conn = await ctx.connect('next client');
  await conn.send(payload);
  ctx.doing('waiting for the server to answer a new client');
  if (!(await conn.waitForBytes(1, ctx.within(3000), ctx.signal)) && !(await answersNewline(ctx, conn, payload))) {
    throw new CheckFailure(`it connected and sent "${escapeBytes(payload)}" but got no answer within ${formatMs(3000)}${conn.closeKind !== 'open' ? ' (the server closed the connection)' : ''}`, {
      expected: 'an answer',
      received: 'nothing',
    });
  }
  conn.close();
}

/** A server that answers complete lines only still serves: it answers once a newline follows `payload`. */
async function answersNewline(ctx: ServerCheckContext, conn: Connection, payload: Buffer): Promise<boolean> {
  if (conn.closeKind !== 'open' || payload[payload.length - 1] === 0x0a) return false;
  if (!(await conn.send(Buffer.from('\n')))) return false;
  return conn.waitForBytes(1, ctx.within(1000), ctx.signal);
}

/** Payloads each client already sent through {@link udpRoundTrip}. */
const sentBefore = new WeakMap<UdpClient, Buffer[]>();

/**
 * Sends `payload` and waits for an identical reply, resending up to `tries` times (UDP may lose a
 * datagram even on loopback under load, and a correct server cannot help that).
 */
export async function udpRoundTrip(ctx: ServerCheckContext, client: UdpClient, payload: Buffer, tries: number, ms = 1000): Promise<void> {
  const earlier = sentBefore.get(client) ?? [];
  sentBefore.set(client, [...earlier, payload]);
  // A late reply to an earlier datagram (one resent after a slow reply, or an empty one) is not the reply to this one.
  const late = (data: Buffer): boolean => !data.equals(payload) && (data.length === 0 || earlier.some((e) => e.equals(data)));
  for (let attempt = 1; attempt <= tries; attempt++) {
    ctx.doing(`waiting for the reply to a ${describeSize(payload.length)} datagram`);
    await client.send(payload);
    let reply = await client.receive(ctx.within(ms), ctx.signal);
    while (reply && late(reply.data)) reply = await client.receive(ctx.within(ms), ctx.signal);
    if (!reply) continue;
    if (reply.data.equals(payload)) return;
    throw new CheckFailure(`the reply to a ${describeSize(payload.length)} datagram is not identical to it\n${describeMismatch(payload, reply.data)}`, {
      expected: `"${escapeBytes(payload, 120)}"`,
      received: `"${escapeBytes(reply.data, 120)}"`,
    });
  }
  ctx.assertServerAlive(`while sockgrade waited for a reply`);
  throw new CheckFailure(`no reply to a ${describeSize(payload.length)} datagram, sent ${tries} times (${formatMs(ms)} wait each)`, {
    expected: `"${escapeBytes(payload, 120)}" back, to the socket that sent it`,
    received: 'nothing',
  });
}

/**
 * Random bytes between two copies of 12 bytes that meet every program alike, whatever the seed:
 * not valid UTF-8 from the first byte (0xff, a broken two-byte sequence, a lone continuation
 * byte), a line end, and a NUL in every word (words split at spaces and line ends), so a program
 * that takes a word as a file name meets a NUL in it on every run.
 */
export function garbage(bytes: Buffer): Buffer {
  const invalid = Buffer.from([0xff, 0x00, 0x20, 0xc3, 0x28, 0x00, 0x20, 0x80, 0x00, 0x0d, 0x0a, 0x00]);
  return Buffer.concat([invalid, bytes, invalid]);
}
