/**
 * How submitted programs are confined on this machine, decided once per grading process from
 * what the system allows (probed, never assumed) and from `--isolation`.
 */
import { execFile } from 'node:child_process';
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRealRoot } from './root.js';
import { bubblewrapArgs } from './bwrap-args.js';
import { dropToUid, probeUid } from './box-user.js';
import { WORK_DIR_BYTES } from './limits.js';
import { shellQuote } from '../engine/settings.js';
import { onInterrupt } from '../engine/interrupt.js';

/** Set (to anything) in sockgrade's environment to act as if the system refused namespaces (Docker's default seccomp profile does). */
export const NO_NAMESPACES_ENV = 'SOCKGRADE_NO_NAMESPACES';

/** The protections programs get. */
export interface SandboxPolicy {
  /** Each program runs in its own bubblewrap sandbox. */
  bubblewrap: boolean;
  /** Each instance's programs (a check's own, or one shared by several checks) run as an unprivileged uid of their own (sockgrade runs as root). */
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

let cached: Promise<SandboxPolicy> | undefined;

/**
 * The sandbox for programs of this run (probed once per process: a caller may start it early and
 * await it when needed). `hermetic`: sockgrade itself runs in its own network, PID and mount
 * namespaces; `off`: `--isolation off` was asked for.
 */
export function sandboxPolicy(opts: { hermetic: boolean; off: boolean }): Promise<SandboxPolicy> {
  cached ??= (async () => {
    const linux = process.platform === 'linux';
    const found = await probe({ setpriv: linux && isRealRoot(), bubblewrap: linux && !opts.off && !namespacesForbidden(), tmpfs: opts.hermetic });
    return { ...found, description: describe(found.bubblewrap, found.perCheckUid, found.sizedWorkDir) };
  })();
  return cached;
}

function describe(bubblewrap: boolean, perCheckUid: boolean, sized: boolean): string {
  const uid = perCheckUid ? ', an unprivileged uid of their own per instance of a program' : '';
  if (bubblewrap) {
    const size = sized ? `, a working folder of ${WORK_DIR_BYTES / 1048576} MiB` : '';
    return `each program in a bubblewrap sandbox (own PID, IPC, UTS, mount and user namespaces, no capabilities, read-only system, private /tmp, only its own folders in sight${size}${uid})`;
  }
  if (perCheckUid) return 'programs run as an unprivileged uid of their own per instance of a program: they cannot write sockgrade\'s files or results nor signal it, but they see every world-readable file, every process and the network';
  return 'programs run as your own user with a clean environment: nothing else keeps them from your files, your processes or your network';
}

const line = (argv: readonly string[]): string => argv.map(shellQuote).join(' ');

/**
 * What the system allows, tried for real in one shell (one process start from the grader instead
 * of one per probe): `setpriv` (to run programs as another uid, when root), a bubblewrap sandbox
 * (as that uid when there is one), and a size-limited tmpfs (only asked in a mount namespace of
 * sockgrade's own).
 */
async function probe(want: { setpriv: boolean; bubblewrap: boolean; tmpfs: boolean }): Promise<Omit<SandboxPolicy, 'description'>> {
  if (!want.setpriv && !want.bubblewrap) return { perCheckUid: false, bubblewrap: false, sizedWorkDir: false };
  const dir = await mkdtemp(join(tmpdir(), 'sockgrade-probe-'));
  const forget = onInterrupt('files', () => rm(dir, { recursive: true, force: true }));
  try {
    const mountPoint = join(dir, 'mount');
    await mkdir(mountPoint);
    if (want.setpriv) await chown(dir, probeUid, probeUid);
    const sandbox = (uid: number | undefined): string => line(['bwrap', ...bubblewrapArgs({ workDir: dir, readable: {}, files: {}, command: 'exit 0', uid })]);
    const script = [
      'P=0 B=0 T=0',
      want.setpriv ? 'setpriv --version >/dev/null 2>&1 && P=1' : '',
      want.bubblewrap ? `if [ $P = 1 ]; then ${line(dropToUid(probeUid))} ${sandbox(probeUid)} && B=1; else ${sandbox(undefined)} && B=1; fi` : '',
      want.tmpfs ? `[ $B = 1 ] && mount -t tmpfs -o size=1m sockgrade ${shellQuote(mountPoint)} && T=1 && umount ${shellQuote(mountPoint)}` : '',
      'echo "$P $B $T"',
    ].filter((l) => l !== '').join('\n');
    const out = await new Promise<string>((resolve) => {
      execFile('/bin/sh', ['-c', script], { encoding: 'utf8', timeout: 20_000 }, (err, stdout) => resolve(err ? '' : stdout));
    });
    const [p, b, t] = out.trim().split(' ');
    return { perCheckUid: p === '1', bubblewrap: b === '1', sizedWorkDir: t === '1' };
  } finally {
    await rm(dir, { recursive: true, force: true });
    forget();
  }
}
