/**
 * The Python start-up hook: it records the addresses a program uses, moves the one bind it must
 * move, and nothing of it shows in what the program prints or raises.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { Program } from '../harness/process/program.js';
import { Box } from '../harness/sandbox/box.js';
import { freePort } from '../harness/net/free-port.js';
import { testDir } from './support/cli.js';

/** Runs `source` as a server whose fixed-port bind is moved to `moveTo`; returns the program once it exited. */
async function runHooked(source: string, moveTo: number, transport: 'tcp' | 'udp' = 'tcp'): Promise<Program> {
  const dir = testDir('pyhook-');
  writeFileSync(join(dir, 'prog.py'), source);
  const p = new Program({ command: `python3 ${join(dir, 'prog.py')}`, box: Box.open(dir, 'box-', undefined), label: 'server', netLog: join(dir, 'net.log'), moveBindTo: moveTo, moveBindTransport: transport });
  try {
    await p.waitForExit(30_000);
    return p;
  } finally {
    await p.stop();
  }
}

const SOURCE = `
import socket, subprocess, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 65432))
print('server', s.getsockname()[1])
print(repr(s))
print(type(s), socket.socket.__module__)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(('127.0.0.1', 0))
second = socket.socket()
second.bind(('127.0.0.1', 0))
out = subprocess.run([sys.executable, '-c', "import socket; h = socket.socket(); h.bind(('127.0.0.1', 65432)); print(h.getsockname()[1])"], capture_output=True, text=True)
print('helper', out.stdout.strip() or out.stderr.strip().splitlines()[-1])
c = socket.socket()
c.connect(('127.0.0.1', 1))
`;

describe.concurrent('the Python start-up hook', () => {
  it('moves only the served bind of the program it started; a helper process keeps its port', async () => {
    const to = await freePort();
    const p = await runHooked(SOURCE, to);
    const out = p.outputText();
    expect(out).toContain(`server ${to}`);
    expect(out).toMatch(/helper (65432|.*Address already in use)/);
    expect(p.netCalls()).toContain(`bind 127.0.0.1:65432 (moved to ${to})`);
    expect(p.netCalls()).toContain('connect 127.0.0.1:1 (ConnectionRefusedError)');
  });

  it('leaves no trace in what the program prints or raises', async () => {
    const p = await runHooked(SOURCE, await freePort());
    const out = p.outputText();
    expect(out).toContain("<socket.socket fd=");
    expect(out).toContain("<class 'socket.socket'> socket");
    expect(out).toContain('ConnectionRefusedError');
    expect(out).not.toMatch(/sitecustomize|sockgrade/i);
  });

  it('keeps a failed moved bind to the student: the traceback shows their line only', async () => {
    // The instance's port is taken (by this test) when the program's bind is moved there.
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const to = (taken.address() as AddressInfo).port;
    const p = await runHooked("import socket\nb = socket.socket()\nb.bind(('127.0.0.1', 65432))\n", to).finally(() => taken.close());
    const out = p.outputText();
    expect(out).toMatch(/b\.bind\(\('127\.0\.0\.1', 65432\)\)/);
    expect(out).toContain('OSError: [Errno 98] Address already in use');
    expect(out).not.toMatch(/sitecustomize|sockgrade/i);
  });

  it('moves a UDP bind only when the exercise is over UDP', async () => {
    const to = await freePort();
    const source = "import socket\nu = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nu.bind(('127.0.0.1', 5005))\nprint('udp', u.getsockname()[1])\n";
    expect((await runHooked(source, to, 'udp')).outputText()).toContain(`udp ${to}`);
    expect((await runHooked(source, to, 'tcp')).outputText()).toContain('udp 5005');
  });
});
