/**
 * D1 `sntp-client`: an SNTP client over UDP (the course's asks time.google.com, port 123).
 * sockgrade plays the NTP server with a random time of its choosing, so only a client that
 * really reads the reply prints it.
 */
import { defineExercise } from '../../harness/authoring.js';
import { NTP_HOST, NTP_PORT } from './course-address.js';
import { sntpClientChecks } from './client-checks.js';
import { sntpServerChecks } from './server-checks.js';
import { sntpClient as es } from './i18n/es.js';

export const sntpClient = defineExercise({
  id: 'sntp-client',
  catalogue: 'D1',
  messages: { es },
  title: 'SNTP client (and server): ask an NTP server for the time',
  contract: {
    server:
      'Binds UDP host:port (123 in the course) and answers every 48-byte client request (mode 3) with a 48-byte reply to its sender: LI 0, the request\'s version, mode 4, stratum 1-15, ' +
      "the request's transmit timestamp as originate timestamp (bytes 24-31) and its own clock, in seconds since 1900, as transmit timestamp (bytes 40-47). " +
      'Short or garbage requests never bring it down.',
    client:
      `Sends one SNTP request over UDP to the server given as {host} {port} in its command (or HOST/PORT), or to ${NTP_HOST} port ${NTP_PORT} when it hard-codes it: 48 bytes, the first 0x1b (LI 0, VN 3, mode 3), the rest zeros (or its own transmit time in bytes 40-47). ` +
      "Reads the reply, takes the transmit timestamp's seconds (word 10 of struct.unpack('!12I', reply)), subtracts 2208988800 and prints that time in UTC (as YYYY-MM-DD HH:MM:SS, or the format time-format names). " +
      'When no reply comes within a few seconds (settimeout), or the reply is shorter than 48 bytes, it prints a one-line message and exits, with no traceback.',
  },
  transport: 'udp',
  canonicalPort: NTP_PORT,
  canonicalHost: NTP_HOST,
  params: {
    'give-up': { type: 'number', default: 10, min: 1, max: 60, description: 'seconds within which a client with no reply, or a truncated one, must report it and exit' },
    'time-format': {
      type: 'enum',
      default: 'iso',
      values: ['iso', 'ctime', 'dmy', 'any'],
      description: 'how the client prints the UTC time, judged as a time: iso YYYY-MM-DD HH:MM:SS (a T, fractions or a UTC suffix allowed; the layout time.ctime() prints is read too), ctime Www Mmm DD HH:MM:SS YYYY (time.asctime(time.gmtime(s))), dmy DD/MM/YYYY HH:MM:SS, any: one of these',
    },
    'server-time': {
      type: 'string',
      default: '',
      description: 'for the reference server only (sockgrade reference sntp-client server): answer with this UTC time, YYYY-MM-DD HH:MM:SS, instead of the current time',
    },
  },
  checks: [...sntpServerChecks, ...sntpClientChecks],
});
