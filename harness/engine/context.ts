/**
 * What a check's run function works with. The context owns every program, connection and
 * socket the check opens, and the engine releases them all when the check ends.
 */
import { Program, describeExit } from '../process/program.js';
import type { Transcript, TranscriptView } from '../process/transcript.js';
import type { Packet } from '../trace/decode.js';
import { connectTo, type Connection } from '../net/connection.js';
import { TcpPeer } from '../net/tcp-peer.js';
import { UdpClient, UdpPeer } from '../net/udp.js';
import { CheckFailure, CheckSkipped } from '../model/failure.js';
import type { ParamValues } from '../model/params.js';
import { Rng } from '../util/rng.js';
import { escapeBytes } from '../diagnose/bytes.js';
import { hostMapSupport, type HostMapSupport } from '../process/host-map.js';
import { onInterrupt } from './interrupt.js';
import { starvedTotal, watchStarvation } from '../util/starvation.js';

/** A program launched during the run, kept for checks that look at the whole run. */
export interface RecordedProgram {
  checkId: string;
  program: Program;
  /**
   * Bytes of its output printed before the check's teardown began (what the check's own actions
   * caused), counted once output in flight has arrived: a traceback printed as the check ended counts.
   * A program that was already ending then ({@link Program.ending}) is judged on all it printed before its end.
   */
  judgedBytes: number;
}

/** Resources and helpers common to server and client checks. */
export abstract class CheckContext {
  /** Transport of the exercise. */
  transport: 'tcp' | 'udp' = 'tcp';
  /** fast-check path to replay (from --replay), for property checks. */
  replay: string | undefined;
  /** The scratch folder the submission runs in: files a check places there are what the program finds. */
  workDir = '';
  /** The submission's manifest (`sockgrade.json`), when one was given. */
  manifest: Readonly<Record<string, unknown>> | undefined;
  /** The current step, used to say what the check was doing when its budget ran out. */
  step = 'starting';
  /**
   * When the run records packets (`--trace`): the packets of this check so far, once the
   * recorder has caught up with now. Undefined when packets are not recorded.
   */
  packets: (() => Promise<Packet[]>) | undefined;
  private readonly transcripts: Transcript[] = [];
  /** Sources of transcripts that appear while the check runs (a peer's accepted connections). */
  protected readonly transcriptSources: (() => readonly Transcript[])[] = [];
  private readonly disposers: (() => Promise<void> | void)[] = [];
  protected readonly programs: Program[] = [];
  readonly origin = performance.now();

  constructor(
    readonly checkId: string,
    readonly params: ParamValues,
    readonly rng: Rng,
    readonly signal: AbortSignal,
    readonly budgetMs: number,
    /** performance.now() value at which the budget runs out. */
    public deadline: number,
  ) {}

  /** Remarks reported with the verdict, pass or fail. */
  readonly notes: string[] = [];

  /** Adds a remark to the check's report, shown even when it passes (a figure, a comparison). */
  note(text: string): void {
    this.notes.push(text);
  }

  private readonly starvedAtStart = starvedTotal();

  /**
   * Milliseconds left in the budget. Time the grader or the programs spent waiting for a CPU
   * is given back (up to three budgets), as the budget's own timer does.
   */
  remainingMs(): number {
    const owed = Math.min(starvedTotal() - this.starvedAtStart, 3 * this.budgetMs);
    return Math.max(0, this.deadline + owed - performance.now());
  }

  /** `ms`, or what is left of the budget if less. */
  within(ms: number): number {
    return Math.min(ms, this.remainingMs());
  }

  /** Records what the check is doing now. */
  doing(step: string): void {
    this.step = step;
  }

  /** Keeps `t` for the report and runs `dispose` when the check ends. */
  own(t: Transcript | undefined, dispose: () => Promise<void> | void): void {
    if (t) this.transcripts.push(t);
    this.disposers.push(dispose);
  }

  /** Takes charge of `program`: it is stopped when the check ends and its transcript is reported. */
  track(program: Program): Program {
    this.programs.push(program);
    const forget = onInterrupt('processes', () => program.stop(0));
    const unwatch = watchStarvation(program.pid);
    this.own(undefined, () => {
      forget();
      unwatch();
      return program.stop();
    });
    return program;
  }

  /** Counts `program` as one of the check's (its transcript is reported) without stopping it when the check ends: its owner does. */
  borrow(program: Program): Program {
    this.programs.push(program);
    return program;
  }

  /** Releases everything: connections first (with a reset, so no port is left in TIME_WAIT), then programs. */
  async dispose(): Promise<void> {
    const list = this.disposers.splice(0).reverse();
    for (const d of list) {
      try {
        await d();
      } catch {
        /* best effort: keep releasing the rest */
      }
    }
  }

  /** Transcripts of every connection and program of this check, escaped for reports. */
  transcriptViews(): TranscriptView[] {
    const all = [...this.programs.map((p) => p.transcript), ...this.transcripts, ...this.transcriptSources.flatMap((f) => f())];
    return all.map((t) => ({
      label: t.label,
      entries: t.entries.map((e) => ({
        t: Math.round(e.t + t.origin - this.origin),
        source: e.source,
        text: typeof e.data === 'string' ? e.data : escapeBytes(e.data, 400, ''),
        ...(typeof e.data === 'string' ? {} : { bytes: e.data.length }),
      })),
      ...(t.droppedBytes > 0 ? { truncated: `${t.droppedBytes} more bytes not kept` } : {}),
      ...(t.wire ? { wire: t.wire } : {}),
    }));
  }

  /** Programs launched by this check. */
  launched(): readonly Program[] {
    return this.programs;
  }
}

/** Where a submitted server was found listening. */
export interface LaunchedServer {
  program: Program;
  /** Address sockgrade connects to. */
  host: string;
  port: number;
  /** The port was chosen by the program itself (hard-coded), not the one offered. */
  hardCoded: boolean;
  /** Start-up prompts sockgrade answered before the server listened. */
  startupAnswers?: readonly { prompt: string; typed: string }[];
}

/** Context of a server check: the submission's server is already up. */
export class ServerCheckContext extends CheckContext {
  server!: LaunchedServer;
  private clientCount = 0;

  /** Opens a TCP connection to the server, as a new client. */
  async connect(label?: string, ms = 15_000): Promise<Connection> {
    this.clientCount += 1;
    const name = label ?? `client #${this.clientCount}`;
    this.doing(`connecting ${name}`);
    const conn = await connectTo(this.server.host, this.server.port, name, this.within(ms), this.signal, this.origin);
    this.own(conn.transcript, () => conn.reset());
    return conn;
  }

  /** Opens a UDP socket aimed at the server. */
  async udp(label?: string): Promise<UdpClient> {
    this.clientCount += 1;
    const c = await UdpClient.open(this.server.host, this.server.port, label ?? `client #${this.clientCount}`, this.origin);
    this.own(c.transcript, () => c.close());
    return c;
  }

  /** Fails the check when the server has exited, saying what it was doing. */
  assertServerAlive(during: string): void {
    const exit = this.server.program.exit;
    if (exit) {
      throw new CheckFailure(`the server exited (${describeExit(exit)}) ${during}`, {
        hint: 'a server must keep running and serving clients until it is stopped; look at its output below for the reason it ended',
      });
    }
  }
}

/** How the submitted client is given its server's address and message. */
export interface ClientLaunch {
  /** What sockgrade answers when the client asks for a message (and substitutes for `{message}`). */
  message?: string;
  /** Port the client should use; defaults to the one of the peer. */
  port?: number;
  /** Answer prompts for host, port and message. Default true. */
  answerPrompts?: boolean;
  /** More `{name}` placeholders for the command, e.g. `{ file: 'fichero.txt' }`. */
  placeholders?: Record<string, string>;
  /**
   * Host names the client's look-ups must resolve to the given IPv4 addresses (its own hosts
   * file). When programs cannot be given one, the check is skipped with the reason; see
   * {@link ClientCheckContext.hostMapping}.
   */
  hosts?: Readonly<Record<string, string>>;
  /** Bytes of the client's output kept, when a check needs more than the run's cap (e.g. a response of 1 MiB printed whole). */
  outputCapBytes?: number;
}

/** Context of a client check: sockgrade plays the server and launches the client itself. */
export class ClientCheckContext extends CheckContext {
  /** Address offered to the client (`{host}`/`{port}`, HOST/PORT, prompts). */
  offered!: { host: string; port: number };
  /** Address sockgrade's peers bind: the offered host, or every address in a hermetic run (a client may use any address it hard-codes). */
  listenHost: string | undefined;
  /** Extra ports a peer also listens on, where free: the course's default port, for clients that hard-code it. */
  alsoListen: number[] = [];
  /** The offered port was declared with --port (the client hard-codes it). */
  declared = false;
  /** Host names the check's programs looked up through sockgrade's DNS responder (hermetic runs), in order. */
  resolvedNames: () => readonly string[] = () => [];
  /** Ports of `alsoListen` that another program held. */
  readonly unavailable: number[] = [];
  /** The client's command as given, placeholders unfilled: which values it can be told. */
  command = '';
  private readonly messageTypedTo = new WeakSet<Program>();
  /** Launches the submitted client; provided by the engine. */
  launcher!: (opts: { port: number; message?: string; label: string; placeholders?: Record<string, string>; hosts?: Readonly<Record<string, string>>; outputCapBytes?: number }) => Program;

  /** Whether a client can be given its own hosts file here, and why not. */
  hostMapping(): HostMapSupport {
    return hostMapSupport();
  }

  /** Whether the client's command takes `{name}`, so the program can be told that value. */
  takes(name: string): boolean {
    return this.command.includes(`{${name}}`);
  }

  /** Whether sockgrade typed the message at one of `program`'s prompts. */
  typedMessage(program: Program): boolean {
    return this.messageTypedTo.has(program);
  }

  /** Starts sockgrade's TCP server where the client will look for it. */
  async tcpPeer(): Promise<TcpPeer> {
    const peer = new TcpPeer('server (sockgrade)', this.origin);
    await this.listenAll((host, port) => peer.listen(host, port));
    this.own(undefined, () => peer.close());
    this.transcriptSources.push(() => peer.connections.map((c) => c.transcript));
    return peer;
  }

  /** Starts sockgrade's UDP server where the client will look for it. */
  async udpPeer(): Promise<UdpPeer> {
    const peer = new UdpPeer('server (sockgrade)', this.origin);
    await this.listenAll((host, port) => peer.bind(host, port));
    this.own(peer.transcript, () => peer.close());
    return peer;
  }

  private async listenAll(listen: (host: string, port: number) => Promise<boolean>): Promise<void> {
    const host = this.listenHost ?? this.offered.host;
    if (!(await listen(host, this.offered.port))) {
      if (this.declared) throw new CheckSkipped(`port ${this.offered.port} given with --port is in use by another program, so sockgrade cannot play the server there`);
      throw new Error(`sockgrade could not listen on ${host}:${this.offered.port}`);
    }
    for (const port of this.alsoListen) {
      if (port !== this.offered.port && !(await listen(host, port))) {
        this.unavailable.push(port);
      }
    }
  }

  /**
   * Launches the submitted client. Unless told otherwise it answers the client's prompts:
   * a prompt mentioning the port gets the port, one mentioning the host or server gets the
   * host, anything else gets `message` (once).
   */
  launchClient(opts: ClientLaunch = {}): Program {
    this.doing('starting the client');
    const port = opts.port ?? this.offered.port;
    if (opts.hosts && Object.keys(opts.hosts).length > 0) {
      const support = hostMapSupport();
      if (!support.available) throw new CheckSkipped(`this check gives the client its own hosts file, which needs a mount namespace: ${support.reason ?? 'not available'}`);
    }
    const program = this.track(
      this.launcher({ port, label: 'client', placeholders: opts.placeholders ?? {}, ...(opts.message !== undefined ? { message: opts.message } : {}), ...(opts.hosts ? { hosts: opts.hosts } : {}), ...(opts.outputCapBytes ? { outputCapBytes: opts.outputCapBytes } : {}) }),
    );
    if (opts.answerPrompts !== false) void this.answerPrompts(program, port, opts.message).catch(() => {});
    return program;
  }

  private async answerPrompts(program: Program, port: number, message: string | undefined): Promise<void> {
    let from = 0;
    for (let answered = 0; answered < 4 && program.running && !this.signal.aborted; answered++) {
      const prompt = await program.waitForInputRequest({ from, settleMs: 300, ms: this.remainingMs(), signal: this.signal });
      const answer = classifyPrompt(prompt);
      const text = answer === 'port' ? String(port) : answer === 'host' ? this.offered.host : message;
      if (text === undefined) return;
      const reading = program.readingTerminal();
      const asked = reading === true || (reading === undefined && prompt !== '' && !prompt.endsWith('\n'));
      program.type(text);
      if (answer === 'message' && asked) this.messageTypedTo.add(program);
      from = program.outputLength;
      await program.waitForTypedLineRead(from, this.within(2000), this.signal);
      if (answer === 'message') return;
    }
  }

  /** Launches the client with a port where nothing listens. */
  async unusedPort(): Promise<number> {
    const { freePort } = await import('../net/free-port.js');
    return freePort(this.offered.host);
  }
}

/** Decides what a prompt asks for. */
export function classifyPrompt(text: string): 'message' | 'port' | 'host' {
  const last = text.split('\n').filter((l) => l.trim() !== '').pop() ?? '';
  if (/mensaje|message|texto|text|escrib|write|env[ií]a|send/i.test(last)) return 'message';
  if (/puerto|port/i.test(last)) return 'port';
  if (/host|servidor|server|direcci[oó]n|address|\bip\b/i.test(last)) return 'host';
  return 'message';
}
