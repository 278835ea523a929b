/**
 * The HTML report's sequence diagram laid out by a real browser (headless Chromium) at 1280 px
 * and at a phone's width: four connections fit or scroll inside the diagram's own box (never the
 * page), lane labels stay drawn, a large send is one arrow labelled with its size, and a crash
 * is marked on the program's lane.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDir } from './support/cli.js';
import { CHROMIUM, needTool, whichTool } from './support/tools.js';
import { renderHtml } from '../harness/report/html.js';
import type { GradeResult } from '../harness/model/result.js';
import type { TranscriptView } from '../harness/process/transcript.js';

/** `clients` client connections (four unless said); client #1 sends 256 KiB at once and gets it back in 64 pieces; the server crashes. */
function fourConnections(clients = 4): GradeResult {
  const views: TranscriptView[] = [
    { label: 'server', entries: [{ t: 1, source: 'event', text: 'started: python3 servidor.py' }, { t: 400, source: 'program', text: 'Traceback (most recent call last):\n  File "servidor.py", line 9\nConnectionResetError\n', bytes: 60 }, { t: 420, source: 'event', text: 'exited: exit code 1' }] },
  ];
  for (let c = 1; c <= clients; c++) {
    const entries: TranscriptView['entries'] = [{ t: 10 * c, source: 'event', text: 'connected to 127.0.0.1:5000' }];
    if (c === 1) {
      entries.push({ t: 50, source: 'sent', text: 'A'.repeat(300), bytes: 262144 });
      for (let i = 0; i < 64; i++) entries.push({ t: 60 + i, source: 'received', text: 'A'.repeat(40), bytes: 4096 });
    } else entries.push({ t: 50 + c, source: 'sent', text: `hola ${c}`, bytes: 6 });
    views.push({ label: `client #${c}`, entries });
  }
  return {
    exercise: 'tcp-echo-concurrent', params: {}, score: 0, maxScore: 2,
    checks: [{
      id: 'concurrency.parallel-clients', title: 'serves clients at once', role: 'server', status: 'fail', points: 0, maxPoints: 2, durationMs: 500,
      message: 'the server exited (exit code 1) while sockgrade was waiting for the echo', evidence: { transcripts: views, programExit: 'exit code 1' },
    }],
    run: { seed: 1, startedAt: '2025-01-01T00:00:00.000Z', durationMs: 900, isolation: 'off', notes: [], commands: { server: 'python3 servidor.py' } },
  };
}

/** Appended to a copy of the page (whose policy is relaxed for it): measures the layout and writes it into the DOM. */
const MEASURE = `<script>
const d = document.documentElement;
const overlaps = (b) => {
  const texts = [...b.querySelectorAll('text.side, text.time, text.lane-title, .event text.label, .end text.label')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
  const out = [];
  for (const [i, a] of texts.entries()) for (const c of texts.slice(i + 1)) if (a.r.left < c.r.right - 0.5 && c.r.left < a.r.right - 0.5 && a.r.top < c.r.bottom - 0.5 && c.r.top < a.r.bottom - 0.5) out.push(a.text + ' / ' + c.text);
  return out;
};
const boxes = [...document.querySelectorAll('.diagram')].map((b) => ({ client: b.clientWidth, scroll: b.scrollWidth, right: Math.round(b.getBoundingClientRect().right), labels: [...b.querySelectorAll('.lane-title')].map((t) => t.textContent), overlaps: overlaps(b) }));
document.body.setAttribute('data-measure', JSON.stringify({ page: d.scrollWidth, window: innerWidth, boxes }));
</script>`;

async function measure(html: string, width: number): Promise<{ page: number; window: number; boxes: { client: number; scroll: number; right: number; labels: string[]; overlaps: string[] }[] }> {
  const dir = testDir('sockgrade-layout-');
  const file = join(dir, `page-${width}.html`);
  writeFileSync(file, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace('</body>', `${MEASURE}</body>`));
  const profile = mkdtempSync(join(tmpdir(), 'sockgrade-chromium-'));
  const child = spawn(whichTool(CHROMIUM)!, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--user-data-dir=${profile}`, `--window-size=${width},900`, '--dump-dom', `file://${file}`], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise((res) => child.on('close', res));
  rmSync(profile, { recursive: true, force: true });
  const raw = /data-measure="([^"]*)"/.exec(out)?.[1];
  expect(raw, 'the page was measured').toBeDefined();
  return JSON.parse(raw!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Awaited<ReturnType<typeof measure>>;
}

describe('sequence diagram layout', () => {
  const html = renderHtml(fourConnections(), 'en');

  it('a large send is one arrow labelled with its size; the echo in 64 pieces is one arrow too; the crash is on the program\'s lane', () => {
    const arrows = [...html.matchAll(/<g class="msg (sent|received)"[\s\S]*?<\/g>/g)].map((m) => m[0]);
    const big = arrows.filter((a) => a.includes('256 KiB'));
    expect(big).toHaveLength(2);
    expect(big[1]).toContain('in 64 pieces');
    expect(arrows.filter((a) => a.includes('class="msg received"'))).toHaveLength(1);
    const crash = /<g class="msg event end crash"[\s\S]*?<\/g>/.exec(html)?.[0] ?? '';
    expect(crash).toContain('exited: exit code 1');
    const lane = /<line class="lifeline theirs" x1="(\d+)"/.exec(html)![1];
    expect(crash).toContain(`<circle cx="${lane}"`);
  });

  for (const width of [1280, 390]) {
    it(`at ${width} px the page does not scroll sideways; the diagram fits or scrolls in its own box with every lane labelled`, async ({ skip }) => {
      needTool(CHROMIUM, skip);
      const m = await measure(html, width);
      expect(m.page, 'the page is no wider than the window').toBeLessThanOrEqual(m.window);
      expect(m.boxes).toHaveLength(1);
      expect(m.boxes[0]!.right).toBeLessThanOrEqual(m.window);
      expect(m.boxes[0]!.labels).toEqual(['server', 'client #1', 'client #2', 'client #3', 'client #4']);
      if (width === 1280) expect(m.boxes[0]!.scroll, 'a program and four connections fit at 1280 px').toBeLessThanOrEqual(m.boxes[0]!.client + 1);
      expect(m.boxes[0]!.overlaps, 'no label is drawn over another').toEqual([]);
    });
  }

  it('with as many lanes as are drawn, at their narrowest, no label is drawn over another; the crash says how the program ended', async ({ skip }) => {
    needTool(CHROMIUM, skip);
    const crowded = renderHtml(fourConnections(6), 'en');
    const m = await measure(crowded, 1280);
    expect(m.boxes[0]!.labels).toEqual(['server', 'client #1', 'client #2', 'client #3', 'client #4', 'client #5']);
    expect(m.boxes[0]!.overlaps).toEqual([]);
    expect(/<g class="msg event end crash"[\s\S]*?<text class="label"[^>]*>([^<]*)<\/text>/.exec(crowded)?.[1]).toBe('exit code 1');
  });
});
