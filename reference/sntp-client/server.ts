/**
 * Reference SNTP server for `sntp-client`, for students to try their client against: answers
 * every client request (48 bytes or more, mode 3) with the current time, or with the fixed UTC
 * time of the `server-time` parameter; anything else is logged and left unanswered.
 */
import { createSocket } from 'node:dgram';
import { isIP } from 'node:net';
import { bindUdp, runningUdpServer } from '../shared/udp-socket.js';
import { formatAddress } from '../shared/console-io.js';
import type { ParamValues, ReferenceServerOptions, RunningReferenceServer } from '../types.js';
import { NTP_PACKET_SIZE, firstByteFields, formatUtc, parseUtc, serverReply } from '../../exercises/sntp-client/packet.js';

const CLIENT_MODE = 3;

/** The fixed time of `server-time` in Unix seconds, undefined for the current time; throws on a malformed value. */
export function fixedTime(params: ParamValues): number | undefined {
  const raw = params['server-time'];
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const seconds = parseUtc(raw);
  if (seconds === undefined) throw new Error(`server-time must be a UTC time like 2031-05-17 08:30:00, got "${raw}"`);
  return seconds;
}

/** `0x1b (LI 0, VN 3, modo 3)`. */
function describeByte(b: number): string {
  const f = firstByteFields(b);
  return `0x${b.toString(16).padStart(2, '0')} (LI ${f.leap}, VN ${f.version}, modo ${f.mode})`;
}

/** Binds the SNTP server on `opts.host:opts.port` and resolves once it is bound. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const fixed = fixedTime(opts.params);
  const socket = createSocket(isIP(opts.host) === 6 ? 'udp6' : 'udp4');
  await bindUdp(socket, opts.host, opts.port);
  socket.on('error', (err) => opts.log(`Error en el socket: ${err.message}`));
  socket.on('message', (msg, rinfo) => {
    const from = formatAddress(rinfo.address, rinfo.port);
    const first = msg[0];
    if (msg.length < NTP_PACKET_SIZE || first === undefined || firstByteFields(first).mode !== CLIENT_MODE) {
      opts.log(`Petición no válida de ${from}: ${msg.length} bytes, primer byte ${first === undefined ? '(ninguno)' : describeByte(first)}; se esperaban ${NTP_PACKET_SIZE} bytes con modo 3 (0x1b). No se responde.`);
      return;
    }
    const nowMs = Date.now();
    const transmit = fixed ?? Math.floor(nowMs / 1000);
    const fraction = fixed === undefined ? Math.floor(((nowMs % 1000) / 1000) * 2 ** 32) : 0;
    const reply = serverReply(msg, { transmit, transmitFraction: fraction, receiveFraction: fraction, reference: transmit - 60 });
    socket.send(reply, rinfo.port, rinfo.address, (err) => {
      opts.log(err ? `No se pudo responder a ${from}: ${err.message}` : `Petición de ${from}: respondo con ${formatUtc(transmit)} UTC`);
    });
  });
  return runningUdpServer(socket);
}
