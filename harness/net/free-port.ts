/**
 * Choosing ports for submissions, so that tests and parallel checks never use fixed ports.
 * Ports come from outside the kernel's ephemeral range: a port the kernel hands out as some
 * connection's source port cannot then be taken between choosing it and the program binding it.
 */
import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';

function ephemeralRange(): [number, number] {
  try {
    const [lo, hi] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (lo && hi) return [lo, hi];
  } catch {
    /* not Linux */
  }
  return [49152, 65535];
}

/** Ports below the ephemeral range (or above it), never privileged ones. */
function candidate(): number {
  const [lo, hi] = ephemeralRange();
  const below = lo - 1 - 20000;
  const above = 65535 - hi;
  const pick = randomInt(0, Math.max(1, below + above));
  return pick < below ? 20000 + pick : hi + 1 + (pick - below);
}

function tcpFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

function udpFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    s.once('error', () => resolve(false));
    s.bind(port, host, () => s.close(() => resolve(true)));
  });
}

/**
 * Ports this process has handed out, most recent last: never handed out again while they are
 * among the latest {@link REMEMBERED}, so two instances started at once are never offered the same
 * port (each is free when chosen, but the first program may not have bound it yet).
 */
const handedOut = new Set<number>();
const REMEMBERED = 2048;

/** A port that was free a moment ago on `host` for both TCP and UDP, and not handed out lately by this process. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = candidate();
    if (handedOut.has(port)) continue;
    if ((await tcpFree(port, host)) && (await udpFree(port, host)) && !handedOut.has(port)) {
      handedOut.add(port);
      if (handedOut.size > REMEMBERED) handedOut.delete(handedOut.values().next().value as number);
      return port;
    }
  }
  throw new Error('no free port found after 50 attempts');
}
