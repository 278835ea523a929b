/**
 * Reference server for `mini-ftp`: serves its working folder only. A name is resolved inside the
 * folder and followed through symbolic links (realpath); anything that ends up outside is
 * refused. Every reply is one body of frames; a refused put's content is read and discarded.
 */
import { createServer, type Socket } from 'node:net';
import { createSocket, type RemoteInfo } from 'node:dgram';
import { bindUdp, runningUdpServer } from '../shared/udp-socket.js';
import { DatagramBody, commandLine, sendBody } from './udp.js';
import { readdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { listenTcp, runningServer } from '../shared/tcp-server.js';
import { formatAddress } from '../shared/console-io.js';
import { frameBody } from '../../exercises/shared/files-body.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';
import { LineTooLong, StreamReader } from './stream-reader.js';
import { splitCommand, wordsFrom, type Words } from './words.js';

const REFUSED = 'nombre de archivo no permitido';

function within(base: string, path: string): boolean {
  return path.startsWith(base + sep);
}

/** Where `name` leads inside `base` (links followed), or undefined when it leaves it. */
async function inside(base: string, name: string): Promise<string | undefined> {
  if (name === '' || name.includes('\0')) return undefined;
  const target = resolve(base, name);
  if (!within(base, target)) return undefined;
  try {
    const real = await realpath(target);
    return within(base, real) ? real : undefined;
  } catch {
    // It does not exist yet (a put): its folder must be inside.
    try {
      const parent = await realpath(dirname(target));
      return parent === base || within(base, parent) ? join(parent, basename(target)) : undefined;
    } catch {
      return undefined;
    }
  }
}

/** One client's session: commands until exit or the end of the connection. */
async function serve(socket: Socket, base: string, words: Words, log: (line: string) => void): Promise<void> {
  const who = formatAddress(socket.remoteAddress, socket.remotePort);
  const reader = new StreamReader(socket);
  const reply = (text: string | Buffer): boolean => socket.write(frameBody(typeof text === 'string' ? Buffer.from(text) : text));
  log(`Conectado ${who}`);
  for (;;) {
    const line = await reader.line();
    if (line === undefined) break;
    const [command, name] = splitCommand(line);
    log(`${who}: ${line}`);
    if (command === words.list) {
      const entries = await readdir(base, { withFileTypes: true });
      reply(entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => `${e.name}\n`).sort().join(''));
    } else if (command === words.get) {
      const path = await inside(base, name);
      const isFile = path !== undefined && (await stat(path).then((s) => s.isFile()).catch(() => false));
      if (path === undefined) reply(REFUSED);
      else if (!isFile) reply(words.missing);
      else reply(await readFile(path));
    } else if (command === words.put) {
      const content = await reader.body();
      if (content === undefined) break;
      if (typeof content === 'string') {
        log(`${who}: ${content}`);
        socket.end(frameBody(Buffer.from('cabecera mal formada')));
        return;
      }
      const path = await inside(base, name);
      const isDir = path !== undefined && (await stat(path).then((s) => s.isDirectory()).catch(() => false));
      if (path === undefined || isDir) reply(REFUSED);
      else {
        await writeFile(path, content);
        reply(words.stored);
      }
    } else if (command === words.exit) {
      socket.end(frameBody(Buffer.from(words.bye)));
      log(`${who} terminó la sesión`);
      return;
    } else {
      reply('comando desconocido');
    }
  }
  socket.end();
  log(`Desconectado ${who}`);
}

/** The answer to one command (not a put), as the reply's payload; `undefined` for exit's goodbye handled by the caller. */
async function answer(base: string, words: Words, command: string, name: string): Promise<Buffer> {
  if (command === words.list) {
    const entries = await readdir(base, { withFileTypes: true });
    return Buffer.from(entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => `${e.name}\n`).sort().join(''));
  }
  if (command === words.get) {
    const path = await inside(base, name);
    const isFile = path !== undefined && (await stat(path).then((s) => s.isFile()).catch(() => false));
    if (path === undefined) return Buffer.from(REFUSED);
    if (!isFile) return Buffer.from(words.missing);
    return readFile(path);
  }
  if (command === words.exit) return Buffer.from(words.bye);
  return Buffer.from('comando desconocido');
}

/** Saves a put's content as `name` inside `base`; the reply's payload. */
async function store(base: string, words: Words, name: string, content: Buffer): Promise<Buffer> {
  const path = await inside(base, name);
  const isDir = path !== undefined && (await stat(path).then((s) => s.isDirectory()).catch(() => false));
  if (path === undefined || isDir) return Buffer.from(REFUSED);
  await writeFile(path, content);
  return Buffer.from(words.stored);
}

/**
 * The UDP server (transport=udp): a datagram is a command, unless a put of its sender is waiting
 * for its content, which it then continues. Commands of one sender are answered in order.
 */
async function startUdp(opts: ReferenceServerOptions, base: string, words: Words): Promise<RunningReferenceServer> {
  const socket = createSocket(opts.host.includes(':') ? 'udp6' : 'udp4');
  await bindUdp(socket, opts.host, opts.port);
  socket.on('error', (err) => opts.log(`Error en el socket: ${err.message}`));
  const puts = new Map<string, { name: string; body: DatagramBody }>();
  const queues = new Map<string, Promise<void>>();
  const handle = async (msg: Buffer, rinfo: RemoteInfo): Promise<void> => {
    const who = formatAddress(rinfo.address, rinfo.port);
    const reply = (payload: Buffer): Promise<void> => sendBody(socket, payload, rinfo.port, rinfo.address);
    const finish = async (name: string, content: Buffer | string): Promise<void> => {
      puts.delete(who);
      if (typeof content === 'string') {
        opts.log(`${who}: ${content}`);
        await reply(Buffer.from('cabecera mal formada'));
      } else await reply(await store(base, words, name, content));
    };
    const pending = puts.get(who);
    if (pending) {
      const done = pending.body.push(msg);
      if (done !== undefined) await finish(pending.name, done);
      return;
    }
    const { line, rest } = commandLine(msg);
    const [command, name] = splitCommand(line);
    opts.log(`${who}: ${line}`);
    if (command === words.put) {
      const body = new DatagramBody();
      puts.set(who, { name, body });
      const done = rest.length > 0 ? body.push(rest) : undefined;
      if (done !== undefined) await finish(name, done);
      return;
    }
    await reply(await answer(base, words, command, name));
    if (command === words.exit) opts.log(`${who} terminó la sesión`);
  };
  socket.on('message', (msg: Buffer, rinfo: RemoteInfo) => {
    const key = formatAddress(rinfo.address, rinfo.port);
    const next: Promise<void> = (queues.get(key) ?? Promise.resolve())
      .then(() => handle(msg, rinfo))
      .catch((err: unknown) => opts.log(`Error con ${key}: ${(err as Error).message}`))
      .finally(() => {
        if (queues.get(key) === next) queues.delete(key);
      });
    queues.set(key, next);
  });
  return runningUdpServer(socket);
}

/** Starts the mini-ftp server on `opts.host:opts.port`, serving the current working folder (TCP, or UDP with transport=udp). */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const base = await realpath(process.cwd());
  const words = wordsFrom(opts.params);
  if (opts.params.transport === 'udp') return startUdp(opts, base, words);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    serve(socket, base, words, opts.log).catch((err: unknown) => {
      opts.log(`Error con un cliente: ${(err as Error).message}`);
      if (err instanceof LineTooLong) socket.end(frameBody(Buffer.from('línea de orden demasiado larga')), () => socket.destroy());
      else socket.destroy();
    });
  });
  await listenTcp(server, opts.host, opts.port);
  return runningServer(server, sockets);
}
