/**
 * The random choices behind a check's verdict: the run's seed (every check forks its own
 * generator from it) and, for a failed property check, the fast-check seed and the path of the
 * shrunk counterexample, which `--seed` with `--replay` re-runs.
 */
import type { CheckResult } from '../model/result.js';

/** What replays a failed property check, read from its diagnosis and its reproduce line. */
export interface PropertyReplay {
  fastCheckSeed?: string;
  path?: string;
}

/** The fast-check seed and path of `r`, when it is a failed property check. */
export function propertyReplay(r: CheckResult): PropertyReplay | undefined {
  const seed = /fast-check seed (-?\d+)/.exec(r.message)?.[1];
  const path = /--replay (\d+(?::\d+)*)/.exec(r.evidence.reproduce ?? '')?.[1] ?? /fast-check seed -?\d+, path (\d+(?::\d+)*)/.exec(r.message)?.[1];
  if (seed === undefined && path === undefined) return undefined;
  return { ...(seed !== undefined ? { fastCheckSeed: seed } : {}), ...(path !== undefined ? { path } : {}) };
}
