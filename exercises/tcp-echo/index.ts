/** A2 `tcp-echo`: a TCP echo server and client (course default port 65432). */
import { defineExercise } from '../../harness/authoring.js';
import { robustServerChecks } from '../shared/robust.js';
import { echoServerChecks, echoSession, sampleLine } from './server-checks.js';
import { echoClientChecks } from './client-checks.js';
import { echoVariantParams, quitWordCheck } from '../shared/echo-variant.js';
import { tcpEcho as es } from './i18n/es.js';

export const tcpEcho = defineExercise({
  id: 'tcp-echo',
  catalogue: 'A2',
  messages: { es },
  title: 'TCP echo server and client',
  contract: {
    server: 'Listens on TCP host:port and echoes every byte back until the client closes, then accepts the next client. Parameters set the course\'s variant: whole lines, capitals, a greeting banner, a quit word.',
    client: 'Connects, sends a message (typed or from the command line), reads until the whole echo is back, prints it.',
  },
  transport: 'tcp',
  canonicalPort: 65432,
  params: echoVariantParams,
  checks: [...echoServerChecks, quitWordCheck, ...robustServerChecks({ transport: 'tcp', session: echoSession, sample: sampleLine, sharesInstance: true }), ...echoClientChecks],
});
