/**
 * Verdicts that must not depend on the seed or on luck: the same program gets the same verdict
 * whatever random choices a run makes.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, runCli } from './support/cli.js';
import { Rng } from '../harness/util/rng.js';
import { cutsInsideCharacters, echoPieceSizes } from '../exercises/tcp-echo/echo-cuts.js';

const SEEDS = [1, 2, 3, 5, 8, 13];
const fixture = (p: string): string => join(ROOT, 'fixtures', p);

/** The status of check `id` when `fixture` is graded with each of {@link SEEDS}. */
async function statusesOverSeeds(exercise: string, role: 'server' | 'client', command: string, id: string): Promise<string[]> {
  const out: string[] = [];
  for (const seed of SEEDS) {
    const run = await runCli(['grade', exercise, `--${role}`, command, '--only', id, '--seed', String(seed)], { json: true });
    const check = run.result?.checks.find((c) => c.id === id && c.role === role);
    out.push(`${seed}:${check?.status ?? 'missing'}`);
  }
  return out;
}

/** Grades each of `failing` and `passing` with every seed (all at once) and asserts check `id` fails, or passes, on every one. */
async function expectSameVerdictOverSeeds(exercise: string, role: 'server' | 'client', id: string, programs: { failing: string[]; passing: string[] }): Promise<void> {
  const expected = [...programs.failing.map((c) => [c, 'fail'] as const), ...programs.passing.map((c) => [c, 'pass'] as const)];
  const statuses = await Promise.all(expected.map(([command]) => statusesOverSeeds(exercise, role, command, id)));
  expected.forEach(([command, status], i) => expect(statuses[i], command).toEqual(SEEDS.map((s) => `${s}:${status}`)));
}

describe('client.full-echo-sliced always slices the echo', () => {
  it('cuts every message of two bytes or more into two pieces or more, the first cut inside a multi-byte character when there is one', () => {
    for (const text of ['Ho', 'Hola', 'Hola servidor 1234', 'ñ', 'año', '¡Hola, señor!', 'x😀y', 'caf\u00e9']) {
      const data = Buffer.from(text);
      for (let seed = 0; seed < 200; seed++) {
        const sizes = echoPieceSizes(data, new Rng(seed), 4, 12);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(data.length);
        expect(sizes.every((s) => s > 0)).toBe(true);
        if (data.length >= 2) expect(sizes.length, `${text} seed ${seed}`).toBeGreaterThanOrEqual(2);
        const inside = cutsInsideCharacters(data);
        if (inside.length > 0) expect(inside).toContain(sizes[0]);
      }
    }
  });

  it('fails a one-recv client with a 4-byte message, and a client decoding each recv of an accented message, for every seed; passes a correct client for every seed', async () => {
    await expectSameVerdictOverSeeds('tcp-echo', 'client', 'client.full-echo-sliced', {
      failing: [`python3 ${fixture('tcp-echo/real-client-hola-recv-once/cliente.py')}`, `python3 ${fixture('tcp-echo/real-client-decode-each-recv/cliente.py')}`],
      passing: [`python3 ${fixture('tcp-echo/correct-input/client.py')} {host} {port}`],
    });
  });
});

describe('UDP robust.survives-garbage does not depend on luck', () => {
  it('fails, for every seed, a receiver that drops half of the datagrams at random and crashes on decode(); passes, for every seed, one that drops 30 % and ignores what it cannot read', async () => {
    await expectSameVerdictOverSeeds('reliable-udp', 'server', 'robust.survives-garbage', {
      failing: [`python3 ${fixture('reliable-udp/bug-lossy-decode-garbage/receptor.py')} {port}`],
      passing: [`python3 ${fixture('reliable-udp/real-receiver-simulated-loss/receptor.py')} {port}`],
    });
  });
});

describe('TCP robust.survives-garbage does not depend on luck', () => {
  it('fails, for every seed, a web server that opens the second word of a request (a NUL in it raises ValueError); passes a correct one for every seed', async () => {
    await expectSameVerdictOverSeeds('http-get-client', 'server', 'robust.survives-garbage', {
      failing: [`python3 ${fixture('http-get-client/real-server-ioerror-reset/server.py')} {port}`],
      passing: [`python3 ${fixture('http-get-client/correct-server/server.py')} {port}`],
    });
  });
});
