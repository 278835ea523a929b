/**
 * Every exercise sockgrade grades, keyed by id and loaded at once (for listing and the tests; a
 * grading loads only its own through `registry.ts`). Adding an exercise means adding its folder,
 * one line here and one in `registry.ts`: there is no registration by side effect.
 */
import type { Exercise } from '../harness/model/exercise.js';
import { udpEcho } from './udp-echo/index.js';
import { tcpEcho } from './tcp-echo/index.js';
import { tcpEchoConcurrent } from './tcp-echo-concurrent/index.js';
import { tcpEchoTimeout } from './tcp-echo-timeout/index.js';
import { framedEcho } from './framed-echo/index.js';
import { tcpChatAck } from './tcp-chat-ack/index.js';
import { chat1to1 } from './chat-1to1/index.js';
import { groupChat } from './group-chat/index.js';
import { fileCopy } from './file-copy/index.js';
import { miniFtp } from './mini-ftp/index.js';
import { sntpClient } from './sntp-client/index.js';
import { httpGetClient } from './http-get-client/index.js';
import { dnsLookup } from './dns-lookup/index.js';
import { binaryStruct } from './binary-struct/index.js';
import { sensorTelemetry } from './sensor-telemetry/index.js';
import { reliableUdp } from './reliable-udp/index.js';
import { SHARED_MESSAGES } from './registry.js';

/** The exercises, in catalogue order. */
export const EXERCISES = {
  'udp-echo': udpEcho,
  'tcp-echo': tcpEcho,
  'tcp-echo-concurrent': tcpEchoConcurrent,
  'tcp-echo-timeout': tcpEchoTimeout,
  'framed-echo': framedEcho,
  'tcp-chat-ack': tcpChatAck,
  'chat-1to1': chat1to1,
  'group-chat': groupChat,
  'file-copy': fileCopy,
  'mini-ftp': miniFtp,
  'sntp-client': sntpClient,
  'http-get-client': httpGetClient,
  'dns-lookup': dnsLookup,
  'binary-struct': binaryStruct,
  'sensor-telemetry': sensorTelemetry,
  'reliable-udp': reliableUdp,
} as const satisfies Record<string, Exercise>;

export { SHARED_MESSAGES };

/** An exercise id. */
export type ExerciseId = keyof typeof EXERCISES;

/** Looks an exercise up by id. */
export function findExercise(id: string): Exercise | undefined {
  return (EXERCISES as Record<string, Exercise>)[id];
}
