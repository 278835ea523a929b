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
