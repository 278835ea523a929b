/** A3 `tcp-echo-concurrent`: the A2 echo contract, with many clients served at once. */
import { defineExercise } from '../../harness/authoring.js';
import { defineServerCheck } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { num } from '../../harness/authoring.js';
import { formatMs } from '../../harness/authoring.js';
import type { ServerCheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import { robustServerChecks } from '../shared/robust.js';
import { tcpEcho as es } from '../tcp-echo/i18n/es.js';
import { lineEchoFailure, waitsForNewline } from '../shared/echo.js';
import { echoSession, sampleLine, shortMessage } from '../tcp-echo/server-checks.js';
import { asMessage, bannerLength, echoVariant, echoVariantParams, expectReply, openEcho, quitWordCheck, replyTo } from '../shared/echo-variant.js';

/**
 * Whether a server that has not answered all of `sent` on `conn` was waiting for a newline (the
 * newline probe). Never under `framing=line`: there every message already ends with one.
 */
async function echoesLinesOnly(ctx: ServerCheckContext, conn: Connection, sent: Buffer): Promise<boolean> {
  const v = echoVariant(ctx.params);
  if (v.framing === 'line') return false;
  return waitsForNewline(ctx, conn, Buffer.concat([conn.received.subarray(0, bannerLength(conn)), replyTo(v, sent)]));
}

/** Connects `n` clients, all at once, then plays `rounds` rounds of distinct messages on every one. */
async function manyClients(ctx: ServerCheckContext, n: number, rounds: number, perRoundMs: number): Promise<void> {
  ctx.doing(`connecting ${n} clients at once`);
  const settled = await Promise.allSettled(Array.from({ length: n }, (_, i) => openEcho(ctx, `client ${i + 1}/${n}`, ctx.within(15_000))));
  const conns: Connection[] = [];
  for (const s of settled) {
    if (s.status === 'rejected') {
      const refused = settled.filter((x) => x.status === 'rejected').length;
      throw new CheckFailure(`${refused} of ${n} clients could not connect: ${(s.reason as Error).message}`, { hint: 'use a listen() backlog large enough for many pending clients, e.g. listen(128)' });
    }
    conns.push(s.value);
  }
  const sent = conns.map(() => [] as Buffer[]);
  for (let round = 1; round <= rounds; round++) {
    await Promise.all(
      conns.map((c, i) => {
        const msg = asMessage(echoVariant(ctx.params), Buffer.from(`cliente ${i + 1} ronda ${round} ${ctx.rng.word(8)};`));
        sent[i]?.push(msg);
        return c.send(msg);
      }),
    );
    ctx.doing(`waiting for round ${round} of ${rounds} of echoes on ${n} clients`);
    const waits = await Promise.all(conns.map((c, i) => c.waitForBytes(bannerLength(c) + Buffer.concat(sent[i] ?? []).length, ctx.within(perRoundMs), ctx.signal)));
    const late = waits.map((ok, i) => (ok ? -1 : i)).filter((i) => i >= 0);
    if (late.length > 0) {
      const first = late[0] as number;
      const conn = conns[first] as Connection;
      const served = n - late.length;
      if (await echoesLinesOnly(ctx, conn, Buffer.concat(sent[first] ?? []))) throw lineEchoFailure(`round ${round}: ${conn.transcript.label}`, Buffer.concat(sent[first] ?? []), conn.received);
      throw new CheckFailure(
        `round ${round}: ${late.length} of ${n} connected clients got no complete echo within ${formatMs(perRoundMs)} (${served} were served)${served <= 1 ? ': the server seems to serve one client at a time' : ''}`,
        {
          expected: `every client gets its own message back while all ${n} are connected`,
          received: `${conn.transcript.label} received ${conn.receivedBytes - bannerLength(conn)} of ${Buffer.concat(sent[first] ?? []).length} bytes`,
          hint: 'serve each client in its own thread (threading.Thread), or multiplex with select()/selectors, or use asyncio',
        },
      );
    }
    for (const [i, c] of conns.entries()) await expectReply(ctx, c, Buffer.concat(sent[i] ?? []), 100);
  }
  for (const c of conns) c.close();
}

export const tcpEchoConcurrent = defineExercise({
  id: 'tcp-echo-concurrent',
  catalogue: 'A3',
  messages: { es },
  title: 'TCP echo server for many clients at once',
  contract: {
    server: 'The tcp-echo contract, serving many clients at the same time (threads, select or asyncio).',
  },
  transport: 'tcp',
  canonicalPort: 65432,
  params: {
    ...echoVariantParams,
    clients: { type: 'integer', default: 50, min: 2, max: 1000, description: 'clients connected at once in concurrency.parallel-clients' },
    'stress-clients': { type: 'integer', default: 500, min: 2, max: 2000, description: 'clients connected at once in concurrency.stress' },
    'hol-bound': { type: 'number', default: 1, min: 0.1, max: 30, description: 'seconds within which a client must be served while another one stays silent' },
  },
  checks: [
    defineServerCheck({
      id: 'concurrency.parallel-clients',
      title: 'many clients connected at once each get exactly their own bytes back',
      weight: 2,
      budgetMs: 30_000,
      async run(ctx) {
        await manyClients(ctx, num(ctx.params, 'clients'), 3, 5000);
      },
    }),
    defineServerCheck({
      id: 'concurrency.no-head-of-line',
      title: 'a silent client does not delay the others',
      weight: 2,
      budgetMs: 10_000,
      async run(ctx) {
        const bound = num(ctx.params, 'hol-bound') * 1000;
        const silent = await ctx.connect('client A (silent)');
        const b = await openEcho(ctx, 'client B');
        const msg = shortMessage(ctx);
        await b.send(msg);
        ctx.doing(`waiting for client B's echo while client A stays connected and silent`);
        const ok = await b.waitForBytes(bannerLength(b) + msg.length, ctx.within(bound), ctx.signal);
        if (!ok) {
          if (await echoesLinesOnly(ctx, b, msg)) throw lineEchoFailure('client B', msg, b.received);
          throw new CheckFailure(`client B got no echo within ${formatMs(bound)} while client A was connected and silent: the server serves one client at a time`, {
            expected: `the echo of "${msg.toString()}" within ${formatMs(bound)}`,
            received: b.receivedBytes ? `${b.receivedBytes} bytes` : 'nothing',
            hint: 'a sequential server blocks in recv() on client A; serve each client in its own thread, or use select()',
          });
        }
        await expectReply(ctx, b, msg, 100);
        silent.close();
      },
    }),
    defineServerCheck({
      id: 'concurrency.abrupt-client',
      title: 'one client resetting mid-stream leaves the others unaffected',
      weight: 1,
      budgetMs: 15_000,
      async run(ctx) {
        const conns = await Promise.all([1, 2, 3, 4, 5].map((i) => openEcho(ctx, `client ${i}/5`)));
        const sent = conns.map(() => [] as Buffer[]);
        const victim = conns[2] as Connection;
        for (let round = 1; round <= 3; round++) {
          for (const [i, c] of conns.entries()) {
            if (c === victim && round > 1) continue;
            const msg = asMessage(echoVariant(ctx.params), Buffer.from(`cliente ${i + 1} ronda ${round} ${ctx.rng.word(6)};`));
            sent[i]?.push(msg);
            await c.send(msg);
          }
          if (round === 1) {
            await victim.waitForBytes(bannerLength(victim) + 1, ctx.within(2000), ctx.signal);
            await victim.send(Buffer.from('mensaje a medi'));
            await victim.reset();
          }
          for (const [i, c] of conns.entries()) {
            if (c === victim) continue;
            try {
              await expectReply(ctx, c, Buffer.concat(sent[i] ?? []), 3000);
            } catch (err) {
              if (err instanceof CheckFailure && round > 1) {
                ctx.assertServerAlive('after client 3 reset its connection');
                throw new CheckFailure(`after client 3 reset its connection, ${err.message}`, err.details);
              }
              throw err;
            }
          }
        }
      },
    }),
    defineServerCheck({
      id: 'concurrency.stress',
      title: 'many hundreds of clients at once (informational, weight 0 by default)',
      weight: 0,
      budgetMs: 60_000,
      runsAlone: true,
      async run(ctx) {
        await manyClients(ctx, num(ctx.params, 'stress-clients'), 3, 15_000);
      },
    }),
    quitWordCheck,
    ...robustServerChecks({ transport: 'tcp', session: echoSession, sample: sampleLine, sharesInstance: true }),
  ],
});
