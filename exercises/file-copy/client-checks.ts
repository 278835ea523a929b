/** Client checks of C1 `file-copy`: the client sends the file it is given, unchanged, and ends the transfer as its variant says. */
import { writeFile } from 'node:fs/promises';
import { defineClientCheck, type ClientCheck } from '../../harness/authoring.js';
import type { ClientCheckContext } from '../../harness/authoring.js';
import type { TcpPeer, UdpPeer } from '../../harness/authoring.js';
import { pause } from '../../harness/authoring.js';
import { udpQueueOf } from '../../harness/net/socket-table.js';
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
import { caseNotApplicable, FILE_CASES, nameFirst, nameLine, transportOf, variantOf, type FileCase } from './cases.js';
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

/** Datagrams dropped so far by the sockets of sockgrade's UDP server, for want of room. */
function peerDrops(peer: UdpPeer): number {
  return peer.ports.reduce((n, port) => n + (udpQueueOf(port)?.drops ?? 0), 0);
}

/** `the file in 12 datagrams of 1 to 1024 bytes` (not starting with a number, so that a catalogue placeholder translates it). */
function describeDatagrams(sizes: readonly number[]): string {
  if (sizes.length === 0) return 'no datagram of the file';
  const [lo, hi] = [Math.min(...sizes), Math.max(...sizes)];
  return `the file in ${sizes.length} datagram${sizes.length === 1 ? '' : 's'} of ${lo === hi ? `${lo}` : `${lo} to ${hi}`} bytes`;
}

/**
 * Waits until `test` holds, the client exited and `graceMs` passed with no new datagram, or `ms`
 * ran out; returns whether `test` held.
 */
async function waitDatagrams(ctx: ClientCheckContext, peer: UdpPeer, program: Program, ms: number, graceMs: number, test: () => boolean): Promise<boolean> {
  const until = performance.now() + ms;
  let count = peer.datagrams.length;
  let quietSince = performance.now();
  while (!test()) {
    const now = performance.now();
    if (peer.datagrams.length !== count) [count, quietSince] = [peer.datagrams.length, now];
    if (now >= until || (!program.running && now - quietSince >= graceMs)) return false;
    await pause(20, ctx.signal);
  }
  return true;
}

/**
 * Over UDP: places `data` as the client's input file, runs the client and judges the datagrams
 * it sends from index `start` on (the name line alone first under `name-first`, then the file,
 * then an empty datagram). Returns the index after the empty datagram.
 */
async function datagramsFromClient(ctx: ClientCheckContext, peer: UdpPeer, start: number, data: Buffer, prefix: string): Promise<number> {
  const input = str(ctx.params, 'input');
  await writeFile(inWorkDir(ctx, input), data);
  const dropsBefore = peerDrops(peer);
  const program = ctx.launchClient({ message: input, placeholders: { file: input } });
  const where = `${ctx.offered.host}:${ctx.offered.port}`;
  ctx.doing(`waiting for the client's first datagram on ${where}`);
  if (!(await waitDatagrams(ctx, peer, program, 10_000, 300, () => peer.datagrams.length > start))) {
    throw new CheckFailure(`${prefix}${program.exit ? `the client exited without sending any datagram to sockgrade's server at ${where}` : `no datagram from the client reached sockgrade's server at ${where} within ${formatMs(10_000)}`}${crashNote(program)}`, {
      hint: data.length === 0 && program.exit ? 'an empty file still ends with the empty datagram: send it (s.sendto(b"", destino)) even when the file has no bytes' : `the file to send is ${input} in the client's working folder (also given as {file} in the command, and typed at a prompt that asks for it); send to {host} {port}, HOST/PORT, or pass --port N if the client hard-codes its port`,
    });
  }
  const ms = copyWait(data.length);
  ctx.doing(`waiting for the client to send ${describeSize(data.length)} as datagrams, then the empty datagram that ends it`);
  const emptyAt = (): number => peer.datagrams.findIndex((d, i) => i >= start && d.data.length === 0);
  await waitDatagrams(ctx, peer, program, ms, 500, () => emptyAt() >= 0);
  const end = emptyAt();
  const got = peer.datagrams.slice(start, end >= 0 ? end : peer.datagrams.length).map((d) => d.data);
  let from = 0;
  if (nameFirst(ctx.params)) {
    const name = Buffer.from(basename(input));
    const first = got[0] ?? Buffer.alloc(0);
    const line = nameLine(basename(input));
    if (!first.equals(name) && !first.equals(line) && !first.equals(Buffer.concat([name, Buffer.from('\r\n')]))) {
      if (first.length > line.length && first.subarray(0, line.length).equals(line)) {
        throw new CheckFailure(`${prefix}the client's first datagram holds the name line "${escapeBytes(line)}" and then ${describeSize(first.length - line.length)} of the file: over UDP the name line goes alone in the first datagram${crashNote(program)}`, {
          expected: `"${escapeBytes(line)}" alone in the first datagram`,
          received: `"${escapeBytes(first, 100)}"…`,
          hint: 'send the name in a datagram of its own, s.sendto((nombre + "\\n").encode(), destino), then the file in further datagrams',
        });
      }
      expectNameLine(Buffer.concat(got), input, data, prefix, crashNote(program));
      failName(`${prefix}the client's first datagram is not the name of the file "${escapeBytes(name)}"${crashNote(program)}`, line, first);
    }
    from = 1;
  }
  const body = Buffer.concat(got.slice(from));
  const sent = describeDatagrams(got.slice(from).map((d) => d.length));
  const mismatch = compareFiles(data, body, { what: `what the client sent (${sent})` });
  const dropped = peerDrops(peer) - dropsBefore;
  if (mismatch && dropped > 0) throw new Error(`sockgrade's own UDP socket dropped ${dropped} of the client's datagrams for want of room (the machine is too busy to keep up): grade again`);
  if (end < 0) {
    throw new CheckFailure(
      `${prefix}${program.running ? `the client was still running ${formatMs(ms)} later` : 'the client exited'} without sending the empty datagram that ends the file, after ${sent} (${describeSize(body.length)})${mismatch ? `; ${mismatch.message}` : ', although the whole file had arrived'}${crashNote(program)}`,
      {
        expected: `${fingerprint(data)}, then an empty datagram`,
        // A mismatch's own text is translated whole: nothing is appended to it.
        received: mismatch?.received ?? `${fingerprint(body)}, and no empty datagram`,
        hint: 'after the last piece of the file send one empty datagram, s.sendto(b"", destino): over UDP nothing else tells the server that the file is complete',
      },
    );
  }
  if (mismatch) throw new CheckFailure(`${prefix}${mismatch.message}${crashNote(program)}`, { expected: mismatch.expected, received: mismatch.received, hint: mismatch.hint });
  return end + 1;
}

function clientCheck(c: FileCase): ClientCheck {
  const na = caseNotApplicable(c, 'client');
  return defineClientCheck({
    id: c.id,
    title: `sends ${c.subject} unchanged`,
    weight: c.weight,
    budgetMs: c.budgetMs + 10_000,
    hint: c.hint,
    ...(na ? { notApplicable: na } : {}),
    async run(ctx) {
      const files = c.files(ctx.rng);
      if (transportOf(ctx.params) === 'udp') {
        const peer = await ctx.udpPeer();
        peer.receiveBuffer(4 * 1024 * 1024);
        let next = 0;
        for (const [i, data] of files.entries()) next = await datagramsFromClient(ctx, peer, next, data, files.length > 1 ? `run ${i + 1} of ${files.length}: ` : '');
        return;
      }
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

export const fileCopyClientChecks: readonly ClientCheck[] = [
  ...FILE_CASES.map(clientCheck),
  { ...noServerCheck(), notApplicable: (p) => (transportOf(p) === 'udp' ? 'over UDP a client cannot learn that no server listens (nothing answers its datagrams), so it is not asked to report it (--param transport=udp)' : undefined) },
];
