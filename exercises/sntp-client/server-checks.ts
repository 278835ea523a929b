/**
 * Server checks of D1: a submitted SNTP server, asked by sockgrade's own SNTP client. The reply
 * must be a mode-4 packet carrying the server's clock in its transmit timestamp and the client's
 * transmit timestamp as originate; short or garbage requests must not bring the server down.
 */
import { defineServerCheck, type ServerCheck } from '../../harness/model/check.js';
import type { ServerCheckContext } from '../../harness/engine/context.js';
import type { UdpClient } from '../../harness/net/udp.js';
import { CheckFailure } from '../../harness/model/failure.js';
import { escapeBytes } from '../../harness/diagnose/bytes.js';
import { formatMs } from '../../harness/util/deadline.js';
import { robustServerChecks } from '../shared/robust.js';
import { CLIENT_REQUEST_BYTE, NTP_PACKET_SIZE, NTP_UNIX_OFFSET, TRANSMIT_OFFSET, describeFirstByte, firstByteFields, formatUtc } from './packet.js';

const ORIGINATE_OFFSET = 24;
const REPLY_WAIT_MS = 1500;
const TRIES = 3;
/** Seconds the server's clock may differ from sockgrade's (both read the same machine's clock). */
const CLOCK_TOLERANCE_S = 10;

/** A client request carrying a transmit timestamp of sockgrade's clock with a random fraction, as real clients send. */
export function timedRequest(rng: { int(min: number, max: number): number }): Buffer {
  const b = Buffer.alloc(NTP_PACKET_SIZE);
  b[0] = CLIENT_REQUEST_BYTE;
  b.writeUInt32BE((Math.floor(Date.now() / 1000) + NTP_UNIX_OFFSET) >>> 0, TRANSMIT_OFFSET);
  b.writeUInt32BE(rng.int(1, 0xffff_fffe) >>> 0, TRANSMIT_OFFSET + 4);
  return b;
}

/** Sends `request` (again, up to 3 times: UDP may lose a datagram) until a reply comes; fails when none does. */
async function ask(ctx: ServerCheckContext, client: UdpClient, request: Buffer): Promise<{ reply: Buffer; at: number }> {
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    ctx.doing(`waiting for the reply to an SNTP request (attempt ${attempt} of ${TRIES})`);
    await client.send(request);
    const d = await client.receive(ctx.within(REPLY_WAIT_MS), ctx.signal);
    if (d) return { reply: d.data, at: Date.now() / 1000 };
  }
  ctx.assertServerAlive('after an SNTP request');
  throw new CheckFailure(`no reply to a 48-byte SNTP client request (first byte ${describeFirstByte(request[0] as number)}), sent ${TRIES} times (${formatMs(REPLY_WAIT_MS)} wait each)`, {
    expected: 'a 48-byte reply, sent back to the address the request came from',
    received: 'nothing',
    hint: 'recvfrom() gives the request and the client\'s address: answer with sendto(respuesta, direccion); check the first byte as a number (datos[0] & 7 == 3), not against b"\\x1b"',
  });
}

/** Why `reply` is not a valid SNTP server reply to a VN 3 request, or undefined when it is one. */
function replyProblem(reply: Buffer, request: Buffer): string | undefined {
  if (reply.equals(request)) return 'the server sent the request back unchanged (mode 3): an SNTP server answers with a new packet in mode 4';
  if (reply.length < NTP_PACKET_SIZE) return `the reply has ${reply.length} bytes; an SNTP reply has ${NTP_PACKET_SIZE}`;
  const f = firstByteFields(reply[0] as number);
  if (f.mode !== 4) return `the reply's first byte is ${describeFirstByte(reply[0] as number)}: its mode must be 4 (server)`;
  if (f.version !== 3) return `the reply's first byte is ${describeFirstByte(reply[0] as number)}: its version must be the request's, 3`;
  if (f.leap === 3) return `the reply's first byte is ${describeFirstByte(reply[0] as number)}: leap indicator 3 means "clock not synchronised", and clients discard the reply`;
  const stratum = reply[1] as number;
  if (stratum < 1 || stratum > 15) return `the reply's stratum (byte 1) is ${stratum}: a server with a clock answers 1 to 15 (0 means "kiss-o'-death", and clients discard the reply)`;
  return undefined;
}

/** Why `seconds` (Unix) is not the server's clock at `at`, in a sentence. */
function clockProblem(seconds: number, raw: number, at: number): string | undefined {
  const off = seconds - at;
  if (Math.abs(off) <= CLOCK_TOLERANCE_S) return undefined;
  if (raw === 0) return 'the transmit timestamp (bytes 40-47) is zero: the server did not put its clock in the reply';
  if (Math.abs(raw - at) <= CLOCK_TOLERANCE_S) return `the transmit timestamp's seconds are ${raw}, Unix time: add 2208988800 (the seconds from 1900 to 1970) before packing it`;
  if (Math.abs(off) <= 14 * 3600 + CLOCK_TOLERANCE_S && Math.abs(off - Math.round(off / 1800) * 1800) <= CLOCK_TOLERANCE_S) {
    return `the transmit time is ${formatUtc(seconds)}, ${Math.round(off / 360) / 10} h away from the UTC clock: the server packs local time instead of UTC`;
  }
  return `the transmit time is ${formatUtc(seconds)} UTC, ${Math.round(Math.abs(off))} s away from the machine's clock (${formatUtc(Math.floor(at))} UTC)`;
}

/** Asks the server once and fails unless the reply is a valid SNTP server reply. */
async function validReply(ctx: ServerCheckContext, client: UdpClient): Promise<{ request: Buffer; reply: Buffer; at: number }> {
  const request = timedRequest(ctx.rng);
  const { reply, at } = await ask(ctx, client, request);
  const problem = replyProblem(reply, request);
  if (problem) {
    throw new CheckFailure(problem, {
      expected: `${NTP_PACKET_SIZE} bytes, first byte 0x1c (LI 0, VN 3, mode 4), stratum 1-15 in byte 1`,
      received: `${reply.length} bytes: "${escapeBytes(reply, 64)}"`,
      hint: "build the reply with struct.pack('!B B b b 11I', (0 << 6) | (3 << 3) | 4, 1, 0, -20, ...) : first byte 0x1c, stratum 1",
    });
  }
  return { request, reply, at };
}

/** The D1 server checks. */
export const sntpServerChecks: readonly ServerCheck[] = [
  defineServerCheck({
    id: 'sntp.server-reply',
    title: 'answers a client request (mode 3) with a 48-byte server reply: LI 0, the request\'s version, mode 4, stratum 1-15',
    weight: 2,
    budgetMs: 10_000,
    async run(ctx) {
      await validReply(ctx, await ctx.udp('SNTP client'));
    },
  }),
  defineServerCheck({
    id: 'sntp.server-clock',
    title: "puts the server's clock, in seconds since 1900, in the reply's transmit timestamp",
    weight: 2,
    budgetMs: 10_000,
    hint: 'transmit timestamp (bytes 40-47): int(time.time()) + 2208988800, then the fraction of the second times 2**32',
    async run(ctx) {
      const request = timedRequest(ctx.rng);
      const { reply, at } = await ask(ctx, await ctx.udp('SNTP client'), request);
      if (reply.length < TRANSMIT_OFFSET + 4) {
        throw new CheckFailure(`the reply has ${reply.length} bytes, too few to hold a transmit timestamp (bytes 40-47)`, { received: `"${escapeBytes(reply, 64)}"` });
      }
      const raw = reply.readUInt32BE(TRANSMIT_OFFSET);
      const problem = clockProblem(raw - NTP_UNIX_OFFSET, raw, at);
      if (problem) {
        throw new CheckFailure(problem, {
          expected: `about ${Math.floor(at) + NTP_UNIX_OFFSET} (${formatUtc(Math.floor(at))} UTC), within ${CLOCK_TOLERANCE_S} s`,
          received: `${raw} in bytes 40-43`,
        });
      }
    },
  }),
  defineServerCheck({
    id: 'sntp.server-originate',
    title: "copies the request's transmit timestamp (bytes 40-47) into the reply's originate timestamp (bytes 24-31)",
    weight: 1,
    budgetMs: 10_000,
    hint: 'respuesta[24:32] = peticion[40:48]: the client matches the reply to its request by this copy',
    async run(ctx) {
      const request = timedRequest(ctx.rng);
      const { reply } = await ask(ctx, await ctx.udp('SNTP client'), request);
      const want = request.subarray(TRANSMIT_OFFSET, TRANSMIT_OFFSET + 8);
      const got = reply.subarray(ORIGINATE_OFFSET, ORIGINATE_OFFSET + 8);
      if (got.equals(want)) return;
      let slice = -1;
      for (let i = 0; i + 8 <= request.length; i++) if (i !== TRANSMIT_OFFSET && request.subarray(i, i + 8).equals(got)) slice = i;
      throw new CheckFailure(
        got.length < 8
          ? `the reply has ${reply.length} bytes: no originate timestamp`
          : got.every((b) => b === 0)
            ? "the reply's originate timestamp is zero: the request's transmit timestamp was not copied into it (or the wrong slice of the request was, all zeros)"
            : slice >= 0
              ? `the reply's originate timestamp is bytes ${slice}-${slice + 7} of the request, not its transmit timestamp (bytes 40-47): the request was sliced wrong`
              : "the reply's originate timestamp is not the request's transmit timestamp",
        { expected: `"${escapeBytes(want)}" in bytes 24-31`, received: `"${escapeBytes(got)}"` },
      );
    },
  }),
  defineServerCheck({
    id: 'sntp.short-request',
    title: 'survives a request shorter than 48 bytes and answers the next one',
    weight: 1,
    budgetMs: 12_000,
    hint: 'check len(datos) >= 48 (and the mode) before unpacking the request; ignore, or answer, anything else, but never let it raise',
    async run(ctx) {
      const client = await ctx.udp('SNTP client');
      const size = ctx.rng.int(1, 20);
      const short = Buffer.alloc(size);
      short[0] = CLIENT_REQUEST_BYTE;
      ctx.doing(`sending a request of only ${size} bytes`);
      await client.send(short);
      await client.receive(ctx.within(500), ctx.signal);
      await ctx.server.program.waitForQuiet(100, ctx.within(1000), ctx.signal).catch(() => {});
      ctx.assertServerAlive(`after a request of ${size} bytes`);
      const next = await ctx.udp('next SNTP client');
      try {
        await validReply(ctx, next);
      } catch (err) {
        if (err instanceof CheckFailure) {
          ctx.assertServerAlive(`after a request of ${size} bytes`);
          throw new CheckFailure(`after a request of ${size} bytes, ${err.message}`, err.details);
        }
        throw err;
      }
    },
  }),
  ...robustServerChecks({
    transport: 'udp',
    session: async (ctx) => {
      await validReply(ctx, await ctx.udp('SNTP client'));
    },
    sample: timedRequest,
  }),
];
