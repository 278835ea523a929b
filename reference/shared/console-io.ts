/**
 * Terminal input and output shared by the reference clients: the message prompt, reading one
 * typed line, writing, connecting with a one-line report on failure, and the Spanish wording of
 * network errors.
 */
import { connect, type Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';

/** Prompt printed before reading the message from the input. */
export const PROMPT = 'Mensaje: ';

/** Writes `data` and resolves once it is flushed. */
export function write(output: NodeJS.WritableStream, data: string | Buffer): Promise<void> {
  return new Promise((resolve) => output.write(data, () => resolve()));
}

/** Reads one line (without its terminator); undefined when the input ends before any text. */
export function readLine(input: NodeJS.ReadableStream): Promise<string | undefined> {
  return new Promise((resolve) => {
    if ((input as { readableEnded?: boolean }).readableEnded) return resolve(undefined);
    const decoder = new StringDecoder('utf8');
    let text = '';
    const finish = (line: string | undefined): void => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('close', onEnd);
      input.off('error', onEnd);
      input.pause();
      resolve(line);
    };
    const onData = (chunk: Buffer | string): void => {
      text += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      const eol = /\r\n|\n|\r/.exec(text);
      if (eol) finish(text.slice(0, eol.index));
    };
    const onEnd = (): void => {
      text += decoder.end();
      finish(text === '' ? undefined : text);
    };
    input.on('data', onData);
    input.on('end', onEnd);
    input.on('close', onEnd);
    input.on('error', onEnd);
    input.resume();
  });
}

/** The message given, or one read after the prompt; undefined (after saying so) when the input ended. */
export async function messageFrom(opts: { message?: string; input: NodeJS.ReadableStream; output: NodeJS.WritableStream }): Promise<string | undefined> {
  if (opts.message !== undefined) return opts.message;
  await write(opts.output, PROMPT);
  const line = await readLine(opts.input);
  if (line === undefined) await write(opts.output, 'No se ha leído ningún mensaje: la entrada terminó\n');
  return line;
}

/** `host:port`, with brackets around IPv6 addresses. */
export function formatAddress(host: string | undefined, port: number | undefined): string {
  if (host === undefined) return 'desconocido';
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

const REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'conexión rechazada',
  ECONNRESET: 'el servidor reinició la conexión',
  EPIPE: 'el servidor ya había cerrado la conexión',
  ETIMEDOUT: 'tiempo de espera agotado',
  ENOTFOUND: 'no se encontró el host',
  EAI_AGAIN: 'no se encontró el host',
  EHOSTUNREACH: 'host inalcanzable',
  ENETUNREACH: 'red inalcanzable',
  EADDRNOTAVAIL: 'dirección no disponible',
  EMSGSIZE: 'el mensaje es demasiado grande para un datagrama',
};

/** A network error in words, e.g. `conexión rechazada`. */
export function describeNetError(err: NodeJS.ErrnoException, overrides: Readonly<Record<string, string>> = {}): string {
  const code = err.code ?? '';
  return overrides[code] ?? REASONS[code] ?? err.code ?? err.message;
}

/**
 * Connects to `host:port`; on failure writes the one-line Spanish reason to `output` and resolves
 * undefined. With `timeoutMs`, a connect that takes longer fails as a timeout.
 */
export function connectOrReport(host: string, port: number, output: NodeJS.WritableStream, timeoutMs?: number): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, ...(timeoutMs !== undefined ? { timeout: timeoutMs } : {}) });
    const fail = (err: NodeJS.ErrnoException): void => {
      socket.destroy();
      void write(output, `No se pudo conectar con ${formatAddress(host, port)}: ${describeNetError(err)}\n`).then(() => resolve(undefined));
    };
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.off('error', fail);
      socket.on('error', () => {});
      resolve(socket);
    });
    socket.once('timeout', () => fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    socket.once('error', fail);
  });
}
