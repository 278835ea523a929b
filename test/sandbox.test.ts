/**
 * The launch layer, piece by piece: the built environment, the bubblewrap command line, the
 * folders a program may read, and the launcher and its observers (output log, memory limit) on
 * real processes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { programEnvironment, PROGRAM_PATH } from '../harness/sandbox/environment.js';
import { bubblewrapArgs, HOOK_DIR } from '../harness/sandbox/bwrap-args.js';
import { readablePaths, SANDBOX_READ_ENV } from '../harness/sandbox/readable.js';
import { Box } from '../harness/sandbox/box.js';
import { sandboxPolicy } from '../harness/sandbox/policy.js';
import { execForm, Launch, type ExitInfo } from '../harness/process/launcher.js';
import { OutputLog } from '../harness/process/output-log.js';
import { enforceMemoryLimit } from '../harness/process/memory-limit.js';
import { Transcript } from '../harness/process/transcript.js';
import { ROOT, testDir } from './support/cli.js';

/** The sandbox this machine allows a grader outside namespaces. */
const policyHere = await sandboxPolicy({ hermetic: false, off: false });
const boxes: Box[] = [];
afterAll(async () => {
  for (const b of boxes.splice(0)) await b.close();
});

function plainBox(): Box {
  const box = Box.open(testDir(), 'box-', undefined);
  boxes.push(box);
  return box;
}

function statOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return '';
  }
}

function launch(command: string, box = plainBox()): Launch {
  return new Launch({ command, box, cpuSeconds: 60, openFiles: 256 });
}

function run(l: Launch, ms = 20_000): Promise<{ out: string; exit: ExitInfo }> {
  let out = '';
  l.onOutput((d) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no exit after ${ms} ms; output: ${out}`)), ms);
    l.onExit((exit) => {
      clearTimeout(timer);
      resolve({ out, exit });
    });
  });
}

describe('the built environment', () => {
  it('holds what programs need and nothing of the grader', () => {
    const env = programEnvironment('/w', { HOST: '127.0.0.1', PORT: '5000' }, { GITHUB_TOKEN: 'ghp_x', LANG: 'es_ES.UTF-8', PATH: '/root/.pyenv/shims:/usr/bin' });
    expect(env).toMatchObject({ PATH: PROGRAM_PATH, HOME: '/w', LANG: 'es_ES.UTF-8', TERM: 'dumb', PYTHONUNBUFFERED: '1', HOST: '127.0.0.1', PORT: '5000' });
    expect(Object.values(env).join(' ')).not.toContain('ghp_x');
    expect(Object.values(env).join(' ')).not.toContain('pyenv');
  });

  it('falls back to a UTF-8 locale', () => {
    expect(programEnvironment('/w', {}, { LANG: 'C' }).LANG).toBe('C.UTF-8');
  });
});

describe('the bubblewrap command line', () => {
  const args = bubblewrapArgs({
    workDir: '/tmp/run/work',
    readable: { '/home/ana/entrega': '/tmp/ro/0' },
    files: { '/etc/hosts': '/tmp/run/hosts', '/etc/resolv.conf': '/tmp/run/resolv' },
    writable: ['/tmp/run/net.log'],
    pythonHook: '/opt/sockgrade/hook',
    command: 'exec python3 server.py',
    uid: 1_500_000_001,
  });
  const pairs = (flag: string): string[][] => args.flatMap((a, i) => (a === flag ? [[args[i + 1] as string, args[i + 2] as string]] : []));

  it('asks for every namespace, no capabilities, no user namespaces inside, and death with its parent', () => {
    for (const flag of ['--unshare-user', '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--disable-userns', '--die-with-parent']) expect(args).toContain(flag);
    expect(args.join(' ')).toContain('--cap-drop ALL');
    expect(args.join(' ')).toContain('--uid 1500000001 --gid 1500000001');
    expect(args).not.toContain('--new-session');
    expect(args).not.toContain('--share-net');
  });

  it('shows the system read-only and the program its own folders, files and hook', () => {
    const ro = pairs('--ro-bind');
    expect(ro).toContainEqual(['/usr', '/usr']);
    expect(ro).toContainEqual(['/etc', '/etc']);
    expect(ro).toContainEqual(['/tmp/run/hosts', '/etc/hosts']);
    expect(ro).toContainEqual(['/tmp/run/resolv', '/etc/resolv.conf']);
    expect(ro).toContainEqual(['/opt/sockgrade/hook', HOOK_DIR]);
    expect(pairs('--ro-bind-try')).toEqual([['/tmp/ro/0', '/home/ana/entrega']]);
    expect(pairs('--bind')).toEqual([
      ['/tmp/run/work', '/tmp/run/work'],
      ['/tmp/run/net.log', '/tmp/run/net.log'],
    ]);
    expect(args.slice(-6)).toEqual(['--chdir', '/tmp/run/work', '--', '/bin/sh', '-c', 'exec python3 server.py']);
  });

  it('binds files after the private /tmp, so a bind under /tmp is not hidden by it', () => {
    expect(args.indexOf('/tmp/run/work')).toBeGreaterThan(args.lastIndexOf('/tmp'));
  });
});

describe('what a program may read', () => {
  it('the folder of each file its command names, never /proc or a system folder', () => {
    const fixture = join(ROOT, 'fixtures', 'tcp-echo', 'correct-threads');
    expect(readablePaths(`python3 ${fixture}/server.py {port} /proc/1/environ /usr/bin/env`, '/tmp/w')).toEqual([fixture]);
  });

  it('a file alone when its folder is a broad one or holds the working folder', () => {
    const dir = testDir();
    const file = join(dir, 'server.py');
    writeFileSync(file, '');
    expect(readablePaths(`python3 ${file}`, join(dir, 'work'))).toEqual([file]);
  });

  it(`adds the folders of ${SANDBOX_READ_ENV}`, () => {
    const before = process.env[SANDBOX_READ_ENV];
    process.env[SANDBOX_READ_ENV] = `${join(ROOT, 'dist')}:relative:/does/not/exist`;
    try {
      expect(readablePaths('python3 -c pass', '/tmp/w')).toEqual([join(ROOT, 'dist')]);
    } finally {
      if (before === undefined) delete process.env[SANDBOX_READ_ENV];
      else process.env[SANDBOX_READ_ENV] = before;
    }
  });

  it('a simple command replaces the shell; one with shell syntax keeps it', () => {
    expect(execForm('python3 server.py 5000')).toBe('exec python3 server.py 5000');
    expect(execForm('cd x && python3 server.py')).toBe('cd x && python3 server.py');
    expect(execForm('cd x')).toBe('cd x');
  });
});

describe('the output log', () => {
  it('keeps output up to its cap, counts the rest, and copies what it keeps into the transcript', () => {
    const t = new Transcript('server');
    const log = new OutputLog(t, 10);
    log.add(Buffer.from('hola '));
    log.add(Buffer.from('mundo cruel'));
    expect(log.buffer().toString()).toBe('hola mundo');
    expect(log.length).toBe(10);
    expect(log.droppedBytes).toBe(6);
    expect(Buffer.concat(t.entries.map((e) => Buffer.from(e.data))).toString()).toBe('hola mundo');
  });
});

describe('the launcher', () => {
  it('reports the output and the exit code, with exit markers of other nonces removed and ignored', async () => {
    const l = launch(`printf 'antes\\033]7770;sockgrade-exit;0;falso\\007después\\n'; sleep 0.3; exit 3`);
    const { out, exit } = await run(l);
    expect(out).toBe('antes' + 'después\n');
    expect(exit).toMatchObject({ code: 3, signal: null });
    expect(exit.at).toBeGreaterThan(250);
    await l.kill();
  });

  it('delivers what the program printed before its exit is reported', async () => {
    for (let i = 0; i < 5; i++) {
      const l = launch(`printf 'Recibido: fin\\n'`);
      expect((await run(l)).out).toBe('Recibido: fin\n');
      await l.kill();
    }
  });

  it('reports a death by signal', async () => {
    const l = launch('kill -SEGV $$');
    expect((await run(l)).exit).toMatchObject({ code: null, signal: 'SIGSEGV' });
    await l.kill();
  });

  it('gives the program the built environment only', async () => {
    process.env.SOCKGRADE_TEST_SECRET = 'secreto-del-corrector';
    try {
      const l = new Launch({ command: 'env', box: plainBox(), env: { PORT: '4242' }, cpuSeconds: 60, openFiles: 256 });
      const { out } = await run(l);
      expect(out).toContain('PORT=4242');
      expect(out).not.toContain('secreto-del-corrector');
      expect(out).not.toContain('SOCKGRADE_NONCE');
      await l.kill();
    } finally {
      delete process.env.SOCKGRADE_TEST_SECRET;
    }
  });

  it('kills the program and everything it started', async () => {
    const l = launch('sleep 60 & sleep 60 & wait');
    await new Promise((r) => setTimeout(r, 300));
    const tree = l.everyProcess();
    expect(tree.length).toBeGreaterThanOrEqual(2);
    await l.kill();
    const alive = (): number[] => tree.filter((pid) => !/^\S+ \(.*\) [ZX]/.test(statOf(pid)) && statOf(pid) !== '');
    for (let i = 0; i < 50 && alive().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(alive()).toEqual([]);
  });

  it.skipIf(!policyHere.bubblewrap)('in its sandbox, a program sees its own processes only and no grader file', async () => {
    const parent = testDir();
    chmodSync(parent, 0o711);
    const box = Box.open(parent, 'box-', policyHere);
    boxes.push(box);
    const l = new Launch({ command: `ls /proc | grep -c '^[0-9]'; test -e "$D/package.json" && echo visible || echo hidden; id -u`, box, env: { D: ROOT }, cpuSeconds: 60, openFiles: 256 });
    const { out, exit } = await run(l);
    const [count, seen, uid] = out.trim().split('\n');
    expect(Number(count)).toBeLessThanOrEqual(4);
    expect(seen).toBe('hidden');
    expect(uid).not.toBe('0');
    expect(exit.code).toBe(0);
    await l.kill();
  });
});

describe('the memory limit', () => {
  it('kills a tree over its limit and says why', async () => {
    const l = launch(`python3 -c "x = bytearray(300 * 1024 * 1024); import time; time.sleep(30)"`);
    const reasons: string[] = [];
    enforceMemoryLimit(l, 64 * 1024 * 1024, (r) => reasons.push(r), 50);
    const { exit } = await run(l);
    expect(exit.reason).toBe('used more than 64 MiB of memory');
    expect(reasons).toEqual([exit.reason]);
    await l.kill();
  });
});
