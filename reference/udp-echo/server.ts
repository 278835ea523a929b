/**
 * Reference server for `udp-echo`: every datagram received is sent back verbatim (empty ones
 * included) to the address and port it came from.
 */
import { createSocket, type SocketType } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { bindUdp, runningUdpServer } from '../shared/udp-socket.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';

/** Binds the UDP echo server on `opts.host:opts.port` and resolves once it is bound. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const socket = createSocket(await socketTypeFor(opts.host));
  await bindUdp(socket, opts.host, opts.port);
  socket.on('error', (err) => opts.log(`Error en el socket: ${err.message}`));
  socket.on('message', (msg, rinfo) => {
    const from = formatAddress(rinfo.address, rinfo.port);
    opts.log(`Datagrama de ${from}: ${msg.length} bytes`);
    try {
      socket.send(msg, rinfo.port, rinfo.address, (err) => {
        if (err) opts.log(`No se pudo responder a ${from}: ${err.message}`);
      });
    } catch (err) {
      opts.log(`No se pudo responder a ${from}: ${(err as Error).message}`);
    }
  });

  return runningUdpServer(socket);
}

/** `udp6` for an IPv6 host (literal or resolved), `udp4` otherwise. */
async function socketTypeFor(host: string): Promise<SocketType> {
  const family = isIP(host);
  if (family !== 0) return family === 6 ? 'udp6' : 'udp4';
  if (host === '') return 'udp4';
  try {
    return (await lookup(host)).family === 6 ? 'udp6' : 'udp4';
  } catch {
    return 'udp4';
  }
}


function formatAddress(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
