/**
 * Reports for CI read as CI systems read them: JUnit counted by a real consumer (the npm package
 * test-results-parser, which takes the totals from `<testsuites>` and each `<testsuite>`, as
 * dashboards and chat reporters built on it do) and validated by xmllint, and GitHub annotations
 * attached to the student's file and line.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, runCli, testDir } from './support/cli.js';
import { junitSchema, needPackage, needTool, XMLLINT } from './support/tools.js';

const SCHEMA = junitSchema(ROOT);

/** Totals as test-results-parser reads them. */
interface Totals {
  name: string;
  total: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
}

/** What test-results-parser makes of a JUnit file (the parts read here). */
interface ParsedJunit extends Totals {
  suites: (Totals & { cases: { name: string; status: 'PASS' | 'FAIL' | 'SKIP' }[] })[];
}

type Parser = { parse: (opts: { type: 'junit'; files: string[] }) => ParsedJunit };

const totals = (t: Totals): Omit<Totals, 'name'> => ({ total: t.total, passed: t.passed, failed: t.failed, errors: t.errors, skipped: t.skipped });

describe.concurrent('JUnit totals', () => {
  it('test-results-parser does not count skipped checks as passed, and reads each check as sockgrade graded it; the file validates', async ({ skip }) => {
    needTool(XMLLINT, skip);
    const consumer = needPackage<Parser>('test-results-parser', skip);
    const dir = testDir('sockgrade-junit-');
    const junit = join(dir, 'r.xml');
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${join(ROOT, 'fixtures/tcp-echo/bug-recv-once/server.py')} {port}`, '--seed', '7', '--junit', junit], { json: true });
    const checks = run.result!.checks;
    const count = (status: string): number => checks.filter((c) => c.status === status).length;
    expect([count('pass'), count('fail'), count('skip'), count('error')]).toEqual([6, 2, 4, 0]);
    const parsed = consumer.parse({ type: 'junit', files: [junit] });
    expect(totals(parsed)).toEqual({ total: 8, passed: 6, failed: 2, errors: 0, skipped: 0 });
    expect(parsed.suites.map(totals)).toEqual([{ total: 8, passed: 6, failed: 2, errors: 0, skipped: 4 }]);
    const status = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP', error: 'FAIL' } as const;
    expect(parsed.suites[0]!.cases.map((c) => c.status)).toEqual(checks.map((c) => status[c.status]));
    expect(spawnSync('xmllint', ['--noout', '--schema', SCHEMA, junit], { encoding: 'utf8' }).stderr).toContain('validates');
  });

  it('the class JUnit of a batch reads the same way: one suite per student, skips apart', async ({ skip }) => {
    needTool(XMLLINT, skip);
    const consumer = needPackage<Parser>('test-results-parser', skip);
    const cls = testDir('sockgrade-class-');
    for (const [student, fixture] of [['ana', 'correct-threads'], ['beto', 'bug-recv-once']] as const) {
      mkdirSync(join(cls, student));
      copyFileSync(join(ROOT, 'fixtures/tcp-echo', fixture, 'server.py'), join(cls, student, 'server.py'));
    }
    const out = testDir('sockgrade-class-out-');
    const run = await runCli(['batch', cls, '--exercise', 'tcp-echo', '--server', 'python3 {dir}/server.py {port}', '--only', 'echo.small', '--only', 'echo.large', '--only', 'echo.quit-word', '--seed', '3', '--out', join(out, 'r'), '--junit', join(out, 'c.xml')]);
    expect(run.code, run.stderr).toBe(0);
    const parsed = consumer.parse({ type: 'junit', files: [join(out, 'c.xml')] });
    expect(totals(parsed)).toEqual({ total: 4, passed: 3, failed: 1, errors: 0, skipped: 0 });
    expect(parsed.suites.map((s) => [s.name, totals(s)])).toEqual([
      ['ana', { total: 2, passed: 2, failed: 0, errors: 0, skipped: 1 }],
      ['beto', { total: 2, passed: 1, failed: 1, errors: 0, skipped: 1 }],
    ]);
    expect(spawnSync('xmllint', ['--noout', '--schema', SCHEMA, join(out, 'c.xml')], { encoding: 'utf8' }).stderr).toContain('validates');
  });
});

describe.concurrent('GitHub annotations', () => {
  it('carry file= (relative to the workspace) and line= from the traceback, so they attach to the student\'s code', async () => {
    const workspace = testDir('sockgrade-gh-');
    mkdirSync(join(workspace, 'entrega'));
    copyFileSync(join(ROOT, 'fixtures/tcp-echo/hostile-traceback-at-start/server.py'), join(workspace, 'entrega', 'servidor.py'));
    copyFileSync(join(ROOT, 'fixtures/tcp-echo/bug-recv-once/server.py'), join(workspace, 'entrega', 'eco.py'));
    const grade = async (script: string): Promise<string> => {
      const child = spawn(process.execPath, [CLI, 'grade', 'tcp-echo', '--server', `python3 entrega/${script} {port}`, '--only', 'echo.large', '--seed', '1', '--github', '--tap'], {
        cwd: workspace,
        env: { ...process.env, GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: join(workspace, 'summary.md'), SOCKGRADE_TMPDIR: testDir('sockgrade-scratch-') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      await new Promise((res) => child.on('close', res));
      return stdout.split('\n').filter((l) => l.startsWith('::error')).join('\n');
    };
    const [crash, wrong] = await Promise.all([grade('servidor.py'), grade('eco.py')]);
    expect(crash).toMatch(/^::error file=entrega\/servidor\.py,line=8,title=sockgrade tcp-echo%3A echo\.large%3A [^:]*::\S/);
    expect(wrong).toMatch(/^::error file=entrega\/eco\.py,title=sockgrade tcp-echo%3A echo\.large%3A [^:]*::client #1 got back only 1024/);
  });
});
