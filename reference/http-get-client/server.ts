/**
 * Reference web server for `http-get-client`: serves the files of its working folder over
 * HTTP/1.1, one request per connection: 200 with Content-Length and `Connection: close`, 404 for
 * a missing file, 403 for a path that leads out of the folder (symbolic links included), 400 for
 * anything that is not a GET request line. Every line of the head ends in CRLF.
 */
import { createServer, type Socket } from 'node:net';
import { readFile, realpath } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { listenTcp, runningServer } from '../shared/tcp-server.js';
import { formatAddress } from '../shared/console-io.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';

/** Largest request head read; a longer one is refused. */
const MAX_HEAD = 16 * 1024;

/** The response head and body for one status, in CRLF lines. */
function response(status: string, body: Buffer, type = 'text/plain; charset=utf-8'): Buffer {
  const head = `HTTP/1.1 ${status}\r\nContent-Type: ${type}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

/** The file `target` (a request path) names inside `base`, or the status that refuses it. */
async function resolveTarget(base: string, target: string): Promise<{ file: string } | { refused: 403 | 404 }> {
  let path: string;
  try {
    path = decodeURIComponent(target.split('?')[0] ?? '');
  } catch {
    return { refused: 404 };
  }
  const inside = join(base, path);
  let real: string;
  try {
    real = await realpath(inside);
  } catch {
    const rel = relative(base, inside);
    return { refused: rel.startsWith('..') || isAbsolute(rel) ? 403 : 404 };
  }
  const rel = relative(base, real);
  return rel.startsWith('..') || isAbsolute(rel) ? { refused: 403 } : { file: real };
}

/** Answers the request whose head is `head`. */
async function answer(base: string, head: string): Promise<{ bytes: Buffer; log: string }> {
  const m = /^GET (\S+) HTTP\/1\.[01]\r?$/m.exec(head.split('\n')[0] ?? '');
  if (!m) return { bytes: response('400 Bad Request', Buffer.from('Petición no válida\n')), log: 'petición no válida' };
  const target = m[1] as string;
  const found = await resolveTarget(base, target === '/' ? '/index.html' : target);
  if ('refused' in found && found.refused === 403) return { bytes: response('403 Forbidden', Buffer.from('Acceso denegado\n')), log: `GET ${target}: 403` };
  if ('refused' in found) return { bytes: response('404 Not Found', Buffer.from('No encontrado\n')), log: `GET ${target}: 404` };
  const { file } = found;
  try {
    const body = await readFile(file);
    return { bytes: response('200 OK', body, file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream'), log: `GET ${target}: 200 (${body.length} bytes)` };
  } catch {
    return { bytes: response('404 Not Found', Buffer.from('No encontrado\n')), log: `GET ${target}: 404` };
  }
}

/** Starts the web server on `opts.host:opts.port`, serving the current folder. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const base = await realpath(process.cwd());
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const from = formatAddress(socket.remoteAddress, socket.remotePort);
    let head = Buffer.alloc(0);
    let answered = false;
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk: Buffer) => {
      if (answered) return;
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n') >= 0 || head.indexOf('\n\n') >= 0;
      if (!end && head.length < MAX_HEAD) return;
      answered = true;
      void answer(base, head.toString('latin1')).then(({ bytes, log }) => {
        opts.log(`${from} ${log}`);
        socket.end(bytes);
      });
    });
    socket.on('end', () => {
      if (!answered) socket.end();
    });
  });
  await listenTcp(server, opts.host, opts.port);
  server.on('error', (err) => opts.log(`Error del servidor: ${err.message}`));
  return runningServer(server, sockets);
}
