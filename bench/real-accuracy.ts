/**
 * `npm run bench:real`: per-check accuracy on the `fixtures/<exercise>/real-*` fixtures, programs
 * written the way students write them. Each fixture is graded by a sockgrade CLI (this build, or
 * the one named by `REAL_CLI`, e.g. an older build to compare with) and every check of its role
 * is counted right when its verdict is the expected one: failed when expected.json lists it,
 * passed (or not applicable) otherwise. Figures per exercise, then the total.
 * `REAL_ONLY` keeps the fixtures whose `<exercise>/<name>` contains it; `REAL_JOBS` (default 2)
 * grades that many at once; `REAL_VERBOSE=1` lists every wrong verdict.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { GradeResult } from '../harness/model/result.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const CLI = process.env.REAL_CLI ?? join(ROOT, 'dist', 'bundle', 'cli', 'main.js');
const JOBS = Math.max(1, Number(process.env.REAL_JOBS ?? 2));

interface Fixture {
  exercise: string;
  name: string;
  role: 'server' | 'client';
  command: string;
  args: string[];
  fail: string[];
  /** Checks that must end in `error` (the machine at fault, e.g. a missing module). */
  error: string[];
}

/** Every `real-*` fixture, `{dir}` filled in. */
function realFixtures(): Fixture[] {
  const dir = join(ROOT, 'fixtures');
  const out: Fixture[] = [];
  for (const exercise of readdirSync(dir).sort()) {
    for (const name of readdirSync(join(dir, exercise)).sort()) {
      const file = join(dir, exercise, name, 'expected.json');
      if (!name.startsWith('real-') || !existsSync(file)) continue;
      if (process.env.REAL_ONLY && !`${exercise}/${name}`.includes(process.env.REAL_ONLY)) continue;
      const fx = JSON.parse(readFileSync(file, 'utf8')) as { role: 'server' | 'client'; command: string; args?: string[]; fail: string[]; error?: string[] };
      const fill = (s: string): string => s.replaceAll('{dir}', join(dir, exercise, name));
      out.push({ exercise, name, role: fx.role, command: fill(fx.command), args: (fx.args ?? []).map(fill), fail: fx.fail, error: fx.error ?? [] });
    }
  }
  return out;
}

/** Grades one fixture with the chosen CLI; undefined when it wrote no result. */
async function gradeFixture(fx: Fixture): Promise<GradeResult | undefined> {
  const tmp = mkdtempSync(join(tmpdir(), 'sockgrade-real-'));
  const json = join(tmp, 'r.json');
  try {
    await new Promise<void>((res) => {
      const child = spawn(process.execPath, [CLI, 'grade', fx.exercise, `--${fx.role}`, fx.command, ...fx.args, '--json', json], {
        cwd: ROOT,
        env: { ...process.env, LC_ALL: 'C.UTF-8', NO_COLOR: '1' },
        stdio: 'ignore',
      });
      child.on('close', () => res());
    });
    return existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as GradeResult) : undefined;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Checks of the fixture's role whose verdict is right, and the wrong ones as `id: got status`. */
function score(fx: Fixture, r: GradeResult | undefined): { right: number; total: number; wrong: string[] } {
  if (!r) return { right: 0, total: 0, wrong: ['(no result)'] };
  const checks = r.checks.filter((c) => c.role === fx.role);
  const wrong: string[] = [];
  for (const c of checks) {
    const notApplicable = c.status === 'skip' && c.message.startsWith('not applicable');
    const expected = fx.error.includes(c.id) ? 'error' : fx.fail.includes(c.id) ? 'fail' : 'pass';
    const right = expected === 'pass' ? c.status === 'pass' || notApplicable : c.status === expected;
    if (!right) wrong.push(`${c.id}: ${c.status} (expected ${expected})`);
  }
  return { right: checks.length - wrong.length, total: checks.length, wrong };
}

async function main(): Promise<void> {
  const fixtures = realFixtures();
  const rows = new Map<string, { right: number; total: number; fixtures: number; allRight: number }>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < fixtures.length) {
      const fx = fixtures[next++] as Fixture;
      const s = score(fx, await gradeFixture(fx));
      const row = rows.get(fx.exercise) ?? { right: 0, total: 0, fixtures: 0, allRight: 0 };
      row.right += s.right;
      row.total += s.total;
      row.fixtures += 1;
      if (s.wrong.length === 0) row.allRight += 1;
      rows.set(fx.exercise, row);
      process.stderr.write(`${fx.exercise}/${fx.name}: ${s.right}/${s.total}\n`);
      if (process.env.REAL_VERBOSE && s.wrong.length > 0) process.stderr.write(`  wrong: ${s.wrong.join('; ')}\n`);
    }
  };
  await Promise.all(Array.from({ length: JOBS }, worker));
  let right = 0;
  let total = 0;
  console.log(`CLI: ${CLI}`);
  console.log('exercise'.padEnd(22) + 'fixtures  all-right  checks right/total');
  for (const [ex, row] of [...rows].sort()) {
    right += row.right;
    total += row.total;
    console.log(`${ex.padEnd(22)}${String(row.fixtures).padStart(8)}  ${String(row.allRight).padStart(9)}  ${row.right}/${row.total} (${pct(row.right, row.total)})`);
  }
  console.log(`${'total'.padEnd(22)}${String(fixtures.length).padStart(8)}  ${String([...rows.values()].reduce((a, r) => a + r.allRight, 0)).padStart(9)}  ${right}/${total} (${pct(right, total)})`);
}

function pct(a: number, b: number): string {
  return b === 0 ? '-' : `${((100 * a) / b).toFixed(1)} %`;
}

await main();
