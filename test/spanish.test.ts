/**
 * `--lang es` is Spanish throughout: the console report of real gradings (the real CLI), the
 * run header and notes included, has no English outside the program's own output, quoted data,
 * ids, commands and API names (see support/english.ts for what is taken out); and so has
 * `sockgrade list --lang es`, in every exercise's title, contract per role and parameter
 * descriptions.
 *
 * Affordable subset, not every fixture: buggy fixtures of every exercise whose failures cover
 * most of its diagnoses (below), plus the udp/tcp echo fixtures the demo grades; sensor-telemetry's
 * bring its overhead table, period notes and malformed datagrams, mini-ftp's its byte-offset
 * comparisons, frame counts and the names path traversal tries, reliable-udp's its overhead notes,
 * what a sender delivered and the garbage check, http-get-client's the body descriptions of
 * http.full-body and the Host header expected, framed-echo's real server (a hard-coded port) the
 * socket calls with the bind the start-up hook moved. Every fixture's report is also rendered in
 * Spanish from its English grading by the fixture tests (support/fixture-suite.ts), which finds any English left there.
 */
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/cli.js';
import { englishFragments } from './support/english.js';
import { readFixture } from '../harness/cli/demo-command.js';
import { EXERCISES } from '../exercises/index.js';
import { builtinExercises } from '../harness/cli/builtin-exercises.js';
import { translatorFor } from '../harness/i18n/localize.js';

const SUBSET = [
  'udp-echo/bug-truncates-1024',
  'tcp-echo/bug-recv-once',
  'tcp-echo/hostile-traceback-at-start',
  'tcp-echo/real-client-port-4000',
  'framed-echo/bug-client-recv-once',
  'framed-echo/bug-unpadded-reply',
  'framed-echo/real-server-recv-body-once',
  'tcp-chat-ack/bug-client-ignores-quit',
  'chat-1to1/bug-client-sends-name',
  'chat-1to1/bug-server-expects-name',
  'group-chat/bug-client-blocking',
  'group-chat/bug-raw-newline',
  'group-chat/bug-no-idle',
  'file-copy/bug-append',
  'file-copy/bug-udp-one-datagram',
  'file-copy/bug-client-udp-no-end',
  'file-copy/bug-name-in-content',
  'file-copy/bug-dies-on-reset',
  'sntp-client/bug-local-clock',
  'http-get-client/bug-fixed-path',
  'http-get-client/bug-recv-1024',
  'dns-lookup/bug-prints-name',
  'dns-lookup/bug-unknown-traceback',
  'binary-struct/bug-client-fixed-order',
  'binary-struct/bug-server-int-format',
  'sensor-telemetry/bug-period-drift',
  'sensor-telemetry/bug-record-too-big',
  'mini-ftp/bug-read-1024',
  'mini-ftp/bug-no-path-check',
  'reliable-udp/bug-decode-garbage',
  'reliable-udp/bug-no-retransmit',
  'tcp-echo-timeout/bug-exits-after-kick',
  'tcp-chat-ack/bug-select-fragile',
  'group-chat/bug-duplicate-sender',
  'file-copy/bug-client-one-frame',
  'sntp-client/bug-request-byte',
  'http-get-client/bug-no-host-header',
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

  it('sockgrade list --lang es has no English in the titles, contracts and parameter descriptions of the built-in exercises', async () => {
    const run = await runCli(['list', '--lang', 'es']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const id of Object.keys(EXERCISES)) expect(run.stdout).toMatch(new RegExp(`^${id}  \\(`, 'm'));
    // HOST/PORT, MESSAGE: names of environment variables, not words
    expect(englishFragments(run.stdout.replace(/\b[A-Z][A-Z0-9_]+\b/g, ' '))).toEqual([]);
  });

  it('every title, contract and parameter description of the built-in exercises has its Spanish', () => {
    const exercises = builtinExercises().all(); // adds the exercises' catalogues: before asking for the translator
    const t = translatorFor('es');
    const missing = exercises
      .flatMap((ex) => [ex.title, ...Object.values(ex.contract), ...Object.values(ex.params).map((p) => p.description)].map((text) => ({ id: ex.id, text })))
      .filter(({ text }) => text !== undefined && t?.lookup(text) === undefined)
      .map(({ id, text }) => `${id}: ${text}`);
    expect(missing).toEqual([]);
  });

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
