/** Listening helpers shared by the reference TCP servers. */
import type { AddressInfo, Server, Socket } from 'node:net';
import type { RunningReferenceServer } from '../types.js';

/** Listen backlog, large enough for hundreds of clients connecting at the same instant. */
export const BACKLOG = 1024;

/** Starts `server` listening on `host:port` (all interfaces for an empty host); rejects on EADDRINUSE and the like. */
export function listenTcp(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: host === '' ? undefined : host, port, backlog: BACKLOG }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * The running-server handle of a reference TCP server: `close()` stops listening and destroys
 * every connection still open (after `beforeClose`, e.g. clearing per-connection timers).
 */
export function runningServer(server: Server, sockets: Iterable<Socket>, beforeClose: () => void = () => {}): RunningReferenceServer {
  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        beforeClose();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
