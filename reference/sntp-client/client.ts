/**
 * Reference client for `sntp-client`: sends one SNTP request (0x1b and 47 zero bytes) over UDP,
 * prints the transmit time of the reply in UTC, and reports a missing or truncated reply in one
 * line with exit code 1.
 */
import { createSocket, type Socket } from 'node:dgram';
import type { ParamValues, ReferenceClientOptions } from '../types.js';
import { resolveHost } from '../shared/udp-socket.js';
import { describeNetError, formatAddress, write } from '../shared/console-io.js';
import { NTP_PACKET_SIZE, clientRequest, formatUtc, transmitSeconds } from '../../exercises/sntp-client/packet.js';

/** Seconds the client waits for the reply; below the grader's `give-up`. */
export function replyTimeout(params: ParamValues): number {
  const giveUp = typeof params['give-up'] === 'number' ? params['give-up'] : 10;
  return Math.min(5, giveUp / 2);
}

/** Asks `host:port` for the time and prints it; resolves 0, or 1 after printing what failed. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const { host, port, output } = opts;
  const peer = await resolveHost(host, output);
  if (!peer) return 1;
  const { address, family } = peer;
  const timeout = replyTimeout(opts.params);
  const socket = createSocket(family === 6 ? 'udp6' : 'udp4');
  const result = await exchange(socket, clientRequest(), address, port, timeout * 1000);
  await closeSocket(socket);
  if (result === 'timeout') {
    await write(output, `El servidor NTP ${formatAddress(host, port)} no respondió en ${timeout} s\n`);
    return 1;
  }
  if (result instanceof Error) {
    await write(output, `Error al comunicar con el servidor NTP ${formatAddress(host, port)}: ${describeNetError(result, { ECONNREFUSED: 'puerto inalcanzable' })}\n`);
    return 1;
  }
  const seconds = transmitSeconds(result);
  if (result.length < NTP_PACKET_SIZE || seconds === undefined) {
    await write(output, `Respuesta NTP no válida: ${result.length} bytes (se esperaban ${NTP_PACKET_SIZE})\n`);
    return 1;
  }
  await write(output, `Hora del servidor NTP: ${formatUtc(seconds)}\n`);
  return 0;
}

/** Sends `request` and resolves with the first datagram back, the socket's error, or `timeout`. */
function exchange(socket: Socket, request: Buffer, address: string, port: number, ms: number): Promise<Buffer | Error | 'timeout'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    const settle = (r: Buffer | Error): void => {
      clearTimeout(timer);
      resolve(r);
    };
    socket.on('message', (msg) => settle(msg));
    socket.on('error', (err) => settle(err));
    socket.send(request, port, address, (err) => {
      if (err) settle(err);
    });
  });
}

function closeSocket(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    try {
      socket.close(() => resolve());
    } catch {
      resolve();
    }
  });
}
