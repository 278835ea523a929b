/**
 * Reference client for `tcp-chat-ack`: sends the greeting, prints every reply, then sends each
 * typed line and prints its reply until the quit word is typed.
 */
import type { ReferenceClientOptions } from '../types.js';
import { connectOrReport, write } from '../shared/console-io.js';
import { AsyncQueue } from '../shared/queue.js';
import { LineInput, textParam } from '../shared/line-input.js';

/** Prompt printed before each message. */
export const PROMPT = 'Escribe tu mensaje (Para finalizar escribe: bye)--> ';

/** Seconds to wait for a reply before giving up. */
const REPLY_TIMEOUT_SECONDS = 10;

/** Chats until the quit word; resolves 0, or 1 when the server cannot be reached or goes away. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const { host, port, output } = opts;
  const greeting = textParam(opts.params, 'greeting', 'Conectado con el servidor');
  const quit = textParam(opts.params, 'quit', 'bye');
  const socket = await connectOrReport(host, port, output);
  if (!socket) return 1;
  const replies = new AsyncQueue<string>();
  socket.on('data', (d: Buffer) => replies.push(d.toString('utf8')));
  socket.on('close', () => replies.end());
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
