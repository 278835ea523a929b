/**
 * Reference telemetry server: decodes every reading of the reference protocol, logs it, and
 * answers it with one reply (the reading's sequence number and value, and a status of its own),
 * or with nothing under reply=none. Under model=pull it asks every period: on each TCP
 * connection, or over UDP at the address of each client's first reading.
 * Over TCP it keeps a buffer per connection and cuts records out of it; over UDP each datagram
 * is a record.
 */
import { createServer, type Socket } from 'node:net';
import { createSocket } from 'node:dgram';
import { StreamDeframer, describeValues, framed, replyFor, requestFor, sensorValues } from '../../exercises/sensor-telemetry/records.js';
import type { RecordSpec, TelemetryProtocol } from '../../exercises/sensor-telemetry/manifest.js';
import type { StructValue } from '../../harness/codec/pystruct.js';
import { Rng } from '../../harness/util/rng.js';
import { listenTcp, runningServer } from '../shared/tcp-server.js';
import { bindUdp, runningUdpServer } from '../shared/udp-socket.js';
import { formatAddress } from '../shared/console-io.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';
import { referenceProtocol } from './protocol.js';

/** The reply to one record, framed (undefined with reply=none), and the log line of the reading. */
function answer(proto: TelemetryProtocol, body: Buffer, rng: Rng, from: string): { reply: Buffer | undefined; line: string } {
  const values = proto.record.struct.unpack(body);
  const reply = replyFor(proto, values, rng);
  return { reply: reply && framed(proto, reply), line: `Lectura de ${from}: ${describeValues(proto.record, values)}` };
}

/** Under model=pull: the requests to one client, and how to stop them. */
interface Asker {
  /** Called when a reading arrives: the request it answers is settled. */
  answered(): void;
  stop(): void;
}

/**
 * Under model=pull: sends a request with `send` every period on a fixed schedule until stopped.
 * A request waits for the answer to the one before (so the reply to a reading always comes
 * before the next request): over TCP for as long as it takes, over UDP not beyond two periods
 * (a lost datagram does not stop it).
 */
function askEvery(proto: TelemetryProtocol, rng: Rng, send: (bytes: Buffer) => void): Asker {
  const patience = proto.transport === 'tcp' ? Infinity : proto.period * 2000;
  const sensors = sensorValues(proto, rng);
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let pendingSince: number | undefined;
  const ask = (k: number): void => {
    if (stopped) return;
    if (pendingSince !== undefined && performance.now() - pendingSince < patience) {
      timer = setTimeout(() => ask(k), 10);
      return;
    }
    const spec = proto.request as RecordSpec;
    pendingSince = performance.now();
    send(framed(proto, spec.struct.pack(...requestFor(proto, sensors[k % sensors.length] as StructValue, k, rng))));
    timer = setTimeout(() => ask(k + 1), Math.max(0, start + (k + 1) * proto.period * 1000 - performance.now()));
  };
  ask(0);
  return {
    answered: () => {
      pendingSince = undefined;
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

async function startTcp(opts: ReferenceServerOptions, proto: TelemetryProtocol, rng: Rng): Promise<RunningReferenceServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const from = formatAddress(socket.remoteAddress, socket.remotePort);
    const deframer = new StreamDeframer(proto, proto.record);
    const asker = proto.model === 'pull' ? askEvery(proto, rng, (bytes) => void socket.write(bytes)) : undefined;
    socket.on('data', (chunk: Buffer) => {
      for (const r of deframer.push(chunk, 0)) {
        const { reply, line } = answer(proto, r.body, rng, from);
        opts.log(line);
        if (reply) socket.write(reply);
        asker?.answered();
      }
      if (deframer.problem) {
        opts.log(`Conexión de ${from} cerrada: ${deframer.problem}`);
        socket.destroy();
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      asker?.stop();
      sockets.delete(socket);
    });
  });
  await listenTcp(server, opts.host, opts.port);
  return runningServer(server, sockets);
}

async function startUdp(opts: ReferenceServerOptions, proto: TelemetryProtocol, rng: Rng): Promise<RunningReferenceServer> {
  const socket = createSocket(opts.host.includes(':') ? 'udp6' : 'udp4');
  await bindUdp(socket, opts.host, opts.port);
  socket.on('error', (err) => opts.log(`Error en el socket: ${err.message}`));
  socket.on('message', (msg, rinfo) => {
    const from = formatAddress(rinfo.address, rinfo.port);
    if (msg.length !== proto.record.struct.size) {
      opts.log(`Datagrama de ${from} ignorado: ${msg.length} bytes, una lectura ocupa ${proto.record.struct.size}`);
      return;
    }
    const { reply, line } = answer(proto, msg, rng, from);
    opts.log(line);
    if (reply) socket.send(reply, rinfo.port, rinfo.address);
    asking.get(from)?.answered();
    if (proto.model === 'pull' && !asking.has(from)) {
      opts.log(`Pidiendo lecturas a ${from} cada ${proto.period} s`);
      asking.set(from, askEvery(proto, rng, (bytes) => socket.send(bytes, rinfo.port, rinfo.address)));
    }
  });
  /** Clients asked for readings (model=pull), by address: the first reading of each tells where to ask. */
  const asking = new Map<string, Asker>();
  socket.on('close', () => {
    for (const a of asking.values()) a.stop();
  });
  return runningUdpServer(socket);
}

/** Starts the server on `opts.host:opts.port`, TCP or UDP as the parameter transport says. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const proto = referenceProtocol(opts.params);
  const rng = new Rng(Date.now() >>> 0);
  return proto.transport === 'udp' ? startUdp(opts, proto, rng) : startTcp(opts, proto, rng);
}
