/**
 * The fault profiles the `rudp.*` checks put on the path, the same for both roles: the proxy
 * applies them to each direction independently (data one way, ACKs the other).
 */
import type { UdpFaults, UdpProxyEvent } from '../../harness/authoring.js';
import type { Transcript } from '../../harness/authoring.js';
import { describePacket } from './header.js';

/** One `rudp.*` check's conditions. */
export interface Scenario {
  id: string;
  title: string;
  /** The faults in words, for diagnoses. */
  words: string;
  faults: { upstream: UdpFaults; downstream: UdpFaults };
  /** Nothing is lost or held back: sockgrade's sender then waits long before resending, so a slow machine causes no retransmission. */
  lossless: boolean;
  /** What to fix when this scenario fails, for each role. */
  hint: { server: string; client: string };
}

const both = (f: UdpFaults): Scenario['faults'] => ({ upstream: f, downstream: f });

const FORMAT = 'every datagram is struct.pack("!IB", seq, tipo) + payload: seq counts messages from 0, tipo 0 for data and 1 for an ACK, which carries the sequence number of the packet it acknowledges';

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'rudp.no-faults',
    title: 'delivers every message exactly once and in order over a clean path',
    words: 'no faults',
    faults: both({}),
    lossless: true,
    hint: { server: `${FORMAT}; print each payload on its own line`, client: `${FORMAT}; send message i as packet i and wait for its ACK` },
  },
  {
    id: 'rudp.loss-20',
    title: 'delivers every message exactly once and in order when 20 % of the datagrams are lost in each direction',
    words: '20 % of the datagrams lost in each direction, data and ACKs alike',
    faults: both({ loss: 0.2 }),
    lossless: false,
    hint: {
      server: 'an ACK can be lost too: when a packet you already delivered arrives again, ACK it again (the sender is still waiting) but do not print it again; a packet ahead of its turn must be kept until the gap is filled, or not ACKed',
      client: 'after sending a packet wait for its ACK with a timeout (sock.settimeout(0.3)) and send the same packet, with the same sequence number, again when it expires',
    },
  },
  {
    id: 'rudp.duplicates',
    title: 'delivers every message exactly once when 25 % of the datagrams are duplicated',
    words: '25 % of the datagrams duplicated in each direction',
    faults: both({ duplicate: 0.25 }),
    lossless: true,
    hint: {
      server: 'keep the next sequence number you expect: a packet with a lower number was already delivered; ACK it again but do not print it',
      client: 'an ACK may arrive twice: only the ACK carrying the sequence number you are waiting for means that packet arrived',
    },
  },
  {
    id: 'rudp.reorder',
    title: 'delivers every message exactly once and in order when 25 % of the datagrams are overtaken by the next one',
    words: '25 % of the datagrams held back until the next one of the same direction has gone by, 1 s at most',
    faults: both({ reorder: 0.25, reorderHoldMs: 1000 }),
    lossless: false,
    hint: {
      server: 'the sender keeps several packets in flight, so a packet may arrive before an earlier one: keep it (a dict seq -> payload) and print it when every earlier one has been printed, or do not ACK it so that it is resent',
      client: 'a late ACK of an earlier packet must not be taken for the ACK of the packet you are waiting for: compare its sequence number',
    },
  },
  {
    id: 'rudp.all-faults',
    title: 'delivers every message exactly once and in order with loss, duplication, reordering and delay together',
    words: '10 % loss, 10 % duplication, 10 % reordering and 0-30 ms of delay in each direction',
    faults: both({ loss: 0.1, duplicate: 0.1, reorder: 0.1, reorderHoldMs: 1000, delayMs: [0, 30] }),
    lossless: false,
    hint: {
      server: 'ACK every data packet you keep or already delivered, with its own sequence number; print a payload only when it is the next one expected, then every kept one that follows',
      client: 'resend a packet, with the same sequence number, until the ACK with that sequence number arrives; ignore any other ACK',
    },
  },
];

/** Writes each fault the proxy applies into `transcript`, naming the packet it hit. */
export function logFaults(transcript: Transcript, names: { upstream: string; downstream: string }): (e: UdpProxyEvent) => void {
  return (e) => {
    const what: string[] = [];
    if (e.fate.drop) what.push('dropped');
    else {
      if (e.fate.copies === 2) what.push('duplicated');
      if (e.fate.holdBack) what.push('held back behind the next one');
    }
    if (what.length === 0) return;
    transcript.event(`${names[e.direction]} datagram ${e.index + 1} (${describePacket(e.data)}): ${what.join(', ')}`);
  };
}

/** `31 (1.55 per message)`. */
export function perMessage(datagrams: number, messages: number): string {
  return `${datagrams} (${(datagrams / messages).toFixed(2)} per message)`;
}

/** The overhead line of a diagnosis: `who` sent so many datagrams, the reference so many through the same schedule. */
export function overheadLine(who: string, datagrams: number, messages: number, reference: string | undefined): string {
  return `retransmission overhead: ${who} sent ${datagrams} datagrams for ${messages} messages (${(datagrams / messages).toFixed(2)} per message); ${reference ?? 'the reference run did not finish'}`;
}
