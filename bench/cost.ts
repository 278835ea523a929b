/**
 * What one grading costs, side by side with the peer (`../shared/peers/naive_grader.py`, tcp-echo
 * graded the way typical course graders do it) and with the physical limit (one interpreter
 * start plus the pacing sockgrade's checks impose), in paired runs of one process each: wall time
 * and the CPU of the whole process tree (every descendant the grader waited for, namespaced and
 * sandboxed ones included). Every graded run must pass; a run that does not is reported.
 * Figures, not assertions: the tests never time anything.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const CLI = join(ROOT, 'dist', 'bundle', 'cli', 'main.js');
/** The package's bin, which `npx sockgrade` runs: a hermetic grading in one Node process. */
const BIN = join(ROOT, 'bin', 'sockgrade');
const PEER = resolve(ROOT, '..', 'shared', 'peers', 'naive_grader.py');
const SERVER = `python3 ${join(ROOT, 'fixtures', 'tcp-echo', 'correct-threads', 'server.py')} {port}`;
/** echo.sliced sends ~150 bytes 1 to 7 at a time, 8 ms apart: the pause no grader can skip. */
const PACING_MS = 40 * 8;
const TICK_S = 1 / 100;

/** CPU seconds (user + system) of every child this process has waited for, so far. */
function childrenCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
  return (Number(fields[13]) + Number(fields[14])) * TICK_S;
}

/** One measured run: wall seconds, CPU seconds of the whole tree, and whether it passed. */
export interface Cost {
  wall: number;
  cpu: number;
  ok: boolean;
}

/** Runs a command to its end, measuring its wall time and its tree's CPU. */
export async function measure(command: string, args: string[], passed: (code: number | null, out: string) => boolean): Promise<Cost> {
  const cpu0 = childrenCpu();
  const t0 = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  return { wall: (performance.now() - t0) / 1000, cpu: childrenCpu() - cpu0, ok: passed(code, out) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** The median wall and CPU of a series, and how many runs did not pass. */
export function summary(runs: Cost[]): { wall: number; cpu: number; failed: number } {
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), failed: runs.filter((r) => !r.ok).length };
}

const grade = (extra: string[]): string[] => ['grade', 'tcp-echo', '--server', SERVER, ...extra];
const sockgrade = (extra: string[]): Promise<Cost> => measure(BIN, grade(extra), (code) => code === 0);
const sockgradeByNode = (): Promise<Cost> => measure(process.execPath, [CLI, ...grade([])], (code) => code === 0);

/** Prints the cost table: sockgrade hermetic and not, the peer, the physical limit; `pairs` paired runs each. */
export async function costTable(pairs = 5): Promise<void> {
  const hermetic: Cost[] = [];
  const byNode: Cost[] = [];
  const open: Cost[] = [];
  const peer: Cost[] = [];
  const python: Cost[] = [];
  const cli: Cost[] = [];
  const havePeer = existsSync(PEER);
  for (let i = 0; i < pairs; i++) {
    hermetic.push(await sockgrade([]));
    if (havePeer) peer.push(await measure('python3', [PEER, SERVER], (code, out) => code === 0 && !/FAIL/.test(out)));
    open.push(await sockgrade(['--isolation', 'off']));
    byNode.push(await sockgradeByNode());
    python.push(await measure('python3', ['-c', 'pass'], (code) => code === 0));
    cli.push(await measure(process.execPath, [CLI, '--version'], (code) => code === 0));
  }
  const rows: [string, ReturnType<typeof summary>][] = [
    ['sockgrade, hermetic (8 checks)', summary(hermetic)],
    ['  same, run as node dist/.../main.js', summary(byNode)],
    ['sockgrade, --isolation off', summary(open)],
    ...(havePeer ? [['peer: typical course grader (5 checks)', summary(peer)] as [string, ReturnType<typeof summary>]] : []),
    ['python3 -c pass', summary(python)],
    ['sockgrade --version (Node start-up)', summary(cli)],
  ];
  const py = summary(python);
  const limit = py.wall + PACING_MS / 1000;
  const h = summary(hermetic);
  const p = havePeer ? summary(peer) : undefined;
  console.log(`cost of grading a correct tcp-echo server · median of ${pairs} paired runs · CPU of the whole process tree`);
  console.log(`${'what'.padEnd(40)} ${'wall'.padStart(8)} ${'CPU'.padStart(8)}  not passed`);
  for (const [name, s] of rows) console.log(`${name.padEnd(40)} ${`${s.wall.toFixed(2)} s`.padStart(8)} ${`${s.cpu.toFixed(2)} s`.padStart(8)}  ${s.failed}`);
  console.log(`physical limit: one interpreter start + ${PACING_MS} ms of pacing = ${limit.toFixed(2)} s wall`);
  console.log(`sockgrade hermetic: ${(h.wall / limit).toFixed(1)}x the physical limit (goal < 1.5x)${p ? `; ${(h.cpu / p.cpu).toFixed(1)}x the peer's CPU (goal < 1.5x); wall ${(h.wall / p.wall).toFixed(2)}x the peer's` : '; peer not found'}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await costTable(Number(process.env.BENCH_PAIRS ?? 5));
}
