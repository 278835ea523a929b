/**
 * The reference servers under abuse, as examples for students must be: a client that never
 * reads is not buffered without bound (backpressure, or it is dropped), and an endless line is
 * refused once it passes the line limit instead of being scanned again and again. Measured in
 * bytes the server took in, not in wall-clock time.
 */
import { describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { spawn } from 'node:child_process';
import { startServer as framedEcho } from '../reference/framed-echo/server.js';
import { MAX_BACKLOG, MAX_LINE, startServer as groupChat } from '../reference/group-chat/server.js';
import { startServer as miniFtp } from '../reference/mini-ftp/server.js';
import { MAX_LINE as FTP_MAX_LINE } from '../reference/mini-ftp/stream-reader.js';
import { frame } from '../exercises/framed-echo/framing.js';
import { poll } from '../harness/util/deadline.js';

const MiB = 1024 * 1024;

/** Joins the group chat as "dormilon" with a 4 KiB receive buffer, says so, then never reads (until its stdin closes). */
const NEVER_READS = [
  'import socket, sys',
  's = socket.socket()',
  's.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)',
  "s.connect(('127.0.0.1', int(sys.argv[1])))",
  "s.sendall(b'dormilon\\n')",
  "print('joined', flush=True)",
  'sys.stdin.read()',
].join('\n');

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port }, () => resolve(s));
    s.once('error', reject);
  });
}

/** Writes `total` bytes made by `piece` as fast as the peer takes them; resolves with what the kernel accepted once the peer stops taking more (or closes). */
async function flood(s: Socket, piece: Buffer, total: number): Promise<number> {
  let queued = 0;
  while (queued < total && s.writable) {
    s.write(piece);
    queued += piece.length;
    if (s.writableLength > 4 * MiB) await new Promise((r) => setImmediate(r));
  }
  let last = -1;
  let still = 0;
  await poll('the peer to stop taking bytes', 60_000, undefined, () => {
    const taken = s.bytesWritten - s.writableLength;
    if (taken !== last || !s.writable) [last, still] = [taken, 0];
    else still += 1;
    return still >= 20 || s.destroyed || s.writableLength === 0 ? true : undefined;
  }, 25);
  return s.bytesWritten - s.writableLength;
}

describe.concurrent('reference servers under abuse', () => {
  it('framed-echo stops reading a client that does not read its echoes', async () => {
    const server = await framedEcho({ host: '127.0.0.1', port: 0, params: {}, log: () => {} });
    const s = await open(server.port);
    s.on('error', () => {});
    try {
      s.pause();
      const taken = await flood(s, frame(Buffer.alloc(64 * 1024, 0x61)), 96 * MiB);
      expect(taken).toBeLessThan(32 * MiB);
    } finally {
      s.destroy();
      await server.close();
    }
  });

  it('group-chat refuses a line past its limit after taking in little more than the limit', async () => {
    // No echo to the sender: only the member that never reads falls behind (a talker busy writing must not be the one dropped).
    const server = await groupChat({ host: '127.0.0.1', port: 0, params: { idle: 0, 'echo-sender': false }, log: () => {} });
    const s = await open(server.port);
    s.on('error', () => {});
    let got = '';
    s.on('data', (d: Buffer) => (got += d.toString()));
    try {
      s.write('ana\n');
      const taken = await flood(s, Buffer.alloc(256 * 1024, 0x61), 64 * MiB);
      await poll('the refusal', 10_000, undefined, () => (/demasiado larga/.test(got) ? true : undefined));
      expect(taken).toBeLessThan(MAX_LINE + 16 * MiB);
    } finally {
      s.destroy();
      await server.close();
    }
  });

  it('group-chat drops a member that never reads instead of buffering for it', async () => {
    const server = await groupChat({ host: '127.0.0.1', port: 0, params: { idle: 0, 'echo-sender': false }, log: () => {} });
    // A member that joins and never reads, with a small receive buffer: what the server holds for it is soon its own backlog, whatever the kernel's autotuning.
    const sleeper = spawn('python3', ['-c', NEVER_READS, String(server.port)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const talker = await open(server.port);
    let tail = '';
    let dropped = false;
    talker.on('data', (d: Buffer) => {
      const text = tail + d.toString();
      dropped ||= /dormilon ha salido del chat/.test(text);
      tail = text.slice(-64);
    });
    try {
      await new Promise((resolve, reject) => (sleeper.stdout.once('data', resolve), sleeper.once('exit', reject)));
      talker.write('charlatan\n');
      const line = `${'x'.repeat(1000)}\n`;
      let sent = 0;
      while (!dropped && sent < 64 * MiB && !talker.destroyed) {
        sent += line.length;
        if (!talker.write(line)) await new Promise((r) => (talker.once('drain', r), talker.once('close', r)));
      }
      await poll('the sleeper to be dropped', 30_000, undefined, () => (dropped ? true : undefined));
      expect(sent).toBeLessThan(MAX_BACKLOG + 16 * MiB);
    } finally {
      sleeper.kill('SIGKILL');
      talker.destroy();
      await server.close();
    }
  });

  it('mini-ftp refuses an endless command line after taking in little more than the limit', async () => {
    const server = await miniFtp({ host: '127.0.0.1', port: 0, params: {}, log: () => {} });
    const s = await open(server.port);
    s.on('error', () => {});
    let closed = false;
    s.on('close', () => (closed = true));
    s.resume();
    try {
      const taken = await flood(s, Buffer.alloc(256 * 1024, 0x61), 64 * MiB);
      await poll('the connection to end', 10_000, undefined, () => (closed || s.readableEnded ? true : undefined));
      expect(taken).toBeLessThan(FTP_MAX_LINE + 16 * MiB);
    } finally {
      s.destroy();
      await server.close();
    }
  });
});
