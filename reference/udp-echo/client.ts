/**
 * Reference client for `udp-echo`: sends one line as one datagram and prints the reply, giving
 * up after `reply-timeout` seconds (default 3) when nothing comes back.
 */
import { createSocket, type Socket } from 'node:dgram';
import type { ParamValues, ReferenceClientOptions } from '../types.js';
import { resolveHost } from '../shared/udp-socket.js';
import { describeNetError, formatAddress, messageFrom, write } from '../shared/console-io.js';

export { PROMPT } from '../shared/console-io.js';

/** Default of the `reply-timeout` parameter, in seconds. */
export const DEFAULT_REPLY_TIMEOUT = 3;

/** Sends the message, prints the reply and resolves 0; resolves 1 on timeout or error. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const { host, port, output } = opts;
  const message = await messageFrom(opts);
  if (message === undefined) return 1;

  const peer = await resolveHost(host, output);
  if (!peer) return 1;
  const { address, family } = peer;

  const timeout = replyTimeout(opts.params);
  const socket = createSocket(family === 6 ? 'udp6' : 'udp4');
  const result = await new Promise<Buffer | Error | 'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeout * 1000);
    const settle = (r: Buffer | Error): void => {
      clearTimeout(timer);
      resolve(r);
    };
    socket.on('message', (msg) => settle(msg));
    socket.on('error', (err) => settle(err));
    socket.send(Buffer.from(message, 'utf8'), port, address, (err) => {
      if (err) settle(err);
    });
  });
  await closeSocket(socket);

  if (result === 'timeout') {
    await write(output, `Sin respuesta del servidor en ${timeout} s\n`);
    return 1;
  }
  if (result instanceof Error) {
    await write(output, `No se pudo enviar el mensaje a ${formatAddress(host, port)}: ${describeNetError(result, { ECONNREFUSED: 'puerto inalcanzable' })}\n`);
    return 1;
  }
  await write(output, Buffer.concat([result, Buffer.from('\n')]));
  return 0;
}

function replyTimeout(params: ParamValues): number {
  const raw = params['reply-timeout'];
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_REPLY_TIMEOUT;
}




function closeSocket(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    try {
      socket.close(() => resolve());
    } catch {
      resolve();
    }
  });
}
