/** The course config (`sockgrade.config.json`): its format, its validation, and how it drives a run. */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, runCli, testDir } from './support/cli.js';
import { parseCourseConfig } from '../harness/course/config.js';
import { applyCourse } from '../harness/course/apply.js';
import { findExercise } from '../exercises/index.js';
import { builtinExercises } from '../harness/cli/builtin-exercises.js';
import { UsageError } from '../harness/model/failure.js';
import { sumPoints, type GradeResult } from '../harness/model/result.js';

const BUILTINS = builtinExercises();

/** A temporary folder, removed after the whole file. */
function tempDir(): string {
  return testDir('sockgrade-course-');
}

/** The message of the usage error `config` gets, or `undefined` when it is valid. */
function problem(config: unknown): string | undefined {
  try {
    parseCourseConfig(config, '/course/sockgrade.config.json', BUILTINS);
    return undefined;
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
}

describe('validation: every mistake is a usage error naming the place', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not an object', [], /must hold a JSON object/],
    ['an unknown top-level key', { exercise: {} }, /unknown key "exercise" \(known: course, env, exerciseDirs, exercises, trace\)/],
    ['an unknown exercise', { exercises: { 'tcp-ecoh': {} } }, /exercises\.tcp-ecoh: unknown exercise \(exercises: udp-echo, tcp-echo/],
    ['an unknown key in an exercise', { exercises: { 'tcp-echo': { weight: {} } } }, /exercises\.tcp-echo: unknown key "weight" \(known: params, weights, visibility, env\)/],
    ['an unknown parameter', { exercises: { 'tcp-echo-timeout': { params: { idel: 2 } } } }, /exercises\.tcp-echo-timeout\.params: exercise tcp-echo-timeout has no parameter "idel" \(it has: [^)]*idle/],
    ['a bad parameter value', { exercises: { 'tcp-echo-timeout': { params: { idle: 'soon' } } } }, /exercises\.tcp-echo-timeout\.params: parameter idle expects a number, got "soon"/],
    ['parameters that conflict', { exercises: { 'file-copy': { params: { transport: 'udp', variant: 'framed' } } } }, /exercises\.file-copy\.params: exercise file-copy: variant=framed cannot go with transport=udp/],
    ['a weight for an unknown check', { exercises: { 'tcp-echo': { weights: { 'echo.huge': 1 } } } }, /exercises\.tcp-echo\.weights: "echo\.huge" is not a check of tcp-echo \(its checks: echo\.small/],
    ['a weight for a check of a role that lacks it', { exercises: { 'tcp-echo': { weights: { 'client:echo.large': 1 } } } }, /"client:echo\.large" is not a check of tcp-echo for the client/],
    ['a weight for an unknown role', { exercises: { 'tcp-echo': { weights: { 'peer:echo.large': 1 } } } }, /"peer:echo\.large" names role "peer"/],
    ['a negative weight', { exercises: { 'tcp-echo': { weights: { 'echo.large': -1 } } } }, /weights\.echo\.large: must be a number of points, 0 or more, got -1/],
    ['a weight given as text', { exercises: { 'tcp-echo': { weights: { 'echo.large': '2' } } } }, /weights\.echo\.large: must be a number of points, 0 or more, got "2"/],
    ['a weight with four decimals', { exercises: { 'tcp-echo': { weights: { 'echo.large': 0.3333 } } } }, /weights\.echo\.large: has more than three decimals \(0\.3333\)/],
    ['an unknown visibility', { exercises: { 'tcp-echo': { visibility: { 'echo.large': 'secret' } } } }, /visibility\.echo\.large: must be "visible" or "hidden", got "secret"/],
    ['visibility for an unknown check', { exercises: { 'tcp-echo': { visibility: { 'echo.nope': 'hidden' } } } }, /visibility: "echo\.nope" is not a check of tcp-echo/],
  ];
  for (const [name, config, message] of cases) {
    it(name, () => {
      const msg = problem(config);
      expect(msg).toMatch(/^course config \/course\/sockgrade\.config\.json: /);
      expect(msg).toMatch(message);
    });
  }

  it('accepts a full config', () => {
    const config = {
      course: 'Redes',
      exercises: {
        'tcp-echo-timeout': { params: { idle: 3 }, weights: { 'timeout.idle-kick': 2.5 }, visibility: { 'timeout.active-not-kicked': 'hidden' } },
        'tcp-chat-ack': { weights: { 'chat.quit-word': 0.333, 'client:chat.quit-word': 0 } },
      },
    };
    expect(problem(config)).toBeUndefined();
    const parsed = parseCourseConfig(config, '/c.json', BUILTINS);
    expect(parsed.course).toBe('Redes');
    expect(parsed.exercises['tcp-echo-timeout']?.params).toEqual(['idle=3']);
  });
});

describe('applying a course to an exercise', () => {
  it('re-weights and hides checks by id, a role-qualified key winning for its role, and leaves the exercise untouched', () => {
    const exercise = findExercise('tcp-chat-ack')!;
    const course = parseCourseConfig({ exercises: { 'tcp-chat-ack': { weights: { 'chat.quit-word': 0.5, 'client:chat.quit-word': 0.25 }, visibility: { 'server:chat.ack-each-message': 'hidden' } } } }, '/c.json', BUILTINS).exercises['tcp-chat-ack'];
    const applied = applyCourse(exercise, course);
    const find = (role: string, id: string) => applied.checks.find((c) => c.role === role && c.id === id)!;
    expect(find('server', 'chat.quit-word').weight).toBe(0.5);
    expect(find('client', 'chat.quit-word').weight).toBe(0.25);
    expect(find('server', 'chat.ack-each-message').visibility).toBe('hidden');
    expect(find('client', 'chat.ack-each-message').visibility).toBeUndefined();
    expect(exercise.checks.every((c) => c.visibility === undefined)).toBe(true);
    expect(applyCourse(exercise, undefined)).toBe(exercise);
  });
});

describe('scores are exact', () => {
  it('adds fractional points in thousandths', () => {
    expect(sumPoints([0.1, 0.1, 0.1])).toBe(0.3);
    expect(sumPoints([0.333, 0.333, 0.333])).toBe(0.999);
    expect(sumPoints([0.1, 0.2, 0.333, 2.5])).toBe(3.133);
    expect(sumPoints(Array.from({ length: 1000 }, () => 0.001))).toBe(1);
  });
});

/** Runs the CLI in `cwd`. */
async function runIn(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const scratch = tempDir();
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, SOCKGRADE_TMPDIR: scratch, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((res) => child.on('close', res));
  return { code, stdout, stderr };
}

const SERVER = `python3 ${join(ROOT, 'fixtures/udp-echo/correct-loop/server.py')} {port}`;

describe.concurrent('a course config drives grade and check', () => {
  it('is found in the current folder: its weights and parameters apply, flags still win', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sockgrade.config.json'), JSON.stringify({ exercises: { 'udp-echo': { params: { 'give-up': 5 }, weights: { 'echo.roundtrip': 2.5 } } } }));
    const json = join(dir, 'r.json');
    const run = await runIn(dir, ['grade', 'udp-echo', '--server', SERVER, '--only', 'echo.roundtrip', '--json', json]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Score: 2.5/2.5');
    const result = JSON.parse(readFileSync(json, 'utf8')) as GradeResult;
    expect(result.params['give-up']).toBe(5);
    const flagged = await runIn(dir, ['grade', 'udp-echo', '--server', SERVER, '--only', 'echo.roundtrip', '--param', 'give-up=3', '--json', json]);
    expect(flagged.code).toBe(0);
    expect((JSON.parse(readFileSync(json, 'utf8')) as GradeResult).params['give-up']).toBe(3);
  });

  it("the course's parameters win over the submission's manifest", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'server.py'), readFileSync(join(ROOT, 'fixtures/udp-echo/correct-loop/server.py')));
    writeFileSync(join(dir, 'sockgrade.json'), JSON.stringify({ exercise: 'udp-echo', server: 'python3 server.py {port}', params: { 'give-up': 7 } }));
    writeFileSync(join(dir, 'sockgrade.config.json'), JSON.stringify({ exercises: { 'udp-echo': { params: { 'give-up': 4 } } } }));
    const run = await runCli(['check', '--dir', dir, '--only', 'echo.roundtrip'], { json: true });
    expect(run.code).toBe(0);
    expect(run.result!.params['give-up']).toBe(4);
  });

  const usage: [string, object, RegExp][] = [
    ['an unknown check id', { exercises: { 'udp-echo': { weights: { 'echo.roundtrips': 1 } } } }, /course config .*: exercises\.udp-echo\.weights: "echo\.roundtrips" is not a check of udp-echo/],
    ['an unknown exercise', { exercises: { 'udp-ecoh': {} } }, /course config .*: exercises\.udp-ecoh: unknown exercise/],
    ['an unknown parameter', { exercises: { 'udp-echo': { params: { giveup: 5 } } } }, /exercise udp-echo has no parameter "giveup"/],
  ];
  for (const [name, config, message] of usage) {
    it(`--config with ${name}: exit 2, one line`, async () => {
      const dir = tempDir();
      const file = join(dir, 'course.json');
      writeFileSync(file, JSON.stringify(config));
      const run = await runCli(['grade', 'udp-echo', '--server', SERVER, '--config', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    });
  }

  it('--config naming a missing file or invalid JSON: exit 2, one line', async () => {
    const dir = tempDir();
    const missing = await runCli(['grade', 'udp-echo', '--server', SERVER, '--config', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^sockgrade: course config .*nope\.json does not exist\n$/);
    writeFileSync(join(dir, 'bad.json'), '{"exercises": ');
    const bad = await runCli(['grade', 'udp-echo', '--server', SERVER, '--config', join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^sockgrade: course config .*bad\.json is not valid JSON: /);
  });
});
