/** `sockgrade grade`: grade one submission on one exercise and report it in every requested form. */
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { tmpdir, availableParallelism } from 'node:os';
import { randomInt } from 'node:crypto';
import { findExercise } from '../../exercises/index.js';
import { UsageError } from '../model/failure.js';
import { resolveParams } from '../model/params.js';
import { rolesOf } from '../model/exercise.js';
import type { GradeResult, Role } from '../model/result.js';
import { grade } from '../engine/run.js';
import type { RunSettings } from '../engine/settings.js';
import { consoleCheckLine, consoleHeader, consoleSummary, type ConsoleSink } from '../report/console.js';
import { renderTap } from '../report/tap.js';
import { renderJunit } from '../report/junit.js';
import { renderJson } from '../report/json.js';
import { prepareCommand } from './command-line.js';
import { readManifest } from './manifest.js';

/** Options of `sockgrade grade` after parsing. */
export interface GradeOptions {
  exercise: string;
  server?: string;
  client?: string;
  port?: string;
  host?: string;
  param: string[];
  only: string[];
  seed?: string;
  json?: string;
  junit?: string;
  tap: boolean;
  jobs?: string;
  startupTimeout?: string;
  replay?: string;
  /** A `sockgrade.json`: its commands and parameters are used where flags do not give them. */
  manifest?: string;
}

function intOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} expects a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** Validates options into run settings; every problem is a {@link UsageError}. */
export function settingsFrom(opts: GradeOptions, cwd: string): RunSettings {
  const manifest = opts.manifest !== undefined ? readManifest(opts.manifest, cwd) : undefined;
  const exercise = findExercise(opts.exercise);
  if (!exercise) throw new UsageError(`unknown exercise "${opts.exercise}": run "sockgrade list" to see the exercises`);
  const roles = rolesOf(exercise);
  const commands: Partial<Record<Role, string>> = {};
  for (const role of ['server', 'client'] as const) {
    const fromFlag = opts[role];
    const cmd = fromFlag ?? manifest?.[role];
    if (cmd === undefined) continue;
    if (!roles.includes(role)) {
      if (fromFlag === undefined) continue;
      throw new UsageError(`exercise ${exercise.id} has no ${role} role (it grades: ${roles.join(', ')})`);
    }
    commands[role] = prepareCommand(role, cmd, fromFlag === undefined && manifest ? manifest.dir : cwd);
  }
  if (!commands.server && !commands.client) {
    throw new UsageError(`nothing to grade: give ${roles.map((r) => `--${r} "<command>"`).join(' and/or ')}`);
  }
  const only = opts.only.flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
  const unknown = only.filter((p) => !exercise.checks.some((c) => c.id.startsWith(p)));
  if (unknown.length > 0) throw new UsageError(`--only ${unknown.join(',')} matches no check of ${exercise.id} (its checks: ${[...new Set(exercise.checks.map((c) => c.id))].join(', ')})`);
  const port = intOption('port', opts.port, 1, 65535);
  const startup = opts.startupTimeout === undefined ? 10 : Number(opts.startupTimeout);
  if (!Number.isFinite(startup) || startup <= 0 || startup > 600) throw new UsageError(`--startup-timeout expects seconds between 0 and 600, got "${opts.startupTimeout}"`);
  return {
    exercise,
    params: resolveParams(exercise.id, exercise.params, [...(manifest?.params ?? []), ...opts.param]),
    ...(manifest ? { manifest: manifest.data } : {}),
    seed: intOption('seed', opts.seed, 0, 2 ** 31 - 1) ?? randomInt(1, 2 ** 31 - 1),
    commands,
    ...(port !== undefined ? { declaredPort: port } : {}),
    ...(opts.host !== undefined ? { declaredHost: opts.host } : {}),
    only,
    tmpRoot: process.env.SOCKGRADE_TMPDIR ?? tmpdir(),
    startupMs: startup * 1000,
    outputCapBytes: 1024 * 1024,
    jobs: intOption('jobs', opts.jobs, 1, 64) ?? Math.max(2, Math.min(4, availableParallelism() * 2)),
    ...(opts.replay !== undefined ? { replay: replayPath(opts.replay, opts.seed) } : {}),
  };
}

function replayPath(value: string, seed: string | undefined): string {
  if (!/^\d+(:\d+)*$/.test(value)) throw new UsageError(`--replay expects the path printed in a report, like 3:0:1, got "${value}"`);
  if (seed === undefined) throw new UsageError('--replay needs the --seed of the run that printed it');
  return value;
}

async function writeOut(file: string, text: string): Promise<void> {
  const path = resolve(file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

/** Runs `sockgrade grade`; returns the exit code. */
export async function gradeCommand(opts: GradeOptions, out: ConsoleSink): Promise<number> {
  const settings = settingsFrom(opts, process.cwd());
  for (const f of [opts.json, opts.junit]) if (f !== undefined && f.trim() === '') throw new UsageError('an output file name is empty');
  const showConsole = !opts.tap;
  if (showConsole) consoleHeader(out, settings.exercise, settings.commands, settings.seed);
  const result: GradeResult = await grade(settings, { onCheckEnd: (r) => showConsole && consoleCheckLine(out, r) });
  if (showConsole) consoleSummary(out, result);
  else out.write(renderTap(result));
  if (opts.json) await writeOut(opts.json, renderJson(result));
  if (opts.junit) await writeOut(opts.junit, await renderJunit(result));
  return exitCodeOf(result);
}

/** 0 when every check passed (or was skipped), 1 when one failed, 2 when sockgrade itself broke. */
export function exitCodeOf(result: GradeResult): number {
  if (result.checks.some((c) => c.status === 'error')) return 2;
  if (result.checks.some((c) => c.status === 'fail')) return 1;
  return 0;
}
