/** Where in the student's own files a failure points: the script a command runs, and the line a traceback names. */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { shellWords } from '../cli/command-line.js';

/** A file of the submission, relative to `root`, and a line in it when a traceback names one. */
export interface SourceLocation {
  file: string;
  line?: number;
}

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
};

/** The first word of `command` that is an existing file under `root` (the program's script). */
export function commandScript(command: string | undefined, root: string): string | undefined {
  if (!command) return undefined;
  for (const { word } of shellWords(command)) {
    if (word.includes('{')) continue;
    const abs = resolve(root, word);
    if (inside(root, abs) && existsSync(abs) && statSync(abs).isFile()) return abs;
  }
  return undefined;
}

/**
 * The location to attach a failure to, relative to `root`: the deepest frame of a Python
 * traceback in `output` that is a file under `root`, else the command's script.
 */
export function sourceLocation(command: string | undefined, output: string | undefined, root: string): SourceLocation | undefined {
  const frames = [...(output ?? '').matchAll(/File "([^"]+)", line (\d+)/g)]
    .map((m) => ({ file: resolve(root, m[1] as string), line: Number(m[2]) }))
    .filter((f) => inside(root, f.file));
  const last = frames.at(-1);
  if (last) return { file: relative(root, last.file).split(sep).join('/'), line: last.line };
  const script = commandScript(command, root);
  return script ? { file: relative(root, script).split(sep).join('/') } : undefined;
}
