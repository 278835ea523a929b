/**
 * Reference client for `tcp-echo`: sends one message and keeps reading until the whole echo
 * (as many bytes as it sent) has come back, then prints it byte-exact.
 */
import { connect } from 'node:net';
import type { ReferenceClientOptions } from '../types.js';
import { describeNetError as describe, formatAddress, messageFrom, write } from '../shared/console-io.js';

export { PROMPT } from '../shared/console-io.js';

/** Seconds allowed to connect, and between two pieces of the echo. */
export const TIMEOUT_SECONDS = 10;

type Outcome =
  | { kind: 'echoed'; received: Buffer }
  | { kind: 'connect-failed'; error: NodeJS.ErrnoException | 'timeout' }
  | { kind: 'closed'; received: Buffer }
  | { kind: 'timeout'; received: Buffer }
  | { kind: 'failed'; received: Buffer; error: NodeJS.ErrnoException };

/** Sends the message, prints the echo and resolves 0; resolves 1 when anything goes wrong. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const { host, port, output } = opts;
  const message = await messageFrom(opts);
  if (message === undefined) return 1;

  const sent = Buffer.from(message, 'utf8');
  const outcome = await exchange(host, port, sent);
  if (outcome.kind === 'connect-failed') {
    const why = outcome.error === 'timeout' ? `tiempo de espera agotado (${TIMEOUT_SECONDS} s)` : describe(outcome.error);
    await write(output, `No se pudo conectar con ${formatAddress(host, port)}: ${why}\n`);
    return 1;
  }
  const { received } = outcome;
  if (outcome.kind === 'echoed' || received.length > 0) {
    await write(output, Buffer.concat([received, Buffer.from('\n')]));
  }
  if (outcome.kind === 'echoed') return 0;

  const progress = `${received.length} de ${sent.length} bytes`;
  const warning =
    outcome.kind === 'closed'
      ? `Aviso: el servidor cerró la conexión antes de devolver todo el eco (${progress})`
      : outcome.kind === 'timeout'
        ? `Aviso: sin respuesta completa del servidor en ${TIMEOUT_SECONDS} s (${progress})`
        : `Aviso: la conexión falló antes de recibir todo el eco: ${describe(outcome.error)} (${progress})`;
  await write(output, `${warning}\n`);
  return 1;
}

/** Connects, writes `payload` and reads until as many bytes have come back. */
function exchange(host: string, port: number, payload: Buffer): Promise<Outcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let connected = false;
    let done = false;
    const socket = connect({ host, port, timeout: TIMEOUT_SECONDS * 1000 });
    const finish = (outcome: Outcome): void => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(outcome);
    };
    const received = (): Buffer => Buffer.concat(chunks, size);

    socket.on('connect', () => {
      connected = true;
      if (payload.length === 0) finish({ kind: 'echoed', received: received() });
      else socket.write(payload);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= payload.length) finish({ kind: 'echoed', received: received() });
    });
    socket.on('end', () => finish({ kind: 'closed', received: received() }));
    socket.on('timeout', () =>
      finish(connected ? { kind: 'timeout', received: received() } : { kind: 'connect-failed', error: 'timeout' }),
    );
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish(connected ? { kind: 'failed', received: received(), error } : { kind: 'connect-failed', error }),
    );
  });
}
