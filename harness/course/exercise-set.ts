/**
 * The exercises one run of sockgrade knows: the built-ins, given by the composition root (the
 * CLI), and those a course loads from its own folders. Ids are unique across both.
 */
import type { Exercise } from '../model/exercise.js';
import { UsageError } from '../model/failure.js';
import { unknownExercise } from '../util/suggest.js';

/** Where an exercise comes from: `built-in`, or the file a course's exercise was loaded from. */
export type ExerciseOrigin = 'built-in' | { file: string };

interface Entry {
  exercise: Exercise;
  origin: ExerciseOrigin;
}

function describeOrigin(origin: ExerciseOrigin): string {
  return origin === 'built-in' ? 'the built-in exercise' : `the exercise in ${origin.file}`;
}

/** A set of exercises keyed by id, in the order they were added. */
export class ExerciseSet {
  private readonly byId = new Map<string, Entry>();

  constructor(builtins: readonly Exercise[] = []) {
    for (const exercise of builtins) this.add(exercise, 'built-in');
  }

  /** Adds `exercise`; an id already taken is a {@link UsageError} naming both places. */
  add(exercise: Exercise, origin: ExerciseOrigin): void {
    const taken = this.byId.get(exercise.id);
    if (taken) {
      const where = origin === 'built-in' ? 'a built-in exercise' : origin.file;
      throw new UsageError(`exercise id "${exercise.id}" of ${where} is already taken by ${describeOrigin(taken.origin)}: give the course's exercise another id (and folder name)`);
    }
    this.byId.set(exercise.id, { exercise, origin });
  }

  /** The exercise with this id, or undefined. */
  find(id: string): Exercise | undefined {
    return this.byId.get(id)?.exercise;
  }

  /** The exercise with this id; an unknown id is a {@link UsageError} that says how to see the ids. */
  get(id: string, hint = 'run "sockgrade list" to see the exercises; a course\'s own exercises load with --exercises DIR'): Exercise {
    const found = this.find(id);
    if (!found) throw unknownExercise(id, this.all().map((e) => e.id), hint);
    return found;
  }

  /** Where the exercise with this id comes from. */
  originOf(id: string): ExerciseOrigin | undefined {
    return this.byId.get(id)?.origin;
  }

  /** Every exercise, built-ins first, then the course's in the order they were loaded. */
  all(): Exercise[] {
    return [...this.byId.values()].map((e) => e.exercise);
  }

  /** Every id, in the same order as {@link all}. */
  ids(): string[] {
    return [...this.byId.keys()];
  }
}
