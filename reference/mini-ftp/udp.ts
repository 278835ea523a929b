/**
 * The UDP version of the mini-ftp reference programs (transport=udp): a command is one
 * datagram; a body of frames (a reply, or a put's content) is the same bytes as over TCP, cut
 * into datagrams of at most {@link CHUNK} bytes.
 */
import { createSocket, type Socket, type RemoteInfo } from 'node:dgram';
import { BodyParser, frameBody } from '../../exercises/shared/files-body.js';

/** Largest datagram the reference programs send. */
export const CHUNK = 60_000;

/** Sends `payload` as a body of frames, in datagrams of at most CHUNK bytes, to `port`:`address`; resolves once they are sent. */
export async function sendBody(socket: Socket, payload: Buffer, port: number, address: string): Promise<void> {
  const body = frameBody(payload);
  for (let at = 0; at < body.length; at += CHUNK) {
    await new Promise<void>((resolve) => socket.send(body.subarray(at, at + CHUNK), port, address, () => resolve()));
  }
}

/** A command datagram's line (up to a "\n", a "\r" before it dropped) and what follows the "\n". */
export function commandLine(data: Buffer): { line: string; rest: Buffer } {
  const nl = data.indexOf(0x0a);
  const end = nl < 0 ? data.length : nl;
  return { line: data.subarray(0, end).toString('utf8').replace(/\r$/, ''), rest: nl < 0 ? Buffer.alloc(0) : data.subarray(nl + 1) };
}

/** A body of frames being received from datagrams. */
export class DatagramBody {
  private readonly parser = new BodyParser();
  private readonly parts: Buffer[] = [];

  /** Feeds one datagram; returns the body once complete, a string when malformed, undefined while more is needed. */
  push(data: Buffer): Buffer | string | undefined {
    const { payload } = this.parser.push(data);
    this.parts.push(...payload);
    if (this.parser.error) return this.parser.error;
    return this.parser.done ? Buffer.concat(this.parts) : undefined;
  }
}

/** A client's UDP socket: datagrams queued as they come, read with a timeout. */
export class DatagramInbox {
  readonly socket: Socket;
  private readonly queue: Buffer[] = [];
  private wake: (() => void) | undefined;

  constructor(family: 'udp4' | 'udp6') {
    this.socket = createSocket(family);
    this.socket.on('message', (msg: Buffer, _rinfo: RemoteInfo) => {
      this.queue.push(msg);
      const w = this.wake;
      this.wake = undefined;
      w?.();
    });
    this.socket.on('error', () => {});
  }

  /** The next datagram, or undefined when none comes within `ms`. */
  async next(ms: number): Promise<Buffer | undefined> {
    if (this.queue.length === 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.queue.shift();
  }

  /** The next body of frames; a string says why it is malformed, undefined means nothing more came within `ms` of a datagram. */
  async body(ms: number): Promise<Buffer | string | undefined> {
    const body = new DatagramBody();
    for (;;) {
      const d = await this.next(ms);
      if (d === undefined) return undefined;
      const r = body.push(d);
      if (r !== undefined) return r;
    }
  }
}
