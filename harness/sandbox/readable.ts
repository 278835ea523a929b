/**
 * Which folders of the machine a sandboxed program may read: those of the files and folders its
 * command names (its submission) and its declared environment's path lists name, and those the instructor adds with `SOCKGRADE_SANDBOX_READ`.
 */
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, normalize, sep } from 'node:path';
import { shellWords } from '../cli/command-line.js';

/** Colon-separated folders every sandboxed program may also read (an interpreter installed outside the system folders, say). */
export const SANDBOX_READ_ENV = 'SOCKGRADE_SANDBOX_READ';

/** Already in the sandbox (the system) or never to be bound from the machine (its kernel and device views). */
const SKIPPED = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc', '/proc', '/sys', '/dev', '/run', '/var/run'];

const BROAD = new Set(['/', '/tmp', '/var/tmp', '/home', '/root', '/opt', '/srv', '/mnt', '/media', '/work', homedir()]);

/** Variables whose entries are folders (or files, like a jar on CLASSPATH) the program reads. */
const PATH_LISTS = ['PYTHONPATH', 'PATH', 'NODE_PATH', 'CLASSPATH', 'LD_LIBRARY_PATH'];

/**
 * The entries of the path lists `env` declares (`"env"` of the course config or of sockgrade.json),
 * without the part inherited from sockgrade's own environment (`onTopOfInherited` appends it).
 */
export function declaredPathEntries(env: Readonly<Record<string, string>>, inherited: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  for (const name of PATH_LISTS) {
    let value = env[name];
    if (!value) continue;
    const base = inherited[name];
    if (base && value !== base && value.endsWith(`${delimiter}${base}`)) value = value.slice(0, -(base.length + 1));
    out.push(...value.split(delimiter).filter((p) => p !== ''));
  }
  return out;
}

/**
 * Paths to bind read-only for `command`: the folder of each absolute file it names (the file
 * alone when that folder is a broad one like /tmp or a home folder, or holds `workDir`), and the
 * same for each folder or file named in the path lists of the program's declared `env`
 * (`PYTHONPATH`, `PATH`, `NODE_PATH`, `CLASSPATH`, `LD_LIBRARY_PATH`).
 */
export function readablePaths(command: string, workDir: string, env: Readonly<Record<string, string>> = {}): string[] {
  const out = new Set<string>();
  const named = [...shellWords(command).map(({ word }) => (word.includes('=') && !isAbsolute(word) ? word.slice(word.indexOf('=') + 1) : word)), ...declaredPathEntries(env)];
  for (const path of named) {
    if (!isAbsolute(path) || SKIPPED.some((d) => path === d || path.startsWith(`${d}/`)) || !existsSync(path)) continue;
    const clean = normalize(path).replace(/\/+$/, '') || '/';
    const folder = statSync(clean).isDirectory() ? clean : dirname(clean);
    out.add(tooBroad(folder, workDir) ? clean : folder);
  }
  for (const extra of (process.env[SANDBOX_READ_ENV] ?? '').split(':')) if (isAbsolute(extra) && existsSync(extra)) out.add(normalize(extra));
  return [...out].filter((p) => !tooBroad(p, workDir) || !statSync(p).isDirectory());
}

function tooBroad(folder: string, workDir: string): boolean {
  return BROAD.has(folder) || workDir === folder || workDir.startsWith(folder + sep);
}
