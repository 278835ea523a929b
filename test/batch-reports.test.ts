/** batch takes grade's report options: --html DIR (a page per student and an index), --gradescope DIR, --lang (its progress too), --audience; and names who could not be graded. */
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, testDir } from './support/cli.js';
import type { GradescopeResults } from '../harness/report/gradescope.js';
import { englishFragments } from './support/english.js';

describe('sockgrade batch reports', () => {
  it('--html DIR --gradescope DIR --lang es --audience student: one page and one results.json per student, an index, and the ungraded named at the end', async () => {
    const cls = testDir('sockgrade-class-');
    for (const [student, fixture] of [['ana', 'correct-threads'], ['beto', 'bug-recv-once']] as const) {
      mkdirSync(join(cls, student));
      copyFileSync(join(ROOT, 'fixtures/tcp-echo', fixture, 'server.py'), join(cls, student, 'server.py'));
    }
    mkdirSync(join(cls, 'carla'));
    writeFileSync(join(cls, 'carla', 'servidor.py'), 'print(1)\n');
    const config = join(cls, '..', `course-${Date.now()}.json`);
    writeFileSync(config, JSON.stringify({ exercises: { 'tcp-echo': { visibility: { 'echo.large': 'hidden' } } } }));
    const out = testDir('sockgrade-class-out-');
    const run = await runCli(['batch', cls, '--exercise', 'tcp-echo', '--server', 'python3 {dir}/server.py {port}', '--only', 'echo.small', '--only', 'echo.large', '--seed', '3', '--config', config,
      '--out', join(out, 'r'), '--html', join(out, 'html'), '--gradescope', join(out, 'gs'), '--lang', 'es', '--audience', 'student']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\n1 estudiante no se pudo corregir:\n {2}carla: la orden del servidor nombra \S*server\.py, que no existe: revisa la ruta\n$/);
    expect(run.stderr).toContain('\ncorrigiendo 3 entregas\n');
    expect(run.stderr).toMatch(/\nhecho: 3 entregas, 1 con fallos, 1 sin corregir, en /);
    expect(englishFragments(run.stderr)).toEqual([]);

    const index = readFileSync(join(out, 'html', 'index.html'), 'utf8');
    expect(index).toContain('<html lang="es">');
    expect(index).toContain('<a href="ana.html">ana</a>');
    expect(index).toContain('<a href="beto.html">beto</a>');
    expect(index).toContain('carla</td><td>–</td><td>sin corregir: ');
    expect(index).not.toMatch(/<script/);
    const beto = readFileSync(join(out, 'html', 'beto.html'), 'utf8');
    expect(beto).toContain('<html lang="es">');
    expect(beto).toContain('<code class="id">hidden</code>');
    expect(beto).not.toContain('echo.large');
    expect(existsSync(join(out, 'html', 'carla.html'))).toBe(false);

    const gs = JSON.parse(readFileSync(join(out, 'gs', 'beto', 'results.json'), 'utf8')) as GradescopeResults;
    expect(gs.score).toBe(1);
    expect(gs.tests.map((t) => t.name.split(':')[0])).toEqual(['echo.small', 'hidden']);
    const carla = JSON.parse(readFileSync(join(out, 'gs', 'carla', 'results.json'), 'utf8')) as { score: number; output: string };
    expect(carla.score).toBe(0);
    expect(carla.output).toMatch(/^sockgrade could not grade this submission: /);
  });

  it('a course config found in the current folder is named before the grading starts, and applies to every student', async () => {
    const here = testDir('sockgrade-course-');
    writeFileSync(join(here, 'sockgrade.config.json'), JSON.stringify({ course: 'Redes 2025', exercises: { 'tcp-echo': { weights: { 'echo.small': 2 } } } }));
    const cls = join(here, 'entregas');
    mkdirSync(join(cls, 'ana'), { recursive: true });
    copyFileSync(join(ROOT, 'fixtures/tcp-echo/correct-threads/server.py'), join(cls, 'ana', 'server.py'));
    const run = await runCli(['batch', 'entregas', '--exercise', 'tcp-echo', '--server', 'python3 {dir}/server.py {port}', '--only', 'echo.small', '--seed', '3', '--out', join(here, 'r'), '--csv', join(here, 'notas.csv')], { cwd: here });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split('\n')[0]).toBe(`course config: ${join(here, 'sockgrade.config.json')} (Redes 2025)`);
    expect(readFileSync(join(here, 'notas.csv'), 'utf8')).toContain('\nana,2,2,passed,2\n');
  });

  it('--html must be a folder', async () => {
    const file = join(testDir('sockgrade-class-'), 'x.html');
    writeFileSync(file, '');
    const run = await runCli(['batch', testDir('sockgrade-class-'), '--exercise', 'tcp-echo', '--html', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^sockgrade: --html takes a folder for one report per student/);
  });
});
