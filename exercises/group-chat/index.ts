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
      'Line-based UTF-8 over TCP. Asks each client for a password (when `password` is set) and a nickname (`intr_apodo`), announces `<nick> se ha unido al chat` to everyone, relays every line as `<nick>: <text>` to every member (the sender too when `echo-sender` is on), removes members who send `salir` or disconnect and announces `<nick> ha salido del chat`, and expels members silent for `idle` seconds, telling them. ' +
      'With `framing=raw` messages, prompts and announcements travel without newline, one per send: the server takes what one recv() returns as one message and relays it with nothing added. sockgrade then sends a message only once its previous one has been relayed, and reads what arrives as one stream (a message may come split over several recv(), several may come in one): it looks for each expected message anywhere in it, and demands that the nickname prompt and the relayed messages come with no newline after them (announcements are only looked for).',
    client:
      'Asks the user for a nickname and sends it when the server asks (`intr_apodo`); prints every line the server sends as it arrives, also while waiting for the user; sends each typed line; `salir` leaves the chat and ends the program with exit code 0. ' +
      'With `framing=raw` sockgrade sends each message without newline, in one send, once the client has printed the previous one; what the client sends (nickname, typed lines, `salir`) must be exactly what was typed, in one send, with no newline.',
  },
  transport: 'tcp',
  canonicalPort: 1045,
  params: PARAMS,
  checks: [...serverChecks, ...robustServerChecks({ transport: 'tcp', session: groupSession, sample }), ...clientChecks],
});
