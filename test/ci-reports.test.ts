/**
 * Reports for CI read as CI systems read them: JUnit counts as a consumer that sums `<testsuites>`
 * reads them, and GitHub annotations attached to the student's file and line.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, runCli, testDir } from './support/cli.js';
import { junitSchema, needTool, XMLLINT } from './support/tools.js';

const SCHEMA = junitSchema(ROOT);

const attrs = (tag: string): Record<string, number> => Object.fromEntries([...tag.matchAll(/ (\w+)="([\d.]+)"/g)].map((m): [string, number] => [m[1] as string, Number(m[2])]));

/**
 * The reading rule of consumers that take the totals from the root element (test-results-parser
 * and similar dashboards): passed = tests − failures − errors (− skipped, when the root has it).
 * No JUnit-reading package is installed with sockgrade, so the rule is emulated here.
 */
function rootTotals(xml: string): { passed: number; failed: number } {
  const root = attrs(/<testsuites[^>]*>/.exec(xml)![0]);
  return { passed: root.tests! - root.failures! - root.errors! - (root.skipped ?? 0), failed: root.failures! + root.errors! };
}

/** The reading rule of consumers that sum the `<testsuite>` elements (Jenkins, GitLab). */
function suiteTotals(xml: string): { passed: number; skipped: number } {
  let passed = 0;
  let skipped = 0;
  for (const m of xml.matchAll(/<testsuite [^>]*>/g)) {
    const a = attrs(m[0]);
    passed += a.tests! - a.failures! - a.errors! - (a.skipped ?? 0);
    skipped += a.skipped ?? 0;
  }
  return { passed, skipped };
}

describe.concurrent('JUnit totals', () => {
  it('a consumer summing <testsuites> does not count skipped checks as passed; the file validates', async ({ skip }) => {
    needTool(XMLLINT, skip);
    const dir = testDir('sockgrade-junit-');
    const junit = join(dir, 'r.xml');
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${join(ROOT, 'fixtures/tcp-echo/bug-recv-once/server.py')} {port}`, '--seed', '7', '--junit', junit], { json: true });
    const result = run.result!;
    const passed = result.checks.filter((c) => c.status === 'pass').length;
    const skippedChecks = result.checks.filter((c) => c.status === 'skip').length;
    expect(skippedChecks).toBe(4);
    const xml = readFileSync(junit, 'utf8');
    expect(rootTotals(xml)).toEqual({ passed, failed: result.checks.filter((c) => c.status === 'fail').length });
    expect(suiteTotals(xml)).toEqual({ passed, skipped: skippedChecks });
    expect(spawnSync('xmllint', ['--noout', '--schema', SCHEMA, junit], { encoding: 'utf8' }).stderr).toContain('validates');
  });

  it('the class JUnit of a batch reads the same way', async ({ skip }) => {
    needTool(XMLLINT, skip);
    const cls = testDir('sockgrade-class-');
    for (const [student, fixture] of [['ana', 'correct-threads'], ['beto', 'bug-recv-once']] as const) {
      mkdirSync(join(cls, student));
      copyFileSync(join(ROOT, 'fixtures/tcp-echo', fixture, 'server.py'), join(cls, student, 'server.py'));
    }
    const out = testDir('sockgrade-class-out-');
    const run = await runCli(['batch', cls, '--exercise', 'tcp-echo', '--server', 'python3 {dir}/server.py {port}', '--only', 'echo.small', '--only', 'echo.large', '--seed', '3', '--out', join(out, 'r'), '--junit', join(out, 'c.xml'), '--json', join(out, 'c.json')]);
    expect(run.code, run.stderr).toBe(0);
    const xml = readFileSync(join(out, 'c.xml'), 'utf8');
    expect(rootTotals(xml)).toEqual({ passed: 3, failed: 1 });
    expect(suiteTotals(xml)).toEqual({ passed: 3, skipped: 0 });
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
