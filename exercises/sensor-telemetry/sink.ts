/**
 * sockgrade as the telemetry server of a submitted client: it receives what the client sends
 * (TCP connections or UDP datagrams), cuts it into readings under the declared protocol,
 * answers each reading with a reply, and keeps everything with its arrival time.
 */
import type { ClientCheckContext } from '../../harness/authoring.js';
import type { Connection } from '../../harness/authoring.js';
import type { Datagram, UdpPeer } from '../../harness/authoring.js';
import type { TcpPeer } from '../../harness/authoring.js';
import type { Program } from '../../harness/authoring.js';
import type { StructValue } from '../../harness/authoring.js';
import { hexBytes } from '../../harness/authoring.js';
import { waitFor } from '../../harness/authoring.js';
import type { RecordSpec, TelemetryProtocol } from './manifest.js';
import { StreamDeframer, describeValues, framed, replyFor, requestFor, sensorValues } from './records.js';

/** A reading received from the client. */
export interface Reading {
  /** Arrival time of its last byte (performance.now). */
  at: number;
  body: Buffer;
  values: StructValue[];
  /** Where it came from, e.g. `datagram #3` or `connection #1`. */
  via: string;
  /** Under model=pull: the request it answers, `hello` for a client's first datagram over UDP, `unasked` for one sent with no request pending. */
  answers?: SentRequest | 'hello' | 'unasked';
}

/** A request sockgrade sent (model=pull). */
export interface SentRequest {
  /** Number of the request, from 1, over the whole observation. */
  n: number;
  at: number;
  values: StructValue[];
  shown: string;
  via: string;
}

/** What the client sent and what sockgrade answered. */
export interface Observation {
  program: Program;
  readings: Reading[];
  /** Traffic that is not whole records of the declared format, described for people. */
  malformed: string[];
  /** Sizes of the client's datagrams (UDP). */
  datagrams: number[];
  /** TCP connections the client opened. */
  connections: number;
  /** Bytes the client sent (records and prefixes). */
  clientBytes: number;
  /** Requests sockgrade sent (model=pull). */
  requests: SentRequest[];
  /** How long sockgrade was ready to wait for the readings. */
  watchedMs: number;
  /** Stops the client and sockgrade's server of this observation, so that another one can start. */
  release(): Promise<void>;
}

/** Time a client has to send its first reading (start-up included). */
const FIRST_READING_MS = 10_000;

/** How long the observation of `want` readings may last at the declared period (drifting clients included). */
function observationMs(proto: TelemetryProtocol, want: number): number {
  return FIRST_READING_MS + want * proto.period * 3000;
}

/** Launches the client, plays its server until `want` readings arrived (or it exits, or time is up) and returns what happened. */
export async function observeClient(ctx: ClientCheckContext, proto: TelemetryProtocol, want: number): Promise<Observation> {
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const l of [...listeners]) l();
  };
  const obs: Omit<Observation, 'program' | 'watchedMs' | 'release'> = { readings: [], malformed: [], datagrams: [], connections: 0, clientBytes: 0, requests: [] };
  const deframers: StreamDeframer[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let released = false;
  const sensors = sensorValues(proto, ctx.rng);
  /**
   * Under model=pull: sends requests on `channel` until released or `stop()` says so: the first
   * half a period from now, then at irregular intervals of 0.6 to 1.4 periods, so that a client
   * that keeps a schedule of its own instead of answering shows it.
   */
  const askOn = (channel: Channel, send: (bytes: Buffer) => void, stop: () => boolean): void => {
    const ask = (): void => {
      if (released || stop() || obs.requests.length >= want * 3 + 10) return;
      const values = requestFor(proto, sensors[obs.requests.length % sensors.length] as StructValue, obs.requests.length, ctx.rng);
      const spec = proto.request as RecordSpec;
      const body = spec.struct.pack(...values);
      const request: SentRequest = { n: obs.requests.length + 1, at: performance.now(), values: spec.struct.unpack(body), shown: describeValues(spec, spec.struct.unpack(body)), via: channel.via };
      obs.requests.push(request);
      channel.pending.push(request);
      send(framed(proto, body));
      later(ask, proto.period * 1000 * (0.6 + 0.8 * ctx.rng.next()));
    };
    later(ask, (proto.period * 1000) / 2);
  };
  const later = (fn: () => void, ms: number): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const accept = (body: Buffer, at: number, channel: Channel, via: string, answer: (reply: Buffer) => void): void => {
    const values = proto.record.struct.unpack(body);
    const reading: Reading = { at, body, values, via };
    if (proto.model === 'pull') reading.answers = channel.pending.shift() ?? (proto.transport === 'udp' && channel.readings === 0 ? 'hello' : 'unasked');
    channel.readings += 1;
    obs.readings.push(reading);
    const reply = replyFor(proto, values, ctx.rng);
    if (reply) answer(framed(proto, reply));
  };
  let broke: Error | undefined;
  const udp = proto.transport === 'udp' ? await ctx.udpPeer() : undefined;
  const tcp = udp ? undefined : await ctx.tcpPeer();
  const serving = udp ? serveDatagrams(ctx, udp, proto, obs, accept, askOn, changed) : serveConnections(ctx, tcp as TcpPeer, proto, obs, deframers, accept, askOn, changed);
  serving.catch((err: unknown) => {
    broke = err instanceof Error ? err : new Error(String(err));
    changed();
  });
  const program = ctx.launchClient({});
  ctx.doing(proto.model === 'pull' ? `asking the client for a reading every ${proto.period} s, until ${want} readings arrived` : `waiting for ${want} readings from the client (one every ${proto.period} s)`);
  const enough = (): boolean => obs.readings.length >= want || program.exit !== undefined || broke !== undefined;
  const watchedMs = ctx.within(observationMs(proto, want));
  await waitFor<void>(`${want} readings`, watchedMs, ctx.signal, (done) => {
    const check = (): void => {
      if (enough()) done();
    };
    listeners.add(check);
    const poller = setInterval(check, 100);
    check();
    return () => {
      listeners.delete(check);
      clearInterval(poller);
    };
  }).catch((err: unknown) => {
    if ((err as { code?: string }).code !== 'SOCKGRADE_WAIT_TIMEOUT') throw err;
  });
  if (program.exit && obs.readings.length < want) {
    ctx.doing('reading what the client sent just before it exited');
    await quiet(listeners, ctx.within(1000), ctx.signal);
  }
  if (broke !== undefined) throw broke;
  for (const d of deframers) if (d.problem && !obs.malformed.includes(d.problem)) obs.malformed.push(d.problem);
  const release = async (): Promise<void> => {
    released = true;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    await program.stop();
    udp?.close();
    await tcp?.close();
  };
  return { ...obs, program, watchedMs, release };
}

/** Resolves once nothing has arrived for 150 ms (what a client sent before exiting may still be crossing the loopback), or after `ms`. */
function quiet(listeners: Set<() => void>, ms: number, signal: AbortSignal): Promise<void> {
  return waitFor<void>('the client\'s last data', ms, signal, (done) => {
    let timer = setTimeout(done, 150);
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(done, 150);
    };
    listeners.add(arm);
    return () => {
      listeners.delete(arm);
      clearTimeout(timer);
    };
  }).catch((err: unknown) => {
    if ((err as { code?: string }).code !== 'SOCKGRADE_WAIT_TIMEOUT') throw err;
  });
}

/** A TCP connection or a UDP client address: the requests it was sent and not yet answered (model=pull). */
interface Channel {
  via: string;
  pending: SentRequest[];
  readings: number;
}

type Accept = (body: Buffer, at: number, channel: Channel, via: string, answer: (reply: Buffer) => void) => void;
type AskOn = (channel: Channel, send: (bytes: Buffer) => void, stop: () => boolean) => void;

async function serveDatagrams(ctx: ClientCheckContext, peer: UdpPeer, proto: TelemetryProtocol, obs: Omit<Observation, 'program' | 'watchedMs' | 'release'>, accept: Accept, askOn: AskOn, changed: () => void): Promise<void> {
  const size = proto.record.struct.size;
  const channels = new Map<string, Channel>();
  for (let i = 0; !ctx.signal.aborted; i++) {
    const d: Datagram | undefined = await peer.datagram(i, ctx.remainingMs(), ctx.signal).catch(() => undefined);
    if (!d) return;
    obs.datagrams.push(d.data.length);
    obs.clientBytes += d.data.length;
    const whole = Math.floor(d.data.length / size);
    if (d.data.length % size !== 0) {
      obs.malformed.push(`datagram #${i + 1} holds ${d.data.length} bytes, which is not a whole number of ${size}-byte records of format ${proto.record.format} (${hexBytes(d.data, 32)})`);
    }
    const key = `${d.from.address}:${d.from.port}`;
    let channel = channels.get(key);
    const first = !channel;
    if (!channel) {
      channel = { via: `address ${key}`, pending: [], readings: 0 };
      channels.set(key, channel);
    }
    for (let k = 0; k < whole; k++) accept(d.data.subarray(k * size, (k + 1) * size), d.at, channel, `datagram #${i + 1}`, (reply) => void peer.reply(d, reply));
    if (first && proto.model === 'pull') askOn(channel, (bytes) => void peer.reply(d, bytes), () => ctx.signal.aborted);
    changed();
  }
}

async function serveConnections(ctx: ClientCheckContext, peer: TcpPeer, proto: TelemetryProtocol, obs: Omit<Observation, 'program' | 'watchedMs' | 'release'>, deframers: StreamDeframer[], accept: Accept, askOn: AskOn, changed: () => void): Promise<void> {
  for (let i = 0; !ctx.signal.aborted; i++) {
    const conn: Connection | undefined = await peer.connection(i, ctx.remainingMs(), ctx.signal).catch(() => undefined);
    if (!conn) return;
    obs.connections += 1;
    const deframer = new StreamDeframer(proto, proto.record);
    deframers.push(deframer);
    const via = `connection #${i + 1}`;
    const channel: Channel = { via, pending: [], readings: 0 };
    const onData = (chunk: Buffer): void => {
      const at = performance.now();
      obs.clientBytes += chunk.length;
      for (const r of deframer.push(chunk, at)) accept(r.body, r.at, channel, via, (reply) => void conn.send(reply));
      changed();
    };
    const earlier = conn.received;
    if (earlier.length > 0) onData(earlier);
    conn.socket.on('data', onData);
    if (proto.model === 'pull') askOn(channel, (bytes) => void conn.send(bytes), () => ctx.signal.aborted || conn.closeKind !== 'open');
    changed();
  }
}
