/** B1 `tcp-chat-ack`: a TCP chat where the server acknowledges every message (course default port 5000). */
import { defineExercise } from '../../harness/authoring.js';
import { robustServerChecks } from '../shared/robust.js';
import type { Rng } from '../../harness/authoring.js';
import { PARAMS } from './protocol.js';
import { ackSession, serverChecks } from './server-checks.js';
import { clientChecks } from './client-checks.js';
import { tcpChatAck as es } from './i18n/es.js';

const sample = (rng: Rng): Buffer => Buffer.from(`Hola, soy ${rng.word(8)}`);

export const tcpChatAck = defineExercise({
  id: 'tcp-chat-ack',
  catalogue: 'B1',
  messages: { es },
  title: 'TCP chat with an acknowledgement per message, several clients at once',
  contract: {
    server:
      'Listens on TCP host:port; answers every message with the ack (`mensaje recibido`) and prints it with the client\'s address; serves several clients at once; a client closing ends its conversation only.',
    client:
      'Connects, sends the greeting (`Conectado con el servidor`), prints every reply, then sends each typed line and prints its reply, until the quit word (`bye`) is typed; then it closes and exits with code 0.',
  },
  transport: 'tcp',
  canonicalPort: 5000,
  params: PARAMS,
  checks: [...serverChecks, ...robustServerChecks({ transport: 'tcp', session: ackSession, sample }), ...clientChecks],
});
