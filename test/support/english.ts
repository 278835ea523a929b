/**
 * Finding English left in a Spanish report: the console report is rendered in Spanish from a
 * result, the program's own output, quoted data, ids, commands, paths, API names and the system's
 * error texts (`[Errno -2] Name or service not known`) are taken out, and what remains is searched for words that only English uses.
 */
import type { GradeResult } from '../../harness/model/result.js';
import type { Exercise } from '../../harness/model/exercise.js';
import { consoleCheckLine, consoleHeader, consoleSummary } from '../../harness/report/console.js';

/** The console report of `result` as `sockgrade grade --lang es` prints it (without colour). */
export function spanishConsoleReport(result: GradeResult, exercise: Exercise): string {
  let text = '';
  const sink = { write: (t: string) => void (text += t), color: false, lang: 'es' as const };
  consoleHeader(sink, exercise, result.run.commands, result.run.seed, { isolation: result.run.isolation });
  for (const c of result.checks) consoleCheckLine(sink, c);
  consoleSummary(sink, result, { verbose: false });
  return text;
}

/** Words that are English and never Spanish, nor names of the socket API. */
const ENGLISH = new Set(
  'the and of to with was were is are after before within which that its from when while until every only could did does has have been got sent received server client message connection closed exited waiting expected listening should would this at by than then but not your you it'.split(' '),
);

/** What is not the report's own prose: program output, commands, quoted data, ids, paths, addresses, calls. */
function prose(report: string): string[] {
  return report
    .split('\n')
    .filter((line) => !/^\s*\| /.test(line) && !/^\s*\|$/.test(line))
    .filter((line) => !/^\s*reproducir: /.test(line))
    .filter((line) => !/^ {2}(servidor|cliente|configuración del curso): /.test(line))
    .map((line) =>
      line
        .replace(/"(?:[^"\\]|\\.)*"/g, ' ')
        .replace(/'[^'\n]*'/g, ' ')
        .replace(/`[^`\n]*`/g, ' ')
        .replace(/«[^»\n]*»/g, ' ')
        .replace(/\b\w*(Error|Exception|Warning)\b:?.*$/g, ' ')
        .replace(/\[Errno -?\d+\][^()]*/g, ' ')
        .replace(/\b(Connection: close|Content-Length|Host: \S+)/g, ' ')
        .replace(/\b[\w-]+\.[\w.-]+\b/g, ' ')
        .replace(/\b\w+(?:-\w+)+\b/g, ' ')
        .replace(/(^|\s)\/\S*/g, ' ')
        .replace(/\b\w+\(\)?/g, ' ')
        .replace(/--[\w-]+(=\S*)?/g, ' ')
        .replace(/\{[\w-]+\}/g, ' '),
    );
}

/** The English words found in the prose of a Spanish report, each with its line. */
export function englishFragments(report: string): string[] {
  const found: string[] = [];
  for (const line of prose(report)) {
    const words = line.toLowerCase().match(/[a-z']+/g) ?? [];
    const english = words.filter((w) => ENGLISH.has(w));
    if (english.length > 0) found.push(`${english.join(',')}: ${line.trim()}`);
  }
  return found;
}
