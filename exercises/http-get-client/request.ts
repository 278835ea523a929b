/**
 * The request a submitted HTTP client sends, as sockgrade's server takes it: read leniently
 * (the head may end in `\n\n`, or not at all, when the client then goes quiet) so that every
 * check but `http.request-well-formed` can still answer and judge what it is about.
 */
import type { ClientCheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { WaitTimeout, formatMs, poll } from '../../harness/authoring.js';

/** How the reading of a request ended: its empty line arrived, the client closed, or it went quiet without one. */
export type RequestEnd = 'complete' | 'closed' | 'quiet';

/** A request as received. */
export interface ReceivedRequest {
  bytes: Buffer;
  end: RequestEnd;
}

/** Silence after which a request without its empty line is taken as all the client will send. */
export const QUIET_MS = 1000;

/** Offset just past the empty line ending the head (`\r\n\r\n`, or `\n\n` read leniently), or -1. */
export function headEnd(data: Buffer): number {
  const crlf = data.indexOf('\r\n\r\n');
  const lf = data.indexOf('\n\n');
  const ends = [crlf < 0 ? -1 : crlf + 4, lf < 0 ? -1 : lf + 2].filter((n) => n >= 0);
  return ends.length === 0 ? -1 : Math.min(...ends);
}

/** Waits for the client's request on `conn`: until its head ends, the client closes, or it goes quiet. */
export async function readRequest(ctx: ClientCheckContext, conn: Connection): Promise<ReceivedRequest> {
  ctx.doing('waiting for the client to send its request');
  let seen = 0;
  let lastAt = performance.now();
  try {
    const end = await poll<RequestEnd>(
      'the request',
      ctx.within(10_000),
      ctx.signal,
      () => {
        if (conn.receivedBytes !== seen) {
          seen = conn.receivedBytes;
          lastAt = performance.now();
        }
        if (headEnd(conn.received) >= 0) return 'complete';
        if (conn.closeKind !== 'open' || conn.closed) return 'closed';
        if (seen > 0 && performance.now() - lastAt >= QUIET_MS) return 'quiet';
        return undefined;
      },
      10,
    );
    return { bytes: conn.received, end };
  } catch (err) {
    if (!(err instanceof WaitTimeout)) throw err;
    throw new CheckFailure(`the client connected but sent no request within ${formatMs(10_000)}`, {
      hint: 'right after connecting, send the request with sendall(): "GET <path> HTTP/1.1\\r\\nHost: <host>\\r\\nConnection: close\\r\\n\\r\\n".encode()',
    });
  }
}

/** A request read the forgiving way: line ends `\n` or `\r\n`, headers split at the first colon. */
export interface LenientRequest {
  requestLine: string;
  /** Request target (second word of the request line), if any. */
  target: string | undefined;
  headers: { name: string; value: string }[];
}

/** Reads the head of `bytes` without judging its syntax. */
export function readLeniently(bytes: Buffer): LenientRequest {
  const end = headEnd(bytes);
  const lines = bytes
    .subarray(0, end < 0 ? bytes.length : end)
    .toString('latin1')
    .split(/\r?\n/);
  const requestLine = lines[0] ?? '';
  const headers: { name: string; value: string }[] = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (line.trim() === '' || colon < 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return { requestLine, target: requestLine.split(/\s+/)[1], headers };
}
