/** Starting a submitted client against sockgrade's server and taking its request. */
import type { ClientCheckContext } from '../../harness/engine/context.js';
import type { Connection } from '../../harness/net/connection.js';
import type { Program } from '../../harness/process/program.js';
import { CheckFailure } from '../../harness/model/failure.js';
import { escapeBytes } from '../../harness/diagnose/bytes.js';
import { findCrash } from '../../harness/diagnose/output.js';
import { formatMs } from '../../harness/util/deadline.js';

/**
 * Waits for the client to connect to sockgrade's server and send its message (all of it, then
 * quiet). `greeting`, when given, is sent as soon as the client connects (a server's banner).
 */
export async function acceptClientMessage(ctx: ClientCheckContext, message: string, greeting?: Buffer): Promise<{ conn: Connection; program: Program; request: Buffer }> {
  const peer = await ctx.tcpPeer();
  const program = ctx.launchClient({ message });
  ctx.doing(`waiting for the client to connect to ${ctx.offered.host}:${ctx.offered.port}`);
  const conn = await peer.connection(0, ctx.within(10_000), ctx.signal, () => !program.running);
  if (!conn) {
    const crash = findCrash(program.outputText());
    throw new CheckFailure(
      program.exit
        ? `the client exited before connecting to sockgrade's server at ${ctx.offered.host}:${ctx.offered.port}${crash ? ` (it crashed: ${crash.name})` : ''}`
        : `the client did not connect to sockgrade's server at ${ctx.offered.host}:${ctx.offered.port} within ${formatMs(10_000)}`,
      { hint: 'connect to the host and port given as {host} {port} in the command, HOST/PORT in the environment, or typed at the prompt; if your client hard-codes its port, pass --port N' },
    );
  }
  if (greeting) await conn.send(greeting);
  ctx.doing('waiting for the client to send its message');
  await conn.waitForBytes(1, ctx.within(5000), ctx.signal);
  await conn.waitForQuiet(200, ctx.within(2000), ctx.signal);
  const request = conn.received;
  if (request.length === 0) throw new CheckFailure('the client connected but sent nothing', { expected: `the typed message "${escapeBytes(message)}"` });
  return { conn, program, request };
}
