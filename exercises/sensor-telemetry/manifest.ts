/**
 * The `telemetry` section of a submission's sockgrade.json: the protocol the student designed,
 * read and validated into a {@link TelemetryProtocol}. Every problem is one line saying what to
 * fix, raised as a CheckFailure so that each check of the run shows it.
 */
import { CheckFailure } from '../../harness/authoring.js';
import type { ParamValues } from '../../harness/authoring.js';
import { Struct, StructError, type StructSlot } from '../../harness/authoring.js';

/** Allowed values of one field: a closed interval, or a list (for `c`, `s`, `p` fields). */
export type FieldRange = { kind: 'interval'; min: number; max: number } | { kind: 'choices'; values: readonly Buffer[] };

/** A record layout: a struct format and one name per value. */
export interface RecordSpec {
  format: string;
  struct: Struct;
  fields: readonly string[];
}

/** A reply field that carries the value of a reading field. */
export interface Echo {
  name: string;
  /** Index of the value in the reply. */
  reply: number;
  /** Index of the value in the reading. */
  record: number;
}

/** The declared protocol, ready to encode and decode with. */
export interface TelemetryProtocol {
  transport: 'tcp' | 'udp';
  /** `push`: the client sends a reading every period; `pull`: the server sends a request every period and the client answers it with one reading. */
  model: 'push' | 'pull';
  record: RecordSpec;
  /** The server's answer to each reading; undefined with `reply=none` (the server answers nothing). */
  reply: RecordSpec | undefined;
  /** With `model=pull`: the server's request for one reading. */
  request: RecordSpec | undefined;
  /** The reading field that says which sensor a reading comes from. */
  sensorField: string;
  sensorIndex: number;
  /** Declared ranges, by field name (reading and reply fields). */
  ranges: ReadonlyMap<string, FieldRange>;
  /** Seconds between readings. */
  period: number;
  /** How records are delimited: UDP datagrams; TCP fixed-size records or a length prefix. */
  framing: 'datagram' | 'fixed' | 'length-prefix';
  /** With `length-prefix`: the struct of the length (one integer). */
  prefix: Struct | undefined;
  /** Reply fields that carry a reading's value (none with `reply=none`). */
  echoes: readonly Echo[];
  /** Request fields whose value the answering reading must carry (`model=pull`; `reply` is the request's index here). */
  requestEchoes: readonly Echo[];
}

/** Shortest and longest period sockgrade accepts, in seconds. */
export const PERIOD_LIMITS = [0.2, 5] as const;

/** How a submission declares its protocol: the `telemetry` section of its sockgrade.json. */
export const TELEMETRY_MANIFEST =
  'The protocol is declared in the "telemetry" object of the submission\'s sockgrade.json (grade --manifest sockgrade.json): ' +
  '"format": a Python struct format string for one reading, e.g. "!BIfH" (byte order @ = < > !, native sizes and alignment of x86-64 Linux for @); ' +
  '"fields": one name per value, e.g. ["sensor", "seq", "value", "battery"]; ' +
  '"sensor_field": the field that says which sensor a reading comes from (default "sensor"); ' +
  '"ranges": allowed values by field name, [min, max] for numbers, a list of texts for c/s/p fields, e.g. {"sensor": [1, 3], "value": [-40, 1100]}; ' +
  `"period": seconds between readings (${PERIOD_LIMITS[0]} to ${PERIOD_LIMITS[1]}); ` +
  '"reply": the server\'s answer to each reading, {"format": "!IB", "fields": ["seq", "status"]}, where a field named like a reading field carries that reading\'s value and the others are the server\'s own (within "ranges" when listed there); with the parameter reply=none the server answers nothing and "reply" is left out (or "none"); ' +
  '"request" (only with the parameter model=pull): the server\'s request for one reading, {"format": "!I", "fields": ["seq"]}, where a field named like a reading field asks for that value (the answering reading carries it) and the others are free (within "ranges" when listed there); ' +
  '"framing" (TCP only): "fixed" (default: records of calcsize(format) bytes back to back) or "length-prefix" (each record, each reply and each request preceded by its length in bytes packed with "prefix", e.g. "!H"); over UDP every datagram is exactly one record. ' +
  'The transport is the parameter transport (tcp by default): a UDP submission writes "params": {"transport": "udp"} in sockgrade.json; "telemetry.transport", if present, must say the same. ' +
  'Who sets the pace is the parameter model: push (default) the client sends a reading every period; pull the server sends a request every "period" seconds and the client answers each request with exactly one reading and sends none unasked, except over UDP its first reading, which tells the server its address (the server asks from then on to the address it came from); "telemetry.model", if present, must say the same. ' +
  'Whether the server answers is the parameter reply: format (default) one reply per reading, none no reply at all (and a client does not wait for one). ' +
  'Complete examples: reference/sensor-telemetry/sockgrade.json (TCP, length prefix), sockgrade-udp.json, sockgrade-pull.json (TCP, pull), sockgrade-none.json (TCP, no reply) and sockgrade-udp-pull-none.json.';

const TELEMETRY_KEYS = ['transport', 'model', 'format', 'fields', 'sensor_field', 'ranges', 'period', 'framing', 'prefix', 'reply', 'request'];
const HINT = 'the "telemetry" section of sockgrade.json is described with the exercise sensor-telemetry in the README; give the file with --manifest sockgrade.json';

function problem(text: string): never {
  throw new CheckFailure(`sockgrade.json: ${text}`, { hint: HINT });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads the protocol of `manifest` for a run with `params`; throws a one-line CheckFailure when it is missing or wrong. */
export function protocolFromManifest(manifest: Readonly<Record<string, unknown>> | undefined, params: ParamValues): TelemetryProtocol {
  if (!manifest) {
    throw new CheckFailure('no protocol declared: this exercise decodes the protocol the submission declares in its sockgrade.json, and none was given (pass --manifest sockgrade.json)', { hint: HINT });
  }
  const t = manifest.telemetry;
  if (!isObject(t)) problem('there is no "telemetry" object declaring the protocol (format, fields, ranges, period, reply)');
  const unknown = Object.keys(t).filter((k) => !TELEMETRY_KEYS.includes(k));
  if (unknown.length > 0) problem(`telemetry has an unknown key "${unknown[0]}" (known keys: ${TELEMETRY_KEYS.join(', ')})`);
  const transport = params.transport === 'udp' ? 'udp' : 'tcp';
  if (t.transport !== undefined && t.transport !== 'tcp' && t.transport !== 'udp') problem(`telemetry.transport must be "tcp" or "udp", got ${JSON.stringify(t.transport)}`);
  if (t.transport !== undefined && t.transport !== transport) {
    problem(`telemetry.transport is "${t.transport}" but the run grades ${transport.toUpperCase()}: the transport is the parameter "transport"; write "params": {"transport": "${t.transport}"} in sockgrade.json (or pass --param transport=${t.transport})`);
  }
  const model = params.model === 'pull' ? 'pull' : 'push';
  if (t.model !== undefined && t.model !== 'push' && t.model !== 'pull') problem(`telemetry.model must be "push" or "pull", got ${JSON.stringify(t.model)}`);
  if (t.model !== undefined && t.model !== model) {
    problem(`telemetry.model is "${t.model}" but the run grades model=${model}: who sets the pace is the parameter "model"; write "params": {"model": "${t.model}"} in sockgrade.json (or pass --param model=${t.model})`);
  }
  const record = recordSpec(t.format, t.fields, 'telemetry');
  const reply = replySpec(t.reply, params.reply === 'none');
  const request = requestSpec(t.request, model);
  const sensorField = t.sensor_field ?? 'sensor';
  if (typeof sensorField !== 'string') problem('telemetry.sensor_field must be the name of a field');
  const sensorIndex = record.fields.indexOf(sensorField);
  if (sensorIndex < 0) problem(`telemetry.fields has no field "${sensorField}": name the field that says which sensor a reading comes from with "sensor_field"`);
  const echoesOf = (spec: RecordSpec | undefined): Echo[] => (spec ? spec.fields.flatMap((name, i) => (record.fields.includes(name) ? [{ name, reply: i, record: record.fields.indexOf(name) }] : [])) : []);
  const echoes = echoesOf(reply);
  if (reply && echoes.length === 0) problem(`telemetry.reply.fields (${reply.fields.join(', ')}) shares no field with telemetry.fields: the reply must carry a field of the reading (e.g. "seq") so that it says which reading it answers`);
  const { framing, prefix } = framingOf(t.framing, t.prefix, transport, [record, reply, request]);
  const ranges = rangesOf(t.ranges, [record, reply, request]);
  const sensorRange = ranges.get(sensorField);
  if (sensorRange && (sensorRange.kind === 'choices' ? sensorRange.values.length < 2 : Math.floor(sensorRange.max) - Math.ceil(sensorRange.min) < 1)) {
    problem(`telemetry.ranges.${sensorField} allows a single sensor, but the readings must come from several sensor types`);
  }
  return {
    transport,
    model,
    record,
    reply,
    request,
    sensorField,
    sensorIndex,
    ranges,
    period: periodOf(t.period),
    framing,
    prefix,
    echoes,
    requestEchoes: echoesOf(request),
  };
}

function structOf(format: unknown, where: string): Struct {
  if (typeof format !== 'string' || format.trim() === '') problem(`${where} must be a Python struct format string such as "!BIf"`);
  try {
    return new Struct(format);
  } catch (err) {
    if (err instanceof StructError) problem(`${where} ${JSON.stringify(format)} is not a valid struct format: ${err.message}`);
    throw err;
  }
}

function recordSpec(format: unknown, fields: unknown, where: string): RecordSpec {
  const struct = structOf(format, `${where}.format`);
  if (struct.slots.length === 0) problem(`${where}.format ${JSON.stringify(format)} packs no value`);
  if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string' || f.trim() === '')) problem(`${where}.fields must be a list of field names, one per value of the format, e.g. ["sensor", "seq", "value"]`);
  const names = fields as string[];
  if (names.length !== struct.slots.length) {
    problem(`${where}.format ${JSON.stringify(format)} packs ${struct.slots.length} values (${struct.slots.map((s) => s.code).join(' ')}) but ${where}.fields names ${names.length}: ${names.join(', ') || 'none'}`);
  }
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) problem(`${where}.fields names "${twice}" twice`);
  return { format: format as string, struct, fields: names };
}

function replySpec(reply: unknown, none: boolean): RecordSpec | undefined {
  if (none) {
    if (reply === undefined || reply === 'none' || reply === null) return undefined;
    problem('telemetry.reply declares a reply, but the run grades reply=none (a server that answers nothing): leave "reply" out, or grade the replies with "params": {"reply": "format"} in sockgrade.json (or --param reply=format)');
  }
  if (reply === 'none' || reply === null) problem('telemetry.reply is "none", but the run grades a reply to each reading (parameter reply=format): a server that answers nothing writes "params": {"reply": "none"} in sockgrade.json (or pass --param reply=none)');
  if (!isObject(reply)) problem('telemetry.reply must declare the server\'s answer to each reading: {"format": "!IB", "fields": ["seq", "status"]} (a server that answers nothing writes "params": {"reply": "none"} instead)');
  const unknown = Object.keys(reply).filter((k) => k !== 'format' && k !== 'fields');
  if (unknown.length > 0) problem(`telemetry.reply has an unknown key "${unknown[0]}" (it takes format and fields)`);
  return recordSpec(reply.format, reply.fields, 'telemetry.reply');
}

function requestSpec(request: unknown, model: 'push' | 'pull'): RecordSpec | undefined {
  if (model === 'push') {
    if (request !== undefined) problem('telemetry.request is only for a server that asks (parameter model=pull): write "params": {"model": "pull"} in sockgrade.json, or leave "request" out');
    return undefined;
  }
  if (!isObject(request)) problem('telemetry.request must declare the server\'s request for one reading under model=pull: {"format": "!I", "fields": ["seq"]}');
  const unknown = Object.keys(request).filter((k) => k !== 'format' && k !== 'fields');
  if (unknown.length > 0) problem(`telemetry.request has an unknown key "${unknown[0]}" (it takes format and fields)`);
  return recordSpec(request.format, request.fields, 'telemetry.request');
}

function periodOf(period: unknown): number {
  const [min, max] = PERIOD_LIMITS;
  if (typeof period !== 'number' || !Number.isFinite(period)) problem(`telemetry.period must be the seconds between readings, a number from ${min} to ${max}`);
  if (period < min || period > max) problem(`telemetry.period is ${period}; sockgrade grades periods from ${min} to ${max} seconds`);
  return period;
}

function framingOf(framing: unknown, prefix: unknown, transport: 'tcp' | 'udp', specs: readonly (RecordSpec | undefined)[]): { framing: TelemetryProtocol['framing']; prefix: Struct | undefined } {
  if (transport === 'udp') {
    if (framing !== undefined && framing !== 'datagram') problem(`telemetry.framing is ${JSON.stringify(framing)}, but over UDP each datagram is one record: leave framing out or write "datagram"`);
    if (prefix !== undefined) problem('telemetry.prefix only applies to TCP with "framing": "length-prefix"');
    return { framing: 'datagram', prefix: undefined };
  }
  if (framing === undefined || framing === 'fixed') {
    if (prefix !== undefined) problem('telemetry.prefix is given but framing is "fixed": write "framing": "length-prefix" to send a length before each record');
    return { framing: 'fixed', prefix: undefined };
  }
  if (framing === 'length-prefix') {
    const st = structOf(prefix ?? '', 'telemetry.prefix');
    const slot = st.slots[0];
    if (st.slots.length !== 1 || !slot || !['int', 'uint'].includes(slot.kind)) problem(`telemetry.prefix ${JSON.stringify(prefix)} must pack exactly one integer, the record's length in bytes, e.g. "!H"`);
    const longest = Math.max(...specs.map((r) => r?.struct.size ?? 0));
    if (largestOf(slot) < longest) problem(`telemetry.prefix ${JSON.stringify(prefix)} cannot hold the record's length, ${longest} bytes`);
    return { framing: 'length-prefix', prefix: st };
  }
  if (typeof framing === 'string' && /newline|line|delim|sep|\\n/i.test(framing)) {
    problem(`telemetry.framing ${JSON.stringify(framing)} cannot delimit binary struct records, whose bytes can take any value (a 0x0a inside a number looks like a line end): use "fixed" or "length-prefix"`);
  }
  problem(`telemetry.framing must be "fixed" (records of calcsize(format) bytes back to back) or "length-prefix" over TCP, got ${JSON.stringify(framing)}`);
}

function largestOf(slot: StructSlot): number {
  return slot.kind === 'int' ? 2 ** (slot.size * 8 - 1) - 1 : 2 ** (slot.size * 8) - 1;
}

function rangesOf(ranges: unknown, specs: readonly (RecordSpec | undefined)[]): Map<string, FieldRange> {
  const out = new Map<string, FieldRange>();
  if (ranges === undefined) return out;
  if (!isObject(ranges)) problem('telemetry.ranges must map field names to [min, max], e.g. {"value": [-40, 125]}');
  for (const [name, spec] of Object.entries(ranges)) {
    const owner = specs.find((r) => r?.fields.includes(name));
    const slot = owner?.struct.slots[owner.fields.indexOf(name)];
    if (!slot) problem(`telemetry.ranges names "${name}", which is in none of ${['telemetry.fields', specs[1] ? 'telemetry.reply.fields' : undefined, specs[2] ? 'telemetry.request.fields' : undefined].filter(Boolean).join(', ')}`);
    out.set(name, rangeOf(name, spec, slot));
  }
  return out;
}

function rangeOf(name: string, spec: unknown, slot: StructSlot): FieldRange {
  const textual = slot.kind === 'char' || slot.kind === 'bytes' || slot.kind === 'pascal';
  if (textual) {
    if (!Array.isArray(spec) || spec.length === 0 || spec.some((v) => typeof v !== 'string')) problem(`telemetry.ranges.${name} must list the texts the '${slot.code}' field may hold, e.g. ["T", "H"]`);
    return { kind: 'choices', values: (spec as string[]).map((v) => Buffer.from(v, 'latin1')) };
  }
  const [min, max] = Array.isArray(spec) ? (spec as unknown[]) : [];
  if (!Array.isArray(spec) || spec.length !== 2 || typeof min !== 'number' || typeof max !== 'number' || !(min <= max)) {
    problem(`telemetry.ranges.${name} must be [min, max] with min <= max, got ${JSON.stringify(spec)}`);
  }
  return { kind: 'interval', min, max };
}
