/**
 * `chat.no-loss-under-burst`: many members send many lines at the same instant, each member's
 * lines written in a few pieces cut at arbitrary bytes; every member must get every other
 * member's lines, each sender's in the order sent. The report says what was lost or reordered
 * for whom.
 *
 * Under `framing=raw` a message is what one send carries, so a member cannot send its messages
 * back to back (they would reach the server as one): all members still send at the same time,
 * but each sends its next message only once its previous one has been relayed. What arrives is
 * read as one stream, messages split or run together however recv() returns them.
 */
import type { ServerCheckContext } from '../../harness/engine/context.js';
import { CheckFailure } from '../../harness/model/failure.js';
import { num } from '../../harness/model/params.js';
import { formatMs } from '../../harness/util/deadline.js';
import { Room, nicknames, quietMs, relayPattern, wordsOf, type ChatWords, type Member } from './protocol.js';

/** What one member saw of the burst. */
interface Reception {
  member: Member;
  /** Per sender index: message numbers in the order they first arrived. */
  order: number[][];
  /** Lines that mention a burst message but carry no sender's nickname in front of it. */
  unattributed: string[];
}

const MARK = 'rafaga';

/** The text of message `k` (0-based) of sender `s` in a burst tagged `tag`. */
const burstText = (s: number, k: number, tag: string): string => `${MARK} ${s + 1}.${k + 1} ${tag}`;

/** Cuts `data` into pieces of 1 to 400 bytes at arbitrary places (lines and characters split). */
function pieces(ctx: ServerCheckContext, data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < data.length; ) {
    const size = ctx.rng.int(1, 400);
    out.push(data.subarray(at, at + size));
    at += size;
  }
  return out;
}

/** What each member received of the burst, read from its chat lines as they arrive. */
class Receptions {
  private readonly byMember = new Map<Member, Reception & { seen: Set<number>[]; scanned: number; scannedBytes: number }>();
  private readonly re: RegExp;

  constructor(
    private readonly nicks: readonly string[],
    private readonly tag: string,
    words: ChatWords,
  ) {
    this.re = relayPattern(words, `${MARK} (?<s>\\d+)\\.(?<k>\\d+) ${tag}`);
  }

  /** `member`'s reception, brought up to date with the lines that arrived since the last call. */
  of(member: Member): Reception {
    let r = this.byMember.get(member);
    if (!r) {
      r = { member, order: this.nicks.map(() => []), unattributed: [], seen: this.nicks.map(() => new Set<number>()), scanned: 0, scannedBytes: member.fromByte };
      this.byMember.set(member, r);
    }
    if (member.framing === 'raw') {
      // One stream: scan what arrived since the end of the last message found (a message may still be arriving).
      const text = member.conn.received.subarray(r.scannedBytes).toString('utf8');
      let end = 0;
      for (const m of text.matchAll(this.re)) {
        const gap = text.slice(end, m.index);
        if (gap.includes(`${MARK} `) && gap.includes(this.tag)) r.unattributed.push(gap);
        end = (m.index ?? 0) + m[0].length;
        this.take(r, m);
      }
      r.scannedBytes += Buffer.byteLength(text.slice(0, end));
      return r;
    }
    const lines = member.chatLines();
    for (; r.scanned < lines.length; r.scanned++) {
      const line = lines[r.scanned] as string;
      if (!line.includes(`${MARK} `) || !line.includes(this.tag)) continue;
      let found = false;
      for (const m of line.matchAll(this.re)) found = this.take(r, m) || found;
      if (!found) r.unattributed.push(line);
    }
    return r;
  }

  /** Records one relayed burst message; false when it names no sender of the burst. */
  private take(r: Reception & { seen: Set<number>[] }, m: RegExpMatchArray): boolean {
    const s = Number(m.groups?.['s']) - 1;
    const k = Number(m.groups?.['k']) - 1;
    const nick = this.nicks[s];
    const named = m.groups?.['nick'];
    if (nick === undefined || (named !== undefined && !named.endsWith(nick))) return false;
    if (!r.seen[s]?.has(k)) {
      r.seen[s]?.add(k);
      r.order[s]?.push(k);
    }
    return true;
  }
}

/** `#2–#5, #9` for 0-based numbers [1,2,3,4,8]. */
function ranges(ks: readonly number[]): string {
  const sorted = [...ks].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? `#${(sorted[i] as number) + 1}` : `#${(sorted[i] as number) + 1}–#${(sorted[j] as number) + 1}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** Runs the burst and fails with a per-member account of what was lost or reordered. */
export async function burstCheck(ctx: ServerCheckContext): Promise<void> {
  const n = num(ctx.params, 'burst-clients');
  const k = num(ctx.params, 'burst-messages');
  const room = new Room(ctx);
  const nicks = nicknames(ctx.rng, n);
  const members = await room.joinOrSkip(nicks);
  const tag = ctx.rng.word(6);
  const expectedEach = (n - 1) * k;

  if (room.words.framing === 'raw') {
    ctx.doing(`${n} members sending ${k} messages each at the same time, each message once the previous one was relayed`);
    await Promise.all(
      members.map(async (m, s) => {
        for (let i = 0; i < k && m.connected; i++) await m.say(burstText(s, i, tag));
      }),
    );
  } else {
    ctx.doing(`${n} members sending ${k} lines each, all at once`);
    await Promise.all(
      members.map(async (m, s) => {
        const data = Buffer.from(Array.from({ length: k }, (_, i) => `${burstText(s, i, tag)}\n`).join(''));
        m.markSent();
        for (const piece of pieces(ctx, data)) await m.conn.send(piece);
      }),
    );
  }

  ctx.doing(`waiting for every member to receive the ${expectedEach} lines of the others`);
  const receptions = new Receptions(nicks, tag, wordsOf(ctx.params));
  const complete = (m: Member): boolean => receptions.of(m).order.every((ks, s) => s === members.indexOf(m) || ks.length >= k);
  await Promise.all(members.map((m) => m.inbox.until(() => (complete(m) ? true : undefined), ctx.within(20_000), ctx.signal, quietMs(ctx.params))));

  await room.judged(async () => {
    ctx.assertServerAlive(`during a burst of ${n} × ${k} messages`);
    const problems: string[] = [];
    let membersWrong = 0;
    for (const [r, member] of members.entries()) {
      const rec = receptions.of(member);
      const lost: string[] = [];
      const reordered: string[] = [];
      let missing = 0;
      for (const [s, ks] of rec.order.entries()) {
        if (s === r) continue;
        const got = new Set(ks);
        const gone = Array.from({ length: k }, (_, i) => i).filter((i) => !got.has(i));
        missing += gone.length;
        if (gone.length) lost.push(`from ${nicks[s]}: ${ranges(gone)}`);
        const back = ks.findIndex((v, i) => i > 0 && v < (ks[i - 1] as number));
        if (back > 0) reordered.push(`from ${nicks[s]}: #${(ks[back] as number) + 1} arrived after #${(ks[back - 1] as number) + 1}`);
      }
      if (lost.length === 0 && reordered.length === 0) continue;
      const closed = rec.member.closedByServerAt !== undefined ? ' (the server closed its connection)' : '';
      membersWrong++;
      if (missing) problems.push(`${rec.member.nick} missed ${missing} of ${expectedEach}${closed} (${lost.slice(0, 3).join('; ')}${lost.length > 3 ? `; and from ${lost.length - 3} more senders` : ''})`);
      if (reordered.length) problems.push(`${rec.member.nick} got some out of order (${reordered.slice(0, 3).join('; ')}${reordered.length > 3 ? `; and ${reordered.length - 3} more senders` : ''})`);
    }
    if (membersWrong === 0) return;
    const unattributed = members.flatMap((m) => receptions.of(m).unattributed);
    throw new CheckFailure(`${membersWrong} of ${n} members did not get every message of the burst in order (${n} members sent ${k} lines each at the same time)`, {
      expected: `every member gets the ${k} lines of each of the other ${n - 1} members as "<apodo>: ${MARK} …", each sender's lines in the order sent, within ${formatMs(20_000)}`,
      received: [
        ...problems.slice(0, 6),
        ...(problems.length > 6 ? [`… and ${problems.length - 6} more`] : []),
        ...(unattributed.length ? [`${unattributed.length} received lines carried no sender, e.g. ${JSON.stringify(unattributed[0])}`] : []),
      ].join('\n'),
      hint: unattributed.length
        ? 'one recv() may hold several lines, or part of one: keep a buffer per client, add what recv() returns, and relay each complete line (up to "\\n") on its own, leaving the rest in the buffer'
        : 'send each line to every member with sendall() (send() may write only part), never drop a line when several clients write at once, and keep each sender\'s lines in order',
    });
  });
}
