/**
 * Unprivileged uids for programs when sockgrade runs as root: each check's programs get a uid
 * of their own, picked at random from a range no account uses, so that they cannot write
 * sockgrade's files, signal it, or touch another check's (or another student's) processes,
 * and `kill(-1)` reaches only themselves.
 */
import { randomInt } from 'node:crypto';

const FIRST = 1_500_000_000;
const COUNT = 500_000_000;

/** The uid the start-up probe runs as. */
export const probeUid = FIRST - 1;

/** A fresh uid (and gid of the same number) for one check's programs. */
export function allocateUid(): number {
  return FIRST + randomInt(COUNT);
}

/** `setpriv` arguments that run the rest of the command line as `uid`, with no groups, no capabilities and no way to gain any. */
export function dropToUid(uid: number): string[] {
  return ['setpriv', `--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', '--inh-caps=-all', '--bounding-set=-all', '--no-new-privs', '--'];
}

/** The command that sends SIGKILL to every process running as `uid` (a daemon that left its tree included), as that uid does with kill(-1). */
export function killAllCommand(uid: number): [string, string[]] {
  return ['setpriv', [...dropToUid(uid).slice(1, -1), 'kill', '-KILL', '-1']];
}
