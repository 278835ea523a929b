/**
 * Submission folders an unprivileged uid cannot read (a parent without `o+x`, like a home
 * folder, or a folder of mode 0700) made readable for bubblewrap: sockgrade copies each one once
 * per run into a folder of its own that anyone may read, and bubblewrap binds the copy read-only
 * at the original path. Copies are removed when the run ends.
 */
import { chmodSync, cpSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Largest folder copied: a submission is small; anything bigger is named in an error instead. */
const MAX_COPY_BYTES = 64 * 1024 * 1024;

const staged = new Map<string, string>();
let stageRoot: string | undefined;

/** Whether a uid that owns nothing can read `path` (search on every parent, read on it and, for a folder, on what it holds). */
export function reachableByOthers(path: string): boolean {
  try {
    return enterableByOthers(dirname(path)) && readableTree(path, 0) !== undefined;
  } catch {
    return false;
  }
}

/** Whether a uid that owns nothing can pass through `dir` and every folder above it (search permission). */
export function enterableByOthers(dir: string): boolean {
  try {
    const parts = dir.split('/').filter(Boolean);
    for (let i = 0; i <= parts.length; i++) {
      if ((statSync(`/${parts.slice(0, i).join('/')}`).mode & 0o001) === 0) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Bytes under `path` when everything is readable by others, else undefined (stops early). */
function readableTree(path: string, depth: number): number | undefined {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return 0;
  if (st.isDirectory()) {
    if ((st.mode & 0o005) !== 0o005 || depth > 8) return undefined;
    let total = 0;
    for (const name of readdirSync(path)) {
      const n = readableTree(join(path, name), depth + 1);
      if (n === undefined) return undefined;
      total += n;
    }
    return total;
  }
  return (st.mode & 0o004) !== 0 ? st.size : undefined;
}

/**
 * A path with the contents of `path` that a uid owning nothing can read: `path` itself when it
 * can, else a readable copy made under `tmpRoot` (once per run). Throws when it is too big to copy.
 */
export function reachablePath(path: string, tmpRoot: string): string {
  if (reachableByOthers(path)) return path;
  const known = staged.get(path);
  if (known) return known;
  const size = sizeOf(path, 0);
  if (size > MAX_COPY_BYTES) throw new Error(`${path} cannot be read by the unprivileged uid the programs run as, and is too big to copy (${Math.round(size / 1048576)} MiB): let other users read it (chmod o+rX, and o+x on its parent folders)`);
  if (!stageRoot) {
    stageRoot = mkdtempSync(join(tmpRoot, 'sockgrade-ro-'));
    chmodSync(stageRoot, 0o711);
  }
  const target = join(stageRoot, String(staged.size));
  cpSync(path, target, { recursive: true, dereference: false, verbatimSymlinks: true });
  openUp(target);
  staged.set(path, target);
  return target;
}

function sizeOf(path: string, depth: number): number {
  const st = lstatSync(path);
  if (!st.isDirectory() || depth > 8) return st.isFile() ? st.size : 0;
  let total = 0;
  for (const name of readdirSync(path)) {
    total += sizeOf(join(path, name), depth + 1);
    if (total > MAX_COPY_BYTES) break;
  }
  return total;
}

function openUp(path: string): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  chmodSync(path, st.isDirectory() || (st.mode & 0o100) !== 0 ? 0o755 : 0o644);
  if (st.isDirectory()) for (const name of readdirSync(path)) openUp(join(path, name));
}

/** Removes every copy made for this run. */
export function releaseStaged(): void {
  if (stageRoot) rmSync(stageRoot, { recursive: true, force: true });
  staged.clear();
  stageRoot = undefined;
}
