/** B2 `chat-1to1`: a synchronous two-person chat, TCP or UDP (course default ports 2085 and 2502). */
import { defineExercise } from '../../harness/authoring.js';
import { PARAMS, transportOf } from './protocol.js';
import { serverChecks } from './server-checks.js';
import { clientChecks } from './client-checks.js';
import { chat1to1 as es } from './i18n/es.js';

export const chat1to1 = defineExercise({
  id: 'chat-1to1',
  catalogue: 'B2',
  messages: { es },
  title: 'Synchronous chat between two people, over TCP or UDP',
  contract: {
    server:
      'Listens (TCP) or binds (UDP, with --param transport=udp), then asks its user for a name; sends that name to the client once, shows the client\'s name, then waits for the client\'s message, prints it and sends the line its user types, turn after turn; when the client says `exit`, it ends with exit code 0.',
    client:
      'Asks its user for a name and sends it first (over TCP after the server\'s name arrives or before, as it likes); then sends the line its user types, waits for the answer and prints it with the server\'s name, turn after turn; `exit` typed or received ends it with exit code 0. With no server, the TCP client says so in one line and exits non-zero.',
  },
  transport: (p) => transportOf(p),
  canonicalPort: (p) => (transportOf(p) === 'udp' ? 2502 : 2085),
  params: PARAMS,
  checks: [...serverChecks, ...clientChecks],
});
