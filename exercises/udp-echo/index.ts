/** A1 `udp-echo`: a UDP echo server and client (course default port 5005). */
import { defineExercise } from '../../harness/authoring.js';
import { defineServerCheck, defineClientCheck } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { escapeBytes, describeSize } from '../../harness/authoring.js';
import { findCrash, visibleText } from '../../harness/authoring.js';
import { formatMs } from '../../harness/authoring.js';
import type { ClientCheckContext, ServerCheckContext } from '../../harness/authoring.js';
import type { Datagram } from '../../harness/authoring.js';
import type { Program } from '../../harness/authoring.js';
import { robustNoServerCheck, robustServerChecks } from '../shared/robust.js';
import { udpRoundTrip } from '../shared/echo.js';
import { showsBytes } from '../shared/printed.js';
import { num } from '../../harness/authoring.js';
import type { Rng } from '../../harness/authoring.js';
import { udpEcho as es } from './i18n/es.js';

const sample = (rng: Rng): Buffer => Buffer.from(`Hola UDP ${rng.word(10)}`);

async function session(ctx: ServerCheckContext): Promise<void> {
  const c = await ctx.udp();
  await udpRoundTrip(ctx, c, sample(ctx.rng), 3);
}

/** Starts the client with sockgrade's UDP server and returns the first datagram it sends. */
async function firstDatagram(ctx: ClientCheckContext, message: string): Promise<{ program: Program; first: Datagram; peer: Awaited<ReturnType<ClientCheckContext['udpPeer']>> }> {
  const peer = await ctx.udpPeer();
  const program = ctx.launchClient({ message });
  ctx.doing(`waiting for the client's datagram on ${ctx.offered.host}:${ctx.offered.port}`);
  const first = await peer.datagramWhileRunning(0, ctx.within(10_000), program, ctx.signal);
  if (!first) {
    const crash = findCrash(program.outputText());
    throw new CheckFailure(
      program.exit ? `the client exited without sending a datagram to ${ctx.offered.host}:${ctx.offered.port}${crash ? ` (it crashed: ${crash.name})` : ''}` : `no datagram arrived at ${ctx.offered.host}:${ctx.offered.port} within ${formatMs(10_000)}`,
      { hint: 'send to the host and port given as {host} {port}, HOST/PORT, or typed at the prompt; if your client hard-codes its port, pass --port N' },
    );
  }
  return { program, first, peer };
}

export const udpEcho = defineExercise({
  id: 'udp-echo',
  catalogue: 'A1',
  messages: { es },
  title: 'UDP echo server and client',
  contract: {
    server: 'Binds UDP host:port and replies every datagram, verbatim, to the address that sent it.',
    client: 'Reads a line, sends it as one datagram, prints the reply; gives up with a message when no reply comes within a few seconds.',
  },
  transport: 'udp',
  canonicalPort: 5005,
  params: {
    'give-up': { type: 'number', default: 10, min: 1, max: 60, description: 'seconds within which a client with no reply must give up' },
  },
  checks: [
    defineServerCheck({
      id: 'echo.roundtrip',
      title: 'replies to datagrams of 1 to 1400 bytes (any byte values) with identical datagrams',
      weight: 1,
      sharesInstance: true,
      budgetMs: 15_000,
      hint: 'receive with recvfrom(2048) or larger (a smaller buffer silently truncates the datagram) and reply with sendto(data, addr)',
      async run(ctx) {
        const c = await ctx.udp();
        const sizes = [1, 1400, 1024, 1025, 512, ...Array.from({ length: 15 }, () => ctx.rng.int(1, 1400))];
        for (const size of sizes) await udpRoundTrip(ctx, c, ctx.rng.bytes(size), 3);
      },
    }),
    defineServerCheck({
      id: 'echo.per-sender',
      title: 'three clients sending in turn each get only their own replies',
      weight: 1,
      sharesInstance: true,
      budgetMs: 10_000,
      hint: 'reply to the address returned by recvfrom() for that very datagram',
      async run(ctx) {
        const clients = [await ctx.udp('client A'), await ctx.udp('client B'), await ctx.udp('client C')];
        const sent = clients.map(() => [] as Buffer[]);
        for (let round = 0; round < 4; round++) {
          for (const [i, c] of clients.entries()) {
            const payload = Buffer.from(`${c.transcript.label} ronda ${round} ${ctx.rng.word(8)}`);
            sent[i]?.push(payload);
            await c.send(payload);
          }
        }
        for (const [i, c] of clients.entries()) {
          const mine = sent[i] ?? [];
          ctx.doing(`waiting for ${c.transcript.label}'s replies`);
          for (let k = 0; k < mine.length; k++) await c.receive(ctx.within(1500), ctx.signal);
          const got = c.datagrams.map((d) => d.data);
          const foreign = got.filter((g) => !mine.some((m) => m.equals(g)));
          if (foreign.length > 0) {
            throw new CheckFailure(`${c.transcript.label} received ${foreign.length} replies meant for another client`, {
              expected: `only its own datagrams back, e.g. "${escapeBytes(mine[0] ?? Buffer.alloc(0))}"`,
              received: `"${escapeBytes(foreign[0] ?? Buffer.alloc(0))}"`,
            });
          }
          const missing = mine.filter((m) => !got.some((g) => g.equals(m)));
          if (missing.length > 1) {
            throw new CheckFailure(`${c.transcript.label} got no reply to ${missing.length} of its ${mine.length} datagrams`, {
              expected: `"${escapeBytes(missing[0] ?? Buffer.alloc(0))}" back`,
              received: got.length ? `${got.length} replies` : 'nothing',
            });
          }
        }
      },
    }),
    defineServerCheck({
      id: 'echo.empty-datagram',
      title: 'survives an empty datagram and keeps replying',
      weight: 1,
      sharesInstance: true,
      budgetMs: 10_000,
      hint: 'for UDP an empty datagram is a valid message, not "connection closed": do not leave the loop when recvfrom() returns b""',
      async run(ctx) {
        const c = await ctx.udp();
        await c.send(Buffer.alloc(0));
        await c.receive(ctx.within(300), ctx.signal);
        await ctx.server.program.waitForQuiet(100, ctx.within(1000), ctx.signal).catch(() => {});
        ctx.assertServerAlive('after receiving an empty datagram');
        await udpRoundTrip(ctx, c, sample(ctx.rng), 3).catch((err: unknown) => {
          if (err instanceof CheckFailure) {
            ctx.assertServerAlive('after receiving an empty datagram');
            throw new CheckFailure(`after an empty datagram the server stopped replying: ${err.message}`, err.details);
          }
          throw err;
        });
      },
    }),
    ...robustServerChecks({ transport: 'udp', session, sample, sharesInstance: true }),
    defineClientCheck({
      id: 'client.sends-line',
      title: 'sends the typed line as one datagram',
      weight: 1,
      budgetMs: 15_000,
      async run(ctx) {
        const message = `Hola ${ctx.rng.word(8)} ${ctx.rng.word(8)}`;
        const { first, peer } = await firstDatagram(ctx, message);
        await peer.reply(first, first.data);
        const typed = Buffer.from(message);
        if (first.data.equals(typed) || first.data.equals(Buffer.from(`${message}\n`))) return;
        throw new CheckFailure('the datagram is not the line that was typed', {
          expected: `"${escapeBytes(typed)}" (${describeSize(typed.length)})`,
          received: `"${escapeBytes(first.data)}" (${describeSize(first.data.length)})`,
          hint: first.data.toString().startsWith("b'") ? 'you sent the text of a bytes object (str(data)): send mensaje.encode() itself' : 'send exactly what was typed, encoded as UTF-8',
        });
      },
    }),
    defineClientCheck({
      id: 'client.prints-reply',
      title: 'prints the reply after it arrives',
      weight: 1,
      budgetMs: 15_000,
      async run(ctx) {
        const message = `Eco ${ctx.rng.word(10)}`;
        const { program, first, peer } = await firstDatagram(ctx, message);
        ctx.doing('holding the reply until the client has been quiet for a while');
        await program.waitForQuiet(250, ctx.within(2000), ctx.signal).catch(() => {});
        const from = program.outputLength;
        await peer.reply(first, first.data);
        ctx.doing('waiting for the client to print the reply');
        const printed = await program.waitForText('the reply to be printed', (t) => (showsBytes(t, first.data) ? true : undefined), ctx.within(4000), ctx.signal, from).catch(() => false);
        if (printed !== true) {
          const before = program.outputBuffer().subarray(0, from).toString('utf8');
          throw new CheckFailure(
            showsBytes(before, first.data)
              ? 'the client printed the message before the reply arrived, and nothing after it: it shows what it sent, not what it received'
              : 'the client did not print the reply it received',
            { expected: `"${escapeBytes(first.data)}" printed after the reply arrived`, received: visibleText(program.outputText().slice(-300)) || '(nothing)', hint: 'print the data returned by recvfrom(), not the variable you sent' },
          );
        }
      },
    }),
    defineClientCheck({
      id: 'client.timeout-no-server',
      title: 'gives up with a message when no reply ever comes',
      weight: 1,
      budgetMs: (p) => num(p, 'give-up') * 1000 + 5000,
      hint: 'sock.settimeout(3) before recvfrom(), then catch socket.timeout and print a message',
      async run(ctx) {
        const limit = num(ctx.params, 'give-up') * 1000;
        const { program } = await firstDatagram(ctx, `Hola ${ctx.rng.word(6)}`);
        ctx.doing('not replying, and waiting for the client to give up');
        const from = program.outputLength;
        const exit = await program.waitForExit(ctx.within(limit), ctx.signal).catch(() => undefined);
        if (!exit) throw new CheckFailure(`the client was still waiting ${formatMs(limit)} after sending its datagram, with no reply coming`, {});
        const out = program.outputBuffer().subarray(from).toString('utf8');
        const crash = findCrash(out);
        if (crash) throw new CheckFailure(`the client crashed with a ${crash.name} instead of reporting that no reply came`, { received: visibleText(crash.excerpt) });
        if (out.trim() === '') throw new CheckFailure('the client gave up without printing any message', { hint: 'tell the user that no reply came' });
      },
    }),
    robustNoServerCheck({ giveUpMs: 10_000, transport: 'udp', message: (rng) => `Hola ${rng.word(6)}` }),
  ],
});
