/** The languages reports are written in, and how the default one is chosen from the locale. */
import { UsageError } from '../model/failure.js';

/** Languages sockgrade speaks. */
export const LANGS = ['en', 'es'] as const;

/** A language code. */
export type Lang = (typeof LANGS)[number];

function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/**
 * The language of the environment's locale, looked up the way POSIX does for messages:
 * `LC_ALL`, then `LC_MESSAGES`, then `LANG` (the first one set and not empty). `es`, `es_ES.UTF-8`
 * and the like give Spanish; anything else (including `C` and no locale) gives English.
 */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^es([_.@-]|$)/i.test(locale) ? 'es' : 'en';
}

/** The language of `--lang value`, or of the locale when not given; throws {@link UsageError} for an unknown one. */
export function chooseLang(value: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (value === undefined) return langFromEnv(env);
  const v = value.trim().toLowerCase();
  if (isLang(v)) return v;
  throw new UsageError(`--lang expects one of ${LANGS.join(', ')}, got "${value}"`);
}
