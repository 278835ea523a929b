/**
 * Reference server for `tcp-echo`: echoes every byte back until the client closes its side, then
 * finishes sending and closes. Clients are served concurrently (one event loop, no blocking).
 */
import { createServer, type Socket } from 'node:net';
import { listenTcp, runningServer } from '../shared/tcp-server.js';
import { formatAddress } from '../shared/console-io.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';


/** Starts the TCP echo server on `opts.host:opts.port` and resolves once it is listening. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const sockets = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    opts.log(`Conectado ${formatAddress(socket.remoteAddress, socket.remotePort)}`);
    socket.on('error', () => {
      // A reset or broken pipe only ends this connection; the stream is destroyed by Node.
    });
    socket.on('close', () => sockets.delete(socket));
    socket.pipe(socket);
  });
  await listenTcp(server, opts.host, opts.port);
  server.on('error', (err) => opts.log(`Error del servidor: ${err.message}`));

  return runningServer(server, sockets);
}
