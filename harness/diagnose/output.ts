/** Reading a program's terminal output for reports: crash detection and a readable tail. */
import type { Program } from '../process/program.js';

const CRASH_PATTERNS: readonly { name: string; re: RegExp }[] = [
  { name: 'Python traceback', re: /Traceback \(most recent call last\):/ },
  { name: 'Python thread exception', re: /^Exception in thread .+:$/m },
  { name: 'Java exception', re: /^Exception in thread "[^"]*" [\w.$]+/m },
  { name: 'Node.js uncaught error', re: /^\s+at .+ \(.+:\d+:\d+\)$[\s\S]*?^Node\.js v\d+/m },
];

/** Where a crash report starts in `text` and what kind it is, or undefined. */
export function findCrash(text: string): { name: string; index: number; excerpt: string } | undefined {
  let best: { name: string; index: number } | undefined;
  for (const p of CRASH_PATTERNS) {
    const m = p.re.exec(text);
    if (m && (!best || m.index < best.index)) best = { name: p.name, index: m.index };
  }
  if (!best) return undefined;
  const excerpt = text.slice(best.index, best.index + 1500).split('\n').slice(0, 20).join('\n');
  return { ...best, excerpt };
}

/** The exception a Python traceback in `text` ends with, and the file and line that raised it. */
export interface CrashSummary {
  /** The exception line, e.g. `UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 …`. */
  exception: string;
  /**
   * The file of the innermost frame of the program's own code (its base name), when the
   * traceback names one: a frame in Python's library (`socket.py`, `threading.py`) is passed
   * over for the student's line that called it, unless the traceback has no other.
   */
  file?: string;
  line?: number;
}

/** A frame of Python's own library or of an installed package, not of the program. */
const LIBRARY_FRAME = /[\\/](?:lib(?:64)?[\\/]python\d[\d.]*|Lib|site-packages|dist-packages)[\\/]|^<frozen /;

/**
 * Reads the first Python traceback of `text` to its end (following chained exceptions to the
 * last one): the exception and where it was raised. Undefined when there is no complete one.
 */
export function crashSummary(text: string): CrashSummary | undefined {
  const start = text.search(/Traceback \(most recent call last\):/);
  if (start < 0) return undefined;
  let frame: { file: string; line: number } | undefined;
  let own: { file: string; line: number } | undefined;
  let found: CrashSummary | undefined;
  for (const raw of text.slice(start).replace(/\r/g, '').split('\n').slice(1)) {
    const f = /^\s+File "([^"]+)", line (\d+)/.exec(raw);
    if (f) {
      frame = { file: (f[1] as string).split(/[\\/]/).pop() as string, line: Number(f[2]) };
      if (!LIBRARY_FRAME.test(f[1] as string)) own = frame;
      continue;
    }
    if (raw.trim() === '' || /^\s/.test(raw) || /^Traceback \(most recent call last\):/.test(raw)) {
      if (/^Traceback \(most recent call last\):/.test(raw)) frame = own = undefined;
      continue;
    }
    if (/^(During handling of the above exception|The above exception was the direct cause)/.test(raw)) {
      found = undefined;
      frame = own = undefined;
      continue;
    }
    if (found) break;
    const at = own ?? frame;
    found = { exception: raw.trim().slice(0, 200), ...(at ? { file: at.file, line: at.line } : {}) };
    if (!/^[\w.]+(:|$)/.test(raw)) break;
  }
  return found;
}

/** `UnicodeDecodeError: … (servidor.py, line 12)`. */
export function describeCrash(c: CrashSummary): string {
  return c.file ? `${c.exception} (${c.file}, line ${c.line})` : c.exception;
}

/** Escapes control characters but keeps line breaks, so output reads like a terminal with `\r` and tabs visible. */
export function visibleText(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The part of a program's output worth showing: the crash if there is one, else the last lines. */
export function programOutputForReport(p: Program, maxChars = 2000): string {
  const text = p.outputText();
  if (!text) return '';
  const crash = findCrash(text);
  const body = crash && text.length > maxChars ? text.slice(Math.max(0, crash.index - 300), crash.index + maxChars - 300) : text.length > maxChars ? `…${text.slice(-maxChars)}` : text;
  const dropped = p.outputDropped > 0 ? `\n… (${p.outputDropped} more bytes of output not kept)` : '';
  return visibleText(body) + dropped;
}
