/**
 * `npm run stress`: grades every correct fixture (one whose expected.json fails nothing)
 * repeatedly while busy loops keep every core saturated, and reports each verdict that flipped
 * (a check that failed or errored where it must pass). The target is zero: a slow machine may
 * delay a verdict, never change it. STRESS_ROUNDS (default 3), STRESS_FILTER (a regular
 * expression on `<exercise>/<fixture>`), STRESS_BURNERS (busy loops, default one per core) and
 * STRESS_JOBS (fixtures graded at once, default 2) tune it. Exit code 1 when something flipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { projectRoot, readFixture } from '../harness/cli/demo-command.js';
import { namespaceSupport } from '../harness/isolation/namespace.js';
import type { GradeResult } from '../harness/model/result.js';

const ROOT = projectRoot();
const CLI = join(ROOT, 'dist', 'bundle', 'cli', 'main.js');

/** How hard and how long to stress. */
export interface StressOptions {
  rounds: number;
  /** Which fixtures, by `<exercise>/<fixture>`. */
  filter?: RegExp;
  /** Busy loops kept running meanwhile. */
  burners: number;
  /** Fixtures graded at once. */
  jobs: number;
  /** One line per graded run, as it ends. */
  log?: (line: string) => void;
}

/** A run whose verdicts were not the fixture's expected ones. */
export interface Flip {
  fixture: string;
  round: number;
  /** `check-id: status: first line of the diagnosis`, for every check that did not pass. */
  checks: string[];
}

/** What a stress run found. */
export interface StressReport {
  runs: number;
  flips: Flip[];
  fixtures: string[];
  ms: number;
}

/** The correct fixtures: those whose expected.json fails no check (hermetic-only ones where namespaces exist). */
export function correctFixtures(filter?: RegExp): string[] {
  const dir = join(ROOT, 'fixtures');
  const hermetic = namespaceSupport().available;
  return readdirSync(dir)
    .flatMap((ex) => readdirSync(join(dir, ex)).map((name) => `${ex}/${name}`))
    .filter((f) => existsSync(join(dir, f, 'expected.json')))
    .filter((f) => (filter ? filter.test(f) : true))
    .filter((f) => {
      const fx = readFixture(ROOT, f);
      return fx.fail.length === 0 && (hermetic || fx.hermetic !== true);
    })
    .sort();
}

function burn(n: number): ChildProcess[] {
  return Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

async function gradeOnce(fixture: string): Promise<GradeResult | string> {
  const fx = readFixture(ROOT, fixture);
  const tmp = mkdtempSync(join(tmpdir(), 'sockgrade-stress-'));
  chmodSync(tmp, 0o711);
  const json = join(tmp, 'result.json');
  try {
    const [exercise] = fixture.split('/') as [string];
    const child = spawn(process.execPath, [CLI, 'grade', exercise, `--${fx.role}`, fx.command, ...(fx.args ?? []), '--json', json], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', LC_ALL: 'C.UTF-8', SOCKGRADE_TMPDIR: tmp },
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    try {
      return JSON.parse(readFileSync(json, 'utf8')) as GradeResult;
    } catch {
      return `no result (exit ${code ?? 'signal'}): ${err.trim().split('\n')[0] ?? ''}`;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Grades the fixtures `rounds` times with every core busy; resolves with every flip. */
export async function runStress(opts: StressOptions): Promise<StressReport> {
  const fixtures = correctFixtures(opts.filter);
  const queue = Array.from({ length: opts.rounds }, (_, round) => fixtures.map((fixture) => ({ fixture, round: round + 1 }))).flat();
  const burners = burn(opts.burners);
  const flips: Flip[] = [];
  const t0 = performance.now();
  let runs = 0;
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < queue.length) {
        const { fixture, round } = queue[next++] as { fixture: string; round: number };
        const result = await gradeOnce(fixture);
        runs += 1;
        const bad = typeof result === 'string' ? [`(run): error: ${result}`] : result.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => `${c.role}:${c.id}: ${c.status}: ${c.message.split('\n')[0] ?? ''}`);
        if (bad.length > 0) flips.push({ fixture, round, checks: bad });
        opts.log?.(`${bad.length > 0 ? 'FLIP' : 'ok  '} ${fixture} (round ${round})${bad.length > 0 ? `\n       ${bad.join('\n       ')}` : ''}`);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, opts.jobs) }, worker));
  } finally {
    for (const b of burners) b.kill('SIGKILL');
  }
  return { runs, flips, fixtures, ms: performance.now() - t0 };
}

function envNumber(name: string, fallback: number): number {
  const v = process.env[name];
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} expects a whole number, got "${v}"`);
  return n;
}

async function main(): Promise<void> {
  const opts: StressOptions = {
    rounds: envNumber('STRESS_ROUNDS', 3),
    burners: envNumber('STRESS_BURNERS', availableParallelism()),
    jobs: envNumber('STRESS_JOBS', 2),
    ...(process.env.STRESS_FILTER ? { filter: new RegExp(process.env.STRESS_FILTER) } : {}),
    log: (line) => console.log(line),
  };
  console.log(`stress: ${correctFixtures(opts.filter).length} correct fixtures × ${opts.rounds} rounds, ${opts.jobs} at once, ${opts.burners} busy loops on ${availableParallelism()} cores`);
  const report = await runStress(opts);
  console.log(`\n${report.runs} runs in ${(report.ms / 1000).toFixed(0)} s: ${report.flips.length} verdict flips${report.flips.length ? ` (${[...new Set(report.flips.map((f) => f.fixture))].join(', ')})` : ''}`);
  process.exitCode = report.flips.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(`stress: ${(err as Error).message}`);
    process.exitCode = 2;
  });
}
