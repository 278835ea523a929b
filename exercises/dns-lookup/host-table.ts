/**
 * The names and addresses sockgrade writes into the client's own hosts file: random, so a
 * program can only print them by really asking the system resolver.
 */
import type { Rng } from '../../harness/authoring.js';

/** One entry of the hosts file. */
export interface HostEntry {
  name: string;
  address: string;
}

/** A few distinct entries `srv-<random>.example.test` → `10.x.y.z`, and a name that is in none of them. */
export interface HostTable {
  entries: HostEntry[];
  /** A name of the same form that no entry has. */
  unknown: string;
}

function randomName(rng: Rng, prefix: string): string {
  return `${prefix}-${rng.word(8).toLowerCase()}.example.test`;
}

/** `count` entries with distinct names and addresses, and an unknown name. */
export function randomHostTable(rng: Rng, count = 3): HostTable {
  const entries: HostEntry[] = [];
  while (entries.length < count) {
    const entry = { name: randomName(rng, 'srv'), address: `10.${rng.int(1, 254)}.${rng.int(1, 254)}.${rng.int(1, 254)}` };
    if (!entries.some((e) => e.name === entry.name || e.address === entry.address)) entries.push(entry);
  }
  return { entries, unknown: randomName(rng, 'nx') };
}

/** The entries as the `hosts` of `ctx.launchClient`. */
export function hostsOf(table: HostTable): Record<string, string> {
  return Object.fromEntries(table.entries.map((e) => [e.name, e.address]));
}

/** The entries as hosts-file lines, for diagnoses. */
export function describeTable(table: HostTable): string {
  return table.entries.map((e) => `${e.address}  ${e.name}`).join('\n');
}

/** Whether `text` shows the IPv4 `address` as a whole (not inside a longer number). */
export function showsAddress(text: string, address: string): boolean {
  return new RegExp(`(^|[^\\d.])${address.replace(/\./g, '\\.')}($|[^\\d]|\\.(?!\\d))`).test(text);
}

/** Whether `text` shows host `name` as a whole (case-insensitive). */
export function showsName(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w.-])${name.replace(/[.]/g, '\\.')}($|[^\\w-]|\\.(?![\\w-]))`, 'i').test(text);
}

/** Every IPv4 address shown in `text`. */
export function addressesIn(text: string): string[] {
  return [...text.matchAll(/(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d]|\.\d)/g)].map((m) => m[0]);
}
