/**
 * Removing a scratch folder whatever a submission did to it: files still being written by a
 * process that was just killed (ENOTEMPTY), read-only folders, immutable files (`chattr +i`).
 * It never throws: what could not be removed is said, never turned into an internal error.
 */
import { rm } from 'node:fs/promises';
import { chmodSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const ATTEMPTS = 5;

async function tryRemove(dir: string): Promise<NodeJS.ErrnoException | undefined> {
  try {
    await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 });
    return undefined;
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
}

/** Lifts what keeps a tree from being removed: the immutable and append-only flags, and missing write permission. */
function unlock(dir: string): void {
  spawnSync('chattr', ['-R', '-i', '-a', dir], { stdio: 'ignore', timeout: 10_000 });
  spawnSync('chmod', ['-R', 'u+rwX', dir], { stdio: 'ignore', timeout: 10_000 });
  try {
    chmodSync(dir, 0o700);
  } catch {
    /* gone or not ours */
  }
}

/**
 * Removes `dir` and everything in it. Resolves with undefined when it is gone, or with a line
 * saying what was left and why.
 */
export async function removeTree(dir: string): Promise<string | undefined> {
  let last: NodeJS.ErrnoException | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    last = await tryRemove(dir);
    if (!last || !existsSync(dir)) return undefined;
    if (attempt > 0 || last.code === 'EPERM' || last.code === 'EACCES' || last.code === 'ENOTDIR') unlock(dir);
    await sleep(20 * 2 ** attempt);
  }
  return `sockgrade could not remove the scratch folder ${dir} (${last?.code ?? last?.message ?? 'unknown'}): a program made it undeletable; remove it by hand (chattr -R -i, then rm -r)`;
}
