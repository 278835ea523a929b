/**
 * Reference telemetry server: decodes every reading of the reference protocol, logs it, and
 * answers it with one reply (the reading's sequence number and value, and a status of its own).
 * Over TCP it keeps a buffer per connection and cuts records out of it; over UDP each datagram
 * is a record.
 */
import { createServer, type Socket } from 'node:net';
import { createSocket } from 'node:dgram';
import { StreamDeframer, describeValues, framed, replyFor } from '../../exercises/sensor-telemetry/records.js';
import type { TelemetryProtocol } from '../../exercises/sensor-telemetry/manifest.js';
import { Rng } from '../../harness/util/rng.js';
import { listenTcp, runningServer } from '../shared/tcp-server.js';
import { bindUdp, runningUdpServer } from '../shared/udp-socket.js';
import { formatAddress } from '../shared/console-io.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';
import { referenceProtocol } from './protocol.js';

/** The reply to one record, framed, and the log line of the reading. */
function answer(proto: TelemetryProtocol, body: Buffer, rng: Rng, from: string): { reply: Buffer; line: string } {
  const values = proto.record.struct.unpack(body);
  return { reply: framed(proto, replyFor(proto, values, rng)), line: `Lectura de ${from}: ${describeValues(proto.record, values)}` };
}

async function startTcp(opts: ReferenceServerOptions, proto: TelemetryProtocol, rng: Rng): Promise<RunningReferenceServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const from = formatAddress(socket.remoteAddress, socket.remotePort);
    const deframer = new StreamDeframer(proto, proto.record);
    socket.on('data', (chunk: Buffer) => {
      for (const r of deframer.push(chunk, 0)) {
        const { reply, line } = answer(proto, r.body, rng, from);
        opts.log(line);
        socket.write(reply);
      }
      if (deframer.problem) {
        opts.log(`Conexión de ${from} cerrada: ${deframer.problem}`);
        socket.destroy();
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
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
    socket.send(reply, rinfo.port, rinfo.address);
  });
  return runningUdpServer(socket);
}

/** Starts the server on `opts.host:opts.port`, TCP or UDP as the parameter transport says. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const proto = referenceProtocol(opts.params);
  const rng = new Rng(Date.now() >>> 0);
  return proto.transport === 'udp' ? startUdp(opts, proto, rng) : startTcp(opts, proto, rng);
}
