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
import { resolveHost } from '../shared/udp-socket.js';
import { DatagramInbox, sendBody } from './udp.js';

const PROMPT = 'Comando: ';

/** How long the UDP client waits for a datagram of a reply before it gives up. */
const UDP_WAIT_MS = 3000;

/** The UDP client (transport=udp): each command one datagram, each reply read from datagrams until its frames complete it. */
async function runUdp(opts: ReferenceClientOptions): Promise<number> {
  const words = wordsFrom(opts.params);
  const where = formatAddress(opts.host, opts.port);
  const host = await resolveHost(opts.host, opts.output);
  if (!host) return 1;
  const inbox = new DatagramInbox(host.family === 6 ? 'udp6' : 'udp4');
  const typed = new LineInput(opts.input);
  const send = (data: Buffer): Promise<void> => new Promise((resolve) => inbox.socket.send(data, opts.port, host.address, () => resolve()));
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
      let content: Buffer | undefined;
      if (command === words.put) {
        content = await readFile(name).catch(() => undefined);
        if (!content) {
          await write(opts.output, `No se puede leer ${name}\n`);
          continue;
        }
      }
      await send(Buffer.from(line.trim()));
      if (content) await sendBody(inbox.socket, content, opts.port, host.address);
      const body = await inbox.body(UDP_WAIT_MS);
      if (body === undefined || typeof body === 'string') {
        await write(opts.output, `El servidor ${where} no responde${typeof body === 'string' ? `: ${body}` : ''}\n`);
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
    inbox.socket.close();
  }
}

/** Runs the interactive session; resolves 0 after exit, 1 when the connection fails. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  if (opts.params.transport === 'udp') return runUdp(opts);
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
