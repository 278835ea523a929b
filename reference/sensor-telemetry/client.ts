/**
 * Reference telemetry client: every period (on a fixed schedule, so it never drifts) it makes a
 * random reading within the declared ranges, taking turns among the sensors, numbers it in its
 * `seq` field, sends it (TCP, framed as declared, or one UDP datagram) and prints the replies.
 * Under model=pull it answers each request of the server with one reading instead. It runs
 * until it is stopped, or until the server closes the connection.
 */
import { createSocket } from 'node:dgram';
import type { Socket } from 'node:net';
import type { StructValue } from '../../harness/codec/pystruct.js';
import { Rng } from '../../harness/util/rng.js';
import { StreamDeframer, answerFor, describeValues, framed, makeReading, sensorValues } from '../../exercises/sensor-telemetry/records.js';
import type { RecordSpec, TelemetryProtocol } from '../../exercises/sensor-telemetry/manifest.js';
import { connectOrReport, write } from '../shared/console-io.js';
import type { ReferenceClientOptions } from '../types.js';
import { referenceProtocol } from './protocol.js';

/** Something that carries framed readings to the server; resolves `ended` with the exit code when it cannot any more. */
interface Link {
  send(bytes: Buffer): void;
  ended: Promise<number>;
  close(): void;
}

/** What the link does with what the server sends: print a reply, or answer a request (model=pull). */
interface Handlers {
  reply(values: StructValue[]): void;
  request(values: StructValue[]): void;
}

/** Under model=pull the server sends a request, then (with replies) the reply to the reading that answers it. */
function kindAt(proto: TelemetryProtocol, index: number): 'request' | 'reply' {
  if (proto.model === 'push') return 'reply';
  return proto.reply && index % 2 === 1 ? 'reply' : 'request';
}

function specOf(proto: TelemetryProtocol, kind: 'request' | 'reply'): RecordSpec {
  return (kind === 'request' ? proto.request : proto.reply) as RecordSpec;
}

async function tcpLink(opts: ReferenceClientOptions, proto: TelemetryProtocol, on: Handlers): Promise<Link | undefined> {
  const socket: Socket | undefined = await connectOrReport(opts.host, opts.port, opts.output);
  if (!socket) return undefined;
  let index = 0;
  const deframer = new StreamDeframer(proto, (i) => specOf(proto, kindAt(proto, i)));
  socket.on('data', (chunk: Buffer) => {
    for (const r of deframer.push(chunk, 0)) {
      const kind = kindAt(proto, index++);
      on[kind](specOf(proto, kind).struct.unpack(r.body));
    }
  });
  const ended = new Promise<number>((resolve) => {
    socket.on('close', () => void write(opts.output, 'El servidor cerró la conexión\n').then(() => resolve(1)));
  });
  return { send: (bytes) => void socket.write(bytes), ended, close: () => socket.destroy() };
}

function udpLink(opts: ReferenceClientOptions, proto: TelemetryProtocol, on: Handlers): Link {
  const socket = createSocket(opts.host.includes(':') ? 'udp6' : 'udp4');
  // Under model=pull with replies, a datagram that follows a reading is its reply; any other is a request.
  let replyDue = false;
  socket.on('message', (msg) => {
    const kind = proto.model === 'push' || (proto.reply && replyDue) ? 'reply' : 'request';
    if (kind === 'reply') replyDue = false;
    const spec = specOf(proto, kind);
    if (msg.length !== spec.struct.size) {
      void write(opts.output, `${msg.length} bytes que no son ${kind === 'reply' ? 'una respuesta' : 'una petición'}\n`);
      return;
    }
    on[kind](spec.struct.unpack(msg));
  });
  const ended = new Promise<number>((resolve) => socket.on('error', (err) => void write(opts.output, `Error en el socket: ${err.message}\n`).then(() => resolve(1))));
  return {
    send: (bytes) => {
      replyDue = proto.reply !== undefined;
      socket.send(bytes, opts.port, opts.host);
    },
    ended,
    close: () => socket.close(),
  };
}

/**
 * Sends readings until the link ends; resolves with the exit code. Under model=push one every
 * period on a fixed schedule; under model=pull one per request of the server (over UDP, and
 * only there, a first one unasked, which tells the server where to ask).
 */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const proto = referenceProtocol(opts.params);
  const rng = new Rng(Date.now() >>> 0);
  const sensors = sensorValues(proto, rng);
  const seq = proto.record.fields.indexOf('seq');
  let sent = 0;
  /** Set once the link is up: requests can only arrive through it. */
  const via: { link?: Link } = {};
  const send = (values: StructValue[]): void => {
    if (seq >= 0 && !proto.requestEchoes.some((e) => e.record === seq)) values[seq] = sent;
    sent += 1;
    void write(opts.output, `Enviado: ${describeValues(proto.record, values)}\n`);
    via.link?.send(framed(proto, proto.record.struct.pack(...values)));
  };
  const on: Handlers = {
    reply: (values) => void write(opts.output, `Respuesta: ${describeValues(proto.reply as RecordSpec, values)}\n`),
    request: (values) => {
      void write(opts.output, `Petición: ${describeValues(proto.request as RecordSpec, values)}\n`);
      send(answerFor(proto, values, sensors[sent % sensors.length] as StructValue, rng));
    },
  };
  const link = proto.transport === 'udp' ? udpLink(opts, proto, on) : await tcpLink(opts, proto, on);
  if (!link) return 1;
  via.link = link;
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const tick = (k: number): void => {
    send(makeReading(proto, sensors[k % sensors.length] as StructValue, rng));
    if (proto.model === 'push') timer = setTimeout(() => tick(k + 1), Math.max(0, start + (k + 1) * proto.period * 1000 - performance.now()));
  };
  if (proto.model === 'push' || proto.transport === 'udp') tick(0);
  const code = await link.ended;
  clearTimeout(timer);
  link.close();
  return code;
}
