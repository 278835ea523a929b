/** Everything one grading run needs to know, decided before any check starts. */
import { availableParallelism } from 'node:os';
import type { Exercise } from '../model/exercise.js';
import type { ParamValues } from '../model/params.js';
import type { Role } from '../model/result.js';
import type { SandboxPolicy } from '../sandbox/policy.js';

/**
 * Checks a grading runs at once unless told (`--jobs`): twice the cores, at least 2 and at most
 * 4, shared among the `gradingsAtOnce` gradings a batch runs side by side (each starts an
 * instance of the submission per check it runs at once, and the CPU is what a batch is short of).
 */
export function defaultCheckJobs(gradingsAtOnce = 1): number {
  return Math.max(2, Math.min(4, Math.floor((availableParallelism() * 2) / Math.max(1, gradingsAtOnce))));
}

/** Settings of one `sockgrade grade` run. */
export interface RunSettings {
  exercise: Exercise;
  params: ParamValues;
  /** Seed of every random choice; printed in the report so a run can be replayed. */
  seed: number;
  /** Command lines for the roles given. */
  commands: Partial<Record<Role, string>>;
  /** Port the submission hard-codes (`--port`): a server listens there, a client connects there. */
  declaredPort?: number;
  /** Host a hard-coded client connects to (`--host`). */
  declaredHost?: string;
  /** Environment every launched program gets on top of sockgrade's (course config and manifest `"env"`). */
  env?: Readonly<Record<string, string>>;
  /** Only checks whose id starts with one of these. */
  only: readonly string[];
  /** Folder under which scratch directories are made (and removed). */
  tmpRoot: string;
  /** How long a server may take to start listening. */
  startupMs: number;
  /** Bytes of a program's output kept per check. */
  outputCapBytes: number;
  /** Checks run at once. */
  jobs: number;
  /**
   * The submission's manifest (`sockgrade.json`), for exercises whose contract the student
   * declares (e.g. a telemetry protocol). Absent when none was given.
   */
  manifest?: Readonly<Record<string, unknown>>;
  /** Where the manifest was read from, for the reproduce line. */
  manifestPath?: string;
  /**
   * How the run is isolated, for the report: set when it runs inside its own namespaces (then
   * sockgrade's peers listen on every address), else why not.
   */
  isolation?: { hermetic: boolean; description: string };
  /** Notes about how the run was set up (e.g. what of the manifest was ignored), shown with the run's notes. */
  notes?: readonly string[];
  /** How each submitted program is confined (see `harness/sandbox/`); absent: as sockgrade's own user, unconfined. */
  sandbox?: SandboxPolicy;
  /** fast-check path that replays one failing case of a property check (with the same seed). */
  replay?: string;
  /** Folder where the packets of each check are written as pcap files (`--trace`). */
  trace?: string;
}

/** Whether a command line contains a `{name}` placeholder. */
export function hasPlaceholder(command: string, name: string): boolean {
  return command.includes(`{${name}}`);
}

/** Quotes `value` for a POSIX shell. */
export function shellQuote(value: string): string {
  if (/^[\w@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Replaces `{host}`, `{port}` and any other `{name}` given in `values` (shell-quoted). */
export function fillPlaceholders(command: string, values: Record<string, string | number>): string {
  return command.replace(/\{([a-z]+)\}/g, (whole, name: string) => (name in values ? shellQuote(String(values[name])) : whole));
}
