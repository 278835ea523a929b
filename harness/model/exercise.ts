/**
 * An exercise: its contract in a sentence, the roles a submission plays, the transport, the
 * course's default address, its parameters and its checks.
 */
import type { Check } from './check.js';
import { resolveParams, type ParamSpecs, type ParamValues } from './params.js';
import { UsageError } from './failure.js';
import type { Role } from './result.js';
import type { Catalogue } from '../i18n/catalogue.js';

/**
 * An exercise's own translations of its English texts (titles, hints, diagnoses), by language:
 * gettext-style catalogues keyed by the English text (see `harness/i18n/catalogue.ts`).
 */
export interface ExerciseMessages {
  /** Spanish. */
  es?: Catalogue;
}

/** Declaration of one exercise (one folder under `exercises/`). */
export interface Exercise {
  /** Stable id used on the command line, e.g. `tcp-echo`. */
  id: string;
  /** Catalogue reference, e.g. `A2`. */
  catalogue: string;
  title: string;
  /** What a correct submission does, in two or three sentences. */
  contract: Partial<Record<Role, string>>;
  /** TCP or UDP; a function when a parameter chooses (e.g. `transport=udp`). */
  transport: 'tcp' | 'udp' | ((params: ParamValues) => 'tcp' | 'udp');
  /** Port the course material hard-codes, offered to submissions that hard-code it; a function when a parameter decides. */
  canonicalPort: number | ((params: ParamValues) => number);
  /**
   * Host name the course material hard-codes for the peer (e.g. `time.google.com`). Where
   * programs can be given their own hosts file, a client's look-up of it finds sockgrade's peer.
   */
  canonicalHost?: string;
  /**
   * Look-ups of names outside a program's hosts file fail (the exercise judges failed look-ups).
   * Otherwise, in a hermetic run, every name a client looks up resolves to sockgrade's peer.
   */
  unknownNamesFail?: boolean;
  params: ParamSpecs;
  /**
   * Why these parameter values do not go together (e.g. a variant that a transport cannot carry),
   * in one sentence that says what to change; undefined when they do. Grading refuses them.
   */
  paramsConflict?: (params: ParamValues) => string | undefined;
  checks: readonly Check[];
  /** Translations of the exercise's texts, kept in its own folder (e.g. `i18n/es.ts`). */
  messages?: ExerciseMessages;
}

/** Declares an exercise, validating that check ids are unique and roles consistent. */
export function defineExercise(ex: Exercise): Exercise {
  const seen = new Set<string>();
  for (const c of ex.checks) {
    const key = `${c.role}:${c.id}`;
    if (seen.has(key)) throw new Error(`exercise ${ex.id}: check ${c.id} is declared twice for the ${c.role}`);
    seen.add(key);
    if (!ex.contract[c.role]) throw new Error(`exercise ${ex.id}: check ${c.id} is for the ${c.role}, which the exercise has no contract for`);
  }
  return ex;
}

/** `ex`'s parameters after defaults and `overrides`; bad values and values that conflict are usage errors. */
export function resolveExerciseParams(ex: Exercise, overrides: readonly string[]): ParamValues {
  const params = resolveParams(ex.id, ex.params, overrides);
  const conflict = ex.paramsConflict?.(params);
  if (conflict) throw new UsageError(`exercise ${ex.id}: ${conflict}`);
  return params;
}

/** The transport of `ex` under `params`. */
export function transportOf(ex: Exercise, params: ParamValues): 'tcp' | 'udp' {
  return typeof ex.transport === 'function' ? ex.transport(params) : ex.transport;
}

/** The course's default port of `ex` under `params`. */
export function canonicalPortOf(ex: Exercise, params: ParamValues): number {
  return typeof ex.canonicalPort === 'function' ? ex.canonicalPort(params) : ex.canonicalPort;
}

/** The roles an exercise grades. */
export function rolesOf(ex: Exercise): Role[] {
  return (['server', 'client'] as const).filter((r) => ex.contract[r] !== undefined);
}
