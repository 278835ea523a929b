/** sockgrade's own TCP driver: what it promises a check about resets and closes. */
import { describe, expect, it } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import { connectTo } from '../harness/net/connection.js';

describe('Connection', () => {
  it('reset() right after a send reaches the peer as a reset, not as a plain close', async () => {
    const seen = new Promise<string>((resolve) => {
      const server = createServer((s) => {
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        s.on('end', () => resolve('FIN'));
        s.on('close', () => server.close());
        s.resume();
      });
      server.listen(0, '127.0.0.1', () => {
        void (async () => {
          const conn = await connectTo('127.0.0.1', (server.address() as AddressInfo).port, 'client', 2000);
          await conn.send('mensaje a medi');
          await conn.reset();
        })();
      });
    });
    expect(await seen).toBe('ECONNRESET');
  });
});
