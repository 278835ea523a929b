/**
 * The B3 wire contract: UTF-8 lines ending in `\n` (`framing=line`), or messages without any
 * delimiter, one per send (`framing=raw`, as courses whose server takes one recv() as one
 * message write it). On connect the server sends the nickname prompt (after a password prompt
 * when `password` is set); then it broadcasts `<nick> se ha unido al chat`, relays every message
 * as `<nick>: <text>`, and announces `<nick> ha salido del chat` when a member leaves (`salir`)
 * or disconnects. Parameters, and sockgrade's members of the chat room.
 *
 * Under `framing=raw` nothing marks where a message ends, so sockgrade's members send a message
 * only once the previous one has been relayed (seen by some member) or has had time to be read,
 * and read what arrives as one stream: a message may be split across several recv() or several
 * may come in one, and each expected message is looked for anywhere in that stream.
 */
import type { ServerCheckContext } from '../../harness/engine/context.js';
import type { Connection } from '../../harness/net/connection.js';
import { bool, num, str, type ParamSpecs, type ParamValues } from '../../harness/model/params.js';
import { CheckFailure, CheckInconclusive, CheckNotReached, UsageError } from '../../harness/model/failure.js';
import { escapeBytes } from '../../harness/diagnose/bytes.js';
import type { Rng } from '../../harness/util/rng.js';
import { formatMs, pause } from '../../harness/util/deadline.js';
import { PROMPT_PARAM } from '../shared/chat-terminal.js';
import { LineInbox, textSince } from '../shared/chat-lines.js';

/** Parameters of `group-chat`, with the course's wording as defaults. */
export const PARAMS: ParamSpecs = {
  framing: {
    type: 'enum',
    default: 'line',
    values: ['line', 'raw'],
    description:
      'line: every message, prompt and announcement is a UTF-8 line ending in "\\n"; raw: they travel without newline, one message per send (the server takes each recv() as one message and relays it as it came, with nothing added)',
  },
  'nick-prompt': {
    type: 'string',
    default: 'intr_apodo',
    description: 'what the server sends to ask a new client for its nickname; empty: the server sends nothing and the client sends its nickname first, as its first line',
  },
  relay: {
    type: 'string',
    default: '{nick}: {text}',
    description: 'the line the server relays for a message, {nick} and {text} standing for the sender and its text (e.g. "[{nick}] {text}", or "{text}" when the client adds its own name)',
  },
  join: { type: 'string', default: 'se ha unido al chat', description: 'text after the nickname in the join announcement' },
  leave: { type: 'string', default: 'ha salido del chat', description: 'text after the nickname in the leave announcement' },
  quit: { type: 'string', default: 'salir', description: 'the line a client sends to leave the chat' },
  password: { type: 'string', default: '', description: 'password the server asks for before the nickname (empty: no password, chat.password does not apply)' },
  idle: { type: 'number', default: 60, min: 0, max: 3600, description: 'seconds of silence after which the server expels a member (0: no expulsion, chat.idle-kick does not apply)' },
  tolerance: { type: 'number', default: 2, min: 0.1, max: 60, description: 'seconds after `idle` within which the expulsion must happen' },
  'echo-sender': { type: 'boolean', default: true, description: 'the server also sends each message back to its sender (as the course\'s server does)' },
  clients: { type: 'integer', default: 10, min: 3, max: 200, description: 'members in chat.broadcast-all' },
  'burst-clients': { type: 'integer', default: 20, min: 2, max: 200, description: 'members sending at once in chat.no-loss-under-burst' },
  'burst-messages': { type: 'integer', default: 50, min: 1, max: 1000, description: 'messages each member sends at once in chat.no-loss-under-burst' },
  prompt: PROMPT_PARAM,
};

/** Parameter values, typed. */
export interface ChatWords {
  nickPrompt: string;
  join: string;
  leave: string;
  quit: string;
  password: string;
  echo: boolean;
  relay: string;
  framing: Framing;
}

/** How the chat's messages are delimited: `line` (a `\n` after each) or `raw` (none: one message per send). */
export type Framing = 'line' | 'raw';

export const framingOf = (p: ParamValues): Framing => (p['framing'] === 'raw' ? 'raw' : 'line');

/** `text` as one message on the wire: with its newline under `framing=line`, as it is under `raw`. */
export const onWire = (framing: Framing, text: string): string => (framing === 'raw' ? text : `${text}\n`);

/** How many times `needle` occurs in `hay`, without overlaps. */
export function occurrences(hay: string, needle: string): number {
  if (needle === '') return 0;
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
}

export function wordsOf(p: ParamValues): ChatWords {
  const relay = typeof p['relay'] === 'string' ? p['relay'] : '{nick}: {text}';
  if (!relay.includes('{text}')) throw new UsageError(`parameter relay must contain {text} (where the message goes), got "${relay}"`);
  return { nickPrompt: str(p, 'nick-prompt'), join: str(p, 'join'), leave: str(p, 'leave'), quit: str(p, 'quit'), password: str(p, 'password'), echo: bool(p, 'echo-sender'), relay, framing: framingOf(p) };
}

export const idleMsOf = (p: ParamValues): number => num(p, 'idle') * 1000;
export const toleranceMsOf = (p: ParamValues): number => num(p, 'tolerance') * 1000;

/** The relay line of `text` sent by `nick`, as the `relay` template lays it out. */
export const relayLine = (words: Pick<ChatWords, 'relay'>, nick: string, text: string): string => words.relay.replaceAll('{nick}', nick).replaceAll('{text}', text);

/** A pattern for relay lines of the template, with the named groups `nick` (absent when the template has none) and `text` (matched by `textPattern`). */
export function relayPattern(words: Pick<ChatWords, 'relay'>, textPattern: string): RegExp {
  let nickSeen = false;
  const parts = words.relay.split(/(\{nick\}|\{text\})/).map((part) => {
    if (part === '{text}') return `(?<text>${textPattern})`;
    if (part === '{nick}') {
      const group = nickSeen ? '\\k<nick>' : '(?<nick>\\S+)';
      nickSeen = true;
      return group;
    }
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(parts.join(''), 'g');
}

const NAMES = ['ana', 'luis', 'marta', 'pedro', 'lucia', 'jorge', 'sara', 'pablo', 'elena', 'david', 'irene', 'hugo', 'nerea', 'ivan', 'alba', 'mario', 'carla', 'diego', 'noa', 'raul'];

/** `n` distinct nicknames, e.g. `marta37`. */
export function nicknames(rng: Rng, n: number): string[] {
  const out = new Set<string>();
  for (let i = 0; out.size < n; i++) out.add(`${NAMES[i % NAMES.length] as string}${rng.int(10, 99)}`);
  return [...out];
}

/**
 * How long sockgrade waits after the last byte before deciding nothing more will come: 2 s,
 * but well under `idle`, so that a short `idle` does not expel members while it waits.
 */
export function quietMs(p: ParamValues): number {
  const idle = idleMsOf(p);
  return idle > 0 ? Math.max(300, Math.min(2000, idle - 1000)) : 2000;
}

/**
 * How long one step (a prompt, an announcement, a relayed line) may take before it is a
 * failure: 3 s, but shorter than `idle`, so that no member is expelled while sockgrade waits.
 */
export function stepMs(p: ParamValues): number {
  const idle = idleMsOf(p);
  return idle > 0 ? Math.max(1000, Math.min(3000, idle - 500)) : 3000;
}

/** The hint for a server that ends what it sends with a newline and waits for one, graded with `framing=raw`. */
export const LINE_BASED_UNDER_RAW =
  'what the server sent ends in a newline, as a line-based chat\'s does: under framing=raw sockgrade sends its messages (password, nickname, text) without newline, one per send, so a server that reads up to "\\n" waits for ever; if your course\'s chat is line-based, grade with --param framing=line';

/** Longest sockgrade waits, under `framing=raw`, for a member's previous message to be relayed before it sends the next. */
const SETTLE_CAP_MS = 1000;

/** A message a member sent, for pacing the next one under `framing=raw`. */
interface Sent {
  at: number;
  /** The relay line every member should get, for a chat message; undefined for a nickname, password or quit word. */
  relay: string | undefined;
  /** Bytes each member of the room had received when it was sent. */
  offsets: Map<Member, number>;
}

/** One of sockgrade's members of the chat. */
export class Member {
  readonly inbox: LineInbox;
  /** Index of the first line received after the nickname was sent: the member's chat starts there (`framing=line`). */
  fromLine = 0;
  /** Byte offset of what was received after the nickname was sent (`framing=raw`). */
  fromByte = 0;
  /** performance.now() of the member's last line sent (its activity, for idle expulsion). */
  lastSentAt: number;
  /** sockgrade closed or reset this connection itself. */
  leftOnPurpose = false;
  private last: Sent | undefined;

  constructor(
    readonly nick: string,
    readonly conn: Connection,
    /** performance.now() just before connecting. */
    readonly connectedAt: number,
    readonly room: Room,
  ) {
    this.inbox = new LineInbox(conn);
    this.lastSentAt = connectedAt;
  }

  get framing(): Framing {
    return this.room.words.framing;
  }

  /** Sends a chat message (relayed to the members as the `relay` template lays it out). */
  say(text: string): Promise<void> {
    return this.send(text, relayLine(this.room.words, this.nick, text));
  }

  /** Sends what is not relayed: a nickname, a password, the quit word. */
  tell(text: string): Promise<void> {
    return this.send(text, undefined);
  }

  private async send(text: string, relay: string | undefined): Promise<void> {
    if (this.framing === 'raw') await this.settled();
    this.markSent();
    this.last = { at: performance.now(), relay, offsets: new Map(this.room.members.map((m) => [m, m.conn.receivedBytes])) };
    await this.conn.send(onWire(this.framing, text));
  }

  /**
   * Under `framing=raw`, two messages sent close together may reach the server in one recv()
   * and be taken for one: waits until the previous chat message has reached some member (the
   * server has read it), at most {@link SETTLE_CAP_MS}, or 150 ms after a message that is not relayed.
   */
  private async settled(): Promise<void> {
    const last = this.last;
    if (!last) return;
    const { ctx } = this.room;
    const idle = idleMsOf(ctx.params);
    const cap = Math.min(SETTLE_CAP_MS, idle > 0 ? idle / 4 : SETTLE_CAP_MS);
    const until = last.at + (last.relay === undefined ? Math.min(150, cap) : cap);
    const seen = (): boolean => {
      if (last.relay === undefined) return false;
      for (const [m, from] of last.offsets) if ((m !== this || this.room.words.echo) && !m.conn.closed && textSince(m.conn, from).includes(last.relay)) return true;
      return false;
    };
    while (!seen() && performance.now() < until && this.conn.closeKind === 'open') await pause(Math.min(10, Math.max(0, until - performance.now())), ctx.signal);
  }

  /** The server has answered the member's last message (so it has read it): the next one need not wait for it. */
  answered(): void {
    this.last = undefined;
  }

  /** Records activity now, unless the server has already closed the connection (nothing it sends then counts). */
  markSent(): void {
    if (this.closedByServerAt === undefined) this.lastSentAt = performance.now();
  }

  /** Still connected as far as sockgrade can tell. */
  get connected(): boolean {
    return !this.leftOnPurpose && this.conn.closeKind === 'open' && !this.conn.closed;
  }

  /** When the server closed or reset this connection (performance.now), if it did. */
  get closedByServerAt(): number | undefined {
    if (this.leftOnPurpose) return undefined;
    return this.conn.finAt ?? this.conn.errorAt;
  }

  /** Lines of the chat (received after the nickname was sent); under `framing=raw`, everything received since, as one. */
  chatLines(): string[] {
    if (this.framing === 'raw') return [this.chatText()];
    return this.inbox.sync().slice(this.fromLine);
  }

  /** Everything received after the nickname was sent, as text. */
  chatText(): string {
    if (this.framing === 'raw') return textSince(this.conn, this.fromByte);
    return this.inbox.sync().slice(this.fromLine).join('\n') + (this.inbox.partial ? `\n${this.inbox.partial}` : '');
  }

  /** How many chat lines contain `text` (under `framing=raw`: how many times it occurs in what was received). */
  count(text: string): number {
    if (this.framing === 'raw') return occurrences(this.chatText(), text);
    return this.chatLines().filter((l) => l.includes(text)).length;
  }

  /** Waits for a chat line containing `text` (under `framing=raw`: for `text` anywhere in what arrives); false when it does not come within `ms`. */
  async expectLine(ctx: ServerCheckContext, text: string, ms: number): Promise<boolean> {
    if (this.framing === 'raw') return (await this.inbox.until(() => (this.chatText().includes(text) ? true : undefined), ctx.within(ms), ctx.signal)) === true;
    return (await this.inbox.waitForLine(text, ctx.within(ms), ctx.signal, this.fromLine)) >= 0;
  }

  /** The end of what the member received, for a report. */
  tail(n = 6): string {
    if (this.framing === 'line') return this.inbox.tail(n);
    const text = this.inbox.text;
    if (text === '') return '(nothing)';
    const cut = n * 60;
    return `${text.length > cut ? '…' : ''}"${escapeBytes(text.slice(-cut), cut + 40)}" (framing=raw: everything received, as one stream)`;
  }
}

/** sockgrade's members of one chat room on the submitted server. */
export class Room {
  readonly members: Member[] = [];
  readonly words: ChatWords;

  constructor(readonly ctx: ServerCheckContext) {
    this.words = wordsOf(ctx.params);
  }

  /** Members still connected. */
  live(): Member[] {
    return this.members.filter((m) => m.connected);
  }

  /** Connects, answers the password and nickname prompts; the member is not yet known to have joined. */
  async enter(nick: string): Promise<Member> {
    const { ctx, words } = this;
    const step = stepMs(ctx.params);
    const connectedAt = performance.now();
    const m = new Member(nick, await ctx.connect(`member ${nick}`), connectedAt, this);
    if (words.password !== '') {
      ctx.doing(`waiting for the password prompt (member ${nick})`);
      await m.inbox.until(() => (m.inbox.text.length > 0 ? true : undefined), ctx.within(step), ctx.signal);
      if (m.inbox.text.includes(words.nickPrompt)) {
        throw new CheckFailure(`the server asked ${nick} for a nickname without asking for the password first`, {
          expected: 'a password prompt first (the exercise is graded with --param password=…)',
          received: `"${escapeBytes(m.inbox.text, 200)}"`,
          hint: 'send a prompt asking for the password, read the answer, compare it, and only then send the nickname prompt',
        });
      }
      if (m.inbox.text.length === 0) throw this.silent(m, 'the password prompt', 'a prompt asking for the password', 'connecting');
      await m.tell(words.password);
    }
    ctx.doing(`waiting for the nickname prompt (member ${nick})`);
    const asked = await m.inbox.until(() => (m.inbox.text.includes(words.nickPrompt) ? true : undefined), ctx.within(step), ctx.signal);
    if (!asked) throw this.silent(m, `the nickname prompt "${words.nickPrompt}"`, `"${escapeBytes(words.nickPrompt)}"${words.framing === 'raw' ? '' : ' (a newline after it is fine)'}`, words.password !== '' ? 'sending the right password' : 'connecting');
    m.answered();
    if (words.framing === 'raw' && words.nickPrompt !== '') this.notePromptNewline(m);
    m.fromLine = m.inbox.sync().length;
    m.fromByte = m.conn.receivedBytes;
    const before = m.conn.receivedBytes;
    await m.tell(nick);
    // The server has registered the newcomer once it says anything to it (its own announcement,
    // a welcome); a server that tells it nothing gets half a second, for lack of any event.
    await m.conn.waitForBytes(before + 1, ctx.within(Math.min(step, 500)), ctx.signal);
    return m;
  }

  /**
   * What went wrong with the framing while members joined (`framing=raw`: a newline after the
   * nickname prompt, which a client comparing the whole recv() with the prompt never recognises).
   */
  readonly framingProblems: { nick: string; came: string }[] = [];

  private notePromptNewline(m: Member): void {
    const text = m.inbox.text;
    const at = text.lastIndexOf(this.words.nickPrompt);
    const after = text.slice(at + this.words.nickPrompt.length);
    if (this.framingProblems.length === 0 && /^\r?\n/.test(after)) {
      this.framingProblems.push({ nick: m.nick, came: this.words.nickPrompt + (after.startsWith('\r') ? '\r\n' : '\n') });
    }
  }

  private silent(m: Member, what: string, expected: string, after: string): CheckFailure {
    this.ctx.assertServerAlive(`while ${m.nick} was joining`);
    const how = m.conn.closeKind === 'open' ? `did not arrive within ${formatMs(stepMs(this.ctx.params))}` : `never came: the server ${m.conn.closeKind === 'reset' ? 'reset' : 'closed'} the connection`;
    return new CheckFailure(`${what} ${how} after ${after} (member ${m.nick})`, {
      expected,
      received: m.inbox.text ? `"${escapeBytes(m.inbox.text, 300)}"` : 'nothing',
      hint:
        this.words.framing === 'line'
          ? `right after accept(), send the prompt (e.g. conn.sendall(b"${this.words.nickPrompt}\\n")) and read the answer`
          : m.inbox.text.includes('\n')
            ? LINE_BASED_UNDER_RAW
            : `right after accept(), send the prompt (e.g. conn.sendall(b"${this.words.nickPrompt}")) and read the answer: under framing=raw it comes without a newline, whole in one recv()`,
    });
  }

  /**
   * Adds a member and waits until every member already in the room hears its join
   * announcement (which also tells sockgrade that the server has registered it).
   */
  async join(nick: string): Promise<Member> {
    const { ctx, words } = this;
    const before = this.live();
    const step = stepMs(ctx.params);
    const m = await this.enter(nick);
    const announcement = `${nick} ${words.join}`;
    ctx.doing(`waiting for ${before.length} members to hear "${announcement}"`);
    const heard = await Promise.all(before.map((b) => b.expectLine(ctx, announcement, step)));
    const deaf = before.filter((_, i) => !heard[i]);
    this.members.push(m);
    if (deaf.length > 0) {
      ctx.assertServerAlive(`after ${nick} joined`);
      const first = deaf[0] as Member;
      const said = deaf.length === before.length ? 'no member already in the chat received' : `${deaf.length} of ${before.length} members (${deaf.map((d) => d.nick).join(', ')}) already in the chat did not receive`;
      throw new CheckFailure(`${said} "${announcement}" within ${formatMs(step)} after ${nick} gave its nickname`, {
        expected: words.framing === 'raw' ? `"${announcement}" sent to every member` : `a line "${announcement}" sent to every member`,
        received: `${first.nick} received: ${first.tail()}`,
        hint: this.joinHint(first, announcement),
      });
    }
    return m;
  }

  /** The hint of a join announcement that did not arrive, saying when the framing looks like the other one. */
  private joinHint(deaf: Member, announcement: string): string {
    const { join, framing } = this.words;
    if (framing === 'raw') {
      return `under framing=raw sockgrade sends the nickname without a newline, in one send: take what one recv() returns as the nickname and send "<apodo> ${join}" to every client in the list; if your chat is line-based (it waits for "\\n"), grade with --param framing=line`;
    }
    if (deaf.inbox.partial.includes(announcement)) {
      return `"${announcement}" arrived without a newline after it: under framing=line every message ends in "\\n"; if your course's chat sends messages without newline, one per send, grade with --param framing=raw`;
    }
    return `after reading the nickname (strip its newline), send "<apodo> ${join}\\n" to every client in the list`;
  }

  /** Joins the members one after the other. */
  async joinAll(nicks: readonly string[]): Promise<Member[]> {
    const out: Member[] = [];
    for (const nick of nicks) out.push(await this.join(nick));
    return out;
  }

  /** Like {@link joinAll}, but a failure to join skips the check: chat.join-announced reports it. */
  async joinOrSkip(nicks: readonly string[]): Promise<Member[]> {
    try {
      return await this.joinAll(nicks);
    } catch (err) {
      if (err instanceof CheckFailure) {
        this.ctx.assertServerAlive('while members were joining');
        this.inconclusiveIfExpelledForIdle();
        throw new CheckNotReached(`the members could not join the chat, so this could not be judged (chat.join-announced says why): ${err.message}`);
      }
      throw err;
    }
  }

  /**
   * Runs `judge`; when it fails and the server had rightly expelled one of the members for being
   * idle (a short `idle` on a slow machine makes that happen during a long check), the check is
   * inconclusive instead: the engine runs it again by itself.
   */
  async judged(judge: () => Promise<void>): Promise<void> {
    try {
      await judge();
    } catch (err) {
      if (err instanceof CheckFailure) this.inconclusiveIfExpelledForIdle();
      throw err;
    }
  }

  /** Throws {@link CheckInconclusive} when the server expelled a member that had been silent for `idle`. */
  inconclusiveIfExpelledForIdle(): void {
    const idle = idleMsOf(this.ctx.params);
    if (idle <= 0) return;
    for (const m of this.members) {
      const at = m.closedByServerAt;
      if (at !== undefined && at - m.lastSentAt >= idle - 100) {
        throw new CheckInconclusive(`the server rightly expelled ${m.nick} after ${formatMs(at - m.lastSentAt)} of silence (idle is ${formatMs(idle)}) before this check was over: the machine was too slow for so short an idle; grade with a larger --param idle`);
      }
    }
  }
}
