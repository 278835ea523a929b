/**
 * Reads the kernel's socket tables (Linux /proc/net/{tcp,tcp6,udp,udp6}) to find which ports a
 * process tree listens on, without connecting to it (a probe connection would use up the single
 * accept of a server that serves one client and exits).
 */
import { readFileSync } from 'node:fs';
import { socketInodesOf } from '../process/proc-tree.js';

/** A socket bound by the submission. */
export interface BoundSocket {
  transport: 'tcp' | 'udp';
  /** Local address as text: `127.0.0.1`, `0.0.0.0`, `::`, `::1`. */
  address: string;
  port: number;
  inode: number;
}

/** True where the socket tables can be read (Linux). */
export const socketTablesAvailable = process.platform === 'linux' && canRead('/proc/net/tcp');

function canRead(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}

function parseAddress(hex: string, v6: boolean): string {
  if (!v6) {
    const n = parseInt(hex, 16);
    return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
  }
  const words: string[] = [];
  for (let i = 0; i < 32; i += 8) {
    const w = hex.slice(i, i + 8);
    const le = w.match(/../g)?.reverse().join('') ?? '00000000';
    words.push(le.slice(0, 4), le.slice(4, 8));
  }
  const text = words.map((w) => parseInt(w, 16).toString(16)).join(':');
  if (/^0:0:0:0:0:ffff:/.test(text)) {
    const [a, b] = [words[6], words[7]].map((w) => parseInt(w as string, 16));
    return [(a as number) >> 8, (a as number) & 255, (b as number) >> 8, (b as number) & 255].join('.');
  }
  if (text === '0:0:0:0:0:0:0:0') return '::';
  if (text === '0:0:0:0:0:0:0:1') return '::1';
  return text;
}

/** The fields of every socket line of this namespace's IPv4 and IPv6 tables for `transport` (none where they cannot be read). */
function tableRows(transport: 'tcp' | 'udp'): { v6: boolean; f: string[] }[] {
  const rows: { v6: boolean; f: string[] }[] = [];
  for (const v6 of [false, true]) {
    let text: string;
    try {
      text = readFileSync(`/proc/net/${transport}${v6 ? '6' : ''}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length >= 10) rows.push({ v6, f });
    }
  }
  return rows;
}

/** The port of a table's `address:port` field. */
const portOf = (field: string | undefined): number => parseInt((field ?? '').split(':')[1] ?? '', 16);

function readTable(transport: 'tcp' | 'udp'): BoundSocket[] {
  const out: BoundSocket[] = [];
  for (const { v6, f } of tableRows(transport)) {
    const [addrHex, portHex] = (f[1] as string).split(':') as [string, string];
    const state = f[3];
    if (transport === 'tcp' && state !== '0A') continue;
    if (transport === 'udp' && state !== '07') continue;
    out.push({ transport, address: parseAddress(addrHex, v6), port: parseInt(portHex, 16), inode: Number(f[9]) });
  }
  return out;
}

/** Listening TCP sockets and bound UDP sockets held by any of `pids`. */
export function boundSocketsOf(pids: number[], transport: 'tcp' | 'udp'): BoundSocket[] {
  const inodes = new Set<number>();
  for (const pid of pids) for (const i of socketInodesOf(pid)) inodes.add(i);
  if (inodes.size === 0) return [];
  return readTable(transport).filter((s) => inodes.has(s.inode));
}

/** Whether anything on this machine listens (TCP) or is bound (UDP) on `port`. */
export function portInUse(port: number, transport: 'tcp' | 'udp'): boolean {
  return readTable(transport).some((s) => s.port === port);
}

/** The address a local peer should use to reach a socket bound at `address`. */
export function connectAddressFor(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '::1';
  return address;
}

/** Bytes the kernel holds for one end of a TCP connection. */
export interface TcpQueues {
  /** Sent but not yet acknowledged by the other end. */
  send: number;
  /** Arrived but not yet read by the application. */
  receive: number;
}

/**
 * The queues of the TCP socket of this network namespace whose local port is `localPort` and
 * remote port `remotePort`; undefined when there is none (or no socket table to read).
 */
export function tcpQueuesOf(localPort: number, remotePort: number): TcpQueues | undefined {
  for (const { f } of tableRows('tcp')) {
    if (f[3] === '0A' || portOf(f[1]) !== localPort || portOf(f[2]) !== remotePort) continue;
    const [tx, rx] = (f[4] as string).split(':').map((h) => parseInt(h, 16)) as [number, number];
    return { send: tx, receive: rx };
  }
  return undefined;
}

/** What the kernel holds for a bound UDP socket. */
export interface UdpQueue {
  /** Bytes of datagrams arrived but not yet read (as the kernel accounts them, overhead included). */
  receive: number;
  /** Datagrams dropped because the receive buffer was full. */
  drops: number;
}

/**
 * The queue of the UDP socket of this network namespace bound to `localPort` (the fullest, when
 * an IPv4 and an IPv6 socket share it); undefined when there is none or no table to read.
 */
export function udpQueueOf(localPort: number): UdpQueue | undefined {
  let found: UdpQueue | undefined;
  for (const { f } of tableRows('udp')) {
    if (f.length < 13 || portOf(f[1]) !== localPort) continue;
    const receive = parseInt((f[4] as string).split(':')[1] as string, 16);
    const drops = Number(f[12]);
    if (!found || receive > found.receive) found = { receive, drops: Math.max(drops, found?.drops ?? 0) };
  }
  return found;
}
