/**
 * The `rudp.*` checks of a submitted receiver: sockgrade is the sender, behind a seeded
 * fault-injecting proxy, and judges what the receiver prints: every message exactly once, in
 * order, nothing invented. The reference receiver goes through the same fault schedule at the
 * same time, so a diagnosis can put the retransmission overhead next to the reference's.
 */
import { defineServerCheck, type ServerCheck } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import type { ServerCheckContext } from '../../harness/authoring.js';
import { describeExit } from '../../harness/authoring.js';
import { Transcript } from '../../harness/authoring.js';
import { UdpProxy } from '../../harness/authoring.js';
import { num } from '../../harness/authoring.js';
import { startServer } from '../../reference/reliable-udp/server.js';
import { ArqSender, type SenderOptions, type SendReport } from './arq-sender.js';
import { describePacket, parsePacket, swap32, DATA } from './header.js';
import { deliveriesInOutput, listIndices, makeMessages, sequenceProblem, summarize, type Delivery } from './messages.js';
import { logFaults, overheadLine, perMessage, type Scenario } from './scenarios.js';

/** Messages sent per check. */
const MESSAGES = 20;

/** The sender's settings for a check: `window` packets in flight, generous timeouts (1 s when nothing is lost). */
function senderOptions(ctx: ServerCheckContext, scenario: Scenario): SenderOptions {
  const rto = scenario.lossless ? 1000 : 250;
  return { window: num(ctx.params, 'window'), initialRtoMs: Math.max(rto, 500), minRtoMs: rto, maxTries: scenario.lossless ? 4 : 12, ms: ctx.within(20_000), signal: ctx.signal };
}

/** The same transfer with the reference receiver and the same fault schedule; resolves with its figure, or undefined. */
async function referenceFigure(ctx: ServerCheckContext, seed: number, scenario: Scenario, payloads: Buffer[], options: SenderOptions): Promise<string | undefined> {
  const server = await startServer({ host: '127.0.0.1', port: 0, params: ctx.params, log: () => {} });
  ctx.own(undefined, () => server.close());
  const proxy = await UdpProxy.start({ target: { host: '127.0.0.1', port: server.port }, seed, faults: scenario.faults });
  ctx.own(undefined, () => proxy.close());
  const sender = await ArqSender.open({ host: '127.0.0.1', port: proxy.port }, 'reference run');
  ctx.own(undefined, () => sender.close());
  const report = await sender.send(payloads, options);
  return report.complete ? `with the reference receiver and the same fault schedule it sent ${perMessage(report.datagrams, payloads.length)}` : undefined;
}

/** Sends the messages through the proxy to the submission, then judges what it printed. */
async function gradeReceiver(ctx: ServerCheckContext, scenario: Scenario): Promise<void> {
  const messages = makeMessages(ctx.rng, MESSAGES);
  const payloads = messages.map((m) => Buffer.from(m));
  const seed = ctx.rng.int(1, 2 ** 31 - 2);
  const program = ctx.server.program;
  const from = program.outputLength;
  const faultLog = new Transcript('proxy (sockgrade): faults applied', ctx.origin);
  const proxy = await UdpProxy.start({
    target: { host: ctx.server.host, port: ctx.server.port },
    seed,
    faults: scenario.faults,
    onDatagram: logFaults(faultLog, { upstream: 'sender → receiver', downstream: 'receiver → sender' }),
  });
  ctx.own(faultLog, () => proxy.close());
  const sender = await ArqSender.open({ host: '127.0.0.1', port: proxy.port }, 'sender (sockgrade, through the proxy)', ctx.origin);
  ctx.own(sender.transcript, () => sender.close());
  const options = senderOptions(ctx, scenario);
  const twin = referenceFigure(ctx, seed, scenario, payloads, options).catch(() => undefined);

  ctx.doing(`sending ${MESSAGES} messages through the proxy (${scenario.words})`);
  const report = await sender.send(payloads, options);
  ctx.doing('waiting for the proxy to forward what it still holds');
  await proxy.drained(ctx.within(2000), ctx.signal);
  ctx.doing('waiting for the receiver to print the messages');
  const printedAll = (text: string): true | undefined => (new Set(deliveriesInOutput(text, messages).flatMap((d) => ('index' in d ? [d.index] : []))).size === MESSAGES ? true : undefined);
  await program.waitForText('every message to be printed', printedAll, ctx.within(report.complete ? 3000 : 500), ctx.signal, from).catch(() => undefined);
  await program.waitForQuiet(200, ctx.within(1500), ctx.signal).catch(() => {});
  const deliveries = deliveriesInOutput(program.outputBuffer().subarray(from).toString('utf8'), messages);
  ctx.doing('waiting for the reference run to finish');
  const reference = await twin;
  const overhead = overheadLine("sockgrade's sender", report.datagrams, MESSAGES, reference);
  judgeReceiver({ ctx, scenario, messages, deliveries, report, overhead });
  ctx.note(overhead);
}

interface Verdict {
  ctx: ServerCheckContext;
  scenario: Scenario;
  messages: string[];
  deliveries: Delivery[];
  report: SendReport;
  overhead: string;
}

function judgeReceiver(v: Verdict): void {
  const { ctx, scenario, messages, deliveries, report } = v;
  const n = messages.length;
  const fail: (message: string, hint?: string) => never = (message, hint) => {
    throw new CheckFailure(`${message}\n${v.overhead}`, {
      expected: `messages #0 to #${n - 1} printed once each, in that order (#0 is "${messages[0]}")`,
      received: `printed: ${summarize(deliveries)}`,
      hint: hint ?? scenario.hint.server,
    });
  };
  const exit = ctx.server.program.exit;
  if (exit) fail(`the receiver exited (${describeExit(exit)}) during the transfer (${scenario.words})`, 'a receiver keeps running until it is stopped; its output below says why it ended');
  const problem = sequenceProblem(deliveries, n);
  if (problem?.kind === 'invented') fail(`the receiver printed "${problem.text}", which is not one of the messages sent`, 'print only the payload of data packets (the bytes after the 5-byte header), decoded as UTF-8');
  if (problem?.kind === 'altered') {
    fail(`message #${problem.index} was printed altered: "${problem.shown}" instead of "${messages[problem.index]}"`, 'the payload is everything after the 5-byte header (datos[5:]); receive with recvfrom(2048) or more and decode it as UTF-8');
  }
  if (problem?.kind === 'duplicate') fail(`message #${problem.index} was printed ${problem.times} times (${scenario.words})`, 'a packet whose sequence number was already delivered is a retransmission or a duplicate: ACK it again, but do not print it again (and print a payload nowhere else, e.g. in a log line of what arrived)');
  if (problem?.kind === 'order') {
    fail(`message #${problem.earlier} was printed after #${problem.later} (${scenario.words}): messages must be printed in sequence order`, 'sockgrade keeps several packets in flight, so one may arrive ahead of an earlier one: keep it (a dict seq -> payload) and print it once every earlier one has been printed, or do not ACK it so that it is sent again');
  }
  if (!report.complete) failIncomplete(v, fail);
  if (problem?.kind === 'missing') {
    fail(
      `messages ${listIndices(problem.indices)} were acknowledged but never printed (${scenario.words})`,
      'a receiver must never ACK a packet it then throws away: keep a packet that arrives ahead of its turn until the gap is filled, or do not ACK it (the sender will send it again)',
    );
  }
}

/** Diagnoses a transfer that did not complete: bad ACKs, or a packet never acknowledged. */
function failIncomplete(v: Verdict, fail: (message: string, hint?: string) => never): never {
  const { report, scenario, messages } = v;
  const n = messages.length;
  const ackFormat = 'answer each data packet with struct.pack("!IB", seq, 1): the same sequence number, type 1, sent to the address recvfrom() returned';
  const stray = report.strayAcks[0];
  if (stray !== undefined) {
    const swapped = swap32(stray);
    if (swapped < n) fail(`an ACK carries sequence number ${stray}, which sockgrade never sent; read as little-endian it is ${swapped}`, 'pack the header with "!IB": "!" is network byte order (big-endian), whatever the machine');
    if (report.validAcks === 0) fail(`an ACK carries sequence number ${stray}, which sockgrade never sent`, 'an ACK carries the sequence number of the packet it acknowledges (not the next one expected)');
  }
  const odd = report.notAcks[0];
  if (report.validAcks === 0 && odd !== undefined) {
    const p = parsePacket(odd);
    const echoed = p?.type === DATA && messages.some((m) => p.payload.toString() === m);
    fail(`sockgrade's sender never got a valid ACK: what came back is ${describePacket(odd)}${echoed ? ', the data packet itself, echoed' : ''}`, ackFormat);
  }
  if (report.validAcks === 0) fail(`the receiver never sent an ACK (${report.datagrams} data packets sent)`, ackFormat);
  const seq = report.gaveUpOn;
  if (seq !== undefined) {
    const printed = v.deliveries.some((d) => 'index' in d && d.index === seq);
    if (printed) {
      fail(
        `packet #${seq} was sent ${report.tries[seq]} times and never acknowledged, although the receiver printed it (${scenario.words})`,
        'when an ACK is lost the sender sends the packet again: the receiver must ACK that duplicate again (without printing it)',
      );
    }
    fail(`packet #${seq} was sent ${report.tries[seq]} times and never acknowledged (${scenario.words})`);
  }
  const acked = report.acked.filter(Boolean).length;
  fail(`the transfer did not finish in time: ${acked} of ${n} messages were acknowledged (${scenario.words})`);
}

/** The `rudp.*` check of `scenario` for the receiver role. */
export function receiverCheck(scenario: Scenario): ServerCheck {
  return defineServerCheck({
    id: scenario.id,
    title: `receiver ${scenario.title}`,
    weight: 1,
    budgetMs: 30_000,
    hint: scenario.hint.server,
    run: (ctx) => gradeReceiver(ctx, scenario),
  });
}

/** A normal transfer of three messages, straight to the receiver (for `robust.no-crash-output`). */
export async function receiverSession(ctx: ServerCheckContext): Promise<void> {
  const sender = await ArqSender.open({ host: ctx.server.host, port: ctx.server.port }, 'sender (sockgrade)', ctx.origin);
  ctx.own(sender.transcript, () => sender.close());
  const payloads = makeMessages(ctx.rng, 3).map((m) => Buffer.from(m));
  await sender.send(payloads, { window: 1, initialRtoMs: 300, minRtoMs: 200, maxTries: 5, ms: ctx.within(5000), signal: ctx.signal });
}
