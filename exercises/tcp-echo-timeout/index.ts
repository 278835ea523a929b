/** A4 `tcp-echo-timeout`: an echo server that closes after its reply and expels idle clients. */
import { defineExercise } from '../../harness/model/exercise.js';
import { defineServerCheck } from '../../harness/model/check.js';
import { CheckFailure, CheckNotReached } from '../../harness/model/failure.js';
import { bool, num, type ParamValues } from '../../harness/model/params.js';
import { formatMs, pause } from '../../harness/util/deadline.js';
import type { ServerCheckContext } from '../../harness/engine/context.js';
import type { Connection } from '../../harness/net/connection.js';
import { robustServerChecks, type RobustServerOptions } from '../shared/robust.js';
import { assertStillServes, STILL_SERVES_PACE_MS } from '../shared/echo.js';
import { sampleLine, shortMessage } from '../tcp-echo/server-checks.js';
import { echoVariantParams, expectReply, openEcho } from '../shared/echo-variant.js';
import { tcpEcho as es } from '../tcp-echo/i18n/es.js';

const idleMs = (ctx: { params: ServerCheckContext['params'] }): number => num(ctx.params, 'idle') * 1000;
const toleranceMs = (ctx: { params: ServerCheckContext['params'] }): number => num(ctx.params, 'tolerance') * 1000;

/** timeout.active-not-kicked's silences before each message, as fractions of idle. */
const talksOf = (p: ParamValues): number[] => (bool(p, 'close-after-reply') ? [0.6] : [0.5, 0.5, 0.5, 0.5, 0.5]);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** When the connection ended (FIN or reset), as performance.now(). */
function closedAt(conn: Connection): number | undefined {
  return conn.finAt ?? conn.errorAt;
}

/** Connects a silent client and measures, from just before connecting, how long until the server closes it. */
async function silentClientLifetime(ctx: ServerCheckContext, label: string): Promise<{ conn: Connection; ms: number | undefined }> {
  const limit = idleMs(ctx) + toleranceMs(ctx) + 500;
  const before = performance.now();
  const conn = await ctx.connect(label);
  ctx.doing(`waiting with a silent client for the server to close it (idle ${formatMs(idleMs(ctx))})`);
  const kind = await conn.waitForClose(ctx.within(limit - (performance.now() - before)), ctx.signal);
  const at = closedAt(conn);
  return { conn, ms: kind === 'open' || at === undefined ? undefined : at - before };
}

const session: RobustServerOptions['session'] = async (ctx) => {
  const conn = await openEcho(ctx);
  const msg = shortMessage(ctx);
  await conn.send(msg);
  await expectReply(ctx, conn, msg, 3000);
};

export const tcpEchoTimeout = defineExercise({
  id: 'tcp-echo-timeout',
  catalogue: 'A4',
  messages: { es },
  title: 'TCP echo server with idle timeout',
  contract: {
    server: 'Echoes; closes a connection right after its first reply; closes any connection idle for `idle` seconds; keeps accepting new clients.',
  },
  transport: 'tcp',
  canonicalPort: 65432,
  params: {
    framing: echoVariantParams['framing']!,
    transform: echoVariantParams['transform']!,
    banner: echoVariantParams['banner']!,
    idle: { type: 'number', default: 5, min: 0.5, max: 600, description: 'seconds of silence after which the server must close a connection' },
    tolerance: { type: 'number', default: 1.5, min: 0.1, max: 60, description: 'seconds after `idle` within which the close must happen' },
    'close-after-reply': { type: 'boolean', default: true, description: 'the server closes each connection after its first reply (course exercise v1_3); off: it keeps echoing until idle' },
  },
  checks: [
    defineServerCheck({
      id: 'timeout.close-after-reply',
      title: 'closes the connection right after sending its reply',
      weight: 1,
      budgetMs: 6000,
      notApplicable: (p) => (bool(p, 'close-after-reply') ? undefined : 'close-after-reply is off'),
      hint: 'after sendall() of the reply, close the connection (conn.close()) and go back to accept()',
      async run(ctx) {
        const conn = await openEcho(ctx);
        const msg = shortMessage(ctx);
        await conn.send(msg);
        await expectReply(ctx, conn, msg, 3000);
        const limit = Math.min(1000, idleMs(ctx) / 2);
        ctx.doing('waiting for the server to close the connection after its reply');
        if ((await conn.waitForClose(ctx.within(limit), ctx.signal)) === 'open') {
          throw new CheckFailure(`the server replied but did not close the connection within ${formatMs(limit)}`, { expected: 'the connection closed right after the reply', received: 'still open' });
        }
      },
    }),
    defineServerCheck({
      id: 'timeout.idle-kick',
      title: 'closes a silent connection between `idle` and `idle` + tolerance seconds',
      weight: 2,
      budgetMs: (p) => (num(p, 'idle') + num(p, 'tolerance')) * 1000 + 3000,
      paceMs: (p) => num(p, 'idle') * 1000,
      hint: 'conn.settimeout(5) before recv(), and on socket.timeout close that connection; or select() with a timeout per client',
      async run(ctx) {
        const idle = idleMs(ctx);
        const tol = toleranceMs(ctx);
        const { ms } = await silentClientLifetime(ctx, 'silent client');
        if (ms === undefined) {
          throw new CheckFailure(`the silent client was still connected ${formatMs(idle + tol)} after connecting: it should have been closed after ${formatMs(idle)} of silence`, {
            expected: `closed between ${formatMs(idle)} and ${formatMs(idle + tol)}`,
            received: 'still open',
          });
        }
        // A server that ends with the connection closes it too: give a prompt exit time to show, so the verdict never depends on which is seen first.
        await ctx.server.program.waitForExit(ctx.within(500), ctx.signal).catch(() => undefined);
        ctx.assertServerAlive('instead of closing only the idle connection');
        if (ms < idle) {
          throw new CheckFailure(`the server closed the silent client after ${formatMs(ms)}, before ${formatMs(idle)} of silence`, {
            expected: `closed between ${formatMs(idle)} and ${formatMs(idle + tol)}`,
            received: `closed after ${formatMs(ms)}`,
            hint: `measure ${formatMs(idle)} of silence from the last data received (or the accept), not less`,
          });
        }
        if (ms > idle + tol) {
          throw new CheckFailure(`the server closed the silent client after ${formatMs(ms)}, later than ${formatMs(idle)} + ${formatMs(tol)} tolerance`, {
            expected: `closed between ${formatMs(idle)} and ${formatMs(idle + tol)}`,
            received: `closed after ${formatMs(ms)}`,
          });
        }
      },
    }),
    defineServerCheck({
      id: 'timeout.active-not-kicked',
      title: 'a client that talks before `idle` runs out is served, not expelled',
      weight: 1,
      budgetMs: (p) => num(p, 'idle') * 2500 + 5000,
      paceMs: (p) => num(p, 'idle') * 1000 * sum(talksOf(p)),
      hint: 'the idle timer counts silence only: restart it whenever data arrives',
      async run(ctx) {
        const idle = idleMs(ctx);
        const conn = await openEcho(ctx, 'talking client');
        const connectedAt = performance.now();
        const sent: Buffer[] = [];
        const talks = talksOf(ctx.params);
        for (const [i, fraction] of talks.entries()) {
          ctx.doing(`staying silent for ${formatMs(idle * fraction)} (less than idle) before message ${i + 1}`);
          await pause(idle * fraction, ctx.signal);
          if (conn.closeKind !== 'open') {
            const elapsed = (closedAt(conn) ?? performance.now()) - connectedAt;
            throw new CheckFailure(`the server closed the connection after ${formatMs(elapsed)} although the client had been silent for less than ${formatMs(idle)}`, {
              hint: 'close only after idle seconds with no data at all, counted from the last data received',
            });
          }
          const msg = shortMessage(ctx);
          sent.push(msg);
          await conn.send(msg);
          await expectReply(ctx, conn, Buffer.concat(sent), 3000);
        }
      },
    }),
    defineServerCheck({
      id: 'timeout.keeps-accepting',
      title: 'after expelling an idle client, serves new clients',
      weight: 1,
      budgetMs: (p) => (num(p, 'idle') + num(p, 'tolerance')) * 1000 + 8000,
      paceMs: (p) => num(p, 'idle') * 1000 + STILL_SERVES_PACE_MS,
      hint: 'handle the timeout of one connection inside the accept loop: close that connection, then accept() again',
      async run(ctx) {
        const { ms } = await silentClientLifetime(ctx, 'idle client');
        if (ms === undefined) throw new CheckNotReached('the server never closed the idle client (see timeout.idle-kick), so there was no expulsion to recover from');
        await assertStillServes(ctx, 'the idle client was expelled', sampleLine(ctx.rng));
      },
    }),
    ...robustServerChecks({ transport: 'tcp', session, sample: sampleLine }),
  ],
});
