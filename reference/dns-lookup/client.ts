/**
 * Reference client for `dns-lookup`: asks for a host name and prints its IPv4 address, then asks
 * for an IPv4 address and prints its host name, both through the system resolver (getaddrinfo
 * and getnameinfo, so the hosts file counts). A look-up that fails is reported in one line.
 */
import { lookup, lookupService } from 'node:dns/promises';
import { isIPv4 } from 'node:net';
import type { ReferenceClientOptions } from '../types.js';
import { readLine, write } from '../shared/console-io.js';

/** Prompt before the host name. */
export const NAME_PROMPT = 'Nombre del host: ';
/** Prompt before the address. */
export const ADDRESS_PROMPT = 'Dirección IPv4: ';

/** Runs both look-ups; resolves 0 when both succeeded, 1 otherwise. */
export async function runClient(opts: ReferenceClientOptions): Promise<number> {
  const { input, output } = opts;
  await write(output, NAME_PROMPT);
  const name = (await readLine(input))?.trim();
  if (name === undefined) return ended(output);
  const forward = await addressOf(name);
  await write(output, forward.ok ? `IP de ${name}: ${forward.text}\n` : `No se encontró el nombre ${name}: ${forward.text}\n`);

  await write(output, ADDRESS_PROMPT);
  const address = (await readLine(input))?.trim();
  if (address === undefined) return ended(output);
  const reverse = await nameOf(address);
  await write(output, reverse.ok ? `La IP ${address} tiene una entrada DNS: ${reverse.text}\n` : `No se encontró un nombre para ${address}: ${reverse.text}\n`);
  return forward.ok && reverse.ok ? 0 : 1;
}

async function addressOf(name: string): Promise<{ ok: boolean; text: string }> {
  if (name === '') return { ok: false, text: 'el nombre está vacío' };
  try {
    return { ok: true, text: (await lookup(name, { family: 4 })).address };
  } catch (err) {
    return { ok: false, text: reason(err) };
  }
}

async function nameOf(address: string): Promise<{ ok: boolean; text: string }> {
  if (!isIPv4(address)) return { ok: false, text: 'no es una dirección IPv4' };
  try {
    return { ok: true, text: (await lookupService(address, 0)).hostname };
  } catch (err) {
    return { ok: false, text: reason(err) };
  }
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOTFOUND' ? 'no existe' : code === 'EAI_AGAIN' ? 'el servidor DNS no responde' : (code ?? (err as Error).message);
}

async function ended(output: NodeJS.WritableStream): Promise<number> {
  await write(output, '\nNo se ha leído nada: la entrada terminó\n');
  return 1;
}
