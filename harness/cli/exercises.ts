/**
 * The composition root of the exercises: the built-in registry, plus the course's own exercise
 * folders (`--exercises DIR`, and `exerciseDirs` in the course config), with every exercise's
 * translations handed to the reports. Only the CLI knows the built-ins; the engine knows none.
 */
import { resolve } from 'node:path';
import { BUILTIN_IDS, SHARED_MESSAGES, loadBuiltinCatalogues, loadBuiltins } from '../../exercises/registry.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { ExerciseSet } from '../course/exercise-set.js';
import { exerciseDirsOf, exerciseIdsOf, parseCourseConfig, readCourseConfigJson, type CourseConfig } from '../course/config.js';
import { courseConfigPath } from '../course/apply.js';
import { loadExerciseDir } from '../course/load-exercises.js';
import { addCatalogues } from '../i18n/localize.js';
import type { Exercise } from '../model/exercise.js';

/** What a command grades with: the exercises it knows and the course config, if any. */
export interface Course {
  exercises: ExerciseSet;
  config?: CourseConfig;
}

/** Where to look: `--exercises` folders, `--config` (else `sockgrade.config.json` in `cwd`). */
export interface CourseSources {
  exerciseDirs?: readonly string[];
  config?: string | undefined;
  cwd: string;
  /** Whether a report may be in Spanish (default true); when not, the built-ins' Spanish is not loaded. */
  spanish?: boolean;
}

/** Hands the Spanish of `exercises`, of the shared checks and of `builtinCatalogues` (every built-in's, see `loadBuiltinCatalogues`) to the reports. */
export function useMessages(exercises: readonly Exercise[], builtinCatalogues: readonly Catalogue[] = []): void {
  addCatalogues('es', [SHARED_MESSAGES.es, ...builtinCatalogues, ...exercises.flatMap((e) => (e.messages?.es ? [e.messages.es] : []))]);
}

/**
 * Loads the course's folders, the course config and the built-ins; every problem is a usage
 * error. With `need` (the exercise a command grades), only the built-ins that matter are loaded:
 * that one, those the course config names, and those a course's exercise would clash with. An
 * unknown id among them loads every built-in, so that the error lists them or suggests the nearest.
 */
export async function openCourse(sources: CourseSources, need?: string): Promise<Course> {
  const configPath = courseConfigPath(sources.config, sources.cwd);
  const raw = configPath !== undefined ? readCourseConfigJson(configPath, sources.cwd) : undefined;
  const dirs = [...(sources.exerciseDirs ?? []).map((d) => resolve(sources.cwd, d)), ...(raw ? exerciseDirsOf(raw.data, raw.file) : [])];
  const own: { exercise: Exercise; file: string }[] = [];
  for (const dir of new Set(dirs)) own.push(...(await loadExerciseDir(dir)));
  const ownIds = own.map((o) => o.exercise.id);
  const configIds = raw ? exerciseIdsOf(raw.data) : [];
  const known = (id: string): boolean => BUILTIN_IDS.includes(id) || ownIds.includes(id);
  const wanted = need === undefined || ![need, ...configIds].every(known) ? BUILTIN_IDS : [need, ...configIds, ...ownIds];
  const exercises = new ExerciseSet(await loadBuiltins(wanted));
  for (const { exercise, file } of own) exercises.add(exercise, { file });
  useMessages(exercises.all(), sources.spanish === false ? [] : await loadBuiltinCatalogues());
  const config = raw ? parseCourseConfig(raw.data, raw.file, exercises) : undefined;
  return { exercises, ...(config ? { config } : {}) };
}
