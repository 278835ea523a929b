/** Client checks of B1 `tcp-chat-ack`: sockgrade plays the server and types into the client like a person. */
import { defineClientCheck, type ClientCheck } from '../../harness/authoring.js';
import type { ClientCheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { escapeBytes } from '../../harness/authoring.js';
import { findCrash, visibleText } from '../../harness/authoring.js';
import { describeExit } from '../../harness/authoring.js';
import { formatMs } from '../../harness/authoring.js';
import { robustNoServerCheck } from '../shared/robust.js';
import { showsBytes } from '../shared/printed.js';
import { Terminal, outputTail, promptPattern } from '../shared/chat-terminal.js';
import { textSince, waitOnConnection } from '../shared/chat-lines.js';
import { ackOf, chatMessages, greetingOf, quitOf } from './protocol.js';

/** The submitted client, connected to sockgrade's server. */
interface Session {
  term: Terminal;
  conn: Connection;
}

/** Starts sockgrade's server and the client, and waits for the client to connect. */
async function startClient(ctx: ClientCheckContext): Promise<Session> {
  const peer = await ctx.tcpPeer();
  const program = ctx.launchClient();
  const term = new Terminal(ctx, program, 'the client', promptPattern(ctx.params));
  ctx.doing(`waiting for the client to connect to ${ctx.offered.host}:${ctx.offered.port}`);
  const conn = await peer.connection(0, ctx.within(10_000), ctx.signal, () => !program.running);
  if (!conn) {
    throw term.stalled(`connect to sockgrade's server at ${ctx.offered.host}:${ctx.offered.port}`, 10_000, 'connect to the host and port given as {host} {port} in the command, HOST/PORT in the environment, or typed at the prompt; if your client hard-codes its port, pass --port N');
  }
  return { term, conn };
}

/** Waits until the client has sent `expected` (a newline after it is fine) after byte `from`. */
async function expectSent(ctx: ClientCheckContext, s: Session, from: number, expected: string, what: string, hint: string): Promise<void> {
  ctx.doing(`waiting for the client to send ${what}`);
  const verdict = await waitOnConnection(
    s.conn,
    () => {
      const text = textSince(s.conn, from);
      const body = text.replace(/\r?\n$/, '');
      if (body === expected) return 'ok';
      if (text !== '' && !expected.startsWith(body)) return 'wrong';
      return undefined;
    },
    ctx.within(5000),
    ctx.signal,
  );
  if (verdict === 'ok') return;
  const got = s.conn.received.subarray(from);
  if (verdict === 'wrong') {
    throw new CheckFailure(`the client did not send ${what} as one message`, { expected: `"${escapeBytes(expected)}"`, received: `"${escapeBytes(got, 300)}"`, hint });
  }
  throw s.term.stalled(`send ${what} ("${escapeBytes(expected)}")`, 5000, hint);
}

/** Sends `reply` and, when `verify`, waits for the client to print it. */
async function replyAndExpectPrinted(ctx: ClientCheckContext, s: Session, reply: string, after: string, verify: boolean): Promise<void> {
  const from = s.term.position;
  await s.conn.send(reply);
  if (!verify) return;
  ctx.doing('waiting for the client to print the reply');
  const shown = await s.term.printed('the reply to be printed', (t) => (showsBytes(t, Buffer.from(reply)) ? true : undefined), 3000, from);
  if (!shown) {
    const crash = findCrash(s.term.printedSince(from));
    throw new CheckFailure(crash ? `the client crashed with a ${crash.name} when the reply to ${after} arrived` : `the client did not print the server's reply to ${after}`, {
      expected: `"${escapeBytes(reply)}" printed, e.g. Recibido del servidor:${reply}`,
      received: crash ? visibleText(crash.excerpt) : outputTail(s.term.printedSince(from)),
      hint: "after each sendall(), data = s.recv(1024) and print('Recibido del servidor:' + data.decode())",
    });
  }
}

/** The greeting and its reply, when the exercise has a greeting; `verify`: also judge that the reply is printed. */
async function greet(ctx: ClientCheckContext, s: Session, verify: boolean): Promise<void> {
  const greeting = greetingOf(ctx.params);
  if (!greeting) return;
  await expectSent(ctx, s, 0, greeting, `the greeting "${greeting}" first, on its own`, `send "${greeting}" as soon as the connection is up, before asking for any message`);
  await replyAndExpectPrinted(ctx, s, `${ackOf(ctx.params)} ${ctx.rng.word(5)}`, 'the greeting', verify);
}

/** Types `message`, expects it on the wire, answers it and (when `verify`) expects the answer printed. */
async function exchange(ctx: ClientCheckContext, s: Session, message: string, n: number, verify: boolean): Promise<void> {
  const from = s.conn.receivedBytes;
  await s.term.typeWhenAsked(message, 'a message');
  await expectSent(ctx, s, from, message, `the typed line "${message}"`, 'send exactly the line the user typed: s.sendall(mensaje.encode())');
  await replyAndExpectPrinted(ctx, s, `${ackOf(ctx.params)} (${n}) ${ctx.rng.word(5)}`, `"${message}"`, verify);
}

export const clientChecks: readonly ClientCheck[] = [
  defineClientCheck({
    id: 'chat.ack-each-message',
    title: 'sends the greeting, then every typed line as one message, and prints every reply',
    weight: 2,
    budgetMs: 25_000,
    async run(ctx) {
      const s = await startClient(ctx);
      await greet(ctx, s, true);
      for (const [i, m] of chatMessages(ctx.rng, 3).entries()) await exchange(ctx, s, m, i + 1, true);
    },
  }),
  defineClientCheck({
    id: 'chat.quit-word',
    title: 'typing the quit word ends the client, with exit code 0',
    weight: 1,
    budgetMs: 20_000,
    hint: 'loop until the user types the quit word; then leave the loop, close the socket and let the program end',
    async run(ctx) {
      const quit = quitOf(ctx.params);
      const s = await startClient(ctx);
      // Printing is chat.ack-each-message's business: here only the end is judged.
      await greet(ctx, s, false);
      await exchange(ctx, s, chatMessages(ctx.rng, 1)[0] as string, 1, false);
      const from = s.conn.receivedBytes;
      await s.term.typeWhenAsked(quit, 'a message');
      // A client may tell the server it leaves; answer like any message so one that waits for the reply can end.
      void waitOnConnection(s.conn, () => (textSince(s.conn, from).includes(quit) ? true : undefined), ctx.within(3000), ctx.signal)
        .then((sent) => (sent ? s.conn.send(ackOf(ctx.params)) : false))
        .catch(() => {});
      ctx.doing(`waiting for the client to end after "${quit}" was typed`);
      const exit = await s.term.exited(3000);
      const sentQuit = textSince(s.conn, from).includes(quit);
      if (!exit) {
        const asks = s.term.waitingForInput() === true;
        throw new CheckFailure(
          asks
            ? `after "${quit}" was typed, the client ${sentQuit ? `sent it to the server as an ordinary message and ` : ''}asked for another message instead of ending`
            : `the client was still running ${formatMs(3000)} after "${quit}" was typed`,
          { expected: 'the client closes the connection and exits', received: outputTail(s.term.printedSince()), hint: `loop while mensaje != "${quit}"; when the user types it, leave the loop, close the socket and let the program end` },
        );
      }
      const crash = findCrash(s.term.printedSince());
      if (crash) throw new CheckFailure(`the client crashed with a ${crash.name} when "${quit}" was typed`, { received: visibleText(crash.excerpt) });
      if (exit.code !== 0) {
        throw new CheckFailure(`the client ended with ${describeExit(exit)} after "${quit}" was typed`, {
          expected: 'exit code 0: leaving with the quit word is a normal end',
          received: outputTail(s.term.printedSince()),
          hint: 'let the program reach its end (or sys.exit(0)) after the loop',
        });
      }
    },
  }),
  robustNoServerCheck({ giveUpMs: 10_000, transport: 'tcp', message: (rng) => `Hola ${rng.word(6)}` }),
];
