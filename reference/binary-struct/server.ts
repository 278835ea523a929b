/**
 * Reference server for `binary-struct`: for each client, reads the 12 bytes of one record,
 * unpacks them as order + "iif" and prints the values; then closes that connection.
 */
import { createServer, type Socket } from 'node:net';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';
import { listenTcp, runningServer } from '../shared/tcp-server.js';
import { RECORD_SIZE, endianOf, orderParam, unpack } from '../../exercises/binary-struct/values.js';

/** Starts listening; every connection is handled on its own. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const order = orderParam(opts.params);
  const endian = endianOf(order);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const from = `${socket.remoteAddress}:${socket.remotePort}`;
    let data = Buffer.alloc(0);
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      if (data.length < RECORD_SIZE) {
        opts.log(`${from}: llegaron ${data.length} bytes, se esperaban ${RECORD_SIZE}`);
      } else {
        const { a, b, c } = unpack(data, endian);
        opts.log(`${from}: recibido ${data.subarray(0, RECORD_SIZE).toString('hex')} -> (${a}, ${b}, ${c})`);
      }
      socket.end();
    };
    socket.on('data', (d: Buffer) => {
      data = Buffer.concat([data, d]);
      if (data.length >= RECORD_SIZE) finish();
    });
    socket.on('end', finish);
    socket.on('error', () => finish());
    socket.on('close', () => sockets.delete(socket));
  });
  await listenTcp(server, opts.host, opts.port);
  opts.log(`Formato "${order}iif" (${endian === 'little' ? 'little-endian' : 'big-endian'})`);
  return runningServer(server, sockets);
}
