/** Progress of a batch: one line rewritten in place on a terminal, plain lines otherwise. */
import { formatMs } from '../util/deadline.js';
import { scoreOf, type StudentRecord } from './records.js';
import { terminalSafe } from '../report/terminal-text.js';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import { localizeText } from '../i18n/localize.js';

/** Receives the batch's progress. */
export interface BatchProgress {
  start(total: number, reused: number): void;
  done(record: StudentRecord, reused: boolean): void;
  end(): void;
}

/** A progress reporter writing to `stream` in `lang`: in place on a TTY, one line per student otherwise. */
export function progressTo(stream: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean }, jobs: number, lang: Lang = 'en'): BatchProgress {
  const tty = Boolean(stream.isTTY);
  const words = ui(lang).batchProgress;
  let total = 0;
  let finished = 0;
  let failing = 0;
  let errors = 0;
  let gradedMs = 0;
  let graded = 0;
  const t0 = performance.now();
  const eta = (): string => {
    const left = total - finished;
    if (left === 0 || graded === 0) return '';
    return words.eta(formatMs(((gradedMs / graded) * left) / Math.max(1, Math.min(jobs, left))));
  };
  const status = (): string => `${words.status(finished, total, failing, errors)}${eta()}`;
  return {
    start(n, reused) {
      total = n;
      stream.write(`${words.start(n, reused)}\n`);
    },
    done(r, reused) {
      finished += 1;
      if (r.status === 'error') errors += 1;
      else if (r.result?.checks.some((c) => c.status === 'fail' || c.status === 'error')) failing += 1;
      if (!reused) {
        graded += 1;
        gradedMs += r.durationMs;
      }
      if (tty) {
        stream.write(`\r\x1b[2K${status()}`);
      } else if (!reused) {
        const { score, max } = scoreOf(r);
        const what = r.status === 'error' ? words.notGraded(localizeText(r.error ?? '', lang)) : `${score}/${max}`;
        stream.write(`[${finished}/${total}] ${terminalSafe(`${r.student}: ${what}`).replace(/\n/g, ' ')} (${formatMs(r.durationMs)})\n`);
      }
    },
    end() {
      if (tty) stream.write('\n');
      stream.write(`${words.done(finished, failing, errors, formatMs(performance.now() - t0))}\n`);
    },
  };
}
