/**
 * Host names and environment faults: sockgrade's DNS responder, `--host NAME`, programs that
 * cannot be told a value, set-up faults reported as errors, and the `"env"` of the course config
 * and the manifest.
 */
import { describe, expect, it } from 'vitest';
import { Resolver } from 'node:dns/promises';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, testDir } from './support/cli.js';
import { DnsResponder } from '../harness/net/dns-responder.js';
import { DNS_TYPE, buildAnswer, parseQuery } from '../harness/net/dns-message.js';
import { environmentFault, type FaultContext } from '../harness/diagnose/environment.js';
import type { Program } from '../harness/process/program.js';
import { parseCourseConfig } from '../harness/course/config.js';
import { builtinExercises } from '../harness/cli/builtin-exercises.js';
import { mergeEnv, onTopOfInherited } from '../harness/course/program-env.js';
import { readManifest } from '../harness/cli/manifest.js';
import { UsageError } from '../harness/model/failure.js';
import { namespaceSupport } from '../harness/isolation/namespace.js';

const hermetic = namespaceSupport().available;

/** A query for `name` of `type`, as a stub resolver sends it. */
function query(name: string, type: number): Buffer {
  const labels = name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
  const header = Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
  return Buffer.concat([header, ...labels, Buffer.from([0, 0, type, 0, 1])]);
}

describe('the DNS responder', () => {
  it('parses a question and answers it with one A record, or none', () => {
    const q = parseQuery(query('www.Python.org', DNS_TYPE.A));
    expect(q).toMatchObject({ id: 0x1234, name: 'www.python.org', type: DNS_TYPE.A, qclass: 1 });
    const answer = buildAnswer(q!, 0, '127.0.0.1');
    expect(answer.readUInt16BE(0)).toBe(0x1234);
    expect(answer.readUInt16BE(2) & 0x800f).toBe(0x8000);
    expect(answer.readUInt16BE(6)).toBe(1);
    expect([...answer.subarray(answer.length - 4)]).toEqual([127, 0, 0, 1]);
    expect(buildAnswer(q!, 3).readUInt16BE(2) & 0xf).toBe(3);
    expect(parseQuery(Buffer.from('garbage'))).toBeUndefined();
  });

  it('answers every name with its address (A only), records what was asked, and answers no name when told to', async () => {
    const every = await DnsResponder.start({ address: '127.0.0.1' }, 0);
    const none = await DnsResponder.start({}, 0);
    expect(every && none).toBeTruthy();
    try {
      const ask = new Resolver({ timeout: 2000, tries: 1 });
      ask.setServers([`${every!.address}:${every!.port}`]);
      expect(await ask.resolve4('www.python.org')).toEqual(['127.0.0.1']);
      expect(await ask.resolve4('servidor')).toEqual(['127.0.0.1']);
      await expect(ask.resolve6('pool.ntp.org')).rejects.toMatchObject({ code: 'ENODATA' });
      expect(every!.asked).toEqual(['www.python.org', 'servidor', 'pool.ntp.org']);
      const refuse = new Resolver({ timeout: 2000, tries: 1 });
      refuse.setServers([`${none!.address}:${none!.port}`]);
      await expect(refuse.resolve4('nx-name.example.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    } finally {
      every?.close();
      none?.close();
    }
  });
});

/** A stand-in for a program that printed `text` and ended with `code`. */
function printed(text: string, code: number | null = 1, calls: string[] = []): Program {
  return { transcript: { label: 'client' }, outputText: () => text, exit: { code, signal: null, at: 0 }, netCalls: () => calls } as unknown as Program;
}

describe('environment faults', () => {
  const off: FaultContext = { everyNameMapped: false, lookupsJudged: false, isolation: 'off (--isolation off)' };
  const on: FaultContext = { ...off, everyNameMapped: true, isolation: 'on' };

  it('a third-party module that is not installed is the machine\'s fault; a typo or a Python 2 module is the program\'s', () => {
    expect(environmentFault([printed("Traceback (most recent call last):\nModuleNotFoundError: No module named 'ntplib'\n")], on)).toMatch(/needs the Python module ntplib.*pip install ntplib.*PYTHONPATH/);
    expect(environmentFault([printed("ModuleNotFoundError: No module named 'socketio.client'\n")], on)).toMatch(/module socketio/);
    expect(environmentFault([printed("ModuleNotFoundError: No module named 'sokcet'\n")], on)).toBeUndefined();
    expect(environmentFault([printed("ModuleNotFoundError: No module named 'SocketServer'\n")], on)).toBeUndefined();
  });

  it('a command that is not installed is the machine\'s fault', () => {
    expect(environmentFault([printed('/bin/sh: 1: python2: not found\n', 127)], on)).toMatch(/runs python2, which is not installed.*PATH/);
    expect(environmentFault([printed('/bin/sh: 1: python2: not found\n', 0)], on)).toBeUndefined();
    // As the shell, a shim or env report it (inside a sandbox the wrapper's exec says it).
    for (const said of ['/bin/sh: 1: exec: python2: not found', 'bash: line 1: python2: command not found', 'pyenv: python2: command not found', 'No preset version installed for command python2', "/usr/bin/env: 'python2': No such file or directory", '/usr/bin/env: \u2018python2\u2019: No such file or directory']) {
      expect(environmentFault([printed(`${said}\n`, 127)], on), said).toMatch(/runs python2, which is not installed.*PATH/);
    }
  });

  it('a script whose #! line names an interpreter this machine does not have is the machine\'s fault, and the #! line is named', () => {
    const dir = testDir();
    const script = join(dir, 'cliente.py');
    writeFileSync(script, '#!/opt/homebrew/bin/python3\nprint(1)\n');
    expect(environmentFault([printed(`/bin/sh: 1: exec: ${script}: not found\n`, 127)], on)).toMatch(/script .*cliente\.py starts with #!\/opt\/homebrew\/bin\/python3, an interpreter that is not installed.*python3 cliente\.py/);
    writeFileSync(script, '#!/usr/bin/python3\r\nprint(1)\r\n');
    expect(environmentFault([printed(`/bin/sh: 1: exec: ${script}: not found\n`, 127)], on)).toMatch(/starts with #!\/usr\/bin\/python3\\r: with Windows line endings.*dos2unix/);
  });

  it('a name sockgrade did not map is the machine\'s fault, unless every name was mapped, the name is not valid, or look-ups are judged', () => {
    const failed = printed('socket.gaierror: [Errno -2] Name or service not known\n', 1, ['connect servidor.redes.lan:80 (gaierror)']);
    expect(environmentFault([failed], off)).toMatch(/could not resolve the host name servidor\.redes\.lan.*hermetic.*--host servidor\.redes\.lan/);
    expect(environmentFault([failed], on)).toBeUndefined();
    expect(environmentFault([failed], { ...off, lookupsJudged: true })).toBeUndefined();
    expect(environmentFault([printed('socket.gaierror\n', 1, ['connect 127.0.0.1:80:80 (gaierror)'])], off)).toBeUndefined();
  });
});

describe('"env" in the course config and the manifest', () => {
  it('is an object of strings; relative folders of path lists are taken from the file\'s folder', () => {
    const config = parseCourseConfig({ env: { PYTHONPATH: 'lib:/opt/py', MODE: 'x' }, exercises: { 'sntp-client': { env: { PATH: 'bin' } } } }, '/course/sockgrade.config.json', builtinExercises());
    expect(config.env).toEqual({ PYTHONPATH: '/course/lib:/opt/py', MODE: 'x' });
    expect(config.exercises['sntp-client']?.env).toEqual({ PATH: '/course/bin' });
    const problem = (data: unknown): string => {
      try {
        parseCourseConfig(data, '/course/sockgrade.config.json', builtinExercises());
      } catch (err) {
        if (err instanceof UsageError) return err.message;
      }
      return '';
    };
    expect(problem({ env: { PORT: '80' } })).toMatch(/"env" sets PORT, which sockgrade sets itself/);
    expect(problem({ env: { PYTHONPATH: 3 } })).toMatch(/"env" has "PYTHONPATH": 3, which is not a string/);
    expect(problem({ exercises: { 'tcp-echo': { env: [] } } })).toMatch(/exercises\.tcp-echo\.env: must be an object/);
    expect(onTopOfInherited({ PATH: '/course/bin', MODE: 'x' }, { PATH: '/usr/bin:/bin' })).toEqual({ PATH: '/course/bin:/usr/bin:/bin', MODE: 'x' });
    expect(mergeEnv({ PYTHONPATH: '/student/lib', MODE: 'a' }, { PYTHONPATH: '/course/lib', MODE: 'b' })).toEqual({ PYTHONPATH: '/course/lib:/student/lib', MODE: 'b' });
    const dir = testDir();
    writeFileSync(join(dir, 'sockgrade.json'), JSON.stringify({ exercise: 'sntp-client', env: { PYTHONPATH: 'lib' } }));
    expect(readManifest(join(dir, 'sockgrade.json')).env).toEqual({ PYTHONPATH: join(dir, 'lib') });
  });
});

describe('host names a client uses, graded by the CLI', () => {
  const client = join(ROOT, 'fixtures', 'http-get-client', 'correct-client', 'client.py');

  it.skipIf(!hermetic)('--host NAME: the client is given the name, and its look-up reaches sockgrade (hermetic)', async () => {
    const run = await runCli(['grade', 'http-get-client', '--client', `python3 ${client} {host} {port} {path}`, '--host', 'servidor-web.lan', '--only', 'http.request-well-formed,http.host-header'], { json: true });
    expect(run.result?.checks.map((c) => `${c.id}: ${c.status}`)).toEqual(['http.request-well-formed: pass', 'http.host-header: pass']);
    expect(run.code).toBe(0);
  });

  it.skipIf(!hermetic)('--host NAME with isolation off: the name is in the client\'s hosts file', async () => {
    const run = await runCli(['grade', 'http-get-client', '--client', `python3 ${client} {host} {port} {path}`, '--host', 'servidor-web.lan', '--isolation', 'off', '--only', 'http.request-well-formed,http.host-header'], { json: true });
    expect(run.result?.checks.map((c) => `${c.id}: ${c.status}`)).toEqual(['http.request-well-formed: pass', 'http.host-header: pass']);
  });

  it.skipIf(!hermetic)('with isolation off, a name sockgrade cannot map is an error saying so, not the student\'s failure', async () => {
    const dir = testDir();
    mkdirSync(join(dir, 'sub'));
    const program = join(dir, 'sub', 'cliente.py');
    writeFileSync(
      program,
      [
        'import socket, sys',
        's = socket.socket()',
        'try:',
        "    s.connect(('servidor.redes.invalid', 80))",
        'except OSError as e:',
        "    print('No se puede conectar:', e)",
        '    sys.exit(1)',
      ].join('\n'),
    );
    const run = await runCli(['grade', 'http-get-client', '--client', `python3 ${program}`, '--isolation', 'off', '--only', 'http.host-header,robust.no-server'], { json: true });
    const checks = run.result?.checks ?? [];
    expect(checks.map((c) => `${c.id}: ${c.status}`)).toEqual(['http.host-header: error', 'robust.no-server: error']);
    // The host name is named when the Python hook recorded the look-up; the set-up fault is reported either way.
    for (const c of checks) expect(c.message).toMatch(/^not the submission's fault: the client could not resolve (the host name servidor\.redes\.invalid: .*--host servidor\.redes\.invalid|a host name: sockgrade answers every name .* only in a hermetic run)/);
    expect(run.code).toBe(2);
  });
});
