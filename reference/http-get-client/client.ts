/**
 * Reference client for `http-get-client`: sends `GET <path> HTTP/1.1` with Host and
 * Connection: close, reads until the server closes, and prints the whole response decoded once.
 */
import type { ReferenceClientOptions } from '../types.js';
import { connectOrReport, readLine, write } from '../shared/console-io.js';

/** Prompt for the path when none is given. */
export const PATH_PROMPT = 'Ruta a pedir (p. ej. /index.html): ';

/** The request for `path` on `host:port`; the port goes in the Host header only when it is not 80. */
export function httpRequest(host: string, port: number, path: string): Buffer {
  const hostHeader = port === 80 ? host : `${host}:${port}`;
  return Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`);
}

/** Asks for the page and prints the response; resolves 0, or 1 after printing what failed. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const { host, port, output } = opts;
  let path = opts.message;
  if (path === undefined) {
    await write(output, PATH_PROMPT);
    path = await readLine(opts.input);
  }
  if (path === undefined || path.trim() === '') {
    await write(output, 'No se ha indicado ninguna ruta\n');
    return 1;
  }
  const socket = await connectOrReport(host, port, output, 10_000);
  if (!socket) return 1;
  const result = await new Promise<Buffer | Error>((resolve) => {
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', (err) => resolve(err));
    socket.write(httpRequest(host, port, path.trim()));
  });
  socket.destroy();
  if (result instanceof Error) {
    await write(output, `Error al recibir la respuesta: ${result.message}\n`);
    return 1;
  }
  await write(output, Buffer.concat([result, Buffer.from('\n')]));
  return 0;
}
