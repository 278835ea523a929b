/** Server checks of B2 `chat-1to1`: sockgrade is the client, and types into the server as its user. */
import { defineServerCheck, type ServerCheck } from '../../harness/model/check.js';
import type { ServerCheckContext } from '../../harness/engine/context.js';
import { CheckFailure, CheckNotReached } from '../../harness/model/failure.js';
import { escapeBytes } from '../../harness/diagnose/bytes.js';
import { findCrash, visibleText } from '../../harness/diagnose/output.js';
import { describeExit } from '../../harness/process/program.js';
import { formatMs } from '../../harness/util/deadline.js';
import { Terminal, outputTail, promptPattern } from '../shared/chat-terminal.js';
import { judgeNameShown } from './name-shown.js';
import { TURN_MS, TcpLink, UdpClientLink, expectMessage, expectShown, namesOff, namesOn, quitOf, transportOf, turnText, twoNames, type ChatLink } from './protocol.js';

/** The conversation so far, sockgrade being the client. */
interface Session {
  link: ChatLink;
  term: Terminal;
  /** The client's name (sockgrade's). */
  mine: string;
  /** The name typed into the server. */
  theirs: string;
}

/**
 * The engine waits for a server's socket of the exercise's transport (TCP here), so a UDP
 * server cannot be started for grading yet.
 */
const NAME_HINT = 'right after the connection (TCP) or the client\'s first datagram (UDP), send the name the user typed, once, as a message of its own';

/**
 * Connects, sends the client's name, types the server's name when it asks, and expects that
 * name back. A failure here is chat.name-exchange's; the other checks skip with its reason.
 */
async function meetServer(ctx: ServerCheckContext): Promise<Session> {
  const term = new Terminal(ctx, ctx.server.program, 'the server', promptPattern(ctx.params));
  const [mine, theirs] = twoNames(ctx.rng);
  if (!namesOn(ctx.params)) {
    const link: ChatLink = transportOf(ctx.params) === 'udp' ? new UdpClientLink(ctx, await ctx.udp('client')) : new TcpLink(ctx, await ctx.connect('client'));
    return { link, term, mine, theirs };
  }
  // The server may ask its user's name before or after the client arrives.
  const typing = term.typeWhenAskedLater(theirs, "its user's name");
  const link: ChatLink = transportOf(ctx.params) === 'udp' ? new UdpClientLink(ctx, await ctx.udp('client')) : new TcpLink(ctx, await ctx.connect('client'));
  const from = link.mark();
  await link.send(mine);
  const typed = await typing;
  if (typed) throw typed;
  await expectMessage(ctx, link, term, from, theirs, `the name typed at its prompt ("${theirs}")`, NAME_HINT);
  // Before speaking, let the server read the client's name: it shows it, or goes quiet.
  await term.printed("the client's name", (t) => (t.includes(mine) ? true : undefined), 1000, 0);
  return { link, term, mine, theirs };
}

async function meetOrSkip(ctx: ServerCheckContext): Promise<Session> {
  try {
    return await meetServer(ctx);
  } catch (err) {
    // Without names there is no chat.name-exchange to report the failure: it is this check's.
    if (err instanceof CheckFailure && namesOn(ctx.params)) throw new CheckNotReached(`the names were not exchanged, so this could not be judged (chat.name-exchange says why): ${err.message}`);
    throw err;
  }
}

/** One turn: sockgrade's message is printed by the server, whose user answers; the answer comes back. */
async function turn(ctx: ServerCheckContext, s: Session, k: number): Promise<void> {
  const said = turnText(ctx.rng, 'a', k);
  const answer = turnText(ctx.rng, 'b', k);
  const outFrom = s.term.position;
  const linkFrom = s.link.mark();
  await s.link.send(said);
  await expectShown(ctx, s.term, said, outFrom, `the server did not print the client's message "${said}" (turn ${k + 1})`, 'after receiving, print who wrote and what: print(nombre_cliente + ": " + mensaje)');
  const early = s.link.messages(linkFrom);
  if (early.length > 0) {
    throw new CheckFailure(`in turn ${k + 1}, the server sent something before its user typed an answer`, {
      expected: 'nothing until the user types a line',
      received: early.map((m) => `"${escapeBytes(m, 200)}"`).join(', '),
      hint: 'send only what the user types, once per turn',
    });
  }
  await s.term.typeWhenAsked(answer, 'its answer', TURN_MS);
  await expectMessage(ctx, s.link, s.term, linkFrom, answer, `the line its user typed ("${answer}")`, 'send exactly the line input() returned: it is the server user\'s turn', said);
}

export const serverChecks: readonly ServerCheck[] = [
  defineServerCheck({
    id: 'chat.name-exchange',
    title: "sends the name its user typed, and shows the client's name",
    weight: 1,
    budgetMs: 25_000,
    notApplicable: namesOff,
    async run(ctx) {
      const s = await meetServer(ctx);
      const said = turnText(ctx.rng, 'a', 0);
      const before = s.term.printedSince(0);
      const sentAt = s.term.position;
      await s.link.send(said);
      ctx.doing("waiting for the server to show the client's first message, with the client's name");
      await s.term.printed("the client's first message", (t) => (t.includes(said) ? true : undefined), TURN_MS, sentAt);
      await s.term.program.waitForQuiet(150, ctx.within(1000), ctx.signal).catch(() => {});
      const shown = judgeNameShown(before, s.term.printedSince(sentAt), s.mine, said, s.term.prompts);
      if (shown === 'never') {
        throw new CheckFailure(`the server never showed the client's name "${s.mine}", not even with the client's first message`, {
          expected: `"${s.mine}" printed, e.g. "${s.mine}: ${said}"`,
          received: outputTail(s.term.printedSince(0)),
          hint: 'keep the name the client sent first and print it with each of its messages',
        });
      }
      if (shown === 'as-message') {
        throw new CheckFailure(`the server printed the client's name "${s.mine}" only as it prints any message, and showed the client's next message without it: it treated the name as an ordinary message, so no names were exchanged`, {
          expected: `the client's name kept and shown with its messages, e.g. "${s.mine}: ${said}"`,
          received: outputTail(s.term.printedSince(0)),
          hint: 'the first thing the client sends is its name: keep it in a variable (nombre_cliente = recv...), then print it with each message',
        });
      }
    },
  }),
  defineServerCheck({
    id: 'chat.alternation',
    title: 'turns alternate: prints each message of the client, then sends the line its user types',
    weight: 2,
    budgetMs: 40_000,
    async run(ctx) {
      const s = await meetOrSkip(ctx);
      for (let k = 0; k < 3; k++) await turn(ctx, s, k);
    },
  }),
  defineServerCheck({
    id: 'chat.exit-either-side',
    title: 'when the client says the quit word, the server ends too, with exit code 0',
    weight: 1,
    budgetMs: 25_000,
    hint: 'compare each message received with the quit word; when it is, say the chat is over, close the socket and leave the loop',
    async run(ctx) {
      const quit = quitOf(ctx.params);
      const s = await meetOrSkip(ctx);
      // The client speaks first: right after the names, the server is waiting for it.
      ctx.doing(`the client says "${quit}"`);
      const from = s.term.position;
      await s.link.send(quit);
      s.link.finish();
      const exit = await s.term.exited(3000);
      if (!exit) {
        throw new CheckFailure(`the server was still running ${formatMs(3000)} after the client sent "${quit}"${s.term.waitingForInput() === true ? ': it asked its user for another line' : ''}`, {
          expected: 'the server ends the chat and exits',
          received: outputTail(s.term.printedSince(from)),
        });
      }
      const crash = findCrash(s.term.printedSince(from));
      if (crash) throw new CheckFailure(`the server crashed with a ${crash.name} when the client said "${quit}"`, { received: visibleText(crash.excerpt) });
      if (exit.code !== 0) throw new CheckFailure(`the server ended with ${describeExit(exit)} when the client said "${quit}"`, { expected: 'exit code 0: the chat ended normally', received: outputTail(s.term.printedSince(from)) });
    },
  }),
];
