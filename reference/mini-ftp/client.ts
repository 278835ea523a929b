/**
 * Reference client for `mini-ftp`: connects, then asks for commands at a prompt (the message
 * given, if any, is the first command) and sends each as a line; saves what `get` brings as a
 * file of that name in the working folder, prints the rest, ends on exit.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { connectOrReport, formatAddress, write } from '../shared/console-io.js';
import { LineInput } from '../shared/line-input.js';
import { frameBody } from '../../exercises/shared/files-body.js';
import type { ReferenceClientOptions } from '../types.js';
import { StreamReader } from './stream-reader.js';
import { splitCommand, wordsFrom } from './words.js';

const PROMPT = 'Comando: ';

/** Runs the interactive session; resolves 0 after exit, 1 when the connection fails. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const words = wordsFrom(opts.params);
  const where = formatAddress(opts.host, opts.port);
  const socket = await connectOrReport(opts.host, opts.port, opts.output, 10_000);
  if (!socket) return 1;
  const reader = new StreamReader(socket);
  const typed = new LineInput(opts.input);
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
