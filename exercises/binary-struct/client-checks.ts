/** Client checks of D4 `binary-struct`: the client is given random values and sockgrade reads the bytes it sends. */
import { defineClientCheck, type ClientCheck } from '../../harness/model/check.js';
import type { ClientCheckContext } from '../../harness/engine/context.js';
import { CheckFailure, CheckNotReached } from '../../harness/model/failure.js';
import { escapeBytes } from '../../harness/diagnose/bytes.js';
import { findCrash } from '../../harness/diagnose/output.js';
import { formatMs } from '../../harness/util/deadline.js';
import { COURSE_VALUES, RECORD_SIZE, describeRecord, describeTriple, endianOf, orderParam, otherEndian, pack, randomValues, unpack, type Triple } from './values.js';

/** What the client sent for one typed line. */
interface ClientRecord {
  triple: Triple;
  line: string;
  received: Buffer;
}

/** Launches the client with random values (typed, `{message}`/MESSAGE) and the order as `{order}`; returns the bytes it sends. */
async function clientRecord(ctx: ClientCheckContext): Promise<ClientRecord> {
  const { triple, line } = randomValues(ctx.rng);
  const peer = await ctx.tcpPeer();
  const program = ctx.launchClient({ message: line, placeholders: { order: orderParam(ctx.params) } });
  ctx.doing(`waiting for the client to connect to ${ctx.offered.host}:${ctx.offered.port}`);
  const conn = await peer.connection(0, ctx.within(10_000), ctx.signal, () => !program.running);
  if (!conn) {
    const crash = findCrash(program.outputText());
    throw new CheckFailure(
      program.exit
        ? `the client exited before connecting to sockgrade's server at ${ctx.offered.host}:${ctx.offered.port}${crash ? ` (it crashed: ${crash.name})` : ''}`
        : `the client did not connect to sockgrade's server at ${ctx.offered.host}:${ctx.offered.port} within ${formatMs(10_000)}`,
      { hint: 'connect to {host} {port} (or HOST/PORT, or the address typed at a prompt), and read the three values from one typed line ("a b c")' },
    );
  }
  ctx.doing(`waiting for the client to send the record of "${line}"`);
  await conn.waitForBytes(RECORD_SIZE, ctx.within(8000), ctx.signal);
  await conn.waitForQuiet(300, ctx.within(2000), ctx.signal);
  const received = conn.received;
  // Without {message} in its command a client may send the course's own values, as without {port} it may use the course's port.
  if (!ctx.takes('message') && [pack(COURSE_VALUES.triple, 'little'), pack(COURSE_VALUES.triple, 'big')].some((b) => b.equals(received))) return { ...COURSE_VALUES, received };
  return { triple, line, received };
}

/** Why `received` is not the record of `t`, in the words of the usual mistakes. */
function diagnose(r: ClientRecord): string {
  const { received } = r;
  if (received.length === 0) return 'the client sent nothing';
  if (/^[\x20-\x7e\r\n]+$/.test(received.toString('latin1'))) return `the client sent text ("${escapeBytes(received, 80)}"), not the packed binary values`;
  const typedC = Number(r.line.split(' ')[2]);
  if (received.length === 16 && (received.readDoubleLE(8) === typedC || received.readDoubleBE(8) === typedC)) {
    return 'the client sent 16 bytes: the real number went as a double ("d", 8 bytes) instead of a float32 ("f", 4 bytes)';
  }
  if (received.length !== RECORD_SIZE) return `the client sent ${received.length} bytes; two int32 and one float32 are ${RECORD_SIZE}`;
  const read = unpack(received, 'little');
  const readBig = unpack(received, 'big');
  return `the 12 bytes hold other values: ${describeTriple(read)} (read little-endian), or ${describeTriple(readBig)} (read big-endian)`;
}

export const structClientChecks: readonly ClientCheck[] = [
  defineClientCheck({
    id: 'struct.exact-bytes',
    title: 'sends exactly the 12 bytes of two int32 and a float32 holding the typed values (no text, no padding, nothing else)',
    weight: 2,
    budgetMs: 20_000,
    hint: 'read "a b c" with input(), then sendall(struct.pack(orden + "iif", int(a), int(b), float(c))): "i" is a 4-byte int, "f" a 4-byte float',
    async run(ctx) {
      const r = await clientRecord(ctx);
      if (r.received.equals(pack(r.triple, 'little')) || r.received.equals(pack(r.triple, 'big'))) return;
      const expected = pack(r.triple, endianOf(orderParam(ctx.params)));
      throw new CheckFailure(`for the typed line "${r.line}", ${diagnose(r)}`, {
        expected: `${describeRecord(expected)} (struct.pack("${orderParam(ctx.params)}iif", ${r.triple.a}, ${r.triple.b}, ${r.line.split(' ')[2] ?? ''}))`,
        received: describeRecord(r.received),
      });
    },
  }),
  defineClientCheck({
    id: 'struct.endianness',
    title: 'packs the record in the byte order of the order parameter (given as {order})',
    weight: 1,
    budgetMs: 20_000,
    hint: 'take the byte-order character from the command line ({order}: =, <, > or !) and put it first in the format: struct.pack(orden + "iif", ...)',
    async run(ctx) {
      const r = await clientRecord(ctx);
      const order = orderParam(ctx.params);
      const endian = endianOf(order);
      if (r.received.equals(pack(r.triple, endian))) return;
      if (r.received.equals(pack(r.triple, otherEndian(endian)))) {
        throw new CheckFailure(`the client packed "${r.line}" ${otherEndian(endian)}-endian, but the byte order is "${order}" (${endian}-endian)`, {
          expected: describeRecord(pack(r.triple, endian)),
          received: describeRecord(r.received),
        });
      }
      throw new CheckNotReached('the bytes the client sent are not the typed values in either byte order, so its byte order cannot be told (struct.exact-bytes says what it sent)');
    },
  }),
];
