/** A5 `framed-echo`: messages framed as `NNNNNN:` + payload, echoed framed; fuzzed with fast-check. */
import { defineExercise } from '../../harness/authoring.js';
import { robustServerChecks } from '../shared/robust.js';
import { framedServerChecks, framedSession } from './server-checks.js';
import { framedClientChecks } from './client-checks.js';
import { frame } from './framing.js';
import { framedEcho as es } from './i18n/es.js';

export const framedEcho = defineExercise({
  id: 'framed-echo',
  catalogue: 'A5',
  messages: { es },
  title: 'Framed echo (six-digit length header)',
  contract: {
    server: 'For every message framed as NNNNNN: (six ASCII digits, the payload length in bytes) plus the payload, replies with the same message framed; survives malformed headers.',
    client: 'Frames the message it sends (length in bytes), reads the framed reply however it is cut, prints the payload.',
  },
  transport: 'tcp',
  canonicalPort: 65432,
  params: {
    cases: { type: 'integer', default: 25, min: 1, max: 10_000, description: 'generated cases per framing property (more finds rarer bugs, takes longer)' },
    concurrent: { type: 'boolean', default: false, description: 'also check several clients framing at the same time (framing.interleaved-clients)' },
  },
  checks: [...framedServerChecks, ...robustServerChecks({ transport: 'tcp', session: framedSession, sample: (rng) => frame(`Hola ${rng.word(8)}`), sharesInstance: true }), ...framedClientChecks],
});
