/**
 * Reference client for `binary-struct`: reads "a b c" (two integers and a real number), sends
 * them as struct.pack(order + "iif") — 12 bytes — and closes.
 */
import type { ReferenceClientOptions } from '../types.js';
import { connectOrReport, readLine, write } from '../shared/console-io.js';
import { endianOf, orderParam, pack } from '../../exercises/binary-struct/values.js';

/** Prompt for the three values when they are not given. */
export const VALUES_PROMPT = 'Dos enteros y un real separados por espacios: ';

const INT32 = /^[-+]?\d+$/;

/** Parses "a b c"; undefined when it is not two int32 and a number. */
export function parseValues(line: string): { a: number; b: number; c: number } | undefined {
  const parts = line.trim().split(/\s+/);
  if (parts.length !== 3) return undefined;
  const [a, b, c] = parts as [string, string, string];
  if (!INT32.test(a) || !INT32.test(b) || c === '' || !Number.isFinite(Number(c))) return undefined;
  const [na, nb] = [Number(a), Number(b)];
  if ([na, nb].some((n) => n < -2_147_483_648 || n > 2_147_483_647)) return undefined;
  return { a: na, b: nb, c: Number(c) };
}

/** Sends the record; resolves 0, or 1 after printing what failed. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const { host, port, output } = opts;
  let line = opts.message;
  if (line === undefined) {
    await write(output, VALUES_PROMPT);
    line = await readLine(opts.input);
  }
  const values = line === undefined ? undefined : parseValues(line);
  if (!values) {
    await write(output, `Se esperaban dos enteros de 32 bits y un número real, p. ej. "1 4 2.7"; se leyó: ${line ?? '(nada)'}\n`);
    return 1;
  }
  const order = orderParam(opts.params);
  const record = pack(values, endianOf(order));
  const socket = await connectOrReport(host, port, output, 10_000);
  if (!socket) return 1;
  await write(output, `Enviando ${record.toString('hex')} (formato "${order}iif")\n`);
  await new Promise<void>((resolve) => socket.end(record, () => resolve()));
  socket.destroy();
  return 0;
}
