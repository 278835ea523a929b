/**
 * Server instances that checks may share. A check that declares `sharesInstance` may run on an
 * instance earlier sharing checks used and left healthy, instead of starting the submission
 * again; the engine re-runs such a check on a fresh instance before a failure counts, so only a
 * pass is ever taken from a used instance. Whatever is left is stopped, and its box closed, when
 * the run ends.
 */
import { findCrash } from '../diagnose/output.js';
import type { Program } from '../process/program.js';
import type { Box } from '../sandbox/box.js';
import { watchStarvation } from '../util/starvation.js';
import type { LaunchedServer } from './context.js';
import { onInterrupt } from './interrupt.js';

/** One launched server, with the box it runs in; it owns its programs, not the checks that use it. */
export class ServerInstance {
  server: LaunchedServer | undefined;
  private readonly programs: Program[] = [];
  private readonly releases: (() => void)[] = [];
  private retired: Promise<string | undefined> | undefined;

  constructor(readonly box: Box) {}

  /** Takes charge of a program launched in the box: stopped on an interrupt and when the instance is retired. */
  own(program: Program): Program {
    this.programs.push(program);
    this.releases.push(
      onInterrupt('processes', () => program.stop(0)),
      watchStarvation(program.pid),
    );
    return program;
  }

  /**
   * Whether a later check may use it: the server still runs, printed no crash since byte
   * `since` of its output, and none of its output was dropped (a later check that judges the
   * whole run must see all of it).
   */
  healthy(since: number): boolean {
    const program = this.server?.program;
    if (!program || program.ending || program.outputDropped > 0) return false;
    return findCrash(program.outputBuffer().subarray(since).toString('utf8')) === undefined;
  }

  /** Stops its programs (once; the box stays); never rejects: what cannot be stopped is left to the box's end. */
  async stopPrograms(): Promise<void> {
    await Promise.allSettled(this.programs.splice(0).map((p) => p.stop()));
    for (const release of this.releases.splice(0)) release();
  }

  /** Stops its programs and closes its box (once); resolves with what closing the box left to say, if anything. */
  retire(): Promise<string | undefined> {
    this.retired ??= this.stopPrograms().then(() => this.box.close());
    return this.retired;
  }
}

/**
 * The run's idle, healthy server instances. Once a sharing check has not passed, it keeps none:
 * a submission that fails checks would pay each failure twice (on a used instance, then on a
 * fresh one), so the rest of its run starts every check on a fresh instance, as without sharing.
 */
export class InstancePool {
  private readonly idle: ServerInstance[] = [];
  private closed = false;

  /** An idle instance, if there is one; it is the caller's until given back or retired. */
  take(): ServerInstance | undefined {
    return this.closed ? undefined : this.idle.pop();
  }

  /** Keeps an instance for the next sharing check; false once the pool is closed (the caller retires it). */
  give(instance: ServerInstance): boolean {
    if (this.closed) return false;
    this.idle.push(instance);
    return true;
  }

  /** A sharing check did not pass: from now on no instance is kept; resolves with what retiring the idle ones left to say. */
  close(): Promise<string[]> {
    this.closed = true;
    return this.retireAll();
  }

  /** Retires every idle instance; resolves with what closing their boxes left to say. */
  async retireAll(): Promise<string[]> {
    const left = await Promise.all(this.idle.splice(0).map((i) => i.retire()));
    return left.filter((l): l is string => l !== undefined);
  }
}
