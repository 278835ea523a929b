/**
 * The HTML report, opened in a real browser (headless Chromium): it renders every check, failures
 * first, a sequence diagram with arrows for failed checks, elided long data, nothing fetched from
 * outside, and no way for a submission's output to inject markup or script.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { ROOT, runCli, testDir } from './support/cli.js';
import { renderHtml } from '../harness/report/html.js';
import type { CheckResult, GradeResult } from '../harness/model/result.js';
import { CHROMIUM, needTool, whichTool } from './support/tools.js';
import { builtinExercises } from '../harness/cli/builtin-exercises.js';

// The reports localize what the loaded exercises' catalogues hold, as the CLI loads them.
builtinExercises();

const BUGGY = `python3 ${join(ROOT, 'fixtures/tcp-echo/bug-recv-once/server.py')} {port}`;

/** The Chromium binary: tests that open the page call {@link needTool} with CHROMIUM first. */
function chromium(): string {
  const cmd = whichTool(CHROMIUM);
  if (!cmd) throw new Error(`headless Chromium is needed to check that the HTML report renders: ${CHROMIUM.install}`);
  return cmd;
}

/** Runs headless Chromium on `file` with `args`; resolves with its stdout. */
function browse(file: string, args: string[]): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'sockgrade-chromium-'));
  const child = spawn(chromium(), ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--user-data-dir=${profile}`, ...args, `file://${file}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      if (code === 0) resolve(out);
      else reject(new Error(`chromium exited with ${code}: ${err.slice(-2000)}`));
    });
  });
}

const dumpDom = (file: string): Promise<string> => browse(file, ['--dump-dom']);

/** Distinct byte values in the decompressed pixel data of a PNG: a blank page has a handful. */
function pngVariety(png: Buffer): { width: number; height: number; distinct: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const pixels = inflateSync(Buffer.concat(idat));
  return { width, height, distinct: new Set(pixels).size };
}

/** Names of every attribute of every tag in `html` (values are quoted, as the report writes them). */
function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (const tag of html.matchAll(/<[a-zA-Z][\w:-]*((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    for (const a of (tag[1] ?? '').matchAll(/\s([\w:-]+)(?:="[^"]*")?/g)) names.push(a[1] as string);
  }
  return names;
}

const HOSTILE = `<script>document.body.setAttribute('data-pwned','script')</script><img src=x onerror="document.body.setAttribute('data-pwned','img')">"'><svg onload="document.body.setAttribute('data-pwned','svg')">`;

function check(over: Partial<CheckResult>): CheckResult {
  return { id: 'echo.small', title: 'echoes a short message', role: 'server', status: 'pass', points: 1, maxPoints: 1, durationMs: 12, message: '', evidence: {}, ...over };
}

/** A result with a failure carrying hostile text everywhere the submission can put some, and long data. */
function hostileResult(): GradeResult {
  const long = 'x'.repeat(3000);
  return {
    exercise: 'tcp-echo',
    params: {},
    score: 1,
    maxScore: 3,
    checks: [
      check({}),
      check({
        id: 'echo.large',
        title: 'echoes 256 KiB of binary data sent at once',
        status: 'fail',
        points: 0,
        message: `client #1 got back different bytes ${HOSTILE}`,
        evidence: {
          expected: '"hola"',
          received: `"${HOSTILE}"`,
          hint: 'loop until recv() returns b""',
          programOutput: `Traceback (most recent call last):\n${HOSTILE}\n`,
          programExit: 'exit code 1',
          reproduce: `sockgrade grade tcp-echo --server 'python3 s.py' --only echo.large --seed 7`,
          transcripts: [
            { label: 'server', entries: [{ t: 1, source: 'event', text: 'started: python3 s.py' }, { t: 40, source: 'program', text: HOSTILE, bytes: HOSTILE.length }] },
            {
              label: `client #1 ${HOSTILE}`,
              entries: [
                { t: 50, source: 'event', text: 'connected to 127.0.0.1:5000' },
                { t: 51, source: 'sent', text: long, bytes: 3000 },
                { t: 60, source: 'received', text: HOSTILE, bytes: HOSTILE.length },
                { t: 61, source: 'event', text: 'peer closed its side (FIN)' },
              ],
            },
          ],
        },
      }),
      check({ id: 'client.binary-safe', title: 'keeps multi-byte characters intact', role: 'client', status: 'skip', points: 0, message: 'no client was given (use --client "<command>")' }),
    ],
    run: { seed: 7, startedAt: '2025-01-01T00:00:00.000Z', durationMs: 900, isolation: 'off', notes: [`a note ${HOSTILE}`], commands: { server: `python3 s.py ${HOSTILE}` } },
  };
}

describe('the HTML report', () => {
  it('is one self-contained file: nothing is fetched, the only script is allowed by its hash', () => {
    const html = renderHtml(hostileResult(), 'en');
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(attributeNames(html)).toContain('data-check');
    expect(attributeNames(html).filter((a) => /^(src|href|action|srcset|on\w+)$/i.test(a))).toEqual([]);
    expect(html.match(/https?:\/\/[^\s"'<]+/g) ?? []).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-[A-Za-z0-9+/=]+'">/);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('renders in Chromium with the checks, failures first and open, and no injected markup or script', async ({ skip }) => {
    needTool(CHROMIUM, skip);
    const dir = testDir();
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(hostileResult(), 'en'));
    const dom = await dumpDom(file);
    expect(dom).toMatch(/<html lang="en" class="js">/);
    expect(dom).not.toMatch(/<body[^>]*data-pwned/);
    expect(dom).not.toMatch(/<img\b/i);
    expect(dom).toContain('&lt;script&gt;document.body.setAttribute');
    const rows = [...dom.matchAll(/<details class="check st-(\w+)"[^>]*data-check="([^"]+)"[^>]*>/g)].map((m) => [m[1], m[2], m[0].includes(' open')]);
    expect(rows).toEqual([
      ['fail', 'echo.large', true],
      ['pass', 'echo.small', false],
      ['skip', 'client.binary-safe', false],
    ]);
    const svg = dom.match(/<svg class="sequence"[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(svg.match(/<line class="arrow"/g)?.length).toBe(3);
    expect(svg).toMatch(/<g class="msg sent" data-source="sent" data-t="51">/);
    expect(svg).toMatch(/<g class="msg received" data-source="received" data-t="60">/);
    expect(svg).toMatch(/<g class="msg program" data-source="program" data-t="40">/);
    expect(svg).toContain('2960 more bytes');
    expect(svg).toMatch(/sockgrade<\/text>/);
    expect(svg).toMatch(/your program<\/text>/);
    expect(dom).toMatch(/<summary>… 2760 more bytes<\/summary>/);
    expect(dom).toContain('Transcripts are kept only for checks that fail');
  }, 90_000);

  it('speaks Spanish with --lang es', () => {
    const html = renderHtml(hostileResult(), 'es');
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Diagrama de secuencia');
    expect(html).toContain('devuelve el eco de 256 KiB de datos binarios enviados de golpe');
    expect(html).toContain('tu programa');
    expect(html).toContain('2960 bytes más');
  });
});

describe('sockgrade grade --html', () => {
  it('writes a report of a real run that Chromium renders, with a diagram of each failure', async ({ skip }) => {
    needTool(CHROMIUM, skip);
    const dir = testDir();
    const file = join(dir, 'sub', 'informe.html');
    const run = await runCli(['grade', 'tcp-echo', '--server', BUGGY, '--only', 'echo.', '--seed', '5', '--lang', 'es', '--html', file], { json: true });
    expect(run.code, run.stderr).toBe(1);
    const result = run.result as GradeResult;
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<html lang="es">');
    const dom = await dumpDom(file);
    const rows = [...dom.matchAll(/<details class="check st-(\w+)"[^>]*data-check="([^"]+)"/g)].map((m) => ({ status: m[1], id: m[2] }));
    expect(rows.map((r) => r.id).sort()).toEqual(result.checks.map((c) => c.id).sort());
    const firstPass = rows.findIndex((r) => r.status === 'pass');
    expect(rows.slice(0, firstPass).map((r) => r.id).sort()).toEqual(['echo.large', 'echo.sliced']);
    const diagrams = dom.match(/<svg class="sequence"[\s\S]*?<\/svg>/g) ?? [];
    expect(diagrams).toHaveLength(2);
    for (const svg of diagrams) expect(svg).toMatch(/<line class="arrow"/);
    expect(dom).toContain('solo recibió de vuelta');
    expect(dom).toContain('Las transcripciones solo se guardan de las comprobaciones que fallan');

    const png = join(dir, 'shot.png');
    await browse(file, ['--hide-scrollbars', '--window-size=1200,1600', `--screenshot=${png}`]);
    const shot = pngVariety(readFileSync(png));
    expect([shot.width, shot.height]).toEqual([1200, 1600]);
    expect(shot.distinct).toBeGreaterThan(32);
  }, 180_000);
});
