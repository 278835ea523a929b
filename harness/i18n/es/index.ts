/**
 * The Spanish catalogues: the engine's and harness's messages, the shared checks', and one per
 * exercise (keyed by the exercise's English texts, so exercises stay written in English only).
 */
import type { Catalogue } from '../catalogue.js';
import { common } from './common.js';
import { shared } from '../../../exercises/shared/i18n/es.js';
import { udpEcho } from '../../../exercises/udp-echo/i18n/es.js';
import { tcpEcho } from '../../../exercises/tcp-echo/i18n/es.js';
import { framedEcho } from '../../../exercises/framed-echo/i18n/es.js';
import { tcpChatAck } from '../../../exercises/tcp-chat-ack/i18n/es.js';
import { chat1to1 } from '../../../exercises/chat-1to1/i18n/es.js';
import { groupChat } from '../../../exercises/group-chat/i18n/es.js';
import { fileCopy } from '../../../exercises/file-copy/i18n/es.js';
import { miniFtp } from '../../../exercises/mini-ftp/i18n/es.js';
import { reliableUdp } from '../../../exercises/reliable-udp/i18n/es.js';
import { sntpClient } from '../../../exercises/sntp-client/i18n/es.js';
import { httpGetClient } from '../../../exercises/http-get-client/i18n/es.js';
import { dnsLookup } from '../../../exercises/dns-lookup/i18n/es.js';
import { binaryStruct } from '../../../exercises/binary-struct/i18n/es.js';
import { sensorTelemetry } from '../../../exercises/sensor-telemetry/i18n/es.js';

/** Every Spanish catalogue, merged by the translator. */
export const SPANISH: readonly Catalogue[] = [common, shared, udpEcho, tcpEcho, framedEcho, tcpChatAck, chat1to1, groupChat, fileCopy, miniFtp, sntpClient, httpGetClient, dnsLookup, binaryStruct, sensorTelemetry, reliableUdp];
