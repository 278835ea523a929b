/**
 * Judging a request with a real HTTP parser: Node's own (llhttp, strict mode). The bytes are
 * written over loopback into a throwaway `http.Server`, which either emits `request` (it parsed
 * a complete request head) or `clientError` (with llhttp's error code and the offset it reached).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { waitFor } from '../../harness/authoring.js';

/** What the parser made of a request. */
export type ParserVerdict =
  | { ok: true; method: string; url: string; httpVersion: string; headers: IncomingHttpHeaders }
  | { ok: false; code: string; reason: string; bytesParsed: number | undefined };

interface ParserError extends Error {
  code?: string;
  reason?: string;
  bytesParsed?: number;
}

/**
 * Parses `request` (then end of stream). Host headers are not required here: whether the Host
 * header is right is judged on its own.
 */
export async function parseWithNode(request: Buffer, ms: number, signal?: AbortSignal): Promise<ParserVerdict> {
  const server: Server = createServer({ requireHostHeader: false, insecureHTTPParser: false });
  let socket: Socket | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
    });
    return await waitFor<ParserVerdict>('the HTTP parser to judge the request', ms, signal, (done) => {
      server.on('request', (req, res) => {
        done({ ok: true, method: req.method ?? '', url: req.url ?? '', httpVersion: req.httpVersion, headers: req.headers });
        res.socket?.destroy();
      });
      server.on('clientError', (err: ParserError, s) => {
        done({ ok: false, code: err.code ?? 'HPE_UNKNOWN', reason: err.reason ?? err.message, bytesParsed: err.bytesParsed });
        s.destroy();
      });
      socket = connect({ host: '127.0.0.1', port: (server.address() as AddressInfo).port }, () => socket?.end(request));
      socket.on('error', () => {});
      return () => {};
    });
  } finally {
    socket?.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
