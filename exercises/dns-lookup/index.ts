/**
 * D3 `dns-lookup`: forward and reverse look-ups through the system resolver. The client runs with
 * its own hosts file holding names and addresses sockgrade chose at random; where a program
 * cannot be given one, the checks are skipped with the reason.
 */
import { defineExercise } from '../../harness/authoring.js';
import { dnsClientChecks } from './client-checks.js';
import { dnsLookup as es } from './i18n/es.js';

export const dnsLookup = defineExercise({
  id: 'dns-lookup',
  catalogue: 'D3',
  messages: { es },
  title: 'DNS look-ups: gethostbyname and gethostbyaddr',
  contract: {
    client:
      'Asks for a host name (input(), or takes it as {name} in its command) and prints the IPv4 address the system resolver gives for it (socket.gethostbyname). ' +
      'Then asks for an IPv4 address (input(), or {address}) and prints the host name registered for it (socket.gethostbyaddr(address)[0]). ' +
      'A name or address that does not resolve gets a one-line error message, not a traceback. Only the system resolver counts: the names exist only in the hosts file sockgrade gives the program.',
  },
  transport: 'udp',
  canonicalPort: 53,
  unknownNamesFail: true,
  params: {},
  checks: dnsClientChecks,
});
