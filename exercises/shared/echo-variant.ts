/**
 * The echo variants real courses set (A2-A4), as parameters: how messages are delimited
 * (`framing`), what the reply is (`transform`), a greeting line (`banner`) and a word that ends
 * a connection (`quit`). The checks build their messages and expected replies through here, so
 * every echo check follows the course's statement.
 */
import type { ParamSpecs, ParamValues } from '../../harness/model/params.js';
import type { ServerCheckContext } from '../../harness/engine/context.js';
import type { Connection } from '../../harness/net/connection.js';
import type { Rng } from '../../harness/util/rng.js';
import { CheckFailure } from '../../harness/model/failure.js';
import { defineServerCheck, type ServerCheck } from '../../harness/model/check.js';
import { escapeBytes } from '../../harness/diagnose/bytes.js';
import { formatMs } from '../../harness/util/deadline.js';
import { expectEcho } from './echo.js';

/** The parameters of an echo exercise's wire contract, with the course catalogue's behaviour as default. */
export const echoVariantParams: ParamSpecs = {
  framing: {
    type: 'enum',
    default: 'raw',
    values: ['raw', 'line'],
    description: 'raw: every byte is echoed as it arrives; line: messages are text lines ending in a newline, the server echoes whole lines (newline included) and the client ends its message with one',
  },
  transform: {
    type: 'enum',
    default: 'none',
    values: ['none', 'upper'],
    description: 'none: the reply is the message itself; upper: the reply is the message in capitals (sockgrade then sends ASCII text only)',
  },
  banner: { type: 'string', default: '', description: 'a line the server sends every client first, as soon as it connects (empty: none)' },
  quit: { type: 'string', default: '', description: 'a line that makes the server close that connection and go on serving others (empty: none)' },
};

/** An echo exercise's parameters, typed. */
export interface EchoVariant {
  framing: 'raw' | 'line';
  transform: 'none' | 'upper';
  banner: string;
  quit: string;
}

/** Reads the echo variant from `params` (exercises without the parameters get the defaults). */
export function echoVariant(params: ParamValues): EchoVariant {
  return {
    framing: params['framing'] === 'line' ? 'line' : 'raw',
    transform: params['transform'] === 'upper' ? 'upper' : 'none',
    banner: typeof params['banner'] === 'string' ? params['banner'] : '',
    quit: typeof params['quit'] === 'string' ? params['quit'] : '',
  };
}

/** True when the variant's messages must be text (lines or upper-cased ASCII). */
export function textOnly(v: EchoVariant): boolean {
  return v.framing === 'line' || v.transform === 'upper';
}

/** `text` as the variant sends it: one newline-terminated line when `framing=line`. */
export function asMessage(v: EchoVariant, text: Buffer): Buffer {
  if (v.framing === 'raw') return text;
  const body = Buffer.from(text.toString('latin1').replace(/[\r\n]+/g, ' '), 'latin1');
  return Buffer.concat([body, Buffer.from('\n')]);
}

/** The reply a correct server gives to `sent`: the same bytes, in capitals under `transform=upper` (ASCII letters only, as Python's `bytes.upper()`). */
export function replyTo(v: EchoVariant, sent: Buffer): Buffer {
  if (v.transform === 'none') return sent;
  const out = Buffer.from(sent);
  for (let i = 0; i < out.length; i++) {
    const b = out[i] as number;
    if (b >= 0x61 && b <= 0x7a) out[i] = b - 0x20;
  }
  return out;
}

/** `size` bytes of ASCII text in lines of random length, ending with a newline. */
export function asciiLines(rng: Rng, size: number): Buffer {
  let s = '';
  while (s.length < size - 1) {
    const line = Array.from({ length: rng.int(1, 14) }, () => rng.word(rng.int(1, 9)).toLowerCase()).join(' ');
    s += `${line}\n`;
  }
  return Buffer.from(`${s.slice(0, size - 1).replace(/\n$/, ' ')}\n`);
}

const bannerLengths = new WeakMap<Connection, number>();

/** Bytes of the banner line (with its line end) `conn` received first, 0 without banner. */
export function bannerLength(conn: Connection): number {
  return bannerLengths.get(conn) ?? 0;
}

/**
 * Waits for the banner line on a fresh connection and checks it (`\n` or `\r\n` ends it). Fails
 * with what arrived instead.
 */
export async function expectBanner(ctx: ServerCheckContext, conn: Connection, v: EchoVariant, ms = 3000): Promise<void> {
  if (v.banner === '') return;
  ctx.doing(`waiting for the banner "${v.banner}" on ${conn.transcript.label}`);
  const lf = Buffer.from(`${v.banner}\n`);
  const crlf = Buffer.from(`${v.banner}\r\n`);
  if (await conn.waitForPrefix(lf, ctx.within(ms), ctx.signal)) {
    bannerLengths.set(conn, lf.length);
    return;
  }
  if (conn.received[lf.length - 1] === 0x0d && (await conn.waitForPrefix(crlf, ctx.within(ms), ctx.signal))) {
    bannerLengths.set(conn, crlf.length);
    return;
  }
  const got = conn.received;
  throw new CheckFailure(
    got.length === 0
      ? `the server did not greet ${conn.transcript.label} with its banner line within ${formatMs(ms)}`
      : got.equals(lf.subarray(0, lf.length - 1))
        ? `the server sent ${conn.transcript.label} the banner without the newline that ends it`
        : `the first line the server sent to ${conn.transcript.label} is not the banner`,
    {
      expected: `"${escapeBytes(lf)}"`,
      received: got.length === 0 ? 'nothing' : `"${escapeBytes(got, 120)}"`,
      hint: 'send the greeting line (ending with a newline) right after accept(), before reading anything from the client',
    },
  );
}

/** Connects a client and, when the variant has a banner, takes it (waiting as long as the connection may take, when `ms` is given). */
export async function openEcho(ctx: ServerCheckContext, label?: string, ms?: number): Promise<Connection> {
  const conn = await ctx.connect(label, ms);
  await expectBanner(ctx, conn, echoVariant(ctx.params), ms);
  return conn;
}

/** Waits for the variant's reply to everything `sent` on `conn` (after its banner) and compares it. */
export async function expectReply(ctx: ServerCheckContext, conn: Connection, sent: Buffer, ms: number): Promise<void> {
  const v = echoVariant(ctx.params);
  const banner = conn.received.subarray(0, bannerLength(conn));
  await expectEcho(ctx, conn, Buffer.concat([banner, replyTo(v, sent)]), ms);
}

/** `echo.quit-word`: the quit line closes that connection, and the server goes on serving (when `quit` is set). */
export const quitWordCheck: ServerCheck = defineServerCheck({
  id: 'echo.quit-word',
  title: 'closes a connection when the client sends the quit word, and serves the next client',
  weight: 1,
  budgetMs: 10_000,
  notApplicable: (p) => (echoVariant(p).quit === '' ? 'the exercise has no quit word (--param quit=WORD sets one)' : undefined),
  hint: 'compare each received line, without its newline (line.strip()), with the quit word: when it matches, say goodbye if you want, close that connection and go back to accept()',
  async run(ctx) {
    const v = echoVariant(ctx.params);
    const conn = await openEcho(ctx);
    const msg = asMessage(v, Buffer.from(`Hola ${ctx.rng.word(8)}`));
    await conn.send(msg);
    await expectReply(ctx, conn, msg, 3000);
    await conn.send(`${v.quit}\n`);
    ctx.doing(`waiting for the server to close the connection after the quit word "${v.quit}"`);
    if ((await conn.waitForClose(ctx.within(3000), ctx.signal)) === 'open') {
      throw new CheckFailure(`the server did not close the connection within ${formatMs(3000)} after the client sent the quit word`, {
        expected: `the connection closed after "${escapeBytes(Buffer.from(`${v.quit}\n`))}"`,
        received: `"${escapeBytes(conn.received.subarray(bannerLength(conn)), 120)}" and the connection still open`,
      });
    }
    ctx.assertServerAlive('after a client sent the quit word');
    // Two clients, one after the other: a server that leaves its accept loop at the quit word may still take the one it was already accepting.
    for (const label of ['next client', 'client after the next']) {
      const next = await openEcho(ctx, label);
      const again = asMessage(v, Buffer.from(`Hola ${ctx.rng.word(8)}`));
      await next.send(again);
      try {
        await expectReply(ctx, next, again, 3000);
      } catch (err) {
        if (err instanceof CheckFailure) {
          ctx.assertServerAlive('after a client sent the quit word');
          throw new CheckFailure(`after a client quit, the ${label} was not served: ${err.message}`, err.details);
        }
        throw err;
      }
      next.close();
    }
  },
});
