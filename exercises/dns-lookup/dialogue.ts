/** Driving a look-up client: starting it with its own hosts file and typing at its prompts. */
import type { ClientCheckContext } from '../../harness/authoring.js';
import { ProgramExited, type Program } from '../../harness/authoring.js';
import { WaitTimeout, poll } from '../../harness/authoring.js';
import { findCrash, visibleText } from '../../harness/authoring.js';
import { hostsOf, type HostTable } from './host-table.js';

/**
 * Starts the client with `table` as its hosts file, `name` and `address` as `{name}` and
 * `{address}` in its command. sockgrade types at its prompts itself (host and address prompts
 * are not the server's address here).
 */
export function startLookupClient(ctx: ClientCheckContext, table: HostTable, name: string, address: string): Program {
  return ctx.launchClient({ hosts: hostsOf(table), placeholders: { name, address }, answerPrompts: false });
}

/**
 * Waits until the client asks for input (output after `from`) and types `line`; returns the
 * output offset at which it was typed, or undefined when the client exited without asking.
 */
export async function typeWhenAsked(ctx: ClientCheckContext, program: Program, line: string, from: number): Promise<number | undefined> {
  ctx.doing(`waiting for the client to ask for input, to type "${line}"`);
  try {
    await program.waitForInputRequest({ from, settleMs: 300, ms: ctx.within(15_000), signal: ctx.signal });
  } catch (err) {
    if (err instanceof ProgramExited || err instanceof WaitTimeout) return undefined;
    throw err;
  }
  const mark = program.outputLength;
  program.type(line);
  await poll('the client to read the typed line', ctx.within(2000), ctx.signal, () => (program.outputLength > mark || !waitingOnStdin(program) ? true : undefined)).catch(() => {});
  return mark;
}

/** Whether the client is blocked reading its terminal (Linux; false where that cannot be told). */
function waitingOnStdin(program: Program): boolean {
  return program.readingTerminal() === true;
}

/**
 * Waits up to `ms` for `test` to accept the output after `from`. False when the client exits
 * first, or when, after printing something past `answeredAt`, it sits asking for input again.
 */
export async function waitForShown(ctx: ClientCheckContext, program: Program, what: string, test: (text: string) => boolean, ms: number, from = 0, answeredAt?: number): Promise<boolean> {
  ctx.doing(`waiting for the client to print ${what}`);
  const shown = (): boolean => test(program.outputBuffer().subarray(from).toString('utf8'));
  const askingAgain = async (): Promise<boolean> => {
    if (answeredAt === undefined) return new Promise<boolean>(() => {});
    await poll('the client to ask for input again', ctx.within(ms), ctx.signal, () => (program.outputLength > answeredAt && waitingOnStdin(program) ? true : undefined), 50);
    await program.waitForQuiet(300, ctx.within(2000), ctx.signal).catch(() => {});
    return shown();
  };
  const printed = program.waitForText(what, (t) => (test(t) ? true : undefined), ctx.within(ms), ctx.signal, from);
  return Promise.race([printed, askingAgain()]).catch(() => shown());
}

/** The client's output after `from`, readable, for a diagnosis. */
export function shownSince(program: Program, from = 0): string {
  const text = program.outputBuffer().subarray(from).toString('utf8');
  return text.trim() === '' ? '(nothing)' : visibleText(text.length > 600 ? `…${text.slice(-600)}` : text);
}

/** ` (it crashed with a Python traceback)` when the output shows a crash, else an empty string. */
export function crashNote(program: Program): string {
  const crash = findCrash(program.outputText());
  return crash ? ` (it crashed with a ${crash.name})` : '';
}
