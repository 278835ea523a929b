/**
 * Who in a process tree waits for typed input (Linux). A program wants a line when one of its
 * threads is blocked reading the terminal, directly (`read` on it) or through a readiness wait
 * that includes it (`poll`, `select`, `epoll`). The terminal is recognised by identity, not by
 * file descriptor number: a shim (pyenv, a venv wrapper, `sh -c`) may sit between sockgrade and
 * the reader, and a program fed by a pipe (`printf ... | python3 ...`) reads fd 0 without reading
 * the terminal. Processes that vanish during a scan are skipped, never taken as "cannot tell".
 */
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';

/** What a scan of the tree found. */
export type TerminalWait = 'reading' | 'not-reading' | 'unknown';

/** Identity of a terminal: the device and inode of its slave side. */
export interface TerminalId {
  dev: number;
  ino: number;
}

interface Syscalls {
  read: readonly number[];
  poll: readonly number[];
  select: readonly number[];
  epoll: readonly number[];
}

const SYSCALLS: Partial<Record<string, Syscalls>> = {
  x64: { read: [0, 17, 19], poll: [7, 271], select: [23, 270], epoll: [232, 281, 441] },
  arm64: { read: [63, 65, 67], poll: [73], select: [72], epoll: [22, 441] },
};

const table = process.platform === 'linux' ? SYSCALLS[process.arch] : undefined;

/** `/dev/tty` (major 5, minor 0): the controlling terminal, whichever it is. */
const DEV_TTY_RDEV = (5 << 8) | 0;
const POLLIN = 0x1;
const EPOLLIN = 0x1;
const MAX_POLL_FDS = 1024;

class Gone extends Error {}
class Unreadable extends Error {}

function fail(err: unknown): never {
  const code = (err as NodeJS.ErrnoException).code;
  throw code === 'EACCES' || code === 'EPERM' ? new Unreadable() : new Gone();
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    fail(err);
  }
}

/** The terminal whose slave side is the device file `path` (node-pty's `ptsName`), or undefined where that cannot be told. */
export function terminalOf(path: string | undefined): TerminalId | undefined {
  if (!table || !path) return undefined;
  try {
    const st = statSync(path);
    return st.isCharacterDevice() ? { dev: st.dev, ino: st.ino } : undefined;
  } catch {
    return undefined;
  }
}

function isTerminal(pid: number, fd: number, term: TerminalId): boolean {
  try {
    const st = statSync(`/proc/${pid}/fd/${fd}`);
    return (st.dev === term.dev && st.ino === term.ino) || (st.isCharacterDevice() && st.rdev === DEV_TTY_RDEV);
  } catch {
    return false;
  }
}

function readMemory(pid: number, address: number, length: number): Buffer {
  let fd: number;
  try {
    fd = openSync(`/proc/${pid}/mem`, 'r');
  } catch (err) {
    fail(err);
  }
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, address);
    if (n !== length) throw new Gone();
    return buf;
  } catch (err) {
    if (err instanceof Gone) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    // EIO: the address is no longer mapped (the call returned meanwhile).
    throw code === 'EIO' ? new Gone() : new Unreadable();
  } finally {
    closeSync(fd);
  }
}

function pollWaitsOnTerminal(pid: number, fdsAddr: number, count: number, term: TerminalId): boolean {
  const n = Math.min(count, MAX_POLL_FDS);
  if (n <= 0 || fdsAddr === 0) return false;
  const mem = readMemory(pid, fdsAddr, n * 8);
  for (let i = 0; i < n; i++) {
    const fd = mem.readInt32LE(i * 8);
    const events = mem.readInt16LE(i * 8 + 4);
    if (fd >= 0 && events & POLLIN && isTerminal(pid, fd, term)) return true;
  }
  return false;
}

function selectWaitsOnTerminal(pid: number, nfds: number, readSetAddr: number, term: TerminalId): boolean {
  if (nfds <= 0 || readSetAddr === 0) return false;
  const bytes = Math.ceil(Math.min(nfds, MAX_POLL_FDS) / 64) * 8;
  const mem = readMemory(pid, readSetAddr, bytes);
  for (let fd = 0; fd < Math.min(nfds, bytes * 8); fd++) {
    if ((mem[fd >> 3] as number) & (1 << (fd & 7)) && isTerminal(pid, fd, term)) return true;
  }
  return false;
}

function epollWaitsOnTerminal(pid: number, epfd: number, term: TerminalId): boolean {
  const info = readText(`/proc/${pid}/fdinfo/${epfd}`);
  for (const m of info.matchAll(/^tfd:\s*(\d+)\s+events:\s*([0-9a-f]+)/gm)) {
    if (parseInt(m[2] as string, 16) & EPOLLIN && isTerminal(pid, Number(m[1]), term)) return true;
  }
  return false;
}

/** Whether thread `tid` of `pid` is blocked waiting for the terminal. */
function threadWaitsOnTerminal(pid: number, tid: string, term: TerminalId, calls: Syscalls): boolean {
  const fields = readText(`/proc/${pid}/task/${tid}/syscall`).trim().split(' ');
  const nr = Number(fields[0]);
  if (fields.length < 7 || !Number.isInteger(nr) || nr < 0) return false;
  const arg = (i: number): number => Number(BigInt(fields[i + 1] as string));
  if (calls.read.includes(nr)) return isTerminal(pid, arg(0), term);
  if (calls.poll.includes(nr)) return pollWaitsOnTerminal(pid, arg(0), arg(1), term);
  if (calls.select.includes(nr)) return selectWaitsOnTerminal(pid, arg(0), arg(1), term);
  if (calls.epoll.includes(nr)) return epollWaitsOnTerminal(pid, arg(0), term);
  return false;
}

/**
 * Whether any of `pids` (a program's process tree) is blocked waiting for input from `term`:
 * `unknown` where this cannot be told (not Linux x64/arm64, the terminal is unknown, or a live
 * process could not be inspected).
 */
export function terminalWait(pids: readonly number[], term: TerminalId | undefined): TerminalWait {
  if (!table || !term) return 'unknown';
  let unknown = false;
  for (const pid of pids) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EACCES') unknown = true;
      continue;
    }
    for (const tid of tids) {
      try {
        if (threadWaitsOnTerminal(pid, tid, term, table)) return 'reading';
      } catch (err) {
        if (err instanceof Unreadable) unknown = true;
        else if (!(err instanceof Gone)) throw err;
      }
    }
  }
  return unknown ? 'unknown' : 'not-reading';
}
