/**
 * D5 `sensor-telemetry`: a client sends periodic random sensor readings to a server that
 * decodes and answers them, over TCP or UDP, in a binary protocol the student designs and
 * declares in the `telemetry` section of sockgrade.json (a Python struct format, field names,
 * ranges, period, framing, reply). sockgrade decodes it with its own Python struct codec.
 * Parameters `model=pull` (the server asks every period, the client answers each request) and
 * `reply=none` (the server answers nothing) are variants of the same protocol.
 */
import { defineExercise } from '../../harness/authoring.js';
import { TELEMETRY_MANIFEST } from './manifest.js';
import { clientChecks } from './client-checks.js';
import { serverChecks } from './server-checks.js';
import { sensorTelemetry as es } from './i18n/es.js';

export const sensorTelemetry = defineExercise({
  id: 'sensor-telemetry',
  catalogue: 'D5',
  messages: { es },
  title: 'Periodic sensor readings in a self-declared binary protocol, over TCP or UDP',
  contract: {
    server:
      `${TELEMETRY_MANIFEST} Server: over TCP it listens on host:port and serves one client connection after another until the client closes it; readings arrive framed as declared, and one recv() may return part of a reading or several (keep a buffer). ` +
      'Over UDP it binds host:port; each datagram is one reading, from any client. For every reading it decodes, it sends one reply packed with reply.format: on the same connection with the same framing (TCP), or as one datagram to the address the reading came from (UDP); with reply=none it sends nothing back and keeps taking readings. ' +
      'With model=pull it asks: every "period" seconds on a schedule it keeps, one request packed with request.format, on each client connection (TCP) or to the address of each client\'s first reading (UDP); its reply to a reading comes before its next request.',
    client:
      'Speaks the protocol declared in the "telemetry" section of sockgrade.json (described in the server\'s contract). Client: sends readings to {host}:{port} (or HOST/PORT; course port 10001), one every "period" seconds on a schedule that does not drift (the period measured over its first readings must be within 10 % of the declared one, parameter tolerance), with random values within the declared ranges and from several sensors (the sensor field takes at least two values). ' +
      'Over TCP it uses one connection (or one per reading), framed as declared; over UDP one reading per datagram, exactly one record each. It reads the reply to each reading (with reply=none there is none, and it does not wait for one) and keeps sending until it is stopped (sockgrade watches the first readings, parameter readings, default 8). ' +
      'With model=pull it keeps no period of its own: over TCP it opens one connection, over UDP it sends one first reading unasked; then it answers each request of the server with one reading at once (within half the period, at least 300 ms), carrying the values of the request fields named like reading fields, and sends no reading unasked (sockgrade asks at irregular intervals around the period).',
  },
  transport: (p) => (p.transport === 'udp' ? 'udp' : 'tcp'),
  canonicalPort: 10001,
  params: {
    transport: { type: 'enum', default: 'tcp', values: ['tcp', 'udp'], fromSubmission: true, description: 'the version graded: tcp or udp (a submission usually sets it in sockgrade.json: "params": {"transport": "udp"})' },
    model: { type: 'enum', default: 'push', values: ['push', 'pull'], fromSubmission: true, description: 'who sets the pace: push (the client sends a reading every period) or pull (the server sends a request every period and the client answers it); a submission sets it in sockgrade.json: "params": {"model": "pull"}' },
    reply: { type: 'enum', default: 'format', values: ['format', 'none'], fromSubmission: true, description: 'the server\'s answer to each reading: format (one reply of the declared telemetry.reply format) or none (no reply: servers that do not answer); a submission sets it in sockgrade.json: "params": {"reply": "none"}' },
    readings: { type: 'integer', default: 8, min: 4, max: 40, description: 'readings of the client watched by each client check' },
    tolerance: { type: 'number', default: 0.1, min: 0.02, max: 0.5, description: 'allowed error of the measured period, as a fraction of the declared period (never under 30 ms)' },
  },
  checks: [...serverChecks, ...clientChecks],
});
