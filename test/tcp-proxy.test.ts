/** The fault-injecting TCP proxy: faults that do not drop data never lose, add or reorder a byte. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createServer, connect, type Server, type AddressInfo } from 'node:net';
import { TcpProxy, type Toxic } from '../harness/proxy/tcp-proxy.js';
import { slicer } from '../harness/proxy/toxics/slicer.js';
import { Rng } from '../harness/util/rng.js';

async function echoServer(): Promise<Server> {
  const server = createServer({ allowHalfOpen: true }, (s) => {
    s.on('error', () => {});
    s.pipe(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return server;
}

/** Sends `chunks` through the proxy to the echo server, half-closes, and returns everything echoed. */
async function roundTrip(port: number, chunks: Buffer[]): Promise<{ echoed: Buffer; reset: boolean }> {
  return new Promise((resolve) => {
    const got: Buffer[] = [];
    const s = connect({ host: '127.0.0.1', port, allowHalfOpen: true }, () => {
      for (const c of chunks) s.write(c);
      s.end();
    });
    let reset = false;
    s.on('data', (d: Buffer) => got.push(d));
    s.on('error', () => (reset = true));
    s.on('close', () => resolve({ echoed: Buffer.concat(got), reset }));
  });
}

const lossless: fc.Arbitrary<Toxic> = fc.oneof(
  fc.record({ kind: fc.constant('slicer' as const), minBytes: fc.integer({ min: 1, max: 8 }), maxBytes: fc.integer({ min: 8, max: 64 }), delayMs: fc.constant<[number, number]>([0, 2]) }),
  fc.record({ kind: fc.constant('coalesce' as const), windowMs: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('latency' as const), ms: fc.integer({ min: 0, max: 5 }), jitterMs: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('bandwidth' as const), bytesPerSecond: fc.constant(4 * 1024 * 1024) }),
  fc.record({ kind: fc.constant('slow-close' as const), ms: fc.integer({ min: 0, max: 20 }) }),
);

describe('TcpProxy', () => {
  it('with lossless faults on both directions, every byte arrives once and in order', async () => {
    const server = await echoServer();
    const target = { host: '127.0.0.1', port: (server.address() as AddressInfo).port };
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.uint8Array({ minLength: 0, maxLength: 3000 }), { minLength: 1, maxLength: 6 }),
          fc.array(lossless, { maxLength: 3 }),
          fc.array(lossless, { maxLength: 3 }),
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          async (chunks, upstream, downstream, seed) => {
            const proxy = await TcpProxy.start({ target, seed, upstream, downstream });
            try {
              const data = chunks.map((c) => Buffer.from(c));
              const { echoed, reset } = await roundTrip(proxy.port, data);
              expect(reset).toBe(false);
              expect(echoed.equals(Buffer.concat(data))).toBe(true);
            } finally {
              await proxy.close();
            }
          },
        ),
        { numRuns: 40, seed: 20261121 },
      );
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('the same seed gives the same slicing schedule', async () => {
    const cuts = async (seed: number): Promise<number[]> => {
      const sizes: number[] = [];
      await slicer({ minBytes: 1, maxBytes: 40, delayMs: [0, 0] }, new Rng(seed)).write(Buffer.alloc(400, 7), async (piece: Buffer) => {
        sizes.push(piece.length);
      });
      return sizes;
    };
    const a = await cuts(99);
    expect(a.reduce((x, y) => x + y, 0)).toBe(400);
    expect(a.length).toBeGreaterThan(9);
    expect(await cuts(99)).toEqual(a);
    expect(await cuts(100)).not.toEqual(a);
  });

  it('reset-after passes exactly N bytes and then resets both sides', async () => {
    const server = await echoServer();
    const proxy = await TcpProxy.start({ target: { host: '127.0.0.1', port: (server.address() as AddressInfo).port }, seed: 1, downstream: [{ kind: 'reset-after', bytes: 100 }] });
    const { echoed, reset } = await new Promise<{ echoed: Buffer; reset: boolean }>((resolve) => {
      const got: Buffer[] = [];
      let wasReset = false;
      const s = connect({ host: '127.0.0.1', port: proxy.port }, () => s.write(Buffer.alloc(1000, 1)));
      s.on('data', (d: Buffer) => got.push(d));
      s.on('error', (e: NodeJS.ErrnoException) => (wasReset = e.code === 'ECONNRESET'));
      s.on('close', () => resolve({ echoed: Buffer.concat(got), reset: wasReset }));
    });
    expect(echoed.length).toBe(100);
    expect(reset).toBe(true);
    expect(proxy.stats.resets).toBe(1);
    await proxy.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('refuses nonsensical fault settings with a message naming the fault', async () => {
    const proxy = await TcpProxy.start({ target: { host: '127.0.0.1', port: 9 }, seed: 1 });
    await proxy.close();
    const { slicer } = await import('../harness/proxy/toxics/slicer.js');
    const { Rng } = await import('../harness/util/rng.js');
    expect(() => slicer({ minBytes: 0, maxBytes: 4, delayMs: [0, 0] }, new Rng(1))).toThrow(/slicer: need 1 <= minBytes/);
  });
});
