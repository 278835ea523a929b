import { describe, expect, it } from 'vitest';
import { describeMismatch, escapeBytes, firstDifference } from '../harness/diagnose/bytes.js';
import { decodeBytesLiterals, showsBytes } from '../exercises/shared/printed.js';

describe('escapeBytes', () => {
  it('makes line endings, tabs and invalid UTF-8 visible but keeps Spanish text readable', () => {
    expect(escapeBytes(Buffer.from('Hola\r\n\tañó'))).toBe('Hola\\r\\n\\tañó');
    expect(escapeBytes(Buffer.from([0xff, 0x41, 0xc3]))).toBe('\\xffA\\xc3');
  });
  it('summarises long data with the count of bytes left out', () => {
    expect(escapeBytes(Buffer.alloc(500, 0x61), 10)).toBe('aaaaaaaaaa… (+490 more bytes)');
  });
  it('escapes the quote the data is shown between, so that a quote in the data never ends it early', () => {
    expect(escapeBytes(Buffer.from('di "hola" It\'s'))).toBe('di \\"hola\\" It\'s');
    expect(escapeBytes(Buffer.from('b\'x"'), 200, "'")).toBe('b\\\'x"');
    expect(escapeBytes(Buffer.from('<a href="x">'), 200, '')).toBe('<a href="x">');
  });
});

describe('describeMismatch', () => {
  it('names the offset of the first difference and shows both sides', () => {
    const text = describeMismatch(Buffer.from('hola mundo'), Buffer.from('hola MUNDO'));
    expect(text).toContain('first difference at offset 5');
    expect(text).toContain('MUNDO');
  });
  it('says when the data stops early', () => {
    expect(describeMismatch(Buffer.alloc(2048, 1), Buffer.alloc(1024, 1))).toContain('stops at offset 1024');
  });
  it('finds no difference in equal buffers', () => {
    expect(firstDifference(Buffer.from('ab'), Buffer.from('ab'))).toBe(-1);
  });
});

describe('printed output', () => {
  it('decodes Python bytes literals, escapes included', () => {
    expect(decodeBytesLiterals("Recibido b'Hola\\xc3\\xb1\\n'").toString()).toBe('Recibido Holañ\n');
  });
  it('accepts the reply printed whole, as a bytes literal, or piece by piece in order', () => {
    const msg = Buffer.from('abcdefghijkl');
    expect(showsBytes('Eco: abcdefghijkl\n', msg)).toBe(true);
    expect(showsBytes("Eco: b'abcdefghijkl'\n", msg)).toBe(true);
    const pieces = [Buffer.from('abcd'), Buffer.from('efgh'), Buffer.from('ijkl')];
    expect(showsBytes('recibiendo "abcd"\nrecibiendo "efgh"\nrecibiendo "ijkl"\n', msg, pieces)).toBe(true);
    expect(showsBytes('recibiendo "abcd"\n', msg, pieces)).toBe(false);
  });
});
