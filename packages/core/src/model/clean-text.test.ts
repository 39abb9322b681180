import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCleanText } from './primitives.js';

/** The rule written out character by character (C0 controls and DEL; lone surrogates): what `isCleanText` answers. */
function reference(text: string, oneLine: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) {
      if (oneLine) return false;
      continue;
    }
    if (code < 0x20 || code === 0x7f) return false;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return false;
  }
  return true;
}

const interesting = fc.constantFrom(
  'a',
  'é',
  '\u0000',
  '\u0008',
  '\t',
  '\n',
  '\u000b',
  '\u000c',
  '\r',
  '\u000e',
  '\u001f',
  ' ',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009b',
  '\u009f',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ud83d\ude00',
  '王',
);

describe('isCleanText', () => {
  it('answers the character-by-character rule for any string, one line or not', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(interesting, { maxLength: 12 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, fc.boolean(), (t, oneLine) => {
        expect(isCleanText(t, oneLine)).toBe(reference(t, oneLine));
      }),
      { numRuns: 2_000 },
    );
  });

  it('accepts C1 control characters, as earlier versions did (texts stored with them stay writable)', () => {
    for (const control of ['\u0080', '\u0085', '\u0092', '\u009b', '\u009f']) {
      expect(isCleanText(`We${control}re`), JSON.stringify(control)).toBe(true);
      expect(isCleanText(`We${control}re`, true), JSON.stringify(control)).toBe(true);
    }
    expect(isCleanText('Zoë\u00a0Jansen')).toBe(true);
    expect(isCleanText('We\u007fre')).toBe(false);
  });

  it('refuses lone surrogates wherever they are, and keeps pairs', () => {
    expect(isCleanText('\ud83d\ude00')).toBe(true);
    expect(isCleanText('\ud83d')).toBe(false);
    expect(isCleanText('\ude00')).toBe(false);
    expect(isCleanText('\ud83d\ude00\ude00')).toBe(false);
    expect(isCleanText('\ud83d\ud83d\ude00')).toBe(false);
    expect(isCleanText('line\nbreak')).toBe(true);
    expect(isCleanText('line\nbreak', true)).toBe(false);
  });
});
