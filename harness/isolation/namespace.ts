/**
 * Hermetic runs on Linux: one graded submission, together with sockgrade's side of the
 * conversation, runs in its own network, PID and mount namespaces (util-linux `unshare`; a user
 * namespace when not root, so no root is needed where the kernel allows it).
 *
 * - Network: only a loopback interface, brought up inside, with a local route for the whole IPv4
 *   range, so any address a program binds or connects to (127.0.0.1, 0.0.0.0, a LAN address it
 *   hard-codes) is local, hard-coded ports never collide with other runs, ports below 1024 can be
 *   bound, and nothing outside is reachable.
 * - PID: the namespace's first process is a shell that waits for the grader; when the grader
 *   ends, the kernel kills every process left in the namespace, even one that called setsid or
 *   double-forked.
 * - Mount: a private /proc, and room for per-program hosts files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { constants, tmpdir } from 'node:os';
import { onInterrupt } from '../engine/interrupt.js';
import { removeTree } from '../util/remove-tree.js';
import { descendantsOf, processState } from '../process/proc-tree.js';
import { poll } from '../util/deadline.js';
import { namespacesForbidden } from '../sandbox/policy.js';

/** Environment variable set inside a hermetic run, holding the description of the isolation. */
export const INSIDE_ENV = 'SOCKGRADE_ISOLATED';

/** What the probe found. */
export interface NamespaceSupport {
  available: boolean;
  /** Why isolation is off, when it is. */
  reason?: string;
  /** How it is done, for the report's header. */
  description: string;
}

/**
 * The namespaces' first process (`enter-namespaces.sh`, beside this file in the sources): it
 * brings up the private network, with a connection table of the run's own where the kernel
 * allows, then runs the grader's command line.
 */
export const ENTER_SCRIPT = [new URL('./enter-namespaces.sh', import.meta.url), new URL('../../../harness/isolation/enter-namespaces.sh', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((file) => existsSync(file)) ?? '';

/** `unshare` arguments that make this process root of a new user namespace, or none when it already is root. */
export function userNamespaceArgs(): string[] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root ? [] : ['--user', '--map-root-user'];
}

function unshareArgs(): string[] {
  return [...userNamespaceArgs(), '--net', '--pid', '--fork', '--kill-child', '--mount-proc'];
}

let cached: NamespaceSupport | undefined;

/** Probes once whether hermetic runs are possible here. Never throws. */
export function namespaceSupport(): NamespaceSupport {
  if (cached) return cached;
  const off = (reason: string): NamespaceSupport => (cached = { available: false, reason, description: `off (${reason})` });
  if (process.platform !== 'linux') return off(`namespaces are Linux-only; this is ${process.platform}`);
  const forbidden = namespacesForbidden();
  if (forbidden) return off(forbidden);
  const probe = spawnSync('unshare', [...unshareArgs(), '/bin/sh', ENTER_SCRIPT, 'echo', 'ok'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
  if (probe.error) return off(`cannot run unshare (${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message}): install util-linux`);
  if (probe.status !== 0 || !probe.stdout.toString().includes('ok')) {
    const why = probe.stderr.toString().trim().split('\n').pop() ?? '';
    if (/ip: (not found|command not found)|ip: No such file/i.test(why)) return off('the ip command (iproute2) is not installed');
    return off(`this system does not allow unprivileged namespaces${why ? ` (${why})` : ''}`);
  }
  return (cached = { available: true, description: hermeticDescription(userNamespaceArgs().length > 0 ? 'user' : 'root') });
}

/** How the run's namespaces were made: as root, or by an unprivileged user in a user namespace of its own. */
export type NamespaceMaker = 'root' | 'user';

/** The report's description of a hermetic run. */
export function hermeticDescription(madeBy: NamespaceMaker): string {
  return `on (network, PID and mount namespaces${madeBy === 'user' ? ', in a user namespace' : ''}; every address is local, ports are private to this run)`;
}

/**
 * The description of the isolation of the run this process grades inside: what the process that
 * made the namespaces passed in {@link INSIDE_ENV}, either the description itself or, from
 * `bin/sockgrade`, only who made them.
 */
export function insideDescription(): string {
  const given = process.env[INSIDE_ENV] ?? 'on';
  return given === 'root' || given === 'user' ? hermeticDescription(given) : given;
}

/** Whether this process is the grader inside a hermetic run. */
export function insideNamespace(): boolean {
  return process.env[INSIDE_ENV] !== undefined;
}

/** Whether a grading with this `--isolation` mode is to re-run itself inside namespaces: it is not inside yet, and they are available. */
export function gradesInNamespace(mode: string | undefined): boolean {
  return !insideNamespace() && (mode === undefined || mode === 'auto' || mode === 'on') && namespaceSupport().available;
}

/**
 * Runs `node <argv>` (the same CLI invocation) inside fresh namespaces, with stdio passed
 * through; resolves with its exit code. Its scratch files go in a folder of this run's own,
 * removed when it ends. SIGINT, SIGTERM or SIGHUP ends everything inside at once (`unshare`
 * ignores them while it waits; killing it kills the namespace's first process, and with it
 * every process of the namespace), then that folder is removed.
 */
export function runInNamespace(argv: readonly string[], support: NamespaceSupport): Promise<number> {
  const { command, args, env, tmpRoot } = namespacedNode(argv, support, process.env);
  const child = spawn(command, args, { stdio: 'inherit', env });
  const ended = new Promise<number>((resolve) => {
    child.on('error', () => resolve(2));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 2)));
  });
  const forgetChild = onInterrupt('processes', async () => {
    const tree = child.pid === undefined ? [] : [child.pid, ...descendantsOf(child.pid)];
    for (const pid of tree) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    await ended;
    await poll('the namespace to be empty', 3000, undefined, () => (tree.every((pid) => !running(pid)) ? true : undefined)).catch(() => {});
  });
  const forgetFiles = onInterrupt('files', () => removeTree(tmpRoot));
  return ended.then(async (code) => {
    forgetChild();
    await removeTree(tmpRoot);
    forgetFiles();
    return code;
  });
}

/** A command line that runs `node <argv>` inside fresh namespaces, and the scratch folder made for it (the caller removes it). */
export interface NamespacedCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  tmpRoot: string;
}

/** Builds the command line of {@link runInNamespace}, for callers that spawn it themselves (a batch's graders). */
export function namespacedNode(argv: readonly string[], support: NamespaceSupport, env: NodeJS.ProcessEnv): NamespacedCommand {
  const tmpRoot = mkdtempSync(join(env.SOCKGRADE_TMPDIR ?? tmpdir(), 'sockgrade-run-'));
  // Programs run as uids of their own and must be able to pass through (not list) to their boxes.
  chmodSync(tmpRoot, 0o711);
  // SOCKGRADE_ENTERED is bin/sockgrade's own hand-over to the script (with stderr on fd 3): never passed on.
  const passed = { ...env };
  delete passed.SOCKGRADE_ENTERED;
  return {
    command: 'unshare',
    args: [...unshareArgs(), '/bin/sh', ENTER_SCRIPT, process.execPath, ...argv],
    env: { ...passed, [INSIDE_ENV]: support.description, SOCKGRADE_TMPDIR: tmpRoot },
    tmpRoot,
  };
}

/** Whether `pid` is a live process (not gone, not a zombie waiting to be reaped). */
function running(pid: number): boolean {
  const state = processState(pid)?.state;
  return state !== undefined && state !== 'Z';
}
