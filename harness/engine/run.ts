/**
 * The engine: runs the checks of one exercise against one submission, in parallel where they
 * are independent, each within its budget and on its own instance of the submission, and
 * turns what happened into the result model. Nothing a check starts outlives it.
 */
import { mkdtemp } from 'node:fs/promises';
import { chmodSync, writeFileSync } from 'node:fs';
import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import { isIP } from 'node:net';
import { budgetOf, paceOf, type Check } from '../model/check.js';
import type { ParamValues } from '../model/params.js';
import { CheckFailure, CheckInconclusive, CheckNotReached, CheckSkipped } from '../model/failure.js';
import { canonicalPortOf, transportOf } from '../model/exercise.js';
import { roleNotGiven, sumPoints, type CheckResult, type Evidence, type GradeResult, type Role } from '../model/result.js';
import { Program, ProgramExited, describeExit } from '../process/program.js';
import { Aborted, WaitTimeout, formatMs } from '../util/deadline.js';
import { Rng } from '../util/rng.js';
import { freePort } from '../net/free-port.js';
import { ClientCheckContext, ServerCheckContext, type CheckContext, type RecordedProgram } from './context.js';
import { launchServer, STAY_IN_FOREGROUND } from './server-launch.js';
import { PortLocks } from './port-lock.js';
import { PortPlan } from './port-plan.js';
import { fillPlaceholders, hasPlaceholder, shellQuote, type RunSettings } from './settings.js';
import { crashSummary, programOutputForReport } from '../diagnose/output.js';
import { leadWithCrash } from '../diagnose/crash-lead.js';
import { environmentFault } from '../diagnose/environment.js';
import { refusedConnect, wrongPortInstruction } from '../diagnose/wrong-port.js';
import { hostMapSupport, hostsFileText } from '../process/host-map.js';
import { onInterrupt } from './interrupt.js';
import { removeTree } from '../util/remove-tree.js';
import { patientTimer } from '../util/starvation.js';
import { mappedNames, startNameService } from './name-service.js';
import { Box } from '../sandbox/box.js';
import { InstancePool, ServerInstance } from './instance-pool.js';
import { releaseStaged } from '../sandbox/staging.js';
import type { TraceSession } from '../trace/session.js';
import { wallMicros } from '../trace/clock.js';

/** Callbacks for reporters that show progress while the run goes on. */
export interface RunHooks {
  onCheckEnd?: (result: CheckResult) => void;
}

const HOST = '127.0.0.1';

/** Grades one submission; never throws for anything the submission does. */
export async function grade(settings: RunSettings, hooks: RunHooks = {}): Promise<GradeResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const ex = settings.exercise;
  const notes: string[] = [...(settings.notes ?? [])];
  const selected = ex.checks.filter((c) => settings.only.length === 0 || settings.only.some((p) => c.id.startsWith(p)));
  const results = new Map<Check, CheckResult>();
  const done = (c: Check, r: CheckResult): void => {
    results.set(c, r);
    hooks.onCheckEnd?.(r);
  };

  const runnable: Check[] = [];
  for (const c of selected) {
    const na = c.notApplicable?.(settings.params);
    if (na) done(c, skipped(c, `not applicable: ${na}`, 0));
    else if (!settings.commands[c.role]) done(c, skipped(c, roleNotGiven(c.role), 0));
    else runnable.push(c);
  }

  const root = await mkdtemp(join(settings.tmpRoot, 'sockgrade-'));
  const forgetRoot = onInterrupt('files', () => removeTree(root));
  if (settings.sandbox?.perCheckUid) chmodSync(root, 0o711);
  const locks = new PortLocks();
  const plans: Record<Role, PortPlan> = {
    server: new PortPlan(locks, serverPortMode(settings)),
    client: new PortPlan(locks, clientPortMode(settings)),
  };
  const recorded: Record<Role, RecordedProgram[]> = { server: [], client: [] };
  const learnedNotes = new Set<string>();

  const traceDir = settings.trace;
  const trace =
    traceDir !== undefined && runnable.length > 0
      ? await import('../trace/session.js').then((m) => m.TraceSession.open(traceDir, root, settings.isolation?.hermetic === true)).catch((err: Error) => err)
      : undefined;
  if (trace instanceof Error) notes.push(`packets were not recorded: ${trace.message}`);
  const session = trace instanceof Error ? undefined : trace;
  const jobs = session ? 1 : settings.jobs;
  if (session) notes.push(`packets recorded into ${settings.trace}, one pcap per check (the checks ran one at a time so that every packet belongs to one check)`);

  const instances = new InstancePool();
  const state: RunState = { settings, root, plans, recorded, learnedNotes, instances, ...(session ? { trace: session } : {}) };
  const again: Check[] = [];
  const toJudge: [Check, CheckResult][] = [];
  const runOne = async (check: Check, retry = false): Promise<void> => {
    session?.checkStarts(check.role, check.id);
    const r = await runCheck(check, state, !session);
    if (INCONCLUSIVE.has(r) && !retry) again.push(check);
    else if (check.judgesRun && r.status === 'pass') toJudge.push([check, r]);
    else done(check, retry && INCONCLUSIVE.has(r) ? { ...r, message: `${r.message} (also when run again by itself)` } : r);
  };

  try {
    await pool(byPace(runnable.filter((c) => !c.runsAlone), settings.params), jobs, runOne);
    await pool(byPace(runnable.filter((c) => c.runsAlone), settings.params), 1, runOne);
    await pool(again.splice(0), 1, (c) => runOne(c, true));
    for (const [check, passed] of toJudge) done(check, judgeRun(check, passed, recorded[check.role], settings));
    if (session) {
      const traces = await session.close([...results.values()]).catch((err: Error) => err);
      if (traces instanceof Error) notes.push(`packets were not recorded: ${traces.message}`);
      else for (const r of results.values()) {
        const t = traces.get(`${r.role}:${r.id}`);
        if (t) r.trace = t;
      }
    }
  } finally {
    for (const left of await instances.retireAll()) learnedNotes.add(left);
    const left = await removeTree(root);
    forgetRoot();
    if (left) notes.push(left);
    releaseStaged();
  }
  notes.push(...learnedNotes);

  const checks = ex.checks.filter((c) => results.has(c)).map((c) => results.get(c) as CheckResult);
  return {
    exercise: ex.id,
    params: settings.params,
    score: sumPoints(checks.map((c) => c.points)),
    maxScore: sumPoints(checks.map((c) => c.maxPoints)),
    checks,
    run: {
      seed: settings.seed,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      isolation: settings.isolation?.description ?? 'off (shared loopback; instances that share a fixed port run one at a time)',
      notes,
      commands: settings.commands,
    },
  };
}

/**
 * Every server instance is offered a port of its own, whatever the command says (`{port}` or
 * not, `--port` or not): where the server listens is learned from the first instance, and only a
 * server that binds a fixed port sockgrade cannot move has its instances run one at a time.
 */
function serverPortMode(s: RunSettings): ConstructorParameters<typeof PortPlan>[1] {
  const cmd = s.commands.server;
  if (!cmd) return { mode: 'free' };
  return { mode: 'discover', ...(hasPlaceholder(cmd, 'port') ? { unlearned: 'free' as const } : {}) };
}

function clientPortMode(s: RunSettings): ConstructorParameters<typeof PortPlan>[1] {
  const cmd = s.commands.client;
  if (!cmd) return { mode: 'free' };
  if (s.declaredPort !== undefined) return { mode: 'fixed', port: s.declaredPort };
  if (hasPlaceholder(cmd, 'port')) return { mode: 'free' };
  return { mode: 'fixed', port: canonicalPortOf(s.exercise, s.params) };
}

interface RunState {
  settings: RunSettings;
  root: string;
  plans: Record<Role, PortPlan>;
  recorded: Record<Role, RecordedProgram[]>;
  learnedNotes: Set<string>;
  /** Healthy server instances left by checks that share them. */
  instances: InstancePool;
  trace?: TraceSession;
}

function sharesInstance(check: Check): boolean {
  return check.role === 'server' && check.sharesInstance === true;
}

/**
 * Runs one check; a server check that `sharesInstance` may take a used instance when `mayReuse`.
 * One that does not pass there runs again on a fresh instance, whose result counts; once a
 * sharing check has not passed, the run keeps no instance.
 */
async function runCheck(check: Check, st: RunState, mayReuse: boolean): Promise<CheckResult> {
  const shares = sharesInstance(check);
  const used = shares && mayReuse ? st.instances.take() : undefined;
  const result = await runCheckOn(check, st, used);
  if (!shares || result.status === 'pass') return result;
  for (const left of await st.instances.close()) st.learnedNotes.add(left);
  return used ? runCheckOn(check, st, undefined) : result;
}

async function runCheckOn(check: Check, st: RunState, used: ServerInstance | undefined): Promise<CheckResult> {
  const { settings } = st;
  const budget = budgetOf(check, settings.params);
  let ticket = await st.plans[check.role].enter();
  const t0 = performance.now();
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  const box = used?.box ?? (await Box.create(st.root, `${check.role}-${check.id}-`, settings.sandbox));
  const instance = check.role === 'server' ? (used ?? new ServerInstance(box)) : undefined;
  const scratch = box.workDir;
  let outputAtStart = 0;
  let passed = false;
  const rng = new Rng(settings.seed).fork(check.id);
  let ctx: CheckContext | undefined;
  let cancelBudget: (() => void) | undefined;
  let budgetExpired = false;
  let running: Promise<void> | undefined;
  let everyNameMapped = false;
  try {
    const armBudget = (): Promise<never> =>
      new Promise<never>((_, reject) => {
        cancelBudget = patientTimer(budget, () => {
          budgetExpired = true;
          abort.abort(new Error('budget'));
          reject(new Aborted());
        });
      });
    if (check.role === 'server') {
      const startupDeadline = performance.now() + settings.startupMs + budget;
      const sctx = new ServerCheckContext(check.id, settings.params, rng, abort.signal, budget, startupDeadline);
      ctx = sctx;
      sctx.transport = transportOf(settings.exercise, settings.params);
      sctx.workDir = scratch;
      if (st.trace) {
        const trace = st.trace;
        const since = wallMicros();
        trace.checkOrigin(check.role, check.id, since - (performance.now() - sctx.origin) * 1000);
        sctx.packets = () => trace.packetsSince(since, abort.signal);
      }
      sctx.replay = settings.replay;
      sctx.manifest = settings.manifest;
      if (used?.server) {
        sctx.server = used.server;
        sctx.borrow(used.server.program);
        outputAtStart = used.server.program.outputLength;
      } else {
        const offered = await freePort(HOST);
        sctx.doing('waiting for the server to start listening');
        sctx.server = await launchServer({
          command: fillPlaceholders(settings.commands.server as string, { ...paramPlaceholders(settings), host: HOST, port: offered }),
          box,
          transport: transportOf(settings.exercise, settings.params),
          offeredPort: offered,
          ...(settings.env ? { env: settings.env } : {}),
          ...(settings.declaredPort !== undefined ? { declaredPort: settings.declaredPort } : {}),
          moveHardCodedPort: true,
          startupMs: settings.startupMs,
          outputCapBytes: settings.outputCapBytes,
          signal: abort.signal,
          track: (p) => sctx.borrow((instance as ServerInstance).own(p)),
        });
        (instance as ServerInstance).server = sctx.server;
        // Learned from the leader: later instances are serialised on these ports whatever they show at start.
        // (Kept by the run's port plan: every check gets a RunState of its own.)
        const helperPorts = ticket.leader ? sctx.server.program.fixedBinds().filter((p) => p !== sctx.server.port) : [...st.plans.server.helperPorts];
        if (ticket.leader) {
          const release = await st.plans.server.learned(sctx.server.port, !sctx.server.hardCoded, helperPorts);
          const leaderRelease = ticket.release;
          ticket = { leader: false, release: () => (release(), leaderRelease()) };
        }
        for (const p of helperPorts) st.learnedNotes.add(`the server's processes also bind port ${p} themselves (kept as it is); its instances ran one at a time`);
        const moved = sctx.server.program.movedBindPort();
        if (moved !== undefined) {
          st.learnedNotes.add(`the server binds port ${moved}, which it hard-codes; sockgrade's Python start-up hook gave each check's instance a port of its own${helperPorts.length === 0 ? ', so the checks ran in parallel' : ''}`);
        }
        for (const a of sctx.server.startupAnswers ?? []) {
          const typed = a.typed === '' ? 'an empty line (the default)' : a.typed === String(sctx.server.port) ? 'the port it offered' : a.typed;
          st.learnedNotes.add(`the server asked at start-up "${a.prompt}"; sockgrade typed ${typed}`);
        }
        if (sctx.server.hardCoded && settings.declaredPort === undefined) {
          st.learnedNotes.add(`the server listens on port ${sctx.server.port}, which it chose itself (found in the kernel's socket table); its instances ran one at a time`);
        }
      }
      sctx.deadline = performance.now() + budget;
      sctx.doing('running');
      running = check.run(sctx);
      await Promise.race([running, armBudget()]);
    } else {
      const cctx = new ClientCheckContext(check.id, settings.params, rng, abort.signal, budget, performance.now() + budget);
      ctx = cctx;
      cctx.transport = transportOf(settings.exercise, settings.params);
      cctx.workDir = scratch;
      if (st.trace) {
        const trace = st.trace;
        const since = wallMicros();
        trace.checkOrigin(check.role, check.id, since - (performance.now() - cctx.origin) * 1000);
        cctx.packets = () => trace.packetsSince(since, abort.signal);
      }
      cctx.replay = settings.replay;
      cctx.manifest = settings.manifest;
      const fixed = st.plans.client.fixedPort;
      const port = settings.declaredPort ?? (await freePort(HOST));
      cctx.offered = { host: settings.declaredHost ?? HOST, port };
      cctx.declared = settings.declaredPort !== undefined;
      cctx.command = settings.commands.client ?? '';
      if (settings.isolation?.hermetic) cctx.listenHost = '0.0.0.0';
      else if (settings.declaredHost !== undefined && isIP(settings.declaredHost) === 0) cctx.listenHost = HOST;
      cctx.alsoListen = settings.declaredPort === undefined && fixed !== undefined ? [fixed] : [];
      const nameService = await startNameService(settings, st.root, check.id, HOST);
      if (nameService) {
        everyNameMapped = !settings.exercise.unknownNamesFail;
        cctx.own(undefined, () => nameService.responder.close());
        cctx.resolvedNames = () => [...nameService.responder.asked];
      }
      let hostsFiles = 0;
      let netLogs = 0;
      cctx.launcher = ({ port: p, message, label, placeholders, hosts, outputCapBytes }) => {
        const names: Record<string, string> = { ...mappedNames(settings, HOST), ...hosts };
        let hostsFile: string | undefined;
        if ((nameService || Object.keys(names).length > 0) && hostMapSupport().available) {
          hostsFile = join(st.root, `hosts-${check.id}-${++hostsFiles}`);
          writeFileSync(hostsFile, hostsFileText(names));
        }
        return new Program({
          command: fillPlaceholders(settings.commands.client as string, { ...paramPlaceholders(settings), ...placeholders, host: cctx.offered.host, port: p, ...(message !== undefined ? { message } : {}) }),
          box,
          env: { ...settings.env, HOST: cctx.offered.host, PORT: String(p), ...(message !== undefined ? { MESSAGE: message } : {}) },
          label,
          outputCapBytes: Math.max(settings.outputCapBytes, outputCapBytes ?? 0),
          netLog: `${scratch}.net-${++netLogs}.log`,
          ...(hostsFile ? { hostsFile, ...(nameService ? { files: nameService.files } : {}) } : {}),
        });
      };
      running = check.run(cctx);
      await Promise.race([running, armBudget()]);
    }
    const fault = setUpFault(ctx, settings, everyNameMapped);
    if (fault) return finish(check, 'error', fault, { notes: [...ctx.notes, ...addressNotes(ctx.launched())] }, t0);
    passed = true;
    return finish(check, 'pass', '', ctx && ctx.notes.length > 0 ? { notes: [...ctx.notes] } : {}, t0);
  } catch (err) {
    if (ctx) {
      await Promise.all(
        ctx.launched().map(async (program) => {
          await settleOutput(program);
          await tracebackEnd(program);
        }),
      );
    }
    const failed = failureResult(check, err, { budgetExpired, budget, ctx, settings, t0, everyNameMapped });
    return ctx ? leadWithCrash(failed, ctx.launched()) : failed;
  } finally {
    cancelBudget?.();
    abort.abort(new Error('check finished'));
    if (ctx) {
      // A program that was ending when the check ended (a crash the check caused) is judged on all it printed before its end.
      await Promise.all(ctx.launched().map(settleOutput));
      const judged = ctx.launched().map((program) => ({ checkId: check.id, program, judgedBytes: program.outputLength }));
      await ctx.dispose();
      st.recorded[check.role].push(...judged);
    }
    const reusable = instance !== undefined && passed && sharesInstance(check) && st.plans.server.independent && instance.healthy(outputAtStart);
    if (instance && !reusable) await instance.stopPrograms();
    ticket.release();
    // A check cut off by its budget may still be writing into its folder: let it stop first (bounded).
    if (running) await settledWithin(running, 2000);
    if (!(instance && reusable && st.instances.give(instance))) {
      const left = instance ? await instance.retire() : await box.close();
      if (left) st.learnedNotes.add(left);
    }
  }
}

/**
 * Lets what a program printed reach sockgrade: output in flight, and all of it when the program
 * has ended or is ending (its end marker comes after its last output, which a loaded machine may
 * deliver well after the program closed its port).
 */
async function settleOutput(program: Program): Promise<void> {
  await program.waitForQuiet(25, 300).catch(() => {});
  if (program.ending) await program.waitForExit(2000).catch(() => {});
}

/**
 * Waits, at most 2 s, for a Python traceback the program has begun printing to be complete (or
 * for the program to end), so that the diagnosis names its exception: on a loaded machine the
 * interpreter may be paused between the traceback's lines.
 */
async function tracebackEnd(program: Program): Promise<void> {
  const text = program.outputText();
  if (!text.includes('Traceback (most recent call last):') || crashSummary(text)) return;
  await Promise.race([
    program.waitForText('the end of its traceback', (text) => (crashSummary(text) ? true : undefined), 2000),
    program.waitForExit(2000),
  ]).catch(() => {});
}

/** Longest first (see `Check.paceMs`); checks of equal pace keep their order. */
function byPace(checks: readonly Check[], params: ParamValues): Check[] {
  return [...checks].sort((a, b) => paceOf(b, params) - paceOf(a, params));
}

/** The verdict of a check that judges the whole run (`Check.judgesRun`), whose own run passed. */
function judgeRun(check: Check, passed: CheckResult, programs: readonly RecordedProgram[], settings: RunSettings): CheckResult {
  const t0 = performance.now() - passed.durationMs;
  try {
    check.judgesRun?.(programs);
    return finish(check, 'pass', '', passed.evidence, t0);
  } catch (err) {
    const failed = failureResult(check, err, { budgetExpired: false, budget: budgetOf(check, settings.params), ctx: undefined, settings, t0, everyNameMapped: false });
    return passed.evidence.notes ? { ...failed, evidence: { ...failed.evidence, notes: [...(failed.evidence.notes ?? []), ...passed.evidence.notes] } } : failed;
  }
}

/** Results of checks that ended in {@link CheckInconclusive}: run again once, by themselves. */
const INCONCLUSIVE = new WeakSet<CheckResult>();

function failureResult(check: Check, err: unknown, info: { budgetExpired: boolean; budget: number; ctx: CheckContext | undefined; settings: RunSettings; t0: number; everyNameMapped: boolean }): CheckResult {
  const { ctx } = info;
  const evidence: Evidence = {};
  if (ctx) {
    const programs = ctx.launched();
    const main = programs[programs.length - 1];
    if (main) {
      const out = programOutputForReport(main);
      if (out) evidence.programOutput = out;
      if (main.exit) evidence.programExit = describeExit(main.exit);
    }
    evidence.transcripts = ctx.transcriptViews();
    const notes = [...ctx.notes, ...addressNotes(programs)];
    if (notes.length > 0) evidence.notes = notes;
  }
  // A server whose launched process exited while a process it forked served: a daemon, ended with its sandbox.
  const server = ctx?.launched().find((p) => p.transcript.label === 'server');
  // Whatever the check then saw (a refused connection, a closed one), that is the cause to name.
  const daemonised = server?.exit !== undefined && server.servedFromFork();
  const checkHint = daemonised ? STAY_IN_FOREGROUND : check.hint;
  evidence.reproduce = reproduceCommand(check, info.settings, err instanceof CheckFailure ? err.details.replay : undefined, err instanceof CheckFailure ? err.details.alsoRun : undefined);
  if (err instanceof CheckSkipped) return { ...finish(check, 'skip', err.message, {}, info.t0), maxPoints: 0 };
  const fault = setUpFault(ctx, info.settings, info.everyNameMapped);
  if (fault) return finish(check, 'error', fault, evidence, info.t0);
  if (err instanceof CheckInconclusive) {
    const r = finish(check, 'error', `could not be judged (not the submission's fault): ${err.message}`, evidence, info.t0);
    INCONCLUSIVE.add(r);
    return r;
  }
  if (err instanceof CheckNotReached) return finish(check, 'fail', `not reached: ${err.message}`, { ...evidence, ...(checkHint ? { hint: checkHint } : {}) }, info.t0);
  if (err instanceof CheckFailure) {
    const hint = daemonised && !err.details.hint?.includes('foreground') ? STAY_IN_FOREGROUND : (err.details.hint ?? check.hint);
    return finish(check, 'fail', withPortInstruction(err.message, ctx), { ...evidence, ...pick(err.details, 'expected', 'received'), ...(hint ? { hint } : {}) }, info.t0);
  }
  if (info.budgetExpired || err instanceof Aborted) {
    return finish(check, 'fail', `did not finish within its time budget of ${formatMs(info.budget)}; it was ${ctx?.step ?? 'starting'}`, { ...evidence, budgetMs: info.budget, ...(checkHint ? { hint: checkHint } : {}) }, info.t0);
  }
  if (err instanceof ProgramExited) {
    return finish(check, 'fail', `the ${err.program.transcript.label} exited (${err.program.exit ? describeExit(err.program.exit) : '?'}) while sockgrade was waiting for ${err.waitingFor}`, { ...evidence, ...(checkHint ? { hint: checkHint } : {}) }, info.t0);
  }
  if (err instanceof WaitTimeout) {
    return finish(check, 'fail', `gave up waiting for ${err.what} after ${formatMs(err.ms)}`, { ...evidence, ...(checkHint ? { hint: checkHint } : {}) }, info.t0);
  }
  const e = err instanceof Error ? err : new Error(String(err));
  return finish(check, 'error', `sockgrade itself failed in this check (not the submission's fault): ${e.message}`, { ...evidence, stack: e.stack ?? e.message }, info.t0);
}

/** The set-up fault (a module not installed, a name not mapped…) that decided the check, as its error message, if any. */
function setUpFault(ctx: CheckContext | undefined, settings: RunSettings, everyNameMapped: boolean): string | undefined {
  if (!ctx) return undefined;
  const fault = environmentFault(ctx.launched(), { everyNameMapped, lookupsJudged: settings.exercise.unknownNamesFail === true, isolation: settings.isolation?.description ?? 'off' });
  return fault === undefined ? undefined : `not the submission's fault: ${fault}`;
}

/** A failed client that connected to a port where nothing listened is told first which --port grades it as it is. */
function withPortInstruction(message: string, ctx: CheckContext | undefined): string {
  if (!(ctx instanceof ClientCheckContext) || !ctx.offered) return message;
  const main = ctx.launched().at(-1);
  const neverReached = /^the client (exited before connecting|did not connect) to sockgrade's/.test(message);
  const at = main ? refusedConnect(main.netCalls(), [ctx.offered.port, ...ctx.alsoListen], neverReached) : undefined;
  return at ? `${wrongPortInstruction('client', at)}\n${message}` : message;
}

/** Exercise parameters as `{name}` placeholders for commands (e.g. `{order}`), so a program can be told a parameter's value. */
function paramPlaceholders(settings: RunSettings): Record<string, string> {
  return Object.fromEntries(Object.entries(settings.params).map(([k, v]) => [k, String(v)]));
}

/** What each program asked the network for (Python programs), so a student sees which address their program used. */
function addressNotes(programs: readonly Program[]): string[] {
  const out: string[] = [];
  for (const p of programs) {
    const calls = p.netCalls();
    if (calls.length === 0) continue;
    const shown = calls.slice(0, 6).join(', ');
    out.push(`the ${p.transcript.label}'s socket calls: ${shown}${calls.length > 6 ? `, and ${calls.length - 6} more` : ''}`);
  }
  return [...new Set(out)];
}

function pick<T extends object, K extends keyof T>(obj: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

function finish(check: Check, status: CheckResult['status'], message: string, evidence: Evidence, t0: number): CheckResult {
  return {
    id: check.id,
    title: check.title,
    role: check.role,
    status,
    points: status === 'pass' ? check.weight : 0,
    maxPoints: check.weight,
    durationMs: Math.round(performance.now() - t0),
    message,
    evidence,
    ...(check.visibility === 'hidden' ? { visibility: 'hidden' as const } : {}),
  };
}

function skipped(check: Check, reason: string, maxPoints: number): CheckResult {
  return { id: check.id, title: check.title, role: check.role, status: 'skip', points: 0, maxPoints, durationMs: 0, message: reason, evidence: {}, ...(check.visibility === 'hidden' ? { visibility: 'hidden' as const } : {}) };
}

/** The command that replays one check with the same seed and parameters (and `alsoRun`, the checks its failure was seen in). */
export function reproduceCommand(check: Check, s: RunSettings, replay?: string, alsoRun: readonly string[] = []): string {
  const parts = ['sockgrade', 'grade', s.exercise.id];
  const cmd = s.commands[check.role];
  if (cmd) parts.push(`--${check.role}`, shellQuote(cmd));
  if (s.declaredPort !== undefined) parts.push('--port', String(s.declaredPort));
  if (s.declaredHost !== undefined) parts.push('--host', s.declaredHost);
  if (s.manifestPath !== undefined) parts.push('--manifest', shellQuote(s.manifestPath));
  for (const [k, v] of Object.entries(s.params)) {
    if (s.exercise.params[k]?.default !== v) parts.push('--param', shellQuote(`${k}=${v}`));
  }
  parts.push('--only', [check.id, ...alsoRun.filter((id) => id !== check.id)].join(','), '--seed', String(s.seed));
  if (replay) parts.push('--replay', replay);
  return parts.join(' ');
}

/** Waits until `p` settles, at most `ms`. */
async function settledWithin(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p.then(() => {}, () => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

async function pool<T>(items: readonly T[], jobs: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
}
