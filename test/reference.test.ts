/** Every reference solution passes every check of its exercise, through the real CLI. */
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from './support/cli.js';
import { REFERENCES } from '../reference/index.js';

/** Parameters that switch on the optional checks, so that references are graded on every check. */
const ALL_CHECKS_ON: Readonly<Record<string, string[]>> = {
  'framed-echo': ['--param', 'concurrent=true'],
  'group-chat': ['--param', 'password=secreto', '--param', 'idle=6'],
  'file-copy': ['--param', 'variant=framed'],
};

describe.concurrent('reference solutions', () => {
  for (const [exercise, entry] of Object.entries(REFERENCES)) {
    it(`${exercise} passes all its checks`, async () => {
      const params = ALL_CHECKS_ON[exercise] ?? [];
      const args = ['grade', exercise, ...params];
      const same = params.join(' ');
      if (entry.server) args.push('--server', `node ${CLI} reference ${exercise} server --port {port} ${same}`);
      if (entry.client) args.push('--client', `node ${CLI} reference ${exercise} client --port {port} ${same}`);
      const run = await runCli(args, { json: true });
      const result = run.result!;
      expect(result.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.status} ${c.message}`)).toEqual([]);
      expect(run.code).toBe(0);
      expect(result.score).toBe(result.maxScore);
      expect(run.survivors).toEqual([]);
    });
  }
});
