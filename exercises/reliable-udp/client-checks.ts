/**
 * The checks of a submitted sender: sockgrade is the receiver, behind a seeded fault-injecting
 * proxy that listens where the sender sends, and judges what got delivered: every line of the
 * messages file exactly once, in order, nothing invented, then a clean exit. The reference sender
 * goes through the same fault schedule at the same time, for the overhead figure.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { robustNoServerCheck } from '../shared/robust.js';
import { defineClientCheck, type ClientCheck } from '../../harness/authoring.js';
import { CheckFailure, CheckSkipped } from '../../harness/authoring.js';
import type { ClientCheckContext } from '../../harness/authoring.js';
import { describeExit, type ExitInfo, type Program } from '../../harness/authoring.js';
import { Transcript } from '../../harness/authoring.js';
import { UdpProxy, type UdpProxyEvent } from '../../harness/authoring.js';
import { findCrash, visibleText } from '../../harness/authoring.js';
import { formatMs } from '../../harness/authoring.js';
import { num, str } from '../../harness/authoring.js';
import { sendMessages } from '../../reference/reliable-udp/client.js';
import { ArqReceiver } from './arq-receiver.js';
import { DATA, describePacket, parsePacket, swap32 } from './header.js';
import { deliveriesOfPayloads, makeMessages, sequenceProblem, summarize } from './messages.js';
import { logFaults, overheadLine, perMessage, type Scenario } from './scenarios.js';

/** Messages in the file per check. */
const MESSAGES = 12;
/** Time the sender has to deliver everything and exit. */
const TRANSFER_MS = 25_000;

const FORMAT_HINT = 'each data packet is struct.pack("!IB", seq, 0) + the line encoded as UTF-8, with seq 0 for the first line, 1 for the next…';

/** Places the messages file in the client's folder; returns its name. */
async function placeMessages(ctx: ClientCheckContext, messages: readonly string[]): Promise<string> {
  const file = str(ctx.params, 'input');
  await writeFile(join(ctx.workDir, file), `${messages.join('\n')}\n`);
  return file;
}

/** Proxies listening where the client sends (the offered port, and the course's port where free), all towards `target`. */
async function proxiesWhereTheClientSends(ctx: ClientCheckContext, target: number, seed: number, scenario: Scenario, onDatagram: (e: UdpProxyEvent) => void): Promise<UdpProxy[]> {
  const proxies: UdpProxy[] = [];
  const ports = [ctx.offered.port, ...ctx.alsoListen.filter((p) => p !== ctx.offered.port)];
  for (const [i, port] of ports.entries()) {
    try {
      const proxy = await UdpProxy.start({ target: { host: '127.0.0.1', port: target }, listenHost: ctx.offered.host, listenPort: port, seed, faults: scenario.faults, onDatagram });
      ctx.own(undefined, () => proxy.close());
      proxies.push(proxy);
    } catch (err) {
      if (i > 0) continue;
      if (ctx.declared) throw new CheckSkipped(`port ${port} given with --port is in use by another program, so sockgrade cannot play the receiver there`);
      throw new Error(`sockgrade could not listen on ${ctx.offered.host}:${port}: ${(err as Error).message}`);
    }
  }
  return proxies;
}

/** The reference sender through the same fault schedule; resolves with its figure, or undefined. */
async function referenceFigure(ctx: ClientCheckContext, seed: number, scenario: Scenario, payloads: Buffer[]): Promise<string | undefined> {
  const receiver = await ArqReceiver.open('reference run');
  ctx.own(undefined, () => receiver.close());
  const proxy = await UdpProxy.start({ target: { host: '127.0.0.1', port: receiver.port }, seed, faults: scenario.faults });
  ctx.own(undefined, () => proxy.close());
  const result = await sendMessages({ address: '127.0.0.1', port: proxy.port, messages: payloads, signal: ctx.signal });
  return result.ok ? `the reference sender, through the same fault schedule, sent ${perMessage(proxy.stats.upstream.in, payloads.length)}` : undefined;
}

/** Starts the sender with the messages file and the proxy in front of sockgrade's receiver, then judges the delivery. */
async function gradeSender(ctx: ClientCheckContext, scenario: Scenario): Promise<void> {
  const messages = makeMessages(ctx.rng, MESSAGES);
  const seed = ctx.rng.int(1, 2 ** 31 - 2);
  const file = await placeMessages(ctx, messages);
  const receiver = await ArqReceiver.open('receiver (sockgrade, behind the proxy)', ctx.origin);
  ctx.own(receiver.transcript, () => receiver.close());
  const faultLog = new Transcript('proxy (sockgrade): faults applied', ctx.origin);
  ctx.own(faultLog, () => {});
  const log = logFaults(faultLog, { upstream: 'sender → receiver', downstream: 'receiver → sender' });
  const transmissions = new Map<number, number>();
  const proxies = await proxiesWhereTheClientSends(ctx, receiver.port, seed, scenario, (e) => {
    log(e);
    const p = e.direction === 'upstream' ? parsePacket(e.data) : undefined;
    if (p?.type === DATA) transmissions.set(p.seq, (transmissions.get(p.seq) ?? 0) + 1);
  });
  const twin = referenceFigure(ctx, seed, scenario, messages.map((m) => Buffer.from(m))).catch(() => undefined);

  const program = ctx.launchClient({ message: file, placeholders: { file } });
  ctx.doing(`waiting for the sender to deliver ${MESSAGES} messages through the proxy (${scenario.words}) and exit`);
  const exit = await program.waitForExit(ctx.within(TRANSFER_MS), ctx.signal).catch(() => undefined);
  ctx.doing('waiting for the proxy to forward what it still holds');
  for (const p of proxies) await p.drained(ctx.within(1500), ctx.signal);
  // What the proxy forwarded last is still crossing the loopback: let it land before judging.
  await receiver.received(proxies.reduce((sum, p) => sum + p.stats.upstream.out, 0), ctx.within(1000), ctx.signal);
  ctx.doing('waiting for the reference run to finish');
  const reference = await twin;
  const sent = proxies.reduce((sum, p) => sum + p.stats.upstream.in, 0);
  const overhead = overheadLine('your sender', sent, MESSAGES, reference);
  judgeSender({ ctx, scenario, messages, file, receiver, transmissions, program, exit, overhead });
  ctx.note(overhead);
}

interface Verdict {
  ctx: ClientCheckContext;
  scenario: Scenario;
  messages: string[];
  file: string;
  receiver: ArqReceiver;
  /** Data packets the sender sent, by sequence number, as the proxy saw them (before any fault). */
  transmissions: ReadonlyMap<number, number>;
  program: Program;
  exit: ExitInfo | undefined;
  overhead: string;
}

function judgeSender(v: Verdict): void {
  const { ctx, scenario, messages, receiver, program, exit } = v;
  const n = messages.length;
  const payloads = [...receiver.delivered];
  // An empty data packet after the last message is an end-of-transfer marker, allowed by the contract.
  if (payloads.length === n + 1 && payloads[n]?.length === 0) payloads.pop();
  const deliveries = deliveriesOfPayloads(payloads, messages);
  const fail: (message: string, hint?: string, received?: string) => never = (message, hint, received) => {
    throw new CheckFailure(`${message}\n${v.overhead}`, {
      expected: `the ${n} lines of ${v.file} delivered once each, in order, then exit code 0 (line 1 is "${messages[0]}")`,
      received: received ?? `delivered: ${summarize(deliveries)}${exit ? `; the sender ended with ${describeExit(exit)}` : '; the sender was still running'}`,
      hint: hint ?? scenario.hint.client,
    });
  };
  const crash = findCrash(program.outputText());
  if (crash) {
    const missingFile = /FileNotFoundError|No such file/.test(crash.excerpt);
    fail(
      `the sender crashed with a ${crash.name}`,
      missingFile ? `the messages are in the file ${v.file} in the sender's working folder; its name is also given as {file} in the command` : 'its last lines name the exception and the line that raised it',
      visibleText(crash.excerpt),
    );
  }
  if (receiver.dataPackets === 0) {
    const odd = receiver.notData[0];
    if (odd) fail(`datagrams arrived, but none is a data packet: the first is ${describePacket(odd)}`, FORMAT_HINT);
    fail(
      exit ? `the sender exited (${describeExit(exit)}) without any datagram reaching ${ctx.offered.host}:${ctx.offered.port}` : `no datagram reached ${ctx.offered.host}:${ctx.offered.port} within ${formatMs(TRANSFER_MS)}`,
      'send to the host and port given as {host} {port} (or HOST/PORT); if your sender hard-codes its port, pass --port N',
    );
  }
  const far = receiver.farAhead[0];
  if (far !== undefined && swap32(far) <= n) fail(`a data packet carries sequence number ${far}; read as little-endian it is ${swap32(far)}`, 'pack the header with "!IB": "!" is network byte order (big-endian), whatever the machine');
  if (!v.transmissions.has(0)) {
    const first = Math.min(...v.transmissions.keys());
    fail(`the sender never sent a data packet with sequence number 0; the lowest it used is ${first}`, `number the messages from 0: ${FORMAT_HINT}`);
  }
  const problem = sequenceProblem(deliveries, n);
  if (problem?.kind === 'invented') fail(`a data packet carried "${problem.text}", which is not one of the lines of ${v.file}`, FORMAT_HINT);
  if (problem?.kind === 'altered') {
    const line = messages[problem.index] ?? '';
    const withEnd = problem.shown === `${line}\\n` || problem.shown === `${line}\\r\\n`;
    fail(
      `line ${problem.index + 1} arrived altered: "${problem.shown}" instead of "${line}"`,
      withEnd ? 'the payload is the line without its line end: send linea.rstrip("\\n").encode()' : 'send the line encoded as UTF-8 (linea.encode()), after the 5-byte header',
    );
  }
  if (problem?.kind === 'duplicate') {
    fail(
      `message #${problem.index} was sent under ${problem.times} different sequence numbers, so it was delivered ${problem.times} times (${scenario.words})`,
      'a retransmission repeats the packet with the same sequence number; only a new message takes the next number',
    );
  }
  if (problem?.kind === 'order') fail(`message #${problem.earlier} was delivered after #${problem.later}: sequence numbers must follow the order of the lines`, FORMAT_HINT);
  if (problem?.kind === 'missing') {
    const next = problem.indices[0] as number;
    const times = v.transmissions.get(next) ?? 0;
    const fate = times === 0 ? 'was never sent' : `was sent ${times === 1 ? 'once' : `${times} times`} and every copy was lost on the way: it must be sent again until its ACK arrives`;
    const through = payloads.length === 0 ? `none of the ${n} messages` : `only ${payloads.length} of the ${n} messages`;
    if (!exit) fail(`after ${formatMs(TRANSFER_MS)} the sender was still running and ${through} had got through (${scenario.words}); packet #${next} ${fate}`);
    fail(`the sender exited (${describeExit(exit)}) when ${through} had got through (${scenario.words}); packet #${next} ${fate}`);
  }
  if (!exit) fail(`every message got through, but the sender was still running ${formatMs(TRANSFER_MS)} after it started`, 'exit once the ACK of the last message has arrived');
  if (exit.code !== 0) fail(`every message got through, but the sender ended with ${describeExit(exit)}`, 'exit with code 0 when every message was acknowledged');
}

/** The `rudp.*` check of `scenario` for the sender role. */
export function senderCheck(scenario: Scenario): ClientCheck {
  return defineClientCheck({
    id: scenario.id,
    title: `sender ${scenario.title}`,
    weight: 1,
    budgetMs: TRANSFER_MS + 10_000,
    hint: scenario.hint.client,
    run: (ctx) => gradeSender(ctx, scenario),
  });
}

/** `robust.no-server` for a sender, with its messages file in place. */
export function senderNoServerCheck(): ClientCheck {
  return robustNoServerCheck({
    transport: 'udp',
    giveUpMs: (p) => num(p, 'give-up') * 1000,
    message: () => '',
    names: { program: 'sender', peer: 'receiver' },
    title: 'with no receiver, gives up with a one-line message and a non-zero exit code (within give-up seconds, default 10)',
    hint: 'count the retransmissions of a packet; after a bounded number (say 10) with no ACK, print one line saying the receiver does not answer and sys.exit(1)',
    async prepare(ctx) {
      const file = await placeMessages(ctx, makeMessages(ctx.rng, 3));
      return { message: file, placeholders: { file } };
    },
  });
}
