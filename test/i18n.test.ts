/**
 * Reports in Spanish and English: the catalogues translate every check title and hint of every
 * exercise, the engine's messages and (measured here) most diagnoses built at run time; the
 * console speaks the language chosen by --lang or the locale; machine formats stay English.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { CLI, ROOT, runCli, testDir } from './support/cli.js';
import { EXERCISES, SHARED_MESSAGES } from '../exercises/index.js';
import { Translator } from '../harness/i18n/catalogue.js';
import { SPANISH } from '../harness/i18n/es/index.js';
import { builtinExercises } from '../harness/cli/builtin-exercises.js';
import { chooseLang, langFromEnv } from '../harness/i18n/lang.js';
import { localize, localizeText, translatorFor } from '../harness/i18n/localize.js';
import { consoleSummary } from '../harness/report/console.js';
import { ui } from '../harness/i18n/ui.js';
import { listIndices } from '../exercises/reliable-udp/messages.js';
import { englishFragments } from './support/english.js';
import { escapeBytes } from '../harness/diagnose/bytes.js';
import type { GradeResult } from '../harness/model/result.js';

const BUGGY = `python3 ${join(ROOT, 'fixtures/tcp-echo/bug-recv-once/server.py')} {port}`;
builtinExercises();
const spanish = translatorFor('es') as Translator;
/** The harness's catalogues, the shared checks' and every exercise's own. */
const ALL_SPANISH = [...SPANISH, SHARED_MESSAGES.es, ...Object.values(EXERCISES).flatMap((e) => (e.messages?.es ? [e.messages.es] : []))];

describe('the translator', () => {
  const t = new Translator([
    {
      'the server exited ({how}) {during}': 'el servidor terminó ({how}) {during}',
      'exit code {code}': 'código de salida {code}',
      'after {event}': 'después de {event}',
      'receiving an empty datagram': 'recibir un datagrama vacío',
      'sent {data} to {{host}}': 'envió {data} a {{host}}',
      nothing: 'nada',
    },
  ]);

  it('translates exact texts and patterns, and the fragments a pattern captured', () => {
    expect(t.translate('nothing')).toBe('nada');
    expect(t.translate('the server exited (exit code 1) after receiving an empty datagram')).toBe('el servidor terminó (código de salida 1) después de recibir un datagrama vacío');
  });

  it('leaves quoted data, unknown texts and surrounding blanks alone', () => {
    expect(t.translate('sent "nothing" to {host}')).toBe('envió "nothing" a {host}');
    expect(t.translate('something new')).toBe('something new');
    expect(t.translate('  nothing\n')).toBe('  nada\n');
  });

  it('translates the note that ends long data, even inside quoted data that patterns leave alone', () => {
    const es = new Translator([{ 'sent {data} to {{host}}': 'envió {data} a {{host}}', '(+{n} more bytes)': '(+{n} bytes más)' }]);
    const data = escapeBytes(Buffer.from('x'.repeat(300)), 200);
    expect(data.endsWith('… (+100 more bytes)')).toBe(true);
    expect(es.translate(`sent "${data}" to {host}`)).toBe(`envió "${'x'.repeat(200)}… (+100 bytes más)" a {host}`);
    expect(es.translate('sent "(+3 more bytes)" to {host}')).toBe('envió "(+3 more bytes)" a {host}');
    expect(translatorFor('es')?.translate(`received: ${data}`)).toContain('… (+100 bytes más)');
  });

  it('translates a multi-line text line by line, and clause by clause, when no pattern takes it whole', () => {
    expect(t.translate('nothing\n\nexit code 3')).toBe('nada\n\ncódigo de salida 3');
    expect(t.knows('nothing\n\nexit code 3')).toBe(true);
    expect(t.translate('nothing\nunknown')).toBe('nada\nunknown');
    expect(t.knows('nothing\nunknown')).toBe(false);
    expect(t.translate('x\n(nothing; exit code 2)')).toBe('x\n(nada; código de salida 2)');
  });

  it('translates what a placeholder captured when it starts with a number, and a captured list clause by clause', () => {
    const u = new Translator([
      {
        'the copy in the folder is not exact: {shape}': 'la copia de la carpeta no es exacta: {shape}',
        '{n} newlines were inserted': 'se insertaron {n} saltos de línea',
        'missed {n} ({detail})': 'faltaron {n} ({detail})',
        'from {nick}: #{ranges}': 'de {nick}: #{ranges}',
        'and from {n} more senders': 'y de {n} remitentes más',
      },
    ]);
    expect(u.translate('the copy in the folder is not exact: 5 newlines were inserted')).toBe('la copia de la carpeta no es exacta: se insertaron 5 saltos de línea');
    expect(u.translate('the copy in the folder is not exact: 42')).toBe('la copia de la carpeta no es exacta: 42');
    expect(u.translate('missed 7 (from ana: #2–#5; from luis: #1; and from 3 more senders)')).toBe('faltaron 7 (de ana: #2–#5; de luis: #1; y de 3 remitentes más)');
    expect(u.translate('missed 7 (from ana: #2; something else)'), 'a list with an unknown clause is taken whole').toBe('faltaron 7 (de ana: #2; something else)');
  });

  it('refuses patterns that cannot be matched safely', () => {
    expect(() => new Translator([{ '{a}{b} went wrong': 'x' }])).toThrow(/side by side/);
    expect(() => new Translator([{ 'at {x}': 'en {x}' }])).toThrow(/too little literal text/);
    expect(() => new Translator([{ 'after {event}': 'tras {evento}' }])).toThrow(/uses \{evento\}/);
  });
});

describe('the Spanish catalogues', () => {
  it('compile, and never give one English text two translations', () => {
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    for (const catalogue of new Set(ALL_SPANISH)) {
      expect(() => new Translator([catalogue])).not.toThrow();
      for (const [k, v] of Object.entries(catalogue)) {
        const before = seen.get(k.trim());
        if (before !== undefined && before !== v.trim()) conflicts.push(k);
        seen.set(k.trim(), v.trim());
      }
    }
    expect(conflicts).toEqual([]);
  });

  it('translate the title, and every check title and hint, of every registered exercise', () => {
    const missing: string[] = [];
    for (const [id, ex] of Object.entries(EXERCISES)) {
      for (const text of [ex.title, ...ex.checks.flatMap((c) => [c.title, c.hint ?? ''])]) {
        if (text !== '' && !spanish.knows(text)) missing.push(`${id}: ${text}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

/** A message template found in the source: where it is, what it is, and its text with `{…}` for each interpolation. */
interface Template {
  file: string;
  kind: string;
  text: string;
}

const PROPS = new Set(['title', 'hint', 'expected', 'received']);
const CALLS = new Set(['doing', 'assertServerAlive', 'event', 'note']);
/** Calls that take a hint as a later argument: the argument's index. */
const HINT_ARGS: Record<string, number> = { expectBody: 2 };

function templatesIn(file: string): Template[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: Template[] = [];
  const braces = (s: string): string => s.replace(/\{/g, '{{').replace(/\}/g, '}}');
  const collect = (node: ts.Node, kind: string): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push({ file, kind, text: braces(node.text) });
    else if (ts.isTemplateExpression(node)) out.push({ file, kind, text: braces(node.head.text) + node.templateSpans.map((s, i) => `{v${i}}${braces(s.literal.text)}`).join('') });
    else if (ts.isConditionalExpression(node)) [node.whenTrue, node.whenFalse].forEach((n) => collect(n, kind));
    else if (ts.isParenthesizedExpression(node)) collect(node.expression, kind);
    else if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) [node.left, node.right].forEach((n) => collect(n, kind));
  };
  const visit = (n: ts.Node): void => {
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && ['CheckFailure', 'CheckSkipped'].includes(n.expression.text) && n.arguments?.[0]) collect(n.arguments[0], n.expression.text);
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && CALLS.has(n.expression.name.text) && n.arguments[0]) collect(n.arguments[0], n.expression.name.text);
    if (ts.isPropertyAssignment(n) && PROPS.has(n.name.getText(sf))) collect(n.initializer, n.name.getText(sf));
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const at = HINT_ARGS[n.expression.name.text];
      const arg = at === undefined ? undefined : n.arguments[at];
      if (arg) collect(arg, 'hint');
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Templates with words to translate (not data only), each made concrete with a stand-in for every interpolation. */
function messageTemplates(dirs: string[]): Template[] {
  const words = (s: string): boolean => /[a-z]{2,}.*\s.*[a-z]{2,}/i.test(s.replace(/\{\w+\}/g, '').replace(/"[^"]*"/g, ''));
  return dirs
    .flatMap((d) => sourceFiles(join(ROOT, d)))
    .flatMap(templatesIn)
    .filter((t) => words(t.text))
    .map((t) => ({ ...t, file: relative(ROOT, t.file) }));
}

function concrete(text: string): string {
  let i = 0;
  return text.replace(/\{\{|\}\}|\{\w+\}/g, (m) => (m === '{{' ? '{' : m === '}}' ? '}' : `‹${++i}›`));
}

/** The template with its optional suffixes (an interpolation glued to the word before it, like `closed{v1}`) left empty. */
function bare(text: string): string {
  return concrete(text.replace(/(?<=[^\s{])\{v\d+\}/g, ''));
}

function coverage(templates: Template[]): { share: number; missing: string[] } {
  const missing = templates.filter((t) => !spanish.knows(concrete(t.text)) && !spanish.knows(bare(t.text))).map((t) => `${t.file} (${t.kind}): ${t.text}`);
  return { share: templates.length === 0 ? 1 : 1 - missing.length / templates.length, missing };
}

describe('diagnoses built at run time', () => {
  const engineDirs = ['harness/engine', 'harness/net', 'harness/process', 'harness/diagnose', 'harness/fuzz', 'exercises/shared'];

  it('the engine, the harness and the shared checks: every message is translated', () => {
    const { missing } = coverage(messageTemplates(engineDirs));
    expect(missing).toEqual([]);
  });

  it('the exercises: the share of message templates translated is measured and stays high', () => {
    const dirs = Object.keys(EXERCISES).map((id) => `exercises/${id}`);
    const all = messageTemplates(dirs);
    const { share, missing } = coverage(all);
    const perExercise = dirs.map((d) => {
      const c = coverage(all.filter((t) => t.file.startsWith(`${d}/`)));
      return `${d.slice('exercises/'.length)} ${(c.share * 100).toFixed(0)}%`;
    });
    console.log(`Spanish coverage of message templates: ${(share * 100).toFixed(1)}% of ${all.length} (${perExercise.join(', ')})${missing.length ? `\nnot translated:\n  ${missing.join('\n  ')}` : ''}`);
    expect(share).toBeGreaterThanOrEqual(0.85);
  });
});

describe('choosing the language', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG; es* is Spanish, anything else English', () => {
    expect(langFromEnv({ LANG: 'es_ES.UTF-8' })).toBe('es');
    expect(langFromEnv({ LANG: 'es' })).toBe('es');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'es_ES.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: '', LC_MESSAGES: 'es_AR.UTF-8', LANG: 'en_US.UTF-8' })).toBe('es');
    expect(langFromEnv({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'estonian' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
    expect(chooseLang('ES', { LANG: 'C' })).toBe('es');
    expect(chooseLang(undefined, { LANG: 'es_ES' })).toBe('es');
    expect(() => chooseLang('fr')).toThrow(/--lang expects one of en, es, got "fr"/);
  });
});

function sampleResult(): GradeResult {
  return {
    exercise: 'tcp-echo',
    params: {},
    score: 1,
    maxScore: 3,
    checks: [
      { id: 'echo.small', title: 'echoes a short message', role: 'server', status: 'pass', points: 1, maxPoints: 1, durationMs: 5, message: '', evidence: {} },
      {
        id: 'echo.large',
        title: 'echoes 256 KiB of binary data sent at once',
        role: 'server',
        status: 'fail',
        points: 0,
        maxPoints: 1,
        durationMs: 5,
        message: 'did not finish within its time budget of 10 s; it was waiting for the server to start listening',
        evidence: { expected: '"hola"', received: 'nothing', hint: 'read with recv() and send the same bytes back with sendall()', programExit: 'exit code 1', programOutput: 'Traceback', reproduce: 'sockgrade grade tcp-echo --only echo.large --seed 1' },
      },
      { id: 'client.binary-safe', title: 'keeps multi-byte characters intact when they are split between reads', role: 'client', status: 'skip', points: 0, maxPoints: 0, durationMs: 0, message: 'no client was given (use --client "<command>")', evidence: {} },
    ],
    run: { seed: 1, startedAt: '', durationMs: 10, isolation: 'off (shared loopback; instances that share a fixed port run one at a time)', notes: [], commands: { server: 'python3 s.py' } },
  };
}

function summaryIn(lang: 'en' | 'es'): string {
  let text = '';
  consoleSummary({ write: (t) => void (text += t), color: false, lang }, sampleResult());
  return text;
}

describe('the console report in both languages', () => {
  it('English', () => {
    const out = summaryIn('en');
    for (const s of ['- client checks (1) skipped: no client was given', '\nFailure\n', 'did not finish within its time budget of 10 s', 'expected: "hola"', 'received: nothing', 'hint: read with recv()', 'the server ended: exit code 1', 'server output:', 'reproduce: sockgrade grade', 'Score: 1/3  (1 passed, 1 failed, 1 skipped;']) {
      expect(out).toContain(s);
    }
  });

  it('Spanish', () => {
    const out = summaryIn('es');
    for (const s of [
      '- comprobaciones del cliente (1) omitidas: no se indicó un cliente',
      '\nFallo\n',
      '✗ echo.large — devuelve el eco de 256 KiB de datos binarios enviados de golpe',
      'no terminó dentro de su tiempo asignado de 10 s; estaba esperando a que el servidor empezara a escuchar',
      'se esperaba: "hola"',
      'se recibió: nada',
      'pista: lee con recv() y devuelve los mismos bytes con sendall()',
      'el servidor terminó: código de salida 1',
      'salida del servidor:',
      'reproducir: sockgrade grade tcp-echo --only echo.large --seed 1',
      'Nota: 1/3  (1 superada, 1 fallida, 1 omitida;',
    ]) {
      expect(out).toContain(s);
    }
  });

  it('a reliable-udp sender through which no message got is told in the singular, with "no"', () => {
    expect(spanish.translate('the sender exited (exit code 1) when none of the 12 messages had got through (no faults); packet #0 was never sent')).toBe(
      'el emisor terminó (código de salida 1) cuando no había llegado ninguno de los 12 mensajes (sin fallos); el paquete #0 nunca se envió',
    );
    expect(spanish.translate('the sender exited (exit code 1) when only 3 of the 12 messages had got through (no faults); packet #3 was never sent')).toBe(
      'el emisor terminó (código de salida 1) cuando habían llegado solo 3 de los 12 mensajes (sin fallos); el paquete #3 nunca se envió',
    );
  });

  it('a reliable-udp list of message numbers is Spanish at every length, with "y" before the last', () => {
    for (let n = 1; n <= 12; n++) {
      const list = listIndices(Array.from({ length: n }, (_, i) => i + 3));
      const es = spanish.translate(`messages ${list} were acknowledged but never printed (no faults)`);
      expect(englishFragments(es), es).toEqual([]);
      if (n >= 2) expect(es).toMatch(n > 8 ? / y \d+ más / : / y #\d+ /);
    }
  });

  it('diagnoses whose wording varies from run to run (how many, which events happened) are Spanish in every variant', () => {
    const cases: [string, string][] = [
      ['ana missed 1 of 40 (from bob: #3)', 'a ana le faltó 1 de 40 (de bob: #3)'],
      [
        'ana missed 3 of 40 (the server closed its connection) (from bob: #1-#2; from eva: #2; from ian: #4; and from 2 more senders)',
        'a ana le faltaron 3 de 40 (el servidor cerró su conexión) (de bob: #1-#2; de eva: #2; de ian: #4; y de 2 remitentes más)',
      ],
      ['ana got some out of order (from bob: #5 arrived after #6)', 'ana recibió algunas desordenadas (de bob: el #5 llegó después del #6)'],
      [
        'the server did not print the values of the record it received (a=3, b=-7, c=1.5): it printed a ValueError and it exited (exit code 1).',
        'el servidor no imprimió los valores del registro que recibió (a=3, b=-7, c=1.5): imprimió un ValueError y terminó (código de salida 1).',
      ],
      ['the server did not print the values of the record it received (a=3, b=-7, c=1.5): it exited (exit code 1).', 'el servidor no imprimió los valores del registro que recibió (a=3, b=-7, c=1.5): terminó (código de salida 1).'],
      ['no reading arrived at 127.0.0.1:4000 (UDP) and the client exited (exit code 1)', 'no llegó ninguna lectura a 127.0.0.1:4000 (UDP) y el cliente terminó (código de salida 1)'],
      ['only 1 reading arrived at 127.0.0.1:4000 (TCP) and the client exited (exit code 1)', 'solo llegó 1 lectura a 127.0.0.1:4000 (TCP) y el cliente terminó (código de salida 1)'],
      ['only 2 readings arrived at 127.0.0.1:4000 (TCP) and the client exited (exit code 1)', 'solo 2 lecturas llegaron a 127.0.0.1:4000 (TCP) y el cliente terminó (código de salida 1)'],
      ['only 1 reading could be cut out of what the client sent: x', 'solo se pudo sacar 1 lectura de lo que envió el cliente: x'],
    ];
    for (const [en, es] of cases) expect(spanish.translate(en)).toBe(es);
  });

  it('the run header\'s isolation line is Spanish for every sandbox this machine or another may end up with', () => {
    const on = (user: string): string => `on (network, PID and mount namespaces${user}; every address is local, ports are private to this run)`;
    const sandboxes = [
      'each program in a bubblewrap sandbox (own PID, IPC, UTS, mount and user namespaces, no capabilities, read-only system, private /tmp, only its own folders in sight, a working folder of 256 MiB, an unprivileged uid of their own per instance of a program)',
      'each program in a bubblewrap sandbox (own PID, IPC, UTS, mount and user namespaces, no capabilities, read-only system, private /tmp, only its own folders in sight, a working folder of 256 MiB)',
      "programs run as an unprivileged uid of their own per instance of a program: they cannot write sockgrade's files or results nor signal it, but they see every world-readable file, every process and the network",
      'programs run as your own user with a clean environment: nothing else keeps them from your files, your processes or your network',
    ];
    for (const isolation of [on(''), on(', in a user namespace')]) {
      for (const sandbox of sandboxes) {
        const es = spanish.translate(`${isolation}; ${sandbox}`);
        expect(englishFragments(`  aislamiento: ${es}`), es).toEqual([]);
      }
    }
  });

  it('what a sequence diagram leaves out agrees in number with how many it is', () => {
    expect(ui('en').html.moreLanes(1)).toBe('1 more connection or program not drawn: see the transcripts below');
    expect(ui('en').html.moreLanes(3)).toBe('3 more connections or programs not drawn: see the transcripts below');
    expect(ui('en').html.moreEntries(1)).toBe('1 more entry not drawn: see the transcripts below');
    expect(ui('en').html.moreEntries(40)).toBe('40 more entries not drawn: see the transcripts below');
    expect(ui('es').html.moreLanes(1)).toBe('1 conexión o programa más sin dibujar: míralo en las transcripciones de abajo');
    expect(ui('es').html.moreLanes(3)).toBe('3 conexiones o programas más sin dibujar: míralos en las transcripciones de abajo');
    expect(ui('es').html.moreEntries(1)).toBe('1 entrada más sin dibujar: mírala en las transcripciones de abajo');
    expect(ui('es').html.moreEntries(40)).toBe('40 entradas más sin dibujar: míralas en las transcripciones de abajo');
  });

  it('localize() keeps ids, verdicts, data and reproduce lines, and English stays the very same object', () => {
    const r = sampleResult();
    expect(localize(r, 'en')).toBe(r);
    const es = localize(r, 'es');
    expect(es.checks.map((c) => [c.id, c.status, c.points])).toEqual(r.checks.map((c) => [c.id, c.status, c.points]));
    expect(es.checks[1]?.evidence.expected).toBe('"hola"');
    expect(es.checks[1]?.evidence.reproduce).toBe(r.checks[1]?.evidence.reproduce);
    expect(es.run.isolation).toMatch(/^desactivado/);
    expect(localizeText('echoes a short message', 'es')).toBe('devuelve el eco de un mensaje corto');
  });
});

/** Runs the CLI with `env` added to the environment; resolves with its stdout. */
function cliWithEnv(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  const scratch = testDir();
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env, SOCKGRADE_TMPDIR: scratch, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout })));
}

describe.concurrent('a real graded run', () => {
  it('--lang es prints Spanish diagnoses for failed checks; the JSON stays English', async () => {
    const run = await runCli(['grade', 'tcp-echo', '--server', BUGGY, '--only', 'echo.sliced', '--seed', '3', '--lang', 'es'], { json: true });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/✗ servidor echo\.sliced +devuelve el eco de un mensaje que llega de 1 en 1 a 7 en 7 bytes/);
    expect(run.stdout).toMatch(/\nFallo\n/);
    expect(run.stdout).toMatch(/cliente #1 solo recibió de vuelta \d+ de los \d+ bytes que envió: el servidor cerró la conexión/);
    expect(run.stdout).toContain('pista: TCP es un flujo de bytes');
    expect(run.stdout).toMatch(/Nota: 0\/1/);
    expect(run.stdout).not.toMatch(/got back only|hint:|Score:/);
    expect(run.result?.checks[0]?.message).toMatch(/^client #1 got back only/);
    const failed = run.result?.checks.filter((c) => c.status === 'fail') ?? [];
    for (const c of failed) for (const text of [c.title, c.message, c.evidence.hint ?? '']) expect(spanish.knows(text), text).toBe(true);
  });

  it('the locale chooses the language when --lang is not given, and --lang wins over it', async () => {
    const args = ['grade', 'tcp-echo', '--server', BUGGY, '--only', 'echo.small', '--seed', '3'];
    const [es, en] = await Promise.all([cliWithEnv(args, { LANG: 'es_ES.UTF-8' }), cliWithEnv([...args, '--lang', 'en'], { LANG: 'es_ES.UTF-8' })]);
    expect(es.stdout).toMatch(/✓ servidor echo\.small +devuelve el eco de un mensaje corto/);
    expect(es.stdout).toMatch(/Nota: 1\/1/);
    expect(en.stdout).toMatch(/✓ server echo\.small +echoes a short message/);
    expect(en.stdout).toMatch(/Score: 1\/1/);
  });
});
