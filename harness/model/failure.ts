/**
 * How a check says "the submission is wrong": throw a {@link CheckFailure}. Any other exception
 * escaping a check is a fault of sockgrade itself and is reported as `error`, never blamed on
 * the student.
 */

/** The submission did something wrong. `message` is the diagnosis a student reads. */
export class CheckFailure extends Error {
  readonly code = 'SOCKGRADE_CHECK_FAILED';
  constructor(
    message: string,
    /** `alsoRun`: the checks during which the failure was seen, when not this one; the reproduce line runs them too. */
    readonly details: { hint?: string; expected?: string; received?: string; replay?: string; alsoRun?: readonly string[] } = {},
  ) {
    super(message);
  }
}

/** The check cannot judge this submission for a reason outside its control; it is skipped with that reason. */
export class CheckSkipped extends Error {
  readonly code = 'SOCKGRADE_CHECK_SKIPPED';
}

/**
 * The check could not get to what it judges because an earlier step of the conversation failed
 * (another check reports that step). It counts as failed, "not reached: <why>", so that every
 * submission is graded out of the same maximum; only checks that do not apply are skipped.
 */
export class CheckNotReached extends Error {
  readonly code = 'SOCKGRADE_CHECK_NOT_REACHED';
}

/**
 * The check could not tell right from wrong because of something outside the submission (the
 * machine was too slow for a timed step, for instance). The engine runs the check again by itself
 * once; when it is still inconclusive the result is `error`, never the student's fail.
 */
export class CheckInconclusive extends Error {
  readonly code = 'SOCKGRADE_CHECK_INCONCLUSIVE';
}

/** A usage error (bad flag, unknown exercise, missing file): one readable line, exit code 2. */
export class UsageError extends Error {
  readonly code = 'SOCKGRADE_USAGE';
}
