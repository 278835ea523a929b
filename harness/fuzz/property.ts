/**
 * Running a fast-check property inside a check, against the live submission. On failure the
 * report gets the shrunk counterexample, the first failure seen, the fast-check seed and the
 * path that replays exactly that case (`--seed` with `--replay`). fast-check loads with the first
 * property run, not with every grading.
 */
import type { Arbitrary } from 'fast-check';
import { CheckFailure } from '../model/failure.js';
import type { CheckContext } from '../engine/context.js';

/** A property to run: `run` throws {@link CheckFailure} when the submission gets the case wrong. */
export interface PropertySpec<T> {
  arbitrary: Arbitrary<T>;
  numRuns: number;
  run: (value: T) => Promise<void>;
  /** The case in words: message sizes, cut points. */
  describe: (value: T) => string;
  /** Cases always tried first, whatever the seed: the boundaries a correct program must handle. */
  examples?: T[];
}

/** Runs `spec`; throws a {@link CheckFailure} describing the smallest failing case. */
export async function checkProperty<T>(ctx: CheckContext, spec: PropertySpec<T>): Promise<void> {
  const { default: fc } = await import('fast-check');
  const seed = ctx.rng.int(1, 2 ** 31 - 2);
  let first: { value: T; failure: CheckFailure } | undefined;
  const property = fc.asyncProperty(spec.arbitrary, async (value) => {
    try {
      await spec.run(value);
    } catch (err) {
      if (err instanceof CheckFailure && !first) first = { value, failure: err };
      throw err;
    }
  });
  const details = await fc.check(property, {
    seed,
    numRuns: spec.numRuns,
    examples: (spec.examples ?? []).map((e): [T] => [e]),
    ...(ctx.replay ? { path: ctx.replay } : {}),
    interruptAfterTimeLimit: Math.max(1000, ctx.remainingMs() - 1500),
    markInterruptAsFailure: false,
  });
  if (!details.failed) return;
  const err = details.errorInstance;
  if (!(err instanceof CheckFailure)) throw err instanceof Error ? err : new Error(String(err));
  const shrunk = details.counterexample?.[0];
  const lines = [err.message, '', `smallest failing case (after ${details.numShrinks} shrinks): ${shrunk === undefined ? '?' : spec.describe(shrunk)}`];
  if (first && first.failure !== err) lines.push(`first failing case: ${spec.describe(first.value)}: ${first.failure.message.split('\n')[0]}`);
  lines.push(`fast-check seed ${details.seed}, path ${details.counterexamplePath ?? '-'} (${details.numRuns} cases ran)`);
  throw new CheckFailure(lines.join('\n'), { ...err.details, ...(details.counterexamplePath ? { replay: details.counterexamplePath } : {}) });
}
