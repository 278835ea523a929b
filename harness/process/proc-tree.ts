/**
 * Process-tree queries from Linux's /proc. Elsewhere they return only the root pid, which
 * still lets the process group be killed as a whole.
 */
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';

const hasProc = process.platform === 'linux';

/** Field `index` of /proc/<pid>/stat counted after the command name (0 = state, 1 = ppid, 2 = pgrp), or undefined when it is gone. */
function statField(pid: number, index: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[index]);
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  return statField(pid, 1);
}

function childrenFromTasks(pid: number): number[] | undefined {
  try {
    const out: number[] = [];
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) for (const c of text.split(' ')) out.push(Number(c));
    }
    return out;
  } catch {
    return undefined;
  }
}

/** Every live descendant of `root` (not including it), found by walking /proc. */
export function descendantsOf(root: number): number[] {
  if (!hasProc) return [];
  const viaTasks = walkWith(root, childrenFromTasks);
  if (viaTasks) return viaTasks;
  const byParent = new Map<number, number[]>();
  for (const name of safeReaddir('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentOf(pid);
    if (ppid === undefined) continue;
    const list = byParent.get(ppid) ?? [];
    list.push(pid);
    byParent.set(ppid, list);
  }
  return walkWith(root, (pid) => byParent.get(pid) ?? []) ?? [];
}

function walkWith(root: number, children: (pid: number) => number[] | undefined): number[] | undefined {
  const out: number[] = [];
  const queue = [root];
  const seen = new Set<number>([root]);
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    const kids = children(pid);
    if (kids === undefined) {
      if (pid === root) return undefined;
      continue;
    }
    for (const k of kids) {
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(k);
      queue.push(k);
    }
  }
  return out;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Socket inodes held open by `pid` (from its fd table), for matching against the kernel's socket tables. */
export function socketInodesOf(pid: number): number[] {
  const out: number[] = [];
  for (const fd of safeReaddir(`/proc/${pid}/fd`)) {
    try {
      const link = readlinkSafe(`/proc/${pid}/fd/${fd}`);
      const m = /^socket:\[(\d+)\]$/.exec(link);
      if (m) out.push(Number(m[1]));
    } catch {
      /* fd closed meanwhile */
    }
  }
  return out;
}

function readlinkSafe(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

/**
 * True when some thread of `pid` is blocked in a read(2) of its standard input, that is,
 * the program is waiting for a typed line. Undefined where this cannot be known.
 */
export function isWaitingOnStdin(pid: number): boolean | undefined {
  if (!hasProc) return undefined;
  const readNr = process.arch === 'x64' ? 0 : process.arch === 'arm64' ? 63 : undefined;
  if (readNr === undefined) return undefined;
  for (const tid of safeReaddir(`/proc/${pid}/task`)) {
    try {
      const sc = readFileSync(`/proc/${pid}/task/${tid}/syscall`, 'utf8').trim().split(' ');
      if (Number(sc[0]) === readNr && Number(sc[1]) === 0) return true;
    } catch {
      return undefined;
    }
  }
  return false;
}

/** wait4 and waitid, by architecture. */
const WAIT_SYSCALLS: Partial<Record<string, readonly number[]>> = { x64: [61, 247], arm64: [260, 95] };

/** True when `pid`'s main thread is blocked waiting for a child process to end (a launcher script); false where unknown. */
/**
 * The pid of `pid` in its own (innermost) PID namespace, from the NSpid line of its status: the
 * pid the process itself sees (os.getpid() in a sandboxed program), which differs from the one
 * sockgrade sees when the program runs in a PID namespace of its own.
 */
export function innermostPid(pid: number): number | undefined {
  if (!hasProc) return undefined;
  try {
    const line = /^NSpid:\s+(.*)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return line ? Number(line.trim().split(/\s+/).pop()) : undefined;
  } catch {
    return undefined;
  }
}

export function isWaitingForChild(pid: number): boolean {
  const calls = hasProc ? WAIT_SYSCALLS[process.arch] : undefined;
  if (!calls) return false;
  try {
    return calls.includes(Number(readFileSync(`/proc/${pid}/syscall`, 'utf8').split(' ')[0]));
  } catch {
    return false;
  }
}

/** Sends SIGKILL to `pid`'s process group and to every descendant, ignoring those already gone. */
export function killTree(root: number): void {
  const all = [root, ...descendantsOf(root)];
  const groups = new Set<number>();
  for (const pid of all) {
    try {
      groups.add(processGroupOf(pid) ?? pid);
    } catch {
      /* gone */
    }
  }
  for (const g of groups) trySignal(-g);
  for (const pid of all) trySignal(pid);
}

function processGroupOf(pid: number): number | undefined {
  return hasProc ? statField(pid, 2) : undefined;
}

const ownGroup = processGroupOf(process.pid);

function trySignal(target: number): void {
  if (target === 0 || target === -1 || target === process.pid || target === -process.pid) return;
  if (ownGroup !== undefined && target === -ownGroup) return;
  try {
    process.kill(target, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/**
 * Pids of live processes whose environment holds `marker` (a `NAME=value` string; with `prefix`,
 * any variable whose `NAME=value` starts with it). A program that double-forks and calls setsid
 * leaves its process tree but keeps its environment, so this finds what a tree walk misses.
 */
export function processesWithEnv(marker: string, prefix = false): number[] {
  if (!hasProc) return [];
  const needle = Buffer.from(prefix ? `\0${marker}` : `${marker}\0`);
  const out: number[] = [];
  for (const name of safeReaddir('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${pid}/environ`);
      if (prefix ? Buffer.concat([Buffer.from([0]), env]).includes(needle) : env.includes(needle)) out.push(pid);
    } catch {
      /* gone, or not ours to read */
    }
  }
  return out;
}

/** Sends SIGKILL to every process carrying `marker` in its environment. */
export function killByEnv(marker: string): number {
  const pids = processesWithEnv(marker);
  for (const pid of pids) trySignal(pid);
  return pids.length;
}

/**
 * Memory of `pids` together, in bytes (0 where unknown): their proportional set size, so pages
 * that forked children share are counted once. Summing resident sizes first is cheap, and only
 * when that sum is over `atLeast` are the (slower) proportional sizes read.
 */
export function memoryBytes(pids: readonly number[], atLeast: number): number {
  const rss = residentBytes(pids);
  if (rss <= atLeast) return rss;
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      /* gone, or no smaps_rollup: fall back to the resident size */
      return rss;
    }
  }
  return kb * 1024;
}

/** Resident memory of `pids` together, in bytes (0 where unknown). */
export function residentBytes(pids: readonly number[]): number {
  if (!hasProc) return 0;
  let pages = 0;
  for (const pid of pids) {
    try {
      pages += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return pages * 4096;
}

/** The command name and state letter of `pid` (`S`, `R`, `Z`…), or undefined when it is gone. */
export function processState(pid: number): { comm: string; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const end = stat.lastIndexOf(')');
    return { comm: stat.slice(stat.indexOf('(') + 1, end), state: stat.slice(end + 2, end + 3) };
  } catch {
    return undefined;
  }
}

/** Sandboxing tools that start a program: they are not the program. */
const LAUNCHERS = new Set(['bwrap', 'setpriv', 'unshare', 'prlimit']);

/** Whether any of `pids` is a live process of the program itself (not a zombie, not a launcher around it); true where /proc is missing. */
export function anyLiveProgramProcess(pids: readonly number[]): boolean {
  if (!hasProc) return true;
  return pids.some((pid) => {
    const p = processState(pid);
    return p !== undefined && p.state !== 'Z' && p.state !== 'X' && !LAUNCHERS.has(p.comm);
  });
}

/** Whether any process runs as `uid` (the owner of `/proc/<pid>` is the process's uid); true where /proc is missing. */
export function anyProcessOfUid(uid: number): boolean {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return true;
  }
  return names.some((name) => {
    if (!/^\d+$/.test(name)) return false;
    try {
      return statSync(`/proc/${name}`).uid === uid;
    } catch {
      return false;
    }
  });
}
