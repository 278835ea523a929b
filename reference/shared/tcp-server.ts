/** Listening helpers shared by the reference TCP servers. */
import type { Server } from 'node:net';

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
