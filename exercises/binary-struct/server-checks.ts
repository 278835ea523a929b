/** Server checks of D4 `binary-struct`: sockgrade sends records of its own and reads what the server prints. */
import { defineServerCheck, type ServerCheck } from '../../harness/model/check.js';
import type { ServerCheckContext } from '../../harness/engine/context.js';
import { CheckFailure, CheckNotReached } from '../../harness/model/failure.js';
import { findCrash, visibleText } from '../../harness/diagnose/output.js';
import { describeExit } from '../../harness/process/program.js';
import { printedNumbers, showsTriple } from './printed-values.js';
import { describeRecord, describeTriple, endianOf, orderParam, otherEndian, pack, randomValues, unpack, type Endian, type Triple } from './values.js';

/** Time the server's output has to show the values once it has closed the connection. */
const GRACE_MS = 1500;

/** What the server printed after one record was sent, and what that record held. */
interface Sent {
  triple: Triple;
  /** The same bytes read in the other byte order. */
  swapped: Triple;
  record: Buffer;
  endian: Endian;
  printed: string;
}

/** Connects, sends one record packed in the `order` parameter's byte order, closes, and collects what the server prints. */
async function sendRecord(ctx: ServerCheckContext): Promise<Sent> {
  const endian = endianOf(orderParam(ctx.params));
  const { triple } = randomValues(ctx.rng);
  const record = pack(triple, endian);
  const swapped = unpack(record, otherEndian(endian));
  const program = ctx.server.program;
  const from = program.outputLength;
  const conn = await ctx.connect('client');
  await conn.send(record);
  conn.halfClose();
  ctx.doing(`waiting for the server to print ${describeTriple(triple)}`);
  const shown = (ms: number): Promise<boolean> =>
    program.waitForText('the server to print the values', (t) => (showsTriple(t, triple) || showsTriple(t, swapped) ? true : undefined), ctx.within(ms), ctx.signal, from).then(
      () => true,
      () => false,
    );
  const afterClose = conn.waitForClose(ctx.within(6000), ctx.signal).then((k) => (k === 'open' ? false : shown(GRACE_MS)), () => false);
  await Promise.race([shown(6000), afterClose]);
  return { triple, swapped, record, endian, printed: program.outputBuffer().subarray(from).toString('utf8') };
}

/** What the diagnosis shows of the server's output after the record. */
function receivedText(printed: string): string {
  const crash = findCrash(printed);
  if (crash) return visibleText(crash.excerpt);
  return printed.trim() === '' ? '(nothing printed)' : visibleText(printed.length > 600 ? `${printed.slice(0, 600)}…` : printed);
}

/** Which of the three values the output shows, for the diagnosis. */
function partlyShown(s: Sent): string {
  const nums = printedNumbers(s.printed);
  const parts = [
    ...(nums.includes(s.triple.a) ? [`a (${s.triple.a})`] : []),
    ...(nums.includes(s.triple.b) ? [`b (${s.triple.b})`] : []),
  ];
  return parts.length > 0 ? ` It shows ${parts.join(' and ')} but not all three: the format is two "i" (int32, 4 bytes each) and one "f" (float32, 4 bytes).` : '';
}

export const structServerChecks: readonly ServerCheck[] = [
  defineServerCheck({
    id: 'struct.server-decodes',
    title: 'prints the two int32 and the float32 of a record sockgrade sends (random values)',
    weight: 2,
    budgetMs: 15_000,
    hint: 'read the 12 bytes, unpack them with struct.unpack(orden + "iif", datos) and print the three values',
    async run(ctx) {
      const s = await sendRecord(ctx);
      if (showsTriple(s.printed, s.triple) || showsTriple(s.printed, s.swapped)) return;
      const crash = findCrash(s.printed);
      const exit = ctx.server.program.exit;
      const how = [crash ? `it printed a ${crash.name}` : '', exit ? `it exited (${describeExit(exit)})` : ''].filter((x) => x !== '').join(' and ');
      throw new CheckFailure(`the server did not print the values of the record it received (${describeTriple(s.triple)})${how ? `: ${how}` : ''}.${partlyShown(s)}`, {
        expected: `${describeTriple(s.triple)} printed (the float within float32 precision), from the ${describeRecord(s.record)}`,
        received: receivedText(s.printed),
      });
    },
  }),
  defineServerCheck({
    id: 'struct.endianness',
    title: 'decodes the record in the byte order of the order parameter',
    weight: 1,
    budgetMs: 15_000,
    hint: 'use the byte-order character you were given (first character of the format: =, <, > or !) in struct.unpack, the same the client packs with',
    async run(ctx) {
      const s = await sendRecord(ctx);
      if (showsTriple(s.printed, s.triple)) return;
      const order = orderParam(ctx.params);
      if (showsTriple(s.printed, s.swapped)) {
        throw new CheckFailure(`the server read the record in ${otherEndian(s.endian)}-endian order, but the byte order is "${order}" (${s.endian}-endian): it printed ${describeTriple(s.swapped)} instead of ${describeTriple(s.triple)}`, {
          expected: describeTriple(s.triple),
          received: receivedText(s.printed),
        });
      }
      throw new CheckNotReached('the server printed the values in neither byte order, so its byte order cannot be told (struct.server-decodes says what it printed)');
    },
  }),
];
