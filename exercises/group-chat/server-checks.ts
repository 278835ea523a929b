/** Server checks of B3 `group-chat`: joins, broadcasts, bursts, leaving, password and idle expulsion. */
import { defineServerCheck, type ServerCheck } from '../../harness/model/check.js';
import type { ServerCheckContext } from '../../harness/engine/context.js';
import { CheckFailure, CheckInconclusive, CheckNotReached, CheckSkipped } from '../../harness/model/failure.js';
import { num, str } from '../../harness/model/params.js';
import { escapeBytes } from '../../harness/diagnose/bytes.js';
import { formatMs, pause } from '../../harness/util/deadline.js';
import { LineInbox } from '../shared/chat-lines.js';
import { LINE_BASED_UNDER_RAW, Room, idleMsOf, nicknames, occurrences, onWire, relayLine, stepMs, toleranceMsOf, type Member } from './protocol.js';
import { burstCheck } from './burst.js';

/** A normal session, for the crash-output check: two members talk, one leaves with the quit word, the other closes. */
export async function groupSession(ctx: ServerCheckContext): Promise<void> {
  try {
    const room = new Room(ctx);
    const step = stepMs(ctx.params);
    const [a, b] = (await room.joinAll(nicknames(ctx.rng, 2))) as [Member, Member];
    await a.say(`hola ${ctx.rng.word(6)}`);
    await b.expectLine(ctx, a.nick, step);
    await b.tell(room.words.quit);
    await a.expectLine(ctx, `${b.nick} ${room.words.leave}`, step);
    a.conn.close();
  } catch (err) {
    if (!(err instanceof CheckSkipped || err instanceof CheckNotReached)) throw err;
  }
}

/** The text of the `i`-th member's line, e.g. `hola a todos 3 7fK2xq`. */
function chatText(ctx: ServerCheckContext, i: number): string {
  return `${ctx.rng.pick(['hola a todos', '¿qué tal? ñandú', 'nos vemos luego', 'buenas tardes'])} ${i + 1} ${ctx.rng.word(6)}`;
}

/** Who did not get `line` (or got it more than once), among `members`. */
function deliveryProblems(members: readonly Member[], line: string, wanted: (m: Member) => boolean): string[] {
  const out: string[] = [];
  for (const m of members) {
    const n = m.count(line);
    if (wanted(m) && n === 0) out.push(`${m.nick} did not get it${m.closedByServerAt !== undefined ? ' (the server had closed its connection)' : ''}`);
    else if (wanted(m) && n > 1) out.push(`${m.nick} got it ${n} times`);
    else if (!wanted(m) && n > 0) out.push(`${m.nick}, its sender, got it back although echo-sender is off`);
  }
  return out;
}

/**
 * Under `framing=raw` a relayed message travels as the template lays it out, with nothing
 * added: fails when a member got one of `lines` followed by a newline.
 */
function rawRelaysUnchanged(members: readonly Member[], lines: readonly string[]): void {
  const seen: string[] = [];
  for (const m of members) {
    const text = m.chatText();
    for (const line of lines) {
      const n = occurrences(text, `${line}\n`) + occurrences(text, `${line}\r`);
      if (n === 0) continue;
      const at = Math.max(text.indexOf(`${line}\n`), text.indexOf(`${line}\r`));
      const end = at + line.length + (text.startsWith('\r\n', at + line.length) ? 2 : 1);
      seen.push(`${m.nick} received "${escapeBytes(text.slice(at, end))}"`);
    }
  }
  if (seen.length === 0) return;
  const [first] = seen;
  throw new CheckFailure(`under framing=raw the server added a newline after the messages it relayed (${seen.length} deliveries, e.g. ${first})`, {
    expected: `each message relayed as "${escapeBytes(lines[0] ?? '')}", with nothing added (framing=raw: a message is what one send carries, no newline)`,
    received: [...seen.slice(0, 6), ...(seen.length > 6 ? [`… and ${seen.length - 6} more`] : [])].join('\n'),
    hint: 'relay each message as it came, in one send, with no "\\n" after it; if your course\'s chat is line-based, grade with --param framing=line',
  });
}

export const serverChecks: readonly ServerCheck[] = [
  defineServerCheck({
    id: 'chat.join-announced',
    title: 'asks each new client for a nickname and announces it to everyone in the chat',
    weight: 1,
    budgetMs: 15_000,
    async run(ctx) {
      const room = new Room(ctx);
      await room.judged(async () => {
        await room.joinAll(nicknames(ctx.rng, 3));
      });
      const [bad] = room.framingProblems;
      if (bad) {
        throw new CheckFailure(`under framing=raw the server sent a newline after its nickname prompt (member ${bad.nick})`, {
          expected: `"${escapeBytes(room.words.nickPrompt)}" with nothing after it (framing=raw: a message is what one send carries, no newline), so that a client comparing what recv() returns with the prompt recognises it`,
          received: `"${escapeBytes(bad.came)}"`,
          hint: `send the prompt as it is: conn.sendall(b"${room.words.nickPrompt}"); if your course's chat is line-based, grade with --param framing=line`,
        });
      }
    },
  }),
  defineServerCheck({
    id: 'chat.broadcast-all',
    title: 'relays every line as "<nick>: <text>" to every member, exactly once',
    weight: 2,
    budgetMs: 30_000,
    hint: 'for every line received, build "<apodo>: <texto>\\n" and sendall() it to each client in the list (the sender included when echo-sender is on)',
    async run(ctx) {
      const room = new Room(ctx);
      const members = await room.joinOrSkip(nicknames(ctx.rng, num(ctx.params, 'clients')));
      const echo = room.words.echo;
      const step = stepMs(ctx.params);
      const lines: { sender: Member; line: string }[] = [];
      for (const [i, sender] of members.entries()) {
        const text = chatText(ctx, i);
        const line = relayLine(room.words, sender.nick, text);
        lines.push({ sender, line });
        await sender.say(text);
        // Pace the messages: wait until one other member has it.
        const other = members[(i + 1) % members.length] as Member;
        ctx.doing(`waiting for ${other.nick} to get "${line}"`);
        await other.expectLine(ctx, line, step);
      }
      ctx.doing('waiting for every member to get every message');
      await Promise.all(
        members.map((m) =>
          m.inbox.until(() => (lines.every(({ sender, line }) => (sender === m && !echo) || m.count(line) > 0) ? true : undefined), ctx.within(step), ctx.signal, 500),
        ),
      );
      await Promise.all(members.map((m) => m.conn.waitForQuiet(200, ctx.within(1000), ctx.signal)));
      await room.judged(async () => {
        ctx.assertServerAlive('while members were chatting');
        const problems = lines.flatMap(({ sender, line }) => deliveryProblems(members, line, (m) => m !== sender || echo).map((p) => `"${line}": ${p}`));
        if (problems.length === 0) {
          if (room.words.framing === 'raw') rawRelaysUnchanged(members, lines.map((l) => l.line));
          return;
        }
        const ownMissing = lines.filter(({ sender, line }) => echo && sender.count(line) === 0).length;
        const ownDup = lines.filter(({ sender, line }) => sender.count(line) > 1).length;
        const othersMissing = problems.length - ownMissing - ownDup;
        const summary =
          ownMissing === lines.length && othersMissing <= 0
            ? 'no sender got its own message back, although echo-sender is on (the course\'s server sends every message to every member, the sender included)'
            : ownDup === lines.length && problems.length === ownDup
              ? 'every sender got its own message twice'
              : `${problems.length} deliveries went wrong`;
        const first = lines[0] as { sender: Member; line: string };
        throw new CheckFailure(`${members.length} members each sent one line: ${summary}`, {
          expected: `each line, e.g. "${escapeBytes(first.line)}", exactly once to every member${echo ? ', its sender included' : ' except its sender'}`,
          received: [...problems.slice(0, 8), ...(problems.length > 8 ? [`… and ${problems.length - 8} more`] : [])].join('\n'),
          hint: ownDup > 0 ? 'send each line once per member: a loop over all clients already includes the sender' : echo && ownMissing > 0 ? 'do not skip the sender in the loop that relays the line (or set --param echo-sender=off if your statement says so)' : undefined,
        });
      });
    },
  }),
  defineServerCheck({
    id: 'chat.no-loss-under-burst',
    title: 'loses nothing and keeps each sender\'s order when many members send many lines at once (20 × 50)',
    weight: 2,
    budgetMs: 60_000,
    runsAlone: true,
    async run(ctx) {
      await burstCheck(ctx);
    },
  }),
  defineServerCheck({
    id: 'chat.leave-removes',
    title: 'announces members who leave (quit word, crash, close) and keeps serving the others',
    weight: 2,
    budgetMs: 30_000,
    hint: 'when recv() fails or returns b"", or the line is the quit word: remove the client from the list (under the lock), close it, and announce to the others that it left; a send() to a client that is gone must only remove that client',
    async run(ctx) {
      const room = new Room(ctx);
      const { quit, leave } = room.words;
      const [a, b, c, d] = (await room.joinOrSkip(nicknames(ctx.rng, 4))) as [Member, Member, Member, Member];
      const step = stepMs(ctx.params);
      const leaveProblems: string[] = [];
      // One departure at a time, each announced to those still there before the next one.
      const depart = async (who: Member, listeners: Member[], how: string, act: () => Promise<void> | void): Promise<void> => {
        ctx.doing(`${who.nick} ${how}`);
        await act();
        const line = `${who.nick} ${leave}`;
        const heard = await Promise.all(listeners.map((l) => l.expectLine(ctx, line, step)));
        listeners.forEach((l, i) => {
          if (!heard[i]) leaveProblems.push(`${l.nick} was not told "${line}" after ${who.nick} ${how}`);
        });
      };
      // Those who stay keep talking, so that a short `idle` does not expel them meanwhile.
      const talk = async (who: Member[]): Promise<void> => {
        for (const m of who) if (m.connected) await m.say(`sigo aquí ${ctx.rng.word(4)}`);
      };
      await depart(b, [a, c, d], `sent "${quit}"`, () => b.tell(quit));
      const bStillOpen = (await b.conn.waitForClose(ctx.within(step), ctx.signal)) === 'open';
      await talk([a, d]);
      await depart(c, [a, d], 'reset its connection (a crash)', async () => {
        c.leftOnPurpose = true;
        await c.conn.reset();
      });
      await talk([a]);
      await depart(d, [a], 'closed its connection', () => {
        d.leftOnPurpose = true;
        d.conn.close();
      });
      await talk([a]);

      ctx.doing('a new member joins and a member who stayed speaks');
      const problems: string[] = [];
      let e: Member | undefined;
      try {
        e = await room.join(nicknames(ctx.rng, 5)[4] as string);
      } catch (err) {
        if (!(err instanceof CheckFailure)) throw err;
        ctx.assertServerAlive('after members left');
        problems.push(`a new member could not join after the others left: ${err.message}`);
      }
      const text = `sigo aquí ${ctx.rng.word(6)}`;
      const line = relayLine(room.words, a.nick, text);
      if (a.connected) await a.say(text);
      // Whether the sender gets its own line is chat.broadcast-all's business.
      const receivers = e ? [e] : [];
      const got = await Promise.all(receivers.map((r) => r.expectLine(ctx, line, step)));
      await room.judged(async () => {
        ctx.assertServerAlive(`after members left (${b.nick} with "${quit}", ${c.nick} by resetting, ${d.nick} by closing)`);
        const dropped = [a, ...(e ? [e] : [])].filter((m) => m.closedByServerAt !== undefined);
        if (dropped.length > 0) {
          throw new CheckFailure(
            `after members left (${b.nick} with "${quit}", ${c.nick} by resetting its connection, ${d.nick} by closing it), the server disconnected members who were still in the chat: ${dropped.map((m) => m.nick).join(', ')}`,
            {
              expected: `"${line}" relayed${e ? `, and ${e.nick} joining normally` : ''}`,
              received: dropped.map((m) => `${m.nick}: ${m.tail(3)}, then the connection was closed`).join('\n'),
              hint: 'a broadcast that sends to a client that has gone raises an error: catch it per client, remove that client from the list, and go on with the others (and remove clients as soon as their recv() fails or returns b"")',
            },
          );
        }
        receivers.forEach((r, i) => {
          if (!got[i]) problems.push(`${r.nick} did not get "${line}"`);
        });
        problems.push(...leaveProblems);
        if (bStillOpen) problems.push(`the server did not close ${b.nick}'s connection within ${formatMs(step)} after it sent "${quit}"`);
        if (problems.length > 0) {
          throw new CheckFailure(`after members left (${b.nick} with "${quit}", ${c.nick} by resetting its connection, ${d.nick} by closing it), ${problems.length} thing${problems.length > 1 ? 's' : ''} went wrong`, {
            expected: `"<apodo> ${leave}" sent to the members left, the quitter's connection closed, the chat going on`,
            received: problems.join('\n'),
            hint: `when recv() fails or returns b"", or the line is "${quit}": remove the client from the list (under the lock), close it, and announce "<apodo> ${leave}"; a send() to a client that is gone must only remove that client`,
          });
        }
      });
    },
  }),
  defineServerCheck({
    id: 'chat.password',
    title: 'asks for the password first, turns away a wrong one, lets the right one in',
    weight: 1,
    budgetMs: 20_000,
    notApplicable: (p) => (str(p, 'password') === '' ? 'no password is set (--param password=<the password your server asks for>)' : undefined),
    hint: 'send a password prompt, compare the line received with the password; if it is wrong, send an error line and close that connection',
    async run(ctx) {
      const room = new Room(ctx);
      const { password, nickPrompt } = room.words;
      const step = stepMs(ctx.params);
      const wrong = `${password}${ctx.rng.word(3)}`;
      const intruder = await ctx.connect('client with a wrong password');
      ctx.doing('waiting for the password prompt');
      const inbox = new LineInbox(intruder);
      await inbox.until(() => (inbox.text.length > 0 ? true : undefined), ctx.within(step), ctx.signal);
      if (inbox.text.includes(nickPrompt)) {
        throw new CheckFailure('the server asked for a nickname without asking for the password first', {
          expected: 'a password prompt first',
          received: `"${escapeBytes(inbox.text, 200)}"`,
        });
      }
      if (inbox.text.length === 0) {
        ctx.assertServerAlive('while a client waited for the password prompt');
        throw new CheckFailure(`the server sent no password prompt within ${formatMs(step)} after a client connected`, { expected: 'a line asking for the password', received: 'nothing' });
      }
      const promptBytes = intruder.receivedBytes;
      await intruder.send(onWire(room.words.framing, wrong));
      ctx.doing('waiting for the server to turn the wrong password away');
      const kind = await intruder.waitForClose(ctx.within(step), ctx.signal);
      const after = intruder.received.subarray(promptBytes).toString('utf8');
      if (after.includes(nickPrompt)) {
        throw new CheckFailure(`the server accepted the wrong password "${wrong}": it asked for a nickname`, {
          expected: 'an error line, then the connection closed',
          received: `"${escapeBytes(after, 200)}"`,
        });
      }
      if (kind === 'open') {
        ctx.assertServerAlive('after a wrong password');
        throw new CheckFailure(`after the wrong password "${wrong}" the server did not close the connection within ${formatMs(step)}`, {
          expected: 'an error line, then the connection closed',
          received: after ? `"${escapeBytes(after, 200)}", connection still open` : 'nothing, connection still open',
          ...(room.words.framing === 'raw' && inbox.text.includes('\n') ? { hint: LINE_BASED_UNDER_RAW } : {}),
        });
      }
      if (after.trim() === '') {
        throw new CheckFailure(`after the wrong password the server closed the connection without telling the client why`, {
          expected: 'an error line (e.g. "contraseña incorrecta") before closing',
          received: 'nothing before the close',
        });
      }
      ctx.assertServerAlive('after turning a wrong password away');
      try {
        await room.joinAll(nicknames(ctx.rng, 2));
      } catch (err) {
        if (!(err instanceof CheckFailure)) throw err;
        throw new CheckFailure(`after turning a wrong password away, clients with the right password could not join: ${err.message}`, err.details);
      }
    },
  }),
  defineServerCheck({
    id: 'chat.idle-kick',
    title: 'expels a silent member between `idle` and `idle` + tolerance seconds, telling it; keeps an active one',
    weight: 2,
    budgetMs: (p) => (num(p, 'idle') + num(p, 'tolerance')) * 1000 + 10_000,
    paceMs: idleMsOf,
    notApplicable: (p) => (num(p, 'idle') === 0 ? 'idle is 0 (no expulsion)' : undefined),
    hint: 'keep the time of each member\'s last message; every second (select() timeout, or a timer thread) expel those silent for idle seconds: send them a line saying so, close, remove and announce',
    async run(ctx) {
      const idle = idleMsOf(ctx.params);
      const tol = toleranceMsOf(ctx.params);
      const room = new Room(ctx);
      const [silent, active] = (await room.joinOrSkip(nicknames(ctx.rng, 2))) as [Member, Member];
      const deadline = silent.connectedAt + idle + tol + 300;
      let spoken = 0;
      let longestGap = 0;
      const said: string[] = [];
      ctx.doing(`${silent.nick} stays silent while ${active.nick} speaks every ${formatMs(idle / 2)}`);
      for (;;) {
        // Go on until the silent member is out (or overdue) and the active one has outlived `idle`.
        const closedAt = silent.closedByServerAt;
        const end = Math.max(closedAt ?? deadline, active.connectedAt + idle + Math.min(tol, 1000));
        const now = performance.now();
        if (now >= end || active.closedByServerAt !== undefined) break;
        const nextTalk = active.lastSentAt + idle / 2;
        const wake = Math.min(end, nextTalk);
        if (wake > now) {
          if (closedAt === undefined) await silent.conn.waitForClose(ctx.within(wake - now), ctx.signal);
          else await pause(ctx.within(wake - now), ctx.signal);
        }
        if (performance.now() >= nextTalk && active.closedByServerAt === undefined) {
          const text = `sigo aquí ${++spoken} ${ctx.rng.word(4)}`;
          said.push(relayLine(room.words, active.nick, text));
          longestGap = Math.max(longestGap, performance.now() - active.lastSentAt);
          await active.say(text);
        }
      }
      ctx.assertServerAlive('while a member was silent');
      if (active.closedByServerAt !== undefined) {
        // A late sockgrade (a saturated machine) may have left it silent for `idle`: the server was right.
        const silence = Math.max(longestGap, active.closedByServerAt - active.lastSentAt);
        if (silence >= idle - 100) throw new CheckInconclusive(`the server expelled ${active.nick}, who had been silent for ${formatMs(silence)} (idle is ${formatMs(idle)}), because sockgrade was too slow to speak for it in time`);
        throw new CheckFailure(`the server expelled ${active.nick}, who had sent a line every ${formatMs(idle / 2)}, ${formatMs(active.closedByServerAt - active.connectedAt)} after it joined`, {
          expected: `${active.nick} stays: it was never silent for ${formatMs(idle)}`,
          received: `closed after its last line, ${formatMs(active.closedByServerAt - active.lastSentAt)} of silence`,
          hint: 'the idle time counts from the member\'s last message, not from when it joined: update the time every time a line arrives',
        });
      }
      const closedAt = silent.closedByServerAt;
      const window = `closed between ${formatMs(idle)} and ${formatMs(idle + tol)} after its last line`;
      if (closedAt === undefined) {
        throw new CheckFailure(`${silent.nick} was still connected ${formatMs(performance.now() - silent.lastSentAt)} after its last line, silent all that time (idle is ${formatMs(idle)})`, {
          expected: window,
          received: 'still connected',
        });
      }
      if (closedAt - silent.connectedAt < idle) {
        throw new CheckFailure(`the server expelled ${silent.nick} after ${formatMs(closedAt - silent.lastSentAt)} of silence, before ${formatMs(idle)}`, {
          expected: window,
          received: `closed after ${formatMs(closedAt - silent.lastSentAt)}`,
        });
      }
      if (closedAt - silent.lastSentAt > idle + tol) {
        throw new CheckFailure(`the server expelled ${silent.nick} after ${formatMs(closedAt - silent.lastSentAt)} of silence, later than ${formatMs(idle)} + ${formatMs(tol)} tolerance`, {
          expected: window,
          received: `closed after ${formatMs(closedAt - silent.lastSentAt)}`,
        });
      }
      const told =
        room.words.framing === 'raw'
          ? [[...said, `${active.nick} ${room.words.join}`].reduce((rest, known) => rest.replaceAll(known, ''), silent.chatText())].filter((t) => t.trim() !== '')
          : silent.chatLines().filter((l) => !said.some((s) => l.includes(s)) && !l.includes(` ${room.words.join}`) && l.trim() !== '');
      if (told.length === 0 && (room.words.framing === 'raw' || silent.inbox.partial.trim() === '')) {
        throw new CheckFailure(`the server expelled ${silent.nick} on time but without telling it why`, {
          expected: 'a line saying it was expelled for inactivity, then the connection closed',
          received: silent.tail(),
        });
      }
    },
  }),
];
