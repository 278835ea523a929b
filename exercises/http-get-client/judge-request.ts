/** Verdicts on the request itself: its syntax (by Node's parser), request line and headers. */
import { CheckFailure } from '../../harness/authoring.js';
import { escapeBytes } from '../../harness/authoring.js';
import type { ParserVerdict } from './node-parser.js';
import type { LenientRequest, ReceivedRequest } from './request.js';

const EXAMPLE = 'GET <path> HTTP/1.1\\r\\nHost: <host>\\r\\nConnection: close\\r\\n\\r\\n';

/** Whether some line of `bytes` ends in a bare `\n` (no `\r` before it). */
function hasBareLf(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a && (i === 0 || bytes[i - 1] !== 0x0d)) return true;
  return false;
}

/** The request escaped, with `⟦here⟧` at `offset` when the parser said where it stopped. */
function showAt(bytes: Buffer, offset: number | undefined): string {
  if (offset === undefined || offset <= 0 || offset >= bytes.length) return `"${escapeBytes(bytes, 300)}"`;
  return `"${escapeBytes(bytes.subarray(0, offset), 200)}⟦here⟧${escapeBytes(bytes.subarray(offset), 100)}"`;
}

/** Fails when the parser rejected the request, or it did not end; says where and why. */
export function expectParsed(request: ReceivedRequest, verdict: ParserVerdict): Extract<ParserVerdict, { ok: true }> {
  if (verdict.ok) return verdict;
  const bare = hasBareLf(request.bytes);
  if (verdict.code === 'HPE_INVALID_EOF_STATE' && !bare) {
    throw new CheckFailure(
      `the request never ended: the client sent ${request.bytes.length} bytes and then ${request.end === 'closed' ? 'closed the connection' : 'nothing more'}, without the empty line that ends an HTTP request head (a real server would still be waiting)`,
      { expected: `"${EXAMPLE}"`, received: `"${escapeBytes(request.bytes, 300)}"`, hint: 'after the last header line, send an empty line: the request must end with "\\r\\n\\r\\n"' },
    );
  }
  throw new CheckFailure(`an HTTP parser (Node's llhttp, strict) rejects the request: ${verdict.reason} (${verdict.code}${verdict.bytesParsed !== undefined ? `, at byte ${verdict.bytesParsed}` : ''})`, {
    expected: `"${EXAMPLE}"`,
    received: showAt(request.bytes, verdict.bytesParsed),
    hint: bare
      ? 'every line of an HTTP request ends with "\\r\\n" (CR LF), not just "\\n", and the head ends with an empty line: "\\r\\n\\r\\n"'
      : 'the request line is "GET <path> HTTP/1.1" (single spaces, method in capitals, no spaces in the path), each header is "Name: value", every line ends with "\\r\\n"',
  });
}

/**
 * Fails unless the parsed request is `GET <path> HTTP/1.1` with `Connection: close`, for one of
 * `paths` (the path offered first, then the default of a client that could not be told one).
 */
export function expectRequestLine(parsed: Extract<ParserVerdict, { ok: true }>, paths: readonly string[], raw: Buffer): void {
  const path = paths[0] ?? '/';
  const line = escapeBytes(raw.subarray(0, Math.max(0, raw.indexOf('\n'))).toString('latin1').replace(/\r$/, ''), 200);
  if (parsed.method !== 'GET') throw new CheckFailure(`the request uses the method ${parsed.method}, not GET`, { expected: `"GET ${path} HTTP/1.1"`, received: `"${line}"` });
  if (!paths.includes(parsed.url)) {
    const fallback = paths[1];
    throw new CheckFailure(
      fallback === undefined
        ? `the client asked for "${parsed.url}", not for the path it was given, "${path}"`
        : `the client asked for "${parsed.url}": its command takes no path ({path} or {message}), so it must ask for the given path or the course's default path "${fallback}"`,
      {
        expected: fallback === undefined ? `"GET ${path} HTTP/1.1"` : `"GET ${fallback} HTTP/1.1" (or "GET ${path} HTTP/1.1", typed or from MESSAGE)`,
        received: `"${line}"`,
        hint: 'take the path from the command line ({path}, e.g. sys.argv[3]) or from input(), and put it in the request line as it is',
      },
    );
  }
  if (parsed.httpVersion !== '1.1') throw new CheckFailure(`the request line says HTTP/${parsed.httpVersion}, not HTTP/1.1`, { expected: `"GET ${path} HTTP/1.1"`, received: `"${line}"` });
  const connection = String(parsed.headers.connection ?? '');
  if (!connection.split(',').some((t) => t.trim().toLowerCase() === 'close')) {
    throw new CheckFailure(connection ? `the request has "Connection: ${connection}" instead of "Connection: close"` : 'the request has no "Connection: close" header', {
      expected: `"${EXAMPLE}"`,
      received: `"${escapeBytes(raw, 300)}"`,
      hint: 'with "Connection: close" the server closes the connection after the response, which is how the client knows it has everything; HTTP/1.1 keeps connections open otherwise',
    });
  }
}

/** Fails unless there is exactly one Host header naming one of `hosts`, with `:port` matching `port` when present. */
export function expectHostHeader(req: LenientRequest, raw: Buffer, hosts: readonly string[], port: number): void {
  const found = req.headers.filter((h) => h.name.toLowerCase() === 'host');
  const expected = `"Host: ${hosts[0]}:${port}" (or "Host: ${hosts[0]}"${hosts.length > 1 ? `, or ${hosts.slice(1).map((h) => `"Host: ${h}"`).join(', ')} when you connect to that name` : ''})`;
  const received = `"${escapeBytes(raw, 300)}"`;
  if (found.length === 0) {
    throw new CheckFailure('the request has no Host header', {
      expected,
      received,
      hint: 'HTTP/1.1 requires a Host header naming the server (one web server hosts many sites): "Host: <host>\\r\\n" right after the request line',
    });
  }
  if (found.length > 1) throw new CheckFailure(`the request has ${found.length} Host headers; it must have exactly one`, { expected, received });
  const value = (found[0] as { value: string }).value;
  const m = /^([^:\s]+)(?::(\d+))?$/.exec(value);
  const name = m?.[1]?.toLowerCase();
  const named = name !== undefined && hosts.some((h) => h.toLowerCase() === name);
  const portOk = m?.[2] === undefined || Number(m[2]) === port;
  if (!named || !portOk) {
    throw new CheckFailure(`the Host header says "${value}", but the client connected to ${hosts[0]} port ${port}`, {
      expected,
      received,
      hint: 'build the Host header from the host (and port) the program connects to, not from a fixed name',
    });
  }
}
