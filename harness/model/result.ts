/**
 * The one result model that every reporter renders (console, TAP, JUnit, JSON).
 */
import type { TranscriptView } from '../process/transcript.js';
import type { ParamValues } from './params.js';
import type { CheckTrace } from '../trace/session.js';

/** A role of an exercise: the submission's side of the conversation. */
export type Role = 'server' | 'client';

/**
 * Whether students see a check: `visible` checks are reported in full to everyone; `hidden` ones
 * are reported in full to the instructor and to the student only as "hidden check" with its
 * verdict and points, without diagnosis.
 */
export type Visibility = 'visible' | 'hidden';

/** pass/fail judge the submission; skip says why it was not judged; error means sockgrade itself broke. */
export type CheckStatus = 'pass' | 'fail' | 'skip' | 'error';

/** What a check saw, for the student to act on. */
export interface Evidence {
  /** What sockgrade expected, escaped for reading. */
  expected?: string;
  /** What it received or saw instead. */
  received?: string;
  /** How to fix or investigate. */
  hint?: string;
  /** The program's own output during the check (tail, escaped), tracebacks included. */
  programOutput?: string;
  /** How the program ended, if it did. */
  programExit?: string;
  /** Per-connection and per-program transcripts. */
  transcripts?: TranscriptView[];
  /** The time budget of the check, when it ran out. */
  budgetMs?: number;
  /** A command line that reproduces the check. */
  reproduce?: string;
  /** Stack trace of a harness fault (status error). */
  stack?: string;
  /** Figures and remarks a check reports whatever its verdict (e.g. retransmission overhead). */
  notes?: string[];
}

/** Result of one check. */
export interface CheckResult {
  id: string;
  title: string;
  role: Role;
  status: CheckStatus;
  points: number;
  maxPoints: number;
  durationMs: number;
  /** The diagnosis: empty on pass. */
  message: string;
  evidence: Evidence;
  /** `hidden` when the course shows this check to students only as "hidden check" (see {@link Visibility}); absent when visible. */
  visibility?: Visibility;
  /** What crossed the wire during the check, when packets were recorded (`--trace`). */
  trace?: CheckTrace;
}

/** Result of grading one submission on one exercise. */
export interface GradeResult {
  exercise: string;
  params: ParamValues;
  score: number;
  maxScore: number;
  checks: CheckResult[];
  /** Run facts: seed, addresses used, how isolation was done, notes for the reader. */
  run: {
    seed: number;
    startedAt: string;
    durationMs: number;
    isolation: string;
    notes: string[];
    commands: Partial<Record<Role, string>>;
  };
}

/** The skip reason of a check whose role was not given on the command line. */
export function roleNotGiven(role: Role): string {
  return `no ${role} was given (use --${role} "<command>")`;
}

/** Adds points exactly: weights are kept as thousandths to avoid binary fractions drifting. */
export function sumPoints(values: readonly number[]): number {
  return values.reduce((acc, v) => acc + Math.round(v * 1000), 0) / 1000;
}
