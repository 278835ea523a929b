/**
 * The composition root of the exercises: the built-in registry, plus the course's own exercise
 * folders (`--exercises DIR`, and `exerciseDirs` in the course config), with every exercise's
 * translations handed to the reports. Only the CLI knows the built-ins; the engine knows none.
 */
import { resolve } from 'node:path';
import { EXERCISES, SHARED_MESSAGES } from '../../exercises/index.js';
import { ExerciseSet } from '../course/exercise-set.js';
import { exerciseDirsOf, parseCourseConfig, readCourseConfigJson, type CourseConfig } from '../course/config.js';
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
}

function useMessages(exercises: readonly Exercise[]): void {
  addCatalogues('es', [SHARED_MESSAGES.es, ...exercises.flatMap((e) => (e.messages?.es ? [e.messages.es] : []))]);
}

/** The built-in exercises alone (their translations included). */
export function builtinExercises(): ExerciseSet {
  const set = new ExerciseSet(Object.values(EXERCISES));
  useMessages(set.all());
  return set;
}

/** Loads the built-ins, the course's folders and the course config; every problem is a usage error. */
export async function openCourse(sources: CourseSources): Promise<Course> {
  const exercises = new ExerciseSet(Object.values(EXERCISES));
  const configPath = courseConfigPath(sources.config, sources.cwd);
  const raw = configPath !== undefined ? readCourseConfigJson(configPath, sources.cwd) : undefined;
  const dirs = [...(sources.exerciseDirs ?? []).map((d) => resolve(sources.cwd, d)), ...(raw ? exerciseDirsOf(raw.data, raw.file) : [])];
  for (const dir of new Set(dirs)) {
    for (const { exercise, file } of await loadExerciseDir(dir)) exercises.add(exercise, { file });
  }
  useMessages(exercises.all());
  const config = raw ? parseCourseConfig(raw.data, raw.file, exercises) : undefined;
  return { exercises, ...(config ? { config } : {}) };
}
