import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TagSchema } from './primitives.js';

describe('TagSchema', () => {
  it('accepts lower-case words of every script, with their modifier letters and marks', () => {
    // Japanese ー (a modifier letter), Devanagari vowel signs and Thai marks are part of the word.
    for (const tag of ['コーヒー', 'データ', 'हिंदी', 'ภาษาไทย', 'zorg', 'straße', 'café', 'nacht-dienst'])
      expect(TagSchema.safeParse(tag)).toEqual({ success: true, data: tag });
  });

  it('stores a decomposed tag composed (NFC), the form the overlap score matches', () => {
    expect(TagSchema.parse('cafe\u0301')).toBe('café');
  });

  it('still refuses upper case, spaces, punctuation and a leading mark, dash or underscore', () => {
    for (const tag of ['Zorg', 'zorg en welzijn', 'zorg!', '-zorg', '_zorg', '\u0301zorg', ''])
      expect(TagSchema.safeParse(tag).success).toBe(false);
  });

  it('accepts any composed lower-case word and keeps it as given', () => {
    const letter = fc.constantFrom(...'abcdezßéøñçアイウエオーकखगिीुाกขคัิ'.split(''));
    fc.assert(
      fc.property(fc.array(letter, { minLength: 1, maxLength: 30 }), (chars) => {
        const tag = `a${chars.join('')}`.normalize('NFC');
        expect(TagSchema.parse(tag)).toBe(tag);
      }),
    );
  });
});
