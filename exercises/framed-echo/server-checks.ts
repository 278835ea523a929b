/** Server checks of A5 `framed-echo`: every frame comes back framed, however the stream is cut. */
import fc from 'fast-check';
import { defineServerCheck, type ServerCheck } from '../../harness/authoring.js';
import type { ServerCheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { bool, num } from '../../harness/authoring.js';
import { checkProperty } from '../../harness/authoring.js';
import { describeMismatch, describeSize, escapeBytes, firstDifference } from '../../harness/authoring.js';
import { formatMs } from '../../harness/authoring.js';
import { assertStillServes } from '../shared/echo.js';
import { frame, parseFrames, HEADER_LENGTH } from './framing.js';
import { BOUNDARY_SIZES, cutOffsets, describeOffsets, describeSizes, framedStream, payloadSize, payloads, pieceSizes, smallPayloadSize } from './cases.js';

const HINT_STREAM = 'read the 7-byte header first (loop until you have all 7), parse the length, then loop until you have that many payload bytes; keep any extra bytes for the next frame';

/** Milliseconds allowed for the echo of `bytes` bytes. */
function echoWait(bytes: number): number {
  return 3000 + Math.ceil(bytes / 100_000) * 200;
}

/** Waits for `expected` on `conn` and explains any difference in terms of frames. */
async function expectFrames(ctx: ServerCheckContext, conn: Connection, expected: Buffer): Promise<void> {
  ctx.doing(`waiting for ${describeSize(expected.length)} of framed echo`);
  const ms = echoWait(expected.length);
  const complete = await conn.waitForPrefix(expected, ctx.within(ms), ctx.signal);
  const got = conn.received;
  if (complete && firstDifference(expected, got.subarray(0, expected.length)) < 0) return;
  ctx.assertServerAlive('while sockgrade waited for the framed echo');
  const parsed = parseFrames(got);
  const ending = conn.closeKind === 'fin' ? 'the server closed the connection' : conn.closeKind === 'reset' ? 'the server reset the connection' : `nothing more arrived within ${formatMs(ms)}`;
  const shape = parsed.error ? `\nthe reply has a ${parsed.error}` : `\nthe reply holds ${parsed.frames.length} complete frame${parsed.frames.length === 1 ? '' : 's'}`;
  const what = got.length < expected.length && firstDifference(expected.subarray(0, got.length), got) < 0 ? `only ${got.length} of the ${expected.length} bytes expected came back (${ending})` : `the reply differs from what was sent\n${describeMismatch(expected, got)}`;
  throw new CheckFailure(`${what}${shape}`, {
    expected: `"${escapeBytes(expected, 100)}"`,
    received: `"${escapeBytes(got, 100)}"`,
    hint: HINT_STREAM,
  });
}

/** One property case: a fresh client sends `stream` (in pieces when `pieces` is given) and must get it back. */
async function echoCase(ctx: ServerCheckContext, stream: Buffer, pieces?: number[]): Promise<void> {
  const conn = await ctx.connect('client', 3000);
  try {
    if (pieces) await conn.sendSliced(stream, ctx.rng, { min: 1, max: 1, delayMs: 3, signal: ctx.signal, cuts: pieces });
    else await conn.send(stream);
    await expectFrames(ctx, conn, stream);
  } finally {
    conn.close();
  }
}

const cases = (ctx: ServerCheckContext): number => num(ctx.params, 'cases');

export const framedServerChecks: readonly ServerCheck[] = [
  defineServerCheck({
    id: 'framing.single',
    title: 'echoes single framed messages of every size, 0 to 999999 bytes',
    sharesInstance: true,
    weight: 2,
    budgetMs: 30_000,
    async run(ctx) {
      await checkProperty(ctx, {
        arbitrary: fc.record({ size: payloadSize, content: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
        numRuns: cases(ctx),
        describe: (v) => `one message of ${v.size} bytes`,
        examples: BOUNDARY_SIZES.map((size) => ({ size, content: size })),
        run: (v) => echoCase(ctx, framedStream(payloads([v.size], v.content))),
      });
    },
  }),
  defineServerCheck({
    id: 'framing.coalesced',
    title: 'echoes several frames that arrive in one write',
    sharesInstance: true,
    weight: 2,
    budgetMs: 30_000,
    async run(ctx) {
      await checkProperty(ctx, {
        arbitrary: fc.record({ sizes: fc.array(payloadSize, { minLength: 2, maxLength: 6 }), content: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
        numRuns: cases(ctx),
        describe: (v) => `${describeSizes(v.sizes)}, sent in one write`,
        examples: [[0, 5], [5, 0, 5], [1, 6, 7, 8], [1024, 1025], [65537, 3]].map((sizes, i) => ({ sizes, content: i })),
        run: (v) => echoCase(ctx, framedStream(payloads(v.sizes, v.content))),
      });
    },
  }),
  defineServerCheck({
    id: 'framing.split',
    title: 'echoes frames cut at any offset, inside the header too',
    sharesInstance: true,
    weight: 2,
    budgetMs: 30_000,
    async run(ctx) {
      const probe = frame('Hola!');
      for (let cut = 1; cut < probe.length; cut++) {
        try {
          await echoCase(ctx, probe, [cut, probe.length - cut]);
        } catch (err) {
          if (err instanceof CheckFailure) {
            throw new CheckFailure(`the frame "${escapeBytes(probe)}" sent in two pieces cut at offset ${cut}${cut < HEADER_LENGTH ? ' (inside the header)' : ''} was not echoed: ${err.message}`, { ...err.details, hint: HINT_STREAM });
          }
          throw err;
        }
      }
      await checkProperty(ctx, {
        arbitrary: fc.record({
          sizes: fc.array(smallPayloadSize, { minLength: 1, maxLength: 3 }),
          cuts: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
          content: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        }),
        numRuns: cases(ctx),
        describe: (v) => {
          const total = framedStream(payloads(v.sizes, v.content)).length;
          return `${describeSizes(v.sizes)}, stream cut at offsets ${describeOffsets(cutOffsets(v.cuts, total), v.sizes)}`;
        },
        examples: [
          { sizes: [0, 3], cuts: [2, 6, 9], content: 1 },
          { sizes: [7, 0, 1], cuts: [3, 10, 14, 20], content: 2 },
          { sizes: [300], cuts: [6, 7, 200], content: 3 },
        ],
        run: (v) => {
          const stream = framedStream(payloads(v.sizes, v.content));
          return echoCase(ctx, stream, pieceSizes(cutOffsets(v.cuts, stream.length), stream.length));
        },
      });
    },
  }),
  defineServerCheck({
    id: 'framing.interleaved-clients',
    title: 'several clients sending frames piece by piece at the same time each get their own frames',
    sharesInstance: true,
    weight: 1,
    budgetMs: 20_000,
    notApplicable: (p) => (bool(p, 'concurrent') ? undefined : 'the exercise is graded without concurrency (--param concurrent=true to enable)'),
    hint: 'serve each client in its own thread or with select(), keeping a separate receive buffer per client',
    async run(ctx) {
      const conns = await Promise.all([1, 2, 3, 4, 5].map((i) => ctx.connect(`client ${i}/5`)));
      const streams = conns.map((_, i) => framedStream([Buffer.from(`cliente ${i + 1} ${ctx.rng.word(6)}`), Buffer.alloc(0), ctx.rng.bytes(ctx.rng.int(1, 3000))]));
      const offsets = streams.map(() => 0);
      ctx.doing('sending the clients\' frames piece by piece, interleaved');
      while (streams.some((s, i) => (offsets[i] as number) < s.length)) {
        for (const [i, c] of conns.entries()) {
          const s = streams[i] as Buffer;
          const at = offsets[i] as number;
          if (at >= s.length) continue;
          const n = ctx.rng.int(1, 40);
          await c.send(s.subarray(at, at + n));
          offsets[i] = at + n;
        }
      }
      for (const [i, c] of conns.entries()) await expectFrames(ctx, c, streams[i] as Buffer);
    },
  }),
  defineServerCheck({
    id: 'framing.malformed-header',
    title: 'a malformed header gets the connection closed or an error, and the server keeps serving',
    sharesInstance: true,
    weight: 1,
    budgetMs: 20_000,
    hint: 'check that the 6 header characters are digits and the 7th is ":" before converting; on a bad header answer an error or close that connection, and go on serving the others',
    async run(ctx) {
      const bad: [string, Buffer][] = [
        ['non-digits in the length', Buffer.from('12a456:hola')],
        ['no colon after the digits', Buffer.from('000005Xhola!')],
        ['a length over 999999 (seven digits)', Buffer.from('1000000:hola')],
        ['a negative length', Buffer.from('-00001:')],
      ];
      for (const [what, bytes] of bad) {
        const conn = await ctx.connect(`client sending ${what}`);
        await conn.send(bytes);
        ctx.doing(`waiting for the server to answer or close after a header with ${what}`);
        const closed = await conn.waitForClose(ctx.within(2000), ctx.signal);
        if (closed === 'open' && conn.receivedBytes === 0) {
          ctx.assertServerAlive(`after a header with ${what}`);
          throw new CheckFailure(`after a header with ${what} ("${escapeBytes(bytes)}") the server neither answered nor closed the connection within ${formatMs(2000)}: it waits for bytes that will never come`, {
            expected: 'an error message or the connection closed',
            received: 'silence',
          });
        }
        conn.close();
        await assertStillServes(ctx, `a client sent a header with ${what}`, frame(`Hola ${ctx.rng.word(6)}`));
      }
    },
  }),
];

/** A normal session for the crash-output check. */
export async function framedSession(ctx: ServerCheckContext): Promise<void> {
  await echoCase(ctx, framedStream([Buffer.from(`Hola ${ctx.rng.word(8)}`), Buffer.alloc(0)]), [3, 10, 1000]);
}
