/** The CLI helps: --version, per-command --help, "did you mean" for misspellings, list with contracts and --lang. */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, runCli } from './support/cli.js';

/** The first line `sockgrade reference <args>` prints (a reference server's start line), then stops it as Ctrl-C does. */
async function referenceStartLine(args: string[]): Promise<{ line: string }> {
  const child = spawn(process.execPath, [CLI, 'reference', ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const line = await new Promise<string>((res) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) res(out.split('\n')[0]!);
    });
    child.on('close', () => res(out));
  });
  const closed = new Promise((res) => (child.exitCode !== null ? res(child.exitCode) : child.on('close', res)));
  child.kill('SIGINT');
  await closed;
  return { line };
}

const SERVER = `python3 ${join(ROOT, 'fixtures/tcp-echo/correct-threads/server.py')} {port}`;

describe.concurrent('sockgrade --version and --help', () => {
  it('--version prints the package version', async () => {
    const run = await runCli(['--version']);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`sockgrade ${version}\n`);
  });

  for (const command of ['list', 'grade', 'trace', 'check', 'batch', 'merge', 'reference', 'demo']) {
    it(`sockgrade ${command} --help prints only that command's usage, exit 0`, async () => {
      const run = await runCli([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage:\\n {2}sockgrade ${command} `));
      const others = ['list', 'grade', 'trace', 'check', 'batch', 'merge', 'reference', 'demo'].filter((c) => c !== command);
      for (const other of others) expect(run.stdout).not.toMatch(new RegExp(`^ {2}sockgrade ${other} `, 'm'));
    });
  }

  it('sockgrade --help lists every command', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const c of ['list', 'grade', 'trace', 'check', 'batch', 'merge', 'reference', 'demo']) expect(run.stdout).toMatch(new RegExp(`^ {2}sockgrade ${c} `, 'm'));
  });
});

describe.concurrent('misspellings get "did you mean", in one line, exit 2', () => {
  const cases: [string, string[], string][] = [
    ['exercise id with a transposition', ['grade', 'tcp-ecoh', '--server', SERVER], 'sockgrade: unknown exercise "tcp-ecoh": did you mean tcp-echo? (run "sockgrade list" to see the exercises; a course\'s own exercises load with --exercises DIR)'],
    ['exercise id with an underscore', ['grade', 'tcp_echo', '--server', SERVER], 'sockgrade: unknown exercise "tcp_echo": did you mean tcp-echo? (run "sockgrade list" to see the exercises; a course\'s own exercises load with --exercises DIR)'],
    ['exercise id far from any', ['grade', 'ftp', '--server', SERVER], 'sockgrade: unknown exercise "ftp": run "sockgrade list" to see the exercises; a course\'s own exercises load with --exercises DIR'],
    ['option', ['grade', 'tcp-echo', '--sever', SERVER], 'sockgrade: "sockgrade grade" has no option --sever: did you mean --server? (run "sockgrade grade --help")'],
    ['option of check', ['check', '--sevrer', SERVER], 'sockgrade: "sockgrade check" has no option --sevrer: did you mean --server? (run "sockgrade check --help")'],
    ['option of batch', ['batch', 'x', '--exercice', 'tcp-echo'], 'sockgrade: "sockgrade batch" has no option --exercice: did you mean --exercise? (run "sockgrade batch --help")'],
    ['option far from any', ['list', '--foo'], 'sockgrade: "sockgrade list" has no option --foo: its options are --json, --lang, --exercises, --config (run "sockgrade list --help")'],
    ['option without its value', ['grade', 'tcp-echo', '--server'], 'sockgrade: --server needs a value: --server <value> (run "sockgrade grade --help")'],
    ['command', ['gradee', 'tcp-echo'], 'sockgrade: unknown command "gradee": did you mean grade? (commands: list, grade, trace, check, batch, merge, reference, selftest, demo; run "sockgrade --help")'],
    ['reference exercise', ['reference', 'udp_echo', 'server'], 'sockgrade: unknown exercise "udp_echo": did you mean udp-echo? (run "sockgrade list" to see the exercises)'],
  ];
  for (const [name, args, line] of cases) {
    it(name, async () => {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`${line}\n`);
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toMatch(/Unknown option|ERR_PARSE_ARGS|To specify a positional/);
    });
  }
});

describe.concurrent('sockgrade reference', () => {
  it('speaks the language of --lang', async () => {
    const [es, en] = await Promise.all([referenceStartLine(['tcp-echo', 'server', '--port', '0', '--lang', 'es']), referenceStartLine(['tcp-echo', 'server', '--port', '0', '--lang', 'en'])]);
    expect(es.line).toMatch(/^servidor de referencia de tcp-echo escuchando en 127\.0\.0\.1:\d+ \(TCP\); Ctrl\+C para terminar$/);
    expect(en.line).toMatch(/^reference server of tcp-echo listening on 127\.0\.0\.1:\d+ \(TCP\); Ctrl\+C to stop$/);
  });
});

describe.concurrent('sockgrade list', () => {
  it('shows what a correct server and client do, and the weight of checks that weigh more than 1', async () => {
    const run = await runCli(['list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tcp-echo  (A2) TCP echo server and client\n  a correct server: Listens on TCP host:port and echoes every byte back');
    expect(run.stdout).toContain('  a correct client: Connects, sends a message');
    expect(run.stdout).toMatch(/server checks \(weight 1 unless ×N\): .*concurrency\.parallel-clients \(×2\)/);
  });

  it('speaks Spanish with --lang es', async () => {
    const run = await runCli(['list', '--lang', 'es']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tcp-echo  (A2) Servidor y cliente de eco TCP\n  un servidor correcto: ');
    expect(run.stdout).toContain('TCP · puerto por defecto del curso 65432');
    expect(run.stdout).not.toMatch(/^ {2}a correct (server|client):|course default port|checks \(weight/m);
  });
});
