/**
 * The name-service files a program gets besides its hosts file (see `host-map.ts`) when a DNS
 * responder answers for the run (see `net/dns-responder.ts`): a resolv.conf naming only that
 * responder, and an nsswitch.conf whose host look-ups go to the hosts file and then DNS (no mDNS
 * or systemd-resolved module that would ask someone else).
 */
import { readFileSync } from 'node:fs';

/** A resolv.conf that sends every look-up to the responder at `address`, port 53. */
export function resolvConfText(address: string): string {
  return `# written by sockgrade: every name is answered by sockgrade\nnameserver ${address}\noptions timeout:2 attempts:3\n`;
}

/**
 * This machine's nsswitch.conf with host look-ups through `files dns` only, or undefined when it
 * has none (musl libc reads no nsswitch.conf).
 */
export function nsswitchText(source = '/etc/nsswitch.conf'): string | undefined {
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n').filter((l) => !/^\s*hosts\s*:/.test(l));
  return `${['hosts: files dns', ...lines].join('\n').trimEnd()}\n`;
}
