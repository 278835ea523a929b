/**
 * Judging a server's response with a real HTTP client parser: Node's own (llhttp). The bytes a
 * submitted server sent are replayed, then end of stream, by a throwaway loopback server to
 * `http.get`, which either emits `response` (status, headers and the body as Node reads it) or
 * an error with llhttp's code. Strict mode refuses what real clients may refuse (bare LF line
 * ends); lenient mode reads what a tolerant browser would, so each defect is judged by one check.
 */
import { get, type IncomingHttpHeaders } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { waitFor } from '../../harness/util/deadline.js';

/** What Node's HTTP client made of a response. */
export type ResponseVerdict =
  | { ok: true; status: number; httpVersion: string; headers: IncomingHttpHeaders; body: Buffer }
  | { ok: false; code: string; reason: string };

/** Parses `raw` as the whole response to a GET (the connection ended after it). */
export async function parseResponse(raw: Buffer, strict: boolean, ms: number, signal?: AbortSignal): Promise<ResponseVerdict> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    s.end(raw);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    return await waitFor<ResponseVerdict>('the HTTP parser to judge the response', ms, signal, (done) => {
      const req = get({ host: '127.0.0.1', port, path: '/', agent: false, insecureHTTPParser: !strict }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ ok: true, status: res.statusCode ?? 0, httpVersion: res.httpVersion, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', (e: NodeJS.ErrnoException) => done({ ok: false, code: e.code ?? 'ERROR', reason: e.message }));
      });
      req.on('error', (e: NodeJS.ErrnoException & { reason?: string }) => done({ ok: false, code: e.code ?? 'ERROR', reason: e.reason ?? e.message }));
      return () => req.destroy();
    });
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Bytes up to and including the empty line that ends the head (`\r\n\r\n` or `\n\n`), undefined when it has not come. */
export function headOf(raw: Buffer): Buffer | undefined {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf >= 0 ? crlf + 4 : -1, lf >= 0 ? lf + 2 : -1].filter((e) => e >= 0);
  return ends.length === 0 ? undefined : raw.subarray(0, Math.min(...ends));
}

/** The Content-Length a head declares, undefined when it declares none (or a malformed one). */
export function declaredLength(head: Buffer): number | undefined {
  const m = /^content-length[ \t]*:[ \t]*(\d+)[ \t]*\r?$/im.exec(head.toString('latin1'));
  return m ? Number(m[1]) : undefined;
}
