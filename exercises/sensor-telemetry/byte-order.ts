/** The usual byte-order mistake: the same format with the other byte order, to tell a student that is what happened. */
import { endianness } from 'node:os';

/** `format` with the opposite explicit byte order (`!` ↔ `<`), or undefined for native `@` formats (alignment differs). */
export function otherByteOrder(format: string): string | undefined {
  const first = format[0];
  const rest = format.slice(1);
  if (first === '<') return `>${rest}`;
  if (first === '>' || first === '!') return `<${rest}`;
  if (first === '=') return `${endianness() === 'LE' ? '>' : '<'}${rest}`;
  return undefined;
}
