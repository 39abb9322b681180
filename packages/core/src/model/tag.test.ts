import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TagSchema } from './primitives.js';

describe('TagSchema', () => {
  it('accepts lower-case words of every script, with their modifier letters and marks', () => {
    // Japanese ー (a modifier letter), Devanagari vowel signs and Thai marks are part of the word.
    for (const tag of ['コーヒー', 'データ', 'हिंदी', 'ภาษาไทย', 'zorg', 'straße', 'café', 'nacht-dienst'])
      expect(TagSchema.safeParse(tag)).toEqual({ success: true, data: tag });
  });

  it('stores a tag as given: decomposed, or one that NFC would change or lengthen (as earlier versions stored it)', () => {
    // The overlap score compares tags composed and lower-cased; the stored value is never rewritten.
    for (const tag of ['cafe\u0301', '\uf900', '\u0958'.repeat(40), '\u{2f800}', 'a\u0344'])
      expect(TagSchema.safeParse(tag), JSON.stringify(tag)).toEqual({ success: true, data: tag });
  });

  it('accepts every tag the rule before the marks and modifier letters accepted, unchanged', () => {
    const before = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}_-]*$/u;
    // Characters whose NFC differs (compatibility ideographs, the Devanagari nukta letters) among plain ones.
    const char = fc.oneof(
      fc.constantFrom(...'az09_-é\uf900\ufa10\u0958\u095f\u09dc\u0a33\u0b5c\u{2f800}'.split(/(?:)/u)),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 70 }), (chars) => {
        const tag = chars.join('');
        fc.pre(tag.length <= 64 && before.test(tag));
        expect(TagSchema.safeParse(tag)).toEqual({ success: true, data: tag });
      }),
    );
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
