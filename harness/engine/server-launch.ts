/**
 * Starting a submitted server and finding where it listens: the port offered to it, the one
 * declared with --port, or (for programs that hard-code their port) the one its process tree
 * holds in the kernel's socket table.
 */
import { Program } from '../process/program.js';
import type { Box } from '../sandbox/box.js';
import { boundSocketsOf, connectAddressFor, socketTablesAvailable, type BoundSocket } from '../net/socket-table.js';
import { CheckFailure } from '../model/failure.js';
import { poll, WaitTimeout, formatMs } from '../util/deadline.js';
import { connect } from 'node:net';
import type { LaunchedServer } from './context.js';

/** What to launch and where it is expected to listen. */
export interface ServerLaunchPlan {
  command: string;
  /** The check's box: where the server runs, and how it is confined. */
  box: Box;
  transport: 'tcp' | 'udp';
  offeredPort: number;
  declaredPort?: number;
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
      env: { HOST: '127.0.0.1', PORT: String(plan.offeredPort) },
      label: 'server',
      outputCapBytes: plan.outputCapBytes,
      netLog: `${plan.box.workDir}.net.log`,
      ...(plan.moveHardCodedPort ? { moveBindTo: plan.offeredPort } : {}),
    }),
  );
  const wanted = [plan.declaredPort, plan.offeredPort].filter((p): p is number => p !== undefined);
  let found: BoundSocket;
  try {
    found = socketTablesAvailable ? await findInSocketTable(program, plan, wanted) : await probeByConnecting(program, plan, wanted);
  } catch (err) {
    if (err instanceof WaitTimeout) throw notListening(program, plan);
    throw err;
  }
  if (plan.declaredPort !== undefined && found.port !== plan.declaredPort) {
    throw new CheckFailure(`the server listens on port ${found.port}, not on port ${plan.declaredPort} given with --port`, {
      hint: `pass --port ${found.port}, or change the port your server binds`,
    });
  }
  return {
    program,
    host: connectAddressFor(found.address),
    port: found.port,
    hardCoded: found.port !== plan.offeredPort,
  };
}

async function findInSocketTable(program: Program, plan: ServerLaunchPlan, wanted: number[]): Promise<BoundSocket> {
  return poll<BoundSocket>(`the server to listen (${plan.transport.toUpperCase()})`, plan.startupMs, plan.signal, () => {
    const socks = boundSocketsOf(program.processTree(), plan.transport);
    if (socks.length > 0) return socks.find((s) => wanted.includes(s.port)) ?? socks.find((s) => s.address !== '::1' && s.address !== '127.0.0.1') ?? socks[0];
    if (program.exit) throw exitedBeforeListening(program, plan);
    return undefined;
  });
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

function exitedBeforeListening(program: Program, plan: ServerLaunchPlan): CheckFailure {
  const out = program.outputText();
  const inUse = /address already in use|EADDRINUSE|errno 98/i.test(out);
  const strays = program.strays();
  if (strays.length > 0) {
    return new CheckFailure(`the server's process exited (${program.exit ? describe(program) : 'unknown status'}) and left ${strays.length === 1 ? 'a process' : `${strays.length} processes`} running in the background`, {
      hint: 'a server must stay in the foreground (no fork + exit, no daemon): sockgrade stops it when a check ends, and grades the process it started',
    });
  }
  const clean = program.exit?.code === 0;
  return new CheckFailure(`the server exited (${program.exit ? describe(program) : 'unknown status'}) before it listened on any ${plan.transport.toUpperCase()} port`, {
    hint: inUse
      ? 'its port was still in use: another program holds it, or a previous run left it in TIME_WAIT. Set SO_REUSEADDR before bind(), or stop the other program'
      : clean
        ? 'a server must keep running in the foreground: sockgrade grades the process it started, and what that process started ends with it (no fork + exit, no daemon); the command given was: ' + plan.command
        : 'look at its output below (a traceback shows the line that failed); the command given was: ' + plan.command,
  });
}

function notListening(program: Program, plan: ServerLaunchPlan): CheckFailure {
  const other = plan.transport === 'tcp' ? 'udp' : 'tcp';
  const onOther = socketTablesAvailable ? boundSocketsOf(program.processTree(), other) : [];
  if (onOther.length > 0) {
    return new CheckFailure(`the server uses ${other.toUpperCase()} port ${onOther[0]?.port}, but this exercise is over ${plan.transport.toUpperCase()}`, {
      hint: `create the socket with ${plan.transport === 'tcp' ? 'SOCK_STREAM' : 'SOCK_DGRAM'}`,
    });
  }
  return new CheckFailure(`the server did not listen on any ${plan.transport.toUpperCase()} port within ${formatMs(plan.startupMs)}`, {
    hint: `it was offered port ${plan.offeredPort} ({port} in the command, PORT in the environment)${plan.declaredPort ? ` and declared on port ${plan.declaredPort}` : ''}; a server must bind and ${plan.transport === 'tcp' ? 'listen' : 'wait for datagrams'} right after it starts`,
  });
}

function describe(program: Program): string {
  const e = program.exit;
  if (!e) return 'still running';
  return e.signal ? `killed by ${e.signal}` : `exit code ${e.code}`;
}
