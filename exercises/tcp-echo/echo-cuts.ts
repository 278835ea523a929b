/**
 * How sockgrade, as the server, cuts the echo it sends back to a client: always in at least two
 * pieces (a client that calls recv() once must be caught whatever its message), the first cut
 * inside a multi-byte UTF-8 character when the message has one, and each piece sent only once
 * the client has read the previous one, so that no piece can reach the same recv() as the next.
 */
import type { ClientCheckContext } from '../../harness/engine/context.js';
import type { Connection } from '../../harness/net/connection.js';
import { tcpQueuesOf } from '../../harness/net/socket-table.js';
import { WaitTimeout, pause, poll } from '../../harness/util/deadline.js';
import type { Rng } from '../../harness/util/rng.js';

/** Offsets just after the first byte of each multi-byte UTF-8 character of `data` (where a cut splits it). */
export function cutsInsideCharacters(data: Buffer): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < data.length; i++) {
    const b = data[i] as number;
    const next = data[i + 1] as number;
    if (b >= 0xc2 && b <= 0xf4 && next >= 0x80 && next <= 0xbf) out.push(i + 1);
  }
  return out;
}

/**
 * Piece sizes for `data`: the first piece ends inside a multi-byte character when there is
 * one (else at a random offset), the rest are `min`–`max` bytes. One piece only when `data` has
 * fewer than two bytes.
 */
export function echoPieceSizes(data: Buffer, rng: Rng, min: number, max: number): number[] {
  if (data.length < 2) return [data.length];
  const inside = cutsInsideCharacters(data);
  const first = inside.length > 0 ? rng.pick(inside) : rng.int(1, Math.min(data.length - 1, max));
  const sizes = [first];
  for (let at = first; at < data.length; ) {
    const size = Math.min(data.length - at, rng.int(min, max));
    sizes.push(size);
    at += size;
  }
  return sizes;
}

/**
 * Sends `data` in pieces of `sizes`, each after the client has read everything sent before
 * (the kernel's queues of both ends are empty); returns the offsets where pieces end. Where the
 * client's socket cannot be seen (another network namespace), it waits `fallbackMs` instead.
 */
export async function sendPiecesWhenRead(ctx: ClientCheckContext, conn: Connection, data: Buffer, sizes: readonly number[], fallbackMs = 40): Promise<number[]> {
  const cuts: number[] = [];
  let at = 0;
  for (const size of sizes) {
    if (!(await conn.send(data.subarray(at, at + size)))) break;
    at += size;
    cuts.push(at);
    if (at < data.length && !(await clientHasRead(ctx, conn))) await pause(fallbackMs, ctx.signal);
  }
  return cuts;
}

/** Waits (bounded) until the client has read all that was sent; false when its socket cannot be seen. */
async function clientHasRead(ctx: ClientCheckContext, conn: Connection): Promise<boolean> {
  const ours = conn.socket.localPort;
  const theirs = conn.socket.remotePort;
  if (ours === undefined || theirs === undefined || !tcpQueuesOf(theirs, ours)) return false;
  ctx.doing('waiting for the client to read the piece of the echo it was sent');
  await poll(
    'the client to read the piece sent',
    ctx.within(3000),
    ctx.signal,
    () => {
      const mine = tcpQueuesOf(ours, theirs);
      const peer = tcpQueuesOf(theirs, ours);
      if (!mine || !peer || conn.closeKind !== 'open') return true;
      return mine.send === 0 && peer.receive === 0 ? true : undefined;
    },
    5,
  ).catch((err: unknown) => {
    if (!(err instanceof WaitTimeout)) throw err;
  });
  return true;
}
