/**
 * Reference server for `tcp-echo-timeout`: an echo server that closes a connection right after
 * replying to the first data it receives (parameter `close-after-reply`, default true) and
 * expels any client that has sent nothing for `idle` seconds (default 5).
 */
import { createServer, type Socket } from 'node:net';
import { listenTcp, runningServer } from '../shared/tcp-server.js';
import { formatAddress } from '../shared/console-io.js';
import type { ParamValues, ReferenceServerOptions, RunningReferenceServer } from '../types.js';

/** Default of the `idle` parameter, in seconds. */
export const DEFAULT_IDLE = 5;

/** Starts the echo-with-timeouts server on `opts.host:opts.port`. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const idleMs = numberParam(opts.params, 'idle', DEFAULT_IDLE) * 1000;
  const closeAfterReply = booleanParam(opts.params, 'close-after-reply', true);
  const timers = new Map<Socket, NodeJS.Timeout | undefined>();

  const server = createServer({ allowHalfOpen: true }, (socket) => {
    const address = formatAddress(socket.remoteAddress, socket.remotePort);
    opts.log(`Conectado ${address}`);
    let replied = false;
    let clientEnded = false;

    const onIdle = (): void => {
      if (!replied && !clientEnded) opts.log(`Cliente inactivo expulsado: ${address}`);
      socket.destroy();
    };
    const restartTimer = (): void => {
      clearTimeout(timers.get(socket));
      timers.set(socket, idleMs > 0 ? setTimeout(onIdle, idleMs) : undefined);
    };

    socket.on('data', (data: Buffer) => {
      restartTimer();
      if (replied) return;
      if (closeAfterReply) {
        replied = true;
        socket.end(data);
      } else if (!socket.write(data)) {
        socket.pause();
        socket.once('drain', () => socket.resume());
      }
    });
    socket.on('end', () => {
      clientEnded = true;
      socket.end();
    });
    socket.on('error', () => {
      // A reset or broken pipe only ends this connection.
    });
    socket.on('close', () => {
      clearTimeout(timers.get(socket));
      timers.delete(socket);
    });
    restartTimer();
  });
  await listenTcp(server, opts.host, opts.port);
  server.on('error', (err) => opts.log(`Error del servidor: ${err.message}`));

  return runningServer(server, { [Symbol.iterator]: () => timers.keys() }, () => {
    for (const timer of timers.values()) clearTimeout(timer);
  });
}

function numberParam(params: ParamValues, name: string, fallback: number): number {
  const raw = params[name];
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

function booleanParam(params: ParamValues, name: string, fallback: boolean): boolean {
  const raw = params[name];
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw !== 0;
  if (typeof raw === 'string') {
    const word = raw.trim().toLowerCase();
    if (['true', '1', 'yes', 'on', 'si', 'sí'].includes(word)) return true;
    if (['false', '0', 'no', 'off'].includes(word)) return false;
  }
  return fallback;
}
