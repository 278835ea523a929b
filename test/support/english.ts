/**
 * Finding English left in a Spanish report: the console report is rendered in Spanish from a
 * result; the program's own output, quoted data (a Python traceback's frames included), ids,
 * commands, paths, API names, code (`snake_case` names, `if not datos: break`), environment
 * variables (`MESSAGE`), the names of HTTP headers received, and the texts of the system, of
 * Python and of Node's HTTP parser (`[Errno -2] Name or service not known`, `struct.error: ...`,
 * `Expected CRLF after version (HPE_INVALID_VERSION`) are taken out, and what remains is searched
 * for words that only English uses.
 */
import type { GradeResult } from '../../harness/model/result.js';
import type { Exercise } from '../../harness/model/exercise.js';
import { consoleCheckLine, consoleHeader, consoleSummary } from '../../harness/report/console.js';
import { addCatalogues } from '../../harness/i18n/localize.js';
import { EXERCISES, SHARED_MESSAGES } from '../../exercises/index.js';

/**
 * The console report of `result` as `sockgrade grade --lang es` prints it (without colour): with
 * the shared checks' catalogue, every built-in's (as the CLI loads them) and the exercise's own.
 */
export function spanishConsoleReport(result: GradeResult, exercise: Exercise): string {
  addCatalogues('es', [SHARED_MESSAGES.es, ...Object.values(EXERCISES).flatMap((e) => (e.messages?.es ? [e.messages.es] : [])), ...(exercise.messages?.es ? [exercise.messages.es] : [])]);
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
  // A Python traceback quoted in a diagnosis: its `File "...", line N, in f` lines and the source line under each.
  const traceback = (line: string, i: number, lines: string[]): boolean => /^\s*File ".*", line \d+/.test(line) || /^\s*File ".*", line \d+/.test(lines[i - 1] ?? '');
  return report
    .split('\n')
    .filter((line, i, lines) => !traceback(line, i, lines))
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
        .replace(/\b(struct|socket)\.error\b:?.*$/g, ' ')
        .replace(/\[Errno -?\d+\][^()]*/g, ' ')
        .replace(/^\s*During handling of the above exception, another exception occurred:$/, ' ')
        .replace(/:\s[^:]*?\(HPE_\w+/g, ': ')
        .replace(/\bif not \w+: break\b/g, ' ')
        .replace(/\bcabeceras: [\w-]+(, [\w-]+)*$/, 'cabeceras: ')
        .replace(/\b\w*_\w*\b/g, ' ')
        .replace(/\b[A-Z][A-Z0-9]{2,}\b/g, ' ')
        .replace(/\b(Connection: close|Content-Length|Host: \S+|cabecera Connection)/g, ' ')
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
    // Letters and digits together are one word: a random word of the data (`N7At7cXkvX`) holds no English.
    const words = line.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
    const english = words.filter((w) => ENGLISH.has(w));
    if (english.length > 0) found.push(`${english.join(',')}: ${line.trim()}`);
  }
  return found;
}
