/**
 * Readings and replies on the wire under a declared protocol: framing them, cutting a TCP
 * stream back into records, showing values, checking them against the declared ranges, and
 * making up valid ones.
 */
import { Struct, type StructSlot, type StructValue } from '../../harness/authoring.js';
import { escapeBytes, hexBytes } from '../../harness/authoring.js';
import type { Rng } from '../../harness/authoring.js';
import type { FieldRange, RecordSpec, TelemetryProtocol } from './manifest.js';

/** A record's bytes as they travel: with its length prefix when the protocol has one. */
export function framed(proto: TelemetryProtocol, body: Buffer): Buffer {
  return proto.prefix ? Buffer.concat([proto.prefix.pack(body.length), body]) : body;
}

/** Bytes of one framed record of `spec`. */
export function framedSize(proto: TelemetryProtocol, spec: RecordSpec): number {
  return spec.struct.size + (proto.prefix?.size ?? 0);
}

/** A record cut out of a stream, with the time its last byte arrived. */
export interface StreamRecord {
  body: Buffer;
  at: number;
}

/**
 * Cuts a TCP byte stream into records of `spec` (fixed size, or after a length prefix). `spec`
 * may be a function of the record's index, asked before each record, for a stream that carries records of several
 * layouts in a known order (under model=pull the server sends requests and replies).
 */
export class StreamDeframer {
  private pending = Buffer.alloc(0);
  /** Set when the stream cannot be cut any further (a length prefix that does not match the format). */
  problem: string | undefined;

  constructor(
    private readonly proto: TelemetryProtocol,
    private readonly specOf: RecordSpec | ((index: number) => RecordSpec),
  ) {}

  /** Records cut so far. */
  private count = 0;

  private get spec(): RecordSpec {
    return typeof this.specOf === 'function' ? this.specOf(this.count) : this.specOf;
  }

  /** Bytes received that do not make a whole record yet. */
  get leftover(): number {
    return this.pending.length;
  }

  /** Adds `chunk` (arrived at `at`) and returns the records it completes. */
  push(chunk: Buffer, at: number): StreamRecord[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    const out: StreamRecord[] = [];
    const prefix = this.proto.prefix;
    while (!this.problem) {
      const spec = this.spec;
      const size = spec.struct.size;
      let start = 0;
      if (prefix) {
        if (this.pending.length < prefix.size) break;
        const announced = Number(prefix.unpack(this.pending.subarray(0, prefix.size))[0]);
        if (announced !== size) {
          this.problem = `a length prefix announces ${announced} bytes, but a record of format ${spec.format} is ${size} bytes (prefix bytes ${hexBytes(this.pending.subarray(0, prefix.size))})`;
          break;
        }
        start = prefix.size;
      }
      if (this.pending.length < start + size) break;
      out.push({ body: Buffer.from(this.pending.subarray(start, start + size)), at });
      this.pending = this.pending.subarray(start + size);
      this.count += 1;
    }
    return out;
  }
}

/** `name=value` pairs of a decoded record, for people. */
export function describeValues(spec: RecordSpec, values: readonly StructValue[]): string {
  return spec.fields.map((name, i) => `${name}=${showValue(values[i], spec.struct.slots[i])}`).join(' ');
}

/** One value as Python would print it, roughly: floats of `f`/`e` without their widening noise. */
export function showValue(v: StructValue | undefined, slot: StructSlot | undefined): string {
  if (v === undefined) return '?';
  if (Buffer.isBuffer(v)) return `b'${escapeBytes(v, 40, "'")}'`;
  if (typeof v === 'number' && slot?.kind === 'float' && slot.size < 8 && Number.isFinite(v)) return String(Number(v.toPrecision(slot.size === 4 ? 7 : 4)));
  return String(v);
}

/** Describes a range for people: `[-40, 125]` or `one of "T", "H"`. */
export function showRange(range: FieldRange): string {
  return range.kind === 'interval' ? `[${range.min}, ${range.max}]` : `one of ${range.values.map((v) => `"${v.toString('latin1')}"`).join(', ')}`;
}

/** Whether `v` is within `range` (texts: equal to a choice, `s` fields with their NUL padding removed). */
export function inRange(v: StructValue, range: FieldRange): boolean {
  if (range.kind === 'choices') {
    if (!Buffer.isBuffer(v)) return false;
    const text = stripNul(v);
    return range.values.some((c) => c.equals(text) || c.equals(v));
  }
  const n = typeof v === 'boolean' ? Number(v) : Buffer.isBuffer(v) ? NaN : Number(v);
  return n >= range.min && n <= range.max;
}

function stripNul(v: Buffer): Buffer {
  let end = v.length;
  while (end > 0 && v[end - 1] === 0) end -= 1;
  return v.subarray(0, end);
}

/** The first field of `values` outside its declared range, if any. */
export function outOfRange(proto: TelemetryProtocol, spec: RecordSpec, values: readonly StructValue[]): { name: string; value: string; range: string } | undefined {
  for (const [i, name] of spec.fields.entries()) {
    const range = proto.ranges.get(name);
    const v = values[i];
    if (range && v !== undefined && !inRange(v, range)) return { name, value: showValue(v, spec.struct.slots[i]), range: showRange(range) };
  }
  return undefined;
}

/** A value for `slot` within `range` (or a plausible one when no range is declared). */
export function valueFor(slot: StructSlot, range: FieldRange | undefined, rng: Rng): StructValue {
  if (range?.kind === 'choices') return Buffer.from(rng.pick(range.values));
  switch (slot.kind) {
    case 'bool':
      return range ? rng.int(Math.max(0, Math.ceil(range.min)), Math.min(1, Math.floor(range.max))) === 1 : rng.next() < 0.5;
    case 'float': {
      const limit = slot.size === 2 ? 65504 : slot.size === 4 ? 3.4e38 : Number.MAX_VALUE;
      const [lo, hi] = range ? [Math.max(-limit, range.min), Math.min(limit, range.max)] : [-1000, 1000];
      const v = Math.min(hi, Math.max(lo, Math.round((lo + rng.next() * (hi - lo)) * 100) / 100));
      const back = Number(throughSlot(slot, v));
      return back >= lo && back <= hi ? v : (lo + hi) / 2;
    }
    case 'int':
    case 'uint':
    case 'pointer': {
      const bits = Math.min(slot.size * 8, 32);
      const typeMin = slot.kind === 'int' ? -(2 ** (bits - 1)) : 0;
      const typeMax = slot.kind === 'int' ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
      const lo = Math.max(typeMin, range ? Math.ceil(range.min) : typeMin);
      const hi = Math.min(typeMax, range ? Math.floor(range.max) : typeMax);
      return rng.int(lo, Math.max(lo, hi));
    }
    case 'char':
      return Buffer.from(rng.word(1));
    default:
      return Buffer.from(rng.word(Math.max(0, slot.kind === 'pascal' ? Math.min(slot.size - 1, 255) : slot.size)));
  }
}

/** The values the sensor field takes in harness-made readings: up to three distinct ones. */
export function sensorValues(proto: TelemetryProtocol, rng: Rng): StructValue[] {
  const slot = proto.record.struct.slots[proto.sensorIndex] as StructSlot;
  const range = proto.ranges.get(proto.sensorField);
  const out: StructValue[] = [];
  for (let tries = 0; tries < 50 && out.length < 3; tries++) {
    const v = valueFor(slot, range, rng);
    if (!out.some((o) => sameValue(o, v))) out.push(v);
  }
  return out;
}

/** A valid reading (values within the declared ranges), from sensor `sensor`. */
export function makeReading(proto: TelemetryProtocol, sensor: StructValue, rng: Rng): StructValue[] {
  return proto.record.struct.slots.map((slot, i) => (i === proto.sensorIndex ? sensor : valueFor(slot, proto.ranges.get(proto.record.fields[i] as string), rng)));
}

/** What `v` becomes once packed and unpacked with `slot`'s format character (undefined when it does not fit). */
export function throughSlot(slot: StructSlot, v: StructValue): StructValue | undefined {
  const code = slot.kind === 'bytes' || slot.kind === 'pascal' ? `${slot.size}${slot.code}` : slot.code;
  try {
    const st = new Struct(`@${code}`);
    return st.unpack(st.pack(v))[0];
  } catch {
    return undefined;
  }
}

/** Equality of decoded values: numbers and bigints by value (NaN equals NaN), bytes by content. */
export function sameValue(a: StructValue, b: StructValue): boolean {
  if (Buffer.isBuffer(a) || Buffer.isBuffer(b)) return Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b);
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) === Number(b);
  try {
    return BigInt(a) === BigInt(b);
  } catch {
    return false;
  }
}

/** The reply sockgrade sends for a reading: echoed fields copied, the others within their ranges (undefined with reply=none). */
export function replyFor(proto: TelemetryProtocol, reading: readonly StructValue[], rng: Rng): Buffer | undefined {
  const spec = proto.reply;
  if (!spec) return undefined;
  const values = spec.struct.slots.map((slot, i) => {
    const echo = proto.echoes.find((e) => e.reply === i);
    const v = echo ? reading[echo.record] : undefined;
    const kept = v !== undefined ? throughSlot(slot, v) : undefined;
    return kept ?? valueFor(slot, proto.ranges.get(spec.fields[i] as string), rng);
  });
  return spec.struct.pack(...values);
}

/**
 * A request of model=pull: a field named like the sensor field asks for `sensor`, a field named
 * `seq`-like (any integer field shared with the reading) numbers it with `k` when that fits its
 * range, every other field takes a value within its range.
 */
export function requestFor(proto: TelemetryProtocol, sensor: StructValue, k: number, rng: Rng): StructValue[] {
  const spec = proto.request;
  if (!spec) return [];
  return spec.struct.slots.map((slot, i) => {
    const name = spec.fields[i] as string;
    const range = proto.ranges.get(name);
    if (name === proto.sensorField) return throughSlot(slot, sensor) ?? valueFor(slot, range, rng);
    if ((slot.kind === 'int' || slot.kind === 'uint') && (!range || (range.kind === 'interval' && k >= range.min && k <= range.max))) {
      const kept = throughSlot(slot, k);
      if (kept !== undefined) return kept;
    }
    return valueFor(slot, range, rng);
  });
}

/** A valid reading that answers `request` (model=pull): the request's shared fields copied into it. */
export function answerFor(proto: TelemetryProtocol, request: readonly StructValue[], fallbackSensor: StructValue, rng: Rng): StructValue[] {
  const asked = proto.requestEchoes.find((e) => e.record === proto.sensorIndex);
  const sensor = asked ? request[asked.reply] : fallbackSensor;
  const values = makeReading(proto, sensor ?? fallbackSensor, rng);
  for (const e of proto.requestEchoes) {
    const v = request[e.reply];
    const slot = proto.record.struct.slots[e.record];
    const kept = v !== undefined && slot ? throughSlot(slot, v) : undefined;
    if (kept !== undefined) values[e.record] = kept;
  }
  return values;
}

/** The first field of `reading` that does not carry the value `request` asked for (model=pull), if any. */
export function unansweredField(proto: TelemetryProtocol, request: readonly StructValue[], reading: readonly StructValue[]): { name: string; got: string; asked: string } | undefined {
  for (const e of proto.requestEchoes) {
    const slot = proto.record.struct.slots[e.record];
    const asked = request[e.reply];
    const got = reading[e.record];
    if (!slot || asked === undefined || got === undefined) continue;
    const expected = throughSlot(slot, asked);
    if (expected === undefined || !sameValue(expected, got)) return { name: e.name, got: showValue(got, slot), asked: showValue(asked, proto.request?.struct.slots[e.reply]) };
  }
  return undefined;
}
