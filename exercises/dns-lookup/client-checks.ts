/** Checks of D3 `dns-lookup`: look-ups through the system resolver, against a hosts file sockgrade wrote. */
import { defineClientCheck, type ClientCheck } from '../../harness/authoring.js';
import { CheckFailure } from '../../harness/authoring.js';
import { findCrash, visibleText } from '../../harness/authoring.js';
import { addressesIn, describeTable, randomHostTable, showsAddress, showsName, type HostEntry } from './host-table.js';
import { crashNote, shownSince, startLookupClient, typeWhenAsked, waitForShown } from './dialogue.js';

const SHOW_WAIT_MS = 15_000;
const UNKNOWN_WAIT_MS = 30_000;

function entry(list: readonly HostEntry[], i: number): HostEntry {
  const e = list[i];
  if (!e) throw new Error(`host table has no entry ${i}`);
  return e;
}

/** The client checks of `dns-lookup`. */
export const dnsClientChecks: readonly ClientCheck[] = [
  defineClientCheck({
    id: 'dns.forward',
    title: 'prints the IPv4 address the system resolver gives for the typed name (gethostbyname)',
    weight: 1,
    budgetMs: 40_000,
    hint: 'print socket.gethostbyname(nombre) for the name typed (or given as {name}), not a name written in the program',
    async run(ctx) {
      const table = randomHostTable(ctx.rng);
      const target = entry(table.entries, 0);
      const program = startLookupClient(ctx, table, target.name, entry(table.entries, 1).address);
      const typed = await typeWhenAsked(ctx, program, target.name, 0);
      if (await waitForShown(ctx, program, `the address ${target.address}`, (t) => showsAddress(t, target.address), SHOW_WAIT_MS, 0, typed)) return;
      const out = program.outputText();
      const others = addressesIn(out).filter((a) => a !== target.address);
      const why =
        others.length > 0
          ? `the client printed ${others[0] ?? ''} for ${target.name}, but the resolver gives ${target.address}`
          : showsName(out, target.name)
            ? `the client printed the name ${target.name} but not its address ${target.address}`
            : `the client did not print the address of ${target.name}`;
      throw new CheckFailure(`${why}${crashNote(program)}`, {
        expected: `${target.address}, from the client's hosts file:\n${describeTable(table)}`,
        received: shownSince(program),
      });
    },
  }),
  defineClientCheck({
    id: 'dns.reverse',
    title: 'prints the host name the system resolver gives for the typed IPv4 address (gethostbyaddr)',
    weight: 1,
    budgetMs: 40_000,
    hint: 'print socket.gethostbyaddr(ip)[0] for the address typed (or given as {address}); gethostbyname(ip) just returns the address itself',
    async run(ctx) {
      const table = randomHostTable(ctx.rng);
      const first = entry(table.entries, 0);
      const target = entry(table.entries, 1);
      const program = startLookupClient(ctx, table, first.name, target.address);
      const named = await typeWhenAsked(ctx, program, first.name, 0);
      const typed = named === undefined ? undefined : await typeWhenAsked(ctx, program, target.address, program.outputLength);
      if (await waitForShown(ctx, program, `the name ${target.name}`, (t) => showsName(t, target.name), SHOW_WAIT_MS, 0, typed)) return;
      const out = program.outputText();
      const wrongName = table.entries.find((e) => e !== target && e !== first && showsName(out, e.name));
      const why = wrongName
        ? `the client printed ${wrongName.name} for ${target.address}, but the resolver gives ${target.name}`
        : showsAddress(out, target.address)
          ? `the client printed the address ${target.address} back instead of its name ${target.name}`
          : `the client did not print the name registered for ${target.address}`;
      throw new CheckFailure(`${why}${crashNote(program)}`, {
        expected: `${target.name}, from the client's hosts file:\n${describeTable(table)}`,
        received: shownSince(program),
      });
    },
  }),
  defineClientCheck({
    id: 'dns.unknown-name',
    title: 'a name that does not resolve gets an error message, not a traceback',
    weight: 1,
    budgetMs: 60_000,
    hint: 'put the look-up in try/except socket.gaierror (or socket.error) and print a message saying the name was not found',
    async run(ctx) {
      const table = randomHostTable(ctx.rng);
      const program = startLookupClient(ctx, table, table.unknown, entry(table.entries, 0).address);
      const from = (await typeWhenAsked(ctx, program, table.unknown, 0)) ?? 0;
      await waitForShown(ctx, program, `a message about ${table.unknown}`, (t) => t.trim() !== '', UNKNOWN_WAIT_MS, from);
      await program.waitForQuiet(300, ctx.within(3000), ctx.signal).catch(() => {});
      const text = program.outputBuffer().subarray(from).toString('utf8');
      const crash = findCrash(text);
      if (crash) {
        throw new CheckFailure(`when asked for ${table.unknown} (a name that does not resolve), the client crashed with a ${crash.name}`, {
          expected: 'a message saying the name was not found',
          received: visibleText(crash.excerpt),
        });
      }
      const message = program.running ? text.slice(0, text.lastIndexOf('\n') + 1) : text;
      if (message.trim() === '') {
        throw new CheckFailure(`when asked for ${table.unknown} (a name that does not resolve), the client ${program.exit ? 'exited' : 'went on'} without printing any message`, {
          expected: 'a message saying the name was not found',
          received: shownSince(program, from),
        });
      }
    },
  }),
];
