/** Checks of D1 `sntp-client`: sockgrade plays the SNTP server with a time it chose. */
import { NTP_HOST, NTP_PORT } from './course-address.js';
import { defineClientCheck, type ClientCheck } from '../../harness/model/check.js';
import type { ClientCheckContext } from '../../harness/engine/context.js';
import { CheckFailure } from '../../harness/model/failure.js';
import { num } from '../../harness/model/params.js';
import { describeSize, escapeBytes, hexBytes } from '../../harness/diagnose/bytes.js';
import { findCrash, visibleText } from '../../harness/diagnose/output.js';
import { formatMs } from '../../harness/util/deadline.js';
import type { Datagram, UdpPeer } from '../../harness/net/udp.js';
import type { Program } from '../../harness/process/program.js';
import { CLIENT_REQUEST_BYTE, NTP_PACKET_SIZE, NTP_UNIX_OFFSET, describeFirstByte, serverReply } from './packet.js';
import { acceptedFormats, findTimes, formatTime, TIME_FORMATS } from './time-formats.js';
import { str } from '../../harness/model/params.js';
import { chooseReplyTimes, explainPrinted } from './server-time.js';


const REQUEST_WAIT_MS = 10_000;
const PRINT_WAIT_MS = 10_000;

/** Why a client's request may not have reached sockgrade, beyond the client's own mistakes. */
function unreachableReasons(ctx: ClientCheckContext): string {
  const reasons: string[] = [];
  const mapping = ctx.hostMapping();
  if (!mapping.available) {
    reasons.push(
      `sockgrade cannot give the client its own hosts file on this machine (${mapping.reason ?? 'no mount namespace'}), so a client that hard-codes ${NTP_HOST} asks the real server, which sockgrade cannot grade: take the server's address from {host} {port} in the command (or HOST/PORT)`,
    );
  }
  if (ctx.unavailable.length > 0) {
    reasons.push(`port ${ctx.unavailable.join(', ')} was in use by another program (an NTP daemon?), so sockgrade could not listen there: give the client {port} in its command, or pass --port N`);
  }
  return reasons.length > 0 ? `\n(${reasons.join('; ')})` : '';
}

/** Starts sockgrade's SNTP server and the client; returns the client's first datagram. */
async function awaitRequest(ctx: ClientCheckContext): Promise<{ peer: UdpPeer; program: Program; request: Datagram }> {
  const peer = await ctx.udpPeer();
  const program = ctx.launchClient();
  const where = [ctx.offered.port, ...ctx.alsoListen.filter((p) => p !== ctx.offered.port && !ctx.unavailable.includes(p))].map((p) => `${ctx.offered.host}:${p}`).join(' or ');
  ctx.doing(`waiting for the client's request on ${where}`);
  const request = await peer.datagramWhileRunning(0, ctx.within(REQUEST_WAIT_MS), program, ctx.signal);
  if (request) return { peer, program, request };
  const crash = findCrash(program.outputText());
  const what = program.exit
    ? `the client exited without sending a request to sockgrade's SNTP server at ${where}${crash ? ` (it crashed: ${crash.name})` : ''}`
    : `no request arrived at sockgrade's SNTP server at ${where} within ${formatMs(REQUEST_WAIT_MS)}`;
  throw new CheckFailure(`${what}${unreachableReasons(ctx)}`, {
    hint: `send the request with sendto() to the server given as {host} {port} in the command (or HOST/PORT), or to ${NTP_HOST} port ${NTP_PORT}, which sockgrade answers for`,
  });
}

/** What the client printed after byte `from`, for a diagnosis. */
function printedSince(program: Program, from: number): string {
  const text = program.outputBuffer().subarray(from).toString('utf8');
  return text.trim() === '' ? '(nothing)' : visibleText(text.length > 400 ? `…${text.slice(-400)}` : text);
}

/** Waits up to `ms` for the client to exit; fails when it does not, or when it crashed, or printed nothing after `from`. */
async function expectCleanExit(ctx: ClientCheckContext, program: Program, from: number, ms: number, situation: string): Promise<string> {
  const exit = await program.waitForExit(ctx.within(ms), ctx.signal).catch(() => undefined);
  const out = program.outputBuffer().subarray(from).toString('utf8');
  const crash = findCrash(out);
  if (crash) {
    throw new CheckFailure(`${situation}, the client crashed with a ${crash.name} instead of reporting it`, {
      received: visibleText(crash.excerpt),
    });
  }
  if (!exit) throw new CheckFailure(`${situation}, the client was still running ${formatMs(ms)} later`, { received: printedSince(program, from) });
  if (out.trim() === '') throw new CheckFailure(`${situation}, the client exited without printing any message`, { hint: 'tell the user what went wrong in one line before exiting' });
  return out;
}

const giveUpMs = (ctx: ClientCheckContext): number => num(ctx.params, 'give-up') * 1000;

/** The client checks of `sntp-client`. */
export const sntpClientChecks: readonly ClientCheck[] = [
  defineClientCheck({
    id: 'sntp.request-format',
    title: 'sends a 48-byte SNTP request whose first byte is 0x1b (LI 0, VN 3, mode 3)',
    weight: 1,
    budgetMs: 20_000,
    hint: "build the request as b'\\x1b' + 47 * b'\\0' and send it with sendto()",
    async run(ctx) {
      const { peer, request } = await awaitRequest(ctx);
      await peer.reply(request, serverReply(request.data, chooseReplyTimes(ctx.rng)));
      const data = request.data;
      const first = data[0];
      if (data.length === NTP_PACKET_SIZE && first === CLIENT_REQUEST_BYTE) return;
      const problems: string[] = [];
      if (data.length !== NTP_PACKET_SIZE) problems.push(`it is ${describeSize(data.length)} long, not ${NTP_PACKET_SIZE}`);
      if (first === undefined) problems.push('it is empty');
      else if (first !== CLIENT_REQUEST_BYTE) problems.push(`its first byte is ${describeFirstByte(first)}, not ${describeFirstByte(CLIENT_REQUEST_BYTE)}`);
      throw new CheckFailure(`the request is not an SNTP client request: ${problems.join(', and ')}`, {
        expected: `${NTP_PACKET_SIZE} bytes: 1b 00 00 00 … (0x1b then 47 bytes, zeros or the client's transmit time)`,
        received: `${describeSize(data.length)}: ${hexBytes(data, 16)}, as text "${escapeBytes(data.subarray(0, 16))}"`,
      });
    },
  }),
  defineClientCheck({
    id: 'sntp.prints-server-time',
    title: "prints the transmit time of the server's reply in UTC (as YYYY-MM-DD HH:MM:SS unless time-format says otherwise), not the local clock",
    weight: 2,
    budgetMs: 30_000,
    async run(ctx) {
      const { peer, program, request } = await awaitRequest(ctx);
      const times = chooseReplyTimes(ctx.rng);
      const formats = acceptedFormats(str(ctx.params, 'time-format'));
      const expected = formats.map((f) => formatTime(times.transmit, f)).join(' or ');
      const from = program.outputLength;
      await peer.reply(request, serverReply(request.data, times));
      ctx.doing(`waiting for the client to print ${expected}`);
      const isTransmit = (t: string): true | undefined => (findTimes(t, formats).some((p) => p.seconds === times.transmit) ? true : undefined);
      const shown = await program.waitForText(`the time ${expected}`, isTransmit, ctx.within(PRINT_WAIT_MS), ctx.signal).catch(() => false);
      if (shown === true) return;
      const { why, hint } = explainPrinted(findTimes(program.outputBuffer().subarray(from).toString('utf8'), TIME_FORMATS), times, formats);
      const crash = findCrash(program.outputText());
      throw new CheckFailure(crash ? `${why}; it crashed with a ${crash.name}` : why, {
        expected: `${expected} (transmit timestamp ${times.transmit + NTP_UNIX_OFFSET} - ${NTP_UNIX_OFFSET} = ${times.transmit} seconds since 1970, UTC)`,
        received: printedSince(program, from),
        hint,
      });
    },
  }),
  defineClientCheck({
    id: 'sntp.timeout',
    title: 'when no reply comes, prints a message and exits (no hang, no traceback) within the give-up time',
    weight: 1,
    budgetMs: (p) => num(p, 'give-up') * 1000 + REQUEST_WAIT_MS + 10_000,
    hint: 'call settimeout(5) on the socket before recvfrom(), catch socket.timeout and print that the server did not answer',
    async run(ctx) {
      const { program } = await awaitRequest(ctx);
      const limit = giveUpMs(ctx);
      ctx.doing('not replying, and waiting for the client to give up');
      await expectCleanExit(ctx, program, program.outputLength, limit, 'with no reply to its request');
    },
  }),
  defineClientCheck({
    id: 'sntp.short-reply',
    title: 'reports a truncated reply (fewer than 48 bytes) with a message, not a traceback, and exits',
    weight: 1,
    budgetMs: (p) => num(p, 'give-up') * 1000 + REQUEST_WAIT_MS + 10_000,
    hint: "check len(respuesta) >= 48 before struct.unpack('!12I', respuesta) (or catch struct.error) and print that the reply is not valid",
    async run(ctx) {
      const { peer, program, request } = await awaitRequest(ctx);
      const size = ctx.rng.int(8, 40);
      const short = serverReply(request.data, chooseReplyTimes(ctx.rng)).subarray(0, size);
      const from = program.outputLength;
      await peer.reply(request, short);
      ctx.doing(`waiting for the client to report the ${describeSize(size)} reply and exit`);
      const situation = `after a reply of only ${describeSize(size)} (an SNTP reply has ${NTP_PACKET_SIZE}; the transmit timestamp is missing)`;
      const out = await expectCleanExit(ctx, program, from, giveUpMs(ctx), situation);
      const shown = findTimes(out, TIME_FORMATS);
      if (shown.length > 0) {
        throw new CheckFailure(`${situation}, the client printed the time ${shown[0]?.text ?? ''}, although the reply holds no transmit timestamp`, {
          received: printedSince(program, from),
          hint: 'a reply shorter than 48 bytes carries no time: report it as invalid instead of reading it',
        });
      }
    },
  }),
];
