/**
 * Client checks of B3 `group-chat`: sockgrade plays the chat server, types into the client like
 * a person, and expects the client to print what the others say even while it waits for the
 * user. (The password, a server matter, is not asked of clients.)
 *
 * Under `framing=raw` sockgrade sends each message in one send, without newline, only once the
 * client has printed the previous one (or a moment has passed), and takes what the client sends
 * after a short silence as one message, which must be exactly what was typed.
 */
import { defineClientCheck, type ClientCheck } from '../../harness/model/check.js';
import type { ClientCheckContext } from '../../harness/engine/context.js';
import type { Connection } from '../../harness/net/connection.js';
import { CheckFailure, CheckNotReached } from '../../harness/model/failure.js';
import { escapeBytes } from '../../harness/diagnose/bytes.js';
import { findCrash, visibleText } from '../../harness/diagnose/output.js';
import { describeExit } from '../../harness/process/program.js';
import { formatMs } from '../../harness/util/deadline.js';
import { robustNoServerCheck } from '../shared/robust.js';
import { showsBytes } from '../shared/printed.js';
import { LineInbox, textSince } from '../shared/chat-lines.js';
import { Terminal, outputTail, promptPattern } from '../shared/chat-terminal.js';
import { nicknames, onWire, relayLine, wordsOf, type Framing } from './protocol.js';

const STEP_MS = 3000;

/** Under `framing=raw`, how long the client must stay silent after sending for what it sent to be taken as one message. */
const RAW_SETTLE_MS = 250;

/** The submitted client, joined to sockgrade's chat server. */
interface Session {
  term: Terminal;
  conn: Connection;
  inbox: LineInbox;
  nick: string;
  /** Another member's nickname, for the lines sockgrade relays. */
  other: string;
  framing: Framing;
}

/**
 * The next message the client sends from byte `from`: under `framing=line` its next line (`\n`
 * dropped), under `raw` what arrives until it stays silent for a moment. Undefined when nothing
 * comes within `ms`; `closed` is returned when the connection ends first and `orClosed` is set.
 */
async function nextMessage(ctx: ClientCheckContext, inbox: LineInbox, framing: Framing, fromLine: number, fromByte: number, ms: number, orClosed = false): Promise<string | undefined> {
  if (framing === 'line') return inbox.until((lines) => lines[fromLine] ?? (orClosed && inbox.conn.closeKind !== 'open' ? '' : undefined), ctx.within(ms), ctx.signal);
  const got = await inbox.until(() => (inbox.conn.receivedBytes > fromByte ? true : orClosed && inbox.conn.closeKind !== 'open' ? false : undefined), ctx.within(ms), ctx.signal);
  if (got === undefined) return undefined;
  if (got) await inbox.conn.waitForQuiet(RAW_SETTLE_MS, ctx.within(1000), ctx.signal);
  return textSince(inbox.conn, fromByte);
}

/** How a message the client sent is shown in a report. */
const shown = (framing: Framing, text: string): string => (framing === 'raw' ? `"${escapeBytes(text)}"` : `"${escapeBytes(text)}\\n"`);


/** Starts sockgrade's server and the client, types a nickname when asked, and expects it on the wire after the prompt. */
async function startAndJoin(ctx: ClientCheckContext): Promise<Session> {
  const words = wordsOf(ctx.params);
  const peer = await ctx.tcpPeer();
  const program = ctx.launchClient();
  const term = new Terminal(ctx, program, 'the client', promptPattern(ctx.params));
  const [nick, other] = nicknames(ctx.rng, 2) as [string, string];
  // The client may ask for the nickname before connecting (as the course's does) or when the server asks.
  const typing = term.typeWhenAskedLater(nick, 'a nickname');
  ctx.doing(`waiting for the client to connect to ${ctx.offered.host}:${ctx.offered.port}`);
  const conn = await peer.connection(0, ctx.within(10_000), ctx.signal, () => !program.running);
  if (!conn) {
    throw term.stalled(`connect to sockgrade's server at ${ctx.offered.host}:${ctx.offered.port}`, 10_000, 'connect to the host and port given as {host} {port} in the command, HOST/PORT in the environment, or typed at the prompt; if your client hard-codes its port, pass --port N');
  }
  if (words.nickPrompt !== '') await conn.send(onWire(words.framing, words.nickPrompt));
  const typed = await typing;
  if (typed) throw typed;
  const inbox = new LineInbox(conn);
  ctx.doing('waiting for the client to send its nickname');
  const first = await nextMessage(ctx, inbox, words.framing, 0, 0, 5000);
  if (first === undefined) {
    const partial = inbox.partial;
    const noPrompt = words.nickPrompt === '';
    throw new CheckFailure(
      noPrompt
        ? `the client did not send the nickname "${nick}" (typed at its prompt) right after connecting; this server sends no prompt (nick-prompt is empty)`
        : `the client did not send the nickname "${nick}" (typed at its prompt) after the server asked for it with "${words.nickPrompt}"`,
      {
        expected: shown(words.framing, nick),
        received: partial ? `"${escapeBytes(partial)}" (no newline)` : `nothing; the client printed: ${outputTail(term.printedSince(0), 200)}`,
        hint:
          words.framing === 'raw'
            ? noPrompt
              ? 'send the nickname as it is, in one send (framing=raw: no newline), as soon as the connection is made, without waiting for anything from the server'
              : `under framing=raw the server's prompt arrives without a newline, whole in one recv(): compare data.decode() == "${words.nickPrompt}", then send the nickname as it is; a client that waits for a newline never sees the prompt (if your course's chat is line-based, grade with --param framing=line)`
            : noPrompt
              ? 'send the nickname followed by "\\n" as soon as the connection is made, without waiting for anything from the server'
              : `the server's prompt arrives as a line: compare data.decode().strip() == "${words.nickPrompt}" (not the raw bytes), then send the nickname followed by "\\n"${term.printedSince(0).includes(words.nickPrompt) ? '; if your course\'s chat sends messages without newline, one per send, grade with --param framing=raw' : ''}`,
      },
    );
  }
  if (words.framing === 'raw' && first !== nick && first.trim() === nick) {
    throw new CheckFailure(`under framing=raw the client sent the nickname with a newline: "${escapeBytes(first)}"`, {
      expected: `"${nick}", with nothing added (framing=raw: a message is what one send carries, no newline)`,
      received: `"${escapeBytes(first)}"`,
      hint: 'send the nickname as it is: s.send(nombre.encode()); if your course\'s chat is line-based, grade with --param framing=line',
    });
  }
  if (first.trim() !== nick) {
    throw new CheckFailure(`the client answered the nickname prompt with "${escapeBytes(first)}" instead of the nickname typed, "${nick}"`, { expected: shown(words.framing, nick), received: shown(words.framing, first) });
  }
  const s: Session = { term, conn, inbox, nick, other, framing: words.framing };
  await tell(s, `${nick} ${words.join}`);
  return s;
}

/**
 * Sends one message to the client. Under `framing=raw`, waits (without judging) until the
 * client has printed it, at most a second, so that the next message is not read with it.
 */
async function tell(s: Session, text: string): Promise<void> {
  const from = s.term.position;
  await s.conn.send(onWire(s.framing, text));
  if (s.framing === 'raw') await s.term.printed('the message to be printed', (t) => (showsBytes(t, Buffer.from(text)) ? true : undefined), 1000, from);
}

/** {@link startAndJoin} for checks that build on it: when joining fails, chat.join-announced says why. */
async function joinedOrSkip(ctx: ClientCheckContext): Promise<Session> {
  try {
    return await startAndJoin(ctx);
  } catch (err) {
    if (err instanceof CheckFailure) throw new CheckNotReached(`the client did not join the chat, so this could not be judged (chat.join-announced says why): ${err.message}`);
    throw err;
  }
}

/** Sends `line` and waits for the client to print it; the failure names `when`. */
async function expectPrinted(ctx: ClientCheckContext, s: Session, line: string, when: string, hint: string): Promise<void> {
  const from = s.term.position;
  await s.conn.send(onWire(s.framing, line));
  ctx.doing(`waiting for the client to print "${line}"`);
  const shown = await s.term.printed('the line to be printed', (t) => (showsBytes(t, Buffer.from(line)) ? true : undefined), STEP_MS, from);
  if (shown) return;
  const crash = findCrash(s.term.printedSince(from));
  if (crash) throw new CheckFailure(`the client crashed with a ${crash.name} when "${line}" arrived`, { received: visibleText(crash.excerpt) });
  const waiting = s.term.waitingForInput() === true;
  throw new CheckFailure(`the client did not print "${line}", which arrived ${when}${waiting ? ' (it was blocked in input(), not reading the socket)' : ''}`, {
    expected: `"${escapeBytes(line)}" printed within ${formatMs(STEP_MS)}`,
    received: outputTail(s.term.printedSince(from)),
    hint,
  });
}

const READER_HINT = 'read the socket in its own thread (threading.Thread(target=recibir).start()) that prints every line as it arrives, while the main thread waits in input()';

export const clientChecks: readonly ClientCheck[] = [
  defineClientCheck({
    id: 'chat.join-announced',
    title: 'answers the nickname prompt with the nickname typed, and prints who joins',
    weight: 1,
    budgetMs: 20_000,
    async run(ctx) {
      const s = await startAndJoin(ctx);
      await expectPrinted(ctx, s, `${s.other} ${wordsOf(ctx.params).join}`, 'after the client had joined', READER_HINT);
    },
  }),
  defineClientCheck({
    id: 'chat.broadcast-all',
    title: 'prints what the others say while waiting for the user, and sends each typed line as one line',
    weight: 2,
    budgetMs: 25_000,
    async run(ctx) {
      const s = await joinedOrSkip(ctx);
      await s.term.waitForPrompt('a message', 5000);
      await expectPrinted(ctx, s, relayLine(wordsOf(ctx.params), s.other, `hola a todos ${ctx.rng.word(5)}`), 'while the client was waiting for the user to type', READER_HINT);
      const text = `qué tal ${ctx.rng.word(6)}`;
      const before = s.inbox.sync().length;
      const beforeBytes = s.conn.receivedBytes;
      await s.term.typeWhenAsked(text, 'a message');
      ctx.doing('waiting for the typed line on the wire');
      const sent = await nextMessage(ctx, s.inbox, s.framing, before, beforeBytes, STEP_MS);
      const raw = s.framing === 'raw';
      if (sent === undefined) throw s.term.stalled(`send the typed line "${text}" to the server`, STEP_MS, raw ? 'send every line the user types as it is, in one send: s.sendall(linea.encode())' : 'send every line the user types followed by "\\n": s.sendall((linea + "\\n").encode())');
      const body = raw ? sent : sent.trim();
      // A relay without {nick} is a course whose clients put their own name in front of the text.
      const named = !wordsOf(ctx.params).relay.includes('{nick}') && body.endsWith(text) && body.slice(0, -text.length).includes(s.nick);
      if (body !== text && !named) {
        throw new CheckFailure(raw && sent.trim() === text ? 'under framing=raw the client sent the typed line with a newline' : `the client did not send the typed line as it was typed`, {
          expected: raw ? `"${escapeBytes(text)}", with nothing added (framing=raw: a message is what one send carries, no newline)` : `"${escapeBytes(text)}\\n"`,
          received: shown(s.framing, sent),
          hint: sent.includes(`${s.nick}: `)
            ? 'send only the text: the server puts "<apodo>: " in front of it when it relays the line'
            : raw
              ? 'send exactly what input() returned, in one send and without "\\n": s.sendall(linea.encode()); if your course\'s chat is line-based, grade with --param framing=line'
              : 'send exactly what input() returned, then "\\n"',
        });
      }
      await tell(s, relayLine(wordsOf(ctx.params), s.nick, text));
      await expectPrinted(ctx, s, relayLine(wordsOf(ctx.params), s.other, `adiós ${ctx.rng.word(5)}`), 'after the client had sent a line', READER_HINT);
    },
  }),
  defineClientCheck({
    id: 'chat.leave-removes',
    title: 'typing the quit word leaves the chat and ends the client, with exit code 0',
    weight: 1,
    budgetMs: 20_000,
    hint: 'when the user types the quit word: send it, close the socket and end the program (make the reader thread a daemon, or let it end when recv() returns b"")',
    async run(ctx) {
      const { quit } = wordsOf(ctx.params);
      const hint = `when the user types "${quit}": send it, close the socket and end the program (make the reader thread a daemon, or let it end when recv() returns b"")`;
      const s = await joinedOrSkip(ctx);
      const before = s.inbox.sync().length;
      const beforeBytes = s.conn.receivedBytes;
      await s.term.typeWhenAsked(quit, 'a message');
      ctx.doing(`waiting for "${quit}" on the wire, or the connection closed`);
      const said = await nextMessage(ctx, s.inbox, s.framing, before, beforeBytes, STEP_MS, true);
      if (said !== undefined && said !== '' && (s.framing === 'raw' ? said !== quit : said.trim() !== quit)) {
        if (s.framing === 'raw' && said.trim() === quit) {
          throw new CheckFailure(`after "${quit}" was typed the client sent "${escapeBytes(said)}"`, {
            expected: `"${quit}" with nothing added (framing=raw: a message is what one send carries, no newline), or the connection closed`,
            received: `"${escapeBytes(said)}"`,
            hint: `send the quit word as it is, in one send: s.sendall(b"${quit}"); a server that takes one recv() as one message compares it whole; if your course's chat is line-based, grade with --param framing=line`,
          });
        }
        throw new CheckFailure(`after "${quit}" was typed the client sent "${escapeBytes(said)}"`, { expected: `${shown(s.framing, quit)}, or the connection closed`, received: `"${escapeBytes(said)}"`, hint });
      }
      // As the server would: the member is removed and its connection closed.
      s.conn.close();
      ctx.doing(`waiting for the client to end after "${quit}"`);
      const exit = await s.term.exited(STEP_MS);
      if (!exit) {
        throw new CheckFailure(`the client was still running ${formatMs(STEP_MS)} after "${quit}" was typed${said === undefined ? ' (it neither sent it nor closed the connection)' : ''}${s.term.waitingForInput() === true ? ': it asked for another line' : ''}`, {
          expected: 'the client leaves the chat and exits',
          received: outputTail(s.term.printedSince()),
          hint,
        });
      }
      const crash = findCrash(s.term.printedSince(0));
      if (crash) throw new CheckFailure(`the client crashed with a ${crash.name} when it left the chat`, { received: visibleText(crash.excerpt) });
      if (exit.code !== 0) {
        throw new CheckFailure(`the client ended with ${describeExit(exit)} after "${quit}"`, { expected: 'exit code 0: leaving the chat is a normal end', received: outputTail(s.term.printedSince()), hint });
      }
    },
  }),
  robustNoServerCheck({ giveUpMs: 10_000, transport: 'tcp', message: (rng) => nicknames(rng, 1)[0] as string }),
];
