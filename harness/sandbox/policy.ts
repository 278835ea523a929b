/**
 * How submitted programs are confined on this machine, decided once per grading process from
 * what the system allows (probed, never assumed) and from `--isolation`.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRealRoot } from './root.js';
import { bubblewrapArgs } from './bwrap-args.js';
import { dropToUid, probeUid } from './box-user.js';
import { WORK_DIR_BYTES } from './limits.js';

/** Set (to anything) in sockgrade's environment to act as if the system refused namespaces (Docker's default seccomp profile does). */
export const NO_NAMESPACES_ENV = 'SOCKGRADE_NO_NAMESPACES';

/** The protections programs get. */
export interface SandboxPolicy {
  /** Each program runs in its own bubblewrap sandbox. */
  bubblewrap: boolean;
  /** Each check's programs run as an unprivileged uid of their own (sockgrade runs as root). */
  perCheckUid: boolean;
  /** Working folders are size-limited tmpfs mounts (sockgrade is in its own mount namespace). */
  sizedWorkDir: boolean;
  /** Which protections are in force, for the report's header. */
  description: string;
}

/** Why namespaces must not be used, when the environment says so. */
export function namespacesForbidden(): string | undefined {
  return process.env[NO_NAMESPACES_ENV] ? `namespaces disabled by ${NO_NAMESPACES_ENV}` : undefined;
}

let cached: SandboxPolicy | undefined;

/**
 * The sandbox for programs of this run. `hermetic`: sockgrade itself runs in its own network,
 * PID and mount namespaces; `off`: `--isolation off` was asked for.
 */
export function sandboxPolicy(opts: { hermetic: boolean; off: boolean }): SandboxPolicy {
  if (cached) return cached;
  const perCheckUid = isRealRoot() && process.platform === 'linux' && works('setpriv', ['--version']);
  const bubblewrap = !opts.off && process.platform === 'linux' && !namespacesForbidden() && bubblewrapWorks(perCheckUid);
  const sizedWorkDir = opts.hermetic && bubblewrap && tmpfsWorks();
  return (cached = { bubblewrap, perCheckUid, sizedWorkDir, description: describe(bubblewrap, perCheckUid, sizedWorkDir) });
}

function describe(bubblewrap: boolean, perCheckUid: boolean, sized: boolean): string {
  const uid = perCheckUid ? ', an unprivileged uid of their own per check' : '';
  if (bubblewrap) {
    const size = sized ? `, a working folder of ${WORK_DIR_BYTES / 1048576} MiB` : '';
    return `each program in a bubblewrap sandbox (own PID, IPC, UTS, mount and user namespaces, no capabilities, read-only system, private /tmp, only its own folders in sight${size}${uid})`;
  }
  if (perCheckUid) return 'programs run as an unprivileged uid of their own per check: they cannot write sockgrade\'s files or results nor signal it, but they see every world-readable file, every process and the network';
  return 'programs run as your own user with a clean environment: nothing else keeps them from your files, your processes or your network';
}

function works(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 10_000 });
  return !r.error && r.status === 0;
}

function bubblewrapWorks(dropUid: boolean): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'sockgrade-probe-'));
  try {
    if (dropUid) chownSync(dir, probeUid, probeUid);
    const args = bubblewrapArgs({ workDir: dir, readable: {}, files: {}, command: 'exit 0', uid: dropUid ? probeUid : undefined });
    const argv = dropUid ? [...dropToUid(probeUid), 'bwrap', ...args] : ['bwrap', ...args];
    return works(argv[0] as string, argv.slice(1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function tmpfsWorks(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'sockgrade-probe-'));
  try {
    if (!works('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'sockgrade', dir])) return false;
    works('umount', [dir]);
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
