/**
 * `sockgrade demo` (what `npm start` runs): grades the bundled example submissions of unit A,
 * correct and buggy, prints each report, and checks every verdict is the one expected.
 */
import { tmpdir } from 'node:os';
import { defaultCheckJobs } from '../engine/settings.js';
import type { ExerciseSet } from '../course/exercise-set.js';
import { resolveParams } from '../model/params.js';
import { grade } from '../engine/run.js';
import { consoleCheckLine, consoleHeader, consoleSummary, type ConsoleSink } from '../report/console.js';
import { ui } from '../i18n/ui.js';
import { readFixture } from '../selftest/samples.js';
import { projectRoot } from '../util/project-root.js';

export { readFixture, type FixtureExpectation } from '../selftest/samples.js';
export { projectRoot } from '../util/project-root.js';

/** A bundled example: a fixture folder and the verdict it must get; `es` says what it is in Spanish. */
interface Example {
  exercise: string;
  fixture: string;
  es: string;
}

const EXAMPLES: readonly Example[] = [
  { exercise: 'udp-echo', fixture: 'udp-echo/correct-loop', es: 'Bucle simple de recvfrom/sendto con un búfer de 64 KiB; captura OSError en cada datagrama.' },
  { exercise: 'udp-echo', fixture: 'udp-echo/correct-timeout', es: 'settimeout(3); imprime la respuesta, o un mensaje y sale con 1 si vence el plazo o hay un error.' },
  { exercise: 'tcp-echo', fixture: 'tcp-echo/correct-threads', es: 'Un hilo por conexión, bucle de recv + sendall.' },
  { exercise: 'tcp-echo', fixture: 'tcp-echo/correct-input', es: 'Lee hasta tener tantos bytes como envió y decodifica una sola vez al final; conexión rechazada: una línea y sale con 1.' },
  { exercise: 'tcp-echo', fixture: 'tcp-echo/bug-recv-once', es: 'Un solo recv(1024), sendall y close: solo devuelve el primer trozo.' },
  { exercise: 'tcp-echo-concurrent', fixture: 'tcp-echo-concurrent/correct-select', es: 'Bucle de select() sobre todas las conexiones, listen(512); un error cierra solo esa conexión.' },
  { exercise: 'tcp-echo-timeout', fixture: 'tcp-echo-timeout/correct-settimeout', es: 'Iterativo; settimeout(5) en cada conexión, un recv, eco y close.' },
];

/** Runs the demo; 0 when every example got exactly its expected verdicts. */
export async function demoCommand(out: ConsoleSink, exercises: ExerciseSet): Promise<number> {
  const root = projectRoot();
  const surprises: string[] = [];
  const words = ui(out.lang);
  out.write(`${words.demoIntro(EXAMPLES.length)}\n`);
  for (const ex of EXAMPLES) {
    const exercise = exercises.find(ex.exercise);
    if (!exercise) throw new Error(`demo names unknown exercise ${ex.exercise}`);
    const fx = readFixture(root, ex.fixture);
    out.write(`\n=== ${words.demoExample} ${ex.fixture}: ${out.lang === 'es' ? ex.es : fx.about}\n`);
    const settings = {
      exercise,
      params: resolveParams(exercise.id, exercise.params, []),
      seed: 20261121,
      commands: { [fx.role]: fx.command },
      only: [],
      tmpRoot: process.env.SOCKGRADE_TMPDIR ?? tmpdir(),
      startupMs: 10_000,
      outputCapBytes: 1024 * 1024,
      jobs: defaultCheckJobs(),
    };
    consoleHeader(out, exercise, settings.commands, settings.seed);
    const result = await grade(settings, { onCheckEnd: (r) => consoleCheckLine(out, r) });
    consoleSummary(out, result);
    const failed = result.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id).sort();
    const expected = [...fx.fail].sort();
    if (failed.join(',') !== expected.join(',')) surprises.push(`${ex.fixture}: failed [${failed.join(', ')}], expected [${expected.join(', ')}]`);
    else if (expected.length) out.write(`${words.demoAsExpected(expected.join(', '))}\n`);
  }
  out.write(`\n${surprises.length === 0 ? words.demoAllExpected(EXAMPLES.length) : `${words.demoUnexpected}\n  ${surprises.join('\n  ')}`}\n`);
  return surprises.length === 0 ? 0 : 1;
}
