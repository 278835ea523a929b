/**
 * Reference client for `mini-ftp`: connects, then asks for commands at a prompt (the message
 * given, if any, is the first command) and sends each as a line; saves what `get` brings as a
 * file of that name in the working folder, prints the rest, ends on exit.
 */
import { connect, type Socket } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { describeNetError, formatAddress, write } from '../shared/console-io.js';
import { frameBody } from '../../exercises/shared/files-body.js';
import type { ReferenceClientOptions } from '../types.js';
import { StreamReader } from './stream-reader.js';
import { splitCommand, wordsFrom } from './words.js';

const PROMPT = 'Comando: ';

/** Typed lines, one at a time; undefined once the input ends. */
function lineReader(input: NodeJS.ReadableStream): { next: () => Promise<string | undefined>; close: () => void } {
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const queue: string[] = [];
  const waiters: ((line: string | undefined) => void)[] = [];
  let ended = false;
  rl.on('line', (line) => (waiters.shift() ?? ((l: string) => queue.push(l)))(line));
  rl.on('close', () => {
    ended = true;
    for (const w of waiters.splice(0)) w(undefined);
  });
  return {
    next: () => {
      const line = queue.shift();
      if (line !== undefined || ended) return Promise.resolve(line);
      return new Promise((resolve) => waiters.push(resolve));
    },
    close: () => rl.close(),
  };
}

function connectTo(host: string, port: number): Promise<Socket | NodeJS.ErrnoException> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 10_000 });
    socket.once('connect', () => {
      socket.setTimeout(0);
      resolve(socket);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err));
  });
}

/** Runs the interactive session; resolves 0 after exit, 1 when the connection fails. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const words = wordsFrom(opts.params);
  const where = formatAddress(opts.host, opts.port);
  const socket = await connectTo(opts.host, opts.port);
  if (socket instanceof Error) {
    await write(opts.output, `No se pudo conectar con ${where}: ${describeNetError(socket)}\n`);
    return 1;
  }
  socket.on('error', () => {});
  const reader = new StreamReader(socket);
  const typed = lineReader(opts.input);
  let first = opts.message;
  try {
    for (;;) {
      let line = first;
      first = undefined;
      if (line === undefined) {
        await write(opts.output, PROMPT);
        line = (await typed.next()) ?? words.exit;
      }
      const [command, name] = splitCommand(line.trim());
      if (command === '') continue;
      if (command === words.put) {
        const content = await readFile(name).catch(() => undefined);
        if (!content) {
          await write(opts.output, `No se puede leer ${name}\n`);
          continue;
        }
        socket.write(Buffer.concat([Buffer.from(`${line.trim()}\n`), frameBody(content)]));
      } else socket.write(`${line.trim()}\n`);
      const body = await reader.body();
      if (body === undefined || typeof body === 'string') {
        await write(opts.output, `La conexión con ${where} se ha cortado${typeof body === 'string' ? `: ${body}` : ''}\n`);
        return 1;
      }
      if (command === words.get && body.toString('utf8') !== words.missing) {
        await writeFile(name, body);
        await write(opts.output, `Guardado ${name} (${body.length} bytes)\n`);
      } else {
        await write(opts.output, Buffer.concat([body, Buffer.from(body.length > 0 && body[body.length - 1] === 0x0a ? '' : '\n')]));
      }
      if (command === words.exit) return 0;
    }
  } finally {
    typed.close();
    socket.destroy();
  }
}
