/**
 * Reference client for `chat-1to1`: asks for a name, exchanges names with the server (TCP: the
 * server's arrives first; UDP: the client's goes first), then alternates turns until either side
 * says the quit word.
 */
import { connect } from 'node:net';
import { createSocket } from 'node:dgram';
import type { ReferenceClientOptions } from '../types.js';
import { describeNetError, formatAddress, write } from '../shared/console-io.js';
import { LineInput, textParam } from '../shared/line-input.js';
import { AsyncQueue } from '../shared/queue.js';

/** Prompt for the user's name. */
export const PROMPT = 'Introduce tu nombre: ';

/** Seconds to wait for the server's name before giving up. */
const NAME_TIMEOUT_SECONDS = 10;

interface Wire {
  messages: AsyncQueue<string>;
  send(text: string): void;
  close(): void;
}

/** Chats until the quit word (0); 1 when the server cannot be reached. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const { host, port, output } = opts;
  const quit = textParam(opts.params, 'quit', 'exit');
  const udp = textParam(opts.params, 'transport', 'tcp') === 'udp';
  const lines = new LineInput(opts.input);
  let wire: Wire | undefined;
  try {
    await write(output, PROMPT);
    const name = await lines.next();
    if (name === undefined) return 1;
    const made = udp ? udpWire(host, port) : await tcpWire(host, port);
    if (typeof made === 'string') {
      await write(output, `No se pudo conectar con ${formatAddress(host, port)}: ${made}\n`);
      return 1;
    }
    wire = made;
    if (udp) wire.send(name);
    const other = await wire.messages.next(NAME_TIMEOUT_SECONDS * 1000);
    if (other === undefined) {
      await write(output, `El servidor ${formatAddress(host, port)} no contesta\n`);
      return 1;
    }
    if (!udp) wire.send(name);
    await write(output, `Hablas con ${other}\n`);
    for (;;) {
      await write(output, `${name}: `);
      const line = (await lines.next()) ?? quit;
      wire.send(line);
      if (line === quit) {
        await write(output, 'chat finalizado\n');
        return 0;
      }
      const answer = await wire.messages.next();
      if (answer === undefined || answer === quit) {
        await write(output, `${other} ha salido del chat\n`);
        return 0;
      }
      await write(output, `${other}: ${answer}\n`);
    }
  } finally {
    lines.close();
    wire?.close();
  }
}

function tcpWire(host: string, port: number): Promise<Wire | string> {
  const messages = new AsyncQueue<string>();
  const socket = connect({ host, port });
  return new Promise((resolve) => {
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(describeNetError(err)));
    socket.once('connect', () => {
      socket.on('error', () => messages.end());
      socket.on('data', (d: Buffer) => messages.push(d.toString('utf8')));
      socket.on('end', () => messages.end());
      socket.on('close', () => messages.end());
      resolve({ messages, send: (text) => void socket.write(text), close: () => void socket.end() });
    });
  });
}

function udpWire(host: string, port: number): Wire {
  const messages = new AsyncQueue<string>();
  const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  socket.on('error', () => {});
  socket.on('message', (msg) => messages.push(msg.toString('utf8')));
  return {
    messages,
    send: (text) => socket.send(Buffer.from(text), port, host),
    close: () => {
      try {
        socket.close();
      } catch {
        /* already closed */
      }
    },
  };
}
