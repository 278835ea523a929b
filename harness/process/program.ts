/**
 * A submitted program running under a pseudo-terminal.
 *
 * The command runs inside a small POSIX shell wrapper that (1) turns off terminal echo and
 * newline translation, so the transcript holds exactly what the program printed and never what
 * sockgrade typed, and (2) after the program exits, prints an invisible exit marker and stays
 * alive until it is killed. Because the wrapper outlives the program, everything the program
 * wrote before exiting is read before the terminal closes: output is never lost at exit.
 */
import { randomBytes } from 'node:crypto';
import * as pty from 'node-pty';
import { Transcript } from './transcript.js';
import { descendantsOf, killByEnv, killTree, memoryBytes, processesWithEnv } from './proc-tree.js';
import { poll, waitFor, WaitTimeout } from '../util/deadline.js';
import { hostMapSupport } from './host-map.js';
import { terminalOf, terminalWait, type TerminalId, type TerminalWait } from './terminal-reader.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the Python start-up hook, next to this file in the sources (the build leaves it there). */
const PYTHON_HOOK = [new URL('./python-hook', import.meta.url), new URL('../../../harness/process/python-hook', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((dir) => existsSync(join(dir, 'sitecustomize.py'))) ?? '';

/** How a program ended: its exit code, or the signal that ended it. */
export interface ExitInfo {
  code: number | null;
  signal: string | null;
  /** Milliseconds after the start. */
  at: number;
  /** Why sockgrade killed it, when it did so for breaking a limit. */
  reason?: string;
}

/** What to launch. */
export interface LaunchOptions {
  /** Shell command line, already with placeholders replaced. */
  command: string;
  cwd: string;
  /** Extra environment on top of sockgrade's own. */
  env?: Record<string, string>;
  /** Label used in transcripts and diagnoses, e.g. `server` or `client #2`. */
  label: string;
  /** Bytes of output kept; the rest is counted and dropped. */
  outputCapBytes?: number;
  /**
   * A hosts file to bind over /etc/hosts for this program (see `host-map.ts`); the caller has
   * checked that {@link hostMapSupport} is available.
   */
  hostsFile?: string;
  /** With `hostsFile`: a resolv.conf to bind over /etc/resolv.conf (see `name-service.ts`). */
  resolvConf?: string;
  /** With `hostsFile`: an nsswitch.conf to bind over /etc/nsswitch.conf (see `name-service.ts`). */
  nsswitchConf?: string;
  /**
   * File where a Python program's start-up hook records the addresses it binds, connects and
   * sends to (see `python-hook/sitecustomize.py`); read back with {@link Program.netCalls}.
   */
  netLog?: string;
  /**
   * For a server that hard-codes its port: the Python program's bind of one fixed port (the
   * first it binds over `moveBindTransport`) goes to this port instead (with `netLog`), so
   * instances can run side by side. Python programs it starts keep their ports.
   */
  moveBindTo?: number;
  /** Transport whose bind is moved (`moveBindTo`); binds of the other keep their ports. Default tcp. */
  moveBindTransport?: 'tcp' | 'udp';
  /** Limits on the program and everything it starts; defaults in {@link DEFAULT_LIMITS}. */
  limits?: Partial<ProgramLimits>;
}

/** Resource limits of a submitted program. */
export interface ProgramLimits {
  /** Resident memory of the whole process tree, in bytes: above it the tree is killed. */
  memoryBytes: number;
  /** CPU seconds per process (RLIMIT_CPU). */
  cpuSeconds: number;
  /** Open files per process (RLIMIT_NOFILE). */
  openFiles: number;
}

/** Generous for any exercise, small enough that a runaway program cannot hurt the machine. */
export const DEFAULT_LIMITS: ProgramLimits = { memoryBytes: 512 * 1024 * 1024, cpuSeconds: 300, openFiles: 4096 };

const WRAPPER = [
  'stty -echo -onlcr 2>/dev/null',
  'ulimit -t "$SOCKGRADE_CPU" 2>/dev/null; ulimit -n "$SOCKGRADE_FILES" 2>/dev/null',
  'if [ -n "$SOCKGRADE_HOSTS" ]; then',
  '  unshare $SOCKGRADE_UNSHARE /bin/sh -c \'mount --bind "$SOCKGRADE_HOSTS" /etc/hosts && { [ -z "$SOCKGRADE_RESOLV" ] || mount --bind "$SOCKGRADE_RESOLV" /etc/resolv.conf 2>/dev/null || :; } && { [ -z "$SOCKGRADE_NSSWITCH" ] || mount --bind "$SOCKGRADE_NSSWITCH" /etc/nsswitch.conf 2>/dev/null || :; } && unset SOCKGRADE_HOSTS SOCKGRADE_RESOLV SOCKGRADE_NSSWITCH SOCKGRADE_UNSHARE && exec /bin/sh -c "$SOCKGRADE_COMMAND"\'',
  'else',
  '  /bin/sh -c "$SOCKGRADE_COMMAND"',
  'fi',
  'sg_code=$?',
  "printf '\\033]7770;sockgrade-exit;%s;%s\\007' \"$sg_code\" \"$SOCKGRADE_NONCE\"",
  'while read -r sg_line; do :; done',
].join('\n');

const SIGNALS: Record<number, string> = { 1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 13: 'SIGPIPE', 15: 'SIGTERM' };

/** A running program. Every method that waits is bounded and honours an AbortSignal. */
export class Program {
  readonly transcript: Transcript;
  readonly pid: number;
  private readonly term: pty.IPty;
  private readonly nonce = randomBytes(6).toString('hex');
  private readonly marker: Buffer;
  private output: Buffer[] = [];
  private outputBytes = 0;
  private droppedBytes = 0;
  private tail = Buffer.alloc(0);
  private lastOutputAt: number;
  private exitInfo: ExitInfo | undefined;
  private wrapperGone = false;
  private killed = false;
  private readonly listeners = new Set<() => void>();
  private readonly cap: number;
  private readonly wrapperExited: Promise<void>;
  private readonly limits: ProgramLimits;
  private readonly watchdog: NodeJS.Timeout | undefined;
  private overLimit: string | undefined;
  private netLog: string | undefined;
  private terminal: TerminalId | undefined;

  constructor(opts: LaunchOptions) {
    this.transcript = new Transcript(opts.label);
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.cap = opts.outputCapBytes ?? 1024 * 1024;
    this.marker = Buffer.from(`\x1b]7770;sockgrade-exit;`);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    Object.assign(env, {
      TERM: 'dumb',
      PYTHONUNBUFFERED: '1',
      PYTHONIOENCODING: 'utf-8',
      PYTHONDONTWRITEBYTECODE: '1',
      LANG: env.LANG && /utf-?8/i.test(env.LANG) ? env.LANG : 'C.UTF-8',
      ...opts.env,
      SOCKGRADE_COMMAND: opts.command,
      SOCKGRADE_NONCE: this.nonce,
      SOCKGRADE_CPU: String(this.limits.cpuSeconds),
      SOCKGRADE_FILES: String(this.limits.openFiles),
      SOCKGRADE_PROGRAM: this.nonce,
    });
    if (opts.netLog && PYTHON_HOOK) {
      this.netLog = opts.netLog;
      Object.assign(env, { SOCKGRADE_NETLOG: opts.netLog, PYTHONPATH: [PYTHON_HOOK, env.PYTHONPATH].filter(Boolean).join(':') });
      if (opts.moveBindTo !== undefined) {
        Object.assign(env, { SOCKGRADE_BIND_PORT: String(opts.moveBindTo), SOCKGRADE_BIND_TYPE: opts.moveBindTransport ?? 'tcp', SOCKGRADE_BIND_CLAIM: `${opts.netLog}.bind` });
      }
    }
    if (opts.hostsFile) {
      Object.assign(env, { SOCKGRADE_HOSTS: opts.hostsFile, SOCKGRADE_UNSHARE: hostMapSupport().unshareArgs.join(' ') });
      if (opts.resolvConf) env.SOCKGRADE_RESOLV = opts.resolvConf;
      if (opts.nsswitchConf) env.SOCKGRADE_NSSWITCH = opts.nsswitchConf;
    }
    this.term = pty.spawn('/bin/sh', ['-c', WRAPPER], {
      name: 'dumb',
      cols: 400,
      rows: 50,
      cwd: opts.cwd,
      env,
      encoding: null,
    });
    this.pid = this.term.pid;
    this.lastOutputAt = this.transcript.now();
    this.transcript.event(`started: ${opts.command}`);
    this.term.onData((d: string | Buffer) => this.onData(typeof d === 'string' ? Buffer.from(d) : d));
    this.watchdog = setInterval(() => this.enforceMemory(), 200);
    this.watchdog.unref();
    this.wrapperExited = new Promise<void>((resolve) => {
      this.term.onExit(({ exitCode, signal }) => {
        this.wrapperGone = true;
        if (this.watchdog) clearInterval(this.watchdog);
        if (!this.exitInfo) {
          this.exitInfo = { code: this.killed ? null : exitCode, signal: signal ? (SIGNALS[signal] ?? `signal ${signal}`) : null, at: this.transcript.now() };
        }
        this.notify();
        resolve();
      });
    });
  }

  private enforceMemory(): void {
    if (this.wrapperGone || this.exitInfo) return;
    const used = memoryBytes(this.processTree(), this.limits.memoryBytes);
    if (used <= this.limits.memoryBytes) return;
    this.overLimit = `used more than ${Math.round(this.limits.memoryBytes / 1048576)} MiB of memory`;
    this.transcript.event(`stopped by sockgrade: ${this.overLimit}`);
    this.exitInfo = { code: null, signal: 'SIGKILL', at: this.transcript.now(), reason: this.overLimit };
    this.notify();
    killTree(this.pid);
  }

  private onData(chunk: Buffer): void {
    this.lastOutputAt = this.transcript.now();
    let data = Buffer.concat([this.tail, chunk]);
    const idx = data.indexOf(this.marker);
    let visibleEnd = data.length;
    if (idx >= 0) {
      const end = data.indexOf(0x07, idx);
      if (end >= 0) {
        const [code, nonce] = data.subarray(idx + this.marker.length, end).toString().split(';');
        if (nonce === this.nonce && !this.exitInfo) {
          const n = Number(code);
          this.exitInfo = n > 128 && n < 160 ? { code: null, signal: SIGNALS[n - 128] ?? `signal ${n - 128}`, at: this.transcript.now() } : { code: n, signal: null, at: this.transcript.now() };
          this.transcript.event(`exited: ${describeExit(this.exitInfo)}`);
        }
        data = Buffer.concat([data.subarray(0, idx), data.subarray(end + 1)]);
        visibleEnd = data.length;
      } else {
        visibleEnd = idx;
      }
    } else {
      const partial = partialPrefixAtEnd(data, this.marker);
      visibleEnd = data.length - partial;
    }
    const visible = data.subarray(0, visibleEnd);
    this.tail = Buffer.from(data.subarray(visibleEnd));
    if (visible.length > 0) this.append(visible);
    this.notify();
  }

  private append(data: Buffer): void {
    if (this.outputBytes < this.cap) {
      const room = this.cap - this.outputBytes;
      const kept = data.length > room ? data.subarray(0, room) : data;
      this.output.push(Buffer.from(kept));
      this.outputBytes += kept.length;
      this.droppedBytes += data.length - kept.length;
      this.transcript.add('program', Buffer.from(kept));
    } else {
      this.droppedBytes += data.length;
    }
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Everything the program printed so far (up to the cap). */
  outputBuffer(): Buffer {
    if (this.output.length > 1) this.output = [Buffer.concat(this.output)];
    return this.output[0] ?? Buffer.alloc(0);
  }

  /** The output as text. */
  outputText(): string {
    return this.outputBuffer().toString('utf8');
  }

  /** Byte offset of the end of the output so far: pass it to waits to look only at newer output. */
  get outputLength(): number {
    return this.outputBytes;
  }

  /** Bytes of output dropped because of the cap. */
  get outputDropped(): number {
    return this.droppedBytes;
  }

  /** How the program ended, if it has. */
  get exit(): ExitInfo | undefined {
    return this.exitInfo;
  }

  get running(): boolean {
    return !this.exitInfo;
  }

  /** Pids of the program and everything it started (the wrapper excluded). */
  processTree(): number[] {
    if (this.wrapperGone) return [];
    return descendantsOf(this.pid);
  }

  private netEntries(): { op: string; address: unknown; error?: string; moved_to?: number }[] {
    if (!this.netLog) return [];
    let text = '';
    try {
      text = readFileSync(this.netLog, 'utf8');
    } catch {
      return [];
    }
    const out = [];
    for (const line of text.split('\n')) {
      try {
        out.push(JSON.parse(line) as { op: string; address: unknown; error?: string; moved_to?: number });
      } catch {
        /* a partial last line */
      }
    }
    return out;
  }

  /**
   * The addresses the program asked for, as `connect 192.168.1.5:6000 (ConnectionRefusedError)`,
   * in order and without repeats; empty for programs that are not Python.
   */
  netCalls(): string[] {
    // A call is recorded when made, and again with its error once it is known to have failed.
    const out = new Map<string, string>();
    for (const e of this.netEntries()) {
      if (e.op === 'serves') continue;
      const addr = Array.isArray(e.address) ? `${String(e.address[0]) || '0.0.0.0'}:${String(e.address[1])}` : String(e.address);
      const call = `${e.op} ${addr}${e.moved_to !== undefined ? ` (moved to ${e.moved_to})` : ''}`;
      const text = `${call}${e.error ? ` (${e.error})` : ''}`;
      if (!out.has(call) || e.error) out.set(call, text);
    }
    return [...out.values()];
  }

  /** The fixed port the program asked to bind when sockgrade moved it (see `moveBindTo`), if it did. */
  movedBindPort(): number | undefined {
    const e = this.netEntries().find((x) => x.op === 'bind' && x.moved_to !== undefined && Array.isArray(x.address));
    return e && Array.isArray(e.address) ? Number(e.address[1]) : undefined;
  }

  /** Live Python processes of the program whose bind sockgrade may move (see `moveBindTo`): the ones it started, not their helpers. */
  bindMovers(): number[] {
    const tree = new Set(this.processTree());
    return this.netEntries().filter((e) => e.op === 'serves').map((e) => Number(e.address)).filter((pid) => tree.has(pid));
  }

  /** Fixed ports the program bound where it asked (not moved by sockgrade), as the start-up hook recorded them. */
  fixedBinds(): number[] {
    const ports = this.netEntries().filter((e) => e.op === 'bind' && e.moved_to === undefined && !e.error && Array.isArray(e.address));
    return [...new Set(ports.map((e) => Number((e.address as unknown[])[1])).filter((p) => p > 0))];
  }

  /** Processes the program started that left its tree (double fork, setsid) and still run. */
  strays(): number[] {
    const tree = new Set([this.pid, ...this.processTree()]);
    return processesWithEnv(`SOCKGRADE_PROGRAM=${this.nonce}`).filter((pid) => !tree.has(pid));
  }

  /**
   * Lets lines typed just before a stop reach the terminal: node-pty writes asynchronously, and a
   * write still queued when the terminal closes fails (and node-pty reports it on stderr).
   */
  private async flushTyped(): Promise<void> {
    const queue = (this.term as unknown as { _writeStream?: { _writeQueue?: unknown[] } })._writeStream?._writeQueue;
    if (!queue) return;
    await poll('typed input to be written', 500, undefined, () => (queue.length === 0 ? true : undefined), 5).catch(() => {});
  }

  /** Types `line` followed by a newline, as a person would. */
  type(line: string): void {
    if (this.wrapperGone) return;
    this.transcript.add('typed', `${line}\n`);
    this.term.write(`${line}\n`);
  }

  /** Waits until the output after byte `from` matches `pattern`; returns the match. */
  waitForOutput(pattern: RegExp | string, ms: number, signal?: AbortSignal, from = 0): Promise<RegExpExecArray | string> {
    const what = `output matching ${String(pattern)}`;
    return waitFor(what, ms, signal, (done, fail) => {
      const check = (): void => {
        const text = this.outputBuffer().subarray(from).toString('utf8');
        if (typeof pattern === 'string') {
          if (text.includes(pattern)) done(pattern);
        } else {
          const m = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(text);
          if (m) done(m);
        }
        if (this.exitInfo) fail(new ProgramExited(this, what));
      };
      const un = this.subscribe(check);
      check();
      return un;
    });
  }

  /**
   * Waits until `test` accepts the output printed after byte `from`. When the program exits
   * first, `test` gets one last look at everything it printed before the wait fails.
   */
  waitForText<T>(what: string, test: (text: string) => T | undefined, ms: number, signal?: AbortSignal, from = 0): Promise<T> {
    return waitFor<T>(what, ms, signal, (done, fail) => {
      const check = (): void => {
        const v = test(this.outputBuffer().subarray(from).toString('utf8'));
        if (v !== undefined) done(v);
        else if (this.exitInfo) fail(new ProgramExited(this, what));
      };
      const un = this.subscribe(check);
      check();
      return un;
    });
  }

  /** Waits until the program has printed nothing for `settleMs`. */
  waitForQuiet(settleMs: number, ms: number, signal?: AbortSignal): Promise<void> {
    return waitFor<void>(`output to go quiet for ${settleMs} ms`, ms, signal, (done) => {
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        if (timer) clearTimeout(timer);
        const idle = this.transcript.now() - this.lastOutputAt;
        timer = setTimeout(() => (this.transcript.now() - this.lastOutputAt >= settleMs - 1 ? done() : arm()), Math.max(1, settleMs - idle));
      };
      const un = this.subscribe(arm);
      arm();
      return () => {
        un();
        if (timer) clearTimeout(timer);
      };
    });
  }

  /**
   * Waits until the program wants a typed line: it is blocked reading its terminal (Linux), or it
   * printed text matching `prompt`, or its output has been quiet for `settleMs`.
   * Resolves with the output printed since `from`.
   */
  waitForInputRequest(opts: { from: number; settleMs: number; prompt?: RegExp; ms: number; signal?: AbortSignal }): Promise<string> {
    return waitFor<string>('the program to ask for input', opts.ms, opts.signal, (done, fail) => {
      let timer: NodeJS.Timeout | undefined;
      let answered = false;
      const since = (): string => this.outputBuffer().subarray(opts.from).toString('utf8');
      const check = (): void => {
        if (answered) return;
        if (this.exitInfo) {
          fail(new ProgramExited(this, 'the program to ask for input'));
          return;
        }
        if (opts.prompt && opts.prompt.test(since())) {
          done(since());
          return;
        }
        const state = this.terminalState();
        if (state === 'reading') {
          answered = true;
          // The prompt was written before read() blocked, but may not have reached us yet (a
          // starved grader reads the terminal late): let it arrive, and when nothing at all has
          // come, wait up to 1.5 s for it, since most prompts have text.
          void (async () => {
            await this.waitForQuiet(25, 300).catch(() => {});
            if (since() === '') {
              await this.waitForText('prompt text', (t) => (t !== '' ? true : undefined), 1500, undefined, opts.from).catch(() => {});
              await this.waitForQuiet(25, 300).catch(() => {});
            }
            done(since());
          })();
          return;
        }
        if (state === 'unknown') {
          // Where the terminal's reader cannot be seen, a prompt is text without a newline, or silence.
          const quietFor = this.transcript.now() - this.lastOutputAt;
          const text = since();
          if (quietFor >= opts.settleMs * (text.length > 0 && !text.endsWith('\n') ? 1 : 4)) {
            done(text);
            return;
          }
        }
        timer = setTimeout(check, state === 'unknown' ? 25 : 10);
      };
      const un = this.subscribe(() => {
        if (this.exitInfo) check();
      });
      check();
      return () => {
        un();
        if (timer) clearTimeout(timer);
      };
    });
  }

  /**
   * Whether the program (any process of its tree) is blocked waiting for a typed line now;
   * undefined where this cannot be told (see `terminal-reader.ts`).
   */
  readingTerminal(): boolean | undefined {
    const state = this.terminalState();
    return state === 'unknown' ? undefined : state === 'reading';
  }

  private terminalState(): TerminalWait {
    if (this.wrapperGone) return 'not-reading';
    this.terminal ??= terminalOf((this.term as { ptsName?: string }).ptsName);
    return terminalWait(this.processTree(), this.terminal);
  }

  /** Waits for the program to exit; rejects with {@link WaitTimeout} when it does not within `ms`. */
  waitForExit(ms: number, signal?: AbortSignal): Promise<ExitInfo> {
    return waitFor<ExitInfo>('the program to exit', ms, signal, (done) => {
      const check = (): void => {
        if (this.exitInfo) done(this.exitInfo);
      };
      const un = this.subscribe(check);
      check();
      return un;
    });
  }

  /**
   * Stops the program and everything it started, then waits (bounded) for the terminal to close.
   * Before killing, lets pending output arrive for up to `drainMs` so the transcript is complete.
   */
  async stop(drainMs = 40): Promise<void> {
    if (this.watchdog) clearInterval(this.watchdog);
    if (this.wrapperGone) {
      killByEnv(`SOCKGRADE_PROGRAM=${this.nonce}`);
      return;
    }
    if (drainMs > 0 && this.running) {
      await this.waitForQuiet(Math.min(20, drainMs), drainMs).catch(() => {});
    }
    await this.flushTyped();
    this.killed = true;
    killTree(this.pid);
    killByEnv(`SOCKGRADE_PROGRAM=${this.nonce}`);
    try {
      await waitFor<void>('the terminal to close', 3000, undefined, (done) => {
        void this.wrapperExited.then(done);
        return () => {};
      });
    } catch (err) {
      if (!(err instanceof WaitTimeout)) throw err;
      killTree(this.pid);
    }
    try {
      this.term.kill('SIGKILL');
    } catch {
      /* already closed */
    }
  }
}

/** The program exited while sockgrade was waiting for something else from it. */
export class ProgramExited extends Error {
  readonly code = 'SOCKGRADE_PROGRAM_EXITED';
  constructor(
    readonly program: Program,
    readonly waitingFor: string,
  ) {
    super(`the program exited (${program.exit ? describeExit(program.exit) : 'unknown status'}) while sockgrade was waiting for ${waitingFor}`);
  }
}

/** `exit code 1`, `killed by SIGSEGV`. */
export function describeExit(e: ExitInfo): string {
  if (e.reason) return `killed by sockgrade: it ${e.reason}`;
  if (e.signal) return `killed by ${e.signal}`;
  return `exit code ${e.code ?? '?'}`;
}

function partialPrefixAtEnd(data: Buffer, marker: Buffer): number {
  const max = Math.min(marker.length - 1, data.length);
  for (let n = max; n > 0; n--) {
    if (data.subarray(data.length - n).equals(marker.subarray(0, n))) return n;
  }
  return 0;
}
