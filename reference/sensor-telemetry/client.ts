/**
 * Reference telemetry client: every period (on a fixed schedule, so it never drifts) it makes a
 * random reading within the declared ranges, taking turns among the sensors, numbers it in its
 * `seq` field, sends it (TCP, framed as declared, or one UDP datagram) and prints the replies.
 * It runs until it is stopped, or until the server closes the connection.
 */
import { createSocket } from 'node:dgram';
import type { Socket } from 'node:net';
import type { StructValue } from '../../harness/codec/pystruct.js';
import { Rng } from '../../harness/util/rng.js';
import { StreamDeframer, describeValues, framed, makeReading, sensorValues } from '../../exercises/sensor-telemetry/records.js';
import type { TelemetryProtocol } from '../../exercises/sensor-telemetry/manifest.js';
import { connectOrReport, write } from '../shared/console-io.js';
import type { ReferenceClientOptions } from '../types.js';
import { referenceProtocol } from './protocol.js';

/** Something that carries framed readings to the server; resolves `ended` with the exit code when it cannot any more. */
interface Link {
  send(bytes: Buffer): void;
  ended: Promise<number>;
  close(): void;
}

async function tcpLink(opts: ReferenceClientOptions, proto: TelemetryProtocol): Promise<Link | undefined> {
  const socket: Socket | undefined = await connectOrReport(opts.host, opts.port, opts.output);
  if (!socket) return undefined;
  const deframer = new StreamDeframer(proto, proto.reply);
  socket.on('data', (chunk: Buffer) => {
    for (const r of deframer.push(chunk, 0)) void write(opts.output, `Respuesta: ${describeValues(proto.reply, proto.reply.struct.unpack(r.body))}\n`);
  });
  const ended = new Promise<number>((resolve) => {
    socket.on('close', () => void write(opts.output, 'El servidor cerró la conexión\n').then(() => resolve(1)));
  });
  return { send: (bytes) => void socket.write(bytes), ended, close: () => socket.destroy() };
}

function udpLink(opts: ReferenceClientOptions, proto: TelemetryProtocol): Link {
  const socket = createSocket(opts.host.includes(':') ? 'udp6' : 'udp4');
  socket.on('message', (msg) => {
    const text = msg.length === proto.reply.struct.size ? describeValues(proto.reply, proto.reply.struct.unpack(msg)) : `${msg.length} bytes que no son una respuesta`;
    void write(opts.output, `Respuesta: ${text}\n`);
  });
  const ended = new Promise<number>((resolve) => socket.on('error', (err) => void write(opts.output, `Error en el socket: ${err.message}\n`).then(() => resolve(1))));
  return { send: (bytes) => socket.send(bytes, opts.port, opts.host), ended, close: () => socket.close() };
}

/** Sends readings every period until the link ends; resolves with the exit code. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const proto = referenceProtocol(opts.params);
  const link = proto.transport === 'udp' ? udpLink(opts, proto) : await tcpLink(opts, proto);
  if (!link) return 1;
  const rng = new Rng(Date.now() >>> 0);
  const sensors = sensorValues(proto, rng);
  const seq = proto.record.fields.indexOf('seq');
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const tick = (k: number): void => {
    const values: StructValue[] = makeReading(proto, sensors[k % sensors.length] as StructValue, rng);
    if (seq >= 0) values[seq] = k;
    void write(opts.output, `Enviado: ${describeValues(proto.record, values)}\n`);
    link.send(framed(proto, proto.record.struct.pack(...values)));
    timer = setTimeout(() => tick(k + 1), Math.max(0, start + (k + 1) * proto.period * 1000 - performance.now()));
  };
  tick(0);
  const code = await link.ended;
  clearTimeout(timer);
  link.close();
  return code;
}
