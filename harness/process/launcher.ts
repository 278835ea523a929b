/**
 * Starting a program in its sandbox under a pseudo-terminal, and learning how it ended.
 *
 * The terminal's first process is a small POSIX shell wrapper that runs outside the program's
 * sandbox, as sockgrade's user: it turns terminal echo off (the output holds only what the
 * program printed), sets the resource limits, runs the program in its sandbox, and when that
 * ends prints an exit marker carrying a nonce and stays alive until killed, so that everything
 * the program printed is read before the terminal closes. The nonce lives only in the wrapper's
 * environment, which the program cannot read (another PID namespace, or another uid): nothing the
 * program prints can end or fake its run.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pty from 'node-pty';
import { bubblewrapArgs, HOOK_DIR } from '../sandbox/bwrap-args.js';
import { dropToUid } from '../sandbox/box-user.js';
import { programEnvironment } from '../sandbox/environment.js';
import { FILE_BYTES } from '../sandbox/limits.js';
import { readablePaths } from '../sandbox/readable.js';
import { reachableByOthers, reachablePath } from '../sandbox/staging.js';
import type { Box } from '../sandbox/box.js';
import { hostMapSupport } from './host-map.js';
import { descendantsOf, innermostPid, killByEnv, killTree, processesWithEnv } from './proc-tree.js';

/** Folder of the Python start-up hook, next to this file in the sources (the build leaves it there). */
export const PYTHON_HOOK = [new URL('./python-hook', import.meta.url), new URL('../../../harness/process/python-hook', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((dir) => existsSync(join(dir, 'sitecustomize.py'))) ?? '';

/** Name of the environment variable that marks every process of one launch (found even after it leaves its tree). */
export const PROGRAM_MARK = 'SOCKGRADE_PROGRAM';

/** Tag of this grading process in {@link PROGRAM_MARK} (`SOCKGRADE_RUN_ID` when given, so a caller can find a run's programs). */
const RUN_TAG = process.env.SOCKGRADE_RUN_ID ?? randomBytes(6).toString('hex');

/** How a program ended: its exit code, or the signal that ended it. */
export interface ExitInfo {
  code: number | null;
  signal: string | null;
  /** Milliseconds after the start. */
  at: number;
  /** Why sockgrade killed it, when it did so for breaking a limit. */
  reason?: string;
}

/** What to start. */
export interface LaunchSpec {
  /** Shell command line, placeholders already replaced. */
  command: string;
  /** The check's box (working folder, uid); its policy says how the program is confined. */
  box: Box;
  /** Environment given to the program on top of the built one (HOST, PORT…). */
  env?: Readonly<Record<string, string>>;
  /** A hosts file seen as /etc/hosts. */
  hostsFile?: string;
  /** Other files seen read-only at the given paths (e.g. `/etc/resolv.conf`): target → source. */
  files?: Readonly<Record<string, string>>;
  /** Log file of the Python start-up hook (with the hook on PYTHONPATH); absent: no hook. */
  netLog?: string;
  /** Port a Python server's first fixed-port bind is moved to (with `netLog`). */
  moveBindTo?: number;
  /** Transport whose bind is moved. */
  moveBindTransport?: 'tcp' | 'udp';
  /** CPU seconds per process and open files per process. */
  cpuSeconds: number;
  openFiles: number;
}

const WRAPPER = [
  'stty -echo -onlcr 2>/dev/null',
  'sg_nonce=$SOCKGRADE_NONCE',
  'ulimit -t "$SOCKGRADE_CPU" 2>/dev/null; ulimit -n "$SOCKGRADE_FILES" 2>/dev/null; ulimit -f "$SOCKGRADE_FSIZE" 2>/dev/null',
  'unset SOCKGRADE_NONCE SOCKGRADE_CPU SOCKGRADE_FILES SOCKGRADE_FSIZE',
  '"$@"',
  'sg_code=$?',
  "printf '\\033]7770;sockgrade-exit;%s;%s\\007' \"$sg_code\" \"$sg_nonce\"",
  'while read -r sg_line; do :; done',
].join('\n');

const MARKER = Buffer.from('\x1b]7770;sockgrade-exit;');

const SIGNALS: Record<number, string> = { 1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 13: 'SIGPIPE', 15: 'SIGTERM' };

/** `command` run by the shell in place of itself when it is one simple command, so that the program is its sandbox's main process. */
export function execForm(command: string): string {
  if (/[|&;<>()$`*?\n]/.test(command) || /^\s*(cd|exec|export|set|unset|eval|source|\.)(\s|$)/.test(command)) return command;
  return `exec ${command}`;
}

/** The command line the wrapper runs: the program in its sandbox (or, without one, as the box's uid). */
export function sandboxedArgv(spec: LaunchSpec): { argv: string[]; env: Record<string, string> } {
  const { box } = spec;
  const policy = box.policy;
  const hook = spec.netLog && PYTHON_HOOK ? PYTHON_HOOK : undefined;
  const env: Record<string, string> = programEnvironment(box.workDir, spec.env);
  if (hook && spec.netLog) {
    env.SOCKGRADE_NETLOG = spec.netLog;
    // The hook comes first; the folders the program's env declares (a module of its own) stay after it.
    env.PYTHONPATH = [policy?.bubblewrap ? HOOK_DIR : hook, env.PYTHONPATH].filter(Boolean).join(':');
    if (spec.moveBindTo !== undefined) Object.assign(env, { SOCKGRADE_BIND_PORT: String(spec.moveBindTo), SOCKGRADE_BIND_TYPE: spec.moveBindTransport ?? 'tcp', SOCKGRADE_BIND_CLAIM: `${spec.netLog}.bind` });
  }
  const drop = box.uid !== undefined ? dropToUid(box.uid) : [];
  const reach = (path: string): string => {
    if (box.uid === undefined) return path;
    if (policy?.bubblewrap) return reachablePath(path, dirname(dirname(box.dir)));
    if (!reachableByOthers(path)) throw new Error(`${path} cannot be read by the unprivileged uid the programs run as: let other users read it (chmod o+rX, and o+x on its parent folders)`);
    return path;
  };
  const readable = Object.fromEntries(readablePaths(spec.command, box.dir, spec.env).map((p) => [p, reach(p)]));
  if (policy?.bubblewrap) {
    const files: Record<string, string> = { ...(spec.hostsFile ? { '/etc/hosts': spec.hostsFile } : {}), ...spec.files };
    const args = bubblewrapArgs({
      workDir: box.workDir,
      boxDir: box.dir,
      readable,
      files,
      writable: spec.netLog && !spec.netLog.startsWith(`${box.dir}/`) ? [spec.netLog] : [],
      ...(hook ? { pythonHook: reach(hook) } : {}),
      command: execForm(spec.command),
      uid: box.uid,
    });
    return { argv: [...drop, 'bwrap', ...args], env };
  }
  const binds = spec.hostsFile ? Object.entries({ ...spec.files, '/etc/hosts': spec.hostsFile }) : [];
  const hosts = binds.length > 0 ? ['unshare', ...hostMapSupport().unshareArgs, '/bin/sh', '-c', BIND_FILES, 'sh', ...binds.flat(), '--'] : [];
  return { argv: [...hosts, ...drop, '/bin/sh', '-c', execForm(spec.command)], env };
}

/** Binds each target/source pair before `--` over its target, then runs what follows; only /etc/hosts must succeed (a system may lack the others). */
const BIND_FILES = 'while [ "$1" != -- ]; do mount --bind "$2" "$1" 2>/dev/null || [ "$1" != /etc/hosts ] || exit 97; shift 2; done; shift; exec "$@"';

/** A program started in its sandbox: its output as it comes, and how it ended. */
export class Launch {
  readonly pid: number;
  readonly startedAt = performance.now();
  private readonly term: pty.IPty;
  private readonly nonce = randomBytes(16).toString('hex');
  private readonly mark = `${PROGRAM_MARK}=${RUN_TAG}:${randomBytes(6).toString('hex')}`;
  private tail = Buffer.alloc(0);
  private exitInfo: ExitInfo | undefined;
  private wrapperGone = false;
  private killed = false;
  private readonly closed: Promise<void>;
  private readonly outputListeners = new Set<(data: Buffer) => void>();
  private readonly exitListeners = new Set<(e: ExitInfo) => void>();
  private readonly sandboxed: boolean;

  constructor(spec: LaunchSpec) {
    const { argv, env } = sandboxedArgv(spec);
    this.sandboxed = spec.box.policy?.bubblewrap === true;
    const [name, value] = this.mark.split('=') as [string, string];
    env[name] = value;
    this.term = pty.spawn('/bin/sh', ['-c', WRAPPER, 'sockgrade', ...argv], {
      name: 'dumb',
      cols: 400,
      rows: 50,
      cwd: spec.box.workDir,
      env: { ...env, SOCKGRADE_NONCE: this.nonce, SOCKGRADE_CPU: String(spec.cpuSeconds), SOCKGRADE_FILES: String(spec.openFiles), SOCKGRADE_FSIZE: String(Math.floor(FILE_BYTES / 512)) },
      encoding: null,
    });
    this.pid = this.term.pid;
    this.term.onData((d: string | Buffer) => this.onData(typeof d === 'string' ? Buffer.from(d) : d));
    this.closed = new Promise<void>((resolve) => {
      this.term.onExit(({ exitCode, signal }) => {
        this.wrapperGone = true;
        this.ended({ code: this.killed ? null : exitCode, signal: signal ? (SIGNALS[signal] ?? `signal ${signal}`) : null, at: this.now() });
        resolve();
      });
    });
  }

  /** Milliseconds since the start. */
  now(): number {
    return performance.now() - this.startedAt;
  }

  /** Calls `fn` with every piece of output (exit markers removed); returns an unsubscribe function. */
  onOutput(fn: (data: Buffer) => void): () => void {
    this.outputListeners.add(fn);
    return () => this.outputListeners.delete(fn);
  }

  /** Calls `fn` once when the program has ended (or was stopped). */
  onExit(fn: (e: ExitInfo) => void): () => void {
    this.exitListeners.add(fn);
    return () => this.exitListeners.delete(fn);
  }

  /** How it ended, once it has. */
  get exit(): ExitInfo | undefined {
    return this.exitInfo;
  }

  /** Records an end decided by sockgrade (a broken limit): the first end recorded wins. */
  ended(e: ExitInfo): void {
    if (this.exitInfo) return;
    this.exitInfo = e;
    for (const l of [...this.exitListeners]) l(e);
  }

  /** Whether the wrapper (and so the terminal) is gone. */
  get terminalClosed(): boolean {
    return this.wrapperGone;
  }

  private onData(chunk: Buffer): void {
    let data = Buffer.concat([this.tail, chunk]);
    let visibleEnd = data.length;
    let exit: ExitInfo | undefined;
    const idx = data.indexOf(MARKER);
    if (idx >= 0) {
      const end = data.indexOf(0x07, idx);
      if (end >= 0) {
        const [code, nonce] = data.subarray(idx + MARKER.length, end).toString().split(';');
        if (nonce === this.nonce) {
          const n = Number(code);
          exit = n > 128 && n < 160 ? { code: null, signal: SIGNALS[n - 128] ?? `signal ${n - 128}`, at: this.now() } : { code: n, signal: null, at: this.now() };
        }
        data = Buffer.concat([data.subarray(0, idx), data.subarray(end + 1)]);
        visibleEnd = data.length;
      } else {
        visibleEnd = idx;
      }
    } else {
      visibleEnd = data.length - partialPrefixAtEnd(data, MARKER);
    }
    const visible = data.subarray(0, visibleEnd);
    this.tail = Buffer.from(data.subarray(visibleEnd));
    if (visible.length > 0) for (const l of [...this.outputListeners]) l(visible);
    // The output printed before the exit is delivered first: a wait that sees the exit has seen all of it.
    if (exit) this.ended(exit);
  }

  /**
   * Pids of the program and everything it started and still holds (the wrapper and the sandbox's
   * own processes excluded). In a sandbox, the program is process 2 of its PID namespace; what it
   * started and left (double fork, setsid) is adopted by the sandbox's process 1, not counted here.
   */
  processTree(): number[] {
    if (this.wrapperGone) return [];
    const all = descendantsOf(this.pid);
    if (!this.sandboxed) return all;
    const main = all.find((pid) => innermostPid(pid) === 2);
    return main === undefined ? [] : [main, ...descendantsOf(main)];
  }

  /** Every process of the launch, the sandbox's own included: what limits apply to. */
  everyProcess(): number[] {
    return this.wrapperGone ? [] : descendantsOf(this.pid);
  }

  /** Processes the program started that left its tree (double fork, setsid) and still run. */
  strays(): number[] {
    const tree = new Set([this.pid, ...this.processTree()]);
    const inSandbox = this.sandboxed ? this.everyProcess().filter((pid) => !tree.has(pid) && (innermostPid(pid) ?? 0) > 2) : [];
    return [...new Set([...inSandbox, ...processesWithEnv(this.mark).filter((pid) => !tree.has(pid))])];
  }

  /** Path of the terminal's slave side (`/dev/pts/N`), where node-pty tells it. */
  get ptsName(): string | undefined {
    return (this.term as { ptsName?: string }).ptsName;
  }

  /** Writes to the terminal, as typing does. */
  write(text: string): void {
    if (!this.wrapperGone) this.term.write(text);
  }

  /** Bytes typed but not yet written to the terminal. */
  pendingInput(): number {
    const queue = (this.term as unknown as { _writeStream?: { _writeQueue?: unknown[] } })._writeStream?._writeQueue;
    return queue?.length ?? 0;
  }

  /** Kills the program, everything it started and the wrapper; resolves when the terminal has closed (or after `ms`). */
  async kill(ms = 3000): Promise<void> {
    killByEnv(this.mark);
    if (this.wrapperGone) return;
    this.killed = true;
    killTree(this.pid);
    killByEnv(this.mark);
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([this.closed.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), ms)))]);
    if (timer) clearTimeout(timer);
    if (late) killTree(this.pid);
    try {
      this.term.kill('SIGKILL');
    } catch {
      /* already closed */
    }
  }
}

function partialPrefixAtEnd(data: Buffer, marker: Buffer): number {
  const max = Math.min(marker.length - 1, data.length);
  for (let n = max; n > 0; n--) {
    if (data.subarray(data.length - n).equals(marker.subarray(0, n))) return n;
  }
  return 0;
}
