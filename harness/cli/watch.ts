/**
 * Watch mode (`grade --watch`, `check --watch`): grades again whenever a file of the submission's
 * folder is saved (changes debounced; those made while a grading runs are ignored, so a program
 * that writes into its own folder cannot loop it), until Ctrl-C, which ends it with exit code 0
 * once the grading in progress has cleaned up after itself.
 */
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { shellWords } from './command-line.js';
import { setInterruptQuiet } from '../engine/interrupt.js';

/** Changes to these are not the student's saves: editor swap and backup files, bytecode, hidden files. */
const IGNORED = /(^|\/)(\.[^/]*|__pycache__|node_modules)(\/|$)|\.(pyc|pyo|swp|swx|tmp)$|~$/;

/** The folders holding the files a command names (its script, its data), else `fallback`. */
export function watchedFolders(commands: readonly string[], fallback: string): string[] {
  const dirs = new Set<string>();
  for (const cmd of commands) {
    for (const { word } of shellWords(cmd)) {
      if (!isAbsolute(word) || word.includes('{')) continue;
      if (existsSync(word) && statSync(word).isFile()) dirs.add(dirname(word));
    }
  }
  return dirs.size > 0 ? [...dirs] : [fallback];
}

/** What the loop needs from the command that runs it. */
export interface WatchLoop {
  folders: readonly string[];
  /** Files sockgrade itself writes (reports): changes to them are not saves. */
  ownFiles: readonly string[];
  /** Grades once more; `changed` names the file that was saved (undefined: the first grading). */
  gradeAgain(changed: string | undefined): Promise<void>;
  /** Says that sockgrade is waiting for a save (and how to stop). */
  waiting(): void;
  debounceMs?: number;
}

/** Grades once, then again after every save, until SIGINT or SIGTERM; resolves with the exit code (0). */
export async function watchLoop(loop: WatchLoop): Promise<number> {
  const own = new Set(loop.ownFiles.map((f) => resolve(f)));
  const watchers: FSWatcher[] = [];
  let grading = false;
  let pending: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    wake?.();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    for (const folder of loop.folders) {
      const w = watch(folder, { recursive: true }, (_event, name) => {
        if (grading || stopped || name === null) return;
        const file = resolve(folder, name.toString());
        if (IGNORED.test(name.toString()) || own.has(file)) return;
        pending = file;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => wake?.(), loop.debounceMs ?? 300);
      });
      w.on('error', () => {});
      watchers.push(w);
    }
    grading = true;
    try {
      await loop.gradeAgain(undefined);
    } finally {
      grading = false;
    }
    if (!stopped) loop.waiting();
    while (!stopped) {
      setInterruptQuiet(true);
      await new Promise<void>((res) => (wake = res));
      setInterruptQuiet(false);
      wake = undefined;
      if (stopped || pending === undefined) continue;
      const changed = pending;
      pending = undefined;
      grading = true;
      try {
        await loop.gradeAgain(basename(changed));
      } finally {
        grading = false;
      }
      if (!stopped) loop.waiting();
    }
    return 0;
  } finally {
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
    setInterruptQuiet(false);
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
