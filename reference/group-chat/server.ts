/**
 * Reference server for `group-chat`: line-based, or with `framing=raw` one message per recv()
 * and no newline on anything it sends; optional password, then the nickname prompt;
 * join and leave announcements to everyone; every line relayed as `<nick>: <text>` (or the `relay` template); members
 * silent for `idle` seconds are told and expelled. One event loop serves every member.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { listenTcp } from '../shared/tcp-server.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';
import { numberParam, textParam } from '../shared/line-input.js';

/** Prompt sent before the nickname prompt when the server has a password. */
export const PASSWORD_PROMPT = 'intr_password';

/** Longest line a member may send (characters); a longer one ends that member's session. */
export const MAX_LINE = 64 * 1024;

/** Bytes waiting to be sent to a member that does not read; past it the member is dropped, so one slow reader cannot make the server grow. */
export const MAX_BACKLOG = 1024 * 1024;

interface Member {
  socket: Socket;
  phase: 'password' | 'nick' | 'chat';
  nick: string;
  timer: NodeJS.Timeout | undefined;
}

/** Starts the chat server on `opts.host:opts.port` and resolves once it is listening. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const p = opts.params;
  const words = {
    nickPrompt: textParam(p, 'nick-prompt', 'intr_apodo'),
    join: textParam(p, 'join', 'se ha unido al chat'),
    leave: textParam(p, 'leave', 'ha salido del chat'),
    quit: textParam(p, 'quit', 'salir'),
    password: textParam(p, 'password', ''),
    relay: textParam(p, 'relay', '{nick}: {text}'),
  };
  const idleMs = numberParam(p, 'idle', 60) * 1000;
  const echo = p['echo-sender'] !== false;
  const raw = p['framing'] === 'raw';
  const members = new Set<Member>();

  const prompt = (m: Member, line: string): void => {
    if (line !== '') send(m, line);
  };
  const send = (m: Member, line: string): void => {
    if (m.socket.destroyed || !m.socket.writable) return;
    if (m.socket.writableLength > MAX_BACKLOG) {
      remove(m, 'no lee lo que se le envía');
      m.socket.destroy();
      return;
    }
    m.socket.write(raw ? line : `${line}\n`);
  };
  const broadcast = (line: string, except?: Member): void => {
    for (const m of members) if (m.phase === 'chat' && m !== except) send(m, line);
  };
  /** Takes `m` out of the chat (once) and tells the others. */
  function remove(m: Member, why: string): void {
    if (!members.delete(m)) return;
    clearTimeout(m.timer);
    if (m.phase === 'chat') {
      opts.log(`~ ${m.nick} ${words.leave} (${why}) ~`);
      broadcast(`${m.nick} ${words.leave}`);
    }
  }
  const armIdle = (m: Member): void => {
    clearTimeout(m.timer);
    if (idleMs <= 0) return;
    m.timer = setTimeout(() => {
      send(m, `Te hemos expulsado del chat: ${idleMs / 1000} s sin escribir`);
      remove(m, 'inactivo');
      m.socket.end();
    }, idleMs);
  };
  const onLine = (m: Member, line: string): void => {
    armIdle(m);
    if (m.phase === 'password') {
      if (line === words.password) {
        m.phase = 'nick';
        prompt(m, words.nickPrompt);
      } else {
        send(m, 'Contraseña incorrecta');
        remove(m, 'contraseña incorrecta');
        m.socket.end();
      }
    } else if (m.phase === 'nick') {
      const nick = line.trim();
      if (nick === '') return prompt(m, words.nickPrompt);
      m.nick = nick;
      m.phase = 'chat';
      opts.log(`~ ${nick} ${words.join} ~`);
      broadcast(`${nick} ${words.join}`);
    } else if (line === words.quit) {
      remove(m, words.quit);
      m.socket.end();
    } else {
      broadcast(words.relay.replaceAll('{nick}', m.nick).replaceAll('{text}', line), echo ? undefined : m);
    }
  };

  const server = createServer((socket) => {
    const m: Member = { socket, phase: words.password ? 'password' : 'nick', nick: '', timer: undefined };
    members.add(m);
    const decoder = new StringDecoder('utf8');
    let pending = '';
    socket.on('data', (data: Buffer) => {
      if (!members.has(m)) return;
      const fresh = decoder.write(data);
      if (raw) {
        // framing=raw: what one read returns is one message.
        if (fresh !== '') onLine(m, fresh);
        return;
      }
      // Only the text that just arrived is searched: a long line costs linear time, not quadratic.
      let nl = fresh.indexOf('\n');
      if (nl >= 0) nl += pending.length;
      pending += fresh;
      let start = 0;
      for (; nl >= 0 && members.has(m); nl = pending.indexOf('\n', start)) {
        onLine(m, pending.slice(start, nl).replace(/\r$/, ''));
        start = nl + 1;
      }
      pending = pending.slice(start);
      if (pending.length > MAX_LINE && members.has(m)) {
        send(m, `Línea demasiado larga: como mucho ${MAX_LINE} caracteres`);
        remove(m, 'línea demasiado larga');
        pending = '';
        socket.end(() => socket.destroy());
      }
    });
    socket.on('end', () => {
      remove(m, 'desconectado');
      socket.end();
    });
    socket.on('error', () => remove(m, 'conexión perdida'));
    socket.on('close', () => remove(m, 'desconectado'));
    prompt(m, words.password ? PASSWORD_PROMPT : words.nickPrompt);
    armIdle(m);
  });
  await listenTcp(server, opts.host, opts.port);
  server.on('error', (err) => opts.log(`Error del servidor: ${err.message}`));

  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const m of members) {
          clearTimeout(m.timer);
          m.socket.destroy();
        }
      });
      return closing;
    },
  };
}
