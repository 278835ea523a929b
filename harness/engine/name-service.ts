/**
 * Which host names a client's look-ups find sockgrade's peer under: in a hermetic run every name
 * (a DNS responder per check, see `net/dns-responder.ts`), elsewhere the names of its hosts file
 * (the exercise's canonical host and a name given with --host).
 */
import { writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { DnsResponder } from '../net/dns-responder.js';
import { hostMapSupport } from '../process/host-map.js';
import { nsswitchText, resolvConfText } from '../process/name-service.js';
import type { RunSettings } from './settings.js';

/** A check's DNS responder and the files that point a program at it. */
export interface CheckNameService {
  responder: DnsResponder;
  files: Record<string, string>;
}

/** Names every client's hosts file maps to `address`: the exercise's canonical host and a host name given with --host. */
export function mappedNames(settings: RunSettings, address: string): Record<string, string> {
  const names: Record<string, string> = {};
  if (settings.exercise.canonicalHost) names[settings.exercise.canonicalHost] = address;
  const declared = settings.declaredHost;
  if (declared !== undefined && isIP(declared) === 0 && declared.toLowerCase() !== 'localhost') names[declared] = address;
  return names;
}

/**
 * Starts the DNS responder of one client check in a hermetic run, answering every name with
 * `address` (none at all for exercises that judge failed look-ups), and writes the files that
 * make a program ask it; undefined outside hermetic runs or where programs cannot get their own
 * files.
 */
export async function startNameService(settings: RunSettings, root: string, checkId: string, address: string): Promise<CheckNameService | undefined> {
  if (!settings.isolation?.hermetic || !hostMapSupport().available) return undefined;
  const responder = await DnsResponder.start(settings.exercise.unknownNamesFail ? {} : { address });
  if (!responder) return undefined;
  const resolvConf = join(root, `resolv-${checkId}.conf`);
  writeFileSync(resolvConf, resolvConfText(responder.address));
  const nsswitch = nsswitchText();
  let nsswitchConf: string | undefined;
  if (nsswitch !== undefined) {
    nsswitchConf = join(root, `nsswitch-${checkId}.conf`);
    writeFileSync(nsswitchConf, nsswitch);
  }
  return { responder, files: { '/etc/resolv.conf': resolvConf, ...(nsswitchConf ? { '/etc/nsswitch.conf': nsswitchConf } : {}) } };
}
