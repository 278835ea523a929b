/**
 * The ways students print a UTC time, read back as an instant: ISO (`YYYY-MM-DD HH:MM:SS`, with
 * `T`, fractions or a UTC suffix), `ctime` (`Thu Mar  5 14:03:09 2026`, what `time.ctime()` and
 * `time.asctime()` print) and `DD/MM/YYYY HH:MM:SS`. A time is judged by the second it names,
 * not by its text.
 */

/** A time format a course may ask for. */
export type TimeFormat = 'iso' | 'ctime' | 'dmy';

/** Every format, in the order `any` tries them. */
export const TIME_FORMATS: readonly TimeFormat[] = ['iso', 'ctime', 'dmy'];

/** A time found in a program's output. */
export interface PrintedTime {
  text: string;
  /** Unix seconds it names (fractions dropped). */
  seconds: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const PATTERNS: Readonly<Record<TimeFormat, RegExp>> = {
  iso: /(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]00:?00| ?UTC)?/g,
  ctime: /(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})/g,
  dmy: /(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})/g,
};

/** Unix seconds of a calendar time, undefined when the fields name no real time (31/02, 25:00). */
function utc(y: number, mo: number, d: number, h: number, mi: number, s: number): number | undefined {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (Number.isNaN(ms) || back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMinutes() !== mi || back.getUTCSeconds() !== s) return undefined;
  return ms / 1000;
}

function fromMatch(format: TimeFormat, m: RegExpMatchArray): number | undefined {
  const n = (i: number): number => Number((m[i] ?? '').trim());
  switch (format) {
    case 'iso':
      return utc(n(1), n(2), n(3), n(4), n(5), n(6));
    case 'dmy':
      return utc(n(3), n(2), n(1), n(4), n(5), n(6));
    case 'ctime': {
      const s = utc(n(7), MONTHS.indexOf(m[2] ?? '') + 1, n(3), n(4), n(5), n(6));
      return s !== undefined && DAYS[new Date(s * 1000).getUTCDay()] === m[1] ? s : undefined;
    }
  }
}

/** Every time in `text` written in one of `formats`, in order of appearance. */
export function findTimes(text: string, formats: readonly TimeFormat[]): PrintedTime[] {
  const found: (PrintedTime & { at: number })[] = [];
  for (const f of formats) {
    for (const m of text.matchAll(PATTERNS[f])) {
      const seconds = fromMatch(f, m);
      if (seconds !== undefined) found.push({ text: m[0], seconds, at: m.index ?? 0 });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ text: t, seconds }) => ({ text: t, seconds }));
}

/** Unix seconds as `format` shows them in UTC, as Python prints them. */
export function formatTime(seconds: number, format: TimeFormat): string {
  const d = new Date(seconds * 1000);
  const two = (x: number): string => String(x).padStart(2, '0');
  const hms = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  switch (format) {
    case 'iso':
      return d.toISOString().slice(0, 19).replace('T', ' ');
    case 'dmy':
      return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${hms}`;
    case 'ctime':
      return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${hms} ${d.getUTCFullYear()}`;
  }
}

/**
 * The formats the `time-format` parameter accepts (`any`: all of them). `iso`, the default, also
 * reads the layout `time.ctime()` prints (as the course's own SNTP client does); `ctime` and `dmy`
 * ask for that layout alone.
 */
export function acceptedFormats(param: string): readonly TimeFormat[] {
  if (param === 'iso') return ['iso', 'ctime'];
  return param === 'any' ? TIME_FORMATS : TIME_FORMATS.filter((f) => f === param);
}
