/**
 * Server checks of D2: a minimal HTTP/1.1 server that serves the files of its folder, judged by a
 * real HTTP client (Node's parser, see parse-response.ts). Each defect is one check: a wrong
 * body, a missing 404, no Content-Length, no `Connection: close`, bare LF line ends, a path that
 * leads out of the folder.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { defineServerCheck, type ServerCheck } from '../../harness/model/check.js';
import type { ServerCheckContext } from '../../harness/engine/context.js';
import type { Connection } from '../../harness/net/connection.js';
import { CheckFailure } from '../../harness/model/failure.js';
import { describeMismatch, describeSize, escapeBytes } from '../../harness/diagnose/bytes.js';
import { formatMs } from '../../harness/util/deadline.js';
import { robustServerChecks } from '../shared/robust.js';
import { declaredLength, headOf, parseResponse, type ResponseVerdict } from './parse-response.js';

const RESPONSE_WAIT_MS = 5000;
const QUIET_MS = 400;

/** A GET request as browsers and `curl` send it, every line ending in CRLF. */
export function getRequest(path: string, host: string, port: number): Buffer {
  return Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUser-Agent: sockgrade\r\nAccept: */*\r\nConnection: close\r\n\r\n`);
}

/** A page of UTF-8 text of about `size` bytes, unique to the run. */
function page(ctx: ServerCheckContext, size: number): Buffer {
  const lines = [`<html><head><meta charset="utf-8"><title>Página ${ctx.rng.word(6)}</title></head><body>`];
  let n = lines[0]!.length;
  while (n < size) {
    const line = `<p>Línea ${lines.length}: ${ctx.rng.word(ctx.rng.int(8, 40))} ñandú café</p>`;
    lines.push(line);
    n += Buffer.byteLength(line) + 1;
  }
  lines.push('</body></html>');
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** Places a page in the server's folder; returns its name and bytes. */
async function placePage(ctx: ServerCheckContext, size: number): Promise<{ name: string; body: Buffer }> {
  const name = `pagina-${ctx.rng.word(8).toLowerCase()}.html`;
  const body = page(ctx, size);
  await writeFile(join(ctx.workDir, name), body);
  return { name, body };
}

/** Sends a GET for `path` and takes the response: until the server closes, or goes quiet once the head and its Content-Length have arrived. */
async function fetchRaw(ctx: ServerCheckContext, path: string, label?: string): Promise<{ conn: Connection; raw: Buffer }> {
  const conn = await ctx.connect(label);
  await conn.send(getRequest(path, ctx.server.host, ctx.server.port));
  ctx.doing(`waiting for the response to GET ${path}`);
  if (!(await conn.waitForBytes(1, ctx.within(RESPONSE_WAIT_MS), ctx.signal))) {
    ctx.assertServerAlive(`after GET ${path}`);
    throw new CheckFailure(`no response to GET ${path} within ${formatMs(RESPONSE_WAIT_MS)}${conn.closeKind !== 'open' ? ' (the server closed the connection without answering)' : ''}`, {
      expected: 'a response: "HTTP/1.1 200 OK\\r\\n", headers, an empty line, the file',
      received: 'nothing',
      hint: 'read the request with recv(), take the path from its first line (peticion.split()[1]) and answer with sendall()',
    });
  }
  const until = performance.now() + RESPONSE_WAIT_MS;
  for (;;) {
    await conn.waitForQuiet(QUIET_MS, ctx.within(until - performance.now()), ctx.signal);
    const raw = conn.received;
    const head = headOf(raw);
    const need = head && declaredLength(head);
    if (conn.closeKind !== 'open' || performance.now() >= until || (head && (need === undefined || raw.length >= head.length + need))) break;
  }
  return { conn, raw: conn.received };
}

/** Parses leniently and fails when even a tolerant client cannot read the response. */
async function readable(ctx: ServerCheckContext, raw: Buffer, path: string): Promise<Extract<ResponseVerdict, { ok: true }>> {
  const v = await parseResponse(raw, false, ctx.within(3000), ctx.signal);
  if (v.ok) return v;
  throw new CheckFailure(`the response to GET ${path} is not a response an HTTP client can read (${v.code}: ${v.reason})`, {
    expected: '"HTTP/1.1 200 OK\\r\\nContent-Length: N\\r\\nConnection: close\\r\\n\\r\\n" then the file',
    received: `"${escapeBytes(raw, 200)}"`,
    hint: 'the first line is "HTTP/1.1 <code> <reason>", then one "Name: value" header per line, then an empty line, then the body',
  });
}

/** Fetches a fresh page and returns what a client read. */
async function fetchPage(ctx: ServerCheckContext, size: number): Promise<{ conn: Connection; raw: Buffer; body: Buffer; path: string; v: Extract<ResponseVerdict, { ok: true }> }> {
  const { name, body } = await placePage(ctx, size);
  const path = `/${name}`;
  const { conn, raw } = await fetchRaw(ctx, path);
  return { conn, raw, body, path, v: await readable(ctx, raw, path) };
}

/** The canary folder beside the server's folder, with a secret file; removed when the check ends. */
async function makeOutside(ctx: ServerCheckContext): Promise<{ dirName: string; dir: string; secret: Buffer }> {
  const dir = await mkdtemp(join(dirname(ctx.workDir), `${basename(ctx.workDir)}-fuera-`));
  ctx.own(undefined, () => rm(dir, { recursive: true, force: true }));
  const secret = Buffer.from(`secreto ${ctx.rng.word(24)}\n`);
  await writeFile(join(dir, 'secreto.txt'), secret, { mode: 0o644 });
  // The server may run as a uid of its own: a buggy one must be able to read the canary to be caught serving it.
  await chmod(dir, 0o755);
  return { dirName: basename(dir), dir, secret };
}

/** The D2 server checks. */
export const httpServerChecks: readonly ServerCheck[] = [
  defineServerCheck({
    id: 'http.server-get-file',
    title: 'answers GET /<file> with status 200 and the file, byte for byte',
    weight: 2,
    budgetMs: 15_000,
    hint: "open the file in binary mode (open(nombre, 'rb').read()), send the head, then the whole content with sendall()",
    async run(ctx) {
      const { body, path, v } = await fetchPage(ctx, ctx.rng.int(20_000, 60_000));
      if (v.status !== 200) {
        throw new CheckFailure(`GET ${path} of a file that is in the server's folder got status ${v.status}`, { expected: 'status 200', received: `status ${v.status}` });
      }
      if (!v.body.equals(body)) {
        throw new CheckFailure(`the body of the response to GET ${path} is not the file (${describeSize(body.length)})\n${describeMismatch(body, v.body)}`, {
          expected: `${describeSize(body.length)}: "${escapeBytes(body, 120)}"`,
          received: `${describeSize(v.body.length)}: "${escapeBytes(v.body, 120)}"`,
        });
      }
    },
  }),
  defineServerCheck({
    id: 'http.server-not-found',
    title: 'answers GET of a file that does not exist with status 404, and keeps serving',
    weight: 1,
    budgetMs: 15_000,
    hint: 'catch FileNotFoundError (or check os.path.isfile) and answer "HTTP/1.1 404 Not Found\\r\\n" with a short body',
    async run(ctx) {
      const path = `/no-existe-${ctx.rng.word(8).toLowerCase()}.html`;
      const { raw } = await fetchRaw(ctx, path);
      const v = await readable(ctx, raw, path);
      if (v.status !== 404) throw new CheckFailure(`GET ${path}, a file that does not exist, got status ${v.status}`, { expected: 'status 404', received: `status ${v.status}` });
      ctx.assertServerAlive(`after GET ${path}`);
      const again = await fetchPage(ctx, 2000);
      if (again.v.status !== 200) throw new CheckFailure(`after a 404, GET ${again.path} of an existing file got status ${again.v.status}`, { expected: 'status 200', received: `status ${again.v.status}` });
    },
  }),
  defineServerCheck({
    id: 'http.server-content-length',
    title: 'sends a Content-Length header equal to the size of the body it sends',
    weight: 1,
    budgetMs: 15_000,
    hint: 'Content-Length is the size in bytes (len(contenido) of the bytes read, or os.path.getsize), not the number of characters',
    async run(ctx) {
      const { body, path, v, raw } = await fetchPage(ctx, ctx.rng.int(3000, 9000));
      const cl = v.headers['content-length'];
      const sent = raw.length - (headOf(raw)?.length ?? raw.length);
      if (cl === undefined) {
        throw new CheckFailure(`the response to GET ${path} has no Content-Length header: a client cannot tell a complete file from a cut one`, {
          expected: `Content-Length: ${sent > 0 ? sent : body.length}`,
          received: `headers: ${Object.keys(v.headers).join(', ') || '(none)'}`,
        });
      }
      if (Number(cl) !== sent) {
        throw new CheckFailure(`the response to GET ${path} declares Content-Length: ${cl}, but its body has ${sent} bytes`, { expected: `Content-Length: ${sent}`, received: `Content-Length: ${cl}` });
      }
    },
  }),
  defineServerCheck({
    id: 'http.server-connection-close',
    title: 'says "Connection: close" and closes the connection after the response',
    weight: 1,
    budgetMs: 15_000,
    hint: 'add the header "Connection: close" and close the client socket after sendall() of the body',
    async run(ctx) {
      const { conn, path, v } = await fetchPage(ctx, 1500);
      const header = v.headers['connection'];
      if (header?.toLowerCase() !== 'close') {
        throw new CheckFailure(`the response to GET ${path} has ${header === undefined ? 'no Connection header' : `"Connection: ${header}"`}`, { expected: 'Connection: close', received: header === undefined ? '(none)' : `Connection: ${header}` });
      }
      ctx.doing('waiting for the server to close the connection after the response');
      if ((await conn.waitForClose(ctx.within(2000), ctx.signal)) === 'open') {
        throw new CheckFailure(`the server sent the response to GET ${path} but did not close the connection within ${formatMs(2000)}`, { expected: 'the connection closed after the body', received: 'still open' });
      }
    },
  }),
  defineServerCheck({
    id: 'http.server-crlf',
    title: 'ends the status line and every header line with \\r\\n, as a strict HTTP client requires',
    weight: 1,
    budgetMs: 15_000,
    hint: 'write "\\r\\n" (not "\\n") after the status line and after each header, and "\\r\\n" alone for the empty line',
    async run(ctx) {
      const { raw, path } = await fetchPage(ctx, 800);
      const strict = await parseResponse(raw, true, ctx.within(3000), ctx.signal);
      if (strict.ok) return;
      const head = headOf(raw) ?? raw.subarray(0, 200);
      const bare = head.findIndex((b, i) => b === 0x0a && head[i - 1] !== 0x0d);
      throw new CheckFailure(
        bare >= 0
          ? `the head of the response to GET ${path} ends a line with a bare \\n at byte ${bare}: a strict HTTP client refuses it (${strict.code})`
          : `a strict HTTP client refuses the response to GET ${path} (${strict.code}: ${strict.reason})`,
        { expected: '"HTTP/1.1 200 OK\\r\\n" … "\\r\\n\\r\\n"', received: `"${escapeBytes(head, 200)}"` },
      );
    },
  }),
  defineServerCheck({
    id: 'http.server-path-traversal',
    title: 'never serves a file outside its folder (../, absolute paths)',
    weight: 2,
    budgetMs: 20_000,
    hint: 'resolve the path inside your folder and refuse it unless it stays there: ruta = os.path.realpath(os.path.join(base, nombre)); if os.path.commonpath([base, ruta]) != base: answer 403 or 404',
    async run(ctx) {
      const o = await makeOutside(ctx);
      const attempts = [`/../${o.dirName}/secreto.txt`, `/./../${o.dirName}/secreto.txt`, `/${join(o.dir, 'secreto.txt')}`];
      for (const [i, path] of attempts.entries()) {
        const { raw } = await fetchRaw(ctx, path, `client ${i + 1}`).catch((err: unknown) => {
          if (err instanceof CheckFailure) return { raw: Buffer.alloc(0) };
          throw err;
        });
        if (raw.includes(o.secret)) {
          throw new CheckFailure(`GET ${path} served a file outside the server's folder (${join(o.dir, 'secreto.txt')})`, {
            expected: 'status 403 or 404, and nothing from outside the folder',
            received: `"${escapeBytes(raw, 200)}"`,
          });
        }
      }
      ctx.assertServerAlive('after requests for paths outside its folder');
    },
  }),
  ...robustServerChecks({
    transport: 'tcp',
    session: async (ctx) => {
      await fetchPage(ctx, 1000);
    },
    sample: () => getRequest('/index.html', '127.0.0.1', 80),
  }),
];
