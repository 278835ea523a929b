/**
 * Environment variables an instructor or a submission gives the programs sockgrade launches
 * (`"env"` in the course config and in `sockgrade.json`): typically `PYTHONPATH` for a module
 * the machine lacks, or `PATH` for an interpreter of one's own.
 */
import { delimiter, isAbsolute, resolve } from 'node:path';

/** Variables whose entries are folders: relative ones are taken from the file's folder. */
const PATH_LISTS = new Set(['PYTHONPATH', 'PATH', 'NODE_PATH', 'CLASSPATH', 'LD_LIBRARY_PATH']);

/** Variables sockgrade sets itself for every program. */
const RESERVED = /^(HOST|PORT|MESSAGE|TERM|SOCKGRADE_\w*)$/;

/**
 * Validates an `"env"` section read from a file in `baseDir`: an object of strings, no variable
 * sockgrade sets itself; relative folders of path lists made absolute. Problems go to `fail`.
 */
export function parseEnvSection(value: unknown, baseDir: string, fail: (what: string) => never): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('must be an object of environment variables, like {"PYTHONPATH": "lib"}');
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[A-Za-z_]\w*$/.test(name)) fail(`has "${name}", which is not a variable name`);
    if (RESERVED.test(name)) fail(`sets ${name}, which sockgrade sets itself for every program`);
    if (typeof v !== 'string') fail(`has "${name}": ${JSON.stringify(v)}, which is not a string`);
    out[name] = PATH_LISTS.has(name) ? v.split(delimiter).map((d) => (d === '' || isAbsolute(d) ? d : resolve(baseDir, d))).join(delimiter) : v;
  }
  return out;
}

/** `base` with `over` on top; path lists are joined (`over`'s folders first) instead of replaced. */
export function mergeEnv(base: Readonly<Record<string, string>>, over: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...base };
  for (const [name, v] of Object.entries(over)) out[name] = PATH_LISTS.has(name) && out[name] ? `${v}${delimiter}${out[name]}` : v;
  return out;
}

/** `env` with each path list it sets followed by the inherited one (`PATH` adds folders, it does not replace the system's). */
export function onTopOfInherited(env: Readonly<Record<string, string>>, inherited: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = { ...env };
  for (const [name, v] of Object.entries(env)) {
    const base = inherited[name];
    if (PATH_LISTS.has(name) && base) out[name] = `${v}${delimiter}${base}`;
  }
  return out;
}
