/** Whether sockgrade runs as the machine's real root (not root of a user namespace). */
import { readFileSync } from 'node:fs';

let cached: boolean | undefined;

/** True for uid 0 in the initial user namespace, where any uid can be taken and the whole system is in reach. */
export function isRealRoot(): boolean {
  if (cached !== undefined) return cached;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return (cached = false);
  try {
    const first = readFileSync('/proc/self/uid_map', 'utf8').trim().split('\n')[0]?.trim().split(/\s+/) ?? [];
    cached = first[0] === '0' && first[1] === '0' && first[2] === '4294967295';
  } catch {
    cached = process.platform !== 'linux';
  }
  return cached;
}
