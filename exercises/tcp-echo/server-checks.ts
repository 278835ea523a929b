/** Server checks of A2 `tcp-echo`: every byte comes back, whatever its size and however it is cut. */
import { defineServerCheck, type ServerCheck } from '../../harness/model/check.js';
import { CheckFailure } from '../../harness/model/failure.js';
import { describeSize } from '../../harness/diagnose/bytes.js';
import { formatMs } from '../../harness/util/deadline.js';
import { asMessage, asciiLines, echoVariant, expectReply, openEcho, textOnly } from '../shared/echo-variant.js';
import type { ServerCheckContext } from '../../harness/engine/context.js';
import type { Rng } from '../../harness/util/rng.js';

/** A short text message in the course's style, unique per run. */
export function smallMessage(rng: Rng): Buffer {
  return Buffer.from(`Hola, mundo ${rng.word(10)}`);
}

/** A short message ending with a newline, which servers of every framing answer: the robust checks' sample. */
export function sampleLine(rng: Rng): Buffer {
  return Buffer.from(`Hola, mundo ${rng.word(10)}\n`);
}

/** A short message in the course's style, as the exercise's framing sends it. */
export function shortMessage(ctx: ServerCheckContext): Buffer {
  return asMessage(echoVariant(ctx.params), smallMessage(ctx.rng));
}

/** echo.sliced's message (its text, then a random word) and how it is cut: 1 to 7 bytes, 8 ms apart. */
const SLICED_TEXT = 'Mensaje troceado '.repeat(8);
const SLICED_WORD = 16;
const SLICES = { min: 1, max: 7, delayMs: 8 } as const;

/** The A2 echo checks, also used by the exercises that share its wire contract. */
export const echoServerChecks: readonly ServerCheck[] = [
  defineServerCheck({
    id: 'echo.small',
    title: 'echoes a short message',
    weight: 1,
    sharesInstance: true,
    budgetMs: 5000,
    hint: 'read with recv() and send the same bytes back with sendall()',
    async run(ctx) {
      const conn = await openEcho(ctx);
      const msg = shortMessage(ctx);
      await conn.send(msg);
      await expectReply(ctx, conn, msg, 3000);
    },
  }),
  defineServerCheck({
    id: 'echo.large',
    title: 'echoes 256 KiB of binary data sent at once',
    weight: 1,
    sharesInstance: true,
    budgetMs: 10_000,
    hint: 'one recv() returns at most its buffer size (and often less): loop until recv() returns b"", and answer with sendall(), not send()',
    async run(ctx) {
      const conn = await openEcho(ctx);
      const data = textOnly(echoVariant(ctx.params)) ? asciiLines(ctx.rng, 256 * 1024) : ctx.rng.bytes(256 * 1024);
      void conn.send(data);
      await expectReply(ctx, conn, data, 8000);
    },
  }),
  defineServerCheck({
    id: 'echo.sliced',
    title: 'echoes a message that arrives 1 to 7 bytes at a time',
    weight: 1,
    sharesInstance: true,
    budgetMs: 10_000,
    paceMs: ((SLICED_TEXT.length + SLICED_WORD) / ((SLICES.min + SLICES.max) / 2)) * SLICES.delayMs,
    hint: 'TCP is a byte stream: one recv() is not one message. Keep reading and echoing whatever arrives, however small',
    async run(ctx) {
      const conn = await openEcho(ctx);
      const msg = asMessage(echoVariant(ctx.params), Buffer.from(`${SLICED_TEXT}${ctx.rng.word(SLICED_WORD)}`));
      ctx.doing('sending a message a few bytes at a time');
      await conn.sendSliced(msg, ctx.rng, { ...SLICES, signal: ctx.signal });
      await expectReply(ctx, conn, msg, 3000);
    },
  }),
  defineServerCheck({
    id: 'echo.half-close',
    title: 'after the client shuts down its sending side, finishes the echo and closes',
    weight: 1,
    sharesInstance: true,
    budgetMs: 6000,
    hint: 'when recv() returns b"" the client has finished sending: send what is left, then close the connection (leave the loop)',
    async run(ctx) {
      const conn = await openEcho(ctx);
      const msg = shortMessage(ctx);
      await conn.send(msg);
      conn.halfClose();
      await expectReply(ctx, conn, msg, 3000);
      ctx.doing('waiting for the server to close the connection after the client half-closed');
      const closed = await conn.waitForClose(ctx.within(2000), ctx.signal);
      if (closed === 'open') {
        throw new CheckFailure(`the server sent the echo but did not close the connection within ${formatMs(2000)} after the client shut down its sending side`, {
          hint: 'recv() returning b"" means end of input: break out of the loop and close the connection',
        });
      }
    },
  }),
  defineServerCheck({
    id: 'echo.sequential-clients',
    title: 'serves a second and a third client after the first one leaves',
    weight: 1,
    sharesInstance: true,
    budgetMs: 10_000,
    hint: 'put accept() in a loop: after one client leaves, accept the next one',
    async run(ctx) {
      for (const n of [1, 2, 3]) {
        const msg = shortMessage(ctx);
        let conn;
        try {
          conn = await openEcho(ctx, `client ${n} of 3`);
          await conn.send(msg);
          await expectReply(ctx, conn, msg, 3000);
        } catch (err) {
          if (n > 1 && err instanceof CheckFailure) {
            ctx.assertServerAlive(`after serving client ${n - 1}`);
            throw new CheckFailure(`client ${n} was not served after client ${n - 1} left: ${err.message}`, err.details);
          }
          throw err;
        }
        conn.close();
        await conn.waitForClose(ctx.within(1000), ctx.signal);
      }
    },
  }),
];

/** A normal session used by the crash-output check: a small and a sliced echo. */
export async function echoSession(ctx: Parameters<ServerCheck['run']>[0]): Promise<void> {
  const conn = await openEcho(ctx);
  const msg = shortMessage(ctx);
  await conn.sendSliced(msg, ctx.rng, { min: 3, max: 9, delayMs: 5, signal: ctx.signal });
  await expectReply(ctx, conn, msg, 3000);
  conn.close();
}

export { describeSize };
