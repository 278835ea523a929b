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
import type { ConsoleSink } from '../report/console.js';

const USAGE = `Usage:
  sockgrade list [--json]
  sockgrade grade <exercise> --server "<cmd>" [--client "<cmd>"] [--port N] [--host H]
                  [--param key=value]... [--only <check-id-prefix>]... [--seed N]
                  [--json FILE] [--junit FILE] [--tap] [--jobs N] [--startup-timeout SECONDS]
                  [--replay PATH] [--manifest sockgrade.json]
  sockgrade reference <exercise> <server|client> [--port N] [--host H] [--param key=value]... [--message TEXT]
  sockgrade demo

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
} as const;

const OPTIONS_BY_COMMAND = {
  list: { json: { type: 'boolean' } },
  grade: GRADE_OPTIONS,
  reference: { port: { type: 'string' }, host: { type: 'string' }, param: { type: 'string', multiple: true }, message: { type: 'string' } },
  demo: {},
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
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}" (commands: list, grade, reference, demo; run "sockgrade --help")`);
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
  switch (command) {
    case 'list':
      if (rest.length) throw new UsageError(`"sockgrade list" takes no arguments, got "${rest.join(' ')}"`);
      process.stdout.write(values.json === true ? listJson() : listText());
      return 0;
    case 'grade': {
      if (rest.length !== 1) throw new UsageError(`"sockgrade grade" takes one exercise id, got ${rest.length ? `"${rest.join(' ')}"` : 'none'} (run "sockgrade list")`);
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
        },
        out,
      );
    }
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
