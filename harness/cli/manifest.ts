/**
 * A submission's manifest, `sockgrade.json` in the student's folder: the exercise it answers,
 * the command of each role (run from that folder; `{dir}` is the folder), parameters, and any
 * data an exercise lets the student declare (e.g. a telemetry protocol).
 *
 * ```json
 * { "exercise": "tcp-echo", "server": "python3 servidor.py", "client": "python3 cliente.py {host} {port}",
 *   "env": { "PYTHONPATH": "lib" } }
 * ```
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../model/failure.js';
import { parseEnvSection } from '../course/program-env.js';

/** The file name looked for in a submission folder. */
export const MANIFEST_NAME = 'sockgrade.json';

/** A parsed manifest. */
export interface Manifest {
  /** Absolute path of the file. */
  file: string;
  /** The folder it is in: the submission's folder. */
  dir: string;
  exercise?: string;
  server?: string;
  client?: string;
  /** `key=value` parameter overrides. */
  params: string[];
  /** Environment of the submission's programs (`"env"`), relative folders of path lists made absolute. */
  env: Record<string, string>;
  /** The whole object, for exercise-specific sections. */
  data: Readonly<Record<string, unknown>>;
}

/** Reads and validates a manifest; every problem is a {@link UsageError} naming the file. */
export function readManifest(path: string, cwd = process.cwd()): Manifest {
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `manifest ${file} does not exist: create it (see "Manifest" in the README) or give the commands with --server/--client` : `cannot read manifest ${file}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`manifest ${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`manifest ${file} must hold a JSON object like {"exercise": "tcp-echo", "server": "python3 server.py"}`);
  const obj = data as Record<string, unknown>;
  const text_ = (key: string): string | undefined => {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`manifest ${file}: "${key}" must be a non-empty string`);
    return v;
  };
  const dir = dirname(file);
  const command = (key: string): string | undefined => text_(key)?.replaceAll('{dir}', dir);
  const params = obj.params ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new UsageError(`manifest ${file}: "params" must be an object like {"idle": 10}`);
  const exercise = text_('exercise');
  const server = command('server');
  const client = command('client');
  return {
    file,
    dir,
    ...(exercise !== undefined ? { exercise } : {}),
    ...(server !== undefined ? { server } : {}),
    ...(client !== undefined ? { client } : {}),
    params: Object.entries(params as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`),
    env: parseEnvSection(obj.env, dir, (what) => {
      throw new UsageError(`manifest ${file}: "env" ${what}`);
    }),
    data: obj,
  };
}
