/**
 * Reference client for `framed-echo`: frames the message (length in UTF-8 bytes), then reads the
 * framed reply however it is cut and prints its payload.
 */
import { connect } from 'node:net';
import { describeNetError, formatAddress, messageFrom, write } from '../shared/console-io.js';
import { frame, parseFrames } from '../../exercises/framed-echo/framing.js';
import type { ReferenceClientOptions } from '../types.js';

/** Sends one framed message and prints the payload of the framed reply; resolves 0, or 1 on failure. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const message = await messageFrom(opts);
  if (message === undefined) return 1;
  const where = formatAddress(opts.host, opts.port);
  const outcome = await new Promise<{ payload?: Buffer; problem?: string }>((resolve) => {
    let pending = Buffer.alloc(0);
    let connected = false;
    const socket = connect({ host: opts.host, port: opts.port, timeout: 10_000 });
    const finish = (r: { payload?: Buffer; problem?: string }): void => {
      socket.destroy();
      resolve(r);
    };
    socket.on('connect', () => {
      connected = true;
      socket.write(frame(message));
    });
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      const parsed = parseFrames(pending);
      if (parsed.error) finish({ problem: `respuesta con ${parsed.error}` });
      else if (parsed.frames[0]) finish({ payload: parsed.frames[0] });
    });
    socket.on('end', () => finish({ problem: 'el servidor cerró la conexión antes de responder' }));
    socket.on('timeout', () => finish({ problem: connected ? 'sin respuesta del servidor en 10 s' : `no se pudo conectar con ${where}: tiempo de espera agotado` }));
    socket.on('error', (err: NodeJS.ErrnoException) => finish({ problem: connected ? `la conexión falló: ${describeNetError(err)}` : `No se pudo conectar con ${where}: ${describeNetError(err)}` }));
  });
  if (outcome.payload) {
    await write(opts.output, Buffer.concat([outcome.payload, Buffer.from('\n')]));
    return 0;
  }
  await write(opts.output, `${outcome.problem ?? 'error'}\n`);
  return 1;
}
