/**
 * D5 `sensor-telemetry`: a client sends periodic random sensor readings to a server that
 * decodes and answers them, over TCP or UDP, in a binary protocol the student designs and
 * declares in the `telemetry` section of sockgrade.json (a Python struct format, field names,
 * ranges, period, framing, reply). sockgrade decodes it with its own Python struct codec.
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
      'Over UDP it binds host:port; each datagram is one reading, from any client. For every reading it decodes, it sends one reply packed with reply.format: on the same connection with the same framing (TCP), or as one datagram to the address the reading came from (UDP).',
    client:
      'Speaks the protocol declared in the "telemetry" section of sockgrade.json (described in the server\'s contract). Client: sends readings to {host}:{port} (or HOST/PORT; course port 10001), one every "period" seconds on a schedule that does not drift (the period measured over its first readings must be within 10 % of the declared one, parameter tolerance), with random values within the declared ranges and from several sensors (the sensor field takes at least two values). ' +
      'Over TCP it uses one connection (or one per reading), framed as declared; over UDP one reading per datagram, exactly one record each. It reads the reply to each reading and keeps sending until it is stopped (sockgrade watches the first readings, parameter readings, default 8).',
  },
  transport: (p) => (p.transport === 'udp' ? 'udp' : 'tcp'),
  canonicalPort: 10001,
  params: {
    transport: { type: 'enum', default: 'tcp', values: ['tcp', 'udp'], fromSubmission: true, description: 'the version graded: tcp or udp (a submission usually sets it in sockgrade.json: "params": {"transport": "udp"})' },
    readings: { type: 'integer', default: 8, min: 4, max: 40, description: 'readings of the client watched by each client check' },
    tolerance: { type: 'number', default: 0.1, min: 0.02, max: 0.5, description: 'allowed error of the measured period, as a fraction of the declared period (never under 30 ms)' },
  },
  checks: [...serverChecks, ...clientChecks],
});
