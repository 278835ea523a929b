/**
 * Reference server for `tcp-chat-ack`: every client is served at once (one event loop); each
 * message is logged with the client's address and answered with the ack; a client closing ends
 * its conversation only.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { listenTcp } from '../shared/tcp-server.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';
import { textParam } from '../shared/line-input.js';

/** Starts the chat server on `opts.host:opts.port` and resolves once it is listening. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const ack = textParam(opts.params, 'ack', 'mensaje recibido');
  const sockets = new Set<Socket>();
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    const addr = `('${socket.remoteAddress ?? '?'}', ${socket.remotePort ?? '?'})`;
    opts.log(`Conexión exitosa con el cliente. ${addr}`);
    // No framing in this exercise: each read is one message, as the client waits for its ack before the next.
    socket.on('data', (data: Buffer) => {
      opts.log(`El cliente ${addr} nos ha escrito: ${data.toString('utf8')}`);
      socket.write(ack);
    });
    socket.on('end', () => {
      opts.log(`Fin de conversación con: ${addr}`);
      socket.end();
    });
    socket.on('error', () => {
      // A reset ends this conversation only; Node destroys the socket.
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await listenTcp(server, opts.host, opts.port);
  server.on('error', (err) => opts.log(`Error del servidor: ${err.message}`));

  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}
