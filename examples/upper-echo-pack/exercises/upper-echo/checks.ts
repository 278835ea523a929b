/** The checks of `upper-echo`: lines answered in upper case, and the quit word. */
import { CheckFailure, LineInbox, defineServerCheck, formatMs, str, type Connection, type Rng, type ServerCheck, type ServerCheckContext } from 'sockgrade/authoring';

const REPLY_MS = 3000;

/** A line the server must answer, unique per run (also what the robustness checks send). */
export function sampleLine(rng: Rng): Buffer {
  return Buffer.from(`hola mundo ${rng.word(8)}\n`);
}

/**
 * Sends `line` (plus a newline) and waits for the next whole line of reply. Fails with what
 * arrived when no line came back, or when it is not `line` in upper case.
 */
async function expectUpper(ctx: ServerCheckContext, conn: Connection, inbox: LineInbox, line: string): Promise<void> {
  const before = inbox.sync().length;
  ctx.doing(`waiting for the reply to "${line}"`);
  await conn.send(`${line}\n`);
  const reply = await inbox.until((lines) => lines[before], ctx.within(REPLY_MS), ctx.signal);
  const expected = line.toUpperCase();
  if (reply === undefined) {
    ctx.assertServerAlive(`after the line "${line}"`);
    const partial = inbox.partial;
    throw new CheckFailure(
      partial === ''
        ? `no reply to the line "${line}" within ${formatMs(REPLY_MS)}${conn.closeKind !== 'open' ? ' (the server closed the connection)' : ''}`
        : `the reply to "${line}" does not end with a newline`,
      { expected: `"${expected}\\n"`, received: partial === '' ? 'nothing' : `"${partial}"` },
    );
  }
  if (reply !== expected) throw new CheckFailure(`the reply to "${line}" is not that line in upper case`, { expected: `"${expected}"`, received: `"${reply}"` });
}

/** A normal exchange with a fresh client, for the robustness checks. */
export async function session(ctx: ServerCheckContext): Promise<void> {
  const conn = await ctx.connect();
  await expectUpper(ctx, conn, new LineInbox(conn), sampleLine(ctx.rng).toString().trimEnd());
}

/** Lines answered in upper case. */
export const lineChecks: readonly ServerCheck[] = [
  defineServerCheck({
    id: 'upper.line',
    title: 'answers a line with the same line in upper case',
    weight: 2,
    budgetMs: 6000,
    hint: 'decode what recv() returns, call .upper() on it, and send it back encoded',
    async run(ctx) {
      const conn = await ctx.connect();
      await expectUpper(ctx, conn, new LineInbox(conn), sampleLine(ctx.rng).toString().trimEnd());
    },
  }),
  defineServerCheck({
    id: 'upper.several',
    title: 'answers three lines in turn on the same connection',
    weight: 1,
    budgetMs: 10_000,
    hint: 'keep reading in a loop until the client closes or sends the quit word: one connection carries many lines',
    async run(ctx) {
      const conn = await ctx.connect();
      const inbox = new LineInbox(conn);
      for (const word of ['uno', 'dos', 'tres']) await expectUpper(ctx, conn, inbox, `${word} ${ctx.rng.word(6)}`);
    },
  }),
  defineServerCheck({
    id: 'upper.accents',
    title: 'upper-cases accented letters too (ñ, á, ü)',
    weight: 1,
    budgetMs: 6000,
    hint: 'bytes.upper() changes only ASCII letters: decode the bytes to str (UTF-8), call .upper(), then encode',
    async run(ctx) {
      const conn = await ctx.connect();
      await expectUpper(ctx, conn, new LineInbox(conn), `canción del ñandú pingüino ${ctx.rng.int(10, 99)}`);
    },
  }),
];

/** The quit word. */
export const quitChecks: readonly ServerCheck[] = [
  defineServerCheck({
    id: 'quit.closes',
    title: 'closes the connection when the client sends the quit word',
    weight: 1,
    budgetMs: 10_000,
    hint: 'compare the received line, without its newline (strip()), with the quit word, and close that connection when they are equal',
    async run(ctx) {
      const quit = str(ctx.params, 'quit');
      const conn = await ctx.connect();
      ctx.doing(`waiting for the server to close the connection after "${quit}"`);
      await conn.send(`${quit}\n`);
      const ms = 5000;
      if ((await conn.waitForClose(ctx.within(ms), ctx.signal)) === 'open') {
        throw new CheckFailure(`the client sent "${quit}", and the server had not closed the connection ${formatMs(ms)} later`, {
          expected: 'the connection closed',
          received: conn.receivedBytes > 0 ? `"${conn.received.toString('utf8').trimEnd()}", and the connection still open` : 'the connection still open',
        });
      }
    },
  }),
  defineServerCheck({
    id: 'quit.next-client',
    title: 'serves the next client after one has sent the quit word',
    weight: 1,
    budgetMs: 12_000,
    hint: 'the quit word ends that client only: leave the inner loop, close the connection, and go back to accept()',
    async run(ctx) {
      const quit = str(ctx.params, 'quit');
      const first = await ctx.connect('client that quits');
      await first.send(`${quit}\n`);
      await first.waitForClose(ctx.within(5000), ctx.signal);
      await ctx.server.program.waitForQuiet(100, ctx.within(1000), ctx.signal).catch(() => {});
      ctx.assertServerAlive(`after a client sent "${quit}"`);
      // Two clients, one after the other: a server that leaves its accept loop at the quit word may still take the one it was already accepting.
      for (const label of ['next client', 'client after the next']) {
        const conn = await ctx.connect(label);
        await expectUpper(ctx, conn, new LineInbox(conn), `sigo aqui ${ctx.rng.word(6)}`);
        conn.close();
      }
    },
  }),
];
