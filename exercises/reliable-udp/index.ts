/**
 * D6 `reliable-udp`: reliable, ordered delivery over UDP (stop-and-wait or a window) with
 * sequence numbers and ACKs in a `!IB` header. sockgrade plays the other side behind a seeded
 * fault-injecting proxy (loss, duplication, reordering, delay) and judges the delivered sequence.
 */
import { defineExercise } from '../../harness/authoring.js';
import type { Rng } from '../../harness/authoring.js';
import { robustServerChecks } from '../shared/robust.js';
import { DATA, packet } from './header.js';
import { SCENARIOS } from './scenarios.js';
import { receiverCheck, receiverSession } from './server-checks.js';
import { senderCheck, senderNoServerCheck } from './client-checks.js';
import { reliableUdp as es } from './i18n/es.js';

/** A valid first data packet, to check the receiver still answers. */
const sample = (rng: Rng): Buffer => packet(0, DATA, Buffer.from(`msg000-${rng.word(6)} hola`));

export const reliableUdp = defineExercise({
  id: 'reliable-udp',
  catalogue: 'D6',
  messages: { es },
  title: 'Reliable UDP: sequence numbers, ACKs and retransmission',
  contract: {
    server:
      'The receiver. Binds UDP host:port. Every datagram is a 5-byte header struct.pack("!IB", seq, type) (uint32 sequence number, big-endian; type 0 data, 1 ack) followed by the payload; messages are numbered from 0. ' +
      'It answers every data packet it keeps, or has already delivered, with an ACK to the sender\'s address: the header with the same sequence number and type 1. ' +
      'It prints each payload (UTF-8 text) on its own line, exactly once and in sequence order. The sender may have several packets in flight (parameter window), so a packet can arrive ahead of its turn: keep it until the gap is filled, or drop it without ACKing it; never ACK a packet you then throw away. Other datagrams are ignored.',
    client:
      'The sender. Reads the messages, one per line (UTF-8, without the line end), from the file named by {file} in its command, which is in its working folder (parameter input, default mensajes.txt). ' +
      'Sends line i as the data packet struct.pack("!IB", i, 0) + line (first line 0) to {host}:{port}, and sends it again, with the same number, whenever the ACK with that sequence number (type 1) does not arrive within a timeout (0.2-0.5 s); any other ACK is ignored. ' +
      'Stop-and-wait or a window are both fine; one empty data packet after the last message is allowed as an end marker. Exits with code 0 once every message is acknowledged; with no receiver, gives up after a bounded number of retransmissions with a one-line message and a non-zero exit code.',
  },
  transport: 'udp',
  canonicalPort: 5005,
  params: {
    input: { type: 'string', default: 'mensajes.txt', description: 'name of the messages file placed in the sender\'s working folder (also given as {file})' },
    window: { type: 'integer', default: 4, min: 1, max: 32, description: 'packets sockgrade keeps in flight when it is the sender (1: stop-and-wait; then a receiver without a reordering buffer is not caught)' },
    'give-up': { type: 'number', default: 10, min: 1, max: 60, description: 'seconds within which a sender with no receiver must give up' },
  },
  checks: [
    ...SCENARIOS.map(receiverCheck),
    ...robustServerChecks({ transport: 'udp', session: receiverSession, sample }),
    ...SCENARIOS.map(senderCheck),
    senderNoServerCheck(),
  ],
});
