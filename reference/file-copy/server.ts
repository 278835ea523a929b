/**
 * Reference server for `file-copy`: each connection is written to a hidden temporary file in the
 * working folder and renamed over `output` once the transfer is complete (lines: the client
 * closed; framed: the short frame arrived), so a broken transfer never leaves a half copy.
 */
import { createServer, type Socket } from 'node:net';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { listenTcp, runningServer } from '../shared/tcp-server.js';
import { formatAddress } from '../shared/console-io.js';
import { BodyParser } from '../../exercises/shared/files-body.js';
import type { ParamValues, ReferenceServerOptions, RunningReferenceServer } from '../types.js';

function text(params: ParamValues, key: string, fallback: string): string {
  const v = params[key];
  return typeof v === 'string' ? v : fallback;
}

/** Starts the file-copy server on `opts.host:opts.port`, writing into the current working folder. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const dir = process.cwd();
  const output = text(opts.params, 'output', 'copia.txt');
  const framed = text(opts.params, 'variant', 'lines') === 'framed';
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
        await rename(temp, join(dir, output));
        opts.log(`Recibido el fichero de ${who}: ${bytes} bytes guardados en ${output}`);
      } catch (err) {
        opts.log(`No se pudo guardar ${output}: ${(err as Error).message}`);
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
    socket.on('data', (chunk: Buffer) => {
      if (state !== 'receiving') return;
      if (!parser) return write(chunk);
      const { payload } = parser.push(chunk);
      for (const p of payload) write(p);
      if (parser.error) abandon(parser.error);
      else if (parser.done) void complete();
    });
    socket.on('end', () => {
      if (!parser) void complete();
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
