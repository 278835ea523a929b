/**
 * Reference server for `framed-echo`: keeps a receive buffer per client, echoes every complete
 * frame framed, and answers a malformed header with a framed error before closing that client.
 */
import { createServer, type Socket } from 'node:net';
import { listenTcp, runningServer } from '../shared/tcp-server.js';
import { formatAddress } from '../shared/console-io.js';
import { frame, parseFrames } from '../../exercises/framed-echo/framing.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';

/** Starts the framed echo server on `opts.host:opts.port`. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const sockets = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    const who = formatAddress(socket.remoteAddress, socket.remotePort);
    opts.log(`Conectado ${who}`);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      const parsed = parseFrames(pending);
      for (const payload of parsed.frames) socket.write(frame(payload));
      pending = Buffer.from(parsed.rest);
      if (parsed.error) {
        opts.log(`Cabecera mal formada de ${who}: se cierra la conexión`);
        socket.end(frame('error: cabecera mal formada'));
        socket.pause();
      }
    });
    socket.on('end', () => socket.end());
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await listenTcp(server, opts.host, opts.port);
  return runningServer(server, sockets);
}
