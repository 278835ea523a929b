/** `sockgrade reference <exercise> <role>`: run a reference server or client by hand. */
import { REFERENCES } from '../../reference/index.js';
import type { ExerciseSet } from '../course/exercise-set.js';
import { UsageError } from '../model/failure.js';
import { canonicalPortOf, resolveExerciseParams, transportOf } from '../model/exercise.js';
import { terminalSafe } from '../report/terminal-text.js';
import { didYouMean, unknownExercise } from '../util/suggest.js';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';

/** Options of `sockgrade reference`. */
export interface ReferenceOptions {
  exercise: string;
  role: string;
  port?: string;
  host?: string;
  param: string[];
  message?: string;
  /** Language of sockgrade's own lines (the reference's protocol texts are the exercise's parameters). */
  lang?: Lang;
}

/** Runs a reference role until it ends (client) or is interrupted (server); returns the exit code. */
export async function referenceCommand(exercises: ExerciseSet, opts: ReferenceOptions): Promise<number> {
  const exercise = exercises.find(opts.exercise);
  const origin = exercises.originOf(opts.exercise);
  if (origin !== undefined && origin !== 'built-in') throw new UsageError(`exercise ${opts.exercise} comes from ${origin.file}: sockgrade has reference programs for its built-in exercises only`);
  const entry = REFERENCES[opts.exercise];
  if (!exercise || !entry) throw unknownExercise(opts.exercise, Object.keys(REFERENCES));
  if (opts.role !== 'server' && opts.role !== 'client') throw new UsageError(`role must be server or client, got "${opts.role}":${didYouMean(opts.role, ['server', 'client']) || ' sockgrade reference tcp-echo server'}`);
  const load = entry[opts.role];
  if (!load) throw new UsageError(`exercise ${exercise.id} has no reference ${opts.role}`);
  const params = resolveExerciseParams(exercise, opts.param);
  const port = opts.port === undefined ? canonicalPortOf(exercise, params) : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects a port number, got "${opts.port}"`);
  const host = opts.host ?? '127.0.0.1';
  if (opts.role === 'client') {
    const mod = (await load()) as Awaited<ReturnType<NonNullable<typeof entry.client>>>;
    const code = await mod.runClient({ host, port, params, input: process.stdin, output: process.stdout, ...(opts.message !== undefined ? { message: opts.message } : {}) });
    process.stdin.destroy();
    return code;
  }
  const mod = (await load()) as Awaited<ReturnType<NonNullable<typeof entry.server>>>;
  let server;
  try {
    server = await mod.startServer({ host, port, params, log: (line) => process.stdout.write(`${terminalSafe(line)}\n`) });
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`the reference server could not listen on ${host}:${port}: ${(err as Error).message}`);
  }
  const listening = { host, port: server.port, transport: transportOf(exercise, params).toUpperCase() };
  process.stdout.write(`${terminalSafe(ui(opts.lang).referenceListening(exercise.id, listening))}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}
