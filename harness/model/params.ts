/**
 * Exercise parameters: cosmetic or tunable parts of a contract (ack text, quit word, idle
 * seconds) with the course's value as default, overridable with `--param key=value`.
 */
import { UsageError } from './failure.js';

/** Declaration of one parameter. */
export type ParamSpec = (
  | { type: 'number'; default: number; min?: number; max?: number; description: string }
  | { type: 'integer'; default: number; min?: number; max?: number; description: string }
  | { type: 'string'; default: string; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'enum'; default: string; values: readonly string[]; description: string }
) & {
  /**
   * The submission describes it (part of a protocol the student designs, like the transport it
   * chose), so its `sockgrade.json` may set it. Any other parameter is the course's: a manifest
   * that sets it is ignored, so no submission can weaken its own checks.
   */
  fromSubmission?: boolean;
};

/** Declared parameters of an exercise. */
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** Values after defaults and overrides. */
export type ParamValues = Readonly<Record<string, string | number | boolean>>;

/** Parses `key=value` overrides against `specs`; unknown keys and bad values are usage errors. */
export function resolveParams(exercise: string, specs: ParamSpecs, overrides: readonly string[]): ParamValues {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, spec] of Object.entries(specs)) out[k] = spec.default;
  for (const raw of overrides) {
    const eq = raw.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param expects key=value, got "${raw}"`);
    const key = raw.slice(0, eq);
    const value = raw.slice(eq + 1);
    const spec = specs[key];
    if (!spec) {
      const known = Object.keys(specs);
      throw new UsageError(`exercise ${exercise} has no parameter "${key}"${known.length ? ` (it has: ${known.join(', ')})` : ' (it has none)'}`);
    }
    out[key] = parseValue(key, spec, value);
  }
  return out;
}

function parseValue(key: string, spec: ParamSpec, value: string): string | number | boolean {
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n) || (spec.type === 'integer' && !Number.isInteger(n))) {
        throw new UsageError(`parameter ${key} expects ${spec.type === 'integer' ? 'a whole number' : 'a number'}, got "${value}"`);
      }
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        throw new UsageError(`parameter ${key} must be between ${spec.min ?? '-∞'} and ${spec.max ?? '∞'}, got ${n}`);
      }
      return n;
    }
    case 'boolean': {
      if (/^(true|on|yes|1)$/i.test(value)) return true;
      if (/^(false|off|no|0)$/i.test(value)) return false;
      throw new UsageError(`parameter ${key} expects true or false, got "${value}"`);
    }
    case 'enum':
      if (!spec.values.includes(value)) throw new UsageError(`parameter ${key} expects one of ${spec.values.join(', ')}, got "${value}"`);
      return value;
    case 'string':
      return value;
  }
}

/** Typed accessors used by checks. */
export function num(params: ParamValues, key: string): number {
  const v = params[key];
  if (typeof v !== 'number') throw new Error(`parameter ${key} is not a number`);
  return v;
}

export function bool(params: ParamValues, key: string): boolean {
  const v = params[key];
  if (typeof v !== 'boolean') throw new Error(`parameter ${key} is not a boolean`);
  return v;
}

export function str(params: ParamValues, key: string): string {
  const v = params[key];
  if (typeof v !== 'string') throw new Error(`parameter ${key} is not a string`);
  return v;
}
