/** Every reference solution passes every check of its exercise, through the real CLI. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { realpathSync } from 'node:fs';
import { CLI, ROOT, runCli } from './support/cli.js';
import { REFERENCES } from '../reference/index.js';
import { findExercise } from '../exercises/index.js';

/** The reference programs are sockgrade itself: their sandbox may read its installation (node_modules may be a link elsewhere). */
const OWN_INSTALL = `${ROOT}:${realpathSync(join(ROOT, 'node_modules'))}`;

/** Parameters that switch on the optional checks, so that references are graded on every check. */
const ALL_CHECKS_ON: Readonly<Record<string, string[]>> = {
  'framed-echo': ['--param', 'concurrent=true'],
};

/**
 * Exercises graded once per variant, because some of their checks apply to one variant only
 * (TCP or UDP): arguments for grade only (the reference's manifest), and parameters also given
 * to the reference programs. Each variant may skip only the checks not applicable to it.
 */
const ECHO_VARIANTS = [[], ['framing=line', 'transform=upper', 'banner=Bienvenido', 'quit=adios']].map((p) => ({ grade: [], params: p.flatMap((x) => ['--param', x]) }));
const VARIANTS: Readonly<Record<string, { grade: string[]; params: string[] }[]>> = {
  'tcp-echo': ECHO_VARIANTS,
  'tcp-echo-concurrent': ECHO_VARIANTS,
  // A short idle expels the members of long checks on a loaded machine (rightly): idle-kick is graded on its own.
  // framing=raw: messages without newline, one per send (the reference server and client take each read as one message).
  'group-chat': ['line', 'raw'].flatMap((framing) => [
    { grade: [], params: ['--param', 'password=secreto', '--param', 'idle=0', '--param', `framing=${framing}`] },
    { grade: ['--only', 'chat.idle-kick'], params: ['--param', 'idle=6', '--param', `framing=${framing}`] },
  ]),
  'file-copy': [['variant=framed', 'name-first=on'], ['variant=lines'], ['transport=udp'], ['transport=udp', 'name-first=on']].map((p) => ({ grade: [], params: p.flatMap((x) => ['--param', x]) })),
  'mini-ftp': [[], ['--param', 'transport=udp']].map((params) => ({ grade: [], params })),
  'sensor-telemetry': [
    { manifest: 'sockgrade.json', params: ['transport=tcp'] },
    { manifest: 'sockgrade-udp.json', params: ['transport=udp'] },
    { manifest: 'sockgrade-pull.json', params: ['model=pull'] },
    { manifest: 'sockgrade-none.json', params: ['reply=none'] },
    { manifest: 'sockgrade-udp-pull-none.json', params: ['transport=udp', 'model=pull', 'reply=none'] },
  ].map((v) => ({ grade: ['--manifest', join(ROOT, 'reference', 'sensor-telemetry', v.manifest)], params: v.params.flatMap((p) => ['--param', p]) })),
};
const CASES = Object.entries(REFERENCES).flatMap(([exercise, entry]) =>
  (VARIANTS[exercise] ?? [{ grade: [], params: ALL_CHECKS_ON[exercise] ?? [] }]).map((v) => ({ exercise, entry, ...v, label: VARIANTS[exercise] ? ` (${v.params.join(' ')})` : '' })),
);

describe.concurrent('reference solutions', () => {
  for (const { exercise, entry, grade, params, label } of CASES) {
    it(`${exercise} passes all its checks${label}`, async () => {
      const args = ['grade', exercise, ...params, ...grade];
      const same = params.join(' ');
      if (entry.server && findExercise(exercise)?.contract.server) args.push('--server', `node ${CLI} reference ${exercise} server --port {port} ${same}`);
      if (entry.client) args.push('--client', `node ${CLI} reference ${exercise} client --port {port} ${same}`);
      const run = await runCli(args, { json: true, env: { SOCKGRADE_SANDBOX_READ: OWN_INSTALL } });
      const result = run.result!;
      expect(result.checks.filter((c) => c.status !== 'pass' && !(label && c.status === 'skip' && c.message.startsWith('not applicable'))).map((c) => `${c.id}: ${c.status} ${c.message}`)).toEqual([]);
      expect(run.code).toBe(0);
      expect(result.score).toBe(result.maxScore);
      expect(run.survivors).toEqual([]);
    });
  }
});
