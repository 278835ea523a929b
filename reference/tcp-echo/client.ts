/**
 * Reference client for `tcp-echo`: sends one message and keeps reading until the whole echo
 * (as many bytes as it sent) has come back, then prints it byte-exact. Under the course's
 * variants it first reads the server's banner line, and with `framing=line` it sends its message
 * as a line and reads one line back.
 */
import { connect } from 'node:net';
import type { ReferenceClientOptions } from '../types.js';
import { echoVariant } from '../../exercises/shared/echo-variant.js';
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

  const v = echoVariant(opts.params);
  const sent = Buffer.from(v.framing === 'line' ? `${message}\n` : message, 'utf8');
  const outcome = await exchange(host, port, sent, v.banner !== '', v.framing === 'line');
  if (outcome.kind === 'connect-failed') {
    const why = outcome.error === 'timeout' ? `tiempo de espera agotado (${TIMEOUT_SECONDS} s)` : describe(outcome.error);
    await write(output, `No se pudo conectar con ${formatAddress(host, port)}: ${why}\n`);
    return 1;
  }
  const { received } = outcome;
  if (outcome.kind === 'echoed' || received.length > 0) {
    await write(output, Buffer.concat([v.framing === 'line' && received[received.length - 1] === 0x0a ? received.subarray(0, -1) : received, Buffer.from('\n')]));
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

/**
 * Connects, writes `payload` and reads until as many bytes have come back (or, with `line`, a
 * whole line); with `banner`, the server's first line is read first and not counted.
 */
function exchange(host: string, port: number, payload: Buffer, banner: boolean, line: boolean): Promise<Outcome> {
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
    let greeted = !banner;
    const received = (): Buffer => Buffer.concat(chunks, size);
    const complete = (): boolean => (line ? received().includes(0x0a) : size >= payload.length);

    socket.on('connect', () => {
      connected = true;
      if (payload.length === 0) finish({ kind: 'echoed', received: received() });
      else socket.write(payload);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (!greeted) {
        const all = received();
        const nl = all.indexOf(0x0a);
        if (nl < 0) return;
        greeted = true;
        chunks.splice(0, chunks.length, all.subarray(nl + 1));
        size = all.length - nl - 1;
      }
      if (complete()) finish({ kind: 'echoed', received: received() });
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
