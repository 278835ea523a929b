/**
 * JUnit XML, produced from the TAP stream by tap-junit (its parser and serialiser), then given
 * what CI systems key tests by: a `classname` (the exercise) and a `time` on every testcase, and
 * `<error>` rather than `<failure>` where sockgrade itself broke.
 */
import { createRequire } from 'node:module';
import { Parser } from 'tap-parser';
import type { GradeResult } from '../model/result.js';
import { renderTap } from './tap.js';

type Serialize = (cases: unknown[], output: unknown, opts: { name: string; classname: string; pretty: boolean }) => string;
const require = createRequire(import.meta.url);
const serialize = require('tap-junit/src/serialize.js') as Serialize;

/** Converts a TAP document to JUnit XML with tap-junit. */
export async function junitFromTap(tap: string, suite: string): Promise<string> {
  const cases: unknown[] = [];
  let comment = '';
  const parser = new Parser();
  parser.on('comment', (c: string) => (comment = c));
  parser.on('assert', (res: object) => {
    cases.push({ comments: comment, ...res });
    comment = '';
  });
  const complete = new Promise<unknown>((resolve) => parser.on('complete', resolve));
  parser.end(tap);
  return serialize(cases, await complete, { name: 'sockgrade', classname: suite, pretty: true });
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** The result as JUnit XML. */
export async function renderJunit(result: GradeResult): Promise<string> {
  let xml = await junitFromTap(renderTap(result, { comments: false }), result.exercise);
  const errors = result.checks.filter((c) => c.status === 'error').length;
  xml = xml.replace(/<testsuites /, `<testsuites errors="${errors}" `).replace(/<testsuite /, `<testsuite errors="${errors}" `);
  let i = 0;
  xml = xml.replace(/<testcase name="([^"]*)" id="\d+"/g, (_m, name: string) => {
    const r = result.checks[i++];
    return `<testcase name="${name}" classname="${escapeAttr(result.exercise)}" time="${((r?.durationMs ?? 0) / 1000).toFixed(3)}"`;
  });
  xml = xml.replace(/<failure([^>]*)type="error"([^>]*)\/>/g, '<error$1type="error"$2/>');
  xml = xml.replace(/<failure([^>]*)type="error"([^>]*)>([\s\S]*?)<\/failure>/g, '<error$1type="error"$2>$3</error>');
  return xml;
}
