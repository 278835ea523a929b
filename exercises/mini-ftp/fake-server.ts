/**
 * sockgrade playing the mini-ftp server for a submitted client: it answers the commands the
 * client sends on one connection, from a set of files the check chose, with replies cut in
 * slices so that a client reading one recv() per reply is caught.
 */
import type { CheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import { waitFor } from '../../harness/authoring.js';
import { frameBody, readBody } from '../shared/files-body.js';
import type { Datagram, Program, UdpPeer } from '../../harness/authoring.js';
import { pause } from '../../harness/authoring.js';
import type { FtpWords } from './protocol.js';
import { DatagramBytes, commandOf, cutIntoDatagrams } from './datagrams.js';

/** One command the client sent, and whether its reply has been sent completely. */
export interface Served {
  line: string;
  replied: boolean;
}

/** What a check needs of sockgrade's server, over TCP or UDP. */
export interface FtpServerPlay {
  readonly served: readonly Served[];
  run(): Promise<void>;
  waitServed(n: number, ms: number): Promise<boolean>;
}

/** A command line's word and name: `get mis notas.txt` → get, `mis notas.txt`. */
function splitLine(line: string): { word: string; name: string } {
  const space = line.indexOf(' ');
  return { word: space < 0 ? line : line.slice(0, space), name: space < 0 ? '' : line.slice(space + 1) };
}

/**
 * Answers the commands of one client over UDP (transport=udp): each datagram from the client is
 * a command; the content of a put follows in its next datagrams; each reply is a body of frames
 * cut into datagrams of 2 to 16 KiB (so a client that reads with recvfrom(1024) loses the rest
 * of each datagram), sent 1 ms apart, to the address the command came from.
 */
export class FakeUdpFtpServer implements FtpServerPlay {
  readonly served: Served[] = [];
  readonly uploads = new Map<string, Buffer>();
  private next = 0;
  private readonly listeners = new Set<() => void>();
  private over = false;

  constructor(
    private readonly ctx: CheckContext,
    private readonly peer: UdpPeer,
    private readonly words: FtpWords,
    private readonly files: ReadonlyMap<string, Buffer>,
  ) {}

  /** The client's first datagram, once it came (its first command, which also gives its address); undefined soon after `client` ends without one. */
  async first(ms: number, client: Program): Promise<Datagram | undefined> {
    return this.peer.datagramWhileRunning(0, ms, client, this.ctx.signal);
  }

  async run(): Promise<void> {
    try {
      for (;;) {
        const d = await this.peer.datagram(this.next++, this.ctx.remainingMs(), this.ctx.signal);
        if (!d) return;
        const { line, rest } = commandOf(d.data);
        const entry: Served = { line, replied: false };
        this.served.push(entry);
        const more = await this.answer(d, line, rest);
        entry.replied = true;
        this.notify();
        if (!more) return;
      }
    } catch {
      /* the check ended: nothing left to serve */
    } finally {
      this.over = true;
      this.notify();
    }
  }

  async waitServed(n: number, ms: number): Promise<boolean> {
    return waitFor<boolean>(`the client's command #${n}`, ms, this.ctx.signal, (done) => {
      const check = (): void => {
        if (this.served.filter((s) => s.replied).length >= n) done(true);
        else if (this.over) done(false);
      };
      this.listeners.add(check);
      check();
      return () => this.listeners.delete(check);
    }).catch(() => false);
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private async answer(to: Datagram, line: string, rest: Buffer): Promise<boolean> {
    const { word, name } = splitLine(line);
    const reply = async (payload: Buffer): Promise<void> => {
      for (const d of cutIntoDatagrams(frameBody(payload), this.ctx.rng, 2048)) {
        await this.peer.reply(to, d);
        await pause(1, this.ctx.signal);
      }
    };
    if (word === this.words.get) await reply(this.files.get(name) ?? Buffer.from(this.words.missing));
    else if (word === this.words.list) await reply(Buffer.from([...this.files.keys()].map((n) => `${n}\n`).join('')));
    else if (word === this.words.put) {
      const bytes = new DatagramBytes(async (ms, signal) => (await this.peer.datagram(this.next++, ms, signal))?.data, rest);
      const r = await readBody(bytes, 0, this.ctx.remainingMs(), this.ctx.signal);
      if (r.kind !== 'body') return false;
      this.uploads.set(name, r.body);
      await reply(Buffer.from(this.words.stored));
    } else if (word === this.words.exit) {
      await reply(Buffer.from(this.words.bye));
      return false;
    } else await reply(Buffer.from('comando desconocido'));
    return true;
  }
}

/** Answers one client's commands until it leaves or the check ends. */
export class FakeFtpServer implements FtpServerPlay {
  readonly served: Served[] = [];
  readonly uploads = new Map<string, Buffer>();
  private at = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly ctx: CheckContext,
    private readonly conn: Connection,
    private readonly words: FtpWords,
    private readonly files: ReadonlyMap<string, Buffer>,
  ) {}

  /** Serves until the connection ends, `exit` is answered, or the check ends; never throws. */
  async run(): Promise<void> {
    try {
      for (;;) {
        const line = await this.nextLine();
        if (line === undefined) return;
        const entry: Served = { line, replied: false };
        this.served.push(entry);
        const more = await this.answer(line);
        entry.replied = true;
        this.notify();
        if (!more) return;
      }
    } catch {
      /* the check ended or the connection broke: nothing left to serve */
    } finally {
      this.notify();
    }
  }

  /** Waits until `n` commands have been answered; false when that did not happen within `ms` or serving ended. */
  async waitServed(n: number, ms: number): Promise<boolean> {
    return waitFor<boolean>(`the client's command #${n}`, ms, this.ctx.signal, (done) => {
      const check = (): void => {
        if (this.served.filter((s) => s.replied).length >= n) done(true);
        else if (this.conn.closed || this.conn.closeKind !== 'open') done(false);
      };
      this.listeners.add(check);
      check();
      return () => this.listeners.delete(check);
    }).catch(() => false);
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** The next `\n`-terminated line (without `\r\n`), or undefined when the connection ends first. */
  private async nextLine(): Promise<string | undefined> {
    for (;;) {
      const nl = this.conn.received.indexOf(0x0a, this.at);
      if (nl >= 0) {
        const line = this.conn.received.subarray(this.at, nl).toString('utf8').replace(/\r$/, '');
        this.at = nl + 1;
        return line;
      }
      if (!(await this.conn.waitForBytes(this.conn.receivedBytes + 1, this.ctx.remainingMs(), this.ctx.signal))) return undefined;
    }
  }

  /** Sends the reply to `line`; false when the session is over. */
  private async answer(line: string): Promise<boolean> {
    const space = line.indexOf(' ');
    const word = space < 0 ? line : line.slice(0, space);
    const name = space < 0 ? '' : line.slice(space + 1);
    if (word === this.words.get) {
      const content = this.files.get(name);
      await this.reply(content ?? Buffer.from(this.words.missing));
      return true;
    }
    if (word === this.words.list) {
      await this.reply(Buffer.from([...this.files.keys()].map((n) => `${n}\n`).join('')));
      return true;
    }
    if (word === this.words.put) {
      const r = await readBody(this.conn, this.at, this.ctx.remainingMs(), this.ctx.signal);
      if (r.kind !== 'body') return false;
      this.at = r.end;
      this.uploads.set(name, r.body);
      await this.reply(Buffer.from(this.words.stored));
      return true;
    }
    if (word === this.words.exit) {
      await this.reply(Buffer.from(this.words.bye));
      this.conn.halfClose();
      return false;
    }
    await this.reply(Buffer.from('comando desconocido'));
    return true;
  }

  private async reply(payload: Buffer): Promise<void> {
    const body = frameBody(payload);
    if (body.length < 4096) await this.conn.send(body);
    else await this.conn.sendSliced(body, this.ctx.rng, { min: 512, max: 16 * 1024, delayMs: 1, signal: this.ctx.signal });
  }
}
