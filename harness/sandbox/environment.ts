/**
 * A program's environment, built from nothing: what any program needs to run (PATH, HOME,
 * locale, time zone, TERM), what sockgrade tells it (HOST, PORT… given by the caller), and never anything
 * else of sockgrade's own environment (tokens, keys and paths of the person grading).
 */

/** The system's search path; interpreters installed elsewhere are reached through `SOCKGRADE_SANDBOX_READ` and a full path. */
export const PROGRAM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The environment of a program whose home and working folder is `home`, plus `extra`. */
export function programEnvironment(home: string, extra: Readonly<Record<string, string>> = {}, grader: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const utf8 = (v: string | undefined): string | undefined => (v && /utf-?8/i.test(v) ? v : undefined);
  const lang = utf8(grader.LC_ALL) ?? utf8(grader.LANG) ?? 'C.UTF-8';
  return {
    PATH: PROGRAM_PATH,
    HOME: home,
    TMPDIR: '/tmp',
    LANG: lang,
    ...(utf8(grader.LC_ALL) ? { LC_ALL: lang } : {}),
    // The program's local time is UTC on every machine (not the grading machine's /etc/localtime,
    // nor the grader's own TZ): a time a program prints in local time is judged against the zone
    // it really used. An "env" section may still set TZ (in `extra`).
    TZ: 'UTC',
    TERM: 'dumb',
    PYTHONUNBUFFERED: '1',
    PYTHONIOENCODING: 'utf-8',
    PYTHONDONTWRITEBYTECODE: '1',
    ...extra,
  };
}
