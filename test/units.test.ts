import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveParams } from '../harness/model/params.js';
import { UsageError } from '../harness/model/failure.js';
import { prepareCommand, shellWords } from '../harness/cli/command-line.js';
import { availableParallelism } from 'node:os';
import { defaultCheckJobs, fillPlaceholders } from '../harness/engine/settings.js';
import { PortLocks } from '../harness/engine/port-lock.js';
import { PortPlan } from '../harness/engine/port-plan.js';
import { classifyPrompt } from '../harness/engine/context.js';
import { testDir } from './support/cli.js';
import { sumPoints } from '../harness/model/result.js';
import { Rng } from '../harness/util/rng.js';
import { poll } from '../harness/util/deadline.js';

describe('parameters', () => {
  const specs = {
    idle: { type: 'number', default: 5, min: 0.5, description: '' },
    echo: { type: 'boolean', default: true, description: '' },
  } as const;
  it('applies defaults and typed overrides', () => {
    expect(resolveParams('x', specs, ['idle=2.5', 'echo=off'])).toEqual({ idle: 2.5, echo: false });
  });
  it('rejects unknown keys, bad values and out-of-range numbers with a readable message', () => {
    expect(() => resolveParams('x', specs, ['nope=1'])).toThrow(/has no parameter "nope" \(it has: idle, echo\)/);
    expect(() => resolveParams('x', specs, ['idle=soon'])).toThrow(UsageError);
    expect(() => resolveParams('x', specs, ['idle=0.1'])).toThrow(/between 0.5/);
    expect(() => resolveParams('x', specs, ['idle'])).toThrow(/key=value/);
  });
});

describe('command lines', () => {
  it('splits words like a shell', () => {
    expect(shellWords(`python3 "my server.py" 'a b' c\\ d`).map((w) => w.word)).toEqual(['python3', 'my server.py', 'a b', 'c d']);
  });
  it('fills placeholders with shell-quoted values', () => {
    expect(fillPlaceholders('client.py {host} {port} {message}', { host: '127.0.0.1', port: 5000, message: "it's" })).toBe(`client.py 127.0.0.1 5000 'it'\\''s'`);
  });
  it('makes relative script paths absolute, since programs run in a scratch folder', () => {
    const dir = testDir('sockgrade-cmd-');
    writeFileSync(join(dir, 'server.py'), '');
    expect(prepareCommand('server', 'python3 server.py {port}', dir)).toBe(`python3 ${join(dir, 'server.py')} {port}`);
  });
  it('refuses a missing script or program in one line', () => {
    const dir = testDir('sockgrade-cmd-');
    expect(() => prepareCommand('server', 'python3 missing.py', dir)).toThrow(/names missing\.py, which does not exist/);
    expect(() => prepareCommand('client', 'pyhton3 client.py', dir)).toThrow(/"pyhton3", which is not a program on PATH/);
    expect(() => prepareCommand('client', '  ', dir)).toThrow(/empty/);
  });
});

describe('prompts', () => {
  it('tells host, port and message prompts apart', () => {
    expect(classifyPrompt('Introduce el puerto: ')).toBe('port');
    expect(classifyPrompt('IP del servidor: ')).toBe('host');
    expect(classifyPrompt('Mensaje para el servidor: ')).toBe('message');
    expect(classifyPrompt('> ')).toBe('message');
  });
});

describe('port plans', () => {
  it('lets the first instance of an unknown server run alone, then serialises on a hard-coded port', async () => {
    const plan = new PortPlan(new PortLocks(), { mode: 'discover' });
    const leader = await plan.enter();
    expect(leader.leader).toBe(true);
    let secondStarted = false;
    const second = plan.enter().then((t) => {
      secondStarted = true;
      return t;
    });
    await new Promise((r) => setImmediate(r));
    expect(secondStarted).toBe(false);
    const releaseLock = await plan.learned(5000, false);
    await new Promise((r) => setImmediate(r));
    expect(secondStarted).toBe(false);
    releaseLock();
    leader.release();
    const t = await second;
    expect(t.leader).toBe(false);
    expect(plan.fixedPort).toBe(5000);
    t.release();
  });
  it('runs everything in parallel once the server is seen to use the offered port', async () => {
    const plan = new PortPlan(new PortLocks(), { mode: 'discover' });
    const leader = await plan.enter();
    const second = plan.enter();
    await plan.learned(40000, true);
    expect((await second).leader).toBe(false);
    leader.release();
  });
});

describe('scores', () => {
  it('adds fractional weights exactly', () => {
    expect(sumPoints([0.1, 0.2])).toBe(0.3);
    expect(sumPoints(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });
});

describe('seeded randomness', () => {
  it('gives the same sequence for the same seed and check', () => {
    const a = new Rng(42).fork('echo.large');
    const b = new Rng(42).fork('echo.large');
    expect(a.bytes(32).equals(b.bytes(32))).toBe(true);
    expect(new Rng(42).fork('echo.small').word(8)).not.toBe(new Rng(42).fork('echo.large').word(8));
  });
});

describe('checks run at once', () => {
  it('are twice the cores (2 to 4) for one grading, and shared among the gradings a batch runs side by side', () => {
    const cores = availableParallelism();
    expect(defaultCheckJobs()).toBe(Math.max(2, Math.min(4, cores * 2)));
    for (let n = 1; n < 16; n++) expect(defaultCheckJobs(n + 1)).toBeLessThanOrEqual(defaultCheckJobs(n));
    expect(defaultCheckJobs(64)).toBe(2);
    if (cores === 2) expect([defaultCheckJobs(1), defaultCheckJobs(2), defaultCheckJobs(3)]).toEqual([4, 2, 2]);
  });
});

describe('polling', () => {
  it('probes again at once when woken, not only every interval', { timeout: 10_000 }, async () => {
    let ready = false;
    let probes = 0;
    let wakeNow: (() => void) | undefined;
    const found = poll('a condition', 60_000, undefined, () => (++probes, ready ? 'found' : undefined), 60_000, (now) => {
      wakeNow = now;
      return () => (wakeNow = undefined);
    });
    expect(probes).toBe(1);
    ready = true;
    wakeNow?.();
    await expect(found).resolves.toBe('found');
    expect(probes).toBe(2);
    expect(wakeNow, 'the wake is released once the poll ends').toBeUndefined();
  });
});
