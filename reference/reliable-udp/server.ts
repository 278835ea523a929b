/**
 * Reference receiver for `reliable-udp`: acknowledges every data packet it keeps or has already
 * delivered, keeps packets that arrive ahead of their turn, and prints each payload once, in
 * sequence order. Header `!IB`: uint32 sequence (big-endian), uint8 type (0 data, 1 ack).
 */
import { createSocket } from 'node:dgram';
import { bindUdp, runningUdpServer } from '../shared/udp-socket.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';

const HEADER_BYTES = 5;
const DATA = 0;
const ACK = 1;

/** The receiving side of the protocol, without sockets: one datagram in, at most one ACK out. */
export class ReorderingReceiver {
  private expected = 0;
  private readonly ahead = new Map<number, Buffer>();

  constructor(
    private readonly deliver: (payload: Buffer) => void,
    /** Packets further ahead than this are not kept, hence not acknowledged: the sender resends them. */
    private readonly window = 1024,
  ) {}

  /** Handles one datagram and returns the ACK to send back, if any. */
  receive(datagram: Buffer): Buffer | undefined {
    if (datagram.length < HEADER_BYTES || datagram.readUInt8(4) !== DATA) return undefined;
    const seq = datagram.readUInt32BE(0);
    if (seq >= this.expected + this.window) return undefined;
    if (seq >= this.expected && !this.ahead.has(seq)) this.ahead.set(seq, Buffer.from(datagram.subarray(HEADER_BYTES)));
    while (this.ahead.has(this.expected)) {
      this.deliver(this.ahead.get(this.expected) as Buffer);
      this.ahead.delete(this.expected);
      this.expected += 1;
    }
    const ack = Buffer.alloc(HEADER_BYTES);
    ack.writeUInt32BE(seq, 0);
    ack.writeUInt8(ACK, 4);
    return ack;
  }
}

/** Binds the receiver on `opts.host:opts.port`; every delivered payload is logged as one line. */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const socket = createSocket(opts.host.includes(':') ? 'udp6' : 'udp4');
  await bindUdp(socket, opts.host, opts.port);
  socket.on('error', (err) => opts.log(`Error en el socket: ${err.message}`));
  const receiver = new ReorderingReceiver((payload) => opts.log(payload.toString('utf8')));
  socket.on('message', (msg, rinfo) => {
    const ack = receiver.receive(msg);
    if (ack) socket.send(ack, rinfo.port, rinfo.address);
  });
  return runningUdpServer(socket);
}
