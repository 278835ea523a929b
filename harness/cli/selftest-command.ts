/** `sockgrade selftest <pack>`: grades a course pack's samples with its exercises and checks every verdict and every check's coverage. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomInt } from 'node:crypto';
import { UsageError } from '../model/failure.js';
import { COURSE_CONFIG_NAME } from '../course/config.js';
import { listSamples } from '../selftest/samples.js';
import { defaultSelftestJobs, runSelftest } from '../selftest/run-selftest.js';
import { openCourse } from './exercises.js';

/** Options of `sockgrade selftest`. */
export interface SelftestOptions {
  dir: string;
  jobs?: string;
  seed?: string;
  /** A course config to grade the samples with; else the pack's own `sockgrade.config.json`, if it has one. */
  config?: string;
}

function whole(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} expects a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** Runs the self-test of a pack; 0 when every sample got its verdicts and every check is covered, 1 otherwise. */
export async function selftestCommand(opts: SelftestOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const pack = resolve(opts.dir);
  if (!existsSync(pack) || !statSync(pack).isDirectory()) throw new UsageError(`the course pack ${pack} is not a folder`);
  const exercisesDir = join(pack, 'exercises');
  if (!existsSync(exercisesDir)) throw new UsageError(`${pack} has no exercises/ folder: a course pack holds exercises/<id>/index.ts and fixtures/<id>/<sample>/expected.json`);
  const jobs = whole('jobs', opts.jobs, 1, 64) ?? defaultSelftestJobs();
  const seed = whole('seed', opts.seed, 0, 2 ** 31 - 1) ?? randomInt(1, 2 ** 31 - 1);
  const packConfig = join(pack, COURSE_CONFIG_NAME);
  const config = opts.config !== undefined ? resolve(opts.config) : existsSync(packConfig) ? packConfig : undefined;
  const { exercises } = await openCourse({ exerciseDirs: [exercisesDir], config, cwd: pack });
  const samples = listSamples(pack);
  if (samples.length === 0) throw new UsageError(`${pack} has no samples: add fixtures/<exercise>/<name>/ with the program and an expected.json`);
  return runSelftest({
    pack,
    exercisesDir,
    exercises,
    ...(config !== undefined ? { config } : {}),
    samples,
    seed,
    jobs,
    cli: join(dirname(fileURLToPath(import.meta.url)), 'main.js'),
    write: (t) => void stdout.write(t),
  });
}
