/**
 * A check's box: a folder holding the working folder its programs run in and whatever the check
 * places beside it (size-limited as a whole where sockgrade can mount a tmpfs), and the
 * unprivileged uid the programs run as (when sockgrade runs as root). Closing it kills whatever
 * still runs as that uid and removes the folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { removeTree } from '../util/remove-tree.js';
import { join } from 'node:path';
import { allocateUid, killAllCommand } from './box-user.js';
import { anyProcessOfUid } from '../process/proc-tree.js';
import { WORK_DIR_BYTES } from './limits.js';
import { runShort } from './command-shell.js';
import type { SandboxPolicy } from './policy.js';

/** Where one check's programs run, and as whom. */
export class Box {
  private mounted = false;

  private constructor(
    /** The box's folder: it holds the working folder and what a check places beside it (a canary, logs); the program sees all of it. */
    readonly dir: string,
    /** The uid the programs run as, when sockgrade gives them one of their own. */
    readonly uid: number | undefined,
    readonly policy: SandboxPolicy | undefined,
  ) {}

  /** The programs' working folder (their current folder and `$HOME`), inside {@link dir}. */
  get workDir(): string {
    return join(this.dir, 'work');
  }

  /** Makes a box under `parent`; without a policy it is a plain folder. Blocks while it mounts: checks use {@link create}. */
  static open(parent: string, prefix: string, policy: SandboxPolicy | undefined): Box {
    const box = new Box(mkdtempSync(join(parent, prefix)), policy?.perCheckUid ? allocateUid() : undefined, policy);
    try {
      if (policy?.sizedWorkDir) box.mounted = spawnSync(...box.mountCommand(), { stdio: 'ignore', timeout: 10_000 }).status === 0;
      box.prepare();
    } catch (err) {
      box.release();
      rmSync(box.dir, { recursive: true, force: true });
      throw err;
    }
    return box;
  }

  /** Like {@link open}, without blocking the event loop while it mounts (other checks' timed waits go on). */
  static async create(parent: string, prefix: string, policy: SandboxPolicy | undefined): Promise<Box> {
    const box = new Box(mkdtempSync(join(parent, prefix)), policy?.perCheckUid ? allocateUid() : undefined, policy);
    try {
      if (policy?.sizedWorkDir) box.mounted = (await runShort(...box.mountCommand(), 10_000)) === 0;
      box.prepare();
    } catch (err) {
      await box.close();
      throw err;
    }
    return box;
  }

  private mountCommand(): [string, string[]] {
    const owner = this.uid !== undefined ? `,uid=${this.uid},gid=${this.uid}` : '';
    return ['mount', ['-t', 'tmpfs', '-o', `size=${WORK_DIR_BYTES},mode=0700,nosuid,nodev${owner}`, 'sockgrade-work', this.dir]];
  }

  private prepare(): void {
    mkdirSync(this.workDir);
    if (this.uid !== undefined) {
      for (const d of [this.dir, this.workDir]) chownSync(d, this.uid, this.uid);
      chmodSync(this.dir, 0o700);
    }
  }

  /** Creates an empty file the programs may write (a log), next to the working folder. */
  writableFile(path: string): string {
    writeFileSync(path, '', { flag: 'a' });
    if (this.uid !== undefined) chownSync(path, this.uid, this.uid);
    return path;
  }

  /** Kills every process of the box's uid, unmounts and removes the folder; says what could not be removed, if anything. */
  async close(): Promise<string | undefined> {
    // In bubblewrap's PID namespace nothing outlives the program, so usually nothing is left: a scan is cheaper than a process start.
    if (this.uid !== undefined && (!this.policy?.bubblewrap || anyProcessOfUid(this.uid))) await run(killAllCommand(this.uid), 5000);
    if (this.mounted) await runShort('umount', ['-l', this.dir], 10_000);
    this.mounted = false;
    return removeTree(this.dir);
  }

  private release(): void {
    if (this.uid !== undefined) spawnSync(...killAllCommand(this.uid), { stdio: 'ignore', timeout: 5000 });
    if (this.mounted) spawnSync('umount', ['-l', this.dir], { stdio: 'ignore', timeout: 10_000 });
    this.mounted = false;
  }
}

/** Runs a short system command to its end (killed after `ms`); its exit code, or null. */
function run([command, args]: [string, string[]], ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', timeout: ms, killSignal: 'SIGKILL' });
    child.once('error', () => resolve(null));
    child.once('close', (code) => resolve(code));
  });
}
