/** Submissions that hard-code their address, graded as they are. */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, testDir } from './support/cli.js';
import { freePort } from '../harness/net/free-port.js';

describe.concurrent('addresses as students write them', () => {
  it('finds the port a server chose itself in the kernel socket table and reports it', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${join(ROOT, 'fixtures/tcp-echo/correct-os-port/server.py')}`], { json: true });
    expect(run.code).toBe(0);
    expect(run.result!.run.notes.join('\n')).toMatch(/the server listens on port \d+, which it chose itself/);
  });

  it('a client with a hard-coded port is served where --port says', async () => {
    const port = await freePort();
    const dir = testDir('sockgrade-hard-');
    const source = readFileSync(join(ROOT, 'fixtures/tcp-echo/correct-input/client.py'), 'utf8');
    writeFileSync(join(dir, 'client.py'), `import sys\nsys.argv = [sys.argv[0], '127.0.0.1', '${port}']\n${source}`);
    const run = await runCli(['grade', 'tcp-echo', '--client', `python3 ${join(dir, 'client.py')}`, '--port', String(port)], { json: true });
    expect(run.result!.checks.filter((c) => c.role === 'client').map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('a client that asks for its port at a prompt gets the one sockgrade chose', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--client', `python3 ${join(ROOT, 'fixtures/tcp-echo/correct-port-prompt/client.py')}`], { json: true });
    expect(run.code).toBe(0);
  });

  it('a server on a declared port that listens elsewhere is told which port it used', async () => {
    const declared = await freePort();
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${join(ROOT, 'fixtures/tcp-echo/correct-threads/server.py')} {port}`, '--port', String(declared), '--only', 'echo.small'], { json: true });
    expect(run.result!.checks[0]!.message).toMatch(new RegExp(`the server listens on port \\d+, not on port ${declared} given with --port`));
  });
});
