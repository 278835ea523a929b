/**
 * Reference client for `group-chat`: asks for a nickname, answers the server's prompt with it,
 * prints every line the server sends as soon as it arrives (also while waiting for the user),
 * sends each typed line; the quit word leaves the chat. With `framing=raw` every message goes
 * without newline, and what one read returns is one message.
 */
import { StringDecoder } from 'node:string_decoder';
import type { ReferenceClientOptions } from '../types.js';
import { connectOrReport, write } from '../shared/console-io.js';
import { LineInput, textParam } from '../shared/line-input.js';

/** Prompt for the nickname. */
export const PROMPT = 'Introduce tu apodo: ';

/** Chats until the quit word (0) or until the server closes or cannot be reached (1). */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const { host, port, output } = opts;
  const nickPrompt = textParam(opts.params, 'nick-prompt', 'intr_apodo');
  const quit = textParam(opts.params, 'quit', 'salir');
  const lines = new LineInput(opts.input);
  const raw = opts.params['framing'] === 'raw';
  const wire = (text: string): string => (raw ? text : `${text}\n`);
  try {
    await write(output, PROMPT);
    const nick = (await lines.next())?.trim();
    if (!nick) {
      await write(output, 'No se ha leído ningún apodo\n');
      return 1;
    }
    const socket = await connectOrReport(host, port, output);
    if (!socket) return 1;
    const decoder = new StringDecoder('utf8');
    let pending = '';
    socket.on('data', (data: Buffer) => {
      if (raw) {
        const message = decoder.write(data);
        if (nickPrompt !== '' && message === nickPrompt) socket.write(nick);
        else if (message !== '') output.write(`${message}\n`);
        return;
      }
      pending += decoder.write(data);
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
        const line = pending.slice(0, nl).replace(/\r$/, '');
        pending = pending.slice(nl + 1);
        if (nickPrompt !== '' && line.trim() === nickPrompt) socket.write(`${nick}\n`);
        else output.write(`${line}\n`);
      }
    });
    if (nickPrompt === '') socket.write(wire(nick));
    const closed = new Promise<'closed'>((resolve) => socket.once('close', () => resolve('closed')));
    for (;;) {
      const typed = await Promise.race([lines.next(), closed]);
      if (typed === 'closed') {
        await write(output, 'El servidor ha cerrado la conexión\n');
        return 1;
      }
      if (typed === undefined || typed === quit) {
        socket.end(wire(quit));
        await write(output, '~ Has salido del chat ~\n');
        return 0;
      }
      socket.write(wire(typed));
    }
  } finally {
    lines.close();
  }
}
