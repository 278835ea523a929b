/**
 * Waiting for a file a program writes: whether the program was still busy when the wait ended
 * is judged over the last half second of samples, not the last one (a spinning program on a
 * loaded machine is often off the CPU for one 20 ms interval).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { settleFile } from '../exercises/shared/files-wait.js';
import type { CheckContext } from '../harness/engine/context.js';
import { testDir } from './support/cli.js';

const ctx = { within: (ms: number) => ms, signal: new AbortController().signal } as unknown as CheckContext;

describe('settleFile', () => {
  it('a program busy until shortly before the wait timed out is busy, though its last samples said idle', async () => {
    const path = join(testDir('sockgrade-settle-'), 'copia.txt');
    const t0 = performance.now();
    const r = await settleFile(ctx, path, { ended: () => false, busy: () => performance.now() - t0 < 300, ms: 400, idleMs: 5000 });
    expect(r.end).toBe('timeout');
    expect(r.content).toBeUndefined();
    expect(r.busy).toBe(true);
  });

  it('a program last busy more than half a second before the end is not busy', async () => {
    const path = join(testDir('sockgrade-settle-'), 'copia.txt');
    let first = true;
    const r = await settleFile(ctx, path, { ended: () => false, busy: () => (first ? ((first = false), true) : false), ms: 1200, idleMs: 5000 });
    expect(r.end).toBe('timeout');
    expect(r.busy).toBe(false);
  });

  it('a program never busy ends the wait as idle, not busy', async () => {
    const path = join(testDir('sockgrade-settle-'), 'copia.txt');
    const r = await settleFile(ctx, path, { ended: () => false, busy: () => false, ms: 3000, idleMs: 200 });
    expect(r.end).toBe('idle');
    expect(r.busy).toBe(false);
  });
});
