/** B3 `group-chat`: a multi-user chat server ("Whatsapp de grupo") and its client (course default port 1045). */
import { defineExercise } from '../../harness/authoring.js';
import { robustServerChecks } from '../shared/robust.js';
import type { Rng } from '../../harness/authoring.js';
import { PARAMS } from './protocol.js';
import { groupSession, serverChecks } from './server-checks.js';
import { clientChecks } from './client-checks.js';
import { groupChat as es } from './i18n/es.js';

/** What a new client that is not a chat member sends: a nickname line. */
const sample = (rng: Rng): Buffer => Buffer.from(`invitado${rng.int(100, 999)}\n`);

export const groupChat = defineExercise({
  id: 'group-chat',
  catalogue: 'B3',
  messages: { es },
  title: 'Group chat: nicknames, broadcast, leaving, password and idle expulsion',
  contract: {
    server:
      'Line-based UTF-8 over TCP. Asks each client for a password (when `password` is set) and a nickname (`intr_apodo`), announces `<nick> se ha unido al chat` to everyone, relays every line as `<nick>: <text>` to every member (the sender too when `echo-sender` is on), removes members who send `salir` or disconnect and announces `<nick> ha salido del chat`, and expels members silent for `idle` seconds, telling them.',
    client:
      'Asks the user for a nickname and sends it when the server asks (`intr_apodo`); prints every line the server sends as it arrives, also while waiting for the user; sends each typed line; `salir` leaves the chat and ends the program with exit code 0.',
  },
  transport: 'tcp',
  canonicalPort: 1045,
  params: PARAMS,
  checks: [...serverChecks, ...robustServerChecks({ transport: 'tcp', session: groupSession, sample }), ...clientChecks],
});
