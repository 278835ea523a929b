/**
 * Reference sender for `reliable-udp`: stop-and-wait. Reads the messages, one per line, from the
 * file named by the `input` parameter in its working folder, sends message i as data packet i and
 * resends it every `RTO_MS` until the ACK with that sequence number arrives; gives up after
 * `MAX_TRIES` transmissions of one packet. Exits 0 when every message is acknowledged.
 */
import { createSocket } from 'node:dgram';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { ReferenceClientOptions } from '../types.js';
import { resolveHost } from '../shared/udp-socket.js';
import { formatAddress, write } from '../shared/console-io.js';

/** Retransmission timeout. */
export const RTO_MS = 200;
/** Transmissions of one packet before giving up. */
export const MAX_TRIES = 20;

const DATA = 0;
const ACK = 1;

/** How a transfer went. */
export interface SendResult {
  /** Every message was acknowledged. */
  ok: boolean;
  /** Data datagrams sent, retransmissions included. */
  datagrams: number;
  /** The message that was never acknowledged, when not ok. */
  failedSeq?: number;
}

/** Sends `messages` reliably to `address:port` over a fresh UDP socket. */
export async function sendMessages(opts: { address: string; port: number; messages: readonly Buffer[]; rtoMs?: number; maxTries?: number; signal?: AbortSignal }): Promise<SendResult> {
  const socket = createSocket(isIP(opts.address) === 6 ? 'udp6' : 'udp4');
  socket.on('error', () => {});
  const acked = new Set<number>();
  const waiters = new Map<number, () => void>();
  socket.on('message', (msg) => {
    if (msg.length < 5 || msg.readUInt8(4) !== ACK) return;
    const seq = msg.readUInt32BE(0);
    acked.add(seq);
    waiters.get(seq)?.();
  });
  let datagrams = 0;
  try {
    for (const [seq, payload] of opts.messages.entries()) {
      const data = Buffer.alloc(5 + payload.length);
      data.writeUInt32BE(seq, 0);
      data.writeUInt8(DATA, 4);
      payload.copy(data, 5);
      let tries = 0;
      while (!acked.has(seq)) {
        if (tries === (opts.maxTries ?? MAX_TRIES) || opts.signal?.aborted) return { ok: false, datagrams, failedSeq: seq };
        tries += 1;
        datagrams += 1;
        socket.send(data, opts.port, opts.address);
        await ackOrTimeout(waiters, seq, opts.rtoMs ?? RTO_MS);
      }
    }
    return { ok: true, datagrams };
  } finally {
    await new Promise<void>((done) => socket.close(() => done()));
  }
}

function ackOrTimeout(waiters: Map<number, () => void>, seq: number, ms: number): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    function finish(): void {
      clearTimeout(timer);
      waiters.delete(seq);
      done();
    }
    waiters.set(seq, finish);
  });
}

/** Reads the messages file, sends every line, reports; resolves 0 when all were acknowledged. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const { host, port, output } = opts;
  const name = typeof opts.params.input === 'string' ? opts.params.input : 'mensajes.txt';
  let text: string;
  try {
    text = await readFile(resolve(name), 'utf8');
  } catch (err) {
    await write(output, `No se pudo leer el fichero de mensajes ${name}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 1;
  }
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const peer = await resolveHost(host, output);
  if (!peer) return 1;
  const { address } = peer;
  const result = await sendMessages({ address, port, messages: lines.map((l) => Buffer.from(l, 'utf8')) });
  if (!result.ok) {
    await write(output, `El receptor ${formatAddress(host, port)} no confirmó el mensaje ${result.failedSeq ?? '?'} tras ${MAX_TRIES} intentos; me rindo\n`);
    return 1;
  }
  await write(output, `${lines.length} mensajes entregados a ${formatAddress(host, port)} con ${result.datagrams} datagramas\n`);
  return 0;
}
