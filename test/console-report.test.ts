/** The console report a student reads: reasons first, points per check, one diagnosis per crash, --verbose transcripts, the course config named. */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, runCli, testDir } from './support/cli.js';

const fixture = (path: string): string => join(ROOT, 'fixtures', path);

/** Runs the CLI from another working folder. */
async function runIn(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, LC_ALL: 'C.UTF-8', NO_COLOR: '1', SOCKGRADE_TMPDIR: testDir('sockgrade-scratch-') }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((res) => child.on('close', res));
  return { code, stdout, stderr };
}

describe.concurrent('console report', () => {
  it('a server that dies at start-up gets one diagnosis; later checks point to it in one line', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${fixture('tcp-echo/hostile-traceback-at-start/server.py')}`, '--seed', '1']);
    expect(run.code).toBe(1);
    const [summary = '', failures = ''] = run.stdout.split('\nFailures\n');
    expect(summary.match(/^ {6}the server crashed: IndexError: list index out of range \(server\.py, line 4\)$/gm)).toHaveLength(8);
    expect(failures.split('\n✗ echo.large')[1]).not.toContain('IndexError');
    expect(run.stdout.match(/reproduce: /g)).toHaveLength(1);
    const pointers = run.stdout.match(/^✗ [\w.-]+ — .*: the server had already exited the same way \(see echo\.small\)$/gm) ?? [];
    expect(pointers).toHaveLength(7);
    expect(run.stdout.split('\n').length).toBeLessThan(60);
  });

  it('under a failed check the first line is its reason; socket calls go into the details; every line shows its points', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${fixture('tcp-echo/bug-recv-once/server.py')} {port}`, '--only', 'echo.large,echo.small', '--seed', '2']);
    expect(run.stdout).toMatch(/✗ server echo\.large +echoes 256 KiB of binary data sent at once \(0\/1 pt, [\d.]+ m?s\)\n {6}client #1 got back only 1024 of the 262144 bytes/);
    expect(run.stdout).toMatch(/✓ server echo\.small +echoes a short message \(1\/1 pt, /);
    const details = run.stdout.slice(run.stdout.indexOf('\nFailure'));
    expect(details).toMatch(/the server's socket calls: bind /);
    expect(run.stdout.slice(0, run.stdout.indexOf('\nFailure'))).not.toContain('socket calls');
  });

  it('weights other than 1 show on the check lines and the score says so', async () => {
    const run = await runCli(['grade', 'tcp-echo-concurrent', '--server', `python3 ${fixture('tcp-echo-concurrent/correct-select/server.py')} {port}`, '--only', 'concurrency.parallel-clients,concurrency.abrupt-client', '--seed', '3']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ server concurrency\.parallel-clients .*\(2\/2 pts, /);
    expect(run.stdout).toMatch(/✓ server concurrency\.abrupt-client .*\(1\/1 pt, /);
    expect(run.stdout).toMatch(/Score: 3\/3 points \(checks weigh what their lines say\)/);
  });

  it('--verbose prints the failed check\'s transcript with what sockgrade typed marked', async () => {
    const client = `python3 ${fixture('tcp-echo/bug-client-recv-once/client.py')} {host} {port}`;
    const plain = await runCli(['grade', 'tcp-echo', '--client', client, '--only', 'client.full-echo-sliced', '--seed', '4']);
    const verbose = await runCli(['grade', 'tcp-echo', '--client', client, '--only', 'client.full-echo-sliced', '--seed', '4', '--verbose']);
    expect(plain.stdout).not.toContain('transcript');
    expect(verbose.stdout).toContain('    transcript (▶ typed by sockgrade):');
    expect(verbose.stdout).toMatch(/\n {4}▶ +[\d.]+s typed +Hola servidor \S+ \S+ ⏎\n/);
    expect(verbose.stdout).toMatch(/\n {6} +[\d.]+s printed +Mensaje: /);
    expect(verbose.stdout).toMatch(/\n {6} +[\d.]+s sent +/);
  });

  it('a course config found in the current folder is named in the run header', async () => {
    const dir = testDir('sockgrade-course-');
    writeFileSync(join(dir, 'sockgrade.config.json'), JSON.stringify({ course: 'Redes 2025', exercises: { 'udp-echo': { weights: { 'echo.roundtrip': 2 } } } }));
    const run = await runIn(dir, ['grade', 'udp-echo', '--server', `python3 ${fixture('udp-echo/correct-loop/server.py')} {port}`, '--only', 'echo.roundtrip', '--seed', '5']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`  course config: ${join(dir, 'sockgrade.config.json')} (Redes 2025)\n`);
    expect(run.stdout).toMatch(/✓ server echo\.roundtrip .*\(2\/2 pts, /);
  });

  it('a client refused on its hard-coded port is told, in Spanish too, which --port grades it', async () => {
    const client = `python3 ${fixture('tcp-echo/real-client-port-4000/client.py')}`;
    const run = await runCli(['grade', 'tcp-echo', '--client', client, '--only', 'client.binary-safe', '--seed', '6', '--lang', 'es']);
    expect(run.stdout).toMatch(/✗ cliente +client\.binary-safe .*\n {6}tu cliente se conecta a 127\.0\.0\.1:4000, donde sockgrade no escuchaba: vuelve a ejecutarlo con --port 4000\n/);
  });

  it('hints quote the parameter values in force, not the defaults, in Spanish too', async () => {
    const server = `python3 ${fixture('group-chat/bug-no-join-announce/server.py')} {port} 6`;
    const run = await runCli(['grade', 'group-chat', '--server', server, '--param', 'idle=6', '--param', 'join=entra en la sala', '--only', 'chat.join-announced', '--seed', '8', '--lang', 'es']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('pista: después de leer el apodo (quítale el salto de línea), envía "<apodo> entra en la sala\\n" a cada cliente de la lista');
    expect(run.stdout).not.toMatch(/pista: .*se ha unido al chat/);
    const client = `python3 ${fixture('group-chat/bug-client-no-salir/client.py')} {host} {port}`;
    const quit = await runCli(['grade', 'group-chat', '--client', client, '--param', 'quit=adios', '--only', 'chat.leave-removes', '--seed', '8', '--lang', 'es']);
    expect(quit.code).toBe(1);
    expect(quit.stdout).toContain('pista: cuando el usuario teclee "adios": envíalo, cierra el socket y termina el programa');
    expect(quit.stdout).not.toMatch(/pista: .*"salir"/);
  });
});
