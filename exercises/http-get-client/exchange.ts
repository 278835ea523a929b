/** One run of the submitted client against sockgrade's web server: launch, take the request, answer. */
import type { ClientCheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import type { TcpPeer } from '../../harness/authoring.js';
import type { ExitInfo, Program } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { findCrash } from '../../harness/authoring.js';
import { WaitTimeout, formatMs } from '../../harness/authoring.js';
import { readRequest, type ReceivedRequest } from './request.js';
import { OUTPUT_KEPT } from './response.js';
import { str } from '../../harness/model/params.js';

/** A client that connected and sent its request. */
export interface Exchange {
  program: Program;
  conn: Connection;
  request: ReceivedRequest;
  /** Paths the request may ask for: the one offered first, then the default when the client could not be told one. */
  paths: string[];
}

/**
 * The paths a client may ask for: `path`, which it was offered, and the course's default path
 * when its command takes neither `{path}` nor `{message}`, as a client whose command has no
 * `{port}` may use the course's port.
 */
export function acceptedPaths(ctx: ClientCheckContext, path: string): string[] {
  const told = ctx.takes('path') || ctx.takes('message');
  const fallback = str(ctx.params, 'default-path');
  return told || fallback === path ? [path] : [path, fallback];
}

/**
 * Launches the client asking for `path` (given as `{path}`, `{message}`/MESSAGE, or typed at its
 * prompt) and waits for its `index`-th connection to `peer` and its request.
 */
export async function startExchange(ctx: ClientCheckContext, peer: TcpPeer, index: number, path: string): Promise<Exchange> {
  const program = ctx.launchClient({ message: path, placeholders: { path }, outputCapBytes: OUTPUT_KEPT });
  ctx.doing(`waiting for the client to connect to ${ctx.offered.host}:${ctx.offered.port}`);
  const conn = await peer.connection(index, ctx.within(10_000), ctx.signal, () => !program.running);
  if (!conn) {
    const crash = findCrash(program.outputText());
    throw new CheckFailure(
      program.exit
        ? `the client exited before connecting to sockgrade's web server at ${ctx.offered.host}:${ctx.offered.port}${crash ? ` (it crashed: ${crash.name})` : ''}`
        : `the client did not connect to sockgrade's web server at ${ctx.offered.host}:${ctx.offered.port} within ${formatMs(10_000)}`,
      { hint: 'connect to the host and port given as {host} {port} in the command (or HOST/PORT, or typed at a prompt), and take the path from {path}' },
    );
  }
  const request = await readRequest(ctx, conn);
  return { program, conn, request, paths: acceptedPaths(ctx, path) };
}

/** Sends `response` in slices, then closes sockgrade's side; returns how many bytes went out before the client stopped taking them. */
export async function serve(ctx: ClientCheckContext, conn: Connection, response: Buffer, sizes: number[], delayMs: number): Promise<number> {
  ctx.doing(`sending the response (${response.length} bytes in ${sizes.length} slices)`);
  const cuts = await conn.sendSliced(response, ctx.rng, { min: 1, max: 1, delayMs, signal: ctx.signal, cuts: sizes });
  conn.halfClose();
  return cuts[cuts.length - 1] ?? 0;
}

/** How the program ended, or undefined when it is still running after `ms`. */
export async function exitWithin(ctx: ClientCheckContext, program: Program, ms: number): Promise<ExitInfo | undefined> {
  try {
    return await program.waitForExit(ctx.within(ms), ctx.signal);
  } catch (err) {
    if (err instanceof WaitTimeout) return undefined;
    throw err;
  }
}
