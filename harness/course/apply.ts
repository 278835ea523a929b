/**
 * Applying a course config to a run: finding the file, re-weighting the exercise's checks and
 * marking the hidden ones. The exercise itself is left untouched; a run gets a copy.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Check } from '../model/check.js';
import type { Exercise } from '../model/exercise.js';
import { COURSE_CONFIG_NAME, type ExerciseCourse } from './config.js';

/** The course config file given with `--config FILE`, else `sockgrade.config.json` in `cwd` if there is one. */
export function courseConfigPath(explicit: string | undefined, cwd: string): string | undefined {
  if (explicit !== undefined) return explicit;
  const here = join(cwd, COURSE_CONFIG_NAME);
  return existsSync(here) ? here : undefined;
}

function stated<T>(table: Readonly<Record<string, T>>, check: Check): T | undefined {
  return table[`${check.role}:${check.id}`] ?? table[check.id];
}

/** `exercise` with the course's weights and visibility on its checks (the same object when the course says nothing about it). */
export function applyCourse(exercise: Exercise, course: ExerciseCourse | undefined): Exercise {
  if (!course) return exercise;
  const checks = exercise.checks.map((c): Check => {
    const weight = stated(course.weights, c);
    const visibility = stated(course.visibility, c);
    return { ...c, ...(weight !== undefined ? { weight } : {}), ...(visibility !== undefined ? { visibility } : {}) };
  });
  return { ...exercise, checks };
}
