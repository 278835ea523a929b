/** What changed between two gradings of the same submission (watch mode): only the checks whose verdict or diagnosis moved, and the score. */
import type { CheckResult, GradeResult } from '../model/result.js';
import { localize } from '../i18n/localize.js';
import { ui } from '../i18n/ui.js';
import { terminalSafeDeep } from './terminal-text.js';
import { consoleFailureDetails, paint, type ConsoleSink, type SummaryOptions } from './console.js';

const key = (c: CheckResult): string => `${c.role}:${c.id}`;
const failing = (c: CheckResult): boolean => c.status === 'fail' || c.status === 'error';

/**
 * Prints the changes from `before` to `after`: checks that now pass, checks that now fail (with
 * their diagnosis), checks that still fail for another reason (with the new diagnosis), a line
 * for everything unchanged, and the score next to the previous one.
 */
export function consoleChanges(sink: ConsoleSink, before: GradeResult, after: GradeResult, opts: SummaryOptions = {}): void {
  const lang = sink.lang ?? 'en';
  const words = ui(lang).watch;
  const was = new Map(terminalSafeDeep(localize(before, lang)).checks.map((c) => [key(c), c]));
  const now = terminalSafeDeep(localize(after, lang)).checks;
  let unchangedPass = 0;
  const stillFailing: string[] = [];
  let changes = 0;
  for (const c of now) {
    const old = was.get(key(c));
    if (c.status === 'skip') continue;
    if (c.status === 'pass') {
      if (old && failing(old)) {
        sink.write(`  ${paint(sink, '32', '✓')} ${c.id} ${words.nowPasses(c.points)}\n`);
        changes++;
      } else unchangedPass++;
      continue;
    }
    if (!old || !failing(old)) {
      sink.write(`  ${paint(sink, '31', '✗')} ${c.id} ${words.nowFails(c.maxPoints)}\n`);
      consoleFailureDetails(sink, c, opts);
      changes++;
    } else if (old.message !== c.message || old.evidence.programOutput !== c.evidence.programOutput) {
      sink.write(`  ${paint(sink, '31', '✗')} ${c.id} ${words.failsDifferently}\n`);
      consoleFailureDetails(sink, c, opts);
      changes++;
    } else stillFailing.push(c.id);
  }
  if (changes === 0) sink.write(`  ${words.noChange}\n`);
  if (unchangedPass > 0 || stillFailing.length > 0) sink.write(`  ${paint(sink, '90', words.unchanged(unchangedPass, stillFailing))}\n`);
  sink.write(`${paint(sink, '1', words.score(after.score, after.maxScore, before.score))}\n`);
}
