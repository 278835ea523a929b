/**
 * `npm run bench:batch`: a class of correct tcp-echo servers that all hard-code the same port,
 * graded with `--jobs 1` and `--jobs 2` side by side, and what entering the namespaces costs per
 * submission (hermetic versus not, same submission, same run). Figures, not assertions.
 * BENCH_STUDENTS sets the class size (default 100).
 */
import { spawnSync } from 'node:child_process';
import { measure } from './cost.js';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { namespaceSupport } from '../harness/isolation/namespace.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const CLI = join(ROOT, 'dist', 'bundle', 'cli', 'main.js');
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 100);

const SERVER = `import socket
import threading

def atender(conn):
    with conn:
        try:
            while True:
                datos = conn.recv(4096)
                if not datos:
                    break
                conn.sendall(datos)
        except (ConnectionResetError, BrokenPipeError):
            pass

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 65432))
    s.listen()
    while True:
        conn, _ = s.accept()
        threading.Thread(target=atender, args=(conn,), daemon=True).start()
`;

async function timed(args: string[]): Promise<{ ms: number; cpu: number; code: number | null }> {
  let code: number | null = null;
  const run = await measure(process.execPath, [CLI, ...args], (c) => ((code = c), c === 0));
  return { ms: run.wall * 1000, cpu: run.cpu, code };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function spawnMs(cmd: string, args: string[], reps: number): number {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    spawnSync(cmd, args, { stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return median(times);
}

const root = mkdtempSync(join(tmpdir(), 'sockgrade-bench-class-'));
// Programs may run as uids of their own (sockgrade as root): they must reach the students' files.
chmodSync(root, 0o755);
try {
  const cls = join(root, 'class');
  for (let i = 0; i < STUDENTS; i++) {
    const d = join(cls, `alumno-${String(i).padStart(3, '0')}`);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'servidor.py'), SERVER);
  }
  const support = namespaceSupport();
  console.log(`class of ${STUDENTS} correct tcp-echo servers, all on port 65432; isolation ${support.description}\n`);
  const base = ['batch', cls, '--exercise', 'tcp-echo', '--server', 'python3 {dir}/servidor.py'];
  const one = await timed([...base, '--jobs', '1', '--out', join(root, 'r1')]);
  const two = await timed([...base, '--jobs', '2', '--out', join(root, 'r2')]);
  console.log(`batch --jobs 1: ${(one.ms / 1000).toFixed(1)} s (${(one.ms / STUDENTS / 1000).toFixed(2)} s and ${(one.cpu / STUDENTS).toFixed(2)} s of CPU per submission, exit ${one.code})`);
  console.log(`batch --jobs 2: ${(two.ms / 1000).toFixed(1)} s (${(two.ms / STUDENTS / 1000).toFixed(2)} s and ${(two.cpu / STUDENTS).toFixed(2)} s of CPU per submission, exit ${two.code})`);
  console.log(`a class of 500 at --jobs 2: ${((two.ms / STUDENTS) * 500 / 60000).toFixed(1)} min at this pace; with 4 CI shards of 2 cores each, a quarter of that`);
  console.log(`speed-up: ${(one.ms / two.ms).toFixed(2)}x on ${(await import('node:os')).availableParallelism()} cores\n`);

  const student = join(cls, 'alumno-000', 'servidor.py');
  const on: number[] = [];
  const off: number[] = [];
  const codes = new Set<number | null>();
  const gradeOne = async (isolation: string, into: number[]): Promise<void> => {
    const run = await timed(['grade', 'tcp-echo', '--server', `python3 ${student}`, '--isolation', isolation]);
    into.push(run.ms);
    codes.add(run.code);
  };
  for (let i = 0; i < 5; i++) {
    await gradeOne('off', off);
    if (support.available) await gradeOne('on', on);
  }
  if ([...codes].some((c) => c !== 0)) console.log(`(some of these gradings did not pass: exit codes ${[...codes].join(', ')})`);
  const plain = spawnMs('/bin/sh', ['-c', 'true'], 20);
  const ns = support.available ? spawnMs('unshare', [...(process.getuid?.() === 0 ? [] : ['--user', '--map-root-user']), '--net', '--pid', '--fork', '--mount-proc', '/bin/sh', '-c', 'ip link set lo up && ip route add local 0.0.0.0/0 dev lo'], 20) : NaN;
  console.log(`one submission graded, median of 5: hermetic ${support.available ? `${(median(on) / 1000).toFixed(2)} s` : 'n/a'}, not hermetic ${(median(off) / 1000).toFixed(2)} s`);
  console.log(`entering the namespaces (unshare + loopback set-up): ${ns.toFixed(1)} ms, versus ${plain.toFixed(1)} ms for a plain shell`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
