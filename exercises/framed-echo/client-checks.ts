/** Client checks of A5 `framed-echo`: the request is framed exactly, and a reply cut anywhere is reassembled. */
import { defineClientCheck, type ClientCheck } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { escapeBytes } from '../../harness/authoring.js';
import { findCrash, visibleText } from '../../harness/authoring.js';
import { acceptClientMessage } from '../shared/client-session.js';
import { showsBytes } from '../shared/printed.js';
import { robustNoServerCheck } from '../shared/robust.js';
import { frame, parseFrames } from './framing.js';

/** The client's request, checked to be exactly one frame of the typed message's UTF-8 bytes. */
function checkRequest(request: Buffer, message: string): void {
  const expected = frame(message);
  if (request.equals(expected)) return;
  const parsed = parseFrames(request);
  const typed = Buffer.from(message);
  let why = 'the request is not exactly one frame with the message';
  if (parsed.error) why = `the request has a ${parsed.error}`;
  else if (/^\d{6}:/.test(request.toString('latin1')) && Number(request.subarray(0, 6).toString()) === message.length && message.length !== typed.length) {
    why = `the header announces ${message.length}, the number of characters, but the payload is ${typed.length} bytes in UTF-8`;
  } else if (parsed.frames.length === 0) why = 'the request holds no complete frame (the header announces more bytes than were sent)';
  throw new CheckFailure(why, {
    expected: `"${escapeBytes(expected)}"`,
    received: `"${escapeBytes(request)}"`,
    hint: 'encode first, then frame: data = mensaje.encode("utf-8"); header = f"{len(data):06d}:".encode(); sendall(header + data)',
  });
}

export const framedClientChecks: readonly ClientCheck[] = [
  defineClientCheck({
    id: 'client.frames-request',
    title: 'frames its message with an exact six-digit byte length',
    weight: 1,
    budgetMs: 20_000,
    async run(ctx) {
      const message = `Hola ñandú ${ctx.rng.word(6)} 3€`;
      const { conn, request } = await acceptClientMessage(ctx, message);
      checkRequest(request, message);
      await conn.send(request);
    },
  }),
  defineClientCheck({
    id: 'client.reassembles',
    title: 'prints the whole payload when the reply arrives cut in pieces, inside the header too',
    weight: 1,
    budgetMs: 20_000,
    async run(ctx) {
      const message = `Mensaje con cabecera ${ctx.rng.word(10)}`;
      const { conn, program } = await acceptClientMessage(ctx, message);
      const reply = frame(Buffer.from(message));
      const from = program.outputLength;
      ctx.doing('sending the framed reply in pieces: 3 bytes of header, the rest of the header, then the payload in slices');
      await conn.sendSliced(reply, ctx.rng, { min: 1, max: 1, delayMs: 40, signal: ctx.signal, cuts: [3, 4, 5, 6, 7, 100] });
      ctx.doing('waiting for the client to print the payload');
      const ok = await program.waitForText('the payload to be printed', (t) => (showsBytes(t, Buffer.from(message)) ? true : undefined), ctx.within(5000), ctx.signal, from).catch(() => false);
      if (ok !== true) {
        const out = program.outputBuffer().subarray(from).toString('utf8');
        const crash = findCrash(out);
        throw new CheckFailure(crash ? `the client crashed with a ${crash.name} while reading a reply that arrived in pieces` : 'the client did not print the whole payload of a reply that arrived in pieces', {
          expected: `"${message}"`,
          received: visibleText((crash?.excerpt ?? out).slice(-400)) || '(nothing)',
          hint: 'loop on recv() until you have the 7 header bytes, then loop until you have the announced number of payload bytes',
        });
      }
    },
  }),
  robustNoServerCheck({ giveUpMs: 10_000, transport: 'tcp', message: (rng) => `Hola ${rng.word(6)}` }),
];
