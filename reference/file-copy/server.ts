/**
 * Reference server for `file-copy`: each connection is written to a hidden temporary file in the
 * working folder and renamed over `output` once the transfer is complete (lines: the client
 * closed; framed: the short frame arrived), so a broken transfer never leaves a half copy.
 * Over UDP see udp-server.ts.
 */
import { createServer, type Socket } from 'node:net';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { basename, join } from 'node:path';
import { listenTcp, runningServer } from '../shared/tcp-server.js';
import { formatAddress } from '../shared/console-io.js';
import { BodyParser } from '../../exercises/shared/files-body.js';
import type { ParamValues, ReferenceServerOptions, RunningReferenceServer } from '../types.js';
import { startUdpServer } from './udp-server.js';

function text(params: ParamValues, key: string, fallback: string): string {
  const v = params[key];
  return typeof v === 'string' ? v : fallback;
}

/** Starts the file-copy server on `opts.host:opts.port`, writing into the current working folder. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const dir = process.cwd();
  const output = text(opts.params, 'output', 'copia.txt');
  const framed = text(opts.params, 'variant', 'lines') === 'framed';
  const nameFirst = opts.params['name-first'] === true;
  if (opts.params.transport === 'udp') return startUdpServer(opts, output, nameFirst);
  const sockets = new Set<Socket>();
  let count = 0;
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    const who = formatAddress(socket.remoteAddress, socket.remotePort);
    const temp = join(dir, `.${output}.${process.pid}.${++count}.parte`);
    const file = createWriteStream(temp);
    const parser = framed ? new BodyParser() : undefined;
    let bytes = 0;
    let state: 'receiving' | 'saving' | 'done' = 'receiving';
    // Under name-first: the bytes of the name line so far, until its "\n"; then the name (its last part only).
    let nameBytes: Buffer | undefined = nameFirst ? Buffer.alloc(0) : undefined;
    let target = output;
    opts.log(`Conectado ${who}`);
    const write = (data: Buffer): void => {
      bytes += data.length;
      if (!file.write(data)) {
        socket.pause();
        file.once('drain', () => socket.resume());
      }
    };
    const complete = async (): Promise<void> => {
      if (state !== 'receiving') return;
      state = 'saving';
      file.end();
      try {
        await finished(file);
        await rename(temp, join(dir, target));
        opts.log(`Recibido el fichero de ${who}: ${bytes} bytes guardados en ${target}`);
      } catch (err) {
        opts.log(`No se pudo guardar ${target}: ${(err as Error).message}`);
      }
      state = 'done';
      socket.end();
    };
    const abandon = (why: string): void => {
      if (state !== 'receiving') return;
      state = 'done';
      opts.log(`Transferencia de ${who} abandonada: ${why}`);
      file.destroy();
      void rm(temp, { force: true });
      socket.destroy();
    };
    socket.on('data', (data: Buffer) => {
      if (state !== 'receiving') return;
      let chunk = data;
      if (nameBytes) {
        const nl = chunk.indexOf(0x0a);
        nameBytes = Buffer.concat([nameBytes, nl >= 0 ? chunk.subarray(0, nl) : chunk]);
        if (nameBytes.length > 4096) return abandon('la línea del nombre es demasiado larga');
        if (nl < 0) return;
        const name = basename(nameBytes.toString('utf8').replace(/\r$/, ''));
        nameBytes = undefined;
        if (name === '' || name === '.' || name === '..' || name.includes('\0')) return abandon('nombre de fichero no válido');
        target = name;
        chunk = chunk.subarray(nl + 1);
      }
      if (!parser) return write(chunk);
      const { payload } = parser.push(chunk);
      for (const p of payload) write(p);
      if (parser.error) abandon(parser.error);
      else if (parser.done) void complete();
    });
    socket.on('end', () => {
      if (nameBytes) abandon('el cliente cerró la conexión antes de enviar el nombre');
      else if (!parser) void complete();
      else abandon('el cliente cerró la conexión antes de terminar el fichero');
      if (state === 'done') socket.end();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => abandon(err.code ?? err.message));
    socket.on('close', () => {
      abandon('conexión cerrada');
      sockets.delete(socket);
    });
  });
  await listenTcp(server, opts.host, opts.port);
  return runningServer(server, sockets);
}
