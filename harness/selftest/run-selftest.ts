/**
 * Self-test of a course pack: every sample submission (`fixtures/<exercise>/<name>/`) is graded
 * by its own `sockgrade grade` process with the pack's exercises, and must get exactly the
 * verdicts its expected.json states; every check of the pack's exercises must be failed by some
 * sample and passed by another, so that no check can only pass or only fail; an exercise that
 * declares Spanish must translate every title and hint.
 */
import { availableParallelism } from 'node:os';
import { sep } from 'node:path';
import type { ExerciseSet } from '../course/exercise-set.js';
import { shellQuote } from '../engine/settings.js';
import { gradeInChild } from '../batch/grade-child.js';
import { namespaceSupport } from '../isolation/namespace.js';
import type { GradeResult } from '../model/result.js';
import type { Exercise } from '../model/exercise.js';
import { translatorFor } from '../i18n/localize.js';
import { formatMs } from '../util/deadline.js';
import { expectationProblem, readSamples, uncoveredChecks, verdictDifference, type FixtureExpectation, type SampleRef } from './samples.js';

/** What to self-test. */
export interface SelftestPlan {
  /** The pack's folder (holding `exercises/` and `fixtures/`). */
  pack: string;
  /** Its exercises folder. */
  exercisesDir: string;
  /** The exercises known to the run: built-ins and the pack's. */
  exercises: ExerciseSet;
  /** The course config every sample is graded with, if any. */
  config?: string;
  samples: readonly SampleRef[];
  seed: number;
  jobs: number;
  /** Path of the CLI's main.js. */
  cli: string;
  write: (text: string) => void;
}

/** The verdict of one sample. */
type SampleOutcome = { ref: SampleRef; status: 'ok' | 'differs' | 'skipped'; text: string };

const SAMPLE_TIMEOUT_MS = 600_000;

function samplePath(ref: SampleRef): string {
  return `${ref.exercise}/${ref.name}`;
}

/** What `diagnosis` and `maxSeconds` of an expected.json ask for and the run did not give, or undefined. */
function expectationsBeyondVerdicts(result: GradeResult, fx: FixtureExpectation, durationMs: number): string | undefined {
  if (fx.maxSeconds !== undefined && durationMs > fx.maxSeconds * 1000) return `the grading took ${formatMs(durationMs)}, more than the ${fx.maxSeconds} s its expected.json allows`;
  const diagnosis = fx.diagnosis;
  if (diagnosis === undefined) return undefined;
  const silent = result.checks.filter((c) => c.status === 'fail' && !JSON.stringify([c.message, c.evidence]).includes(diagnosis)).map((c) => c.id);
  return silent.length > 0 ? `the diagnosis of ${silent.join(', ')} does not name "${diagnosis}"` : undefined;
}

async function runSample(plan: SelftestPlan, ref: SampleRef, fx: FixtureExpectation & { dir: string }): Promise<SampleOutcome> {
  const exercise = plan.exercises.find(ref.exercise);
  if (!exercise) return { ref, status: 'differs', text: `no exercise "${ref.exercise}" in the pack or built in (exercises: ${plan.exercises.ids().join(', ')})` };
  const problem = expectationProblem(fx, exercise);
  if (problem) return { ref, status: 'differs', text: `expected.json: ${problem}` };
  if (fx.hermetic === true && !namespaceSupport().available) return { ref, status: 'skipped', text: `gradable only in a hermetic run (${namespaceSupport().reason ?? 'namespaces are not available'})` };
  const args = ['grade', ref.exercise, `--${fx.role}`, fx.command, ...(fx.args ?? []), '--exercises', plan.exercisesDir, ...(plan.config ? ['--config', plan.config] : []), '--seed', String(plan.seed)];
  const run = await gradeInChild({ cli: plan.cli, args, cwd: plan.pack, timeoutMs: SAMPLE_TIMEOUT_MS });
  const replay = `replay: sockgrade ${args.map(shellQuote).join(' ')}`;
  if (!run.result) {
    const why = run.timedOut ? 'the grading did not end in time' : (run.stderr.trim().split('\n')[0] ?? `the grader exited with code ${run.code ?? 'unknown'}`);
    return { ref, status: 'differs', text: `not graded: ${why}\n${replay}` };
  }
  const difference = verdictDifference(run.result, fx) ?? expectationsBeyondVerdicts(run.result, fx, run.durationMs);
  if (difference) return { ref, status: 'differs', text: `${difference}\n${replay}` };
  return { ref, status: 'ok', text: fx.fail.length === 0 ? `passes every ${fx.role} check` : `fails ${[...fx.fail].sort().join(', ')}, as expected` };
}

async function allSamples(plan: SelftestPlan, samples: ReturnType<typeof readSamples>): Promise<SampleOutcome[]> {
  const out: SampleOutcome[] = new Array<SampleOutcome>(samples.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < samples.length) {
      const i = next++;
      const s = samples[i] as (typeof samples)[number];
      const outcome = await runSample(plan, s, s.fx);
      out[i] = outcome;
      const label = { ok: 'ok  ', differs: 'DIFF', skipped: 'skip' }[outcome.status];
      plan.write(`  ${label}  ${samplePath(s)} (${s.fx.role}): ${outcome.text.replace(/\n/g, '\n        ')}\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(plan.jobs, samples.length)) }, worker));
  return out;
}

/** The exercise's title and its checks' titles and hints that its Spanish catalogue does not translate. */
function untranslatedTexts(exercise: Exercise): string[] {
  const spanish = translatorFor('es');
  const texts = [exercise.title, ...exercise.checks.flatMap((c) => [c.title, c.hint ?? ''])].filter((t) => t !== '');
  return [...new Set(texts.filter((t) => spanish !== undefined && !spanish.knows(t)))];
}

/** Runs the self-test, printing one line per sample and the coverage; 0 when everything holds, 1 otherwise. */
export async function runSelftest(plan: SelftestPlan): Promise<number> {
  const own = plan.exercises.all().filter((e) => {
    const origin = plan.exercises.originOf(e.id);
    return origin !== undefined && origin !== 'built-in' && origin.file.startsWith(plan.exercisesDir + sep);
  });
  const samples = readSamples(plan.pack, plan.samples);
  plan.write(`selftest of ${plan.pack}: ${own.length} exercise${own.length === 1 ? '' : 's'} (${own.map((e) => e.id).join(', ')}), ${samples.length} sample${samples.length === 1 ? '' : 's'}, seed ${plan.seed}\n`);
  const outcomes = await allSamples(plan, samples);
  const problems: string[] = [];
  const differing = outcomes.filter((o) => o.status === 'differs').length;
  if (differing > 0) problems.push(`${differing} sample${differing === 1 ? '' : 's'} got other verdicts than expected`);
  plan.write('coverage:\n');
  for (const exercise of own) {
    const fxs = samples.filter((s) => s.exercise === exercise.id).map((s) => s.fx);
    if (fxs.length === 0) {
      plan.write(`  ${exercise.id}: no samples (add fixtures/${exercise.id}/<name>/expected.json)\n`);
      problems.push(`${exercise.id} has no samples`);
      continue;
    }
    const { neverFailed, neverPassed } = uncoveredChecks(exercise, fxs);
    if (neverFailed.length === 0 && neverPassed.length === 0) plan.write(`  ${exercise.id}: every check is failed by some sample and passed by another\n`);
    if (neverFailed.length > 0) {
      plan.write(`  ${exercise.id}: no sample fails ${neverFailed.join(', ')} (add a buggy sample that does)\n`);
      problems.push(`${neverFailed.length} check${neverFailed.length === 1 ? '' : 's'} of ${exercise.id} failed by no sample`);
    }
    const untranslated = exercise.messages?.es ? untranslatedTexts(exercise) : [];
    if (untranslated.length > 0) {
      plan.write(`  ${exercise.id}: its Spanish (messages.es) lacks ${untranslated.map((t) => `"${t}"`).join(', ')}\n`);
      problems.push(`${untranslated.length} title${untranslated.length === 1 ? '' : 's'} or hint${untranslated.length === 1 ? '' : 's'} of ${exercise.id} without Spanish`);
    }
    if (neverPassed.length > 0) {
      plan.write(`  ${exercise.id}: no sample passes ${neverPassed.join(', ')} (add a correct sample)\n`);
      problems.push(`${neverPassed.length} check${neverPassed.length === 1 ? '' : 's'} of ${exercise.id} passed by no sample`);
    }
  }
  const skipped = outcomes.filter((o) => o.status === 'skipped').length;
  plan.write(problems.length === 0 ? `selftest: passed (${samples.length - skipped} samples graded${skipped ? `, ${skipped} skipped` : ''})\n` : `selftest: FAILED: ${problems.join('; ')}\n`);
  return problems.length === 0 ? 0 : 1;
}

/** The default number of samples graded at once. */
export function defaultSelftestJobs(): number {
  return Math.max(1, availableParallelism());
}
