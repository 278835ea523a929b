/**
 * JUnit XML, produced from the TAP stream by tap-junit (its parser and serialiser, given
 * placeholders for the texts, which are escaped here: the serialiser would take `&amp;` or
 * `&nbsp;` in a program's output for entity references), then given what CI systems need:
 * - one testcase per check, `classname` the exercise and `name` unique within it (see
 *   {@link testNames}), and a `time`;
 * - `<failure>` for the submission's mistakes, `<error>` where sockgrade itself broke, with the
 *   headline in `message` and the whole diagnosis as the element's text;
 * - the transcripts, notes and the reproduce line in the testcase's `<system-out>`;
 * - the suite's `<properties>`: the run's seed, the score, the parameters and, for failed
 *   property checks, the fast-check seed and path (the schema allows properties only on a suite).
 * `failures` counts failures only and `errors` the harness's errors, as JUnit does.
 */
import { createRequire } from 'node:module';
import type { CheckResult, GradeResult } from '../model/result.js';
import { diagnosisText, renderTap } from './tap.js';
import { testNames } from './names.js';
import { transcriptText } from './transcript-text.js';
import { propertyReplay } from './replay.js';

/** A test point as tap-parser reports it, with the fields tap-junit's serialiser reads. */
interface TapCase {
  name: string;
  id: number;
  ok: boolean;
  comments?: string;
  diag?: { message?: string; severity?: string };
}

type Serialize = (cases: TapCase[], output: unknown, opts: { name: string; classname: string; pretty: boolean }) => string;
const require = createRequire(import.meta.url);
// Loaded on first use: the XML stack is most of what a start-up would otherwise load.
const serializer = (): Serialize => require('tap-junit/src/serialize.js') as Serialize;

/** Parses a TAP document into tap-junit's test cases and summary. */
async function parseTap(tap: string): Promise<{ cases: TapCase[]; summary: unknown }> {
  const cases: TapCase[] = [];
  let comment = '';
  const { Parser } = await import('tap-parser');
  const parser = new Parser();
  parser.on('comment', (c: string) => (comment = c));
  parser.on('assert', (res: TapCase) => {
    cases.push({ ...res, comments: comment });
    comment = '';
  });
  const complete = new Promise<unknown>((resolve) => parser.on('complete', resolve));
  parser.end(tap);
  return { cases, summary: await complete };
}

/** Converts a TAP document to JUnit XML with tap-junit. */
export async function junitFromTap(tap: string, suite: string): Promise<string> {
  const { cases, summary } = await parseTap(tap);
  return serializer()(cases, summary, { name: 'sockgrade', classname: suite, pretty: true });
}

/** Characters XML 1.0 cannot carry, shown escaped instead of silently dropped. */
function xmlSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeAttr(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function escapeText(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** What goes to a testcase's `<system-out>`: notes, transcripts and how to reproduce. */
function systemOut(r: CheckResult): string {
  const parts: string[] = [];
  if (r.evidence.notes?.length) parts.push(r.evidence.notes.join('\n'));
  if (r.status === 'fail' || r.status === 'error') {
    const transcripts = r.evidence.transcripts ? transcriptText(r.evidence.transcripts) : '';
    if (transcripts) parts.push(`transcript:\n${transcripts}`);
    if (r.evidence.reproduce) parts.push(`reproduce: ${r.evidence.reproduce}`);
  }
  return parts.join('\n\n');
}

/** The suite's properties: seed, exercise, score, parameters, and the fast-check replay of failed property checks. */
export function junitProperties(result: GradeResult): [string, string][] {
  const props: [string, string][] = [
    ['seed', String(result.run.seed)],
    ['exercise', result.exercise],
    ['score', String(result.score)],
    ['max-score', String(result.maxScore)],
  ];
  for (const [k, v] of Object.entries(result.params)) props.push([`param.${k}`, String(v)]);
  for (const r of result.checks) {
    if (r.status !== 'fail') continue;
    const replay = propertyReplay(r);
    if (replay?.fastCheckSeed !== undefined) props.push([`fast-check-seed.${r.role}:${r.id}`, replay.fastCheckSeed]);
    if (replay?.path !== undefined) props.push([`fast-check-path.${r.role}:${r.id}`, replay.path]);
  }
  return props;
}

function setAttr(tag: string, name: string, value: string): string {
  const attr = ` ${name}="${escapeAttr(value)}"`;
  const re = new RegExp(` ${name}="[^"]*"`);
  return re.test(tag) ? tag.replace(re, attr) : tag.replace(/\s*(\/?>)$/, `${attr}$1`);
}

/** Rewrites the testcase `chunk` (from `<testcase` up to the next one) for check `r`. */
function finishTestcase(chunk: string, r: CheckResult, exercise: string): string {
  let out = chunk.replace(/<testcase name="([^"]*)" id="\d+"/, `<testcase name="$1" classname="${escapeAttr(exercise)}" time="${seconds(r.durationMs)}"`);
  if (r.status === 'fail' || r.status === 'error') {
    const element = r.status === 'error' ? 'error' : 'failure';
    const body = escapeText(diagnosisText(r));
    out = out.replace(/<failure ([^>]*?)\s*\/>/, (_m, attrs: string) => `<${element} ${attrs}>${body}</${element}>`);
  }
  if (r.status === 'skip') out = out.replace(/<skipped\s*\/>/, `<skipped message="${escapeAttr(r.message)}"/>`);
  return out;
}

/**
 * The result as JUnit XML. `<testsuite>` counts every check in `tests` and the skipped ones in
 * `skipped`; `<testsuites>`, where the schema allows no `skipped`, counts in `tests` only the
 * checks that ran, so a consumer that takes passes as tests − failures − errors from it does
 * not count a skipped check as passed.
 */
export async function renderJunit(result: GradeResult): Promise<string> {
  const { cases, summary } = await parseTap(renderTap(result, { comments: false }));
  if (cases.length !== result.checks.length) throw new Error(`JUnit: the TAP stream has ${cases.length} test points for ${result.checks.length} checks`);
  const names = testNames(result.checks);
  const texts = new Map<string, string>();
  const slot = (kind: string, i: number, text: string): string => {
    const key = `SOCKGRADE_${kind}_${i}`;
    texts.set(key, text);
    return key;
  };
  cases.forEach((c, i) => {
    const r = result.checks[i] as CheckResult;
    c.name = slot('NAME', i, names[i] as string);
    const out = systemOut(r);
    if (out) c.comments = slot('OUT', i, out);
    else delete c.comments;
    if (c.diag) c.diag.message = slot('MESSAGE', i, r.message.split('\n')[0] ?? '');
  });
  const skeleton = serializer()(cases, summary, { name: 'sockgrade', classname: result.exercise, pretty: true });
  const xml = skeleton.replace(/SOCKGRADE_(NAME|OUT|MESSAGE)_\d+/g, (key, kind: string) => {
    const text = texts.get(key) ?? '';
    return kind === 'OUT' ? escapeText(text) : escapeAttr(text);
  });

  const count = (s: CheckResult['status']): string => String(result.checks.filter((c) => c.status === s).length);
  const time = seconds(result.run.durationMs);
  const [head = '', ...testcases] = xml.split(/(?=<testcase )/);
  const header = head
    .replace(/<testsuites [^>]*>/, (tag) => [['tests', String(result.checks.length - Number(count('skip')))], ['failures', count('fail')], ['errors', count('error')], ['time', time]].reduce((t, [k, v]) => setAttr(t, k as string, v as string), tag))
    .replace(/( *)(<testsuite [^>]*?)(\/?)>(\r?\n?)/, (_m, indent: string, open: string, selfClosed: string) => {
      const suite = [['failures', count('fail')], ['errors', count('error')], ['skipped', count('skip')], ['time', time], ['timestamp', result.run.startedAt]].reduce((t, [k, v]) => setAttr(t, k as string, v as string), `${open}>`);
      const props = junitProperties(result).map(([k, v]) => `${indent}    <property name="${escapeAttr(k)}" value="${escapeAttr(v)}"/>`);
      return `${indent}${suite}\n${indent}  <properties>\n${props.join('\n')}\n${indent}  </properties>\n${selfClosed ? `${indent}</testsuite>\n` : ''}`;
    });
  return header + testcases.map((chunk, i) => finishTestcase(chunk, result.checks[i] as CheckResult, result.exercise)).join('');
}
