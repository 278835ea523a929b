/**
 * The B1 wire contract: no framing (one `sendall` per message, as in the course), every message
 * answered with the ack text. Parameters, and sockgrade's side of the conversation.
 */
import type { ServerCheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import type { ParamSpecs, ParamValues } from '../../harness/authoring.js';
import { str, num } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { escapeBytes } from '../../harness/authoring.js';
import { formatMs } from '../../harness/authoring.js';
import type { Rng } from '../../harness/authoring.js';
import { PROMPT_PARAM } from '../shared/chat-terminal.js';
import { textSince, waitOnConnection } from '../shared/chat-lines.js';

/** Parameters of `tcp-chat-ack`, with the course's wording as defaults. */
export const PARAMS: ParamSpecs = {
  ack: { type: 'string', default: 'mensaje recibido', description: 'the reply the server sends to every message' },
  greeting: { type: 'string', default: 'Conectado con el servidor', description: 'the first message a client sends on its own, before any typed one (empty: none)' },
  quit: { type: 'string', default: 'bye', description: 'the word that, typed into the client, ends it' },
  prompt: PROMPT_PARAM,
  'reply-within': { type: 'number', default: 2, min: 0.2, max: 60, description: 'seconds within which a client must get its reply while another client is connected' },
};

export const ackOf = (p: ParamValues): string => str(p, 'ack');
export const greetingOf = (p: ParamValues): string => str(p, 'greeting');
export const quitOf = (p: ParamValues): string => str(p, 'quit');
export const replyWithinMs = (p: ParamValues): number => num(p, 'reply-within') * 1000;

/** Messages in the course's style, unique per run. */
export function chatMessages(rng: Rng, n: number): string[] {
  const all = [`Hola, soy ${rng.word(6)}`, `Te escribo otra vez ${rng.word(8)}`, `¿Qué tal estás? Año ñandú ${rng.word(6)}`, `Hablamos? ${rng.word(5)}`, `Me voy ya ${rng.word(6)}`];
  return all.slice(0, n);
}

/** How many acks `text` holds, and whatever else it holds (whitespace between acks is fine). */
export function countAcks(text: string, ack: string): { count: number; junk: string } {
  const parts = text.split(ack);
  const count = parts.length - 1;
  const tail = (parts[parts.length - 1] ?? '').trim();
  // A tail that is the beginning of an ack is one still arriving.
  const tailJunk = tail !== '' && !ack.startsWith(tail);
  const junk = parts.slice(0, -1).join('').trim() + (tailJunk ? tail : '');
  return { count, junk };
}

/** What came back after a message. */
type Reply = { kind: 'ack' } | { kind: 'none' } | { kind: 'closed' } | { kind: 'other' };

/** sockgrade as one chat client of a submitted server: says messages and expects one ack for each. */
export class AckClient {
  readonly sent: string[] = [];
  /** The client's own port: what the server sees as its address. */
  readonly port: number;
  private lastFrom = 0;

  constructor(
    private readonly ctx: ServerCheckContext,
    readonly conn: Connection,
    readonly ack: string,
  ) {
    this.port = conn.socket.localPort ?? 0;
  }

  static async connect(ctx: ServerCheckContext, label: string): Promise<AckClient> {
    return new AckClient(ctx, await ctx.connect(label), ackOf(ctx.params));
  }

  get label(): string {
    return this.conn.transcript.label;
  }

  /** Acks received so far. */
  get acks(): number {
    return countAcks(textSince(this.conn), this.ack).count;
  }

  /** Sends one message (no framing, as a course client does). */
  async send(message: string): Promise<void> {
    this.lastFrom = this.conn.receivedBytes;
    this.sent.push(message);
    await this.conn.send(message);
  }

  /** Waits up to `ms` for the ack of every message sent so far. */
  async reply(ms: number): Promise<Reply> {
    this.ctx.doing(`waiting for ${this.label} to get the ack of "${this.sent[this.sent.length - 1] ?? ''}"`);
    const r = await waitOnConnection<Reply>(
      this.conn,
      () => {
        const s = countAcks(textSince(this.conn), this.ack);
        if (s.junk !== '') return { kind: 'other' };
        if (s.count >= this.sent.length) return { kind: 'ack' };
        return undefined;
      },
      this.ctx.within(ms),
      this.ctx.signal,
    );
    if (r) return r;
    return this.conn.closeKind === 'open' ? { kind: 'none' } : { kind: 'closed' };
  }

  /** Sends `message` and fails unless its ack comes back within `ms`. */
  async say(message: string, ms = 3000): Promise<void> {
    await this.send(message);
    const r = await this.reply(ms);
    if (r.kind !== 'ack') throw this.failure(r, ms);
  }

  /** The diagnosis for a reply that was not the ack of the last message. */
  failure(r: Reply, ms: number): CheckFailure {
    const message = this.sent[this.sent.length - 1] ?? '';
    const since = this.conn.received.subarray(this.lastFrom);
    const expected = `"${escapeBytes(this.ack)}" (a newline after it is fine)`;
    if (r.kind === 'other') {
      return new CheckFailure(`${this.label} sent "${escapeBytes(message)}" and the reply is not the ack`, {
        expected,
        received: `"${escapeBytes(since, 300)}"`,
        hint: `answer every message with exactly the ack: conn.sendall("${this.ack}".encode())`,
      });
    }
    this.ctx.assertServerAlive(`while ${this.label} waited for the ack of "${message}"`);
    if (r.kind === 'closed') {
      return new CheckFailure(`the server ${this.conn.closeKind === 'reset' ? 'reset' : 'closed'} ${this.label}'s connection instead of answering "${escapeBytes(message)}"`, {
        expected,
        received: since.length ? `"${escapeBytes(since, 300)}", then the connection closed` : 'the connection closed',
        hint: 'keep the conversation open until the client closes it: loop on recv() and answer each message',
      });
    }
    return new CheckFailure(`${this.label} sent "${escapeBytes(message)}" and got no reply within ${formatMs(ms)}`, {
      expected,
      received: since.length ? `"${escapeBytes(since, 300)}" (incomplete)` : 'nothing',
    });
  }

  /** Fails when more acks arrived than messages were sent. */
  assertNoExtraAcks(): void {
    const { count } = countAcks(textSince(this.conn), this.ack);
    if (count > this.sent.length) {
      throw new CheckFailure(`${this.label} sent ${this.sent.length} messages and got ${count} acks: the server answers some messages more than once`, {
        expected: `${this.sent.length} × "${escapeBytes(this.ack)}"`,
        received: `"${escapeBytes(this.conn.received, 300)}"`,
        hint: 'send one ack per recv() that brought a message, and none for recv() returning b""',
      });
    }
  }
}
