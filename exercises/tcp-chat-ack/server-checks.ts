/** Server checks of B1 `tcp-chat-ack`: one ack per message, logs with the address, several clients at once. */
import { defineServerCheck, type ServerCheck } from '../../harness/authoring.js';
import type { ServerCheckContext } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { escapeBytes } from '../../harness/authoring.js';
import { formatMs } from '../../harness/authoring.js';
import { outputTail } from '../shared/chat-terminal.js';
import { textSince, waitOnConnection } from '../shared/chat-lines.js';
import { AckClient, chatMessages, countAcks, greetingOf, replyWithinMs } from './protocol.js';

/** The messages a client says: the greeting (when the exercise has one), then `n` more. */
function conversation(ctx: ServerCheckContext, n: number): string[] {
  const greeting = greetingOf(ctx.params);
  return [...(greeting ? [greeting] : []), ...chatMessages(ctx.rng, n)];
}

/** A normal session, used by the crash-output check: greeting, two messages, close. */
export async function ackSession(ctx: ServerCheckContext): Promise<void> {
  const c = await AckClient.connect(ctx, 'client');
  for (const m of conversation(ctx, 2)) await c.say(m);
  c.conn.close();
}

export const serverChecks: readonly ServerCheck[] = [
  defineServerCheck({
    id: 'chat.ack-each-message',
    title: 'answers every message of a conversation with exactly one ack',
    weight: 2,
    budgetMs: 15_000,
    hint: 'loop: data = conn.recv(1024); if not data: break; print it; conn.sendall(ack.encode())',
    async run(ctx) {
      const c = await AckClient.connect(ctx, 'client');
      for (const m of conversation(ctx, 4)) await c.say(m);
      await c.conn.waitForQuiet(200, ctx.within(1000), ctx.signal);
      c.assertNoExtraAcks();
    },
  }),
  defineServerCheck({
    id: 'chat.server-logs-messages',
    title: 'prints every message it receives with the address of the client that wrote it',
    weight: 1,
    budgetMs: 15_000,
    hint: "print(f'El cliente {addr} nos ha escrito: {data.decode()}') with addr as returned by accept()",
    async run(ctx) {
      const said: { client: AckClient; message: string }[] = [];
      for (const [i, n] of [2, 1].entries()) {
        const c = await AckClient.connect(ctx, `client ${i + 1}`);
        for (const m of conversation(ctx, n)) {
          await c.say(m);
          said.push({ client: c, message: m });
        }
        c.conn.close();
      }
      const program = ctx.server.program;
      ctx.doing('waiting for the server to log every message');
      await program.waitForText('every message in the log', (t) => (said.every((s) => t.includes(s.message)) ? true : undefined), ctx.within(3000), ctx.signal).catch(() => {});
      const lines = program.outputText().split(/\r?\n/);
      for (const { client, message } of said) {
        const candidates = lines.filter((l) => l.includes(message));
        const line = candidates.find((l) => l.includes(String(client.port))) ?? candidates[candidates.length - 1];
        if (line === undefined) {
          throw new CheckFailure(`the server did not print the message "${escapeBytes(message)}" that ${client.label} sent`, {
            expected: `a line with the message and the client's address (port ${client.port}), e.g. El cliente ('127.0.0.1', ${client.port}) nos ha escrito: ${message}`,
            received: outputTail(program.outputText()),
          });
        }
        if (!line.includes(String(client.port))) {
          throw new CheckFailure(`the server printed "${escapeBytes(message)}" without the address of the client that wrote it (${client.label}, port ${client.port})`, {
            expected: `the line also shows the client's address, e.g. ('127.0.0.1', ${client.port})`,
            received: JSON.stringify(line),
            hint: 'accept() returns (conn, addr): keep addr with the connection and print it with every message, so the log tells the clients apart',
          });
        }
      }
    },
  }),
  defineServerCheck({
    id: 'concurrency.two-clients-at-once',
    title: 'a second client gets its ack while the first one is still connected',
    weight: 2,
    budgetMs: 20_000,
    hint: 'serve each accepted client in its own thread: threading.Thread(target=atender, args=(conn, addr)).start(), then go back to accept()',
    async run(ctx) {
      const within = replyWithinMs(ctx.params);
      const [m1, m2] = conversation(ctx, 2);
      const first = await AckClient.connect(ctx, 'client 1');
      await first.say(m1 as string);
      const second = await AckClient.connect(ctx, 'client 2');
      await second.send(m1 as string);
      const r = await second.reply(within);
      if (r.kind === 'other') throw second.failure(r, within);
      if (r.kind !== 'ack') {
        ctx.assertServerAlive('while two clients were connected');
        ctx.doing('disconnecting client 1 to see whether client 2 is served after it');
        first.conn.close();
        const late = await second.reply(3000);
        throw new CheckFailure(
          `client 2 got no reply within ${formatMs(within)} while client 1 was still connected${late.kind === 'ack' ? '; as soon as client 1 disconnected, client 2 got its reply: the server serves one client at a time' : ''}`,
          {
            expected: `"${escapeBytes(second.ack)}" for client 2 while client 1 stays connected`,
            received: late.kind === 'ack' ? `nothing until client 1 disconnected` : 'nothing',
          },
        );
      }
      ctx.doing('checking that both clients are still served');
      await first.say(m2 as string, within + 1000);
      await second.say(m2 as string, within + 1000);
    },
  }),
  defineServerCheck({
    id: 'chat.quit-word',
    title: 'when a client leaves, ends that conversation and keeps serving the next client',
    weight: 1,
    budgetMs: 15_000,
    hint: 'recv() returns b"" once the client has closed (after its user typed the quit word): leave the loop, close that connection and keep accepting',
    async run(ctx) {
      const c = await AckClient.connect(ctx, 'client 1');
      for (const m of conversation(ctx, 1)) await c.say(m);
      ctx.doing('closing the client\'s sending side, as a client does when its user types the quit word');
      c.conn.halfClose();
      const outcome = await waitOnConnection(
        c.conn,
        () => (c.conn.closeKind !== 'open' ? 'closed' : countAcks(textSince(c.conn), c.ack).count > c.sent.length ? 'extra' : undefined),
        ctx.within(2000),
        ctx.signal,
      );
      if (outcome === 'extra') {
        await c.conn.waitForQuiet(150, ctx.within(500), ctx.signal);
        const extra = countAcks(textSince(c.conn), c.ack).count - c.sent.length;
        throw new CheckFailure(`after the client closed its side of the connection, the server kept answering: ${extra >= 50 ? 'at least ' : ''}${extra} more acks arrived, as if end of input were a message`, {
          expected: 'no more replies, then the server closes the connection',
          received: `${extra} × "${escapeBytes(c.ack)}"`,
        });
      }
      if (outcome !== 'closed') {
        ctx.assertServerAlive('after a client closed its side of the connection');
        throw new CheckFailure(`after the client closed its side of the connection, the server did not end that conversation: the connection was still open ${formatMs(2000)} later`, {
          expected: 'the server closes the connection',
          received: 'still open',
        });
      }
      ctx.assertServerAlive('after a client left');
      try {
        const next = await AckClient.connect(ctx, 'client 2');
        for (const m of conversation(ctx, 1)) await next.say(m);
      } catch (err) {
        if (!(err instanceof CheckFailure)) throw err;
        ctx.assertServerAlive('after a client left');
        throw new CheckFailure(`after client 1 left, client 2 was not served: ${err.message}`, err.details);
      }
    },
  }),
];
