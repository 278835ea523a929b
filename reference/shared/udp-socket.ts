/** Binding helper shared by the reference UDP programs. */
import type { Socket } from 'node:dgram';

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
