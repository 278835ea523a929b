/**
 * D1 `sntp-client`: an SNTP client over UDP (the course's asks time.google.com, port 123).
 * sockgrade plays the NTP server with a random time of its choosing, so only a client that
 * really reads the reply prints it.
 */
import { defineExercise } from '../../harness/authoring.js';
import { NTP_HOST, NTP_PORT, sntpClientChecks } from './client-checks.js';
import { sntpClient as es } from './i18n/es.js';

export const sntpClient = defineExercise({
  id: 'sntp-client',
  catalogue: 'D1',
  messages: { es },
  title: 'SNTP client: ask an NTP server for the time',
  contract: {
    client:
      `Sends one SNTP request over UDP to the server given as {host} {port} in its command (or HOST/PORT), or to ${NTP_HOST} port ${NTP_PORT} when it hard-codes it: 48 bytes, the first 0x1b (LI 0, VN 3, mode 3), the rest zeros (or its own transmit time in bytes 40-47). ` +
      "Reads the reply, takes the transmit timestamp's seconds (word 10 of struct.unpack('!12I', reply)), subtracts 2208988800 and prints that time as YYYY-MM-DD HH:MM:SS in UTC. " +
      'When no reply comes within a few seconds (settimeout), or the reply is shorter than 48 bytes, it prints a one-line message and exits, with no traceback.',
  },
  transport: 'udp',
  canonicalPort: NTP_PORT,
  canonicalHost: NTP_HOST,
  params: {
    'give-up': { type: 'number', default: 10, min: 1, max: 60, description: 'seconds within which a client with no reply, or a truncated one, must report it and exit' },
    'server-time': {
      type: 'string',
      default: '',
      description: 'for the reference server only (sockgrade reference sntp-client server): answer with this UTC time, YYYY-MM-DD HH:MM:SS, instead of the current time',
    },
  },
  checks: sntpClientChecks,
});
