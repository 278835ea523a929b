/**
 * The `robust.*` server checks of C1 `file-copy`. A file-copy server answers nothing, so "it
 * still serves" means: the next client's file is still copied.
 */
import { defineServerCheck, type ServerCheck } from '../../harness/authoring.js';
import type { ServerCheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import type { Rng } from '../../harness/authoring.js';
import { garbage } from '../shared/echo.js';
import { robustServerChecks } from '../shared/robust.js';
import { frame } from '../framed-echo/framing.js';
import { plainText } from '../shared/files-generate.js';
import { DATAGRAM_BYTES, nameFirst, nameLine, pickName, transportOf, variantOf } from './cases.js';
import { expectCopy, sendFile } from './server-transfer.js';

/** A short text file for the robustness checks, with a first line that tells it apart. */
export function sample(rng: Rng): Buffer {
  return Buffer.concat([Buffer.from(`Prueba ${rng.word(10)}\n`), plainText(rng, rng.int(100, 300))]);
}

/**
 * After `event`, a new client's file still reaches the output. Whether the copy is exact is for
 * the `files.*` checks: here its first line is enough.
 */
export async function stillCopies(ctx: ServerCheckContext, event: string): Promise<void> {
  await ctx.server.program.waitForQuiet(100, ctx.within(1000), ctx.signal).catch(() => {});
  ctx.assertServerAlive(`after ${event}`);
  try {
    const data = sample(ctx.rng);
    const t = await sendFile(ctx, data, { label: 'next client' });
    await expectCopy(ctx, t, data, { accept: (copy) => copy.includes(data.subarray(0, data.indexOf(0x0a))) });
  } catch (err) {
    if (err instanceof CheckFailure) {
      ctx.assertServerAlive(`after ${event}`);
      throw new CheckFailure(`after ${event}, the next client's file was not copied: ${err.message}`, err.details);
    }
    throw err;
  }
}

/** Connects one more client; when that fails because the server just died, says so. */
async function connectOrDied(ctx: ServerCheckContext, label: string, after: string): Promise<Connection> {
  try {
    return await ctx.connect(label);
  } catch (err) {
    if (!(err instanceof CheckFailure)) throw err;
    await ctx.server.program.waitForExit(ctx.within(1000), ctx.signal).catch(() => undefined);
    ctx.assertServerAlive(`after ${after}`);
    throw err;
  }
}

/** A normal copy, for `robust.no-crash-output`. */
async function copySession(ctx: ServerCheckContext): Promise<void> {
  const data = sample(ctx.rng);
  const t = await sendFile(ctx, data, { label: 'client', slicing: { minBytes: 1, maxBytes: 64, delayMs: [0, 2] } });
  await expectCopy(ctx, t, data);
}

export const fileCopyRobustChecks: readonly ServerCheck[] = [
  defineServerCheck({
    id: 'robust.survives-abrupt-close',
    title: 'survives clients that reset or close in the middle of a file, and copies the next one',
    weight: 1,
    budgetMs: 15_000,
    hint: 'wrap each transfer in try/except (ConnectionResetError, BrokenPipeError) and close that connection only; recv returning b"" means the client closed',
    notApplicable: (p) => (transportOf(p) === 'udp' ? 'UDP has no connection for a client to reset or close (--param transport=udp)' : undefined),
    async run(ctx) {
      const start = sample(ctx.rng);
      const a = await ctx.connect('client that resets mid-file');
      const head = nameFirst(ctx.params) ? nameLine(pickName(ctx.rng)) : Buffer.alloc(0);
      await a.send(Buffer.concat([head, (variantOf(ctx.params) === 'framed' ? frame(start) : start).subarray(0, 12)]));
      await a.waitForQuiet(50, ctx.within(500), ctx.signal);
      await a.reset();
      await connectOrDied(ctx, 'client that closes at once', 'a client reset its connection in the middle of a file').then((b) => b.close());
      await connectOrDied(ctx, 'client that resets at once', 'a client reset its connection in the middle of a file, and another closed without sending anything').then((c) => c.reset());
      await stillCopies(ctx, 'a client reset its connection in the middle of a file, another closed without sending anything and a third reset without sending');
    },
  }),
  defineServerCheck({
    id: 'robust.survives-garbage',
    title: 'survives random bytes (invalid UTF-8 included) and copies the next file',
    weight: 1,
    budgetMs: 15_000,
    hint: 'never assume what arrives is valid text or a valid header: a copy handles bytes (decode() raises UnicodeDecodeError on invalid UTF-8), and a bad header closes that connection only',
    async run(ctx) {
      if (transportOf(ctx.params) === 'udp') {
        const u = await ctx.udp('client sending garbage');
        ctx.doing('sending datagrams of random bytes, then the empty datagram that ends a file');
        // The first is short, the others up to a full datagram: as a file (its first one as a name), they are garbage.
        for (let i = 0; i < 8 && ctx.server.program.exit === undefined; i++) await u.send(garbage(ctx.rng.bytes(i === 0 ? ctx.rng.int(0, 8) : ctx.rng.int(8, DATAGRAM_BYTES - 24))));
        await u.send(Buffer.alloc(0));
        await stillCopies(ctx, 'a client sent datagrams of random bytes');
        return;
      }
      const c = await ctx.connect('client sending garbage');
      await c.send(garbage(ctx.rng.bytes(2048)));
      await c.waitForQuiet(150, ctx.within(1500), ctx.signal);
      c.close();
      await stillCopies(ctx, 'a client sent random bytes');
    },
  }),
  ...robustServerChecks({ transport: 'tcp', session: copySession, sample }).filter((c) => c.id === 'robust.no-crash-output'),
];
