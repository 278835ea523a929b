/**
 * The bubblewrap command line for one program: a read-only system, the program's own folders,
 * and nothing else of the machine.
 */
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TMP_BYTES } from './limits.js';

/** Where the Python start-up hook is seen inside the sandbox. */
export const HOOK_DIR = '/run/sockgrade/python';

/** The uid (and gid) a program has inside its sandbox when sockgrade gives it none of its own. */
export const SANDBOX_UID = 1000;

/** What one program may see. */
export interface SandboxSpec {
  /** Its working folder: its current folder and `$HOME`, at the same path as outside. */
  workDir: string;
  /** A folder it may write, at the same path as outside (the check's box, which holds `workDir`); else `workDir`. */
  boxDir?: string;
  /** Folders (or files) it may read (its submission): path in the sandbox → where to bind it from. */
  readable: Readonly<Record<string, string>>;
  /** Files bound read-only over a path of the sandbox (`/etc/hosts`, `/etc/resolv.conf`): target → source. */
  files: Readonly<Record<string, string>>;
  /** Files it may append to (the Python hook's log), at the same paths as outside. */
  writable?: readonly string[];
  /** Folder of the Python start-up hook, seen read-only at {@link HOOK_DIR}. */
  pythonHook?: string;
  /** The shell command line it runs. */
  command: string;
  /** The uid it runs as (sockgrade drops to it before bubblewrap starts), else {@link SANDBOX_UID}. */
  uid: number | undefined;
}

const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc'];

/** sockgrade's own folder (holding dist/ or the sources): hidden when it sits inside a system folder. */
const OWN_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', existsSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json')) ? '.' : '..');

/** The arguments of `bwrap` (without the program name) that run `spec.command` in its sandbox. */
export function bubblewrapArgs(spec: SandboxSpec): string[] {
  const id = String(spec.uid ?? SANDBOX_UID);
  const args = ['--unshare-user', '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try', '--disable-userns'];
  args.push('--uid', id, '--gid', id, '--die-with-parent', '--cap-drop', 'ALL');
  for (const dir of SYSTEM_DIRS) {
    let st;
    try {
      st = lstatSync(dir);
    } catch {
      continue;
    }
    if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
    else args.push('--ro-bind', dir, dir);
  }
  if (SYSTEM_DIRS.some((d) => OWN_ROOT.startsWith(`${d}/`))) args.push('--tmpfs', OWN_ROOT);
  args.push('--proc', '/proc', '--dev', '/dev');
  args.push('--size', String(TMP_BYTES), '--perms', '1777', '--tmpfs', '/tmp');
  args.push('--perms', '0755', '--tmpfs', '/run');
  if (spec.pythonHook) args.push('--ro-bind', spec.pythonHook, HOOK_DIR);
  for (const [target, source] of Object.entries(spec.readable)) if (isAbsolute(target)) args.push('--ro-bind-try', source, target);
  const box = spec.boxDir ?? spec.workDir;
  args.push('--bind', box, box);
  for (const file of spec.writable ?? []) args.push('--bind', file, file);
  for (const [target, source] of Object.entries(spec.files)) args.push('--ro-bind', source, target);
  args.push('--chdir', spec.workDir, '--', '/bin/sh', '-c', spec.command);
  return args;
}
