/** Client checks of C1 `file-copy`: the client sends the file it is given, unchanged, and ends the transfer as its variant says. */
import { writeFile } from 'node:fs/promises';
import { defineClientCheck, type ClientCheck } from '../../harness/authoring.js';
import type { ClientCheckContext } from '../../harness/authoring.js';
import type { TcpPeer } from '../../harness/authoring.js';
import type { Program } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { str } from '../../harness/authoring.js';
import { describeSize } from '../../harness/authoring.js';
import { findCrash } from '../../harness/authoring.js';
import { formatMs } from '../../harness/authoring.js';
import { robustNoServerCheck } from '../shared/robust.js';
import { describeFrames, readBody } from '../shared/files-body.js';
import { compareFiles, fingerprint } from '../shared/files-compare.js';
import { inWorkDir } from '../shared/files-wait.js';
import { basename } from 'node:path';
import { escapeBytes } from '../../harness/authoring.js';
import { caseNotApplicable, FILE_CASES, nameFirst, nameLine, variantOf, type FileCase } from './cases.js';
import { copyWait, lastLine } from './server-transfer.js';

/** `; the client printed a Python traceback (…)`, or nothing. */
function crashNote(program: Program): string {
  const crash = findCrash(program.outputText());
  return crash ? `\n(the client printed a ${crash.name}${lastLine(crash.excerpt)})` : '';
}

/**
 * Under `name-first`, checks that `received` starts with the name line of `input` and returns
 * where the content starts; fails with what came instead.
 */
export function expectNameLine(received: Buffer, input: string, data: Buffer, prefix: string, crash: string): number {
  const line = nameLine(basename(input));
  if (received.length >= line.length && received.subarray(0, line.length).equals(line)) return line.length;
  const nl = received.indexOf(0x0a);
  const first = nl >= 0 ? received.subarray(0, nl + 1) : received.subarray(0, 80);
  const name = Buffer.from(basename(input));
  const why =
    received.length === 0
      ? 'nothing arrived before the client closed the connection'
      : data.length > 0 && received.subarray(0, Math.min(40, data.length)).equals(data.subarray(0, Math.min(40, received.length, data.length)))
        ? 'the content came first, with no line naming the file before it'
        : received.subarray(0, name.length).equals(name) && received[name.length] !== 0x0a
          ? received.length === name.length
            ? 'the name is not followed by "\\n", and nothing came after it'
            : `the name is not followed by "\\n" (after it came "${escapeBytes(received.subarray(name.length, name.length + 12))}")`
          : `the first line is "${escapeBytes(first, 100)}"`;
  return failName(`${prefix}what the client sent does not start with the line naming the file, "${escapeBytes(line)}": ${why}${crash}`, line, first);
}

function failName(message: string, line: Buffer, first: Buffer): never {
  throw new CheckFailure(message, {
    expected: `"${escapeBytes(line)}" first, then the content`,
    received: first.length > 0 ? `"${escapeBytes(first, 100)}"…` : 'nothing',
    hint: 'send the file\'s name (os.path.basename of the path) and "\\n" first, e.g. s.sendall((nombre + "\\n").encode()), then the content',
  });
}

/** Places `data` as the client's input file, runs the client and judges what it sends. */
async function transferFromClient(ctx: ClientCheckContext, peer: TcpPeer, index: number, data: Buffer, prefix: string): Promise<void> {
  const input = str(ctx.params, 'input');
  await writeFile(inWorkDir(ctx, input), data);
  const program = ctx.launchClient({ message: input, placeholders: { file: input } });
  ctx.doing(`waiting for the client to connect to ${ctx.offered.host}:${ctx.offered.port}`);
  const conn = await peer.connection(index, ctx.within(10_000), ctx.signal, () => !program.running);
  if (!conn) {
    throw new CheckFailure(
      `${prefix}${program.exit ? `the client exited before connecting to sockgrade's server at ${ctx.offered.host}:${ctx.offered.port}` : `the client did not connect to sockgrade's server at ${ctx.offered.host}:${ctx.offered.port} within ${formatMs(10_000)}`}${crashNote(program)}`,
      { hint: `the file to send is ${input} in the client's working folder (also given as {file} in the command, and typed at a prompt that asks for it); connect to {host} {port}, HOST/PORT, or pass --port N if the client hard-codes its port` },
    );
  }
  const ms = copyWait(data.length);
  const what = 'what the client sent';
  if (variantOf(ctx.params) === 'lines') {
    ctx.doing(`waiting for the client to send ${describeSize(data.length)} and close the connection`);
    const closed = await conn.waitForClose(ctx.within(ms), ctx.signal);
    const from = nameFirst(ctx.params) ? expectNameLine(conn.received, input, data, prefix, crashNote(program)) : 0;
    const mismatch = compareFiles(data, conn.received.subarray(from), { what });
    if (closed === 'open') {
      throw new CheckFailure(`${prefix}the client did not close the connection within ${formatMs(ms)}${mismatch ? `, and ${mismatch.message}` : ', although the whole file had arrived'}: in the lines variant, closing the connection is how the server learns that the file is complete`, {
        expected: fingerprint(data),
        received: mismatch?.received ?? fingerprint(conn.received.subarray(from)),
        hint: 'after sending the last line, close the socket (s.close(), or leave the with block)',
      });
    }
    if (mismatch) throw new CheckFailure(`${prefix}${mismatch.message}${crashNote(program)}`, { expected: mismatch.expected, received: mismatch.received, hint: mismatch.hint });
    return;
  }
  let from = 0;
  if (nameFirst(ctx.params)) {
    ctx.doing('waiting for the line naming the file');
    await conn.waitForBytes(nameLine(basename(input)).length, ctx.within(ms), ctx.signal);
    from = expectNameLine(conn.received, input, data, prefix, crashNote(program));
  }
  ctx.doing(`waiting for the client to send ${describeSize(data.length)} as frames`);
  const r = await readBody(conn, from, ctx.within(ms), ctx.signal);
  if (r.kind === 'malformed') {
    throw new CheckFailure(`${prefix}after ${describeFrames(r.frames)}, ${r.problem}${crashNote(program)}`, {
      expected: `${fingerprint(data)} as frames of 999999 bytes and a last shorter one, each "NNNNNN:" + payload`,
      received: `${describeSize(conn.receivedBytes)} on the connection`,
      hint: 'frame the bytes of the file: f"{len(trozo):06d}:".encode() + trozo, with trozos of 999999 bytes and a last shorter one (possibly empty)',
    });
  }
  if (r.kind === 'incomplete') {
    const mismatch = compareFiles(data, r.partial, { what });
    const how = r.ended ? `the client closed the connection while sockgrade waited for ${r.waitingFor}` : `nothing more arrived within ${formatMs(ms)} while sockgrade waited for ${r.waitingFor}`;
    throw new CheckFailure(`${prefix}${how}, after ${describeFrames(r.frames)}${mismatch ? `; ${mismatch.message}` : ''}${crashNote(program)}`, {
      expected: fingerprint(data),
      received: mismatch?.received ?? fingerprint(r.partial),
      hint: 'send the whole body with sendall(): every frame with its full payload, and a last frame shorter than 999999 bytes (000000: when the file size is a multiple of 999999)',
    });
  }
  const mismatch = compareFiles(data, r.body, { what: `the body the client sent (${describeFrames(r.frames)})` });
  if (mismatch) throw new CheckFailure(`${prefix}${mismatch.message}${crashNote(program)}`, { expected: mismatch.expected, received: mismatch.received, hint: mismatch.hint });
}

function clientCheck(c: FileCase): ClientCheck {
  const na = caseNotApplicable(c);
  return defineClientCheck({
    id: c.id,
    title: `sends ${c.subject} unchanged`,
    weight: c.weight,
    budgetMs: c.budgetMs + 10_000,
    hint: c.hint,
    ...(na ? { notApplicable: na } : {}),
    async run(ctx) {
      const files = c.files(ctx.rng);
      const peer = await ctx.tcpPeer();
      for (const [i, data] of files.entries()) {
        await transferFromClient(ctx, peer, i, data, files.length > 1 ? `run ${i + 1} of ${files.length}: ` : '');
      }
    },
  });
}

/** `robust.no-server`, with the input file in place so that the missing server is the only problem. */
function noServerCheck(): ClientCheck {
  return robustNoServerCheck({
    giveUpMs: 10_000,
    transport: 'tcp',
    message: () => 'fichero.txt',
    async prepare(ctx) {
      const input = str(ctx.params, 'input');
      await writeFile(inWorkDir(ctx, input), 'Una linea\n');
      return { message: input, placeholders: { file: input } };
    },
  });
}

export const fileCopyClientChecks: readonly ClientCheck[] = [...FILE_CASES.map(clientCheck), noServerCheck()];
