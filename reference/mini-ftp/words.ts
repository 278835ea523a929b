/** The protocol words of `mini-ftp` after parameters, for the reference programs. */
import type { ParamValues } from '../types.js';

export interface Words {
  list: string;
  get: string;
  put: string;
  exit: string;
  missing: string;
  stored: string;
  bye: string;
}

function text(params: ParamValues, key: string, fallback: string): string {
  const v = params[key];
  return typeof v === 'string' ? v : fallback;
}

export function wordsFrom(params: ParamValues): Words {
  return {
    list: text(params, 'list-command', 'list'),
    get: text(params, 'get-command', 'get'),
    put: text(params, 'put-command', 'put'),
    exit: text(params, 'exit-command', 'exit'),
    missing: text(params, 'missing-reply', 'el archivo solicitado no existe'),
    stored: text(params, 'put-reply', 'recibido'),
    bye: text(params, 'exit-reply', 'Sesion finalizada'),
  };
}

/** `get nombre con espacios` → [`get`, `nombre con espacios`]. */
export function splitCommand(line: string): [string, string] {
  const space = line.indexOf(' ');
  return space < 0 ? [line, ''] : [line.slice(0, space), line.slice(space + 1)];
}
