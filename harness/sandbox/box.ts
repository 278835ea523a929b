/**
 * A check's box: a folder holding the working folder its programs run in and whatever the check
 * places beside it (size-limited as a whole where sockgrade can mount a tmpfs), and the
 * unprivileged uid the programs run as (when sockgrade runs as root). Closing it kills whatever
 * still runs as that uid and removes the folder.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { removeTree } from '../util/remove-tree.js';
import { join } from 'node:path';
import { allocateUid, killAllOf } from './box-user.js';
import { WORK_DIR_BYTES } from './limits.js';
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

  /** Makes a box under `parent`; without a policy it is a plain folder. */
  static open(parent: string, prefix: string, policy: SandboxPolicy | undefined): Box {
    const dir = mkdtempSync(join(parent, prefix));
    const box = new Box(dir, policy?.perCheckUid ? allocateUid() : undefined, policy);
    try {
      if (policy?.sizedWorkDir) {
        const owner = box.uid !== undefined ? `,uid=${box.uid},gid=${box.uid}` : '';
        const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${WORK_DIR_BYTES},mode=0700,nosuid,nodev${owner}`, 'sockgrade-work', dir], { stdio: 'ignore', timeout: 10_000 });
        box.mounted = !r.error && r.status === 0;
      }
      mkdirSync(box.workDir);
      if (box.uid !== undefined) {
        for (const d of [dir, box.workDir]) chownSync(d, box.uid, box.uid);
        chmodSync(dir, 0o700);
      }
    } catch (err) {
      box.closeSync();
      throw err;
    }
    return box;
  }

  /** Creates an empty file the programs may write (a log), next to the working folder. */
  writableFile(path: string): string {
    writeFileSync(path, '', { flag: 'a' });
    if (this.uid !== undefined) chownSync(path, this.uid, this.uid);
    return path;
  }

  /** Kills every process of the box's uid, unmounts and removes the folder; says what could not be removed, if anything. */
  async close(): Promise<string | undefined> {
    this.release();
    return removeTree(this.dir);
  }

  private closeSync(): void {
    this.release();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private release(): void {
    if (this.uid !== undefined) killAllOf(this.uid);
    if (this.mounted) spawnSync('umount', ['-l', this.dir], { stdio: 'ignore', timeout: 10_000 });
    this.mounted = false;
  }
}
