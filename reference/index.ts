/**
 * The reference solutions, by exercise and role, loaded on demand. Each is the model of a
 * correct submission and passes every check of its exercise.
 */
import type { ReferenceClientModule, ReferenceServerModule } from './types.js';

/** Loaders for one exercise's reference roles. */
export interface ReferenceEntry {
  server?: () => Promise<ReferenceServerModule>;
  client?: () => Promise<ReferenceClientModule>;
}

/** Every reference solution. */
export const REFERENCES: Readonly<Record<string, ReferenceEntry>> = {
  'udp-echo': { server: () => import('./udp-echo/server.js'), client: () => import('./udp-echo/client.js') },
  'tcp-echo': { server: () => import('./tcp-echo/server.js'), client: () => import('./tcp-echo/client.js') },
  'tcp-echo-concurrent': { server: () => import('./tcp-echo-concurrent/server.js') },
  'tcp-echo-timeout': { server: () => import('./tcp-echo-timeout/server.js') },
  'framed-echo': { server: () => import('./framed-echo/server.js'), client: () => import('./framed-echo/client.js') },
  'tcp-chat-ack': { server: () => import('./tcp-chat-ack/server.js'), client: () => import('./tcp-chat-ack/client.js') },
  'chat-1to1': { server: () => import('./chat-1to1/server.js'), client: () => import('./chat-1to1/client.js') },
  'group-chat': { server: () => import('./group-chat/server.js'), client: () => import('./group-chat/client.js') },
  'file-copy': { server: () => import('./file-copy/server.js'), client: () => import('./file-copy/client.js') },
  'mini-ftp': { server: () => import('./mini-ftp/server.js'), client: () => import('./mini-ftp/client.js') },
  'sntp-client': { server: () => import('./sntp-client/server.js'), client: () => import('./sntp-client/client.js') },
  'http-get-client': { server: () => import('./http-get-client/server.js'), client: () => import('./http-get-client/client.js') },
  'dns-lookup': { client: () => import('./dns-lookup/client.js') },
  'binary-struct': { server: () => import('./binary-struct/server.js'), client: () => import('./binary-struct/client.js') },
  'sensor-telemetry': { server: () => import('./sensor-telemetry/server.js'), client: () => import('./sensor-telemetry/client.js') },
  'reliable-udp': { server: () => import('./reliable-udp/server.js'), client: () => import('./reliable-udp/client.js') },
};
