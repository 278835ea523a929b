/**
 * `--lang es` is Spanish throughout: the console report of real gradings (the real CLI), the
 * run header and notes included, has no English outside the program's own output, quoted data,
 * ids, commands and API names (see support/english.ts for what is taken out).
 *
 * Affordable subset: one buggy fixture per exercise whose failures cover that exercise's
 * diagnoses (below), plus the udp/tcp echo fixtures the demo grades. Exercises not listed still
 * print some English in Spanish reports (sensor-telemetry's overhead table and period notes,
 * mini-ftp's byte-offset comparisons, reliable-udp's overhead note and its garbage check,
 * http-get-client's body descriptions): they are the next catalogue entries to write.
 */
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';
import { englishFragments } from './support/english.js';
import { readFixture } from '../harness/cli/demo-command.js';

const SUBSET = [
  'udp-echo/bug-truncates-1024',
  'tcp-echo/bug-recv-once',
  'tcp-echo/hostile-traceback-at-start',
  'tcp-echo/real-client-port-4000',
  'framed-echo/bug-client-recv-once',
  'tcp-chat-ack/bug-client-ignores-quit',
  'chat-1to1/bug-client-sends-name',
  'group-chat/bug-client-blocking',
  'file-copy/bug-append',
  'sntp-client/bug-local-clock',
  'http-get-client/bug-fixed-path',
  'dns-lookup/bug-prints-name',
  'binary-struct/bug-client-fixed-order',
];

describe.concurrent('Spanish reports have no English fragments', () => {
  for (const fixture of SUBSET) {
    it(fixture, async () => {
      const fx = readFixture(ROOT, fixture);
      const run = await runCli(['grade', fixture.split('/')[0]!, `--${fx.role}`, fx.command, ...(fx.args ?? []), '--lang', 'es', '--seed', '11']);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^sockgrade · .* · semilla 11\n/);
      expect(run.stdout).toMatch(/\nNota: /);
      expect(englishFragments(run.stdout)).toEqual([]);
    });
  }

  it('the scan finds English when there is some', () => {
    expect(englishFragments('  ✗ servidor echo.small  devuelve el eco (0/1 pto, 1 s)\n      the server closed the connection\n    | this is the program output\n')).toEqual([
      'the,server,closed,the,connection: the server closed the connection',
    ]);
  });

  it('npm start (the demo) opens with two lines saying what it is and what the reader will see, and is Spanish with --lang es', async () => {
    const run = await runCli(['demo', '--lang', 'es']);
    expect(run.code, run.stdout).toBe(0);
    const [first, second] = run.stdout.split('\n');
    expect(first).toMatch(/^demo de sockgrade: corrige 7 entregas de ejemplo de la unidad A /);
    expect(second).toMatch(/^De cada una verás su informe: /);
    expect(run.stdout).toContain('demo: los 7 ejemplos obtuvieron el veredicto esperado');
    expect(englishFragments(run.stdout)).toEqual([]);
  });
});
