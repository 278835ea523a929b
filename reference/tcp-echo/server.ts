/**
 * Reference server for `tcp-echo`: echoes every byte back until the client closes its side, then
 * finishes sending and closes. Clients are served concurrently (one event loop, no blocking).
 * The course's variants follow the parameters: a banner line first, replies in capitals, whole
 * lines (`framing=line`), and a quit word that ends the connection with a goodbye.
 */
import { createServer, type Socket } from 'node:net';
import { listenTcp, runningServer } from '../shared/tcp-server.js';
import { formatAddress } from '../shared/console-io.js';
import { echoVariant, replyTo, type EchoVariant } from '../../exercises/shared/echo-variant.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';

/** Serves one connection under variant `v`: echoes (raw: each chunk; line: each whole line) until the quit line or the end of input. */
function serveVariant(socket: Socket, v: EchoVariant): void {
  let pending = Buffer.alloc(0);
  let done = false;
  socket.on('data', (chunk: Buffer) => {
    if (done) return;
    if (v.framing === 'raw') socket.write(replyTo(v, chunk));
    pending = Buffer.concat([pending, chunk]);
    for (let nl = pending.indexOf(0x0a); nl >= 0 && !done; nl = pending.indexOf(0x0a)) {
      const line = pending.subarray(0, nl + 1);
      pending = pending.subarray(nl + 1);
      if (v.quit !== '' && line.toString('utf8').trim() === v.quit) {
        done = true;
        socket.end('Adiós\n');
      } else if (v.framing === 'line') socket.write(replyTo(v, line));
    }
  });
  socket.on('end', () => {
    if (done) return;
    if (v.framing === 'line' && pending.length > 0) socket.write(replyTo(v, pending));
    socket.end();
  });
}

/** Starts the TCP echo server on `opts.host:opts.port` and resolves once it is listening. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const sockets = new Set<Socket>();
  const v = echoVariant(opts.params);
  const plain = v.framing === 'raw' && v.transform === 'none' && v.banner === '' && v.quit === '';
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    opts.log(`Conectado ${formatAddress(socket.remoteAddress, socket.remotePort)}`);
    socket.on('error', () => {
      // A reset or broken pipe only ends this connection; the stream is destroyed by Node.
    });
    socket.on('close', () => sockets.delete(socket));
    if (v.banner !== '') socket.write(`${v.banner}\n`);
    if (plain) socket.pipe(socket);
    else serveVariant(socket, v);
  });
  await listenTcp(server, opts.host, opts.port);
  server.on('error', (err) => opts.log(`Error del servidor: ${err.message}`));

  return runningServer(server, sockets);
}
