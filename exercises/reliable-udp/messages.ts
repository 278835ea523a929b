/**
 * The messages a check sends and how what was delivered is read back: each message starts with a
 * unique token `msgNNN-xxxxxx` (its number and a random tag), so a delivered sequence can be
 * recovered from a receiver's output whatever else it prints around the payloads.
 */
import type { Rng } from '../../harness/authoring.js';
import { decodeBytesLiterals } from '../shared/printed.js';
import { escapeBytes } from '../../harness/authoring.js';

const WORDS = ['hola', 'paquete', 'canción', 'año', 'datos', 'secuencia', 'confirmación', 'red', 'pérdida', 'orden', 'reenvío', 'mensaje', 'ñandú', 'UDP', 'fiable', 'temporizador'];

/** `n` distinct messages of 15 to about 110 bytes, with non-ASCII letters. */
export function makeMessages(rng: Rng, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const words = Array.from({ length: rng.int(1, 8) }, () => rng.pick(WORDS));
    return `${token(i, rng.word(6))} ${words.join(' ')}`;
  });
}

function token(i: number, tag: string): string {
  return `msg${String(i).padStart(3, '0')}-${tag}`;
}

const TOKEN = /msg(\d{3})-([A-Za-z0-9]{6})/g;

/** One delivery: the message it is, or what was delivered instead of a sent message. */
export type Delivery = { index: number } | { altered: number; shown: string } | { invented: string };

/** The messages a receiver printed, in the order it printed them (text or Python bytes literals). */
export function deliveriesInOutput(output: string, messages: readonly string[]): Delivery[] {
  const text = decodeBytesLiterals(output).toString('utf8');
  const out: Delivery[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const index = Number(m[1]);
    const message = messages[index];
    const at = m.index;
    if (message === undefined || !message.startsWith(m[0])) out.push({ invented: text.slice(at, at + 80).split('\n')[0] ?? '' });
    else if (text.startsWith(message, at)) out.push({ index });
    else out.push({ altered: index, shown: text.slice(at, at + message.length + 20).split('\n')[0] ?? '' });
  }
  return out;
}

/** The messages delivered as payloads, in delivery order. */
export function deliveriesOfPayloads(payloads: readonly Buffer[], messages: readonly string[]): Delivery[] {
  return payloads.map((p) => {
    const text = p.toString('utf8');
    const index = messages.indexOf(text);
    if (index >= 0) return { index };
    const m = /^msg(\d{3})-[A-Za-z0-9]{6}/.exec(text);
    const claimed = m ? Number(m[1]) : -1;
    if (m && messages[claimed]?.startsWith(m[0])) return { altered: claimed, shown: escapeBytes(p, 160) };
    return { invented: escapeBytes(p, 160) };
  });
}

/** `#0 #1 #3 #2 …`: a delivered sequence in short. */
export function summarize(deliveries: readonly Delivery[], max = 40): string {
  if (deliveries.length === 0) return 'nothing';
  const parts = deliveries.slice(0, max).map((d) => ('index' in d ? `#${d.index}` : 'altered' in d ? `#${d.altered}(altered)` : '(unknown)'));
  return `${parts.join(' ')}${deliveries.length > max ? ` … (${deliveries.length} in all)` : ''}`;
}

/** What is wrong with a delivered sequence, first problem first. */
export type SequenceProblem =
  | { kind: 'invented'; text: string }
  | { kind: 'altered'; index: number; shown: string }
  | { kind: 'duplicate'; index: number; times: number }
  | { kind: 'order'; later: number; earlier: number }
  | { kind: 'missing'; indices: number[] };

/** Judges a delivered sequence against `n` messages: nothing invented, each exactly once, in order. */
export function sequenceProblem(deliveries: readonly Delivery[], n: number): SequenceProblem | undefined {
  for (const d of deliveries) {
    if ('invented' in d) return { kind: 'invented', text: d.invented };
    if ('altered' in d) return { kind: 'altered', index: d.altered, shown: d.shown };
  }
  const indices = deliveries.map((d) => ('index' in d ? d.index : -1));
  const counts = new Map<number, number>();
  for (const i of indices) counts.set(i, (counts.get(i) ?? 0) + 1);
  for (const i of indices) {
    const times = counts.get(i) ?? 0;
    if (times > 1) return { kind: 'duplicate', index: i, times };
  }
  for (let k = 1; k < indices.length; k++) {
    const prev = indices[k - 1] as number;
    const cur = indices[k] as number;
    if (cur < prev) return { kind: 'order', later: prev, earlier: cur };
  }
  const missing = Array.from({ length: n }, (_, i) => i).filter((i) => !counts.has(i));
  if (missing.length > 0) return { kind: 'missing', indices: missing };
  return undefined;
}

/** `#3, #7 and #9` (at most `max` listed). */
export function listIndices(indices: readonly number[], max = 8): string {
  const shown = indices.slice(0, max).map((i) => `#${i}`);
  if (indices.length > max) return `${shown.join(', ')} and ${indices.length - max} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
