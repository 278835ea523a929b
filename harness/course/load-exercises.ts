/**
 * Loading a course's own exercises: a folder holds one sub-folder per exercise,
 * `<dir>/<id>/index.ts` or `index.js`, whose default export (or only exported exercise) is an
 * exercise declared with `defineExercise` from `sockgrade/authoring`. TypeScript loads without a
 * build step (see `module-hooks.ts`). Sub-folders without an index (helpers shared by the
 * course's exercises) are not exercises.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineExercise, type Exercise } from '../model/exercise.js';
import { UsageError } from '../model/failure.js';
import type { HookData } from './module-hooks.js';

const INDEX_NAMES = ['index.ts', 'index.js', 'index.mjs'];
const ID = /^[a-z0-9][a-z0-9._-]*$/;

let hooksRegistered = false;

/** Environment variable naming the compiled-TypeScript cache a sockgrade process shares with those it starts. */
export const TS_CACHE_ENV = 'SOCKGRADE_TS_CACHE';

/** The cache folder this process was given, else a new one, removed when this process exits. */
function compiledCache(): string {
  const given = process.env[TS_CACHE_ENV];
  if (given !== undefined && existsSync(given)) return given;
  const dir = mkdtempSync(join(process.env.SOCKGRADE_TMPDIR ?? tmpdir(), 'sockgrade-ts-'));
  process.env[TS_CACHE_ENV] = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function registerHooks(): void {
  if (hooksRegistered) return;
  if (typeof register !== 'function') throw new UsageError(`loading a course's exercises needs Node.js 20.6 or newer (this is ${process.version})`);
  const data: HookData = { authoring: new URL('../authoring.js', import.meta.url).href, cacheDir: compiledCache() };
  register('./module-hooks.js', { parentURL: import.meta.url, data });
  hooksRegistered = true;
}

/** A course exercise and the file it was loaded from. */
export interface LoadedExercise {
  exercise: Exercise;
  file: string;
}

/** The index file of each exercise folder in `dir`, in name order. */
export function exerciseFiles(dir: string): { id: string; file: string }[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`the exercises folder ${dir} does not exist: give a folder holding one folder per exercise (<id>/index.ts)`);
  const out: { id: string; file: string }[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const sub = join(dir, name);
    if (!statSync(sub).isDirectory()) continue;
    const index = INDEX_NAMES.find((n) => existsSync(join(sub, n)));
    if (index) out.push({ id: name, file: join(sub, index) });
  }
  if (out.length === 0) throw new UsageError(`no exercise in ${dir}: each exercise is a folder with an index.ts or index.js (${dir}/<id>/index.ts)`);
  return out;
}

function looksLikeExercise(v: unknown): v is Exercise {
  return typeof v === 'object' && v !== null && typeof (v as Exercise).id === 'string' && Array.isArray((v as Exercise).checks);
}

/** What is wrong with the shape of a declared exercise, or undefined (the type system does not reach a course's .js). */
function shapeProblem(ex: Exercise): string | undefined {
  if (!ID.test(ex.id)) return `its id "${ex.id}" must be lower-case letters, digits, dots and dashes`;
  for (const k of ['catalogue', 'title'] as const) if (typeof ex[k] !== 'string') return `"${k}" must be a string`;
  if (typeof ex.contract !== 'object' || ex.contract === null || (!ex.contract.server && !ex.contract.client)) return '"contract" must describe the server and/or the client';
  if (!['tcp', 'udp'].includes(ex.transport as string) && typeof ex.transport !== 'function') return '"transport" must be "tcp", "udp" or a function of the parameters';
  if (typeof ex.canonicalPort !== 'function' && !(Number.isInteger(ex.canonicalPort) && ex.canonicalPort > 0 && ex.canonicalPort < 65536)) return '"canonicalPort" must be a port number';
  if (typeof ex.params !== 'object' || ex.params === null) return '"params" must be an object (empty when there are none)';
  if (ex.checks.length === 0) return 'it has no checks';
  for (const c of ex.checks) {
    const name = `check ${String(c?.id)}`;
    if (typeof c?.id !== 'string' || !ID.test(c.id)) return `${name}: its id must be lower-case letters, digits, dots and dashes`;
    if (c.role !== 'server' && c.role !== 'client') return `${name}: declare it with defineServerCheck or defineClientCheck`;
    if (typeof c.title !== 'string' || c.title === '') return `${name}: it needs a title`;
    if (typeof c.weight !== 'number' || !Number.isFinite(c.weight) || c.weight < 0) return `${name}: its weight must be a number of points, 0 or more`;
    if (typeof c.budgetMs !== 'function' && !(typeof c.budgetMs === 'number' && c.budgetMs > 0)) return `${name}: budgetMs must be a positive number of milliseconds`;
    if (typeof c.run !== 'function') return `${name}: it needs a run function`;
  }
  return undefined;
}

/** Imports the exercise of one index file; every problem is a {@link UsageError} naming the file. */
export async function loadExerciseFile(id: string, file: string): Promise<Exercise> {
  registerHooks();
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (err) {
    const e = err as Error;
    const first = (e instanceof SyntaxError && e.message.startsWith('/') ? e.message : `${e.name}: ${e.message}`).split('\n')[0];
    throw new UsageError(`cannot load the exercise ${file}: ${first}`);
  }
  const candidates = looksLikeExercise(mod.default) ? [mod.default] : Object.values(mod).filter(looksLikeExercise);
  if (candidates.length !== 1) {
    throw new UsageError(`${file} must export one exercise (export default defineExercise({...})), ${candidates.length === 0 ? 'found none' : `found ${candidates.length}`}`);
  }
  const exercise = candidates[0] as Exercise;
  const problem = shapeProblem(exercise);
  if (problem) throw new UsageError(`the exercise in ${file} is not valid: ${problem}`);
  if (exercise.id !== id) throw new UsageError(`the exercise in ${file} has id "${exercise.id}", but its folder is named "${id}": make them the same`);
  try {
    return defineExercise(exercise);
  } catch (err) {
    throw new UsageError(`the exercise in ${file} is not valid: ${(err as Error).message}`);
  }
}

/** Loads every exercise of a course's exercises folder. */
export async function loadExerciseDir(dir: string, cwd = process.cwd()): Promise<LoadedExercise[]> {
  const abs = resolve(cwd, dir);
  const out: LoadedExercise[] = [];
  for (const { id, file } of exerciseFiles(abs)) out.push({ exercise: await loadExerciseFile(id, file), file });
  return out;
}
