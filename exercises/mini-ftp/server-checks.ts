/** Server checks of C2 `mini-ftp`: listing, downloads of every kind and size, uploads, errors, names with spaces, exit. */
import { readdir, writeFile } from 'node:fs/promises';
import { defineServerCheck, type ServerCheck } from '../../harness/authoring.js';
import type { ServerCheckContext } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { describeSize, escapeBytes } from '../../harness/authoring.js';
import { formatMs } from '../../harness/authoring.js';
import type { Rng } from '../../harness/authoring.js';
import { describeFrames, FULL_FRAME, type BodyRead } from '../shared/files-body.js';
import { compareFiles } from '../shared/files-compare.js';
import { ACCENTED_WORDS, PLAIN_WORDS, binaryFile, largeText, plainText, textFile } from '../shared/files-generate.js';
import { inWorkDir, settleFile } from '../shared/files-wait.js';
import { FtpSession, says, transportOf } from './protocol.js';
import { pathTraversalCheck } from './traversal.js';

const MiB = 1024 * 1024;
const HINT_PUT = 'read the command line up to its "\\n" and keep whatever came after it: the frames of the content follow in the same stream, and one recv() may return the command and the start of the content together (conn.makefile("rb") does the bookkeeping)';

/** UTF-8 text with accents, a multi-byte character across every multiple of 1024, no final newline. */
export function accentedText(rng: Rng, size: number): Buffer {
  return textFile(rng, { size, words: PLAIN_WORDS, sprinkle: { words: ACCENTED_WORDS, every: 2 }, lineBytes: [0, 100], trailingNewline: false, straddle: [1024] });
}

/** Places a file in the server's working folder. */
async function place(ctx: ServerCheckContext, name: string, content: Buffer | string): Promise<void> {
  await writeFile(inWorkDir(ctx, name), content);
}

/** Asks for `name` and expects exactly `content` back. */
async function expectGet(ctx: ServerCheckContext, s: FtpSession, name: string, content: Buffer, ms: number, hint: string): Promise<void> {
  const cmd = `${s.words.get} ${name}`;
  const r = await s.command(cmd, ms);
  if (r.kind !== 'body') throw s.failure(`"${cmd}"`, r, ms, hint);
  if (says(r.body, s.words.missing)) {
    throw new CheckFailure(`the server answered "${s.words.missing}" to "${cmd}", but ${name} is in its working folder`, {
      hint: 'the name is everything after the command word and one space, up to the end of the line (spaces included); look for it in the folder the server runs in',
    });
  }
  const mismatch = compareFiles(content, r.body, { what: `the file in the reply to "${cmd}" (${describeFrames(r.frames)})` });
  if (mismatch) throw new CheckFailure(mismatch.message, { expected: mismatch.expected, received: mismatch.received, hint: `${mismatch.hint}; ${hint}` });
  ctx.doing(`received ${name}`);
}

/** After a put of `name`, the file holds `content` and the reply says so. */
async function expectStored(ctx: ServerCheckContext, s: FtpSession, name: string, content: Buffer, r: BodyRead, before: Set<string>, ms: number): Promise<void> {
  const cmd = `${s.words.put} ${name}`;
  const path = inWorkDir(ctx, name);
  if (r.kind !== 'body') {
    const failure = s.failure(`"${cmd}" and the frames of its content`, r, ms, HINT_PUT);
    throw new CheckFailure(`${failure.message}${await newFiles(ctx, before, name)}`, failure.details);
  }
  const { content: saved } = await settleFile(ctx, path, { ended: () => true, expectedSize: content.length, settleMs: 100, ms: 3000 });
  const mismatch = compareFiles(content, saved, { what: `${name} in the server's working folder after "${cmd}"` });
  if (mismatch) {
    throw new CheckFailure(`${mismatch.message}${saved === undefined ? await newFiles(ctx, before, name) : ''}`, { expected: mismatch.expected, received: mismatch.received, hint: saved === undefined ? HINT_PUT : mismatch.hint });
  }
  if (!says(r.body, s.words.stored)) {
    throw new CheckFailure(`the server saved ${name}, but answered "${escapeBytes(r.body, 80)}" instead of "${s.words.stored}"`, { hint: `answer a put with the framed text "${s.words.stored}" once the file is saved (--param put-reply=... if your statement says otherwise)` });
  }
}

/** `; new files in its folder: "a", "b"` — what the server created instead of `name`. */
async function newFiles(ctx: ServerCheckContext, before: Set<string>, name: string): Promise<string> {
  const now = await readdir(ctx.workDir).catch(() => [] as string[]);
  const added = now.filter((f) => !before.has(f) && f !== name);
  return added.length > 0 ? `\n(the server created ${added.map((f) => `"${escapeBytes(f, 80)}"`).join(', ')} instead of "${name}": the name it used is not the one in the command line)` : '';
}

async function listing(ctx: ServerCheckContext): Promise<Set<string>> {
  return new Set(await readdir(ctx.workDir).catch(() => [] as string[]));
}

export const ftpServerChecks: readonly ServerCheck[] = [
  defineServerCheck({
    id: 'ftp.list',
    title: 'lists every file of its working folder, one name per line, in a framed reply of more than 1024 bytes',
    weight: 1,
    budgetMs: 15_000,
    hint: 'build the listing from os.listdir(".") (one name per line), frame it and send it with sendall(); never cut it to one read(1024)',
    async run(ctx) {
      const names = Array.from({ length: 60 }, (_, i) => `nota_${ctx.rng.word(8)}_${String(i).padStart(2, '0')}.txt`);
      names.push(`año_${ctx.rng.word(4)}_pingüino.txt`);
      for (const n of names) await place(ctx, n, `contenido de ${n}\n`);
      const s = await FtpSession.open(ctx, 'client');
      const body = await s.expectBody(s.words.list);
      const text = body.toString('utf8');
      const lines = new Set(text.split('\n').map((l) => l.replace(/\r$/, '')));
      const missing = names.filter((n) => !lines.has(n));
      if (missing.length === 0) return;
      const asText = missing.filter((n) => text.includes(n)).length === missing.length;
      const why = asText
        ? 'every name is in the reply, but not alone on its line: send one name per line ("\\n".join(nombres))'
        : body.length % 1024 === 0
          ? `the listing is exactly ${describeSize(body.length)}: it looks cut to one read(1024)/recv(1024)`
          : `${missing.length} of the ${names.length} names are not in it`;
      throw new CheckFailure(`the listing (${describeSize(body.length)}) does not show every file sockgrade placed in the server's folder, e.g. "${missing[0]}": ${why}`, {
        expected: `${names.length} names, one per line, among them ${names.slice(0, 3).map((n) => `"${n}"`).join(', ')} …`,
        received: `"${escapeBytes(body, 300)}"`,
      });
    },
  }),
  defineServerCheck({
    id: 'ftp.get-text',
    title: 'sends a UTF-8 text file of 20 to 40 KiB byte for byte',
    weight: 1,
    budgetMs: 15_000,
    hint: 'read the file in binary mode ("rb"), all of it, frame it and send it with sendall()',
    async run(ctx) {
      const name = `apuntes_${ctx.rng.word(6)}.txt`;
      const content = accentedText(ctx.rng, ctx.rng.int(20_000, 40_000));
      await place(ctx, name, content);
      const s = await FtpSession.open(ctx, 'client');
      await expectGet(ctx, s, name, content, 5000, 'read the whole file, not read(1024)');
    },
  }),
  defineServerCheck({
    id: 'ftp.get-binary',
    title: 'sends a binary file with every byte value unchanged',
    weight: 1,
    budgetMs: 15_000,
    hint: 'open the file with "rb" and send the bytes as they are: decoding them as text breaks binary files',
    async run(ctx) {
      const name = `imagen_${ctx.rng.word(6)}.bin`;
      // Over UDP a smaller file: a burst of datagrams with no flow control must fit in the receiver's socket buffer.
      const content = binaryFile(ctx.rng, transportOf(ctx.params) === 'udp' ? 48 * 1024 : 200 * 1024);
      await place(ctx, name, content);
      const s = await FtpSession.open(ctx, 'client');
      await expectGet(ctx, s, name, content, 5000, 'open the file with "rb", never decode it');
    },
  }),
  defineServerCheck({
    id: 'ftp.get-large',
    title: 'sends a 5 MiB file as frames of 999999 bytes and a last shorter one',
    weight: 1,
    budgetMs: 30_000,
    hint: 'a reply over 999999 bytes is several frames: cut the content in pieces of 999999 bytes, frame each, and end with a shorter frame (000000: when the size is a multiple of 999999)',
    notApplicable: (p) => (transportOf(p) === 'udp' ? 'over UDP (parameter transport=udp) a 5 MiB reply would be a burst of datagrams with no flow control, lost where the receiver\'s socket buffer overflows: the UDP version is graded on files of up to 48 KiB' : undefined),
    async run(ctx) {
      const name = `libro_${ctx.rng.word(6)}.txt`;
      const content = largeText(ctx.rng, 5 * MiB, [1024, FULL_FRAME]);
      await place(ctx, name, content);
      const s = await FtpSession.open(ctx, 'client');
      await expectGet(ctx, s, name, content, 15_000, 'frames of 999999 bytes then a shorter one');
    },
  }),
  defineServerCheck({
    id: 'ftp.put',
    title: 'saves uploaded files byte for byte (a text file sent with its command in one write, a 1.5 MB binary file in slices; over UDP a text file in one datagram, a 60 KB binary file in datagrams of 1 to 16 KiB)',
    weight: 1,
    budgetMs: 20_000,
    hint: HINT_PUT,
    async run(ctx) {
      const text = plainText(ctx.rng, ctx.rng.int(3000, 6000));
      const textName = `subida_${ctx.rng.word(6)}.txt`;
      const s = await FtpSession.open(ctx, 'client');
      let before = await listing(ctx);
      await expectStored(ctx, s, textName, text, await s.put(textName, text), before, 5000);
      s.close();
      const bin = binaryFile(ctx.rng, transportOf(ctx.params) === 'udp' ? 60_000 : 1_500_000);
      const binName = `subida_${ctx.rng.word(6)}.bin`;
      const sliced = await FtpSession.open(ctx, 'second client', { minBytes: 1, maxBytes: 32 * 1024, delayMs: [0, 1] });
      before = await listing(ctx);
      await expectStored(ctx, sliced, binName, bin, await sliced.put(binName, bin, 10_000), before, 10_000);
    },
  }),
  defineServerCheck({
    id: 'ftp.missing-file',
    title: 'answers a get of a missing file with the framed error text, and goes on serving that client',
    weight: 1,
    budgetMs: 10_000,
    hint: 'check that the file exists (os.path.isfile) before opening it; answer the framed error text and keep the session open',
    async run(ctx) {
      const s = await FtpSession.open(ctx, 'client');
      const cmd = `${s.words.get} no_existe_${ctx.rng.word(6)}.txt`;
      const body = await s.expectBody(cmd);
      if (!says(body, s.words.missing)) {
        throw new CheckFailure(`the reply to "${cmd}" is "${escapeBytes(body, 120)}" instead of "${s.words.missing}"`, {
          expected: `"${s.words.missing}" (framed)`,
          received: `"${escapeBytes(body, 120)}"`,
          hint: `answer exactly "${s.words.missing}", framed (--param missing-reply=... if your statement says otherwise)`,
        });
      }
      await s.expectBody(s.words.list, 5000, 'after an error, keep reading commands from the same client');
    },
  }),
  pathTraversalCheck,
  defineServerCheck({
    id: 'ftp.names-with-spaces',
    title: 'gets and puts files whose names have spaces (two in a row too)',
    weight: 1,
    budgetMs: 15_000,
    hint: 'the name is everything after the command word and one space, up to the end of the line: linea.split(" ", 1)[1], not split()[1]',
    async run(ctx) {
      const getName = `mis apuntes de redes ${ctx.rng.word(5)}.txt`;
      const content = plainText(ctx.rng, ctx.rng.int(300, 900));
      await place(ctx, getName, content);
      const s = await FtpSession.open(ctx, 'client');
      await expectGet(ctx, s, getName, content, 5000, 'keep the spaces of the name');
      const putName = `informe  final ${ctx.rng.word(5)}.txt`;
      const upload = plainText(ctx.rng, ctx.rng.int(300, 900));
      const before = await listing(ctx);
      await expectStored(ctx, s, putName, upload, await s.put(putName, upload), before, 5000);
    },
  }),
  defineServerCheck({
    id: 'ftp.exit',
    title: 'answers exit with the framed goodbye, closes that connection (TCP), and serves the next client',
    weight: 1,
    budgetMs: 10_000,
    hint: 'on exit: send the framed goodbye, close that client\'s connection (over UDP there is none: forget that client), and go back to accept() (UDP: recvfrom()) for the next client',
    async run(ctx) {
      const s = await FtpSession.open(ctx, 'client');
      const body = await s.expectBody(s.words.exit);
      if (!says(body, s.words.bye)) {
        throw new CheckFailure(`the reply to "${s.words.exit}" is "${escapeBytes(body, 120)}" instead of "${s.words.bye}"`, { hint: `answer "${s.words.bye}", framed (--param exit-reply=... if your statement says otherwise)` });
      }
      const conn = s.conn;
      if (conn) {
        ctx.doing('waiting for the server to close the connection after exit');
        if ((await conn.waitForClose(ctx.within(2000), ctx.signal)) === 'open') {
          throw new CheckFailure(`the server answered "${s.words.exit}" but did not close the connection within ${formatMs(2000)}`, { hint: 'after the goodbye, close the client\'s socket' });
        }
      }
      await ctx.server.program.waitForQuiet(100, ctx.within(1000), ctx.signal).catch(() => {});
      ctx.assertServerAlive(`after a client ended its session with "${s.words.exit}" (exit ends one client's session, not the server)`);
      // Two clients, one after the other: a server that leaves its accept loop at exit may still take the one it was already accepting.
      for (const label of ['next client', 'client after the next']) {
        const next = await FtpSession.open(ctx, label);
        await next.expectBody(next.words.list, 5000, 'after a client leaves, accept the next one');
        await next.command(next.words.exit, 2000);
        next.conn?.close();
      }
    },
  }),
];

/** A normal session for `robust.no-crash-output`: list, get, put, exit, stopping at the first reply that does not come. */
export async function ftpSession(ctx: ServerCheckContext): Promise<void> {
  const name = `hola_${ctx.rng.word(5)}.txt`;
  await place(ctx, name, 'Hola, mundo\n');
  const s = await FtpSession.open(ctx, 'client');
  const steps = [() => s.command(s.words.list, 2000), () => s.command(`${s.words.get} ${name}`, 2000), () => s.put(`copia_${name}`, Buffer.from('Adios\n'), 2000), () => s.command(s.words.exit, 2000)];
  for (const step of steps) if ((await step()).kind !== 'body') return;
}
