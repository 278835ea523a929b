/**
 * Report files named on the command line, checked before anything is graded: an output that
 * cannot be written is a usage error at once, not a lost report after a long run. Folders are
 * made one level at a time, so no path (not even one in `/proc`, where a recursive mkdir never
 * returns) can make sockgrade hang.
 */
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { UsageError } from '../model/failure.js';

/** An output asked for: the flag that named it (for messages) and the file. */
export interface OutputPath {
  flag: string;
  file: string | undefined;
}

const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

function nearestExisting(path: string): string {
  let p = path;
  while (!exists(p)) {
    const up = dirname(p);
    if (up === p) return p;
    p = up;
  }
  return p;
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function inSystemFolder(path: string): boolean {
  let real: string;
  try {
    real = realpathSync(nearestExisting(path));
  } catch {
    real = path;
  }
  return SYSTEM_FOLDERS.some((s) => real === s || real.startsWith(`${s}${sep}`));
}

/** Why `file` cannot be written, or undefined when it can. */
export function outputProblem(file: string): string | undefined {
  const path = resolve(file);
  if (exists(path)) {
    const st = statSync(path);
    if (st.isDirectory()) return 'it is a folder';
    if (st.isCharacterDevice() && (path === '/dev/null' || path === '/dev/stdout' || path === '/dev/stderr')) return undefined;
    if (!st.isFile()) return 'it is not a regular file (a pipe, socket or device would block or lose the report)';
    if (inSystemFolder(path)) return 'it is in a system folder (/proc, /sys, /dev)';
    try {
      accessSync(path, constants.W_OK);
    } catch {
      return 'it is not writable';
    }
    return undefined;
  }
  if (inSystemFolder(path)) return 'it is in a system folder (/proc, /sys, /dev)';
  const base = nearestExisting(dirname(path));
  if (!statSync(base).isDirectory()) return `${base} is a file, not a folder`;
  try {
    accessSync(base, constants.W_OK | constants.X_OK);
  } catch {
    return `the folder ${base} is not writable`;
  }
  return undefined;
}

/** Why the folder `dir` cannot be used for results (made when missing), or undefined when it can. */
export function folderProblem(dir: string): string | undefined {
  const path = resolve(dir);
  if (inSystemFolder(path)) return 'it is in a system folder (/proc, /sys, /dev)';
  const base = nearestExisting(path);
  if (!statSync(base).isDirectory()) return `${base} is a file, not a folder`;
  try {
    accessSync(base, constants.W_OK | constants.X_OK);
  } catch {
    return `${base} is not writable`;
  }
  return undefined;
}

/**
 * Refuses, with one line naming the flag and the reason, outputs that are empty, cannot be
 * written, or are named twice. Call it before grading.
 */
export function checkOutputPaths(outputs: readonly OutputPath[]): void {
  const seen = new Map<string, string>();
  for (const { flag, file } of outputs) {
    if (file === undefined) continue;
    if (file.trim() === '') throw new UsageError(`--${flag} needs a file name`);
    const problem = outputProblem(file);
    if (problem) throw new UsageError(`--${flag} ${file}: cannot write there, ${problem}; choose another file`);
    const path = resolve(file);
    const other = seen.get(path);
    if (other) throw new UsageError(`--${other} and --${flag} name the same file ${file}: give each report its own file`);
    seen.set(path, flag);
  }
}

/** Makes the missing folders above `path`, one level at a time. */
async function makeParents(path: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dirname(path); !exists(d); d = dirname(d)) {
    if (dirname(d) === d) break;
    missing.unshift(d);
  }
  for (const d of missing) await mkdir(d).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
}

/** Writes a report file, making its folder when needed; a relative name is taken from the current folder. */
export async function writeOutputFile(file: string, text: string): Promise<void> {
  const path = resolve(file);
  if (inSystemFolder(path) && !['/dev/null', '/dev/stdout', '/dev/stderr'].includes(path)) throw new Error(`${path} is in a system folder`);
  await makeParents(path);
  await writeFile(path, text);
}

/**
 * Writes every report whose text can be made, each on its own: one that fails (a full disk, a
 * folder removed meanwhile) is said in a line through `warn` and does not keep the others from
 * being written. Resolves with the number that failed.
 */
export async function writeEach(reports: readonly { flag: string; file: string; text: () => string | Promise<string> }[], warn: (line: string) => void): Promise<number> {
  let failed = 0;
  for (const r of reports) {
    try {
      await writeOutputFile(r.file, await r.text());
    } catch (err) {
      failed += 1;
      const e = err as NodeJS.ErrnoException;
      warn(`--${r.flag} ${r.file} could not be written (${e.code ?? e.message}); the other reports were written`);
    }
  }
  return failed;
}
