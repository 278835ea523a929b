/** Client checks of C2 `mini-ftp`: the client, driven through its prompt, saves what it gets byte for byte. */
import { readdir } from 'node:fs/promises';
import { defineClientCheck, type ClientCheck } from '../../harness/authoring.js';
import type { ClientCheckContext } from '../../harness/authoring.js';
import { ProgramExited, describeExit, type Program } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { describeSize, escapeBytes } from '../../harness/authoring.js';
import { findCrash, visibleText } from '../../harness/authoring.js';
import { WaitTimeout, formatMs } from '../../harness/authoring.js';
import { robustNoServerCheck } from '../shared/robust.js';
import { binaryFile } from '../shared/files-generate.js';
import { compareFiles } from '../shared/files-compare.js';
import { cpuBusyProbe, inWorkDir, settleFile } from '../shared/files-wait.js';
import { FakeFtpServer, FakeUdpFtpServer, type FtpServerPlay } from './fake-server.js';
import { transportOf, wordsOf, type FtpWords } from './protocol.js';
import { accentedText } from './server-checks.js';

/** Whether the client is blocked reading its terminal (it has finished the last command). */
function waitingForInput(program: Program): boolean {
  return program.readingTerminal() === true;
}

/** What the client printed last, with a crash named first. */
function clientState(program: Program): string {
  const out = program.outputText();
  const crash = findCrash(out);
  if (crash) return `the client printed a ${crash.name}:\n${visibleText(crash.excerpt)}`;
  const tail = out.length > 300 ? `…${out.slice(-300)}` : out;
  return `${program.exit ? `the client exited (${describeExit(program.exit)}); ` : ''}it printed: ${tail.trim() === '' ? '(nothing)' : visibleText(tail)}`;
}

/**
 * Waits for the client to send `cmd` as its `n`-th command, then for `name` to hold `content` in
 * its folder. Returns the client's output offset when the reply had been sent: its next prompt comes after.
 */
async function expectSaved(ctx: ClientCheckContext, program: Program, server: FtpServerPlay, n: number, cmd: string, name: string, content: Buffer): Promise<number> {
  ctx.doing(`waiting for the client to send "${cmd}"`);
  const served = await server.waitServed(n, ctx.within(10_000));
  const mark = program.outputLength;
  const sent = server.served[n - 1]?.line;
  if (sent !== undefined && sent !== cmd) {
    throw new CheckFailure(`"${cmd}" was typed at the client's prompt, but it sent "${escapeBytes(sent, 120)}"`, { hint: 'send the command as it was typed, as one line ending in "\\n"' });
  }
  if (!served) throw new CheckFailure(`"${cmd}" was typed at the client's prompt, but the client did not send it (as one line ending in "\\n") within ${formatMs(10_000)}`, { received: clientState(program) });
  ctx.doing(`waiting for the client to save ${describeSize(content.length)} as ${name}`);
  const busy = cpuBusyProbe(() => program.processTree());
  const { content: saved } = await settleFile(ctx, inWorkDir(ctx, name), { ended: () => !program.running || waitingForInput(program), busy, expectedSize: content.length, ms: 10_000 });
  const mismatch = compareFiles(content, saved, { what: `${name} in the client's working folder` });
  if (!mismatch) return mark;
  const files = saved === undefined ? (await readdir(ctx.workDir).catch(() => [] as string[])).map((f) => `"${f}"`).join(', ') : '';
  const where = saved === undefined ? `\n(the client's folder holds ${files || 'nothing'}; ${clientState(program)})` : findCrash(program.outputText()) ? `\n(${clientState(program)})` : '';
  throw new CheckFailure(`${mismatch.message}${where}`, {
    expected: mismatch.expected,
    received: mismatch.received,
    hint: `${mismatch.hint}; a reply is framed: read the 7 header bytes, then exactly the announced bytes, frame after frame until one shorter than 999999, and write them with "wb" under the requested name${transportOf(ctx.params) === 'udp' ? ' (over UDP the frames come in datagrams of up to 64 KiB: read each whole, recvfrom(65535), and join them until the body is complete)' : ''}`,
  });
}

/** Types `line` once the client asks for its next command (output after `from`). */
async function typeWhenAsked(ctx: ClientCheckContext, program: Program, line: string, from: number): Promise<void> {
  ctx.doing(`waiting for the client to ask for the next command, to type "${line}"`);
  try {
    await program.waitForInputRequest({ from, settleMs: 300, ms: ctx.within(8000), signal: ctx.signal });
  } catch (err) {
    if (err instanceof ProgramExited || err instanceof WaitTimeout) {
      throw new CheckFailure(`the client did not ask for another command after the first one (sockgrade wanted to type "${line}")`, {
        received: clientState(program),
        hint: 'keep asking for commands in a loop until exit is typed',
      });
    }
    throw err;
  }
  program.type(line);
}

const noServerTcp = robustNoServerCheck({ giveUpMs: 10_000, transport: 'tcp', message: () => 'list' });
const noServerUdp = robustNoServerCheck({ giveUpMs: 10_000, transport: 'udp', message: () => 'list' });

/** `robust.no-server` of the transport graded: over UDP nothing refuses the command, so the client must give up after a timeout. */
const noServer: ClientCheck = {
  ...noServerTcp,
  hint: `${noServerTcp.hint ?? ''} (over UDP: ${noServerUdp.hint ?? ''})`,
  run: (ctx) => (transportOf(ctx.params) === 'udp' ? noServerUdp.run(ctx) : noServerTcp.run(ctx)),
};

export const ftpClientChecks: readonly ClientCheck[] = [
  defineClientCheck({
    id: 'client.get-saves-file',
    title: 'typed get <name> at its prompt, saves the file under that name byte for byte (UTF-8 text, then a 1.2 MB binary in two frames, replies in slices; over UDP a 100 KB binary, replies in datagrams of 2 to 16 KiB)',
    weight: 2,
    budgetMs: 40_000,
    hint: 'read the framed reply completely (header, then exactly the announced bytes, frame after frame) and write it with open(nombre, "wb")',
    async run(ctx) {
      const words = wordsOf(ctx.params);
      const textName = `apuntes_${ctx.rng.word(6)}.txt`;
      const binName = `datos_${ctx.rng.word(6)}.bin`;
      const udp = transportOf(ctx.params) === 'udp';
      const files = new Map([
        [textName, accentedText(ctx.rng, ctx.rng.int(20_000, 40_000))],
        [binName, binaryFile(ctx.rng, udp ? 100_000 : 1_200_000)],
      ]);
      const first = `${words.get} ${textName}`;
      const server = udp ? await udpServer(ctx, words, files, first) : await tcpServer(ctx, words, files, first);
      const program = server.program;
      void server.play.run();
      let mark = await expectSaved(ctx, program, server.play, 1, first, textName, files.get(textName) as Buffer);
      const second = `${words.get} ${binName}`;
      await typeWhenAsked(ctx, program, second, mark);
      mark = await expectSaved(ctx, program, server.play, 2, second, binName, files.get(binName) as Buffer);
      await typeWhenAsked(ctx, program, words.exit, mark).catch(() => {});
      await server.play.waitServed(3, ctx.within(3000));
    },
  }),
  noServer,
];

/** Launches the client with sockgrade's TCP server waiting for its connection. */
async function tcpServer(ctx: ClientCheckContext, words: FtpWords, files: ReadonlyMap<string, Buffer>, first: string): Promise<{ program: Program; play: FtpServerPlay }> {
  const peer = await ctx.tcpPeer();
  const program = ctx.launchClient({ message: first });
  ctx.doing(`waiting for the client to connect to ${ctx.offered.host}:${ctx.offered.port}`);
  const conn = await peer.connection(0, ctx.within(10_000), ctx.signal, () => !program.running);
  if (!conn) {
    throw new CheckFailure(`the client did not connect to sockgrade's server at ${ctx.offered.host}:${ctx.offered.port}`, {
      received: clientState(program),
      hint: 'connect to {host} {port} (or HOST/PORT, or the address typed at a prompt) when the client starts, then ask for commands',
    });
  }
  return { program, play: new FakeFtpServer(ctx, conn, words, files) };
}

/** Launches the client with sockgrade's UDP server waiting for its first command. */
async function udpServer(ctx: ClientCheckContext, words: FtpWords, files: ReadonlyMap<string, Buffer>, first: string): Promise<{ program: Program; play: FtpServerPlay }> {
  const peer = await ctx.udpPeer();
  const program = ctx.launchClient({ message: first });
  const play = new FakeUdpFtpServer(ctx, peer, words, files);
  ctx.doing(`waiting for the client's first command at ${ctx.offered.host}:${ctx.offered.port} (UDP)`);
  if (!(await play.first(ctx.within(10_000), program))) {
    throw new CheckFailure(`the client sent no datagram to sockgrade's server at ${ctx.offered.host}:${ctx.offered.port} (UDP)`, {
      received: clientState(program),
      hint: 'send each command as one datagram to {host} {port} (or HOST/PORT, or the address typed at a prompt)',
    });
  }
  return { program, play };
}
