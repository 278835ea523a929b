/**
 * sockgrade as the client of a submitted file-copy server: sending a file (through the slicing
 * proxy when asked; as datagrams paced by the server's receive queue over UDP) and judging the
 * copy the server wrote in its working folder.
 */
import type { ServerCheckContext } from '../../harness/engine/context.js';
import type { Connection } from '../../harness/net/connection.js';
import type { TcpProxy } from '../../harness/proxy/tcp-proxy.js';
import { CheckFailure } from '../../harness/model/failure.js';
import { str } from '../../harness/model/params.js';
import { describeSize } from '../../harness/diagnose/bytes.js';
import { findCrash } from '../../harness/diagnose/output.js';
import { formatMs, pause } from '../../harness/util/deadline.js';
import { tcpQueuesOf, udpQueueOf } from '../../harness/net/socket-table.js';
import type { UdpClient } from '../../harness/net/udp.js';
import { frameBody } from '../shared/files-body.js';
import { connectSliced } from '../shared/files-proxy.js';
import { compareFiles, type FileMismatch } from '../shared/files-compare.js';
import { cpuBusyProbe, inWorkDir, settleFile, type SettleEnd } from '../shared/files-wait.js';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { escapeBytes } from '../../harness/diagnose/bytes.js';
import { DATAGRAM_BYTES, nameFirst, nameLine, pickName, transportOf, variantOf, type Slicing } from './cases.js';

/** A transfer in progress. */
export interface Transfer {
  /** The connection (TCP). */
  conn?: Connection;
  /** The socket the datagrams went from (UDP). */
  udp?: UdpClient;
  proxy: TcpProxy | undefined;
  /** Bytes put on the wire (the body's frames in the framed variant). */
  wireBytes: number;
  label: string;
  /** The file the server must write, in its working folder: `output`, or the name sent first. */
  file: string;
  /** The name sent first (`name-first`), as sent. */
  name?: string;
}

/** What goes on the wire for `data`: the name line (`name-first`), then the bytes or their frames. */
export function wireOf(ctx: ServerCheckContext, data: Buffer, name: string | undefined): Buffer {
  const body = variantOf(ctx.params) === 'framed' ? frameBody(data) : data;
  return name !== undefined ? Buffer.concat([nameLine(name), body]) : body;
}

/** Connects to the server, straight or through a slicing proxy, and sends `data` as the variant says; over UDP, as datagrams. */
export async function sendFile(ctx: ServerCheckContext, data: Buffer, opts: { label: string; slicing?: Slicing; name?: string }): Promise<Transfer> {
  const variant = variantOf(ctx.params);
  const name = nameFirst(ctx.params) ? (opts.name ?? pickName(ctx.rng)) : undefined;
  if (transportOf(ctx.params) === 'udp') return sendDatagrams(ctx, data, name, opts);
  const wire = wireOf(ctx, data, name);
  let conn: Connection;
  let proxy: TcpProxy | undefined;
  if (opts.slicing) ({ conn, proxy } = await connectSliced(ctx, opts.label, opts.slicing));
  else conn = await ctx.connect(opts.label);
  if (name !== undefined) ctx.doing(`sending the name "${escapeBytes(Buffer.from(name))}" and ${describeSize(data.length)}${variant === 'framed' ? ' as frames' : ''} from ${opts.label}`);
  else ctx.doing(`sending ${describeSize(data.length)}${variant === 'framed' ? ' as frames' : ''} from ${opts.label}`);
  if (wire.length > 0) await conn.send(wire);
  // Lines: the end of the connection is the end of the file. Framed: the body says where it ends.
  if (variant === 'lines') conn.halfClose();
  return { conn, proxy, wireBytes: wire.length, label: opts.label, file: name ?? str(ctx.params, 'output'), ...(name !== undefined ? { name } : {}) };
}

/** Datagrams sent between two looks at the server's receive queue. */
const PACE_EVERY = 16;
/** Bytes the server's receive queue may hold before sockgrade waits for it to read (a default buffer holds about 200 KiB). */
const PACE_QUEUE = 64 * 1024;

/**
 * A pacer for datagrams to the server: every {@link PACE_EVERY} datagrams it waits while the
 * server's socket holds more than {@link PACE_QUEUE} bytes unread, so that a correct server is
 * never flooded past its receive buffer (loopback drops what does not fit). A server that stops
 * reading for a second, or exits, is not waited for any more.
 */
function udpPacer(ctx: ServerCheckContext): (count: number) => Promise<void> {
  const port = ctx.server.port;
  let giveUp = false;
  return async (count) => {
    if (giveUp || count % PACE_EVERY !== 0) return;
    let q = udpQueueOf(port);
    if (!q) return pause(1, ctx.signal);
    let least = q.receive;
    let since = performance.now();
    while (q && q.receive > PACE_QUEUE) {
      if (ctx.server.program.exit !== undefined || performance.now() - since > 1000) {
        giveUp = true;
        return;
      }
      await pause(1, ctx.signal);
      q = udpQueueOf(port);
      if (q && q.receive < least) [least, since] = [q.receive, performance.now()];
    }
  };
}

/**
 * Sends `data` to a UDP server: the name line alone in the first datagram (`name-first`), the
 * bytes in datagrams of at most {@link DATAGRAM_BYTES} (random sizes when sliced), then the empty
 * datagram that ends the file.
 */
async function sendDatagrams(ctx: ServerCheckContext, data: Buffer, name: string | undefined, opts: { label: string; slicing?: Slicing }): Promise<Transfer> {
  const c = await ctx.udp(opts.label);
  const lo = opts.slicing ? Math.max(1, Math.min(opts.slicing.minBytes, DATAGRAM_BYTES)) : DATAGRAM_BYTES;
  const hi = opts.slicing ? Math.max(lo, Math.min(opts.slicing.maxBytes, DATAGRAM_BYTES)) : DATAGRAM_BYTES;
  const pace = udpPacer(ctx);
  if (name !== undefined) ctx.doing(`sending the name "${escapeBytes(Buffer.from(name))}" and ${describeSize(data.length)} as datagrams from ${opts.label}`);
  else ctx.doing(`sending ${describeSize(data.length)} as datagrams from ${opts.label}`);
  let count = 0;
  if (name !== undefined) {
    await c.send(nameLine(name));
    count += 1;
  }
  for (let at = 0; at < data.length; count++) {
    const n = Math.min(data.length - at, lo === hi ? lo : ctx.rng.int(lo, hi));
    await pace(count);
    await c.send(data.subarray(at, at + n));
    at += n;
  }
  await pace(count);
  await c.send(Buffer.alloc(0));
  const wireBytes = data.length + (name !== undefined ? nameLine(name).length : 0);
  return { udp: c, proxy: undefined, wireBytes, label: opts.label, file: name ?? str(ctx.params, 'output'), ...(name !== undefined ? { name } : {}) };
}

/** Ends sockgrade's side of a transfer: closes the connection (TCP). */
export function closeTransfer(t: Transfer): void {
  t.conn?.close();
}

/** Milliseconds a server may take to write a copy of `bytes` bytes. */
export function copyWait(bytes: number): number {
  return 6000 + Math.ceil(bytes / (1024 * 1024)) * 1200;
}

/** Whether the server's side of the transfer is over: it closed or reset the connection, or exited. */
export function serverDone(ctx: ServerCheckContext, t: Transfer): boolean {
  if (ctx.server.program.exit !== undefined) return true;
  return t.conn !== undefined && (t.conn.closeKind !== 'open' || t.conn.closed);
}

/** Whether everything sent has reached the server: through the proxy (TCP), or read from its socket (UDP). */
function delivered(ctx: ServerCheckContext, t: Transfer): boolean {
  if (serverDone(ctx, t)) return true;
  if (t.udp) return (udpQueueOf(ctx.server.port)?.receive ?? 0) === 0;
  return !t.proxy || t.proxy.stats.upstreamBytes >= t.wireBytes;
}

/**
 * Waits until the server has written its copy of `expected` and compares it. `previous` is the
 * file of an earlier transfer; `accept` lets a check be content with less than an exact copy.
 */
export async function expectCopy(ctx: ServerCheckContext, t: Transfer, expected: Buffer, opts: { previous?: Buffer; prefix?: string; accept?: (copy: Buffer) => boolean } = {}): Promise<void> {
  const output = t.file;
  const path = inWorkDir(ctx, output);
  ctx.doing(`waiting for the server to write the ${describeSize(expected.length)} sent by ${t.label} to ${output}`);
  const { content, end, busy } = await settleFile(ctx, path, {
    ended: () => serverDone(ctx, t),
    busy: cpuBusyProbe(() => ctx.server.program.processTree()),
    delivered: () => delivered(ctx, t),
    expectedSize: expected.length,
    ms: copyWait(expected.length),
  });
  if (content && opts.accept?.(content)) return;
  const found = compareFiles(expected, content, { what: `${output} in the server's working folder`, ...(opts.previous ? { previous: opts.previous } : {}) });
  if (!found) return;
  const mismatch = t.name !== undefined ? nameMismatch(ctx, t.name, expected, content, found) : found;
  throw copyFailure(ctx, t, mismatch, end === 'timeout' && busy ? 'busy' : end, opts.prefix ?? '');
}

/** Files of the working folder, for a diagnosis: `copia.txt (4.1 KiB), "datos.txt\\r" (4.1 KiB)`. */
function folderListing(dir: string): string {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return '';
  }
  const shown = names.slice(0, 6).map((n) => {
    let size = '';
    try {
      const st = statSync(join(dir, n));
      size = st.isDirectory() ? ' (a folder)' : ` (${describeSize(st.size)})`;
    } catch {
      /* gone meanwhile */
    }
    return `"${escapeBytes(Buffer.from(n))}"${size}`;
  });
  return shown.length === 0 ? 'nothing' : `${shown.join(', ')}${names.length > shown.length ? `, and ${names.length - shown.length} more` : ''}`;
}

/** Sharpens a mismatch under `name-first`: the name line written into the content, or the file written under another name. */
function nameMismatch(ctx: ServerCheckContext, name: string, expected: Buffer, content: Buffer | undefined, m: FileMismatch): FileMismatch {
  const line = nameLine(name);
  if (content && content.length >= line.length && content.subarray(0, line.length).equals(line) && content.subarray(line.length).equals(expected)) {
    return {
      ...m,
      message: `${name} in the server's working folder starts with the name line "${escapeBytes(line)}" and then holds the whole file: the name line was written into the copy as if it were content`,
      hint: 'the first line is the name of the file, not part of it: take the bytes up to the first "\\n" as the name, and write only what follows',
    };
  }
  if (content !== undefined) return m;
  return {
    ...m,
    message: `${m.message}: sockgrade sent the name "${escapeBytes(Buffer.from(name))}" on the first line, and the server's working folder holds ${folderListing(ctx.workDir)}`,
    hint: 'read the first line (up to "\\n"), take it without its "\\n" (and without a "\\r" before it) as the name, and write the rest of what arrives to a file of that name in the working folder',
  };
}

/** The failure for a wrong copy, with what the server did meanwhile. */
function copyFailure(ctx: ServerCheckContext, t: Transfer, m: FileMismatch, end: SettleEnd | 'busy', prefix: string): CheckFailure {
  const notes: string[] = [];
  const crash = findCrash(ctx.server.program.outputText());
  if (crash) notes.push(`the server printed a ${crash.name}${lastLine(crash.excerpt)}`);
  else if (ctx.server.program.exit) notes.push('the server process exited during the transfer');
  if (t.udp) return udpCopyFailure(ctx, m, end, prefix, notes);
  if (!t.conn) throw new Error('a TCP transfer without its connection');
  if (t.proxy && t.proxy.stats.upstreamBytes < t.wireBytes && t.conn.closeKind !== 'open') {
    notes.push(`the server ${t.conn.closeKind === 'reset' ? 'reset' : 'closed'} the connection when only about ${describeSize(t.proxy.stats.upstreamBytes)} of the ${describeSize(t.wireBytes)} sent had reached it`);
  }
  const spinning = end === 'busy' && readEverything(t, m.expectedSize);
  if (spinning) {
    notes.push('the server had read everything sockgrade sent, the end of the data included, yet kept using the CPU without finishing the file: its receive loop does not end when recv() returns b"" (it goes round and round on the empty result)');
  } else if (end === 'busy') {
    notes.push(`the server was still busy (using the CPU) when sockgrade stopped waiting after ${formatMs(copyWait(m.expectedSize))}: it is too slow for this size (a common cause: contenido += datos, which copies everything received so far at every recv(); write each chunk as it arrives, or collect the chunks in a list and b"".join() them once)`);
  } else if (end === 'idle' || end === 'timeout') {
    notes.push(
      variantOf(ctx.params) === 'lines'
        ? `sockgrade had closed its sending side after the last byte, but the server kept the connection open and the file stayed unchanged for ${formatMs(1500)}`
        : `the whole body had arrived, but the server neither closed the connection nor finished the file within ${formatMs(1500)}: it seems to wait for more (read exactly the announced bytes, then write and close the file)`,
    );
  }
  const tail = notes.length > 0 ? `\n(${notes.join('; ')})` : '';
  const waiting = end === 'idle' || end === 'timeout';
  const hint = spinning
    ? 'when recv() returns b"" the client has sent everything: leave the loop (if not datos: break), then close the file and the connection'
    : end === 'busy'
    ? 'write each chunk to the file as soon as recv() returns it (or collect the chunks in a list and b"".join() them once): contenido += datos copies everything received so far at every recv()'
    : !waiting
    ? m.hint
    : variantOf(ctx.params) === 'lines'
      ? 'when recv() returns b"" the client has sent everything: close the file, then the connection'
      : 'in the framed variant the client need not close the connection: read the 7 header bytes, then exactly the bytes they announce (frames of 999999 until a shorter one), then write and close the file and close the connection';
  return new CheckFailure(`${prefix}${m.message}${tail}`, { expected: m.expected, received: m.received, hint });
}

/** The failure for a wrong copy over UDP: whether the server still had datagrams to read, or had read them all. */
function udpCopyFailure(ctx: ServerCheckContext, m: FileMismatch, end: SettleEnd | 'busy', prefix: string, notes: string[]): CheckFailure {
  const q = udpQueueOf(ctx.server.port);
  const waiting = end === 'idle' || end === 'timeout';
  if (q && q.receive > 0 && ctx.server.program.exit === undefined) {
    notes.push(`the server had stopped reading: about ${describeSize(q.receive)} of datagrams (the kernel's count, overhead included) were still waiting in its socket`);
  } else if (end === 'busy') {
    notes.push(`the server was still busy (using the CPU) when sockgrade stopped waiting (after ${formatMs(copyWait(m.expectedSize))})`);
  } else if (waiting && ctx.server.program.exit === undefined) {
    notes.push(`the server had read every datagram, the empty one that ends the file included, yet the file stayed unchanged for ${formatMs(1500)} afterwards`);
    if (m.expectedSize > 0 && m.message.includes(' is not an exact copy: it is empty')) {
      notes.push('a file that is empty although every datagram was read is usually a finished copy emptied at once: the server opened the output again ("wb") right after closing it, to wait for the next file');
      const tail = `\n(${notes.join('; ')})`;
      return new CheckFailure(`${prefix}${m.message}${tail}`, {
        expected: m.expected,
        received: m.received,
        hint: 'open the output when the first datagram of a file arrives (for an empty file, its empty datagram), not as soon as the previous file is closed: opening with "wb" empties the copy just written',
      });
    }
  }
  if (q && q.drops > 0) notes.push(`its socket dropped ${q.drops} datagram${q.drops === 1 ? '' : 's'} for want of room`);
  const tail = notes.length > 0 ? `\n(${notes.join('; ')})` : '';
  const short = m.received === 'no such file' || m.message.includes(' is not an exact copy: it is empty') || m.message.includes(' is not an exact copy: it is truncated');
  const hint = m.message.includes('(the file was opened for appending)')
    ? 'the empty datagram ends a file: close the output then, and open it anew ("wb") when the next file begins'
    : short
    ? 'keep writing the datagrams to the same open file until an empty one arrives (recvfrom returns b""), then close the file, so that everything reaches the disk; only the datagram after the empty one starts a new file'
    : m.hint;
  return new CheckFailure(`${prefix}${m.message}${tail}`, { expected: m.expected, received: m.received, hint });
}

/**
 * Whether the server has read all that was sent, the end of the data included (lines variant):
 * its end of the connection holds nothing unread and sockgrade's end nothing unacknowledged.
 * Through a proxy the queues are not sockgrade's to see; a small file is then read at once.
 */
function readEverything(t: Transfer, size: number): boolean {
  if (!t.conn || !t.conn.socket.writableEnded) return false;
  const ours = t.conn.socket.localPort;
  const theirs = t.conn.socket.remotePort;
  if (t.proxy || ours === undefined || theirs === undefined) return size <= 64 * 1024;
  const server = tcpQueuesOf(theirs, ours);
  const mine = tcpQueuesOf(ours, theirs);
  return server !== undefined && mine !== undefined && server.receive === 0 && mine.send === 0;
}

/** ` (UnicodeDecodeError: …)`, the exception line of a traceback. */
export function lastLine(excerpt: string): string {
  const line = excerpt.split('\n').map((l) => l.trim()).find((l) => /^[\w.]+(Error|Exception|Interrupt)\b/.test(l));
  return line ? ` (${line.slice(0, 160)})` : '';
}
