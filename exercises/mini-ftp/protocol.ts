/**
 * C2 `mini-ftp` on the wire: one command per line (`list`, `get <name>`, `put <name>`, `exit`,
 * words configurable), every reply one body of A5 frames. sockgrade's side of it: a session
 * that sends commands and reads replies, and the failures that explain a bad reply.
 */
import type { ServerCheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { str, type ParamSpecs, type ParamValues } from '../../harness/authoring.js';
import { describeSize, escapeBytes } from '../../harness/authoring.js';
import { findCrash } from '../../harness/authoring.js';
import { formatMs } from '../../harness/authoring.js';
import { describeFrames, frameBody, readBody, type BodyRead, type ByteSource } from '../shared/files-body.js';
import { connectSliced, type Slicing } from '../shared/files-proxy.js';
import type { UdpClient } from '../../harness/authoring.js';
import { pause } from '../../harness/authoring.js';
import { DATAGRAM_MAX, DatagramBytes, cutIntoDatagrams } from './datagrams.js';

export const FTP_PARAMS: ParamSpecs = {
  transport: { type: 'enum', default: 'tcp', values: ['tcp', 'udp'], description: 'the variant graded: tcp, or udp (each command one datagram, each reply the same body of frames in one or more datagrams)' },
  'list-command': { type: 'string', default: 'list', description: 'command that asks for the listing' },
  'get-command': { type: 'string', default: 'get', description: 'command word before the name of a file to download' },
  'put-command': { type: 'string', default: 'put', description: 'command word before the name of a file to upload (some statements of the exercise say subir)' },
  'exit-command': { type: 'string', default: 'exit', description: 'command that ends the session' },
  'missing-reply': { type: 'string', default: 'el archivo solicitado no existe', description: 'reply to get when the file does not exist' },
  'put-reply': { type: 'string', default: 'recibido', description: 'reply to a put once the file is saved' },
  'exit-reply': { type: 'string', default: 'Sesion finalizada', description: 'reply to exit, before the server closes the connection' },
};

/** The words of the protocol after parameters. */
export interface FtpWords {
  list: string;
  get: string;
  put: string;
  exit: string;
  missing: string;
  stored: string;
  bye: string;
}

/** The transport graded (parameter transport). */
export const transportOf = (p: ParamValues): 'tcp' | 'udp' => (str(p, 'transport') === 'udp' ? 'udp' : 'tcp');

export function wordsOf(params: ParamValues): FtpWords {
  return {
    list: str(params, 'list-command'),
    get: str(params, 'get-command'),
    put: str(params, 'put-command'),
    exit: str(params, 'exit-command'),
    missing: str(params, 'missing-reply'),
    stored: str(params, 'put-reply'),
    bye: str(params, 'exit-reply'),
  };
}

/** Whether a reply body says `text` (surrounding whitespace and case aside). */
export function says(body: Buffer, text: string): boolean {
  return body.toString('utf8').trim().toLowerCase() === text.trim().toLowerCase();
}

/** How sockgrade talks to the server: a TCP connection, or a UDP socket whose datagrams are read as a stream. */
type Link = { kind: 'tcp'; conn: Connection } | { kind: 'udp'; client: UdpClient; bytes: DatagramBytes; slicing: boolean };

/** One client session with the submitted server, as sockgrade plays it (over TCP or UDP, as the parameter transport says). */
export class FtpSession {
  /** Offset in what the connection received where the next reply starts. */
  private at = 0;

  private constructor(
    private readonly ctx: ServerCheckContext,
    private readonly link: Link,
    readonly words: FtpWords,
  ) {}

  /** Connects, straight or through a slicing proxy (over UDP: a socket of its own; a body is then sent in small datagrams). */
  static async open(ctx: ServerCheckContext, label: string, slicing?: Slicing): Promise<FtpSession> {
    const words = wordsOf(ctx.params);
    if (transportOf(ctx.params) === 'udp') {
      const client = await ctx.udp(label);
      const bytes = new DatagramBytes((ms, signal) => client.receive(ms, signal).then((d) => d?.data));
      return new FtpSession(ctx, { kind: 'udp', client, bytes, slicing: slicing !== undefined }, words);
    }
    if (!slicing) return new FtpSession(ctx, { kind: 'tcp', conn: await ctx.connect(label) }, words);
    const { conn } = await connectSliced(ctx, label, slicing);
    return new FtpSession(ctx, { kind: 'tcp', conn }, words);
  }

  /** The TCP connection (undefined over UDP). */
  get conn(): Connection | undefined {
    return this.link.kind === 'tcp' ? this.link.conn : undefined;
  }

  /** Everything received from the server in this session (datagrams joined over UDP). */
  get received(): Buffer {
    return this.stream.received;
  }

  private get stream(): ByteSource {
    return this.link.kind === 'tcp' ? this.link.conn : this.link.bytes;
  }

  /** Whether the connection is still usable for another command (a UDP socket always is). */
  get open(): boolean {
    if (this.link.kind === 'udp') return true;
    const conn = this.link.conn;
    return conn.closeKind === 'open' && !conn.closed && !conn.socket.destroyed;
  }

  /** Ends the session: closes the connection (TCP) or the socket (UDP). */
  close(): void {
    if (this.link.kind === 'tcp') this.link.conn.close();
    else this.link.client.close();
  }

  /** Ends the session abruptly: resets the connection (TCP) or closes the socket (UDP). */
  async reset(): Promise<void> {
    if (this.link.kind === 'tcp') await this.link.conn.reset();
    else this.link.client.close();
  }

  /** Sends `line` (a line ending in a newline over TCP, one datagram over UDP) and reads the reply. */
  async command(line: string, ms = 5000): Promise<BodyRead> {
    this.ctx.doing(`sending "${line}" and waiting for the reply`);
    if (this.link.kind === 'tcp') await this.link.conn.send(`${line}\n`);
    else await this.link.client.send(Buffer.from(line));
    return this.reply(ms);
  }

  /** Sends `put <name>` and the content as a body (TCP: in the same write; UDP: in the datagrams after the command's), and reads the reply. */
  async put(name: string, content: Buffer, ms = 5000): Promise<BodyRead> {
    this.ctx.doing(`uploading ${describeSize(content.length)} as "${this.words.put} ${name}" and waiting for the reply`);
    if (this.link.kind === 'tcp') await this.link.conn.send(Buffer.concat([Buffer.from(`${this.words.put} ${name}\n`), frameBody(content)]));
    else {
      const client = this.link.client;
      await client.send(Buffer.from(`${this.words.put} ${name}`));
      const datagrams = cutIntoDatagrams(frameBody(content), this.ctx.rng, this.link.slicing ? 1024 : DATAGRAM_MAX, DATAGRAM_MAX);
      for (const d of datagrams) {
        await pause(1, this.ctx.signal);
        await client.send(d);
      }
    }
    return this.reply(ms);
  }

  private async reply(ms: number): Promise<BodyRead> {
    const r = await readBody(this.stream, this.at, this.ctx.within(ms), this.ctx.signal);
    if (r.kind === 'body') this.at = r.end;
    return r;
  }

  /**
   * The failure for a reply that is not a complete body. `command` names what was sent, quoted
   * (`"list"`, or for a put `"put x" and the frames of its content`).
   */
  failure(command: string, r: Exclude<BodyRead, { kind: 'body' }>, ms = 5000, hint?: string): CheckFailure {
    const crash = findCrash(this.ctx.server.program.outputText());
    const died = crash ? ` (the server printed a ${crash.name})` : this.ctx.server.program.exit ? ' (the server process had exited)' : '';
    const got = this.received.subarray(this.at);
    const received = got.length > 0 ? `${describeSize(got.length)}: "${escapeBytes(got, 160)}"` : 'nothing';
    if (r.kind === 'malformed') {
      return new CheckFailure(`the reply to ${command} is not framed: ${r.problem}${died}`, {
        expected: 'a reply framed as "NNNNNN:" (six digits, the payload length in bytes) + the payload; over 999999 bytes, frames of 999999 bytes and a last shorter one',
        received,
        hint: hint ?? 'every reply is framed, the data of a file and the short texts alike: f"{len(datos):06d}:".encode() + datos, sent with sendall()',
      });
    }
    const udpHint = this.link.kind === 'udp' ? 'over UDP each command is one datagram and every reply the same body of frames, sent with sendto() to the address the command came from, in datagrams of at most 65507 bytes' : undefined;
    const how = r.ended ? `the server ${this.conn?.closeKind === 'reset' ? 'reset' : 'closed'} the connection` : `nothing more arrived within ${formatMs(ms)}`;
    return new CheckFailure(`no complete reply to ${command}: ${how} while sockgrade waited for ${r.waitingFor}, after ${describeFrames(r.frames)}${died}`, {
      expected: 'a reply framed as "NNNNNN:" + payload',
      received,
      hint: hint ?? udpHint ?? 'read the command up to its "\\n", answer with a framed reply (sendall), and keep the connection open for the next command until exit',
    });
  }

  /** Reads a reply to `command`, failing unless it is a complete body. */
  async expectBody(command: string, ms = 5000, hint?: string): Promise<Buffer> {
    const r = await this.command(command, ms);
    if (r.kind !== 'body') throw this.failure(`"${command}"`, r, ms, hint);
    return r.body;
  }
}
