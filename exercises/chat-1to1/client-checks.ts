/** Client checks of B2 `chat-1to1`: sockgrade is the server, and types into the client as its user. */
import { defineClientCheck, type ClientCheck } from '../../harness/model/check.js';
import type { ClientCheckContext } from '../../harness/engine/context.js';
import type { TcpPeer } from '../../harness/net/tcp-peer.js';
import type { UdpPeer } from '../../harness/net/udp.js';
import { CheckFailure, CheckNotReached, CheckSkipped } from '../../harness/model/failure.js';
import { escapeBytes } from '../../harness/diagnose/bytes.js';
import { findCrash, visibleText } from '../../harness/diagnose/output.js';
import { describeExit } from '../../harness/process/program.js';
import { portInUse } from '../../harness/net/socket-table.js';
import { formatMs } from '../../harness/util/deadline.js';
import { Terminal, outputTail, promptPattern } from '../shared/chat-terminal.js';
import { judgeNameShown } from './name-shown.js';
import { TURN_MS, TcpLink, UdpPeerLink, body, expectMessage, expectShown, giveUpMsOf, namesOff, namesOn, quitOf, transportOf, turnText, twoNames, type ChatLink } from './protocol.js';
import type { ParamValues } from '../../harness/model/params.js';

/** Client checks that need a conversation: without names over UDP, sockgrade cannot learn the client's address before its first message. */
const conversation = (p: ParamValues): string | undefined => (!namesOn(p) && transportOf(p) === 'udp' ? 'names=off over UDP is not graded for the client yet' : undefined);

/** sockgrade's server, either transport. */
type Peer = { kind: 'tcp'; peer: TcpPeer } | { kind: 'udp'; peer: UdpPeer };

/** The conversation so far, sockgrade being the server. */
interface Session {
  link: ChatLink;
  term: Terminal;
  /** The client's name, typed into it. */
  mine: string;
  /** The server's name (sockgrade's). */
  theirs: string;
}

async function startPeer(ctx: ClientCheckContext): Promise<Peer> {
  return transportOf(ctx.params) === 'udp' ? { kind: 'udp', peer: await ctx.udpPeer() } : { kind: 'tcp', peer: await ctx.tcpPeer() };
}

const CONNECT_HINT = 'use the host and port given as {host} {port} in the command, HOST/PORT in the environment, or typed at the prompt; if your client hard-codes its port, pass --port N';

/**
 * Launches the client (its `launch`-th start in this check), types its user's name when it
 * asks, and exchanges names: over TCP sockgrade's name goes first, over UDP the client's.
 */
async function meetClient(ctx: ClientCheckContext, peer: Peer, launch: number): Promise<Session> {
  const program = ctx.launchClient();
  const term = new Terminal(ctx, program, 'the client', promptPattern(ctx.params));
  const [mine, theirs] = twoNames(ctx.rng);
  const names = namesOn(ctx.params);
  const typing = names ? term.typeWhenAskedLater(mine, "its user's name") : Promise.resolve(undefined);
  let link: ChatLink;
  let nameFrom = 0;
  if (peer.kind === 'tcp') {
    ctx.doing(`waiting for the client to connect to ${ctx.offered.host}:${ctx.offered.port}`);
    const conn = await peer.peer.connection(launch, ctx.within(10_000), ctx.signal, () => !program.running);
    if (!conn) {
      const typed = await typing;
      if (typed) throw typed;
      throw term.stalled(`connect to sockgrade's server at ${ctx.offered.host}:${ctx.offered.port}`, 10_000, CONNECT_HINT);
    }
    link = new TcpLink(ctx, conn);
    if (!names) return { link, term, mine, theirs };
    await link.send(theirs);
  } else {
    ctx.doing(`waiting for the client's first datagram at ${ctx.offered.host}:${ctx.offered.port}`);
    nameFrom = peer.peer.datagrams.length;
    const first = await peer.peer.datagram(nameFrom, ctx.within(10_000), ctx.signal);
    if (!first) {
      const typed = await typing;
      if (typed) throw typed;
      throw term.stalled(`send its name in a datagram to ${ctx.offered.host}:${ctx.offered.port}`, 10_000, CONNECT_HINT);
    }
    link = new UdpPeerLink(ctx, peer.peer, first);
  }
  const typed = await typing;
  if (typed) throw typed;
  await expectMessage(ctx, link, term, nameFrom, mine, `the name typed at its prompt ("${mine}") first`, 'send the name the user typed, once, before any message');
  if (peer.kind === 'udp') await link.send(theirs);
  return { link, term, mine, theirs };
}

async function meetOrSkip(ctx: ClientCheckContext, peer: Peer, launch: number): Promise<Session> {
  try {
    return await meetClient(ctx, peer, launch);
  } catch (err) {
    // Without names there is no chat.name-exchange to report the failure: it is this check's.
    if (err instanceof CheckFailure && namesOn(ctx.params)) throw new CheckNotReached(`the names were not exchanged, so this could not be judged (chat.name-exchange says why): ${err.message}`);
    throw err;
  }
}

/** One turn: the client's user types, the line arrives, sockgrade answers, the client prints the answer. */
async function turn(ctx: ClientCheckContext, s: Session, k: number): Promise<void> {
  const said = turnText(ctx.rng, 'a', k);
  const answer = turnText(ctx.rng, 'b', k);
  const linkFrom = s.link.mark();
  await s.term.typeWhenAsked(said, 'a message', TURN_MS);
  await expectMessage(ctx, s.link, s.term, linkFrom, said, `the line its user typed ("${said}")`, 'send exactly the line input() returned, as one message');
  const outFrom = s.term.position;
  await s.link.send(answer);
  await expectShown(ctx, s.term, answer, outFrom, `the client did not print the server's answer "${answer}" (turn ${k + 1})`, 'after sending, wait for the answer with recv() and print it: print(nombre_servidor + ": " + respuesta)');
}

/** Judges how the client ended after `event`. */
async function expectEnd(s: Session, event: string, from: number): Promise<void> {
  const exit = await s.term.exited(3000);
  if (!exit) {
    throw new CheckFailure(`the client was still running ${formatMs(3000)} after ${event}${s.term.waitingForInput() === true ? ': it asked its user for another line' : ''}`, {
      expected: 'the client ends the chat and exits',
      received: outputTail(s.term.printedSince(from)),
    });
  }
  const crash = findCrash(s.term.printedSince(from));
  if (crash) throw new CheckFailure(`the client crashed with a ${crash.name} after ${event}`, { received: visibleText(crash.excerpt) });
  if (exit.code !== 0) throw new CheckFailure(`the client ended with ${describeExit(exit)} after ${event}`, { expected: 'exit code 0: the chat ended normally', received: outputTail(s.term.printedSince(from)) });
}

export const clientChecks: readonly ClientCheck[] = [
  defineClientCheck({
    id: 'chat.name-exchange',
    title: "sends the name its user typed first, and shows the server's name",
    weight: 1,
    budgetMs: 25_000,
    notApplicable: namesOff,
    async run(ctx) {
      const s = await meetClient(ctx, await startPeer(ctx), 0);
      // The client may show the server's name only with its first answer: play one turn, leniently.
      const said = turnText(ctx.rng, 'a', 0);
      const answer = turnText(ctx.rng, 'b', 0);
      const from = s.link.mark();
      await s.term.typeWhenAsked(said, 'a message', TURN_MS).catch(() => {});
      await s.link.waitFor(from, (ms) => (ms.length > 0 ? true : undefined), TURN_MS);
      const before = s.term.printedSince(0);
      const sentAt = s.term.position;
      await s.link.send(answer);
      ctx.doing("waiting for the client to show the server's answer, with the server's name");
      await s.term.printed("the server's answer", (t) => (t.includes(answer) ? true : undefined), TURN_MS, sentAt);
      await s.term.program.waitForQuiet(150, ctx.within(1000), ctx.signal).catch(() => {});
      const shown = judgeNameShown(before, s.term.printedSince(sentAt), s.theirs, answer, s.term.prompts);
      if (shown === 'never') {
        throw new CheckFailure(`the client never showed the server's name "${s.theirs}", not even with the server's first answer`, {
          expected: `"${s.theirs}" printed, e.g. "${s.theirs}: …"`,
          received: outputTail(s.term.printedSince(0)),
          hint: "keep the name the server sent and print it with each of the server's messages",
        });
      }
      if (shown === 'as-message') {
        throw new CheckFailure(`the client printed the server's name "${s.theirs}" only as it prints any answer, and showed the server's next answer without it: it treated the name as an ordinary message, so no names were exchanged`, {
          expected: `the server's name kept and shown with its answers, e.g. "${s.theirs}: ${answer}"`,
          received: outputTail(s.term.printedSince(0)),
          hint: 'the first thing the server sends is its name: keep it in a variable (nombre_servidor = recv...), then print it with each answer',
        });
      }
    },
  }),
  defineClientCheck({
    id: 'chat.alternation',
    title: 'turns alternate: sends each line its user types, then prints the answer',
    weight: 2,
    budgetMs: 40_000,
    notApplicable: conversation,
    async run(ctx) {
      const s = await meetOrSkip(ctx, await startPeer(ctx), 0);
      for (let k = 0; k < 3; k++) await turn(ctx, s, k);
    },
  }),
  defineClientCheck({
    id: 'chat.exit-either-side',
    title: 'the quit word ends the chat on both sides: typed into the client, or said by the server',
    weight: 1,
    budgetMs: 40_000,
    notApplicable: conversation,
    hint: 'when the user types the quit word, send it and end; when the quit word arrives from the other side, say the chat is over and end',
    async run(ctx) {
      const quit = quitOf(ctx.params);
      const peer = await startPeer(ctx);
      // The server says the quit word in answer to the client's first message.
      const a = await meetOrSkip(ctx, peer, 0);
      const said = turnText(ctx.rng, 'a', 0);
      const linkFrom = a.link.mark();
      await a.term.typeWhenAsked(said, 'a message', TURN_MS);
      // What the message says is chat.alternation's business: here any message will do.
      if (!(await a.link.waitFor(linkFrom, (ms) => (ms.length > 0 ? true : undefined), TURN_MS))) throw a.term.stalled(`send the line its user typed ("${said}")`, TURN_MS);
      let from = a.term.position;
      await a.link.send(quit);
      a.link.finish();
      await expectEnd(a, `the server said "${quit}"`, from);

      // A second run: the client's user types the quit word.
      const b = await meetOrSkip(ctx, peer, 1);
      const before = b.link.mark();
      from = b.term.position;
      await b.term.typeWhenAsked(quit, 'a message', TURN_MS);
      ctx.doing(`waiting for the client to tell the server it leaves`);
      const told = await b.link.waitFor(before, (ms) => (ms.length > 0 ? body(ms.join('')) : b.link.closed() ? '' : undefined), TURN_MS);
      const tcp = peer.kind === 'tcp';
      if (told === undefined || (told !== quit && !(tcp && b.link.closed()))) {
        throw new CheckFailure(`after its user typed "${quit}", the client did not tell the server${told ? `: it sent "${escapeBytes(told)}"` : ''}`, {
          expected: tcp ? `"${quit}" sent to the server, or the connection closed` : `a datagram "${quit}" sent to the server (over UDP it is the only way the server can know)`,
          received: told ? `"${escapeBytes(told)}"` : 'nothing',
        });
      }
      await expectEnd(b, `its user typed "${quit}"`, from);
    },
  }),
  defineClientCheck({
    id: 'client.no-server',
    title: 'started with no server: over TCP it says so in one line and exits non-zero; over UDP it may wait, but never crashes',
    weight: 1,
    budgetMs: (p) => giveUpMsOf(p) + 5000,
    hint: 'catch ConnectionRefusedError around connect(), print one line saying what failed, and sys.exit(1)',
    async run(ctx) {
      const tcp = transportOf(ctx.params) === 'tcp';
      const port = ctx.offered.port;
      const busy = [port, ...ctx.alsoListen].filter((p) => portInUse(p, tcp ? 'tcp' : 'udp'));
      if (busy.length > 0) throw new CheckSkipped(`port ${busy.join(', ')} is in use by another program on this machine, so "no server" cannot be arranged`);
      const program = ctx.launchClient({ port });
      const term = new Terminal(ctx, program, 'the client', promptPattern(ctx.params));
      const [mine] = twoNames(ctx.rng);
      void term.typeWhenAsked(mine, "its user's name", 5000).catch(() => {});
      const limit = tcp ? giveUpMsOf(ctx.params) : 3000;
      ctx.doing(`waiting ${formatMs(limit)} for the client, started with nothing listening on port ${port}`);
      const exit = await term.exited(limit);
      const out = term.printedSince(0);
      const crash = findCrash(out);
      if (crash) throw new CheckFailure(`the client crashed with a ${crash.name} instead of reporting that there is no server`, { received: visibleText(crash.excerpt) });
      if (!exit) {
        if (!tcp) return; // a UDP client cannot tell that nobody listens: waiting is fine
        throw new CheckFailure(`the client was still running ${formatMs(limit)} after it started, with no server to talk to`, { received: outputTail(out), hint: 'connect() fails at once when nothing listens: catch ConnectionRefusedError' });
      }
      // What it printed after its name was typed (or at all, when it failed before asking).
      if (term.printedSince().trim() === '') throw new CheckFailure(`the client exited (${describeExit(exit)}) without saying why`, { received: outputTail(out) });
      if (exit.code === 0) {
        throw new CheckFailure('the client exited with code 0 although it could not reach the server', {
          received: outputTail(out),
          hint: 'exit with a non-zero code (sys.exit(1)) when the chat could not even start',
        });
      }
    },
  }),
];
