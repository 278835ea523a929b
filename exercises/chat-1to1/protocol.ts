/**
 * The B2 wire contract: two people chat through two interactive programs. Each side sends the
 * name its user typed, once, at the start (over UDP the client first, so that the server learns
 * its address); then the client speaks first and turns alternate, one message per turn (one
 * `send` over TCP, one datagram over UDP, no framing); the quit word (`exit`) typed on either
 * side is sent to the other, and both programs end.
 *
 * sockgrade plays one side; a {@link ChatLink} hides whether that side speaks TCP or UDP.
 */
import type { CheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import type { UdpClient, UdpPeer, Datagram } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { num, str, type ParamSpecs, type ParamValues } from '../../harness/authoring.js';
import { escapeBytes } from '../../harness/authoring.js';
import type { Rng } from '../../harness/authoring.js';
import { PROMPT_PARAM, outputTail, type Terminal } from '../shared/chat-terminal.js';
import { textSince, waitOnConnection } from '../shared/chat-lines.js';

/** Parameters of `chat-1to1`. */
export const PARAMS: ParamSpecs = {
  transport: { type: 'enum', default: 'tcp', values: ['tcp', 'udp'], description: 'the variant graded: tcp or udp (the course asks for both)' },
  quit: { type: 'string', default: 'exit', description: 'the word that, typed on either side, ends the chat' },
  names: {
    type: 'enum',
    default: 'on',
    values: ['on', 'off'],
    description: 'on: each side sends the name its user typed, once, before the first message; off: no names, the first message is the client\'s first line',
  },
  prompt: PROMPT_PARAM,
  'give-up': { type: 'number', default: 10, min: 1, max: 120, description: 'seconds within which a TCP client started with no server must give up' },
};

export const transportOf = (p: ParamValues): 'tcp' | 'udp' => (str(p, 'transport') === 'udp' ? 'udp' : 'tcp');
export const quitOf = (p: ParamValues): string => str(p, 'quit');
export const namesOn = (p: ParamValues): boolean => p['names'] !== 'off';
/** Why a check that exchanges names does not apply under `p`. */
export const namesOff = (p: ParamValues): string | undefined => (namesOn(p) ? undefined : 'names is off: no names are exchanged');
export const giveUpMsOf = (p: ParamValues): number => num(p, 'give-up') * 1000;

/** How long one turn may take before it is a failure. */
export const TURN_MS = 5000;

const NAMES = ['Marta', 'Luis', 'Ana', 'Pedro', 'Lucía', 'Jorge', 'Sara', 'Pablo'];

/** Two different names, e.g. `Marta42` and `Luis17`. */
export function twoNames(rng: Rng): [string, string] {
  const i = rng.int(0, NAMES.length - 1);
  const j = (i + rng.int(1, NAMES.length - 1)) % NAMES.length;
  return [`${NAMES[i] as string}${rng.int(10, 99)}`, `${NAMES[j] as string}${rng.int(10, 99)}`];
}

/** Message `k` of a conversation. */
export function turnText(rng: Rng, who: 'a' | 'b', k: number): string {
  const a = ['hola, ¿qué tal?', '¿qué haces esta tarde?', 'vale, hasta luego'];
  const b = ['muy bien, ¿y tú?', 'estudiar redes', 'adiós'];
  return `${(who === 'a' ? a : b)[k % 3] as string} ${rng.word(5)}`;
}

/** sockgrade's side of the conversation, over TCP or UDP. */
export interface ChatLink {
  /** How a diagnosis names what was received: `on the connection`, `in datagrams`. */
  readonly where: string;
  /** Position after everything received so far. */
  mark(): number;
  /** The messages received after `from`: datagrams over UDP, the text of the stream over TCP. */
  messages(from: number): string[];
  /** Waits until `test` accepts the messages received after `from`; undefined on timeout or when the other side closed. */
  waitFor<T>(from: number, test: (messages: string[]) => T | undefined, ms: number): Promise<T | undefined>;
  send(text: string): Promise<void>;
  /** The other side closed or reset the connection (TCP only). */
  closed(): boolean;
  /** sockgrade leaves: TCP closes its sending side; nothing to do over UDP. */
  finish(): void;
}

/** A TCP connection as a chat link: one message per turn, no framing. */
export class TcpLink implements ChatLink {
  readonly where = 'on the connection';
  constructor(
    private readonly ctx: CheckContext,
    readonly conn: Connection,
  ) {}

  mark(): number {
    return this.conn.receivedBytes;
  }

  messages(from: number): string[] {
    const t = textSince(this.conn, from);
    return t === '' ? [] : [t];
  }

  waitFor<T>(from: number, test: (messages: string[]) => T | undefined, ms: number): Promise<T | undefined> {
    return waitOnConnection(this.conn, () => test(this.messages(from)), this.ctx.within(ms), this.ctx.signal);
  }

  async send(text: string): Promise<void> {
    await this.conn.send(text);
  }

  closed(): boolean {
    return this.conn.closeKind !== 'open';
  }

  finish(): void {
    this.conn.halfClose();
  }
}

/** Datagrams exchanged with one address, as a chat link. */
abstract class UdpLink implements ChatLink {
  readonly where = 'in datagrams';
  constructor(protected readonly ctx: CheckContext) {}

  protected abstract all(): readonly Datagram[];
  protected abstract next(index: number, ms: number): Promise<unknown>;
  abstract send(text: string): Promise<void>;
  protected accepts(_d: Datagram): boolean {
    return true;
  }

  mark(): number {
    return this.all().length;
  }

  messages(from: number): string[] {
    return this.all()
      .slice(from)
      .filter((d) => this.accepts(d))
      .map((d) => d.data.toString('utf8'));
  }

  async waitFor<T>(from: number, test: (messages: string[]) => T | undefined, ms: number): Promise<T | undefined> {
    const until = performance.now() + this.ctx.within(ms);
    for (;;) {
      const v = test(this.messages(from));
      if (v !== undefined) return v;
      const left = until - performance.now();
      if (left <= 0) return undefined;
      await this.next(this.all().length, left);
    }
  }

  closed(): boolean {
    return false;
  }

  finish(): void {}
}

/** sockgrade as the UDP client of a submitted server. */
export class UdpClientLink extends UdpLink {
  constructor(
    ctx: CheckContext,
    private readonly client: UdpClient,
  ) {
    super(ctx);
  }

  protected all(): readonly Datagram[] {
    return this.client.datagrams;
  }

  protected async next(_index: number, ms: number): Promise<unknown> {
    return this.client.receive(ms, this.ctx.signal);
  }

  send(text: string): Promise<void> {
    return this.client.send(Buffer.from(text));
  }
}

/** sockgrade as the UDP server of a submitted client: talks to the address the client's first datagram came from. */
export class UdpPeerLink extends UdpLink {
  constructor(
    ctx: CheckContext,
    private readonly peer: UdpPeer,
    private readonly first: Datagram,
  ) {
    super(ctx);
  }

  protected all(): readonly Datagram[] {
    return this.peer.datagrams;
  }

  protected async next(index: number, ms: number): Promise<unknown> {
    return this.peer.datagram(index, ms, this.ctx.signal);
  }

  protected override accepts(d: Datagram): boolean {
    return d.from.port === this.first.from.port && d.from.address === this.first.from.address;
  }

  send(text: string): Promise<void> {
    return this.peer.reply(this.first, Buffer.from(text));
  }
}

/** One message as sent: a trailing newline is tolerated. */
export const body = (message: string): string => message.replace(/\r?\n$/, '');

/**
 * Waits for the next message after `from` and fails unless it is `expected`.
 * `what` names it in diagnoses, e.g. `the name typed at its prompt`.
 */
export async function expectMessage(ctx: CheckContext, link: ChatLink, term: Terminal, from: number, expected: string, what: string, hint: string, sentBack?: string): Promise<void> {
  ctx.doing(`waiting for ${term.who} to send ${what}`);
  const verdict = await link.waitFor(
    from,
    (ms) => {
      const first = ms[0];
      if (first === undefined) return undefined;
      if (body(first) === expected) return 'ok';
      return link instanceof TcpLink && expected.startsWith(body(first)) ? undefined : 'wrong';
    },
    TURN_MS,
  );
  if (verdict === 'ok') return;
  const got = link.messages(from);
  if (verdict === 'wrong') {
    const first = body(got[0] ?? '');
    const echoed = sentBack !== undefined && first === sentBack;
    throw new CheckFailure(
      echoed
        ? `${term.who} sent back the message it had just received instead of ${what}`
        : first.includes(expected)
          ? `${term.who} did not send ${what} as a message of its own: it came with other text`
          : `${term.who} sent "${escapeBytes(first, 120)}" instead of ${what}`,
      { expected: `"${escapeBytes(expected)}"`, received: got.map((m) => `"${escapeBytes(m, 200)}"`).join(', '), hint },
    );
  }
  if (link.closed()) throw new CheckFailure(`${term.who} closed the connection instead of sending ${what}`, { expected: `"${escapeBytes(expected)}"`, received: got.length ? `"${escapeBytes(got.join(''), 200)}"` : 'nothing' });
  throw term.stalled(`send ${what} ("${escapeBytes(expected)}") ${link.where}`, TURN_MS, hint);
}

/** Waits for `text` to be printed after output offset `from`, failing with `failure` when it is not. */
export async function expectShown(ctx: CheckContext, term: Terminal, text: string, from: number, failure: string, hint: string): Promise<void> {
  ctx.doing(`waiting for ${term.who} to print "${text}"`);
  const shown = await term.printed(`"${text}" to be printed`, (t) => (t.includes(text) ? true : undefined), TURN_MS, from);
  if (shown) return;
  const crashOrExit = term.program.exit !== undefined;
  if (crashOrExit) throw term.stalled(`print "${escapeBytes(text)}"`, TURN_MS, hint);
  throw new CheckFailure(failure, { expected: `"${escapeBytes(text)}" printed`, received: outputTail(term.printedSince(from)), hint });
}
