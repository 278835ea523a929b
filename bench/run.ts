/**
 * `npm run bench`: how much time sockgrade itself adds, measured side by side in one run (this
 * machine is shared and noisy, so every figure is shown next to what the submission itself needs).
 * Figures, not assertions: the tests never time anything.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Program } from '../harness/process/program.js';
import { Box } from '../harness/sandbox/box.js';
import { boundSocketsOf } from '../harness/net/socket-table.js';
import { freePort } from '../harness/net/free-port.js';
import { poll } from '../harness/util/deadline.js';
import { tmpdir } from 'node:os';
import { readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { GradeResult } from '../harness/model/result.js';
import { createServer, connect, type AddressInfo } from 'node:net';
import { TcpProxy } from '../harness/proxy/tcp-proxy.js';
import { costTable } from './cost.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const CLI = join(ROOT, 'dist', 'bundle', 'cli', 'main.js');
const fx = (p: string): string => join(ROOT, 'fixtures', p);

/** echo.sliced sends ~150 bytes 1 to 7 at a time, 8 ms apart: about 40 pauses the protocol imposes. */
const SLICED_PACING_MS = 40 * 8;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function timeCli(args: string[]): Promise<{ ms: number; code: number | null; out: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  return { ms: performance.now() - t0, code, out };
}

/** Time from launch until a server listens: what any grader must wait for before its first check. */
async function serverStartMs(command: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const box = Box.open(tmpdir(), 'sockgrade-bench-', undefined);
  const p = new Program({ command: command.replace('{port}', String(port)), box, label: 'server' });
  await poll('listen', 10_000, undefined, () => (boundSocketsOf(p.processTree(), 'tcp').length ? true : undefined), 2);
  const ms = performance.now() - t0;
  await p.stop(0);
  await box.close();
  return ms;
}

function row(name: string, ms: number, own: number, note: string): void {
  console.log(`${name.padEnd(46)} ${`${(ms / 1000).toFixed(2)} s`.padStart(9)} ${`${(own / 1000).toFixed(2)} s`.padStart(12)} ${`${(ms / own).toFixed(1)}x`.padStart(7)}  ${note}`);
}

async function main(): Promise<void> {
  const pyServer = `python3 ${fx('tcp-echo/correct-threads/server.py')} {port}`;
  const startups: number[] = [];
  for (let i = 0; i < 5; i++) startups.push(await serverStartMs(pyServer));
  const start = median(startups);
  console.log(`sockgrade bench · ${new Date().toISOString()} · node ${process.version}\n`);
  await costTable(Number(process.env.BENCH_PAIRS ?? 5));
  console.log(`python server start-up (launch to listening, median of 5): ${start.toFixed(0)} ms\n`);
  console.log(`${'measure'.padEnd(46)} ${'wall'.padStart(9)} ${'submission'.padStart(12)} ${'ratio'.padStart(7)}  note`);

  const a2: number[] = [];
  for (let i = 0; i < 3; i++) a2.push((await timeCli(['grade', 'tcp-echo', '--server', pyServer, '--seed', '1'])).ms);
  row('A2 tcp-echo, all server checks (median of 3)', median(a2), start + SLICED_PACING_MS, 'submission: start-up + the pacing echo.sliced mandates; target < 1.5 s');

  const prompted: number[] = [];
  const given: number[] = [];
  for (let i = 0; i < 3; i++) {
    prompted.push((await timeCli(['grade', 'tcp-echo', '--client', `python3 ${fx('tcp-echo/real-client-venv-wrapper/cliente.py')}`, '--seed', '1'])).ms);
    given.push((await timeCli(['grade', 'tcp-echo', '--client', `python3 ${fx('tcp-echo/correct-input/client.py')} {host} {port}`, '--seed', '1'])).ms);
  }
  row('A2 client asking host, port, message (input())', median(prompted), median(given), 'submission column: a client given {host} {port}, graded alike (its checks side by side)');

  const a3 = await timeCli(['grade', 'tcp-echo-concurrent', '--server', `python3 ${fx('tcp-echo-concurrent/correct-threads/server.py')} {port}`, '--only', 'concurrency.parallel-clients']);
  row('A3 50 clients (parallel-clients)', a3.ms, start, `target < 2 s; exit ${a3.code}`);
  const stress = await timeCli(['grade', 'tcp-echo-concurrent', '--server', `python3 ${fx('tcp-echo-concurrent/correct-threads/server.py')} {port}`, '--only', 'concurrency.stress']);
  row('A3 500 clients (stress)', stress.ms, start, `exit ${stress.code} (0 = no errors)`);

  const a4 = await timeCli(['grade', 'tcp-echo-timeout', '--server', `python3 ${fx('tcp-echo-timeout/correct-settimeout/server.py')} {port}`]);
  row('A4 tcp-echo-timeout, all checks (idle 5 s)', a4.ms, 5000 + start, `bound idle + tolerance + 1 s = 7.5 s; exit ${a4.code}`);

  const cases = 200;
  for (const [name, server] of [
    ['reference', `node ${CLI} reference framed-echo server --port {port}`],
    ['python', `python3 ${fx('framed-echo/correct-threads/server.py')} {port}`],
  ] as const) {
    const r = await timeCli(['grade', 'framed-echo', '--server', server, '--only', 'framing.', '--param', `cases=${cases}`, '--seed', '3']);
    const total = 3 * cases + 15 + 5 + 3 + 11;
    console.log(`framing cases against the ${name} server: ${total} cases in ${(r.ms / 1000).toFixed(2)} s = ${(total / (r.ms / 1000)).toFixed(0)} cases/s (exit ${r.code})`);
  }

  const mb = 64;
  const direct = await throughput(mb, false);
  const proxied = await throughput(mb, true);
  console.log(`TCP proxy, no faults, ${mb} MiB: ${proxied.toFixed(0)} MB/s through the proxy vs ${direct.toFixed(0)} MB/s direct loopback (ratio ${(direct / proxied).toFixed(1)}x)`);

  for (const [name, server] of [
    ['reference', `node ${CLI} reference group-chat server --port {port} --param idle=0`],
    ['python', `python3 ${fx('group-chat/correct-threads/server.py')} {port} 0 secreto`],
  ] as const) {
    const params = name === 'python' ? ['--param', 'password=secreto'] : [];
    const r = await checkTime(['grade', 'group-chat', '--server', server, '--only', 'chat.no-loss-under-burst', '--param', 'idle=0', ...params], 'chat.no-loss-under-burst');
    const delivered = 20 * 50 * 20;
    console.log(`group-chat burst (20 members x 50 lines) against the ${name} server: check ${(r.ms / 1000).toFixed(2)} s, ${(delivered / (r.ms / 1000)).toFixed(0)} lines delivered/s (${r.status})`);
  }

  const tenMiB = 10;
  const hashT0 = performance.now();
  createHash('sha256').update(Buffer.alloc(tenMiB * 1024 * 1024, 7)).digest();
  const hashMs = performance.now() - hashT0;
  const loop = await throughput(tenMiB, false);
  for (const [name, server] of [
    ['reference', `node ${CLI} reference file-copy server --port {port}`],
    ['python', `python3 ${fx('file-copy/correct-lines/server.py')} {port}`],
  ] as const) {
    const r = await checkTime(['grade', 'file-copy', '--server', server, '--only', 'files.large'], 'files.large');
    console.log(`file-copy 10 MiB through the slicing proxy to the ${name} server: ${(tenMiB / (r.ms / 1000)).toFixed(1)} MB/s (check ${(r.ms / 1000).toFixed(2)} s, ${r.status})`);
  }
  console.log(`plain loopback: ${loop.toFixed(0)} MB/s; SHA-256 of 10 MiB in sockgrade: ${hashMs.toFixed(0)} ms`);

  const runs = 200;
  const batch = 20;
  let lost = 0;
  const t0 = performance.now();
  for (let b = 0; b < runs / batch; b++) {
    await Promise.all(
      Array.from({ length: batch }, async () => {
        const box = Box.open(tmpdir(), 'sockgrade-bench-', undefined);
        const p = new Program({ command: `python3 -c "[print('x' * 99) for _ in range(200)]; print('FIN')"`, box, label: 'client' });
        await p.waitForExit(20_000);
        const out = p.outputText();
        if (!out.endsWith('FIN\n') || out.length !== 200 * 100 + 4) lost += 1;
        await p.stop(0);
        await box.close();
      }),
    );
  }
  const flood = performance.now() - t0;
  console.log(`\nclient output at exit: ${runs} runs of a program printing 20 KB and exiting, ${batch} at a time: ${lost} lost (${(flood / 1000).toFixed(1)} s)`);
}

/** Duration and status of one check, from the JSON report of a CLI run. */
async function checkTime(args: string[], id: string): Promise<{ ms: number; status: string }> {
  const file = join(tmpdir(), `sockgrade-bench-${process.pid}-${id}.json`);
  await timeCli([...args, '--json', file]);
  const result = JSON.parse(readFileSync(file, 'utf8')) as GradeResult;
  rmSync(file, { force: true });
  const check = result.checks.find((c) => c.id === id && c.role === 'server');
  return { ms: check?.durationMs ?? NaN, status: check?.status ?? 'missing' };
}

/** MB/s of sending `mb` MiB to a sink server, directly or through a proxy without faults. */
async function throughput(mb: number, viaProxy: boolean): Promise<number> {
  const total = mb * 1024 * 1024;
  let received = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((r) => (done = r));
  const sink = createServer((s) => {
    s.on('error', () => {});
    s.on('data', (d: Buffer) => {
      received += d.length;
      if (received >= total) done();
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
  const target = { host: '127.0.0.1', port: (sink.address() as AddressInfo).port };
  const proxy = viaProxy ? await TcpProxy.start({ target, seed: 1 }) : undefined;
  const t0 = performance.now();
  const c = connect({ host: '127.0.0.1', port: proxy?.port ?? target.port });
  c.on('error', () => {});
  const chunk = Buffer.alloc(64 * 1024, 7);
  await new Promise<void>((r) => c.once('connect', () => r()));
  for (let sent = 0; sent < total; sent += chunk.length) {
    if (!c.write(chunk)) await new Promise<void>((r) => c.once('drain', () => r()));
  }
  await finished;
  const secs = (performance.now() - t0) / 1000;
  c.destroy();
  await proxy?.close();
  await new Promise<void>((r) => sink.close(() => r()));
  return mb / secs;
}

await main();
process.exit(0);
