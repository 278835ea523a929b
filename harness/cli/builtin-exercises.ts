/**
 * Every built-in exercise at once, loaded eagerly, with its translations handed to the reports:
 * for the demo and the tests. A grading loads only what it grades (`openCourse` in `exercises.ts`).
 */
import { EXERCISES } from '../../exercises/index.js';
import { ExerciseSet } from '../course/exercise-set.js';
import { useMessages } from './exercises.js';

/** The built-in exercises alone (their translations included). */
export function builtinExercises(): ExerciseSet {
  const set = new ExerciseSet(Object.values(EXERCISES));
  useMessages(set.all());
  return set;
}
