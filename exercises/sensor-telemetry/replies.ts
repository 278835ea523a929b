/**
 * sockgrade as a telemetry client of a submitted server: readings it makes up within the
 * declared ranges, the replies it reads back (from a TCP stream or as datagrams), and the
 * judgement of one reply against the reading it answers.
 */
import type { Connection } from '../../harness/authoring.js';
import type { StructValue } from '../../harness/authoring.js';
import { Struct } from '../../harness/authoring.js';
import { hexBytes } from '../../harness/authoring.js';
import type { Rng } from '../../harness/authoring.js';
import type { RecordSpec, TelemetryProtocol } from './manifest.js';
import { StreamDeframer, describeValues, framed, makeReading, outOfRange, sameValue, sensorValues, showValue, throughSlot } from './records.js';
import { otherByteOrder } from './byte-order.js';

/** A reading sockgrade sends: its values as the server decodes them, and its framed bytes. */
export interface SentReading {
  values: StructValue[];
  bytes: Buffer;
  shown: string;
}

/** `count` valid readings that take turns among several sensor values. */
export function makeReadings(proto: TelemetryProtocol, rng: Rng, count: number): SentReading[] {
  const sensors = sensorValues(proto, rng);
  return Array.from({ length: count }, (_, i) => {
    const body = proto.record.struct.pack(...makeReading(proto, sensors[i % sensors.length] as StructValue, rng));
    const values = proto.record.struct.unpack(body);
    return { values, bytes: framed(proto, body), shown: describeValues(proto.record, values) };
  });
}

/** What is wrong with `body` as the reply to `reading`, or undefined when it is right. */
export function replyProblem(proto: TelemetryProtocol, reading: SentReading, body: Buffer): { message: string; hint?: string } | undefined {
  const spec = proto.reply;
  if (!spec) return { message: `a reply came (${hexBytes(body, 32)}), but the protocol declares none (reply=none)` };
  if (body.length !== spec.struct.size) return { message: `the reply is ${body.length} bytes (${hexBytes(body, 32)}), but a reply of format ${spec.format} is ${spec.struct.size} bytes` };
  const values = spec.struct.unpack(body);
  const wrong = mismatchedEcho(proto, reading, values);
  if (wrong) {
    const other = otherByteOrder(spec.format);
    const swapped = other !== undefined && !mismatchedEcho(proto, reading, new Struct(other).unpack(body));
    return {
      message: `the reply decodes as ${describeValues(spec, values)}: ${wrong.name} is ${wrong.got}, but the reading carried ${wrong.name}=${wrong.expected}`,
      hint: swapped
        ? `read as ${JSON.stringify(other)} the reply is right: pack it with the byte order declared in telemetry.reply.format (${JSON.stringify(spec.format)})`
        : `a reply field named like a reading field carries that reading's value (that is how the client knows which reading is answered): unpack the reading and pack its ${wrong.name} into the reply`,
    };
  }
  const out = outOfRange(proto, spec, values);
  if (out) return { message: `the reply decodes as ${describeValues(spec, values)}: ${out.name} = ${out.value} is outside its declared range ${out.range}` };
  return undefined;
}

function mismatchedEcho(proto: TelemetryProtocol, reading: SentReading, values: readonly StructValue[]): { name: string; got: string; expected: string } | undefined {
  for (const e of proto.echoes) {
    const slot = proto.reply?.struct.slots[e.reply];
    const sent = reading.values[e.record];
    const got = values[e.reply];
    if (!slot || sent === undefined || got === undefined) continue;
    const expected = throughSlot(slot, sent);
    if (expected === undefined || !sameValue(expected, got)) return { name: e.name, got: showValue(got, slot), expected: showValue(sent, proto.record.struct.slots[e.record]) };
  }
  return undefined;
}

/**
 * Reads records sent by the server, one at a time, from a TCP connection to it: replies, or
 * under model=pull requests and replies in the order `specOf` (by record index) says.
 */
export class ReplyStream {
  private consumed = 0;
  private readonly ready: Buffer[] = [];
  private readonly deframer: StreamDeframer;

  constructor(
    private readonly conn: Connection,
    proto: TelemetryProtocol,
    specOf?: (index: number) => RecordSpec,
  ) {
    const reply = proto.reply;
    this.deframer = new StreamDeframer(proto, specOf ?? ((): RecordSpec => reply ?? (proto.request as RecordSpec)));
  }

  /** When the last record returned by {@link next} was complete (performance.now). */
  lastAt = 0;
  private readonly times: number[] = [];

  /** A length prefix that could not be right, once seen. */
  get problem(): string | undefined {
    return this.deframer.problem;
  }

  /** The next reply, or undefined when none is complete within `ms` (or the connection ended). */
  async next(ms: number, signal: AbortSignal): Promise<Buffer | undefined> {
    const deadline = performance.now() + ms;
    while (this.ready.length === 0) {
      const got = this.conn.received;
      if (got.length > this.consumed) {
        for (const r of this.deframer.push(got.subarray(this.consumed), performance.now())) {
          this.ready.push(r.body);
          this.times.push(r.at);
        }
        this.consumed = got.length;
        continue;
      }
      if (this.deframer.problem) return undefined;
      const left = deadline - performance.now();
      if (left <= 0 || !(await this.conn.waitForBytes(this.consumed + 1, left, signal))) return undefined;
    }
    this.lastAt = this.times.shift() ?? performance.now();
    return this.ready.shift();
  }

  /** Bytes received and not yet cut into a record. */
  get leftover(): number {
    return this.conn.received.length - this.consumed + this.deframer.leftover;
  }
}
