/**
 * Reference client for `tcp-chat-ack`: sends the greeting, prints every reply, then sends each
 * typed line and prints its reply until the quit word is typed.
 */
import { connect, type Socket } from 'node:net';
import type { ReferenceClientOptions } from '../types.js';
import { describeNetError, formatAddress, write } from '../shared/console-io.js';
import { LineInput, textParam } from './line-input.js';

/** Prompt printed before each message. */
export const PROMPT = 'Escribe tu mensaje (Para finalizar escribe: bye)--> ';

/** Seconds to wait for a reply before giving up. */
const REPLY_TIMEOUT_SECONDS = 10;

/** Chats until the quit word; resolves 0, or 1 when the server cannot be reached or goes away. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const { host, port, output } = opts;
  const greeting = textParam(opts.params, 'greeting', 'Conectado con el servidor');
  const quit = textParam(opts.params, 'quit', 'bye');
  const socket = connect({ host, port });
  const failure = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    socket.once('connect', () => resolve(undefined));
    socket.once('error', resolve);
  });
  if (failure) {
    await write(output, `No se pudo conectar con ${formatAddress(host, port)}: ${describeNetError(failure)}\n`);
    return 1;
  }
  socket.on('error', () => {});
  const replies = new Replies(socket);
  const lines = new LineInput(opts.input);
  const ask = async (): Promise<string> => {
    for (;;) {
      await write(output, PROMPT);
      const line = await lines.next();
      if (line === undefined) return quit;
      if (line !== '') return line;
    }
  };
  try {
    let message = greeting !== '' ? greeting : await ask();
    while (message !== quit) {
      socket.write(message);
      const reply = await replies.next(REPLY_TIMEOUT_SECONDS * 1000);
      if (reply === undefined) {
        await write(output, 'El servidor ha cerrado la conexión o no contesta\n');
        return 1;
      }
      await write(output, `Recibido del servidor:${reply}\n`);
      message = await ask();
    }
    return 0;
  } finally {
    lines.close();
    socket.end();
  }
}

/** The server's replies: with no framing, each read is one reply. */
class Replies {
  private readonly queue: string[] = [];
  private waiter: ((reply: string | undefined) => void) | undefined;
  private closed = false;

  constructor(socket: Socket) {
    socket.on('data', (d: Buffer) => this.push(d.toString('utf8')));
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.(undefined);
    });
  }

  private push(reply: string): void {
    if (this.waiter) this.waiter(reply);
    else this.queue.push(reply);
  }

  next(ms: number): Promise<string | undefined> {
    const r = this.queue.shift();
    if (r !== undefined) return Promise.resolve(r);
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(undefined), ms);
      const finish = (v: string | undefined): void => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(v);
      };
      this.waiter = finish;
    });
  }
}
