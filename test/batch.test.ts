/**
 * `sockgrade batch` and `sockgrade merge` on a small class whose servers all hard-code the same
 * port: every student graded (or reported as not gradable), outputs valid, re-runs resumable,
 * shards that merge into the same gradebook as one run.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, runCli, testDir } from './support/cli.js';
import type { ClassReport } from '../harness/batch/records.js';
import { namespaceSupport } from '../harness/isolation/namespace.js';
import { junitSchema, needTool, XMLLINT } from './support/tools.js';

const HARD_CODED = (recvOnce: boolean): string => `import socket
PUERTO = 65432
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", PUERTO))
    s.listen()
    while True:
        conn, addr = s.accept()
        with conn:
${recvOnce ? '            conn.sendall(conn.recv(1024))\n' : `            while True:
                datos = conn.recv(4096)
                if not datos:
                    break
                conn.sendall(datos)
`}`;

function makeClass(): string {
  const dir = testDir('sockgrade-class-');
  const student = (name: string, files: Record<string, string>): void => {
    mkdirSync(join(dir, name));
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, name, f), text);
  };
  student('alba', { 'server.py': HARD_CODED(false) });
  student('bruno', { 'server.py': HARD_CODED(true) });
  student('carla', { 'servidor.py': HARD_CODED(false) });
  student('dario', { 'servidor.py': HARD_CODED(false), 'sockgrade.json': JSON.stringify({ exercise: 'tcp-echo', server: 'python3 servidor.py' }) });
  mkdirSync(join(dir, '.git'));
  return dir;
}

/** Where namespaces are refused, batch grades only when told it may do so without isolation. */
const UNSAFE = namespaceSupport().available ? [] : ['--unsafe-no-isolation'];
const ONLY = ['--only', 'echo.small', '--only', 'echo.large', ...UNSAFE];

describe.concurrent('batch grading', () => {
  it('grades every student, keeps going past one that cannot be graded, writes CSV, JSON and JUnit, and resumes', async ({ skip }) => {
    needTool(XMLLINT, skip);
    const cls = makeClass();
    const out = testDir('sockgrade-batch-out-');
    const args = ['batch', cls, '--exercise', 'tcp-echo', '--server', 'python3 {dir}/server.py', '--jobs', '2', ...ONLY, '--out', join(out, 'results')];
    const files = ['--csv', join(out, 'grades.csv'), '--json', join(out, 'class.json'), '--junit', join(out, 'class.xml')];
    const run = await runCli([...args, ...files]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/\[4\/4\]/);
    const csv = readFileSync(join(out, 'grades.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('student,score,max,status,server echo.small,server echo.large');
    expect(csv.slice(1)).toEqual([
      'alba,2,2,passed,1,1',
      'bruno,1,2,failed,1,0',
      expect.stringMatching(/^carla,0,0,"?error: the server command names .*server\.py, which does not exist/),
      'dario,2,2,passed,1,1',
    ]);
    const report = JSON.parse(readFileSync(join(out, 'class.json'), 'utf8')) as ClassReport;
    expect(report.students.map((s) => [s.student, s.status])).toEqual([['alba', 'graded'], ['bruno', 'graded'], ['carla', 'error'], ['dario', 'graded']]);
    expect(report.students[0]?.result?.run.isolation).toMatch(/^on|^off/);
    const schema = junitSchema(ROOT);
    const lint = spawnSync('xmllint', ['--noout', '--schema', schema, join(out, 'class.xml')], { encoding: 'utf8' });
    expect(lint.stderr).toContain('validates');
    const xml = readFileSync(join(out, 'class.xml'), 'utf8');
    expect(xml.match(/<testsuite /g)).toHaveLength(4);
    expect(xml).toContain('<testsuite name="carla"');
    expect(xml).toMatch(/classname="bruno\.tcp-echo"/);
    expect(run.survivors).toEqual([]);

    const again = await runCli([...args, '--csv', join(out, 'again.csv')]);
    expect(again.stderr).toContain('4 already graded');
    expect(readFileSync(join(out, 'again.csv'), 'utf8')).toBe(readFileSync(join(out, 'grades.csv'), 'utf8'));
    expect(again.ms).toBeLessThan(run.ms);
  });

  it('shards split the class deterministically and merge into the gradebook of a single run', async () => {
    const cls = makeClass();
    const out = testDir('sockgrade-shards-');
    const base = ['batch', cls, '--exercise', 'tcp-echo', '--server', 'python3 {dir}/server.py', '--jobs', '1', ...ONLY];
    const [one, two] = await Promise.all([
      runCli([...base, '--shard', '1/2', '--out', join(out, 'r1'), '--json', join(out, 's1.json')]),
      runCli([...base, '--shard', '2/2', '--out', join(out, 'r2'), '--json', join(out, 's2.json')]),
    ]);
    const names = (f: string): string[] => (JSON.parse(readFileSync(join(out, f), 'utf8')) as ClassReport).students.map((s) => s.student);
    expect(names('s1.json')).toEqual(['alba', 'carla']);
    expect(names('s2.json')).toEqual(['bruno', 'dario']);
    expect([one.code, two.code]).toEqual([2, 0]);
    copyFileSync(join(out, 's2.json'), join(out, 's2-copy.json'));
    const merged = await runCli(['merge', join(out, 's1.json'), join(out, 's2.json'), '--csv', join(out, 'all.csv'), '--junit', join(out, 'all.xml')]);
    expect(merged.stdout).toContain('merged 4 students of tcp-echo');
    expect(merged.code, 'a complete class, one student of it not graded').toBe(0);
    expect(merged.stderr).toMatch(/^1 student could not be graded:\n {2}carla: the server command names .*server\.py, which does not exist[^\n]*\n$/);
    const rows = readFileSync(join(out, 'all.csv'), 'utf8').trim().split('\n');
    expect(rows.map((r) => r.split(',').slice(0, 3).join(','))).toEqual(['student,score,max', 'alba,2,2', 'bruno,1,2', 'carla,0,0', 'dario,2,2']);
    const fromDirs = await runCli(['merge', join(out, 'r1'), join(out, 'r2'), '--csv', join(out, 'dirs.csv')]);
    expect(fromDirs.code).toBe(0);
    expect(fromDirs.stderr).toMatch(/^1 student could not be graded:\n {2}carla: the server command names .*server\.py, which does not exist/);
    const spanish = await runCli(['merge', join(out, 'r1'), join(out, 'r2'), '--csv', join(out, 'es.csv'), '--lang', 'es']);
    expect(spanish.code).toBe(0);
    expect(spanish.stdout).toContain('4 estudiantes unidos de tcp-echo');
    expect(spanish.stderr, 'merge --lang es names the students not graded in Spanish').toMatch(/^1 estudiante no se pudo corregir:\n {2}carla: la orden del servidor nombra .*server\.py, que no existe/);
    const half = await runCli(['merge', join(out, 's1.json'), '--csv', join(out, 'half.csv')]);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('sockgrade: the class is incomplete: shard 2/2 is not among the inputs');
    const halfEs = await runCli(['merge', join(out, 's1.json'), '--csv', join(out, 'half-es.csv'), '--lang', 'es']);
    expect(halfEs.stderr).toContain('sockgrade: la clase está incompleta: el trozo 2/2 no está entre las entradas');
    expect(readFileSync(join(out, 'dirs.csv'), 'utf8')).toBe(readFileSync(join(out, 'all.csv'), 'utf8'));
  });

  it('bad input is one readable line and exit 2', async () => {
    const cls = makeClass();
    const cases: [string[], RegExp][] = [
      [['batch', cls], /needs --exercise/],
      [['batch', cls, '--exercise', 'nope'], /unknown exercise "nope"/],
      [['batch', cls, '--exercise', 'tcp-echo', '--server', 'python3 server.py'], /write \{dir\} where the folder goes/],
      [['batch', cls, '--exercise', 'tcp-echo', '--shard', '3/2'], /--shard expects i\/n/],
      [['batch', join(cls, 'missing'), '--exercise', 'tcp-echo'], /does not exist/],
      [['merge', join(cls, 'none.json'), '--csv', join(cls, 'x.csv')], /does not exist/],
      [['merge', join(cls, 'none.json')], /at least one of --csv/],
    ];
    for (const [args, pattern] of cases) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(pattern);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
