/**
 * What a student reads on real-pattern fixtures (fixtures/<exercise>/real-*), beyond the verdicts
 * that the fixture tests (support/fixture-suite.ts) assert: the diagnosis names the real cause (a server that waits for a
 * newline, a crash with the student's own file and line, a loop that never ends on b""), and a
 * submission whose early step failed is graded out of the same maximum as a correct one.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, runCli } from './support/cli.js';
import { EXERCISES } from '../exercises/index.js';

const fixture = (p: string): string => join(ROOT, 'fixtures', p);

describe.concurrent('diagnoses of real-pattern programs', () => {
  it('a server that echoes only complete lines is told it waits for a newline, not that it serves one client at a time', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${fixture('tcp-echo/real-server-line-echo/servidor.py')}`, '--only', 'echo.small,echo.sequential-clients', '--seed', '3'], { json: true });
    const checks = run.result!.checks.filter((c) => c.role === 'server');
    expect(checks.map((c) => `${c.id}: ${c.status}`).sort()).toEqual(['echo.sequential-clients: fail', 'echo.small: fail']);
    for (const c of checks) {
      expect(c.message).toMatch(/until it sent a newline: the server echoes only complete lines \(it waits for "\\n" before answering\)/);
      expect(`${c.message}\n${c.evidence.hint ?? ''}`).not.toMatch(/one client at a time|accept\(\) in a loop/);
    }
  });

  it('a traceback seen during another check is reproduced by the reproduce line, which runs that check too', async () => {
    const server = `python3 ${fixture('udp-echo/bug-prints-traceback/server.py')} {port}`;
    const run = await runCli(['grade', 'udp-echo', '--server', server], { json: true });
    const check = run.result!.checks.find((c) => c.id === 'robust.no-crash-output')!;
    expect(check.status).toBe('fail');
    const during = /during check ([\w.-]+)/.exec(check.message)?.[1];
    expect(during).toBeDefined();
    expect(check.evidence.reproduce).toContain(`--only robust.no-crash-output,${during} --seed ${run.result!.run.seed}`);
    const again = await runCli(['grade', 'udp-echo', '--server', server, '--only', `robust.no-crash-output,${during}`, '--seed', String(run.result!.run.seed)], { json: true });
    expect(again.result!.checks.find((c) => c.id === 'robust.no-crash-output')?.status, 'the reproduce line fails the check again').toBe('fail');
  });

  it("a crash leads the diagnosis with the exception and the student's own file and line, not the library's", async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', `python3 ${fixture('tcp-echo/real-server-line-echo/servidor.py')}`, '--only', 'robust.survives-abrupt-close', '--seed', '3'], { json: true });
    const check = run.result!.checks.find((c) => c.id === 'robust.survives-abrupt-close')!;
    expect(check.status).toBe('fail');
    expect(check.message.split('\n')[0]).toBe('the server crashed: ConnectionResetError: [Errno 104] Connection reset by peer (servidor.py, line 17)');
  });

  it('files.empty on a server whose loop never ends on b"" says so, and does not blame its speed', async () => {
    const run = await runCli(['grade', 'file-copy', '--server', `python3 ${fixture('file-copy/real-server-no-eof-check/servidor.py')}`, '--only', 'files.empty', '--seed', '3'], { json: true });
    const check = run.result!.checks.find((c) => c.id === 'files.empty')!;
    expect(check.status).toBe('fail');
    expect(check.message).toMatch(/does not end when recv\(\) returns b""/);
    expect(check.evidence.hint).toMatch(/if not datos: break/);
    expect(`${check.message}\n${check.evidence.hint ?? ''}`).not.toMatch(/too slow|contenido \+= datos/);
  });

  it('a group-chat server that never relays is graded out of the same maximum as a correct one: the checks it did not reach are failed', async () => {
    const run = await runCli(['grade', 'group-chat', '--server', `python3 ${fixture('group-chat/real-server-never-relays/servidor.py')}`, '--seed', '3'], { json: true });
    const result = run.result!;
    // Every server check of group-chat counts, except chat.password: no password is set, so it does not apply.
    const applicable = EXERCISES['group-chat'].checks.filter((c) => c.role === 'server' && c.id !== 'chat.password');
    expect(result.maxScore).toBe(applicable.reduce((a, c) => a + c.weight, 0));
    expect(result.score).toBe(3);
    const notReached = result.checks.filter((c) => c.message.startsWith('not reached: '));
    expect(notReached.map((c) => `${c.id}: ${c.status}`).sort()).toEqual(['chat.broadcast-all: fail', 'chat.idle-kick: fail', 'chat.leave-removes: fail', 'chat.no-loss-under-burst: fail']);
    for (const c of notReached) expect(c.maxPoints).toBeGreaterThan(0);
    expect(result.checks.find((c) => c.id === 'chat.password')).toMatchObject({ status: 'skip', maxPoints: 0 });
  });
});
