/**
 * Every bundled fixture, graded by the real CLI: a correct one passes every check of its role,
 * a buggy one fails exactly the checks its expected.json names and passes every other one (a
 * check skipped must not apply). Nothing is left behind. The same result, rendered as the
 * Spanish console report (`--lang es`), has no English left in its prose. The fixtures are
 * shared among test files (`test/fixtures-<n>.test.ts`), so that vitest's workers grade them
 * side by side.
 */
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cli.js';
import { listSamples, readFixture, uncoveredChecks } from '../../harness/selftest/samples.js';
import { EXERCISES } from '../../exercises/index.js';
import { namespaceSupport } from '../../harness/isolation/namespace.js';
import { englishFragments, spanishConsoleReport } from './english.js';

/** Round-robin over the exercises, so that the heavy gradings of one exercise (hundreds of clients) do not all run at once. */
function interleaved<T extends { exercise: string }>(items: readonly T[]): T[] {
  const byExercise = new Map<string, T[]>();
  for (const f of items) byExercise.set(f.exercise, [...(byExercise.get(f.exercise) ?? []), f]);
  const groups = [...byExercise.values()];
  const out: T[] = [];
  for (let i = 0; out.length < items.length; i++) for (const g of groups) if (g[i]) out.push(g[i] as T);
  return out;
}

const all = interleaved(listSamples(ROOT));

/** A skipped check that leaves the maximum rightly: it does not apply, or this machine cannot arrange it. */
const MACHINE_OR_NOT_APPLICABLE = /^not applicable: |needs a mount namespace|is in use by another program/;

/** Grades part `part` (from 0) of `parts`: every `parts`-th fixture of the interleaved list; part 0 also checks that every check id is failed by some fixture. */
export function gradeFixtures(part: number, parts: number): void {
  describe.concurrent(`fixtures graded by the CLI (part ${part + 1} of ${parts})`, () => {
    if (part === 0) {
      it('every exercise has fixtures, and every check id of it is failed by at least one fixture', () => {
        expect(new Set(all.map((f) => f.exercise))).toEqual(new Set(Object.keys(EXERCISES)));
        for (const [id, ex] of Object.entries(EXERCISES)) {
          const { neverFailed } = uncoveredChecks(ex, all.filter((f) => f.exercise === id).map((f) => readFixture(ROOT, `${id}/${f.name}`)));
          expect(neverFailed, `checks of ${id} that no fixture fails`).toEqual([]);
        }
      });
    }

    for (const { exercise, name } of all.filter((_, i) => i % parts === part)) {
      const hermeticOnly = readFixture(ROOT, `${exercise}/${name}`).hermetic === true;
      it.skipIf(hermeticOnly && !namespaceSupport().available)(`${exercise}/${name}`, async () => {
        const fx = readFixture(ROOT, `${exercise}/${name}`);
        const run = await runCli(['grade', exercise, `--${fx.role}`, fx.command, ...(fx.args ?? [])], { json: true });
        expect(run.stderr).toBe('');
        expect(run.stdout, 'no control character or escape sequence reaches the terminal').not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
        expect(run.result, run.stdout).toBeDefined();
        const result = run.result!;
        const errors = result.checks.filter((c) => c.status === 'error');
        expect(errors.filter((c) => !(fx.error ?? []).includes(c.id)).map((c) => `${c.id}: ${c.message}`)).toEqual([]);
        expect(errors.map((c) => c.id).sort()).toEqual([...(fx.error ?? [])].sort());
        expect(result.checks.filter((c) => c.status === 'fail').map((c) => c.id).sort(), run.stdout).toEqual([...fx.fail].sort());
        const graded = result.checks.filter((c) => c.role === fx.role);
        expect(graded.length).toBeGreaterThan(0);
        // Every other check of the role passed: none left the maximum except one that does not apply
        // (parameters, platform) or that this machine cannot arrange; a check not reached is failed.
        const judged = new Set([...fx.fail, ...(fx.error ?? [])]);
        const notPassed = graded.filter((c) => !judged.has(c.id) && c.status !== 'pass' && !(c.status === 'skip' && MACHINE_OR_NOT_APPLICABLE.test(c.message)));
        expect(notPassed.map((c) => `${c.id}: ${c.status} (${c.message.split('\n')[0]})`), 'every check not named in expected.json passes').toEqual([]);
        expect(run.code).toBe((fx.error ?? []).length > 0 ? 2 : fx.fail.length === 0 ? 0 : 1);
        for (const c of result.checks.filter((x) => x.status === 'fail')) {
          expect(c.message.length, `${c.id} has a diagnosis`).toBeGreaterThan(10);
          expect(c.evidence.reproduce).toContain(`--only ${c.id}`);
        }
        expect(run.leftovers).toEqual([]);
        expect(run.survivors).toEqual([]);
        if (fx.maxSeconds !== undefined) expect(run.ms / 1000, 'the run ends within its budget').toBeLessThan(fx.maxSeconds);
        if (fx.diagnosis !== undefined) {
          for (const c of result.checks.filter((x) => x.status === 'fail' || x.status === 'error')) expect(JSON.stringify([c.message, c.evidence]), `${c.id} names the cause`).toContain(fx.diagnosis);
        }
        const spanish = spanishConsoleReport(result, EXERCISES[exercise as keyof typeof EXERCISES]);
        expect(englishFragments(spanish), `English left in the Spanish report (--lang es); add the missing entries to the catalogues:\n${spanish}`).toEqual([]);
      });
    }
  });
}
