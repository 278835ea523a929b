/**
 * Reference client for `file-copy`: reads the file (the message given, else the `input`
 * parameter) from the working folder and sends it: line by line then closes (lines), or as one
 * body of frames in one write then closes (framed).
 */
import { connect } from 'node:net';
import { readFile } from 'node:fs/promises';
import { describeNetError, formatAddress, write } from '../shared/console-io.js';
import { frameBody } from '../../exercises/shared/files-body.js';
import { basename } from 'node:path';
import { createSocket, type Socket } from 'node:dgram';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolveHost } from '../shared/udp-socket.js';
import type { ReferenceClientOptions } from '../types.js';

/** The file's lines, each with its newline (the last one may have none). */
function lines(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (let nl = data.indexOf(0x0a); nl >= 0; nl = data.indexOf(0x0a, at)) {
    out.push(data.subarray(at, nl + 1));
    at = nl + 1;
  }
  if (at < data.length) out.push(data.subarray(at));
  return out;
}

/** Sends the file; resolves 0, or 1 after one line saying what failed. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const input = opts.message ?? (typeof opts.params.input === 'string' ? opts.params.input : 'fichero.txt');
  const framed = opts.params.variant === 'framed';
  const nameFirst = opts.params['name-first'] === true;
  let data: Buffer;
  try {
    data = await readFile(input);
  } catch (err) {
    await write(opts.output, `No se puede leer el fichero ${input}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 1;
  }
  if (opts.params.transport === 'udp') return sendDatagrams(opts, input, data, nameFirst);
  const where = formatAddress(opts.host, opts.port);
  const problem = await new Promise<string | undefined>((resolve) => {
    let connected = false;
    const socket = connect({ host: opts.host, port: opts.port, timeout: 10_000 });
    socket.on('connect', () => {
      connected = true;
      socket.setTimeout(0);
      if (nameFirst) socket.write(`${basename(input)}\n`);
      if (framed) socket.end(frameBody(data));
      else {
        for (const line of lines(data)) socket.write(line);
        socket.end();
      }
    });
    // Everything is handed to the kernel and the FIN queued: the copy is on its way.
    socket.on('finish', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve(`No se pudo conectar con ${where}: tiempo de espera agotado`);
    });
    socket.on('error', (err: NodeJS.ErrnoException) => resolve(connected ? `La conexión con ${where} falló: ${describeNetError(err)}` : `No se pudo conectar con ${where}: ${describeNetError(err)}`));
  });
  await write(opts.output, problem ? `${problem}\n` : `Enviado ${input} (${data.length} bytes${framed ? ', en tramas' : ', línea a línea'})\n`);
  return problem ? 1 : 0;
}

/** Bytes of the file per datagram. */
const DATAGRAM = 1024;

function sendTo(socket: Socket, data: Buffer, port: number, address: string): Promise<Error | undefined> {
  return new Promise((resolve) => socket.send(data, port, address, (err) => resolve(err ?? undefined)));
}

/** Over UDP: the name datagram (`name-first`), the file in datagrams of 1024 bytes, then an empty datagram. */
async function sendDatagrams(opts: ReferenceClientOptions, input: string, data: Buffer, nameFirst: boolean): Promise<number> {
  const peer = await resolveHost(opts.host, opts.output);
  if (!peer) return 1;
  const socket = createSocket(peer.family === 6 ? 'udp6' : 'udp4');
  socket.on('error', () => {});
  const datagrams: Buffer[] = nameFirst ? [Buffer.from(`${basename(input)}\n`)] : [];
  for (let at = 0; at < data.length; at += DATAGRAM) datagrams.push(data.subarray(at, at + DATAGRAM));
  datagrams.push(Buffer.alloc(0));
  let problem: Error | undefined;
  for (const [i, d] of datagrams.entries()) {
    problem = await sendTo(socket, d, opts.port, peer.address);
    if (problem) break;
    // A little breath now and then, so that a receiver on the same machine keeps up.
    if (i % 32 === 31) await sleep(1);
  }
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  const where = formatAddress(opts.host, opts.port);
  await write(opts.output, problem ? `No se pudo enviar a ${where}: ${describeNetError(problem)}\n` : `Enviado ${input} (${data.length} bytes en ${datagrams.length} datagramas)\n`);
  return problem ? 1 : 0;
}
