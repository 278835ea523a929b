/** The pieces the course variants are judged with: times read as instants, relay templates, echo replies. */
import { describe, expect, it } from 'vitest';
import { findTimes, formatTime, TIME_FORMATS } from '../exercises/sntp-client/time-formats.js';
import { occurrences, onWire, relayLine, relayPattern } from '../exercises/group-chat/protocol.js';
import { asMessage, echoVariant, replyTo } from '../exercises/shared/echo-variant.js';

const T = Date.UTC(2026, 2, 5, 14, 3, 9) / 1000;

describe('printed times', () => {
  it('reads every format back as the same second', () => {
    for (const f of TIME_FORMATS) expect(findTimes(`Hora: ${formatTime(T, f)}\n`, [f]).map((p) => p.seconds)).toEqual([T]);
    expect(formatTime(T, 'ctime')).toBe('Thu Mar  5 14:03:09 2026');
    expect(formatTime(T, 'dmy')).toBe('05/03/2026 14:03:09');
  });

  it('accepts ISO with a T, fractions or a UTC suffix, and refuses impossible dates and wrong weekdays', () => {
    for (const text of ['2026-03-05T14:03:09+00:00', '2026-03-05 14:03:09.521', '2026-03-05 14:03:09Z']) expect(findTimes(text, ['iso'])[0]?.seconds).toBe(T);
    expect(findTimes('2026-02-31 10:00:00', ['iso'])).toEqual([]);
    expect(findTimes('Fri Mar  5 14:03:09 2026', ['ctime'])).toEqual([]);
    expect(findTimes('05/03/2026 14:03:09', ['iso'])).toEqual([]);
  });
});

describe('relay templates', () => {
  it('lays out a line and finds the nickname and text in it, wherever the template puts them', () => {
    for (const relay of ['{nick}: {text}', '[{nick}] {text}', '{text} (de {nick})', '{text}']) {
      const line = relayLine({ relay }, 'ana12', 'hola 1.2');
      const m = [...line.matchAll(relayPattern({ relay }, 'hola (?<k>\\d+)\\.\\d+'))][0];
      expect(m?.groups?.['text']).toBe('hola 1.2');
      expect(m?.groups?.['k']).toBe('1');
      expect(m?.groups?.['nick']).toBe(relay.includes('{nick}') ? 'ana12' : undefined);
    }
  });
});

describe('group-chat framing', () => {
  it('puts a newline after a message under framing=line only, and counts a message however messages run together', () => {
    expect(onWire('line', 'hola')).toBe('hola\n');
    expect(onWire('raw', 'hola')).toBe('hola');
    expect(occurrences('ana: holaana: hola\nluis: hola', 'ana: hola')).toBe(2);
    expect(occurrences('aaaa', 'aa')).toBe(2);
    expect(occurrences('abc', '')).toBe(0);
  });

  it('finds relayed messages in a stream with no delimiter between them', () => {
    const relay = '{nick}: {text}';
    const stream = `${relayLine({ relay }, 'ana12', 'rafaga 1.1 xyz')}${relayLine({ relay }, 'luis33', 'rafaga 2.1 xyz')}luis33 se ha unido al chat${relayLine({ relay }, 'ana12', 'rafaga 1.2 xyz')}`;
    const found = [...stream.matchAll(relayPattern({ relay }, 'rafaga (?<s>\\d+)\\.(?<k>\\d+) xyz'))].map((m) => `${m.groups?.['nick']} ${m.groups?.['s']}.${m.groups?.['k']}`);
    expect(found).toEqual(['ana12 1.1', 'luis33 2.1', 'chatana12 1.2']);
  });
});

describe('echo variants', () => {
  it('upper-cases ASCII letters only, as bytes.upper() does, and frames lines', () => {
    const v = echoVariant({ framing: 'line', transform: 'upper', banner: '', quit: '' });
    expect(replyTo(v, Buffer.from('año abc\n')).toString()).toBe('AñO ABC\n');
    expect(asMessage(v, Buffer.from('a\nb')).toString()).toBe('a b\n');
    expect(replyTo(echoVariant({}), Buffer.from('abc')).toString()).toBe('abc');
  });
});
