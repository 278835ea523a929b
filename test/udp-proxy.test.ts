/**
 * The fault-injecting UDP proxy: without loss or duplication every datagram arrives exactly once,
 * with duplication only every datagram arrives at least once and unchanged, and a seed always
 * gives the same fault schedule.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSocket, type Socket } from 'node:dgram';
import { UdpProxy, type UdpFaults } from '../harness/proxy/udp-proxy.js';
import { FaultSchedule } from '../harness/proxy/udp-faults/index.js';
import { poll } from '../harness/util/deadline.js';

/** A UDP socket on loopback that keeps what it receives and, if asked, echoes it. */
async function endpoint(echo = false): Promise<{ sock: Socket; port: number; got: Buffer[] }> {
  const sock = createSocket('udp4');
  const got: Buffer[] = [];
  sock.on('message', (d, r) => {
    got.push(d);
    if (echo) sock.send(d, r.port, r.address);
  });
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  return { sock, port: sock.address().port, got };
}

function close(sock: Socket): Promise<void> {
  return new Promise((r) => sock.close(() => r()));
}

function send(sock: Socket, data: Buffer, port: number): Promise<void> {
  return new Promise((r) => sock.send(data, port, '127.0.0.1', () => r()));
}

/** Sends `payloads` in order through a fresh proxy to a sink; returns what the sink received once the proxy is done. */
async function through(payloads: Buffer[], seed: number, upstream: UdpFaults): Promise<Buffer[]> {
  const sink = await endpoint();
  const client = await endpoint();
  const proxy = await UdpProxy.start({ target: { host: '127.0.0.1', port: sink.port }, seed, faults: { upstream } });
  try {
    for (const p of payloads) await send(client.sock, p, proxy.port);
    await poll('the proxy to take every datagram in and forward what survives', 10_000, undefined, () => {
      const s = proxy.stats.upstream;
      return s.in === payloads.length && proxy.pending === 0 && sink.got.length === s.out ? true : undefined;
    }, 5);
    return [...sink.got];
  } finally {
    await proxy.close();
    await close(sink.sock);
    await close(client.sock);
  }
}

const sorted = (list: Buffer[]): string[] => list.map((b) => b.toString('hex')).sort();
const tagged = (bodies: Uint8Array[]): Buffer[] => bodies.map((b, i) => Buffer.concat([Buffer.from(`${i}:`), Buffer.from(b)]));

const rate = fc.double({ min: 0, max: 1, noNaN: true });
const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const payloads = fc.array(fc.uint8Array({ minLength: 0, maxLength: 1200 }), { minLength: 1, maxLength: 40 });
const gentle = fc.record({
  reorder: fc.constantFrom(0, 0.1, 0.5, 1),
  reorderHoldMs: fc.integer({ min: 0, max: 20 }),
  delayMs: fc.constantFrom<[number, number]>([0, 0], [0, 3], [1, 5]),
});

describe('UdpProxy', () => {
  it('with no loss and no duplication, every datagram arrives exactly once (reordered and delayed or not)', async () => {
    await fc.assert(
      fc.asyncProperty(payloads, gentle, seed, async (bodies, faults, s) => {
        const sent = bodies.map((b) => Buffer.from(b));
        const got = await through(sent, s, { ...faults, loss: 0, duplicate: 0 });
        expect(sorted(got)).toEqual(sorted(sent));
      }),
      { numRuns: 30 },
    );
  });

  it('with duplication only, every datagram arrives at least once and unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(payloads, rate, seed, async (bodies, duplicate, s) => {
        const sent = tagged(bodies);
        const got = await through(sent, s, { duplicate });
        const sentSet = new Set(sorted(sent));
        for (const g of sorted(got)) expect(sentSet.has(g)).toBe(true);
        for (const p of sorted(sent)) expect(sorted(got)).toContain(p);
        expect(got.length).toBeGreaterThanOrEqual(sent.length);
        expect(got.length).toBeLessThanOrEqual(2 * sent.length);
      }),
      { numRuns: 30 },
    );
  });

  it('a seed gives the same fault schedule: the same datagrams are lost and duplicated', async () => {
    await fc.assert(
      fc.asyncProperty(payloads, fc.record({ loss: rate, duplicate: rate, reorder: rate, reorderHoldMs: fc.constant(5) }), seed, async (bodies, faults, s) => {
        const sent = tagged(bodies);
        const first = await through(sent, s, faults);
        const second = await through(sent, s, faults);
        expect(sorted(second)).toEqual(sorted(first));
      }),
      { numRuns: 20 },
    );
  });

  it('a schedule depends only on the seed and the datagram index', () => {
    const faults = fc.record({ loss: rate, duplicate: rate, reorder: rate, delayMs: fc.constantFrom<[number, number]>([0, 0], [0, 50], [10, 20]) });
    fc.assert(
      fc.property(seed, faults, fc.integer({ min: 1, max: 500 }), (s, f, n) => {
        const a = new FaultSchedule(s, f);
        const b = new FaultSchedule(s, f);
        for (let i = 0; i < n; i++) expect(b.fate(i)).toEqual(a.fate(i));
      }),
    );
  });

  it('a rate is kept over short runs: about rate × n datagrams are hit, never none', () => {
    fc.assert(
      fc.property(seed, fc.double({ min: 0.05, max: 0.5, noNaN: true }), fc.integer({ min: 1, max: 400 }), (s, loss, n) => {
        const schedule = new FaultSchedule(s, { loss });
        let dropped = 0;
        for (let i = 0; i < n; i++) if (schedule.fate(i).drop) dropped += 1;
        expect(dropped).toBeGreaterThanOrEqual(Math.floor(n * loss) - 1);
        expect(dropped).toBeLessThanOrEqual(Math.ceil(n * loss) + 1);
        if (n >= Math.ceil(1 / loss) * 2) expect(dropped).toBeGreaterThan(0);
      }),
    );
  });

  it('gives every client its own upstream socket, so replies go back to the right client', async () => {
    const echo = await endpoint(true);
    const proxy = await UdpProxy.start({ target: { host: '127.0.0.1', port: echo.port }, seed: 7 });
    const a = await endpoint();
    const b = await endpoint();
    try {
      for (let i = 0; i < 5; i++) {
        await send(a.sock, Buffer.from(`a${i}`), proxy.port);
        await send(b.sock, Buffer.from(`b${i}`), proxy.port);
      }
      await poll('both clients to get their replies', 5000, undefined, () => (a.got.length === 5 && b.got.length === 5 ? true : undefined), 5);
      expect(a.got.map(String)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
      expect(b.got.map(String)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
      expect(proxy.stats.clients).toBe(2);
      expect(proxy.stats.downstream.out).toBe(10);
    } finally {
      await proxy.close();
      for (const e of [echo, a, b]) await close(e.sock);
    }
  });

  it('refuses fault descriptions that make no sense, naming the field', async () => {
    await expect(UdpProxy.start({ target: { host: '127.0.0.1', port: 9 }, seed: 1, faults: { upstream: { loss: 1.5 } } })).rejects.toThrow(/faults\.upstream\.loss must be a number between 0 and 1, got 1\.5/);
    await expect(UdpProxy.start({ target: { host: '127.0.0.1', port: 9 }, seed: 1, faults: { downstream: { delayMs: [5, 1] } } })).rejects.toThrow(/faults\.downstream\.delayMs/);
  });
});
