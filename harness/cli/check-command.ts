/**
 * `sockgrade check`: grades the submission in a folder (the current one, or `--dir DIR`) from
 * its `sockgrade.json`, exactly as `sockgrade grade <exercise> --manifest DIR/sockgrade.json`
 * would, with every report flag of `grade`. Reports are the student's view unless
 * `--audience instructor` is given. The course config is `--config FILE`, else the
 * `sockgrade.config.json` of the current folder, else the one in DIR.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { parseOptions } from './parse-options.js';
import { UsageError } from '../model/failure.js';
import { COURSE_CONFIG_NAME } from '../course/config.js';
import { MANIFEST_NAME, readManifest } from './manifest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Turns the arguments of `sockgrade check` into those of the `sockgrade grade` run it stands
 * for. `gradeOptions` are grade's option declarations. Every problem is a {@link UsageError}.
 */
export function checkArgv(args: readonly string[], gradeOptions: Options, cwd: string): string[] {
  const parsed = parseOptions('check', args, { ...gradeOptions, dir: { type: 'string' } });
  const { positionals, tokens } = parsed;
  const values = parsed.values;
  if (positionals.length > 0) throw new UsageError(`"sockgrade check" takes no arguments (the exercise comes from ${MANIFEST_NAME}), got "${positionals.join(' ')}"; use --dir DIR for another folder`);
  if (values.manifest !== undefined) throw new UsageError(`"sockgrade check" reads the ${MANIFEST_NAME} of its folder: use --dir DIR instead of --manifest`);

  const dir = resolve(cwd, typeof values.dir === 'string' ? values.dir : '.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--dir ${String(values.dir)} is not a folder (looked for ${dir})`);
  const file = join(dir, MANIFEST_NAME);
  if (!existsSync(file)) {
    throw new UsageError(`no ${MANIFEST_NAME} in ${dir}: "sockgrade check" grades a folder that has one, like {"exercise": "tcp-echo", "server": "python3 servidor.py"}`);
  }
  const manifest = readManifest(file, cwd);
  if (manifest.exercise === undefined) throw new UsageError(`${file} names no exercise: add "exercise": "<id>" (run "sockgrade list" for the ids)`);
  if (manifest.server === undefined && manifest.client === undefined && values.server === undefined && values.client === undefined) {
    throw new UsageError(`${file} names no command: add "server": "python3 servidor.py" and/or "client": "python3 cliente.py"`);
  }

  const rest: string[] = [];
  for (const t of tokens) {
    if (t.kind !== 'option' || t.name === 'dir') continue;
    rest.push(t.value === undefined ? t.rawName : `${t.rawName}=${t.value}`);
  }
  if (values.audience === undefined) rest.push('--audience=student');
  const courseHere = join(dir, COURSE_CONFIG_NAME);
  if (values.config === undefined && !existsSync(join(cwd, COURSE_CONFIG_NAME)) && existsSync(courseHere)) rest.push(`--config=${courseHere}`);
  return ['grade', manifest.exercise, `--manifest=${file}`, ...rest];
}
