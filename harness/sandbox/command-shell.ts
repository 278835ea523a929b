/**
 * One shell kept for a grading's short system commands (each check's `mount` and `umount` of its
 * box): starting a process from the grader copies the grader's whole memory map, so one shell
 * that starts them costs a fraction of one start per command. Commands run one after another;
 * one that does not end in time kills the shell (and it), fails, and the next command starts a
 * new shell. The shell ends with the grader: it reads its commands from the grader's pipe.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { shellQuote } from '../engine/settings.js';

type Shell = ChildProcessByStdio<Writable, Readable, null>;

let shell: Shell | undefined;
const pending = new Map<number, (code: number | null) => void>();
let nextId = 1;
let buffered = '';

function stop(): void {
  const sh = shell;
  shell = undefined;
  buffered = '';
  if (sh?.pid !== undefined) {
    try {
      process.kill(-sh.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  for (const [id, resolve] of pending) {
    pending.delete(id);
    resolve(null);
  }
}

function started(): Shell {
  if (shell) return shell;
  const sh = spawn('/bin/sh', ['-s'], { stdio: ['pipe', 'pipe', 'ignore'], detached: true });
  sh.once('error', () => shell === sh && stop());
  sh.once('exit', () => shell === sh && stop());
  sh.stdout.setEncoding('utf8');
  sh.stdout.on('data', (text: string) => {
    buffered += text;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const [id, code] = buffered.slice(0, nl).split(' ').map(Number);
      buffered = buffered.slice(nl + 1);
      const resolve = pending.get(id as number);
      pending.delete(id as number);
      resolve?.(Number.isInteger(code) ? (code as number) : null);
    }
  });
  sh.stdin.on('error', () => undefined);
  sh.unref();
  for (const s of [sh.stdin, sh.stdout] as unknown as { unref?: () => void }[]) s.unref?.();
  return (shell = sh);
}

/** Runs `command` with `args` (no input, output discarded) in the grading's shell; its exit code, or null when it could not run or took longer than `ms`. */
export function runShort(command: string, args: readonly string[], ms: number): Promise<number | null> {
  const sh = started();
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (pending.delete(id)) {
        resolve(null);
        if (shell === sh) stop();
      }
    }, ms);
    pending.set(id, (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    sh.stdin.write(`${[command, ...args].map(shellQuote).join(' ')} </dev/null >/dev/null 2>&1; echo "${id} $?"\n`);
  });
}
