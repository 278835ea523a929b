/**
 * `npm run bench:trace`: what recording packets costs. The same correct tcp-echo server is graded
 * with and without `--trace`, alternating, several times in one run (this machine is shared and
 * noisy, so only the paired ratio means something); every grading must pass all its checks.
 * A traced run grades its checks one at a time, so it is compared with an untraced run at
 * `--jobs 1` too.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const CLI = join(ROOT, 'dist', 'bundle', 'cli', 'main.js');
const SERVER = `python3 ${join(ROOT, 'fixtures', 'tcp-echo', 'correct-threads', 'server.py')} {port}`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function grade(extra: string[]): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, 'grade', 'tcp-echo', '--server', SERVER, ...extra], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  if (code !== 0) throw new Error(`a grading did not pass (exit ${code}):\n${out}`);
  return performance.now() - t0;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  const plain: number[] = [];
  const serial: number[] = [];
  const traced: number[] = [];
  let pcapBytes = 0;
  let pcaps = 0;
  for (let i = 0; i < ROUNDS; i++) {
    plain.push(await grade([]));
    serial.push(await grade(['--jobs', '1']));
    const dir = mkdtempSync(join(tmpdir(), 'sockgrade-bench-trace-'));
    try {
      traced.push(await grade(['--trace', dir]));
      const files = readdirSync(dir);
      pcaps = files.length;
      pcapBytes = files.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const p = median(plain);
  const s = median(serial);
  const t = median(traced);
  console.log(`tcp-echo server, correct, ${ROUNDS} paired rounds (medians):`);
  console.log(`  without --trace (checks in parallel)  ${(p / 1000).toFixed(2)} s`);
  console.log(`  without --trace, --jobs 1             ${(s / 1000).toFixed(2)} s`);
  console.log(`  with --trace (checks one at a time)   ${(t / 1000).toFixed(2)} s   ${(t / p).toFixed(2)}x the parallel run, ${(t / s).toFixed(2)}x the --jobs 1 run`);
  console.log(`  ${pcaps} pcaps, ${(pcapBytes / 1024).toFixed(0)} KiB in all`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
