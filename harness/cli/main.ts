#!/usr/bin/env node
/**
 * The sockgrade command line: `list`, `grade`, `reference`, `demo`.
 * Exit codes: 0 every check passed, 1 some check failed, 2 usage error or harness fault.
 */
// Commands are imported when run: a grading that re-runs itself inside namespaces loads the
// exercises and the engine once, in the process that grades.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../util/project-root.js';
import { UsageError } from '../model/failure.js';
import { checkArgv } from './check-command.js';
import type { ConsoleSink } from '../report/console.js';
import { chooseLang } from '../i18n/lang.js';
import { terminalSafe } from '../report/terminal-text.js';
import { catchInterrupts, interruptExitCode, setInterruptQuiet } from '../engine/interrupt.js';
import { parseOptions } from './parse-options.js';
import { didYouMean } from '../util/suggest.js';
import { gradesInNamespace, namespaceSupport, runInNamespace } from '../isolation/namespace.js';

/** Each command's usage, shown by `sockgrade <command> --help` and, all together, by `sockgrade --help`. */
const USAGES = {
  list: `sockgrade list [--json] [--lang es|en] [--exercises DIR]... [--config FILE]
      every exercise: what a correct server and client do, roles, parameters with defaults, checks`,
  grade: `sockgrade grade <exercise> --server "<cmd>" [--client "<cmd>"] [--port N] [--host H]
                  [--param key=value]... [--only <check-id-prefix>]... [--seed N]
                  [--json FILE] [--junit FILE] [--html FILE] [--tap] [--lang es|en] [--verbose]
                  [--jobs N] [--startup-timeout SECONDS] [--watch]
                  [--replay PATH] [--manifest sockgrade.json] [--isolation auto|on|off]
                  [--gradescope FILE] [--github] [--config FILE] [--audience student|instructor]
                  [--exercises DIR]... [--trace DIR]
      --verbose prints each failed check's transcript; --watch grades again whenever a file of
      the submission's folder is saved, showing what changed (Ctrl-C ends it)`,
  trace: `sockgrade trace <exercise> [any option of grade]
      grades with --trace (default ./sockgrade-trace): one pcap per check`,
  check: `sockgrade check [--dir DIR] [any option of grade]
      grades DIR (default: here) from its sockgrade.json; --watch grades again on every save`,
  batch: `sockgrade batch <class-dir> --exercise <id> [--server "<cmd with {dir}>"] [--client "..."]
                  [--jobs N] [--shard i/n] [--csv FILE] [--json FILE] [--junit FILE]
                  [--html DIR] [--gradescope DIR] [--lang es|en] [--audience student|instructor]
                  [--out RESULTS-DIR] [--force] [--param key=value]... [--only PREFIX]...
                  [--seed N] [--isolation auto|on|off] [--student-timeout SECONDS] [--config FILE]
                  [--unsafe-no-isolation] [--exercises DIR]... [--trace DIR]
      --html DIR writes one page per student and index.html for the class; --gradescope DIR one
      results.json per student (DIR/<student>/results.json); --unsafe-no-isolation grades even
      where namespaces are refused, so submissions could reach each other's files and results`,
  merge: `sockgrade merge <class.json or results-dir>... [--csv FILE] [--json FILE] [--junit FILE]
                  [--lang es|en] [--exercises DIR]... [--config FILE]`,
  reference: `sockgrade reference <exercise> <server|client> [--port N] [--host H] [--param key=value]... [--message TEXT] [--lang es|en]
                  [--exercises DIR]...`,
  selftest: `sockgrade selftest <pack-dir> [--jobs N] [--seed N] [--config FILE]
      grades the pack's samples, fixtures/<exercise>/<name>/, with its exercises/`,
  demo: `sockgrade demo [--lang es|en]
      grades the bundled example submissions of unit A and prints their reports (npm start)`,
} as const;

const USAGE_FOOTER = `Reports speak English or Spanish: --lang es|en (default from LC_ALL, LC_MESSAGES or LANG:
es* gives Spanish). --html FILE writes a self-contained HTML report.
--exercises DIR loads a course's own exercises (DIR/<id>/index.ts or index.js) beside the
built-in ones; the course config's "exerciseDirs" does the same.
In a command, {host} and {port} are replaced by the address sockgrade chose (also given as HOST
and PORT in the environment); a server that hard-codes its port is found without being told.
Exit codes: 0 all checks passed, 1 some check failed, 2 usage error or harness fault.
sockgrade <command> --help shows one command; sockgrade --version its version.`;

const USAGE = `Usage:\n${Object.values(USAGES).map((u) => `  ${u}`).join('\n')}\n\n${USAGE_FOOTER}`;

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
  verbose: { type: 'boolean' },
  watch: { type: 'boolean' },
  exercises: { type: 'string', multiple: true },
  trace: { type: 'string' },
} as const;

const OPTIONS_BY_COMMAND = {
  list: { json: { type: 'boolean' }, lang: { type: 'string' }, exercises: { type: 'string', multiple: true }, config: { type: 'string' } },
  grade: GRADE_OPTIONS,
  reference: { port: { type: 'string' }, host: { type: 'string' }, param: { type: 'string', multiple: true }, message: { type: 'string' }, lang: { type: 'string' }, exercises: { type: 'string', multiple: true } },
  trace: GRADE_OPTIONS,
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
    'unsafe-no-isolation': { type: 'boolean' },
    lang: { type: 'string' },
    html: { type: 'string' },
    gradescope: { type: 'string' },
    audience: { type: 'string' },
    exercises: { type: 'string', multiple: true },
    trace: { type: 'string' },
  },
  merge: { json: { type: 'string' }, junit: { type: 'string' }, csv: { type: 'string' }, lang: { type: 'string' }, exercises: { type: 'string', multiple: true }, config: { type: 'string' } },
  selftest: { jobs: { type: 'string' }, seed: { type: 'string' }, config: { type: 'string' } },
} as const;

/** The version in sockgrade's package.json. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

function isCommand(c: string | undefined): c is keyof typeof OPTIONS_BY_COMMAND {
  return c !== undefined && Object.hasOwn(OPTIONS_BY_COMMAND, c);
}

async function main(argv: string[]): Promise<number> {
  const out: ConsoleSink = { write: (t) => void process.stdout.write(t), color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR };
  const command = argv[0];
  if (command === '--version' || command === '-V' || command === 'version') {
    process.stdout.write(`sockgrade ${packageVersion()}\n`);
    return 0;
  }
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    const topic = command === 'help' ? argv[1] : undefined;
    process.stdout.write(`${topic !== undefined && Object.hasOwn(USAGES, topic) ? `Usage:\n  ${USAGES[topic as keyof typeof USAGES]}` : USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (!isCommand(command) && command !== 'check') {
    const near = didYouMean(command, Object.keys(USAGES));
    throw new UsageError(`unknown command "${command}"${near ? `:${near}` : ''} (commands: ${Object.keys(USAGES).join(', ')}; run "sockgrade --help")`);
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`Usage:\n  ${USAGES[command]}\n`);
    return 0;
  }
  if (command === 'check') return main(checkArgv(argv.slice(1), GRADE_OPTIONS, process.cwd()));
  const parsed = parseOptions(command, argv.slice(1), OPTIONS_BY_COMMAND[command]);
  const values = parsed.values as Record<string, unknown>;
  if (command !== 'reference' && values.watch !== true) catchInterrupts();
  const rest = parsed.positionals;
  const str = (k: string): string | undefined => (typeof values[k] === 'string' ? values[k] : undefined);
  const list = (k: string): string[] => (Array.isArray(values[k]) ? (values[k] as string[]) : []);
  out.lang = chooseLang(str('lang'));
  switch (command) {
    case 'list':
      if (rest.length) throw new UsageError(`"sockgrade list" takes no arguments, got "${rest.join(' ')}"`);
      {
        const { openCourse } = await import('./exercises.js');
        const { listJson, listText } = await import('./list-command.js');
        const { exercises } = await openCourse({ exerciseDirs: list('exercises'), config: str('config'), cwd: process.cwd() });
        process.stdout.write(values.json === true ? listJson(exercises) : listText(exercises, out.lang));
      }
      return 0;
    case 'trace':
    case 'grade': {
      if (rest.length !== 1) throw new UsageError(`"sockgrade ${command}" takes one exercise id, got ${rest.length ? `"${rest.join(' ')}"` : 'none'} (run "sockgrade list")`);
      // Before loading anything else: the process inside checks the options and reports usage errors.
      if (gradesInNamespace(str('isolation'))) {
        if (values.watch === true) setInterruptQuiet(true);
        return runInNamespace([...process.execArgv, ...process.argv.slice(1)], namespaceSupport());
      }
      const { gradeCommand } = await import('./grade-command.js');
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
          verbose: values.verbose === true,
          watch: values.watch === true,
          exercises: list('exercises'),
          trace: str('trace') ?? (command === 'trace' ? 'sockgrade-trace' : undefined),
        },
        out,
      );
    }
    case 'batch':
      if (rest.length !== 1) throw new UsageError(`"sockgrade batch" takes one folder, holding one sub-folder per student; got ${rest.length ? `"${rest.join(' ')}"` : 'none'}`);
      return (await import('./batch-command.js')).batchCommand(
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
          unsafeNoIsolation: values['unsafe-no-isolation'] === true,
          lang: out.lang ?? 'en',
          html: str('html'),
          gradescope: str('gradescope'),
          audience: str('audience'),
          exercises: list('exercises'),
          trace: str('trace'),
        },
        process.stderr,
      );
    case 'merge': {
      const { openCourse } = await import('./exercises.js');
      return (await import('./batch-command.js')).mergeCommand(rest, { json: str('json'), junit: str('junit'), csv: str('csv') }, process.stdout, await openCourse({ exerciseDirs: list('exercises'), config: str('config'), cwd: process.cwd() }), out.lang ?? 'en');
    }
    case 'selftest':
      if (rest.length !== 1) throw new UsageError(`"sockgrade selftest" takes one course pack folder (holding exercises/ and fixtures/), got ${rest.length ? `"${rest.join(' ')}"` : 'none'}`);
      return (await import('./selftest-command.js')).selftestCommand({ dir: rest[0] as string, jobs: str('jobs'), seed: str('seed'), config: str('config') }, process.stdout);
    case 'reference':
      if (rest.length !== 2) throw new UsageError('"sockgrade reference" takes an exercise id and a role: sockgrade reference tcp-echo server --port 65432');
      return (await import('./reference-command.js')).referenceCommand((await (await import('./exercises.js')).openCourse({ exerciseDirs: list('exercises'), config: undefined, cwd: process.cwd() })).exercises, {
        exercise: rest[0] as string,
        role: rest[1] as string,
        param: list('param'),
        port: str('port'),
        host: str('host'),
        message: str('message'),
        ...(out.lang ? { lang: out.lang } : {}),
      });
    default:
      if (rest.length) throw new UsageError(`"sockgrade demo" takes no arguments`);
      return (await import('./demo-command.js')).demoCommand(out, (await import('./builtin-exercises.js')).builtinExercises());
  }
}

/**
 * Exits once stdout and stderr are flushed. The exit is explicit: Node's own teardown can wait
 * forever on a socket request left over from a peer that reset mid-write, and a grader must end.
 */
function finish(code: number): void {
  code = interruptExitCode() ?? code;
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

// A reader that goes away (`sockgrade grade ... | head`) ends the output, not the run: the grading
// goes on to its end, writes its report files and removes what it started.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

main(process.argv.slice(2)).then(
  (code) => finish(code),
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`sockgrade: ${terminalSafe(err.message)}\n`);
    else process.stderr.write(`sockgrade: internal error (not your submission's fault): ${terminalSafe((err as Error)?.stack ?? String(err))}\n`);
    finish(2);
  },
);
