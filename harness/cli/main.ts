#!/usr/bin/env node
/**
 * The sockgrade command line: `list`, `grade`, `reference`, `demo`.
 * Exit codes: 0 every check passed, 1 some check failed, 2 usage error or harness fault.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../model/failure.js';
import { gradeCommand } from './grade-command.js';
import { referenceCommand } from './reference-command.js';
import { listJson, listText } from './list-command.js';
import { demoCommand } from './demo-command.js';
import { checkArgv } from './check-command.js';
import { batchCommand, mergeCommand } from './batch-command.js';
import type { ConsoleSink } from '../report/console.js';
import { chooseLang } from '../i18n/lang.js';

const USAGE = `Usage:
  sockgrade list [--json]
  sockgrade grade <exercise> --server "<cmd>" [--client "<cmd>"] [--port N] [--host H]
                  [--param key=value]... [--only <check-id-prefix>]... [--seed N]
                  [--json FILE] [--junit FILE] [--html FILE] [--tap] [--lang es|en]
                  [--jobs N] [--startup-timeout SECONDS]
                  [--replay PATH] [--manifest sockgrade.json] [--isolation auto|on|off]
                  [--gradescope FILE] [--github] [--config FILE] [--audience student|instructor]
                  [--trace DIR]
  sockgrade trace <exercise> [any option of grade]   (grade with --trace, default ./sockgrade-trace)
  sockgrade check [--dir DIR] [any option of grade]   (grades DIR, default here, from its sockgrade.json)
  sockgrade batch <class-dir> --exercise <id> [--server "<cmd with {dir}>"] [--client "..."]
                  [--jobs N] [--shard i/n] [--csv FILE] [--json FILE] [--junit FILE]
                  [--out RESULTS-DIR] [--force] [--param key=value]... [--only PREFIX]...
                  [--seed N] [--isolation auto|on|off] [--student-timeout SECONDS] [--config FILE]
                  [--trace DIR]
  sockgrade merge <class.json or results-dir>... [--csv FILE] [--json FILE] [--junit FILE]
  sockgrade reference <exercise> <server|client> [--port N] [--host H] [--param key=value]... [--message TEXT]
  sockgrade demo [--lang es|en]

Reports speak English or Spanish: --lang es|en on grade and demo (default from LC_ALL,
LC_MESSAGES or LANG: es* gives Spanish). --html FILE writes a self-contained HTML report.
In a command, {host} and {port} are replaced by the address sockgrade chose (also given as HOST
and PORT in the environment); a server that hard-codes its port is found without being told.
Exit codes: 0 all checks passed, 1 some check failed, 2 usage error or harness fault.`;

const GRADE_OPTIONS = {
  server: { type: 'string' },
  client: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  param: { type: 'string', multiple: true },
  only: { type: 'string', multiple: true },
  seed: { type: 'string' },
  json: { type: 'string' },
  junit: { type: 'string' },
  tap: { type: 'boolean' },
  jobs: { type: 'string' },
  'startup-timeout': { type: 'string' },
  replay: { type: 'string' },
  manifest: { type: 'string' },
  html: { type: 'string' },
  lang: { type: 'string' },
  isolation: { type: 'string' },
  gradescope: { type: 'string' },
  github: { type: 'boolean' },
  config: { type: 'string' },
  audience: { type: 'string' },
  trace: { type: 'string' },
} as const;

const OPTIONS_BY_COMMAND = {
  list: { json: { type: 'boolean' } },
  grade: GRADE_OPTIONS,
  trace: GRADE_OPTIONS,
  reference: { port: { type: 'string' }, host: { type: 'string' }, param: { type: 'string', multiple: true }, message: { type: 'string' } },
  demo: { lang: { type: 'string' } },
  batch: {
    exercise: { type: 'string' },
    server: { type: 'string' },
    client: { type: 'string' },
    jobs: { type: 'string' },
    shard: { type: 'string' },
    json: { type: 'string' },
    junit: { type: 'string' },
    csv: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    param: { type: 'string', multiple: true },
    only: { type: 'string', multiple: true },
    seed: { type: 'string' },
    isolation: { type: 'string' },
    'student-timeout': { type: 'string' },
    config: { type: 'string' },
    trace: { type: 'string' },
  },
  merge: { json: { type: 'string' }, junit: { type: 'string' }, csv: { type: 'string' } },
} as const;

function isCommand(c: string | undefined): c is keyof typeof OPTIONS_BY_COMMAND {
  return c !== undefined && Object.hasOwn(OPTIONS_BY_COMMAND, c);
}

async function main(argv: string[]): Promise<number> {
  const out: ConsoleSink = { write: (t) => void process.stdout.write(t), color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR };
  const command = argv[0];
  if (command === undefined || command === 'help' || command === '--help' || command === '-h' || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === 'check') return main(checkArgv(argv.slice(1), GRADE_OPTIONS, process.cwd()));
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}" (commands: list, grade, trace, check, batch, merge, reference, demo; run "sockgrade --help")`);
  let parsed;
  try {
    parsed = parseArgs({ args: argv.slice(1), options: OPTIONS_BY_COMMAND[command], allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]} (run "sockgrade --help")`);
  }
  const values = parsed.values as Record<string, unknown>;
  const rest = parsed.positionals;
  const str = (k: string): string | undefined => (typeof values[k] === 'string' ? values[k] : undefined);
  const list = (k: string): string[] => (Array.isArray(values[k]) ? (values[k] as string[]) : []);
  if (command === 'grade' || command === 'trace' || command === 'demo') out.lang = chooseLang(str('lang'));
  switch (command) {
    case 'list':
      if (rest.length) throw new UsageError(`"sockgrade list" takes no arguments, got "${rest.join(' ')}"`);
      process.stdout.write(values.json === true ? listJson() : listText());
      return 0;
    case 'trace':
    case 'grade': {
      if (rest.length !== 1) throw new UsageError(`"sockgrade ${command}" takes one exercise id, got ${rest.length ? `"${rest.join(' ')}"` : 'none'} (run "sockgrade list")`);
      return gradeCommand(
        {
          exercise: rest[0] as string,
          server: str('server'),
          client: str('client'),
          port: str('port'),
          host: str('host'),
          param: list('param'),
          only: list('only'),
          seed: str('seed'),
          json: str('json'),
          junit: str('junit'),
          tap: values.tap === true,
          jobs: str('jobs'),
          startupTimeout: str('startup-timeout'),
          replay: str('replay'),
          manifest: str('manifest'),
          html: str('html'),
          isolation: str('isolation'),
          gradescope: str('gradescope'),
          github: values.github === true,
          config: str('config'),
          audience: str('audience'),
          trace: str('trace') ?? (command === 'trace' ? 'sockgrade-trace' : undefined),
        },
        out,
      );
    }
    case 'batch':
      if (rest.length !== 1) throw new UsageError(`"sockgrade batch" takes one folder, holding one sub-folder per student; got ${rest.length ? `"${rest.join(' ')}"` : 'none'}`);
      return batchCommand(
        {
          dir: rest[0] as string,
          exercise: str('exercise'),
          server: str('server'),
          client: str('client'),
          jobs: str('jobs'),
          shard: str('shard'),
          json: str('json'),
          junit: str('junit'),
          csv: str('csv'),
          out: str('out'),
          force: values.force === true,
          param: list('param'),
          only: list('only'),
          seed: str('seed'),
          isolation: str('isolation'),
          studentTimeout: str('student-timeout'),
          config: str('config'),
          trace: str('trace'),
        },
        process.stderr,
      );
    case 'merge':
      return mergeCommand(rest, { json: str('json'), junit: str('junit'), csv: str('csv') }, process.stdout);
    case 'reference':
      if (rest.length !== 2) throw new UsageError('"sockgrade reference" takes an exercise id and a role: sockgrade reference tcp-echo server --port 65432');
      return referenceCommand({
        exercise: rest[0] as string,
        role: rest[1] as string,
        param: list('param'),
        port: str('port'),
        host: str('host'),
        message: str('message'),
      });
    default:
      if (rest.length) throw new UsageError(`"sockgrade demo" takes no arguments`);
      return demoCommand(out);
  }
}

/**
 * Exits once stdout and stderr are flushed. The exit is explicit: Node's own teardown can wait
 * forever on a socket request left over from a peer that reset mid-write, and a grader must end.
 */
function finish(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(
  (code) => finish(code),
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`sockgrade: ${err.message}\n`);
    else process.stderr.write(`sockgrade: internal error (not your submission's fault): ${(err as Error)?.stack ?? String(err)}\n`);
    finish(2);
  },
);
