/** Pieces shared by the reference UDP programs: binding, the server handle, resolving the peer's name. */
import type { Socket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { RunningReferenceServer } from '../types.js';
import { write } from './console-io.js';

/** Binds `socket` to `host:port` (all interfaces for an empty host); on failure closes it and rejects. */
export function bindUdp(socket: Socket, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => {
      socket.close();
      reject(err);
    };
    socket.once('error', onError);
    socket.bind(port, host === '' ? undefined : host, () => {
      socket.off('error', onError);
      resolve();
    });
  });
}

/** The handle of a reference UDP server on `socket`: its bound port, and a close that can be called twice. */
export function runningUdpServer(socket: Socket): RunningReferenceServer {
  let closing: Promise<void> | undefined;
  return {
    port: socket.address().port,
    close() {
      closing ??= new Promise<void>((resolve) => socket.close(() => resolve()));
      return closing;
    },
  };
}

/**
 * The address and family of `host` (a literal is taken as it is); when the name does not
 * resolve, prints so on `output` and resolves undefined.
 */
export async function resolveHost(host: string, output: NodeJS.WritableStream): Promise<{ address: string; family: number } | undefined> {
  if (isIP(host) !== 0) return { address: host, family: isIP(host) };
  try {
    return await lookup(host);
  } catch {
    await write(output, `No se pudo resolver el nombre ${host}\n`);
    return undefined;
  }
}
