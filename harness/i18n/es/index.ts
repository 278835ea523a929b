/**
 * The Spanish catalogues: the engine's and harness's messages, the shared checks', and one per
 * exercise (keyed by the exercise's English texts, so exercises stay written in English only).
 */
import type { Catalogue } from '../catalogue.js';
import { common } from './common.js';
import { shared } from './shared.js';
import { udpEcho } from './udp-echo.js';
import { tcpEcho } from './tcp-echo.js';
import { framedEcho } from './framed-echo.js';
import { tcpChatAck } from './tcp-chat-ack.js';
import { chat1to1 } from './chat-1to1.js';
import { groupChat } from './group-chat.js';
import { fileCopy } from './file-copy.js';
import { miniFtp } from './mini-ftp.js';
import { reliableUdp } from './reliable-udp.js';
import { sntpClient } from './sntp-client.js';
import { httpGetClient } from './http-get-client.js';
import { dnsLookup } from './dns-lookup.js';
import { binaryStruct } from './binary-struct.js';
import { sensorTelemetry } from './sensor-telemetry.js';

/** Every Spanish catalogue, merged by the translator. */
export const SPANISH: readonly Catalogue[] = [common, shared, udpEcho, tcpEcho, framedEcho, tcpChatAck, chat1to1, groupChat, fileCopy, miniFtp, sntpClient, httpGetClient, dnsLookup, binaryStruct, sensorTelemetry, reliableUdp];
