/**
 * Starting a submitted server and finding where it listens: the port offered to it, the one
 * declared with --port, or (for programs that hard-code their port) the one its process tree
 * holds in the kernel's socket table.
 */
import { Program } from '../process/program.js';
import type { Box } from '../sandbox/box.js';
import { isWaitingForChild, socketInodesOf } from '../process/proc-tree.js';
import { boundSocketsOf, connectAddressFor, socketTablesAvailable, type BoundSocket } from '../net/socket-table.js';
import { CheckFailure } from '../model/failure.js';
import { poll, WaitTimeout, formatMs } from '../util/deadline.js';
import { connect } from 'node:net';
import { classifyPrompt, type LaunchedServer } from './context.js';

/** What to launch and where it is expected to listen. */
export interface ServerLaunchPlan {
  command: string;
  /** The check's box: where the server runs, and how it is confined. */
  box: Box;
  transport: 'tcp' | 'udp';
  offeredPort: number;
  declaredPort?: number;
  /** Environment from the course config and the manifest. */
  env?: Readonly<Record<string, string>>;
  /** The server may hard-code its port: move a Python server's fixed-port bind to the offered port. */
  moveHardCodedPort?: boolean;
  startupMs: number;
  outputCapBytes: number;
  signal: AbortSignal;
  track: (p: Program) => Program;
}

/** Launches the server and waits until it listens; a server that never does is the submission's failure. */
export async function launchServer(plan: ServerLaunchPlan): Promise<LaunchedServer> {
  const program = plan.track(
    new Program({
      command: plan.command,
      box: plan.box,
      env: { ...plan.env, HOST: '127.0.0.1', PORT: String(plan.offeredPort) },
      label: 'server',
      outputCapBytes: plan.outputCapBytes,
      netLog: `${plan.box.workDir}.net.log`,
      ...(plan.moveHardCodedPort ? { moveBindTo: plan.offeredPort, moveBindTransport: plan.transport } : {}),
    }),
  );
  const wanted = [plan.offeredPort, plan.declaredPort].filter((p): p is number => p !== undefined);
  const prompts = new StartupPrompts(program, plan);
  let found: BoundSocket;
  try {
    found = socketTablesAvailable ? await findInSocketTable(program, plan, wanted, prompts) : await probeByConnecting(program, plan, wanted);
  } catch (err) {
    if (err instanceof WaitTimeout) throw notListening(program, plan, prompts);
    throw err;
  } finally {
    prompts.stop();
  }
  // The port the program chose itself: the one it asked to bind when sockgrade moved it, else where it listens.
  const ownPort = program.movedBindPort() ?? found.port;
  if (plan.declaredPort !== undefined && found.port !== plan.offeredPort && ownPort !== plan.declaredPort) {
    throw new CheckFailure(`the server listens on port ${ownPort}, not on port ${plan.declaredPort} given with --port`, {
      hint: `pass --port ${ownPort}, or change the port your server binds`,
    });
  }
  return {
    program,
    host: connectAddressFor(found.address),
    port: found.port,
    hardCoded: found.port !== plan.offeredPort,
    startupAnswers: prompts.answered,
  };
}

/**
 * Answers a server's start-up prompts while sockgrade waits for it to listen, as a person
 * starting it would: a prompt for the port gets the port sockgrade offers, one for the host its
 * address, any other an empty line (the default). Once the server listens, it types nothing more.
 */
class StartupPrompts {
  /** What was asked and what was typed, in order. */
  readonly answered: { prompt: string; typed: string }[] = [];
  private readonly abort = new AbortController();
  private from = 0;

  constructor(
    private readonly program: Program,
    private readonly plan: ServerLaunchPlan,
  ) {
    if (socketTablesAvailable) void this.run().catch(() => {});
  }

  private listening(): boolean {
    return boundSocketsOf(this.program.processTree(), this.plan.transport).length > 0;
  }

  private async run(): Promise<void> {
    const signal = AbortSignal.any([this.abort.signal, this.plan.signal]);
    while (this.answered.length < MAX_STARTUP_ANSWERS && !signal.aborted) {
      const text = await this.program.waitForInputRequest({ from: this.from, settleMs: 300, ms: this.plan.startupMs, signal });
      if (signal.aborted || this.listening() || this.program.readingTerminal() !== true) return;
      const kind = classifyPrompt(text);
      const typed = kind === 'port' ? String(this.plan.offeredPort) : kind === 'host' ? '127.0.0.1' : '';
      this.answered.push({ prompt: lastLine(text), typed });
      this.program.type(typed);
      this.from = this.program.outputLength;
      await this.program.waitForTypedLineRead(this.from, 2000, signal);
    }
  }

  /** The prompt the server waits at now, if it is blocked reading its terminal. */
  pending(): string | undefined {
    if (this.program.readingTerminal() !== true) return undefined;
    return lastLine(this.program.outputText());
  }

  stop(): void {
    this.abort.abort();
  }
}

/** The hint for a server that left the foreground (fork + exit, a daemon). */
export const STAY_IN_FOREGROUND = 'a server must stay in the foreground (no fork + exit, no daemon): sockgrade stops it when a check ends, and grades the process it started';

/** Prompts answered at most before a server is taken to be asking forever (a menu, a loop). */
const MAX_STARTUP_ANSWERS = 4;

function lastLine(text: string): string {
  return text.split('\n').filter((l) => l.trim() !== '').pop()?.trim() ?? '';
}

/** Between two readings of the socket tables while the program's sockets stay the same, at most this many polls pass. */
const UNCHANGED_POLLS = 5;
/** The least time between two readings woken by the program's output. */
const WAKE_GAP_MS = 5;

async function findInSocketTable(program: Program, plan: ServerLaunchPlan, wanted: number[], prompts: StartupPrompts): Promise<BoundSocket> {
  let sockets = '';
  let justChanged = false;
  let skipped = 0;
  let printed = false;
  let probedAt = 0;
  // A program that prints without end is not read more often than every few milliseconds.
  const wake = (now: () => void): (() => void) => {
    let later: NodeJS.Timeout | undefined;
    const stop = program.onChange(() => {
      printed = true;
      const wait = WAKE_GAP_MS - (performance.now() - probedAt);
      if (wait <= 0) now();
      else later ??= setTimeout(() => ((later = undefined), now()), wait);
    });
    return () => {
      stop();
      clearTimeout(later);
    };
  };
  return poll<BoundSocket>(`the server to listen (${plan.transport.toUpperCase()})`, plan.startupMs, plan.signal, () => {
    probedAt = performance.now();
    // A socket listens right after it is made (socket, bind, listen): the tables are read when
    // the program's sockets change and on the poll after, when it prints (servers often say they
    // listen), and now and then in case one made earlier listens.
    const tree = program.processTree();
    const now = tree.flatMap(socketInodesOf).sort().join(',');
    const changed = now !== sockets;
    if (changed || justChanged || printed || ++skipped >= UNCHANGED_POLLS) {
      [sockets, justChanged, skipped, printed] = [now, changed, 0, false];
      const socks = servingSockets(program, tree, plan.transport, wanted);
      if (socks.length > 0) return socks.find((s) => wanted.includes(s.port)) ?? socks.find((s) => s.address !== '::1' && s.address !== '127.0.0.1') ?? socks[0];
    }
    if (program.exit) throw exitedBeforeListening(program, plan, prompts);
    return undefined;
  }, undefined, wake);
}

/**
 * The sockets that may be the server's: any on a port sockgrade offered; else, while a Python
 * process whose bind sockgrade moves is alive and not just waiting for a child, only its own (a
 * helper process it started may listen first, on a port of its own); else any of the tree's.
 */
function servingSockets(program: Program, tree: number[], transport: 'tcp' | 'udp', wanted: number[]): BoundSocket[] {
  const all = boundSocketsOf(tree, transport);
  if (all.some((s) => wanted.includes(s.port))) return all;
  const movers = program.bindMovers().filter((pid) => !isWaitingForChild(pid));
  return movers.length > 0 ? boundSocketsOf(movers, transport) : all;
}

async function probeByConnecting(program: Program, plan: ServerLaunchPlan, wanted: number[]): Promise<BoundSocket> {
  const port = wanted[0] as number;
  return poll<BoundSocket>(`the server to accept on port ${port}`, plan.startupMs, plan.signal, async () => {
    if (program.exit) throw exitedBeforeListening(program, plan);
    if (plan.transport === 'udp') {
      await program.waitForQuiet(300, 2000).catch(() => {});
      return { transport: 'udp', address: '127.0.0.1', port, inode: 0 };
    }
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    return ok ? { transport: 'tcp', address: '127.0.0.1', port, inode: 0 } : undefined;
  }, 50);
}

function exitedBeforeListening(program: Program, plan: ServerLaunchPlan, prompts?: StartupPrompts): CheckFailure {
  const out = program.outputText();
  const inUse = /address already in use|EADDRINUSE|errno 98/i.test(out);
  const strays = program.strays();
  if (strays.length > 0) {
    return new CheckFailure(`the server's process exited (${program.exit ? describe(program) : 'unknown status'}) and left ${strays.length === 1 ? 'a process' : `${strays.length} processes`} running in the background`, {
      hint: STAY_IN_FOREGROUND,
    });
  }
  // A daemon's fork bound the port and ended with the launched process (its sandbox): the cause whatever the exit code.
  const clean = program.exit?.code === 0 || program.servedFromFork();
  return new CheckFailure(`the server exited (${program.exit ? describe(program) : 'unknown status'}) before it listened on any ${plan.transport.toUpperCase()} port`, {
    hint: inUse && !program.servedFromFork()
      ? 'its port was still in use: another program holds it, or a previous run left it in TIME_WAIT. Set SO_REUSEADDR before bind(), or stop the other program'
      : clean
        ? 'a server must keep running in the foreground: sockgrade grades the process it started, and what that process started ends with it (no fork + exit, no daemon); the command given was: ' + plan.command
        : `${prompts ? answeredText(prompts) : ''}look at its output below (a traceback shows the line that failed); the command given was: ${plan.command}`,
  });
}

function notListening(program: Program, plan: ServerLaunchPlan, prompts: StartupPrompts): CheckFailure {
  const other = plan.transport === 'tcp' ? 'udp' : 'tcp';
  const onOther = socketTablesAvailable ? boundSocketsOf(program.processTree(), other) : [];
  if (onOther.length > 0) {
    return new CheckFailure(`the server uses ${other.toUpperCase()} port ${onOther[0]?.port}, but this exercise is over ${plan.transport.toUpperCase()}`, {
      hint: `create the socket with ${plan.transport === 'tcp' ? 'SOCK_STREAM' : 'SOCK_DGRAM'}`,
    });
  }
  const waitingAt = prompts.pending();
  if (waitingAt !== undefined) {
    return new CheckFailure(`the server is waiting for input at the prompt "${waitingAt}" and never listened on a ${plan.transport.toUpperCase()} port within ${formatMs(plan.startupMs)}`, {
      hint: `${answeredText(prompts)}a server must start without help: take its settings from the command line (sys.argv, {port} in the command) or use defaults, and bind right away`,
    });
  }
  return new CheckFailure(`the server did not listen on any ${plan.transport.toUpperCase()} port within ${formatMs(plan.startupMs)}`, {
    hint: `it was offered port ${plan.offeredPort} ({port} in the command, PORT in the environment)${plan.declaredPort ? ` and declared on port ${plan.declaredPort}` : ''}; a server must bind and ${plan.transport === 'tcp' ? 'listen' : 'wait for datagrams'} right after it starts`,
  });
}

/** `sockgrade answered its prompts: "Puerto: " with 40123; ` (empty when none was answered). */
function answeredText(prompts: StartupPrompts): string {
  if (prompts.answered.length === 0) return '';
  return `sockgrade answered its prompts: ${prompts.answered.map((a) => `"${a.prompt}" with ${a.typed === '' ? 'an empty line' : a.typed}`).join(', ')}; `;
}

function describe(program: Program): string {
  const e = program.exit;
  if (!e) return 'still running';
  return e.signal ? `killed by ${e.signal}` : `exit code ${e.code}`;
}
