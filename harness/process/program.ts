/**
 * A submitted program, as the checks see it: started in its sandbox by {@link Launch}, with
 * observers composed around it (its output and transcript, its memory limit) and the waits the
 * checks use (for output, a prompt, quiet, the exit). Every wait is bounded and honours an
 * AbortSignal.
 */
import { readFileSync } from 'node:fs';
import { Transcript } from './transcript.js';
import { Launch, type ExitInfo } from './launcher.js';
import { enforceMemoryLimit } from './memory-limit.js';
import { anyLiveProgramProcess, innermostPid } from './proc-tree.js';
import { OutputLog } from './output-log.js';
import { terminalOf, terminalWait, type TerminalId, type TerminalWait } from './terminal-reader.js';
import { poll, waitFor } from '../util/deadline.js';
import type { Box } from '../sandbox/box.js';

export type { ExitInfo } from './launcher.js';

/** What to launch. */
export interface LaunchOptions {
  /** Shell command line, already with placeholders replaced. */
  command: string;
  /** The check's box: the working folder the program runs in, and how it is confined. */
  box: Box;
  /** Environment given to the program besides the built one (HOST, PORT…). */
  env?: Record<string, string>;
  /** Label used in transcripts and diagnoses, e.g. `server` or `client #2`. */
  label: string;
  /** Bytes of output kept; the rest is counted and dropped. */
  outputCapBytes?: number;
  /**
   * A hosts file seen by this program as /etc/hosts (see `host-map.ts`); the caller has checked
   * that `hostMapSupport()` is available.
   */
  hostsFile?: string;
  /** Other files the program sees read-only at the given paths (e.g. `/etc/resolv.conf`): target → source. */
  files?: Readonly<Record<string, string>>;
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

/** A running program. Every method that waits is bounded and honours an AbortSignal. */
export class Program {
  readonly transcript: Transcript;
  readonly pid: number;
  private readonly launch: Launch;
  private readonly log: OutputLog;
  private readonly listeners = new Set<() => void>();
  private readonly stopWatching: () => void;
  private netLog: string | undefined;
  /** The port sockgrade has the program serve on (`moveBindTo`), if any. */
  private readonly servedPort: number | undefined;
  private terminal: TerminalId | undefined;

  constructor(opts: LaunchOptions) {
    this.transcript = new Transcript(opts.label);
    const limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.log = new OutputLog(this.transcript, opts.outputCapBytes ?? 1024 * 1024);
    if (opts.netLog) this.netLog = opts.box.writableFile(opts.netLog);
    this.servedPort = opts.moveBindTo;
    this.launch = new Launch({
      command: opts.command,
      box: opts.box,
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.hostsFile ? { hostsFile: opts.hostsFile } : {}),
      ...(opts.files ? { files: opts.files } : {}),
      ...(this.netLog ? { netLog: this.netLog } : {}),
      ...(opts.moveBindTo !== undefined ? { moveBindTo: opts.moveBindTo, moveBindTransport: opts.moveBindTransport ?? 'tcp' } : {}),
      cpuSeconds: limits.cpuSeconds,
      openFiles: limits.openFiles,
    });
    this.pid = this.launch.pid;
    this.transcript.event(`started: ${opts.command}`);
    this.launch.onOutput((data) => {
      this.log.add(data);
      this.notify();
    });
    this.launch.onExit((e) => {
      if (e.reason === undefined && !this.launch.terminalClosed) this.transcript.event(`exited: ${describeExit(e)}`);
      this.notify();
    });
    this.stopWatching = enforceMemoryLimit(this.launch, limits.memoryBytes, (reason) => this.transcript.event(`stopped by sockgrade: ${reason}`));
  }

  private get exitInfo(): ExitInfo | undefined {
    return this.launch.exit;
  }

  private get lastOutputAt(): number {
    return this.log.lastAt;
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Calls `fn` whenever the program prints or ends; returns the function that stops calling it. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Everything the program printed so far (up to the cap). */
  outputBuffer(): Buffer {
    return this.log.buffer();
  }

  /** The output as text. */
  outputText(): string {
    return this.outputBuffer().toString('utf8');
  }

  /** Byte offset of the end of the output so far: pass it to waits to look only at newer output. */
  get outputLength(): number {
    return this.log.length;
  }

  /** Bytes of output dropped because of the cap. */
  get outputDropped(): number {
    return this.log.droppedBytes;
  }

  /** How the program ended, if it has. */
  get exit(): ExitInfo | undefined {
    return this.exitInfo;
  }

  /** Whether the program has ended or is ending: its end is known, or none of its own processes still runs. */
  get ending(): boolean {
    return this.exitInfo !== undefined || !anyLiveProgramProcess(this.processTree());
  }

  get running(): boolean {
    return !this.exitInfo;
  }

  /** Pids of the program and everything it started (the wrapper excluded). */
  processTree(): number[] {
    return this.launch.processTree();
  }

  private netEntries(): { op: string; address: unknown; error?: string; moved_to?: number; pid?: number }[] {
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
        out.push(JSON.parse(line) as { op: string; address: unknown; error?: string; moved_to?: number; pid?: number });
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
    // The hook records the pid the process sees itself (its sandbox's PID namespace): map it back to sockgrade's.
    const tree = new Map(this.processTree().map((pid) => [innermostPid(pid) ?? pid, pid]));
    const movers = this.netEntries().filter((e) => e.op === 'serves').map((e) => tree.get(Number(e.address)));
    return [...new Set(movers.filter((pid): pid is number => pid !== undefined))];
  }

  /**
   * Whether a process the program forked, not the one sockgrade started, bound the port the
   * program serves on (the one offered, or its hard-coded port moved there): a server that
   * daemonises (fork + exit, double fork + setsid). In a sandbox what it forked ends with the
   * process sockgrade started, so once that one exits, nothing serves any more.
   */
  servedFromFork(): boolean {
    if (this.servedPort === undefined) return false;
    const entries = this.netEntries();
    const owner = entries.find((e) => e.op === 'serves')?.address;
    if (owner === undefined) return false;
    return entries.some(
      (e) =>
        e.op === 'bind' &&
        !e.error &&
        e.pid !== undefined &&
        e.pid !== Number(owner) &&
        (e.moved_to !== undefined || (Array.isArray(e.address) && Number(e.address[1]) === this.servedPort)),
    );
  }

  /** Fixed ports the program bound where it asked (not moved by sockgrade), as the start-up hook recorded them. */
  fixedBinds(): number[] {
    const ports = this.netEntries().filter((e) => e.op === 'bind' && e.moved_to === undefined && !e.error && Array.isArray(e.address));
    return [...new Set(ports.map((e) => Number((e.address as unknown[])[1])).filter((p) => p > 0))];
  }

  /** Processes the program started that left its tree (double fork, setsid) and still run. */
  strays(): number[] {
    return this.launch.strays();
  }

  /**
   * Lets lines typed just before a stop reach the terminal: node-pty writes asynchronously, and a
   * write still queued when the terminal closes fails (and node-pty reports it on stderr).
   */
  private async flushTyped(): Promise<void> {
    await poll('typed input to be written', 500, undefined, () => (this.launch.pendingInput() === 0 ? true : undefined), 5).catch(() => {});
  }

  /** Types `line` followed by a newline, as a person would. */
  type(line: string): void {
    if (this.launch.terminalClosed) return;
    this.transcript.add('typed', `${line}\n`);
    this.launch.write(`${line}\n`);
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
      const un = this.onChange(check);
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
      const un = this.onChange(check);
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
      const un = this.onChange(arm);
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
      const un = this.onChange(() => {
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

  /**
   * Waits, at most `ms`, until the program has read a line just typed (its output was
   * `outputAtTyping` bytes then): it stops reading its terminal, or prints again (its next
   * prompt, after which it may read again at once). Never rejects.
   */
  async waitForTypedLineRead(outputAtTyping: number, ms: number, signal?: AbortSignal): Promise<void> {
    await poll('the program to read the typed line', ms, signal, () => (this.readingTerminal() === true && this.outputLength === outputAtTyping ? undefined : true)).catch(() => {});
  }

  private terminalState(): TerminalWait {
    if (this.launch.terminalClosed) return 'not-reading';
    this.terminal ??= terminalOf(this.launch.ptsName);
    return terminalWait(this.processTree(), this.terminal);
  }

  /** Waits for the program to exit; rejects with {@link WaitTimeout} when it does not within `ms`. */
  waitForExit(ms: number, signal?: AbortSignal): Promise<ExitInfo> {
    return waitFor<ExitInfo>('the program to exit', ms, signal, (done) => {
      const check = (): void => {
        if (this.exitInfo) done(this.exitInfo);
      };
      const un = this.onChange(check);
      check();
      return un;
    });
  }

  /**
   * Stops the program and everything it started, then waits (bounded) for the terminal to close.
   * Before killing, lets pending output arrive for up to `drainMs` so the transcript is complete.
   */
  async stop(drainMs = 40): Promise<void> {
    this.stopWatching();
    if (!this.launch.terminalClosed) {
      if (drainMs > 0 && this.running) await this.waitForQuiet(Math.min(20, drainMs), drainMs).catch(() => {});
      await this.flushTyped();
    }
    await this.launch.kill();
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
