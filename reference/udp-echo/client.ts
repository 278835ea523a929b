/**
 * Reference client for `udp-echo`: sends one line as one datagram and prints the reply, giving
 * up after `reply-timeout` seconds (default 3) when nothing comes back.
 */
import { createSocket, type Socket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import type { ParamValues, ReferenceClientOptions } from '../types.js';

/** Prompt printed before reading the message from the input. */
export const PROMPT = 'Mensaje: ';

/** Default of the `reply-timeout` parameter, in seconds. */
export const DEFAULT_REPLY_TIMEOUT = 3;

/** Sends the message, prints the reply and resolves 0; resolves 1 on timeout or error. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const { host, port, output } = opts;
  let message = opts.message;
  if (message === undefined) {
    await write(output, PROMPT);
    message = await readLine(opts.input);
    if (message === undefined) {
      await write(output, 'No se ha leído ningún mensaje: la entrada terminó\n');
      return 1;
    }
  }

  let address: string;
  let family: number;
  try {
    ({ address, family } = isIP(host) !== 0 ? { address: host, family: isIP(host) } : await lookup(host));
  } catch {
    await write(output, `No se pudo resolver el nombre ${host}\n`);
    return 1;
  }

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
    await write(output, `No se pudo enviar el mensaje a ${formatAddress(host, port)}: ${describe(result)}\n`);
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

function describe(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'EMSGSIZE':
      return 'el mensaje es demasiado grande para un datagrama';
    case 'ENETUNREACH':
      return 'red inalcanzable';
    case 'EHOSTUNREACH':
      return 'host inalcanzable';
    case 'ECONNREFUSED':
      return 'puerto inalcanzable';
    default:
      return err.code ?? err.message;
  }
}

/** Reads one line (without its terminator); undefined when the input ends before any text. */
function readLine(input: NodeJS.ReadableStream): Promise<string | undefined> {
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

function write(output: NodeJS.WritableStream, data: string | Buffer): Promise<void> {
  return new Promise((resolve) => output.write(data, () => resolve()));
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

function formatAddress(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
