/**
 * Preparing a submission's command line before anything runs: programs run in a scratch
 * directory, so paths relative to where sockgrade was started are made absolute; a program or
 * script that does not exist is a usage error, said in one line, before any check runs.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../model/failure.js';
import { shellQuote } from '../engine/settings.js';

const SCRIPT = /\.(py|pyw|js|mjs|cjs|ts|rb|pl|php|jar|class|java|sh|lua)$/i;

/** Splits a command line into words the way a POSIX shell would for simple commands. */
export function shellWords(cmd: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < cmd.length) {
    while (i < cmd.length && /\s/.test(cmd[i] as string)) i++;
    if (i >= cmd.length) break;
    const start = i;
    let word = '';
    while (i < cmd.length && !/\s/.test(cmd[i] as string)) {
      const c = cmd[i] as string;
      if (c === "'") {
        const end = cmd.indexOf("'", i + 1);
        word += cmd.slice(i + 1, end < 0 ? cmd.length : end);
        i = end < 0 ? cmd.length : end + 1;
      } else if (c === '"') {
        let j = i + 1;
        while (j < cmd.length && cmd[j] !== '"') {
          if (cmd[j] === '\\' && j + 1 < cmd.length) j++;
          word += cmd[j];
          j++;
        }
        i = j + 1;
      } else if (c === '\\' && i + 1 < cmd.length) {
        word += cmd[i + 1];
        i += 2;
      } else {
        word += c;
        i++;
      }
    }
    out.push({ word, start, end: i });
  }
  return out;
}

function onPath(program: string, searchPath: string): boolean {
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      /* keep looking */
    }
  }
  return false;
}

const SHELL_SYNTAX = /[|&;<>()$`*?]/;

/**
 * Checks that `cmd` can start and rewrites relative file paths in it to absolute ones
 * (relative to `cwd`); a program named without a folder is looked for on `searchPath` (the
 * programs' PATH). Throws {@link UsageError} naming what is missing.
 */
export function prepareCommand(role: string, cmd: string, cwd: string, searchPath = process.env.PATH ?? ''): string {
  if (cmd.trim() === '') throw new UsageError(`--${role} is empty: give the command that starts your ${role}, e.g. --${role} "python3 ${role}.py {port}"`);
  const words = shellWords(cmd);
  const first = words[0]?.word ?? '';
  if (!SHELL_SYNTAX.test(cmd)) {
    const exists = first.includes('/') ? existsSync(resolve(cwd, first)) : onPath(first, searchPath) || /^(cd|exec|env|export)$/.test(first);
    if (!exists) {
      throw new UsageError(`the ${role} command starts with "${first}", which ${first.includes('/') ? `does not exist (looked in ${cwd})` : 'is not a program on PATH'}: check the spelling, or install it`);
    }
  }
  let out = '';
  let last = 0;
  for (const [index, w] of words.entries()) {
    if (w.word.includes('{') || w.word.startsWith('-')) continue;
    const abs = resolve(cwd, w.word);
    const isFile = existsSync(abs) && statSync(abs).isFile();
    if (!isFile && SCRIPT.test(w.word) && !SHELL_SYNTAX.test(w.word)) {
      throw new UsageError(`the ${role} command names ${w.word}, which does not exist${isAbsolute(w.word) ? '' : ` (looked in ${cwd})`}: check the path`);
    }
    if (isFile && !isAbsolute(w.word) && (index > 0 || w.word.includes('/'))) {
      out += cmd.slice(last, w.start) + shellQuote(abs);
      last = w.end;
    }
  }
  return out + cmd.slice(last);
}
