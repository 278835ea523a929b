/** sockgrade's UDP peer waits for a client's datagram, but not for long after the client has ended. */
import { describe, expect, it } from 'vitest';
import { createSocket } from 'node:dgram';
import { UdpPeer } from '../harness/net/udp.js';

/** A stand-in for a launched program: it ends when `end` is called. */
function program(): { waitForExit: (ms: number, signal?: AbortSignal) => Promise<void>; end: () => void } {
  let end = (): void => {};
  const ended = new Promise<void>((resolve) => (end = resolve));
  return { waitForExit: () => ended, end };
}

async function peer(): Promise<{ peer: UdpPeer; port: number }> {
  const p = new UdpPeer('server');
  expect(await p.bind('127.0.0.1', 0)).toBe(true);
  return { peer: p, port: p.ports[0] as number };
}

describe.concurrent('UdpPeer.datagramWhileRunning', () => {
  it('ends soon after the program ends without sending (the wait would otherwise take a minute)', { timeout: 20_000 }, async () => {
    const { peer: p } = await peer();
    const client = program();
    const waiting = p.datagramWhileRunning(0, 60_000, client);
    client.end();
    expect(await waiting).toBeUndefined();
    p.close();
  });

  it('returns what the program sent just before it ended', { timeout: 20_000 }, async () => {
    const { peer: p, port } = await peer();
    const client = program();
    const sock = createSocket('udp4');
    await new Promise<void>((resolve) => sock.send(Buffer.from('hola'), port, '127.0.0.1', () => resolve()));
    sock.close();
    client.end();
    expect((await p.datagramWhileRunning(0, 60_000, client))?.data.toString()).toBe('hola');
    p.close();
  });

  it('returns a datagram that arrives while the program runs', { timeout: 20_000 }, async () => {
    const { peer: p, port } = await peer();
    const client = program();
    const waiting = p.datagramWhileRunning(0, 60_000, client);
    const sock = createSocket('udp4');
    sock.send(Buffer.from('adios'), port, '127.0.0.1', () => sock.close());
    expect((await waiting)?.data.toString()).toBe('adios');
    client.end();
    p.close();
  });
});
