/**
 * Finding the reader of a program's terminal through whatever starts it (Linux): typed lines
 * go to the prompt that asked for them, never earlier, and a program fed by a pipe is never
 * taken to be asking.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Program } from '../harness/process/program.js';
import { Box } from '../harness/sandbox/box.js';
import { isWaitingOnStdin } from '../harness/process/proc-tree.js';
import { poll } from '../harness/util/deadline.js';
import { testDir } from './support/cli.js';

const linux = process.platform === 'linux' && (process.arch === 'x64' || process.arch === 'arm64');
/** Runs `body` with a launcher whose programs are all stopped when it ends (tests run concurrently). */
async function withPrograms(body: (launch: (command: string, cwd?: string) => Program) => Promise<void>): Promise<void> {
  const started: Program[] = [];
  try {
    await body((command, cwd = testDir()) => {
      const p = new Program({ command, box: Box.open(cwd, 'box-', undefined), label: 'client' });
      started.push(p);
      return p;
    });
  } finally {
    await Promise.all(started.map((p) => p.stop()));
  }
}

/** Answers the two prompts of `ASK_TWO` as sockgrade does: wait for the request, type, repeat. */
async function answerBoth(p: Program): Promise<string> {
  await p.waitForInputRequest({ from: 0, settleMs: 300, ms: 30_000 });
  p.type('4321');
  const from = p.outputLength;
  await p.waitForInputRequest({ from, settleMs: 300, ms: 30_000 });
  p.type('hola');
  await p.waitForOutput(/got .*\n/, 30_000);
  return p.outputText();
}

const ASK_TWO = `python3 -c "import time; time.sleep(0.3); p = int(input('Puerto: ')); m = input('Mensaje: '); print('got', p, m)"`;

describe.runIf(linux).concurrent('the reader of the terminal', () => {
  const shims: [string, (dir: string) => string][] = [
    ['python3 from PATH (a pyenv shim here)', () => ASK_TWO],
    ["sh -c '...'", () => `sh -c ${JSON.stringify(ASK_TWO)}`],
    [
      'a wrapper script that stays as the parent (venv style)',
      (dir) => {
        const wrapper = join(dir, 'py');
        writeFileSync(wrapper, '#!/bin/sh\npython3 "$@"\nexit $?\n');
        chmodSync(wrapper, 0o755);
        return ASK_TWO.replace(/^python3/, wrapper);
      },
    ],
  ];
  for (const [name, command] of shims) {
    it(`types each answer at its own prompt through ${name}, every time`, () =>
      withPrograms(async (launch) => {
        for (let i = 0; i < 5; i++) {
          const dir = testDir();
          const out = await answerBoth(launch(command(dir), dir));
          expect(out).toContain('got 4321 hola');
        }
      }));
  }

  it('sees a program waiting in select(), poll() or on /dev/tty as asking', () => withPrograms(async (launch) => {
    const waits = [
      'import select, sys; select.select([sys.stdin], [], [])',
      'import select, sys; p = select.poll(); p.register(sys.stdin, select.POLLIN); p.poll()',
      "open('/dev/tty').readline()",
      'import threading; t = threading.Thread(target=input); t.start(); t.join()',
    ];
    for (const code of waits) {
      const p = launch(`python3 -c ${JSON.stringify(code)}`);
      await poll(`a reader of the terminal in: ${code}`, 20_000, undefined, () => (p.readingTerminal() === true ? true : undefined), 20);
    }
  }));

  it('does not take a program that reads a pipe (printf ... | python3) for one asking', () => withPrograms(async (launch) => {
    const p = launch(`sleep 30 | python3 -c "print('listo', flush=True); input()"`);
    await p.waitForOutput('listo', 20_000);
    // Blocked reading its standard input, which is the pipe and not the terminal.
    await poll('python3 to block reading the pipe', 20_000, undefined, () => (p.processTree().some((pid) => isWaitingOnStdin(pid) === true) ? true : undefined), 20);
    expect(p.readingTerminal()).toBe(false);
    await expect(p.waitForInputRequest({ from: 0, settleMs: 100, ms: 1500 })).rejects.toThrow(/gave up waiting/);
  }));

  it('does not take a program that waits on a socket for one asking', () => withPrograms(async (launch) => {
    const p = launch(`python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); print('listo', flush=True); s.accept()"`);
    await p.waitForOutput('listo', 20_000);
    await expect(p.waitForInputRequest({ from: 0, settleMs: 100, ms: 1500 })).rejects.toThrow(/gave up waiting/);
  }));
});
