/** A correct submission gets the same verdict every time: graded ten times in a row. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, runCli } from './support/cli.js';

describe('stable verdicts', () => {
  it('a correct tcp-echo server passes 10 runs out of 10', async () => {
    const verdicts: string[] = [];
    for (let i = 0; i < 10; i++) {
      const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${join(ROOT, 'fixtures/tcp-echo/correct-select/server.py')} {port}`], { json: true });
      verdicts.push(run.result!.checks.map((c) => `${c.id}=${c.status}`).join(','));
    }
    expect(new Set(verdicts).size).toBe(1);
    expect(verdicts[0]).not.toMatch(/=(fail|error)/);
  });
});
