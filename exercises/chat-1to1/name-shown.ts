/**
 * Telling a name that was exchanged from a name that was only relayed as a message. A program
 * that exchanges no names at all still prints the first line it receives (our name) the way it
 * prints every message; a program that exchanged names shows the name with the messages
 * (`Marta42: hola`) or in a line of its own kind (`Marta42 se ha unido`).
 */

/** How the other side's name was shown: as a name, only as an ordinary message, or never. */
export type NameShown = 'as-name' | 'as-message' | 'never';

/**
 * Judges the output of a program that was sent `name` first and then `message` (sent when the
 * output was `before`; `after` is what it printed since). `prompts` are the prompts it printed
 * before lines were typed, stripped from the start of lines (typed text is not echoed, so a
 * prompt and the next printed line share a line).
 */
export function judgeNameShown(before: string, after: string, name: string, message: string, prompts: readonly string[]): NameShown {
  const at = after.indexOf(message);
  if (at >= 0) {
    const lineEnd = after.indexOf('\n', at);
    if (after.slice(0, lineEnd < 0 ? after.length : lineEnd).includes(name)) return 'as-name';
  }
  const nameLines = lines(before).filter((l) => l.includes(name));
  if (nameLines.length === 0) return after.includes(name) ? 'as-name' : 'never';
  if (at < 0) return 'as-name';
  const messageLine = lines(after).find((l) => l.includes(message)) as string;
  const shape = frame(stripPrompts(messageLine, prompts), message);
  return nameLines.some((l) => frame(stripPrompts(l, prompts), name) !== shape) ? 'as-name' : 'as-message';
}

function lines(text: string): string[] {
  return text.replace(/\r/g, '').split('\n');
}

/** The line without any leading prompt. */
function stripPrompts(line: string, prompts: readonly string[]): string {
  let out = line.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of prompts) {
      if (p !== '' && out.startsWith(p) && out.length > p.length) {
        out = out.slice(p.length).trim();
        changed = true;
      }
    }
  }
  return out;
}

/** What surrounds `value` on `line`, e.g. `Cliente: {}` for `Cliente: hola`. */
function frame(line: string, value: string): string {
  const i = line.indexOf(value);
  return `${line.slice(0, i).trim()}{}${line.slice(i + value.length).trim()}`;
}
