/**
 * SNTP packets (RFC 4330): the 48-byte request a client sends, the reply a server answers with,
 * and the conversion between NTP seconds (since 1900) and the `YYYY-MM-DD HH:MM:SS` UTC text a
 * client prints.
 */

/** Size of an SNTP message without extensions. */
export const NTP_PACKET_SIZE = 48;

/** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01 (Unix epoch). */
export const NTP_UNIX_OFFSET = 2_208_988_800;

/** First byte of a client request: LI 0, VN 3, mode 3 (client). */
export const CLIENT_REQUEST_BYTE = 0x1b;

/** Byte offset of the transmit timestamp (seconds word, word 10 of `!12I`). */
export const TRANSMIT_OFFSET = 40;

/** Byte offset of the reference timestamp (word 4). */
const REFERENCE_OFFSET = 16;

/** Byte offset of the originate timestamp (word 6). */
const ORIGINATE_OFFSET = 24;

/** Byte offset of the receive timestamp (word 8). */
const RECEIVE_OFFSET = 32;

/** The three fields of an NTP packet's first byte. */
export interface FirstByte {
  leap: number;
  version: number;
  mode: number;
}

/** Splits an NTP packet's first byte into leap indicator, version and mode. */
export function firstByteFields(b: number): FirstByte {
  return { leap: b >> 6, version: (b >> 3) & 7, mode: b & 7 };
}

/** `LI 0, VN 3, mode 3`. */
export function describeFirstByte(b: number): string {
  const f = firstByteFields(b);
  return `0x${b.toString(16).padStart(2, '0')} (LI ${f.leap}, VN ${f.version}, mode ${f.mode})`;
}

/** The request the course's client sends: 0x1b followed by 47 zero bytes. */
export function clientRequest(): Buffer {
  const b = Buffer.alloc(NTP_PACKET_SIZE);
  b[0] = CLIENT_REQUEST_BYTE;
  return b;
}

/** What a server puts in its reply; times are Unix seconds, fractions are 32-bit NTP fractions. */
export interface ReplyTimes {
  transmit: number;
  transmitFraction: number;
  receiveFraction: number;
  /** When the server's clock was last set (earlier than `transmit`). */
  reference: number;
}

function writeTimestamp(b: Buffer, offset: number, unixSeconds: number, fraction: number): void {
  b.writeUInt32BE((unixSeconds + NTP_UNIX_OFFSET) >>> 0, offset);
  b.writeUInt32BE(fraction >>> 0, offset + 4);
}

/**
 * A server's reply to `request`: LI 0, the request's version (3 when it is not 1–4), mode 4,
 * stratum 1, the request's transmit timestamp as originate timestamp.
 */
export function serverReply(request: Buffer, times: ReplyTimes): Buffer {
  const b = Buffer.alloc(NTP_PACKET_SIZE);
  const asked = request.length > 0 ? firstByteFields(request[0] as number).version : 0;
  const version = asked >= 1 && asked <= 4 ? asked : 3;
  b[0] = (version << 3) | 4;
  b[1] = 1;
  b[2] = 6;
  b.writeInt8(-20, 3);
  b.writeUInt32BE(0x0000_0010, 8);
  b.write('LOCL', 12, 'latin1');
  writeTimestamp(b, REFERENCE_OFFSET, times.reference, 0);
  if (request.length >= NTP_PACKET_SIZE) request.copy(b, ORIGINATE_OFFSET, TRANSMIT_OFFSET, TRANSMIT_OFFSET + 8);
  writeTimestamp(b, RECEIVE_OFFSET, times.transmit, times.receiveFraction);
  writeTimestamp(b, TRANSMIT_OFFSET, times.transmit, times.transmitFraction);
  return b;
}

/** The transmit timestamp's seconds of a reply, as Unix seconds; undefined when the reply is too short. */
export function transmitSeconds(reply: Buffer): number | undefined {
  if (reply.length < TRANSMIT_OFFSET + 4) return undefined;
  return reply.readUInt32BE(TRANSMIT_OFFSET) - NTP_UNIX_OFFSET;
}

/** Unix seconds as `YYYY-MM-DD HH:MM:SS` in UTC, as `time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(s))` prints them. */
export function formatUtc(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses `YYYY-MM-DD HH:MM:SS` (UTC) into Unix seconds; undefined when it is not such a time. */
export function parseUtc(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(ms) || formatUtc(ms / 1000) !== text.trim() ? undefined : ms / 1000;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Every time in `text`, in order, as `YYYY-MM-DD HH:MM:SS`: printed that way (or with a `T`), or
 * the way `time.ctime()`/`time.asctime()` print one (`Fri Dec 14 19:07:04 2018`), as the course's
 * own SNTP client does.
 */
export function printedTimes(text: string): string[] {
  const re = /(\d{4})-(\d{2})-(\d{2})[ T](\d{2}:\d{2}:\d{2})|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\d{1,2}) (\d{2}:\d{2}:\d{2}) (\d{4})\b/g;
  return [...text.matchAll(re)].map((m) =>
    m[1] !== undefined ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}` : `${m[8]}-${String(MONTHS.indexOf(m[5] as string) + 1).padStart(2, '0')}-${(m[6] as string).padStart(2, '0')} ${m[7]}`,
  );
}
