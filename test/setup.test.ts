/** A fresh clone installs what the lock says: the lock check CI runs before `npm ci`. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, testDir } from './support/cli.js';

const CHECK = join(ROOT, '.ci', 'check-lock.mjs');

function checkLock(dir: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [CHECK, dir], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe.concurrent('package-lock.json', () => {
  it('is in sync with package.json', () => {
    const r = checkLock(ROOT);
    expect(r.out).toContain('in sync');
    expect(r.status).toBe(0);
  });

  it('a dependency missing from the lock\'s root fails the check, naming it and the fix', () => {
    const dir = testDir('sockgrade-lock-');
    writeFileSync(join(dir, 'package.json'), readFileSync(join(ROOT, 'package.json')));
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string> }> };
    delete lock.packages['']!.dependencies!['tap-parser'];
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock));
    const r = checkLock(dir);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/out of sync .*npm install --package-lock-only[\s\S]*dependencies\.tap-parser: package\.json has \^18\.0\.0, the lock nothing/);
  });

  it('a bin the lock does not name fails the check', () => {
    const dir = testDir('sockgrade-lock-');
    writeFileSync(join(dir, 'package.json'), readFileSync(join(ROOT, 'package.json')));
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { bin?: Record<string, string> }> };
    lock.packages['']!.bin = { sockgrade: 'dist/harness/cli/main.js' };
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock));
    const r = checkLock(dir);
    expect(r.status).toBe(1);
    expect(r.out).toContain('bin: package.json has {"sockgrade":"bin/sockgrade"}, the lock {"sockgrade":"dist/harness/cli/main.js"}');
  });

  it('CI runs the check before npm ci', () => {
    const run = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(run.indexOf('node .ci/check-lock.mjs')).toBeGreaterThan(-1);
    expect(run.indexOf('node .ci/check-lock.mjs')).toBeLessThan(run.indexOf('\nnpm ci '));
  });
});
