/**
 * A course's statement of its exercises, `sockgrade.config.json`: for each exercise the
 * parameters, the weight of each check and which checks students see only as "hidden check".
 * The same file drives the students' self-check (`sockgrade check`) and the final grading
 * (`sockgrade grade`), so both give the same score.
 *
 * ```json
 * {
 *   "course": "Redes 2025",
 *   "exercises": {
 *     "tcp-echo-timeout": {
 *       "params": { "idle": 5 },
 *       "weights": { "timeout.idle-kick": 2, "timeout.close-after-reply": 0.5 },
 *       "visibility": { "timeout.active-not-kicked": "hidden" }
 *     }
 *   }
 * }
 * ```
 *
 * A key of `weights` or `visibility` is a check id (every role's check with that id) or
 * `role:id` (`client:robust.no-crash-output`) for one role's check. `exerciseDirs` names the
 * course's own exercise folders (relative to the file), loaded beside the built-ins.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseEnvSection } from './program-env.js';
import { resolveExerciseParams, type Exercise } from '../model/exercise.js';
import type { ExerciseSet } from './exercise-set.js';
import { UsageError } from '../model/failure.js';
import type { Visibility } from '../model/result.js';

/** The file name looked for in the current folder. */
export const COURSE_CONFIG_NAME = 'sockgrade.config.json';

/** What the course states about one exercise. */
export interface ExerciseCourse {
  /** Parameters as `key=value`, already validated against the exercise. */
  params: string[];
  /** Points by check id or `role:id`; thousandths at most. */
  weights: Readonly<Record<string, number>>;
  /** Visibility by check id or `role:id`. */
  visibility: Readonly<Record<string, Visibility>>;
  /** Environment of the programs of this exercise, on top of the course's. */
  env: Readonly<Record<string, string>>;
}

/** A parsed and validated course config. */
export interface CourseConfig {
  /** Absolute path of the file. */
  file: string;
  /** The course's name, if it gives one. */
  course?: string;
  /** Environment of every program launched (e.g. `PYTHONPATH`), relative folders made absolute. */
  env: Readonly<Record<string, string>>;
  /** The course's own exercise folders (absolute), from `exerciseDirs`. */
  exerciseDirs: readonly string[];
  exercises: Readonly<Record<string, ExerciseCourse>>;
  /** Folder for packet traces (`--trace`), absolute (a relative one is taken from the config's folder). */
  trace?: string;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A course config's file and parsed JSON, not validated yet. */
export interface CourseConfigJson {
  file: string;
  data: unknown;
}

/** Reads and validates a course config; every problem is a {@link UsageError} naming the file and the place in it. */
export function readCourseConfig(path: string, exercises: ExerciseSet, cwd = process.cwd()): CourseConfig {
  const { file, data } = readCourseConfigJson(path, cwd);
  return parseCourseConfig(data, file, exercises);
}

/** Reads a course config's JSON; a missing file or bad JSON is a {@link UsageError}. */
export function readCourseConfigJson(path: string, cwd = process.cwd()): CourseConfigJson {
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `course config ${file} does not exist` : `cannot read course config ${file}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`course config ${file} is not valid JSON: ${(err as Error).message}`);
  }
  return { file, data };
}

/**
 * The course's own exercise folders a config names (`"exerciseDirs": ["ejercicios"]`, or one
 * string), as absolute paths (relative ones are taken from the config's folder).
 */
export function exerciseDirsOf(data: unknown, file: string): string[] {
  const dirs = isObject(data) ? data.exerciseDirs : undefined;
  if (dirs === undefined) return [];
  const list = typeof dirs === 'string' ? [dirs] : dirs;
  if (!Array.isArray(list) || list.some((d) => typeof d !== 'string' || d.trim() === '')) {
    throw new UsageError(`course config ${file}: "exerciseDirs" must be a folder or a list of folders, like ["ejercicios"]`);
  }
  return (list as string[]).map((d) => resolve(dirname(file), d));
}

/** The ids of the exercises a course config's `exercises` section names (none when it has none, or it is malformed: parsing says why). */
export function exerciseIdsOf(data: unknown): string[] {
  return isObject(data) && isObject(data.exercises) ? Object.keys(data.exercises) : [];
}

/** Validates the parsed JSON of a course config read from `file`, against the exercises the run knows. */
export function parseCourseConfig(data: unknown, file: string, known: ExerciseSet): CourseConfig {
  const fail = (where: string, what: string): never => {
    throw new UsageError(`course config ${file}: ${where}${what}`);
  };
  if (!isObject(data)) return fail('', 'must hold a JSON object like {"exercises": {"tcp-echo": {"weights": {"echo.large": 2}}}}');
  for (const key of Object.keys(data)) if (!['course', 'env', 'exercises', 'exerciseDirs', 'trace', '$schema'].includes(key)) fail('', `unknown key "${key}" (known: course, env, exerciseDirs, exercises, trace)`);
  const env = parseEnvSection(data.env, dirname(file), (what) => fail('"env" ', what));
  const exerciseDirs = exerciseDirsOf(data, file);
  if (data.course !== undefined && typeof data.course !== 'string') fail('"course" ', 'must be a string');
  if (data.trace !== undefined && (typeof data.trace !== 'string' || data.trace.trim() === '')) fail('"trace" ', 'must be the name of a folder for the pcap files');
  const exercises = data.exercises ?? {};
  if (!isObject(exercises)) return fail('"exercises" ', 'must be an object keyed by exercise id');
  const out: Record<string, ExerciseCourse> = {};
  for (const [id, section] of Object.entries(exercises)) {
    const exercise = known.find(id);
    if (!exercise) fail(`exercises.${id}: `, `unknown exercise (exercises: ${known.ids().join(', ')})`);
    out[id] = parseExerciseSection(exercise as Exercise, section, dirname(file), (where, what) => fail(`exercises.${id}${where}: `, what));
  }
  return {
    file,
    ...(typeof data.course === 'string' ? { course: data.course } : {}),
    env,
    exerciseDirs,
    exercises: out,
    ...(typeof data.trace === 'string' ? { trace: resolve(dirname(file), data.trace) } : {}),
  };
}

function parseExerciseSection(exercise: Exercise, section: unknown, baseDir: string, fail: (where: string, what: string) => never): ExerciseCourse {
  if (!isObject(section)) return fail('', 'must be an object with "params", "weights", "visibility" and/or "env"');
  for (const key of Object.keys(section)) if (!['params', 'weights', 'visibility', 'env'].includes(key)) fail('', `unknown key "${key}" (known: params, weights, visibility, env)`);
  const env = parseEnvSection(section.env, baseDir, (what) => fail('.env', what));
  const part = (key: string): Json => {
    const v = section[key] ?? {};
    return isObject(v) ? v : fail(`.${key}`, 'must be an object');
  };
  const params: string[] = [];
  for (const [k, v] of Object.entries(part('params'))) {
    if (!['string', 'number', 'boolean'].includes(typeof v)) fail(`.params.${k}`, 'must be a string, number or boolean');
    params.push(`${k}=${String(v)}`);
  }
  try {
    resolveExerciseParams(exercise, params);
  } catch (err) {
    if (err instanceof UsageError) fail('.params', err.message);
    throw err;
  }
  const weights: Record<string, number> = {};
  for (const [key, w] of Object.entries(part('weights'))) {
    checkKey(exercise, key, (what) => fail(`.weights`, what));
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) fail(`.weights.${key}`, `must be a number of points, 0 or more, got ${JSON.stringify(w)}`);
    if (!hasThousandthsAtMost(w)) fail(`.weights.${key}`, `has more than three decimals (${String(w)}): scores are kept in thousandths, write e.g. 0.333`);
    weights[key] = w;
  }
  const visibility: Record<string, Visibility> = {};
  for (const [key, v] of Object.entries(part('visibility'))) {
    checkKey(exercise, key, (what) => fail(`.visibility`, what));
    if (v !== 'visible' && v !== 'hidden') fail(`.visibility.${key}`, `must be "visible" or "hidden", got ${JSON.stringify(v)}`);
    visibility[key] = v;
  }
  return { params, weights, visibility, env };
}

function checkKey(exercise: Exercise, key: string, fail: (what: string) => never): void {
  const colon = key.indexOf(':');
  const role = colon < 0 ? undefined : key.slice(0, colon);
  const id = colon < 0 ? key : key.slice(colon + 1);
  if (role !== undefined && role !== 'server' && role !== 'client') fail(`"${key}" names role "${role}" (roles: server, client)`);
  if (exercise.checks.some((c) => c.id === id && (role === undefined || c.role === role))) return;
  const ids = [...new Set(exercise.checks.map((c) => c.id))].join(', ');
  fail(`"${key}" is not a check of ${exercise.id}${role ? ` for the ${role}` : ''} (its checks: ${ids})`);
}

function hasThousandthsAtMost(w: number): boolean {
  return Math.abs(w * 1000 - Math.round(w * 1000)) < 1e-6;
}
