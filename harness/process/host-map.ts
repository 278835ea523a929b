/**
 * Host-name mapping for one program: the program runs in its own mount namespace where a hosts
 * file written by sockgrade is bound over /etc/hosts, so a name it hard-codes (a public NTP or
 * web server, say) resolves to sockgrade's peer. Needs `unshare` and either root or unprivileged
 * user namespaces; probed once.
 */
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { userNamespaceArgs } from '../isolation/namespace.js';
import { namespacesForbidden } from '../sandbox/policy.js';

/** Whether programs can be given their own hosts file, and the `unshare` arguments that do it. */
export interface HostMapSupport {
  available: boolean;
  /** Why not, when not available. */
  reason?: string;
  /** `unshare` arguments (user namespace added when not root). */
  unshareArgs: string[];
}

let cached: HostMapSupport | undefined;

/** Probes once whether a program can be given its own /etc/hosts. */
export function hostMapSupport(): HostMapSupport {
  if (cached) return cached;
  if (process.platform !== 'linux') return (cached = { available: false, reason: `mount namespaces are Linux-only (this is ${process.platform})`, unshareArgs: [] });
  const forbidden = namespacesForbidden();
  if (forbidden) return (cached = { available: false, reason: forbidden, unshareArgs: [] });
  const userns = userNamespaceArgs();
  const unshareArgs = [...userns, '--mount', '--propagation', 'private'];
  const probe = spawnSync('unshare', [...unshareArgs, '/bin/sh', '-c', 'mount --bind /etc/hosts /etc/hosts'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 5000 });
  if (probe.error) return (cached = { available: false, reason: `cannot run unshare (${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message}); install util-linux`, unshareArgs });
  if (probe.status !== 0) {
    const why = probe.stderr.toString().trim().split('\n').pop() ?? '';
    return (cached = { available: false, reason: `this system does not allow a private mount namespace${userns.length > 0 ? ' without root (unprivileged user namespaces are off)' : ''}${why ? `: ${why}` : ''}`, unshareArgs });
  }
  return (cached = { available: true, unshareArgs });
}

/** The text of a hosts file that maps `names` (name → IPv4 address) besides localhost and this machine's name. */
export function hostsFileText(names: Readonly<Record<string, string>>): string {
  const lines = ['127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback', `127.0.1.1\t${hostname()}`];
  for (const [name, address] of Object.entries(names)) lines.push(`${address}\t${name}`);
  return `${lines.join('\n')}\n`;
}
