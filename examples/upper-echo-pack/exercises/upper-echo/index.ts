/**
 * P1 `upper-echo`: a TCP server that answers every line with the same line in upper case, and
 * closes a client's connection when the client sends the quit word (`DESCONEXION` by default).
 * A course's own exercise, written with the authoring API only.
 */
import { defineExercise, robustServerChecks } from 'sockgrade/authoring';
import { lineChecks, quitChecks, sampleLine, session } from './checks.js';
import { es } from './i18n/es.js';

export default defineExercise({
  id: 'upper-echo',
  catalogue: 'P1',
  title: 'Upper-case echo server that ends on a quit word',
  contract: {
    server:
      'Listens on TCP host:port; answers every line a client sends (one line per message, ending in a newline) with that line in upper case; closes the connection when the line is the quit word; keeps accepting clients.',
  },
  transport: 'tcp',
  canonicalPort: 5000,
  params: {
    quit: { type: 'string', default: 'DESCONEXION', description: 'the line that ends a client connection' },
  },
  messages: { es },
  checks: [...lineChecks, ...quitChecks, ...robustServerChecks({ transport: 'tcp', session, sample: sampleLine })],
});
