/**
 * Sample submissions with their expected verdicts: `fixtures/<exercise>/<name>/expected.json`
 * beside the sample's program, the same layout for sockgrade's own exercises and for a course's
 * pack. A sample names the checks it must fail; every other check of its role must pass.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Exercise } from '../model/exercise.js';
import type { GradeResult, Role } from '../model/result.js';
import { UsageError } from '../model/failure.js';

/** The expected.json of a sample. */
export interface FixtureExpectation {
  about: string;
  role: Role;
  command: string;
  fail: string[];
  /** Checks that end in `error`: the machine, not the submission, is at fault (e.g. a module that is not installed). */
  error?: string[];
  args?: string[];
  /** Seconds within which the whole run must end (hostile fixtures). */
  maxSeconds?: number;
  /** Text every failed check's diagnosis or evidence must contain. */
  diagnosis?: string;
  /** Only gradable in a hermetic run (it hard-codes an address that is not local elsewhere). */
  hermetic?: boolean;
}

/** A sample found under a `fixtures/` folder. */
export interface SampleRef {
  exercise: string;
  name: string;
}

/** Reads a fixture's expectation with `{dir}` replaced by its absolute folder (in the command and the extra arguments). */
export function readFixture(root: string, fixture: string): FixtureExpectation & { dir: string } {
  const dir = resolve(root, 'fixtures', fixture);
  const exp = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as FixtureExpectation;
  return { ...exp, command: exp.command.replaceAll('{dir}', dir), ...(exp.args ? { args: exp.args.map((a) => a.replaceAll('{dir}', dir)) } : {}), dir };
}

/** What is wrong with a sample's expected.json, checked against its exercise, or undefined. */
export function expectationProblem(fx: FixtureExpectation, exercise: Exercise): string | undefined {
  if (typeof fx.about !== 'string' || typeof fx.command !== 'string') return 'expected.json needs "about" and "command" strings';
  if (fx.role !== 'server' && fx.role !== 'client') return `"role" must be "server" or "client", got ${JSON.stringify(fx.role)}`;
  if (!exercise.contract[fx.role]) return `exercise ${exercise.id} has no ${fx.role} role`;
  if (!Array.isArray(fx.fail) || fx.fail.some((id) => typeof id !== 'string')) return '"fail" must be a list of check ids';
  const unknown = fx.fail.filter((id) => !exercise.checks.some((c) => c.role === fx.role && c.id === id));
  if (unknown.length > 0) return `"fail" names ${unknown.join(', ')}, not a ${fx.role} check of ${exercise.id}`;
  return undefined;
}

/** Every sample under `root/fixtures`, by exercise then name. */
export function listSamples(root: string): SampleRef[] {
  const dir = join(root, 'fixtures');
  if (!existsSync(dir)) return [];
  const subdirs = (d: string): string[] => readdirSync(d).filter((n) => !n.startsWith('.') && statSync(join(d, n)).isDirectory()).sort();
  return subdirs(dir).flatMap((exercise) => subdirs(join(dir, exercise)).filter((name) => existsSync(join(dir, exercise, name, 'expected.json'))).map((name) => ({ exercise, name })));
}

/** Reads every sample's expectation; an unreadable one is a {@link UsageError} naming it. */
export function readSamples(root: string, refs: readonly SampleRef[]): (SampleRef & { fx: FixtureExpectation & { dir: string } })[] {
  return refs.map((ref) => {
    try {
      return { ...ref, fx: readFixture(root, `${ref.exercise}/${ref.name}`) };
    } catch (err) {
      throw new UsageError(`cannot read fixtures/${ref.exercise}/${ref.name}/expected.json: ${(err as Error).message.split('\n')[0]}`);
    }
  });
}

/** Ids of the checks a result failed or could not judge (error), sorted. */
export function failedIds(result: GradeResult): string[] {
  return result.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id).sort();
}

/** How a result differs from the sample's expectation (checks failed that should pass, and the reverse), or undefined. */
export function verdictDifference(result: GradeResult, fx: FixtureExpectation): string | undefined {
  const errors = result.checks.filter((c) => c.status === 'error' && !(fx.error ?? []).includes(c.id));
  if (errors.length > 0) return `sockgrade could not judge ${errors.map((c) => `${c.id} (${c.message.split('\n')[0]})`).join(', ')}`;
  const judged = (fx.error ?? []).filter((id) => !result.checks.some((c) => c.id === id && c.status === 'error'));
  if (judged.length > 0) return `judged ${judged.join(', ')}, expected an error (the machine at fault)`;
  const failed = result.checks.filter((c) => c.status === 'fail').map((c) => c.id).sort();
  const expected = [...fx.fail].sort();
  const unexpected = failed.filter((id) => !expected.includes(id));
  const missed = expected.filter((id) => !failed.includes(id));
  if (unexpected.length === 0 && missed.length === 0) return undefined;
  return [unexpected.length ? `failed ${unexpected.join(', ')}, expected to pass` : '', missed.length ? `passed ${missed.join(', ')}, expected to fail` : ''].filter(Boolean).join('; ');
}

/**
 * The check ids of `exercise` that no sample fails (so nothing proves the check can fail), and
 * those no sample of the check's role passes (so nothing proves a right program passes it).
 */
export function uncoveredChecks(exercise: Exercise, samples: readonly FixtureExpectation[]): { neverFailed: string[]; neverPassed: string[] } {
  const failed = new Set(samples.flatMap((s) => s.fail));
  const passed = new Set(samples.flatMap((s) => exercise.checks.filter((c) => c.role === s.role && !s.fail.includes(c.id)).map((c) => `${c.role}:${c.id}`)));
  const ids = [...new Set(exercise.checks.map((c) => c.id))];
  return {
    neverFailed: ids.filter((id) => !failed.has(id)),
    neverPassed: exercise.checks.filter((c) => !passed.has(`${c.role}:${c.id}`)).map((c) => (exercise.checks.some((o) => o.id === c.id && o.role !== c.role) ? `${c.role}:${c.id}` : c.id)),
  };
}
