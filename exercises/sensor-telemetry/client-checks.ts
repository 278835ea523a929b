/**
 * Checks of a submitted telemetry client: sockgrade plays the server, answers every reading,
 * and judges the readings' period, their decoding under the declared protocol, one record per
 * datagram (UDP), and reports the bytes on the wire per reading.
 */
import { defineClientCheck, type ClientCheck } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import type { ClientCheckContext } from '../../harness/authoring.js';
import { num } from '../../harness/authoring.js';
import { describeExit } from '../../harness/authoring.js';
import { findCrash, visibleText } from '../../harness/authoring.js';
import { hexBytes } from '../../harness/authoring.js';
import { formatMs, starvedTotal } from '../../harness/authoring.js';
import { Struct } from '../../harness/authoring.js';
import { PERIOD_LIMITS, protocolFromManifest, type TelemetryProtocol } from './manifest.js';
import { observeClient, type Observation, type Reading, type SentRequest } from './sink.js';
import { measurePeriod, periodTolerance, seconds } from './period.js';
import { describeValues, outOfRange, showRange, showValue, unansweredField } from './records.js';
import { closedOnTheWire, measureOnTheWire, overheadTable } from './overhead.js';
import { otherByteOrder } from './byte-order.js';

const SEND_HINT = 'send each reading as struct.pack(format, ...) with the format declared in sockgrade.json, to the host and port given as {host} {port} (or HOST/PORT); a client that hard-codes its port needs --port N';

/** Launches the client and watches `readings` readings (parameter), after reading the protocol. */
async function watch(ctx: ClientCheckContext): Promise<{ proto: TelemetryProtocol; obs: Observation; want: number }> {
  const proto = protocolFromManifest(ctx.manifest, ctx.params);
  const want = num(ctx.params, 'readings');
  const obs = await observeClient(ctx, proto, want);
  return { proto, obs, want };
}

/** Why fewer than `need` readings arrived, as a failure. */
function tooFew(ctx: ClientCheckContext, proto: TelemetryProtocol, obs: Observation, need: number): CheckFailure {
  const where = `${ctx.offered.host}:${ctx.offered.port} (${proto.transport.toUpperCase()})`;
  const crash = findCrash(obs.program.outputText());
  const got = obs.readings.length === 0 ? 'no reading' : `only ${obs.readings.length} reading${obs.readings.length === 1 ? '' : 's'}`;
  const ended = obs.program.exit ? `the client exited (${describeExit(obs.program.exit)})` : `the client was still running after ${formatMs(obs.watchedMs)}`;
  if (crash) return new CheckFailure(`${got} arrived at ${where}: the client crashed with a ${crash.name}`, { received: visibleText(crash.excerpt), hint: SEND_HINT });
  const odd = obs.malformed[0];
  if (odd) return new CheckFailure(`${got} could be cut out of what the client sent: ${odd}`, { hint: SEND_HINT });
  const sent = obs.readings.length === 0 && obs.clientBytes > 0 ? `, after ${obs.clientBytes} bytes that do not complete a record of format ${proto.record.format} (${proto.record.struct.size} bytes)` : '';
  if (!proto.reply && obs.readings.length > 0 && !obs.program.exit && proto.model === 'push') {
    return new CheckFailure(`${got} arrived at ${where}${need > 1 ? `; sockgrade needs ${need} (parameter readings)` : ''}, and the client, still running, sent nothing more: it seems to wait for a reply, but under reply=none the server sends none`, {
      hint: 'with reply=none the client does not recv() after sending: it only sends a reading every period (a client that waits for a reply blocks forever on the first one)',
    });
  }
  return new CheckFailure(`${got} arrived at ${where}${sent}${need > 1 ? `; sockgrade needs ${need} (parameter readings)` : ''} and ${ended}`, {
    hint: obs.readings.length === 0 ? SEND_HINT : `keep sending a reading every ${proto.period} s (at least ${need} readings; running until stopped is fine)`,
  });
}

/** Measurements of the period at most, when a loaded machine delayed the arrivals of one. */
const MEASUREMENTS = 3;

function proto0(ctx: ClientCheckContext): TelemetryProtocol {
  return protocolFromManifest(ctx.manifest, ctx.params);
}

const periodCheck = defineClientCheck({
  id: 'telemetry.period',
  title: 'sends a reading every declared period, without drift',
  weight: 1,
  budgetMs: (p) => 15_000 + num(p, 'readings') * PERIOD_LIMITS[1] * 3000,
  hint: 'keep a schedule instead of sleeping the period after the work: next_time = time.monotonic() before the loop, then each turn next_time += period; time.sleep(max(0, next_time - time.monotonic()))',
  notApplicable: (p) => (p.model === 'pull' ? 'the server sets the pace (parameter model=pull): telemetry.pull-answers judges how the client answers each request, and telemetry.server-asks the period of a server' : undefined),
  async run(ctx) {
    const tol = periodTolerance(proto0(ctx).period, num(ctx.params, 'tolerance'));
    let attempt = 0;
    let watched: Awaited<ReturnType<typeof watch>>;
    let m: ReturnType<typeof measurePeriod>;
    for (;;) {
      const before = starvedTotal();
      watched = await watch(ctx);
      if (watched.obs.readings.length < watched.want) throw tooFew(ctx, watched.proto, watched.obs, watched.want);
      m = measurePeriod(watched.obs.readings.slice(0, watched.want).map((r) => r.at));
      const starvedMs = starvedTotal() - before;
      const off = Math.abs(m.period - watched.proto.period) > tol;
      // Arrival times measured while sockgrade or the client waited for a CPU are not the client's schedule: measure again.
      if (!off || starvedMs < (tol * 1000) / 2 || ++attempt >= MEASUREMENTS) break;
      await watched.obs.release();
      ctx.note(`measured again: sockgrade or the client waited ${formatMs(starvedMs)} for a CPU while the readings arrived`);
    }
    const { proto, want } = watched;
    const line = `measured period ${seconds(m.period)} (median, over every pair of the ${want} readings, of time apart ÷ readings apart), declared ${seconds(proto.period)} ± ${seconds(tol)}`;
    const intervals = `intervals between arrivals: ${m.intervals.map((s) => s.toFixed(3)).join(' ')} s`;
    if (m.period > proto.period + tol) {
      throw new CheckFailure(`the readings drift: ${line}; every interval is ${seconds(m.period - proto.period)} too long`, {
        received: intervals,
        hint: 'the client sleeps the period after doing its work (reading the sensor, sending, waiting for the reply), so each interval also holds that work and the error piles up; keep a schedule: next_time += period; time.sleep(max(0, next_time - time.monotonic()))',
      });
    }
    if (m.period < proto.period - tol) {
      throw new CheckFailure(`the readings come too often: ${line}`, { received: intervals, hint: 'wait the declared period between readings, or declare in sockgrade.json the period the client keeps' });
    }
    ctx.note(line);
  },
});

/** The readings with a field out of range, and how they read with the other byte order. */
function rangeProblem(proto: TelemetryProtocol, obs: Observation): CheckFailure | undefined {
  const bad = obs.readings.map((r, i) => ({ r, i, out: outOfRange(proto, proto.record, r.values) })).filter((x) => x.out);
  const first = bad[0];
  if (!first?.out) return undefined;
  const other = otherByteOrder(proto.record.format);
  const fixed = other !== undefined && obs.readings.every((r) => outOfRange(proto, proto.record, new Struct(other).unpack(r.body)) === undefined);
  const hint = fixed
    ? `read as ${JSON.stringify(other)} every reading is within range: the byte order the client packs with is not the one sockgrade.json declares (${JSON.stringify(proto.record.format)}); use the same format string on both sides`
    : `make the client send values within the ranges declared in sockgrade.json (telemetry.ranges), in the units declared, or correct the ranges`;
  return new CheckFailure(`${bad.length} of ${obs.readings.length} readings have a field outside its declared range; the first, reading #${first.i + 1} (${first.r.via}), decodes as ${describeValues(proto.record, first.r.values)}: ${first.out.name} = ${first.out.value} is outside ${first.out.range}`, {
    received: `reading #${first.i + 1}: ${hexBytes(first.r.body, 64)} (${first.r.body.length} bytes)`,
    expected: `format ${proto.record.format}, fields ${proto.record.fields.join(', ')}; ranges ${proto.record.fields.flatMap((f) => { const r = proto.ranges.get(f); return r ? [`${f} ${showRange(r)}`] : []; }).join(', ')}`,
    hint,
  });
}

function sensorCounts(proto: TelemetryProtocol, obs: Observation): Map<string, number> {
  const counts = new Map<string, number>();
  const slot = proto.record.struct.slots[proto.sensorIndex];
  for (const r of obs.readings) {
    const key = showValue(r.values[proto.sensorIndex], slot);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const decodesCheck = defineClientCheck({
  id: 'telemetry.decodes',
  title: 'every reading decodes with the declared format, within the declared ranges, from several sensors',
  weight: 1,
  budgetMs: (p) => 15_000 + num(p, 'readings') * PERIOD_LIMITS[1] * 3000,
  hint: 'pack each reading with the very format string declared in sockgrade.json (byte order included) and values in the declared units and ranges',
  async run(ctx) {
    const { proto, obs, want } = await watch(ctx);
    const odd = obs.malformed[0];
    if (odd) throw new CheckFailure(`what the client sent is not whole records of the declared format: ${odd}`, { hint: SEND_HINT });
    if (obs.readings.length < want) throw tooFew(ctx, proto, obs, want);
    const range = rangeProblem(proto, obs);
    if (range) throw range;
    const counts = sensorCounts(proto, obs);
    const seen = [...counts.entries()].map(([k, n]) => `${proto.sensorField}=${k} ×${n}`).join(', ');
    if (counts.size < 2) {
      throw new CheckFailure(`all ${obs.readings.length} readings come from one sensor (${seen}): the client must send readings of several sensor types`, {
        hint: `vary the field "${proto.sensorField}" (telemetry.sensor_field): e.g. take turns between temperature, humidity and pressure, or pick the sensor at random each time`,
      });
    }
    ctx.note(`${obs.readings.length} readings decoded within range: ${seen}`);
  },
});

const oneRecordPerDatagramCheck = defineClientCheck({
  id: 'telemetry.udp-one-record-per-datagram',
  title: 'sends each reading in its own datagram, holding exactly one record',
  weight: 1,
  budgetMs: (p) => 15_000 + num(p, 'readings') * PERIOD_LIMITS[1] * 3000,
  hint: 'one sendto() per reading, with exactly struct.pack(format, ...): UDP keeps datagram boundaries, so the server takes one reading per recvfrom()',
  notApplicable: (p) => (p.transport === 'udp' ? undefined : 'the submission uses TCP (parameter transport=tcp), where records travel in a stream, not in datagrams'),
  async run(ctx) {
    const { proto, obs, want } = await watch(ctx);
    const size = proto.record.struct.size;
    const at = obs.datagrams.findIndex((n) => n !== size);
    if (at >= 0) {
      const n = obs.datagrams[at] as number;
      const what = n % size === 0 && n > 0 ? `${n / size} records of ${size} bytes` : `${n} bytes, while a record of format ${proto.record.format} is ${size} bytes`;
      throw new CheckFailure(`datagram #${at + 1} of the client holds ${what}`, { received: `datagram sizes: ${obs.datagrams.join(', ')} bytes`, expected: `${size} bytes each` });
    }
    if (obs.readings.length < want) throw tooFew(ctx, proto, obs, want);
    ctx.note(`${obs.datagrams.length} datagrams of ${size} bytes`);
  },
});

const overheadCheck = defineClientCheck({
  id: 'telemetry.overhead',
  title: 'bytes on the wire per reading, UDP next to TCP (informational)',
  weight: 0,
  budgetMs: (p) => 15_000 + num(p, 'readings') * PERIOD_LIMITS[1] * 3000,
  hint: 'the figures come from the client\'s readings measured against the declared format: send whole records of that format',
  async run(ctx) {
    const { proto, obs } = await watch(ctx);
    if (obs.readings.length === 0) {
      const why = tooFew(ctx, proto, obs, 1);
      throw new CheckFailure(`nothing to measure: ${why.message}`, why.details);
    }
    const odd = obs.malformed[0];
    if (odd) throw new CheckFailure(`the bytes per reading cannot be measured against the declared format, since the client's traffic is not whole records of it: ${odd}`, { hint: 'declare in sockgrade.json the format the client really packs' });
    if (!ctx.packets) {
      ctx.note(overheadTable(proto, obs));
      return;
    }
    ctx.doing('stopping the client, so that the capture holds its connections from set-up to close');
    await obs.release();
    const until = performance.now() + ctx.within(2000);
    let packets = await ctx.packets();
    while (!closedOnTheWire(proto, ctx.offered.port, packets) && performance.now() < until) packets = await ctx.packets();
    ctx.note(overheadTable(proto, obs, measureOnTheWire(proto, ctx.offered.port, packets)));
  },
});

/** How long a client may take to answer a request: half the period, and never under 300 ms. */
function answerLimitMs(proto: TelemetryProtocol): number {
  return Math.max(proto.period * 500, 300);
}

/** Where `reading` stands among the requests: why it is not a good answer, or undefined when it is. */
function answerProblem(proto: TelemetryProtocol, obs: Observation, reading: Reading, i: number): CheckFailure | undefined {
  const label = `reading #${i + 1} (${reading.via}, ${describeValues(proto.record, reading.values)})`;
  const answers = reading.answers;
  if (answers === 'hello' || answers === undefined) return undefined;
  if (answers === 'unasked') {
    const asked = obs.requests.filter((r) => r.at <= reading.at).length;
    return new CheckFailure(`${label} arrived unasked: by then sockgrade had sent ${asked} request${asked === 1 ? '' : 's'} and received ${i + 1} reading${i === 0 ? '' : 's'}`, {
      hint: `under model=pull the client sends one reading per request and none of its own${proto.transport === 'udp' ? ' (over UDP, except its first one, which tells the server its address)' : ''}: loop on recv() of a request, then send the reading that answers it`,
    });
  }
  const lateMs = reading.at - answers.at;
  const limit = answerLimitMs(proto);
  // The first request may find the client still starting (an interpreter loading its modules): its delay is not judged.
  if (lateMs > limit && answers.n > 1) {
    return new CheckFailure(`${label} came ${formatMs(lateMs)} after request #${answers.n} (${answers.shown}), more than the ${formatMs(limit)} an answer may take: sockgrade asks at irregular intervals around the period, and the client seems to keep a schedule of its own instead of answering`, {
      hint: 'answer each request as soon as it arrives: the server sets the pace, so the client does not sleep between readings',
    });
  }
  const wrong = unansweredField(proto, answers.values, reading.values);
  if (wrong) {
    return new CheckFailure(`${label} answers request #${answers.n} (${answers.shown}), which asked for ${wrong.name}=${wrong.asked}, but it carries ${wrong.name}=${wrong.got}`, {
      hint: `a request field named like a reading field asks for that value: unpack the request and put its ${wrong.name} in the reading`,
    });
  }
  return undefined;
}

const pullAnswersCheck = defineClientCheck({
  id: 'telemetry.pull-answers',
  title: 'answers every request of the server with one reading, at once, and sends none unasked (model=pull)',
  weight: 1,
  budgetMs: (p) => 15_000 + num(p, 'readings') * PERIOD_LIMITS[1] * 3000,
  hint: 'under model=pull: loop on recv() of a request (a whole one: calcsize(request format) bytes, after the length prefix if any), then send the one reading that answers it',
  notApplicable: (p) => (p.model === 'pull' ? undefined : 'the client sets the pace (parameter model=push): nobody asks, telemetry.period judges the client\'s period'),
  async run(ctx) {
    const { proto, obs, want } = await watch(ctx);
    const odd = obs.malformed[0];
    if (odd) throw new CheckFailure(`what the client sent is not whole records of the declared format: ${odd}`, { hint: SEND_HINT });
    for (const [i, r] of obs.readings.entries()) {
      const bad = answerProblem(proto, obs, r, i);
      if (bad) throw bad;
    }
    if (obs.readings.length < want) {
      const asked = obs.requests.length;
      if (asked > obs.readings.length + 1 && obs.readings.length > 0 && !obs.program.exit) {
        throw new CheckFailure(`the client answered ${obs.readings.length} of ${asked} requests and then nothing more, still running${proto.reply ? '' : ': under reply=none a client that waits for a reply after each reading takes the next request for it'}`, {
          hint: 'after sending a reading, go back to waiting for the next request',
        });
      }
      throw tooFew(ctx, proto, obs, want);
    }
    const answered = obs.readings.filter((r) => typeof r.answers === 'object');
    const worst = Math.max(...answered.map((r) => r.at - (r.answers as SentRequest).at));
    ctx.note(`${answered.length} requests answered, each within ${formatMs(worst)}${obs.readings.some((r) => r.answers === 'hello') ? ', after a first reading that gave the client\'s address' : ''}`);
  },
});

/** The client checks of sensor-telemetry. */
export const clientChecks: ClientCheck[] = [periodCheck, decodesCheck, oneRecordPerDatagramCheck, overheadCheck, pullAnswersCheck];
