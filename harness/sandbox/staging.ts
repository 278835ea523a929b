/**
 * Folders an unprivileged uid cannot reach (a parent without `o+x`, like a home folder) made
 * reachable for bubblewrap: sockgrade, root in its own mount namespace, binds each one once under
 * a folder of its own that anyone may traverse, and bubblewrap binds it from there back to its
 * own path. Staged folders are unmounted (never deleted through) when the run ends.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const staged = new Map<string, string>();
let stageRoot: string | undefined;

/** Whether a uid that owns nothing can reach `path` (search on every parent, read on it). */
export function reachableByOthers(path: string): boolean {
  try {
    let dir = dirname(path);
    for (;;) {
      if ((statSync(dir).mode & 0o001) === 0) return false;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    const st = statSync(path);
    return (st.mode & (st.isDirectory() ? 0o005 : 0o004)) === (st.isDirectory() ? 0o005 : 0o004);
  } catch {
    return false;
  }
}

/**
 * A path the programs' uid can reach with the contents of `path`: `path` itself when it can, a
 * staged bind mount under `tmpRoot` when sockgrade may mount, else undefined.
 */
export function reachablePath(path: string, tmpRoot: string, canMount: boolean): string | undefined {
  if (reachableByOthers(path)) return path;
  if (!canMount) return undefined;
  const known = staged.get(path);
  if (known) return known;
  if (!stageRoot) {
    stageRoot = mkdtempSync(join(tmpRoot, 'sockgrade-ro-'));
    chmodSync(stageRoot, 0o711);
  }
  const target = join(stageRoot, String(staged.size));
  if (statSync(path).isDirectory()) mkdirSync(target);
  else writeFileSync(target, '');
  const r = spawnSync('mount', ['--bind', '-o', 'ro', path, target], { stdio: 'ignore', timeout: 10_000 });
  if (r.error || r.status !== 0) {
    removeMountPoint(target);
    return undefined;
  }
  staged.set(path, target);
  return target;
}

/** Unmounts every staged folder and removes the (then empty) mount points. */
export function releaseStaged(): void {
  for (const target of staged.values()) {
    const r = spawnSync('umount', ['-l', target], { stdio: 'ignore', timeout: 10_000 });
    try {
      if (!r.error && r.status === 0) removeMountPoint(target);
    } catch {
      /* still busy: left empty, never deleted through */
    }
  }
  staged.clear();
  if (stageRoot) {
    try {
      rmdirSync(stageRoot);
    } catch {
      /* a mount point could not be removed */
    }
    stageRoot = undefined;
  }
}

/** Removes an empty folder or file left by an unmounted bind: never recursively. */
function removeMountPoint(target: string): void {
  if (statSync(target).isDirectory()) rmdirSync(target);
  else rmSync(target, { force: true });
}
