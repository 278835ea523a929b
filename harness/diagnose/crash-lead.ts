/**
 * A failed check whose program crashed is diagnosed by the crash first: the exception, and the
 * file and line that raised it, read once the program's output has settled. What the check
 * itself saw (a missing reply, a timeout) follows, as a consequence.
 */
import type { CheckResult } from '../model/result.js';
import type { Program } from '../process/program.js';
import { crashSummary, describeCrash, visibleText } from './output.js';

/** The traceback of `text` from its first line to the exception line (at most `maxLines` lines, the last ones kept). */
function tracebackText(text: string, exception: string, maxLines = 24): string | undefined {
  const start = text.search(/Traceback \(most recent call last\):/);
  if (start < 0) return undefined;
  const end = text.indexOf(exception, start);
  if (end < 0) return undefined;
  const lines = text.slice(start, end + exception.length).replace(/\r/g, '').split('\n');
  return (lines.length > maxLines ? ['…', ...lines.slice(-maxLines)] : lines).join('\n');
}

/** `result` with the crash of one of `programs` leading its diagnosis; unchanged when none crashed or it is not a failure. */
export function leadWithCrash(result: CheckResult, programs: readonly Program[]): CheckResult {
  if (result.status !== 'fail') return result;
  for (const program of [...programs].reverse()) {
    const text = program.outputText();
    const crash = crashSummary(text);
    if (!crash) continue;
    const name = crash.exception.split(':')[0] as string;
    const evidence = { ...result.evidence };
    const trace = tracebackText(text, crash.exception);
    if (trace && (evidence.received === undefined || (evidence.received.includes('Traceback (most recent call last):') && !evidence.received.includes(name)))) {
      evidence.received = visibleText(trace);
    }
    if (result.message.includes(name)) return { ...result, evidence };
    return {
      ...result,
      message: `the ${program.transcript.label} crashed: ${describeCrash(crash)}\n${result.message}`,
      evidence: { ...evidence, hint: `fix the ${name} first: the traceback's last lines name the file and line that raised it; handle that case, and the rest of this check can run` },
    };
  }
  return result;
}
