/**
 * The time sockgrade's SNTP server answers with: random, years away from the local clock, so a
 * client that prints its own clock cannot pass; and the reading of a wrong time a client printed.
 */
import type { Rng } from '../../harness/util/rng.js';
import { NTP_UNIX_OFFSET, type ReplyTimes } from './packet.js';
import { formatTime, type PrintedTime, type TimeFormat } from './time-formats.js';

const EARLIEST = Date.UTC(1985, 0, 1) / 1000;
const LATEST = Date.UTC(2035, 11, 31) / 1000;
const DAY = 86_400;

const FORMAT_NAMES: Readonly<Record<TimeFormat, string>> = { iso: 'YYYY-MM-DD HH:MM:SS', ctime: 'Www Mmm DD HH:MM:SS YYYY', dmy: 'DD/MM/YYYY HH:MM:SS' };

/** Random reply times at least 400 days from `now` (Unix seconds); fractions below one half, so rounding keeps the second. */
export function chooseReplyTimes(rng: Rng, now = Date.now() / 1000): ReplyTimes {
  let transmit = rng.int(EARLIEST, LATEST);
  while (Math.abs(transmit - now) < 400 * DAY) transmit = rng.int(EARLIEST, LATEST);
  const receiveFraction = rng.int(0, 0x3fff_ffff);
  return {
    transmit,
    receiveFraction,
    transmitFraction: receiveFraction + rng.int(0, 0x3fff_ffff),
    reference: transmit - rng.int(600, 7200),
  };
}

/** Why the times a client printed are not the server's transmit time, in one sentence, plus a hint. */
export function explainPrinted(printed: readonly PrintedTime[], times: ReplyTimes, formats: readonly TimeFormat[], now = Date.now() / 1000): { why: string; hint: string } {
  const expected = formats.map((f) => formatTime(times.transmit, f)).join(' or ');
  const standard = `read the reply with recvfrom(), take word 10 of struct.unpack('!12I', respuesta) (the transmit timestamp's seconds), subtract 2208988800 and print time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(segundos))`;
  if (printed.length === 0) {
    return { why: `the client printed no time in the form ${formats.map((f) => FORMAT_NAMES[f]).join(' or ')} after the reply (the server's time was ${expected} UTC)`, hint: standard };
  }
  for (const { text, seconds: s } of printed) {
    const fromNow = s - now;
    if (Math.abs(fromNow) < 15 * 3600 && Math.abs(fromNow - Math.round(fromNow / 1800) * 1800) < 600) {
      return { why: `the client printed ${text}, which is this computer's clock, not the time in the server's reply (${expected} UTC)`, hint: `the time must come from the reply, not from time.time() or datetime.now(): ${standard}` };
    }
    const off = s - times.transmit;
    if (off !== 0 && Math.abs(off) <= 14 * 3600 && off % 1800 === 0) {
      return { why: `the client printed ${text}, the server's time shifted by ${off / 3600} h: local time instead of UTC (expected ${expected})`, hint: 'convert with time.gmtime(), not time.localtime() or datetime.fromtimestamp()' };
    }
    if (s === times.reference) {
      return { why: `the client printed ${text}, the reply's reference timestamp (word 4: when the server's clock was last set), not its transmit timestamp (${expected})`, hint: standard };
    }
    if (s === times.transmit + NTP_UNIX_OFFSET) {
      return { why: `the client printed ${text}: the transmit timestamp without subtracting 2208988800 (seconds from 1900 to 1970); expected ${expected}`, hint: standard };
    }
  }
  return { why: `the client printed ${printed.slice(0, 3).map((p) => p.text).join(', ')}, not the time in the server's reply (${expected} UTC)`, hint: standard };
}
