/**
 * A course's own exercises: loaded from --exercises and the course config beside the built-ins,
 * graded like them, and checked by `sockgrade selftest` against the pack's samples.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, testDir } from './support/cli.js';
import { EXERCISES } from '../exercises/index.js';
import { BUILTIN_IDS, loadBuiltinCatalogues, loadBuiltins } from '../exercises/registry.js';
import type { Catalogue } from '../harness/authoring.js';

const PACK = join(ROOT, 'examples', 'upper-echo-pack');
const PACK_EXERCISES = join(PACK, 'exercises');
const CORRECT = `python3 ${join(PACK, 'fixtures', 'upper-echo', 'correct-threads', 'server.py')} {port}`;

/** A folder holding one course exercise written in plain JavaScript: `source` (by default, one check that a connection is accepted). */
function jsExercise(id: string, source = acceptsExercise(id)): string {
  const dir = testDir('sockgrade-course-js-');
  mkdirSync(join(dir, id));
  writeFileSync(join(dir, id, 'index.js'), source);
  return dir;
}

function acceptsExercise(id: string): string {
  return `import { defineExercise, defineServerCheck } from 'sockgrade/authoring';
export default defineExercise({
  id: '${id}', catalogue: 'X1', title: 'accepts a connection', transport: 'tcp', canonicalPort: 5000,
  contract: { server: 'accepts a connection' }, params: {},
  checks: [defineServerCheck({ id: 'accepts', title: 'accepts a connection', weight: 1, budgetMs: 5000, async run(ctx) { (await ctx.connect()).close(); } })],
});
`;
}

describe.concurrent('course exercises', () => {
  it('selftest grades the example pack: every sample gets its verdicts, every check fails for one and passes for another', { timeout: 600_000 }, async () => {
    const run = await runCli(['selftest', PACK], { timeoutMs: 590_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/coverage:\n {2}upper-echo: every check is failed by some sample and passed by another/);
    expect(run.stdout).toMatch(/selftest: passed \(9 samples graded\)/);
    expect(run.code).toBe(0);
    expect(run.leftovers).toEqual([]);
    expect(run.survivors).toEqual([]);
  });

  it('selftest fails when a sample is expected to get another verdict, and names the checks no sample fails and the texts without Spanish', { timeout: 300_000 }, async () => {
    const pack = testDir('sockgrade-pack-');
    cpSync(PACK_EXERCISES, join(pack, 'exercises'), { recursive: true });
    const es = join(pack, 'exercises', 'upper-echo', 'i18n', 'es.ts');
    writeFileSync(es, readFileSync(es, 'utf8').replace(/^ {2}'closes the connection when the client sends the quit word': .*\n/m, ''));
    cpSync(join(PACK, 'fixtures', 'upper-echo', 'bug-ascii-upper'), join(pack, 'fixtures', 'upper-echo', 'bug-ascii-upper'), { recursive: true });
    const expected = join(pack, 'fixtures', 'upper-echo', 'bug-ascii-upper', 'expected.json');
    writeFileSync(expected, JSON.stringify({ ...JSON.parse(readFileSync(expected, 'utf8')), fail: ['upper.line'] }));
    const run = await runCli(['selftest', pack], { timeoutMs: 290_000 });
    expect(run.stdout).toMatch(/DIFF {2}upper-echo\/bug-ascii-upper \(server\): failed upper\.accents, expected to pass; passed upper\.line, expected to fail/);
    expect(run.stdout).toMatch(/replay: sockgrade grade upper-echo --server /);
    expect(run.stdout).toMatch(/upper-echo: no sample fails upper\.several, upper\.accents, quit\.closes/);
    expect(run.stdout).toContain('upper-echo: its Spanish (messages.es) lacks "closes the connection when the client sends the quit word"');
    expect(run.stdout).toMatch(/selftest: FAILED: 1 sample got other verdicts than expected; \d+ checks of upper-echo failed by no sample; 1 title or hint of upper-echo without Spanish; 1 check of upper-echo passed by no sample\n/);
    expect(run.stdout, 'the only sample is expected to fail upper.line').toContain('upper-echo: no sample passes upper.line (add a correct sample)');
    expect(run.code).toBe(1);
  });

  it('an id already taken by a built-in exercise is a one-line usage error naming both', async () => {
    const dir = jsExercise('tcp-echo');
    const run = await runCli(['list', '--exercises', dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`sockgrade: exercise id "tcp-echo" of ${join(dir, 'tcp-echo', 'index.js')} is already taken by the built-in exercise: give the course's exercise another id (and folder name)\n`);
    const grading = await runCli(['grade', 'udp-echo', '--server', 'python3 x.py', '--exercises', dir]);
    expect(grading.code, 'a grading loads only the built-ins it needs, and still sees the clash').toBe(2);
    expect(grading.stderr).toContain('is already taken by the built-in exercise');
  });

  it('the lazy registry of built-ins holds every exercise, in catalogue order, and loads the very objects the eager one holds, Spanish catalogues included', async () => {
    expect(BUILTIN_IDS).toEqual(Object.keys(EXERCISES));
    const loaded = await loadBuiltins(['reliable-udp', 'tcp-echo', 'not-an-exercise']);
    expect(loaded).toEqual([EXERCISES['tcp-echo'], EXERCISES['reliable-udp']]);
    expect(loaded[0]).toBe(EXERCISES['tcp-echo']);
    const catalogues = new Set(await loadBuiltinCatalogues());
    for (const ex of Object.values(EXERCISES)) expect(catalogues.has(ex.messages?.es as Catalogue), `${ex.id}'s Spanish is among the built-in catalogues`).toBe(true);
  });

  it('grading with a course config that names other exercises loads them too, and a misspelt id still gets the nearest built-in', async () => {
    const dir = testDir('sockgrade-config-others-');
    const config = join(dir, 'sockgrade.config.json');
    writeFileSync(config, JSON.stringify({ exercises: { 'mini-ftp': { weights: { 'ftp.list': 2 } }, 'not-here': {} } }));
    const run = await runCli(['grade', 'tcp-echo', '--server', 'python3 x.py', '--config', config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/exercises\.not-here: unknown exercise \(exercises: udp-echo, tcp-echo, .*reliable-udp\)/);
    writeFileSync(config, JSON.stringify({ exercises: { 'mini-ftp': { weights: { 'ftp.nope': 2 } } } }));
    const other = await runCli(['grade', 'tcp-echo', '--server', 'python3 x.py', '--config', config]);
    expect(other.code, 'the section of an exercise not graded is still checked').toBe(2);
    expect(other.stderr).toContain('exercises.mini-ftp');
    const misspelt = await runCli(['grade', 'tcp-ecoh', '--server', 'python3 x.py']);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain('did you mean tcp-echo?');
  });

  it('a folder named otherwise than its exercise id, and a folder with no exercise, are usage errors', async () => {
    const dir = jsExercise('other-name');
    cpSync(join(dir, 'other-name'), join(dir, 'renamed'), { recursive: true });
    const renamed = await runCli(['list', '--exercises', dir]);
    expect(renamed.code).toBe(2);
    expect(renamed.stderr).toMatch(/^sockgrade: the exercise in .*renamed\/index\.js has id "other-name", but its folder is named "renamed": make them the same\n$/);
    const empty = await runCli(['list', '--exercises', testDir()]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^sockgrade: no exercise in .*: each exercise is a folder with an index\.ts or index\.js/);
  });

  it('list shows course exercises (TypeScript and JavaScript) beside the built-ins, with where they come from', async () => {
    const js = jsExercise('accepts-js');
    const run = await runCli(['list', '--json', '--exercises', PACK_EXERCISES, '--exercises', js]);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as { id: string; origin: string; checks: { id: string }[] }[];
    expect(list.slice(-2).map((e) => [e.id, e.origin])).toEqual([
      ['upper-echo', join(PACK_EXERCISES, 'upper-echo', 'index.ts')],
      ['accepts-js', join(js, 'accepts-js', 'index.js')],
    ]);
    expect(list.find((e) => e.id === 'tcp-echo')?.origin).toBe('built-in');
  });

  it('the course config loads the exercise folders it names; weights, parameters, JUnit and Spanish apply to a course exercise', async () => {
    const dir = testDir('sockgrade-course-config-');
    const config = join(dir, 'sockgrade.config.json');
    writeFileSync(config, JSON.stringify({ exerciseDirs: [PACK_EXERCISES], exercises: { 'upper-echo': { params: { quit: 'ADIOS' }, weights: { 'upper.line': 3 } } } }));
    const junit = join(dir, 'r.xml');
    const run = await runCli(['grade', 'upper-echo', '--config', config, '--server', CORRECT, '--only', 'upper.', '--only', 'quit.closes', '--junit', junit, '--lang', 'es'], { json: true });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Servidor de eco en mayúsculas que termina con una palabra de salida');
    const result = run.result!;
    expect(result.params).toEqual({ quit: 'ADIOS' });
    expect(result.checks.find((c) => c.id === 'upper.line')).toMatchObject({ status: 'pass', maxPoints: 3 });
    expect(result.checks.find((c) => c.id === 'quit.closes')?.status, 'the server quits on DESCONEXION, not on ADIOS').toBe('fail');
    expect(run.code).toBe(1);
    expect(readFileSync(junit, 'utf8')).toContain('upper.accents');
  });

  it('batch grades a class on a course exercise, each student in their own grader that loads it', async () => {
    const dir = testDir('sockgrade-course-batch-');
    for (const [student, sample] of [['ana', 'correct-threads'], ['luis', 'bug-plain-echo']]) {
      cpSync(join(PACK, 'fixtures', 'upper-echo', sample as string), join(dir, 'clase', student as string), { recursive: true });
    }
    const csv = join(dir, 'notas.csv');
    const run = await runCli(['batch', join(dir, 'clase'), '--exercise', 'upper-echo', '--exercises', PACK_EXERCISES, '--server', 'python3 {dir}/server.py {port}', '--only', 'upper.line', '--csv', csv, '--out', join(dir, 'results')]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe('student,score,max,status,server upper.line\nana,2,2,passed,2\nluis,0,2,failed,0\n');
  });

  it('checks that share an instance take one an earlier check passed on; one that fails there runs again on a fresh instance, whose verdict counts', async () => {
    const dir = jsExercise(
      'shared',
      `import { CheckFailure, defineExercise, defineServerCheck } from 'sockgrade/authoring';
const seen = new Set();
const check = (id, opts = {}) => defineServerCheck({ id, title: id, weight: 1, budgetMs: 5000, sharesInstance: opts.shares ?? true, async run(ctx) {
  (await ctx.connect()).close();
  const pid = ctx.server.program.pid;
  ctx.note('pid ' + pid);
  const used = seen.has(pid);
  seen.add(pid);
  if (opts.failsOnUsed && used) throw new CheckFailure('ran on a used instance');
  if (opts.alwaysFails) throw new CheckFailure('always fails, used ' + used);
} });
export default defineExercise({
  id: 'shared', catalogue: 'X3', title: 'shared', transport: 'tcp', canonicalPort: 5000,
  contract: { server: 'accepts connections' }, params: {},
  checks: [check('a'), check('b'), check('own', { shares: false }), check('c'), check('flip', { failsOnUsed: true }), check('d'), check('bad', { alwaysFails: true })],
});
`,
    );
    const run = await runCli(['grade', 'shared', '--exercises', dir, '--server', CORRECT, '--jobs', '1'], { json: true });
    const byId = Object.fromEntries(run.result!.checks.map((c) => [c.id, c]));
    const pid = (id: string): string => byId[id]?.evidence.notes?.[0] ?? `no note for ${id}`;
    expect(Object.fromEntries(run.result!.checks.map((c) => [c.id, c.status]))).toEqual({ a: 'pass', b: 'pass', own: 'pass', c: 'pass', flip: 'pass', d: 'pass', bad: 'fail' });
    expect(pid('b')).toBe(pid('a'));
    expect(pid('c')).toBe(pid('a'));
    expect(pid('own')).not.toBe(pid('a'));
    expect(pid('flip')).not.toBe(pid('a'));
    expect(new Set([pid('a'), pid('own'), pid('flip'), pid('d')]).size).toBe(4);
    expect(byId['bad']?.message).toBe('always fails, used false');
    expect(byId['bad']?.evidence.reproduce).toContain('--only bad ');
    expect(run.survivors).toEqual([]);
  });

  it('the longest checks (paceMs) start first; a check that judges the run (judgesRun) gives its verdict once every other check has ended, with all their programs', async () => {
    const dir = jsExercise(
      'judged',
      `import { CheckFailure, defineExercise, defineServerCheck, num } from 'sockgrade/authoring';
const started = [];
const check = (id, paceMs, more = {}) => defineServerCheck({ id, title: id, weight: 1, budgetMs: 5000, paceMs, ...more, async run(ctx) {
  started.push(id);
  (await ctx.connect()).close();
  if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
} });
const judge = (programs) => {
  throw new CheckFailure('started ' + started.join(',') + '; judged ' + programs.map((p) => p.checkId + ':' + (p.judgedBytes > 0)).sort().join(','));
};
export default defineExercise({
  id: 'judged', catalogue: 'X4', title: 'judged', transport: 'tcp', canonicalPort: 5000,
  contract: { server: 'accepts connections' }, params: { pace: { type: 'number', default: 100, description: 'how long middle takes' } },
  checks: [check('quick', 0), check('judge', 0, { judgesRun: judge }), check('slow', 400), check('middle', 100, { paceMs: (params) => num(params, 'pace') })],
});
`,
    );
    const inOrder = await runCli(['grade', 'judged', '--exercises', dir, '--server', CORRECT, '--jobs', '1'], { json: true });
    const judged = (r: typeof inOrder): string | undefined => r.result!.checks.find((c) => c.id === 'judge')?.message;
    expect(judged(inOrder)).toBe('started slow,middle,quick,judge; judged judge:true,middle:true,quick:true,slow:true');
    expect(inOrder.result!.checks.map((c) => c.id), 'the report keeps the declared order').toEqual(['quick', 'judge', 'slow', 'middle']);
    const atOnce = await runCli(['grade', 'judged', '--exercises', dir, '--server', CORRECT, '--jobs', '4'], { json: true });
    expect(judged(atOnce), 'judged after slow ended, though its own run ended first').toMatch(/; judged judge:true,middle:true,quick:true,slow:true$/);
    const judge = atOnce.result!.checks.find((c) => c.id === 'judge');
    expect(judge?.status).toBe('fail');
    expect(judge?.maxPoints).toBe(1);
    expect(atOnce.result!.checks.filter((c) => c.id !== 'judge').map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
    expect(judge?.evidence.reproduce).toContain('--only judge ');
    expect(atOnce.survivors).toEqual([]);
  });

  it('a check that cannot judge (CheckInconclusive) runs again by itself; when it still cannot, it is an error, not a fail', async () => {
    const dir = jsExercise(
      'flaky',
      `import { CheckInconclusive, defineExercise, defineServerCheck } from 'sockgrade/authoring';
let tries = 0;
const check = (id, inconclusive) => defineServerCheck({ id, title: id, weight: 1, budgetMs: 5000, async run(ctx) {
  (await ctx.connect()).close();
  if (inconclusive()) throw new CheckInconclusive('the machine was too slow');
} });
export default defineExercise({
  id: 'flaky', catalogue: 'X2', title: 'flaky', transport: 'tcp', canonicalPort: 5000,
  contract: { server: 'accepts a connection' }, params: {},
  checks: [check('once', () => ++tries === 1), check('always', () => true)],
});
`,
    );
    const run = await runCli(['grade', 'flaky', '--exercises', dir, '--server', CORRECT], { json: true });
    const byId = Object.fromEntries(run.result!.checks.map((c) => [c.id, c]));
    expect(byId['once']?.status).toBe('pass');
    expect(byId['always']?.status).toBe('error');
    expect(byId['always']?.message).toBe("could not be judged (not the submission's fault): the machine was too slow (also when run again by itself)");
    expect(run.result!.maxScore).toBe(2);
    expect(run.survivors).toEqual([]);
  });
});
