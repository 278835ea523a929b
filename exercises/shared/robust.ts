/**
 * The `robust.*` checks that apply to every server and every client of the catalogue.
 */
import { defineClientCheck, defineServerCheck, type ClientCheck, type ServerCheck } from '../../harness/model/check.js';
import type { ClientCheckContext, ClientLaunch, ServerCheckContext } from '../../harness/engine/context.js';
import type { ParamValues } from '../../harness/model/params.js';
import { CheckFailure, CheckSkipped } from '../../harness/model/failure.js';
import { findCrash } from '../../harness/diagnose/output.js';
import { portInUse } from '../../harness/net/socket-table.js';
import { describeExit } from '../../harness/process/program.js';
import { visibleText } from '../../harness/diagnose/output.js';
import { formatMs } from '../../harness/util/deadline.js';
import { assertStillServes, garbage, STILL_SERVES_PACE_MS } from './echo.js';
import type { Rng } from '../../harness/util/rng.js';

/**
 * Datagrams of random bytes sent to a UDP server. A server that drops datagrams at random
 * (simulated loss) must still meet the garbage: with 32 datagrams a receiver that drops half of
 * what arrives processes at least one with probability 1 − 2⁻³².
 */
const GARBAGE_DATAGRAMS = 32;
/** Quiet awaited after a client's reset mid-message, after the garbage on a TCP connection, and between the replies to garbage datagrams. */
const RESET_QUIET_MS = 50;
const GARBAGE_QUIET_MS = 150;
const UDP_REPLIES_QUIET_MS = 250;
/** Quiet awaited after robust.no-crash-output's own session, for a crash it caused. */
const NO_CRASH_QUIET_MS = 100;

/** What the robust server checks need from an exercise. */
export interface RobustServerOptions {
  transport: 'tcp' | 'udp';
  /** A normal exchange, for the crash-output check. */
  session: (ctx: ServerCheckContext) => Promise<void>;
  /** A valid message for the exercise, used to check the server still serves. */
  sample: (rng: Rng) => Buffer;
  /** The checks may run on an instance earlier sharing checks left healthy (see `ServerCheck.sharesInstance`). */
  sharesInstance?: boolean;
}

/** `robust.survives-abrupt-close` (TCP only), `robust.survives-garbage`, `robust.no-crash-output`. */
export function robustServerChecks(opts: RobustServerOptions): ServerCheck[] {
  const checks: ServerCheck[] = [];
  const sharesInstance = opts.sharesInstance === true;
  if (opts.transport === 'tcp') {
    checks.push(
      defineServerCheck({
        id: 'robust.survives-abrupt-close',
        title: 'survives clients that reset or close mid-message, and serves the next one',
        weight: 1,
        budgetMs: 10_000,
        paceMs: RESET_QUIET_MS + STILL_SERVES_PACE_MS,
        sharesInstance,
        hint: 'wrap each client conversation in try/except (ConnectionResetError, BrokenPipeError) and close that connection only; recv returning b"" means the client closed',
        async run(ctx) {
          const a = await ctx.connect('client that resets');
          await a.send(opts.sample(ctx.rng).subarray(0, 5));
          await a.waitForQuiet(RESET_QUIET_MS, ctx.within(500), ctx.signal);
          await a.reset();
          const b = await ctx.connect('client that closes at once');
          b.close();
          const c = await ctx.connect('client that resets at once');
          await c.reset();
          await assertStillServes(ctx, 'a client reset its connection mid-message, another closed without sending and a third reset without sending', opts.sample(ctx.rng));
        },
      }),
    );
  }
  checks.push(
    defineServerCheck({
      id: 'robust.survives-garbage',
      title: 'survives random bytes (invalid UTF-8 included) and serves the next client',
      weight: 1,
      budgetMs: 10_000,
      paceMs: (opts.transport === 'udp' ? UDP_REPLIES_QUIET_MS : GARBAGE_QUIET_MS) + STILL_SERVES_PACE_MS,
      sharesInstance,
      hint: 'never assume what arrives is valid text: data.decode() raises UnicodeDecodeError on invalid UTF-8 (use errors="replace", or keep bytes)',
      async run(ctx) {
        const junk = garbage(ctx.rng.bytes(2048));
        if (ctx.transport === 'udp') {
          const c = await ctx.udp('client sending garbage');
          ctx.doing(`sending ${GARBAGE_DATAGRAMS} datagrams of random bytes`);
          await c.send(junk.subarray(0, 1200));
          // The second is always short (24 to 32 bytes), so a server that cannot take a short datagram meets one on every run.
          for (let i = 1; i < GARBAGE_DATAGRAMS && ctx.server.program.exit === undefined; i++) await c.send(garbage(ctx.rng.bytes(i === 1 ? ctx.rng.int(0, 8) : ctx.rng.int(8, 1200))));
          ctx.doing('waiting for the replies to the random datagrams, if any, to stop');
          for (let i = 0; i < GARBAGE_DATAGRAMS; i++) if (!(await c.receive(ctx.within(UDP_REPLIES_QUIET_MS), ctx.signal))) break;
          await assertStillServes(ctx, `it received ${GARBAGE_DATAGRAMS} datagrams of random bytes`, opts.sample(ctx.rng), c);
          return;
        }
        const c = await ctx.connect('client sending garbage');
        await c.send(junk);
        await c.waitForQuiet(GARBAGE_QUIET_MS, ctx.within(1500), ctx.signal);
        c.close();
        await assertStillServes(ctx, 'a client sent random bytes', opts.sample(ctx.rng));
      },
    }),
    defineServerCheck({
      id: 'robust.no-crash-output',
      title: 'prints no traceback or uncaught exception during the whole run',
      weight: 1,
      budgetMs: 10_000,
      paceMs: NO_CRASH_QUIET_MS,
      sharesInstance,
      hint: 'an exception in a thread or handler is printed even when the server keeps running: catch it where it happens and handle that client only',
      async run(ctx) {
        await opts.session(ctx).catch((err: unknown) => {
          if (!(err instanceof CheckFailure)) throw err;
        });
        await ctx.server.program.waitForQuiet(NO_CRASH_QUIET_MS, ctx.within(1000), ctx.signal).catch(() => {});
      },
      judgesRun(programs) {
        for (const { checkId, program, judgedBytes } of programs) {
          const crash = findCrash(program.outputBuffer().subarray(0, judgedBytes).toString('utf8'));
          if (crash) {
            throw new CheckFailure(`the server printed a ${crash.name} during check ${checkId}`, {
              received: visibleText(crash.excerpt),
              hint: "the reproduce line runs that check too; the traceback's last lines name the exception and the line that raised it",
              alsoRun: [checkId],
            });
          }
        }
      },
    }),
  );
  return checks;
}

/** What `robust.no-server` needs from an exercise. */
export interface NoServerOptions {
  transport: 'tcp' | 'udp';
  /** Time the program has to give up; a function when a parameter sets it. */
  giveUpMs: number | ((params: ParamValues) => number);
  /** The message typed at its prompt (and given as `{message}`). */
  message: (rng: Rng) => string;
  /** Prepares the launch (files in `ctx.workDir`, placeholders) and may replace the message. */
  prepare?: (ctx: ClientCheckContext) => Promise<ClientLaunch>;
  /** How diagnoses call the program and its missing peer. Default: client and server. */
  names?: { program: string; peer: string };
  title?: string;
  hint?: string;
}

/** `robust.no-server`: with nothing listening, a client fails cleanly, in one line, with a non-zero exit. */
export function robustNoServerCheck(opts: NoServerOptions): ClientCheck {
  const { program: who, peer } = opts.names ?? { program: 'client', peer: 'server' };
  const giveUp = (p: ParamValues): number => (typeof opts.giveUpMs === 'function' ? opts.giveUpMs(p) : opts.giveUpMs);
  return defineClientCheck({
    id: 'robust.no-server',
    title: opts.title ?? `with no ${peer}, reports the failure in one line and exits non-zero within ${typeof opts.giveUpMs === 'number' ? formatMs(opts.giveUpMs) : 'its give-up time'}`,
    weight: 1,
    budgetMs: (p) => giveUp(p) + 3000,
    hint: opts.hint ?? (opts.transport === 'tcp' ? 'catch ConnectionRefusedError around connect(), print one line saying what failed, and sys.exit(1)' : 'set a timeout on the socket (settimeout), catch socket.timeout, print one line and sys.exit(1)'),
    async run(ctx) {
      const limit = giveUp(ctx.params);
      const port = ctx.offered.port;
      const busy = [port, ...ctx.alsoListen].filter((p) => portInUse(p, opts.transport));
      if (busy.length > 0) throw new CheckSkipped(`port ${busy.join(', ')} is in use by another program on this machine, so "no ${peer}" cannot be arranged`);
      const launch = { message: opts.message(ctx.rng), ...(await opts.prepare?.(ctx)), port };
      const program = ctx.launchClient(launch);
      ctx.doing(`waiting for the ${who} to give up (it was started with nothing listening on port ${port})`);
      const exit = await program.waitForExit(ctx.within(limit), ctx.signal).catch(() => undefined);
      if (!exit) {
        throw new CheckFailure(`the ${who} was still running ${formatMs(limit)} after it started, with no ${peer} to talk to`, {
          hint: opts.transport === 'udp' ? `a UDP ${who} never learns that nobody listens: wait for the reply with a timeout (settimeout), retry a bounded number of times, and give up` : 'set a timeout and handle ConnectionRefusedError',
        });
      }
      const out = program.outputText();
      const crash = findCrash(out);
      if (crash) throw new CheckFailure(`the ${who} crashed with a ${crash.name} instead of reporting the failure`, { received: visibleText(crash.excerpt) });
      if (!out.split('\n').some((l) => l.trim() !== '')) throw new CheckFailure(`the ${who} exited (${describeExit(exit)}) without printing why`, {});
      if (exit.code === 0) {
        throw new CheckFailure(`the ${who} exited with code 0 although it could not talk to any ${peer}`, {
          hint: 'exit with a non-zero code (sys.exit(1)) when the program fails, so scripts and graders can tell',
          received: visibleText(out.slice(-300)),
        });
      }
    },
  });
}
