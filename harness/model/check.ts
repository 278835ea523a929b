/**
 * A check is one declarative unit: id, title, role, weight, time budget and a run function.
 * The engine schedules it, gives it a context, enforces its budget and turns what it throws
 * into a result.
 */
import type { ParamValues } from './params.js';
import type { Role, Visibility } from './result.js';
import type { ServerCheckContext, ClientCheckContext, RecordedProgram } from '../engine/context.js';

interface CheckBase {
  /** Stable id, e.g. `echo.large`: used in reports, JUnit names, fixtures and `--only`. */
  id: string;
  /** One line for the student, saying what is checked. */
  title: string;
  /** Points when it passes. Zero makes a check informational (it still reports pass/fail). */
  weight: number;
  /** Time the check's own work may take, after the program is up; a function when it depends on parameters. */
  budgetMs: number | ((params: ParamValues) => number);
  /** A hint shown with the diagnosis when the check fails. */
  hint?: string;
  /** Returns a reason when the check does not apply with these parameters (it is then skipped and not counted). */
  notApplicable?: (params: ParamValues) => string | undefined;
  /**
   * Judges the whole run once every other check of its role has ended: the check's `run` goes
   * first, like any check's (it may exercise the program itself, or do nothing), then, if it
   * passed, this is given every program launched during the run, with how much of its output
   * each check judged; what it throws is the verdict. The check holds no program meanwhile, so
   * the run is not made longer by it.
   */
  judgesRun?: (programs: readonly RecordedProgram[]) => void;
  /**
   * The least time the check takes on a correct program: the pauses and quiet waits it imposes
   * (a function when a parameter sets them). Only scheduling reads it: the checks that take
   * longest start first, so that none of them starts late and ends the run after the others.
   * Default 0.
   */
  paceMs?: number | ((params: ParamValues) => number);
  /**
   * When true, the check loads the machine heavily (hundreds of clients): it runs by itself,
   * after the other checks of its role, so that its load never delays their timed waits.
   */
  runsAlone?: boolean;
  /** `hidden`: students see only that a hidden check passed or failed (set by the course config); default visible. */
  visibility?: Visibility;
}

/** A check of a submitted server: sockgrade launches it and plays the clients. */
export interface ServerCheck extends CheckBase {
  role: 'server';
  /**
   * When true, the check may run on an instance of the server that earlier such checks used and
   * left healthy (still running, no crash printed), instead of a fresh one: for checks that judge
   * only what the server does on the connections they open themselves, never its start-up, its
   * output, its working folder or how long it has run. A check that does not pass on a used instance is run again on
   * a fresh one, and that verdict counts.
   */
  sharesInstance?: boolean;
  run(ctx: ServerCheckContext): Promise<void>;
}

/** A check of a submitted client: sockgrade plays the server and launches the client itself. */
export interface ClientCheck extends CheckBase {
  role: 'client';
  run(ctx: ClientCheckContext): Promise<void>;
}

/** Any check. */
export type Check = ServerCheck | ClientCheck;

/** Declares a server check (identity function that fixes the types). */
export function defineServerCheck(check: Omit<ServerCheck, 'role'>): ServerCheck {
  return { ...check, role: 'server' };
}

/** Declares a client check. */
export function defineClientCheck(check: Omit<ClientCheck, 'role'>): ClientCheck {
  return { ...check, role: 'client' };
}

/** The budget of `check` under `params`. */
export function budgetOf(check: Check, params: ParamValues): number {
  return typeof check.budgetMs === 'function' ? check.budgetMs(params) : check.budgetMs;
}

/** The least time `check` takes under `params` (see `paceMs`). */
export function paceOf(check: Check, params: ParamValues): number {
  return typeof check.paceMs === 'function' ? check.paceMs(params) : (check.paceMs ?? 0);
}

/** Roles in a stable order. */
export const ROLES: readonly Role[] = ['server', 'client'];
