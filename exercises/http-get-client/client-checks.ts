/**
 * Checks of D2 `http-get-client`. sockgrade plays the web server on loopback with a path and
 * bodies of its own choosing, so only a client that sends a real request and reads the whole
 * response passes.
 */
import { WEB_HOST } from './course-address.js';
import { defineClientCheck, type ClientCheck } from '../../harness/model/check.js';
import type { ClientCheckContext } from '../../harness/engine/context.js';
import type { Connection } from '../../harness/net/connection.js';
import { robustNoServerCheck } from '../shared/robust.js';
import { parseWithNode } from './node-parser.js';
import { readLeniently } from './request.js';
import { exitWithin, serve, startExchange, type Exchange } from './exchange.js';
import { expectHostHeader, expectParsed, expectRequestLine } from './judge-request.js';
import { expectPrinted } from './printed.js';
import { BODY_CASES, bodyText, buildResponse, describeCase, randomPath, sliceSizes } from './response.js';


/** Seconds a client has to print and end after the server closed the connection. */
const EXIT_MS = 15_000;

/** Runs the client once, answers with a short page, and returns the exchange. */
async function shortExchange(ctx: ClientCheckContext, path: string): Promise<Exchange> {
  const peer = await ctx.tcpPeer();
  const ex = await startExchange(ctx, peer, 0, path);
  const page = buildResponse(ex.paths.includes(readLeniently(ex.request.bytes).target ?? '') ? 200 : 404, Buffer.from('Hola desde el servidor web de sockgrade\n'), true);
  await serve(ctx, ex.conn, page, [page.length], 0);
  return ex;
}

/**
 * Names a Host header may give for `conn`: those the client looked up (sockgrade's DNS answers
 * every name in a hermetic run), the address offered, the course's host, and `localhost` for a
 * loopback connection.
 */
function hostNames(ctx: ClientCheckContext, conn: Connection): string[] {
  const local = conn.socket.localAddress ?? '';
  const loopback = /^(::ffff:)?127\.|^::1$/.test(local);
  return [...new Set([...ctx.resolvedNames(), ctx.offered.host, WEB_HOST, ...(loopback ? ['localhost'] : [])])];
}

export const httpClientChecks: readonly ClientCheck[] = [
  defineClientCheck({
    id: 'http.request-well-formed',
    title: 'sends "GET <path> HTTP/1.1" with Connection: close, accepted by a real HTTP parser',
    weight: 1,
    budgetMs: 25_000,
    hint: 'send exactly "GET <path> HTTP/1.1\\r\\nHost: <host>\\r\\nConnection: close\\r\\n\\r\\n" with the path you were given',
    async run(ctx) {
      const { request, paths } = await shortExchange(ctx, randomPath(ctx.rng));
      ctx.doing('parsing the request with an HTTP parser');
      const parsed = expectParsed(request, await parseWithNode(request.bytes, ctx.within(5000), ctx.signal));
      expectRequestLine(parsed, paths, request.bytes);
    },
  }),
  defineClientCheck({
    id: 'http.host-header',
    title: 'sends one Host header naming the server it connects to',
    weight: 1,
    budgetMs: 25_000,
    async run(ctx) {
      const { request, conn } = await shortExchange(ctx, randomPath(ctx.rng));
      expectHostHeader(readLeniently(request.bytes), request.bytes, hostNames(ctx, conn), conn.socket.localPort ?? ctx.offered.port);
    },
  }),
  defineClientCheck({
    id: 'http.full-body',
    title: 'prints the whole response byte for byte: bodies of 0, 1023, 1025 bytes and about 1 MiB, in slow slices, with and without Content-Length',
    weight: 2,
    budgetMs: 120_000,
    hint: 'loop on recv() until it returns b"" and join the pieces; one recv(1024) gets at most one slice of the response',
    async run(ctx) {
      const peer = await ctx.tcpPeer();
      for (const [index, c] of BODY_CASES.entries()) {
        const path = randomPath(ctx.rng);
        const ex = await startExchange(ctx, peer, index, path);
        const response = buildResponse(ex.paths.includes(readLeniently(ex.request.bytes).target ?? '') ? 200 : 404, bodyText(ctx.rng, c.size), c.contentLength);
        const sent = await serve(ctx, ex.conn, response, sliceSizes(ctx.rng, response, c.slices.min, c.slices.max), c.slices.delayMs);
        ctx.doing(`waiting for the client to print the response with the ${describeCase(c)} and end`);
        const exit = await exitWithin(ctx, ex.program, EXIT_MS);
        expectPrinted(ex.program, { what: describeCase(c), response, sent, exit, waitedMs: EXIT_MS });
      }
    },
  }),
  robustNoServerCheck({
    transport: 'tcp',
    giveUpMs: 10_000,
    message: randomPath,
    prepare: async (ctx) => {
      const path = randomPath(ctx.rng);
      return { message: path, placeholders: { path } };
    },
    names: { program: 'client', peer: 'web server' },
  }),
];
