/** Client checks of A2 `tcp-echo`: the client reads the whole echo, however it is cut, and prints it intact. */
import { defineClientCheck, type ClientCheck } from '../../harness/authoring.js';
import type { ClientCheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import type { Program } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { escapeBytes, describeSize } from '../../harness/authoring.js';
import { findCrash, visibleText } from '../../harness/authoring.js';
import { showsBytes } from '../shared/printed.js';
import { acceptClientMessage } from '../shared/client-session.js';
import { robustNoServerCheck } from '../shared/robust.js';
import { echoPieceSizes, sendPiecesWhenRead } from './echo-cuts.js';
import { echoVariant, replyTo } from '../shared/echo-variant.js';

/** Plays the server's side up to the client's message: the banner first when there is one, and the message checked for its newline under `framing=line`. */
async function acceptEchoRequest(ctx: ClientCheckContext, message: string): Promise<{ conn: Connection; program: Program; request: Buffer }> {
  const v = echoVariant(ctx.params);
  const got = await acceptClientMessage(ctx, message, v.banner === '' ? undefined : Buffer.from(`${v.banner}\n`));
  if (v.framing === 'line' && got.request[got.request.length - 1] !== 0x0a) {
    throw new CheckFailure('the client\'s message does not end with a newline, so a server that reads whole lines never answers it', {
      expected: `"${escapeBytes(Buffer.from(`${message}\n`))}"`,
      received: `"${escapeBytes(got.request, 160)}"`,
      hint: 'end the message with "\\n" before sending it: sock.sendall((mensaje + "\\n").encode())',
    });
  }
  return got;
}

/** What the client should print for the reply `reply`: without its line end under `framing=line`. */
function printedReply(ctx: ClientCheckContext, reply: Buffer): Buffer {
  return echoVariant(ctx.params).framing === 'line' ? Buffer.from(reply.toString('latin1').replace(/\r?\n$/, ''), 'latin1') : reply;
}

/** Sends `request` back in pieces and returns the pieces. */
async function echoInSlices(ctx: ClientCheckContext, conn: Connection, request: Buffer, min: number, max: number, delayMs: number, whenRead = false): Promise<Buffer[]> {
  ctx.doing('sending the echo back in small slices');
  const cuts = whenRead
    ? await sendPiecesWhenRead(ctx, conn, request, echoPieceSizes(request, ctx.rng, min, max))
    : await conn.sendSliced(request, ctx.rng, { min, max, delayMs, signal: ctx.signal });
  const lastSentAt = performance.now();
  const pieces: Buffer[] = [];
  let prev = 0;
  for (const c of cuts) {
    pieces.push(request.subarray(prev, c));
    prev = c;
  }
  // A FIN alone is a half-close (shutdown(SHUT_WR)): the client may still read, so sockgrade
  // keeps sending. A client that closed for good answers the slices that follow with a reset.
  const closedEarly = conn.wasReset && conn.errorAt !== undefined && conn.errorAt <= lastSentAt && cuts.length > 1;
  if (prev < request.length || closedEarly) {
    throw new CheckFailure(`the client closed the connection before the whole echo had arrived (${request.length} bytes, sent in ${cuts.length} slices)`, {
      hint: 'one recv() may return only part of the reply: keep calling recv() until you have as many bytes as you sent',
    });
  }
  // A client that half-closed reads until end-of-file: answer its FIN with ours, as a server does.
  if (conn.finAt !== undefined) conn.halfClose();
  return pieces;
}

/** Waits until the client printed `expected` (after the echo started) and checks it did not stop reading early. */
async function expectPrinted(ctx: ClientCheckContext, program: Program, conn: Connection, expected: Buffer, pieces: Buffer[] | undefined, from: number): Promise<void> {
  ctx.doing('waiting for the client to print the whole echo');
  try {
    await program.waitForText('the client to print the echo', (t) => (showsBytes(t, expected, pieces) ? true : undefined), ctx.within(5000), ctx.signal, from);
  } catch {
    const printed = program.outputBuffer().subarray(from).toString('utf8');
    const crash = findCrash(printed);
    if (crash) {
      throw new CheckFailure(`the client crashed with a ${crash.name} while receiving the echo`, {
        received: visibleText(crash.excerpt),
        hint: /UnicodeDecodeError/.test(crash.excerpt) ? 'a multi-byte character was split between two recv() calls: join the bytes first and decode once, at the end' : undefined,
      });
    }
    throw new CheckFailure(`the client did not print the whole echo (${describeSize(expected.length)})${conn.closeKind === 'reset' ? '; it closed the connection with unread data (RST)' : ''}`, {
      expected: `"${escapeBytes(expected, 160)}"`,
      received: printed ? visibleText(printed.slice(-400)) : '(nothing printed after the echo started)',
      hint: 'read until you have received as many bytes as you sent, then print the whole reply once',
    });
  }
  if (conn.closeKind === 'reset') {
    throw new CheckFailure('the client printed the echo but closed the connection with unread data (the kernel sent RST)', { hint: 'read everything the server sends before closing' });
  }
}

/** Text with characters that take 2, 3 and 4 bytes in UTF-8. */
function multiByteMessage(ctx: ClientCheckContext): string {
  return `Año ñandú ${ctx.rng.word(6)} → 3€ café 😀 ${ctx.rng.word(4)}`;
}

/** The A2 client checks, shared by the other echo exercises' clients. */
export const echoClientChecks: readonly ClientCheck[] = [
  defineClientCheck({
    id: 'client.full-echo-sliced',
    title: 'reads the echo until it is complete when it arrives in small slices, and prints it',
    weight: 1,
    budgetMs: 20_000,
    async run(ctx) {
      const message = `Hola servidor ${ctx.rng.word(12)} ${ctx.rng.word(12)}`;
      const { conn, program, request } = await acceptEchoRequest(ctx, message);
      const from = program.outputLength;
      const reply = replyTo(echoVariant(ctx.params), request);
      const pieces = await echoInSlices(ctx, conn, reply, 4, 12, 40, true);
      const shown = printedReply(ctx, reply);
      await expectPrinted(ctx, program, conn, shown, shown.length === reply.length ? pieces : undefined, from);
    },
  }),
  defineClientCheck({
    id: 'client.binary-safe',
    title: 'keeps multi-byte characters intact when they are split between reads',
    weight: 1,
    budgetMs: 20_000,
    async run(ctx) {
      const message = multiByteMessage(ctx);
      const { conn, program, request } = await acceptEchoRequest(ctx, message);
      const typed = Buffer.from(message);
      if (!request.subarray(0, typed.length).equals(typed)) {
        if (!ctx.takes('message') && !ctx.typedMessage(program)) {
          throw new CheckFailure('the client sends a message of its own and takes none, so sockgrade cannot give it one with multi-byte characters', {
            expected: `"${escapeBytes(typed)}", given as {message} (MESSAGE) or typed at a prompt`,
            received: `"${escapeBytes(request)}"`,
            hint: 'take the message from the command line (sys.argv) or from input(), as the exercise asks, instead of writing it in the program',
          });
        }
        throw new CheckFailure('the client did not send the typed message as UTF-8 bytes', {
          expected: `"${escapeBytes(typed)}"`,
          received: `"${escapeBytes(request)}"`,
          hint: 'send the message the user typed (or gave on the command line), encoded with .encode("utf-8")',
        });
      }
      const from = program.outputLength;
      const reply = replyTo(echoVariant(ctx.params), request);
      await echoInSlices(ctx, conn, reply, 1, 1, 12);
      await expectPrinted(ctx, program, conn, printedReply(ctx, replyTo(echoVariant(ctx.params), typed)), undefined, from);
    },
  }),
  robustNoServerCheck({ giveUpMs: 10_000, transport: 'tcp', message: (rng) => `Hola ${rng.word(6)}` }),
];
