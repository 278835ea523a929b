/**
 * `sockgrade demo` (what `npm start` runs): grades the bundled example submissions of unit A,
 * correct and buggy, prints each report, and checks every verdict is the one expected.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism, tmpdir } from 'node:os';
import type { ExerciseSet } from '../course/exercise-set.js';
import { resolveParams } from '../model/params.js';
import { grade } from '../engine/run.js';
import { consoleCheckLine, consoleHeader, consoleSummary, type ConsoleSink } from '../report/console.js';
import { readFixture } from '../selftest/samples.js';

export { readFixture, type FixtureExpectation } from '../selftest/samples.js';

/** The project's root folder (where fixtures/ is), from this file's place in src or dist. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      readFileSync(join(dir, 'package.json'));
      return dir;
    } catch {
      dir = dirname(dir);
    }
  }
  throw new Error('cannot find the sockgrade project folder');
}

/** A bundled example: a fixture folder and the verdict it must get. */
interface Example {
  exercise: string;
  fixture: string;
}

const EXAMPLES: readonly Example[] = [
  { exercise: 'udp-echo', fixture: 'udp-echo/correct-loop' },
  { exercise: 'udp-echo', fixture: 'udp-echo/correct-timeout' },
  { exercise: 'tcp-echo', fixture: 'tcp-echo/correct-threads' },
  { exercise: 'tcp-echo', fixture: 'tcp-echo/correct-input' },
  { exercise: 'tcp-echo', fixture: 'tcp-echo/bug-recv-once' },
  { exercise: 'tcp-echo-concurrent', fixture: 'tcp-echo-concurrent/correct-select' },
  { exercise: 'tcp-echo-timeout', fixture: 'tcp-echo-timeout/correct-settimeout' },
];

/** Runs the demo; 0 when every example got exactly its expected verdicts. */
export async function demoCommand(out: ConsoleSink, exercises: ExerciseSet): Promise<number> {
  const root = projectRoot();
  const surprises: string[] = [];
  for (const ex of EXAMPLES) {
    const exercise = exercises.find(ex.exercise);
    if (!exercise) throw new Error(`demo names unknown exercise ${ex.exercise}`);
    const fx = readFixture(root, ex.fixture);
    out.write(`\n=== example ${ex.fixture}: ${fx.about}\n`);
    const settings = {
      exercise,
      params: resolveParams(exercise.id, exercise.params, []),
      seed: 20261121,
      commands: { [fx.role]: fx.command },
      only: [],
      tmpRoot: process.env.SOCKGRADE_TMPDIR ?? tmpdir(),
      startupMs: 10_000,
      outputCapBytes: 1024 * 1024,
      jobs: Math.max(2, Math.min(4, availableParallelism() * 2)),
    };
    consoleHeader(out, exercise, settings.commands, settings.seed);
    const result = await grade(settings, { onCheckEnd: (r) => consoleCheckLine(out, r) });
    consoleSummary(out, result);
    const failed = result.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id).sort();
    const expected = [...fx.fail].sort();
    if (failed.join(',') !== expected.join(',')) surprises.push(`${ex.fixture}: failed [${failed.join(', ')}], expected [${expected.join(', ')}]`);
    else if (expected.length) out.write(`(as expected: this example is meant to fail ${expected.join(', ')})\n`);
  }
  out.write(`\n${surprises.length === 0 ? `demo: all ${EXAMPLES.length} examples got their expected verdicts` : `demo: unexpected verdicts:\n  ${surprises.join('\n  ')}`}\n`);
  return surprises.length === 0 ? 0 : 1;
}
