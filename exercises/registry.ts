/**
 * The built-in exercises by id, each loaded only when asked for: a grading loads the one exercise
 * it grades (and those its course config names), not all of them. `index.ts` holds the same
 * exercises loaded at once, for what needs every one (listing them, the tests).
 */
import type { Catalogue } from '../harness/authoring.js';
import type { Exercise } from '../harness/model/exercise.js';
import { shared } from './shared/i18n/es.js';

/** Spanish of the checks and helpers shared by several exercises (`shared/`), which the authoring API also offers. */
export const SHARED_MESSAGES = { es: shared } as const;

/** How to load each built-in exercise, in catalogue order (the order of `EXERCISES` in `index.ts`). */
export const BUILTIN_LOADERS = {
  'udp-echo': async () => (await import('./udp-echo/index.js')).udpEcho,
  'tcp-echo': async () => (await import('./tcp-echo/index.js')).tcpEcho,
  'tcp-echo-concurrent': async () => (await import('./tcp-echo-concurrent/index.js')).tcpEchoConcurrent,
  'tcp-echo-timeout': async () => (await import('./tcp-echo-timeout/index.js')).tcpEchoTimeout,
  'framed-echo': async () => (await import('./framed-echo/index.js')).framedEcho,
  'tcp-chat-ack': async () => (await import('./tcp-chat-ack/index.js')).tcpChatAck,
  'chat-1to1': async () => (await import('./chat-1to1/index.js')).chat1to1,
  'group-chat': async () => (await import('./group-chat/index.js')).groupChat,
  'file-copy': async () => (await import('./file-copy/index.js')).fileCopy,
  'mini-ftp': async () => (await import('./mini-ftp/index.js')).miniFtp,
  'sntp-client': async () => (await import('./sntp-client/index.js')).sntpClient,
  'http-get-client': async () => (await import('./http-get-client/index.js')).httpGetClient,
  'dns-lookup': async () => (await import('./dns-lookup/index.js')).dnsLookup,
  'binary-struct': async () => (await import('./binary-struct/index.js')).binaryStruct,
  'sensor-telemetry': async () => (await import('./sensor-telemetry/index.js')).sensorTelemetry,
  'reliable-udp': async () => (await import('./reliable-udp/index.js')).reliableUdp,
} as const satisfies Record<string, () => Promise<Exercise>>;

/** The ids of the built-in exercises, in catalogue order. */
export const BUILTIN_IDS: readonly string[] = Object.keys(BUILTIN_LOADERS);

/** Loads the built-in exercises among `ids`, in catalogue order; ids that are not built-in are left out. */
export async function loadBuiltins(ids: Iterable<string>): Promise<Exercise[]> {
  const wanted = new Set(ids);
  const loaders = BUILTIN_LOADERS as Record<string, () => Promise<Exercise>>;
  return Promise.all(BUILTIN_IDS.filter((id) => wanted.has(id)).map((id) => (loaders[id] as () => Promise<Exercise>)()));
}

/**
 * The Spanish catalogue of every built-in exercise, without its checks: a report in Spanish
 * translates with all of them, as diagnoses built by one exercise's helpers may come from
 * another's (mini-ftp compares files the way file-copy does).
 */
const BUILTIN_CATALOGUES: readonly (() => Promise<Catalogue>)[] = [
  async () => (await import('./udp-echo/i18n/es.js')).udpEcho,
  async () => (await import('./tcp-echo/i18n/es.js')).tcpEcho,
  async () => (await import('./framed-echo/i18n/es.js')).framedEcho,
  async () => (await import('./tcp-chat-ack/i18n/es.js')).tcpChatAck,
  async () => (await import('./chat-1to1/i18n/es.js')).chat1to1,
  async () => (await import('./group-chat/i18n/es.js')).groupChat,
  async () => (await import('./file-copy/i18n/es.js')).fileCopy,
  async () => (await import('./mini-ftp/i18n/es.js')).miniFtp,
  async () => (await import('./sntp-client/i18n/es.js')).sntpClient,
  async () => (await import('./http-get-client/i18n/es.js')).httpGetClient,
  async () => (await import('./dns-lookup/i18n/es.js')).dnsLookup,
  async () => (await import('./binary-struct/i18n/es.js')).binaryStruct,
  async () => (await import('./sensor-telemetry/i18n/es.js')).sensorTelemetry,
  async () => (await import('./reliable-udp/i18n/es.js')).reliableUdp,
];

/** Loads the Spanish catalogue of every built-in exercise. */
export function loadBuiltinCatalogues(): Promise<Catalogue[]> {
  return Promise.all(BUILTIN_CATALOGUES.map((load) => load()));
}
