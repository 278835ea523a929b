/**
 * Reference server for `tcp-echo`: echoes every byte back until the client closes its side, then
 * finishes sending and closes. Clients are served concurrently (one event loop, no blocking).
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';

/** Listen backlog, large enough for hundreds of clients connecting at the same instant. */
export const BACKLOG = 1024;

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
  await listen(server, opts.host, opts.port);
  server.on('error', (err) => opts.log(`Error del servidor: ${err.message}`));

  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: host === '' ? undefined : host, port, backlog: BACKLOG }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function formatAddress(address: string | undefined, port: number | undefined): string {
  if (address === undefined) return 'desconocido';
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
