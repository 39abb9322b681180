import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { TagSchema } from '../model/primitives.js';
import { hashtagsOf } from './overlap-subject.js';

describe('hashtags in any script', () => {
  it.each([
    ['Devanagari with vowel signs and virama', 'हिन्दी'],
    ['Thai with a vowel mark', 'สวัสดี'],
    ['Arabic with a short vowel', 'مَرحبا'],
    ['Japanese with the prolonged sound mark', 'ラーメン'],
  ])('reads a hashtag in %s whole, as the tag an interest stores', (_, tag) => {
    expect(TagSchema.safeParse(tag).success).toBe(true);
    expect(hashtagsOf(`Werken in de zorg #${tag} vandaag`)).toEqual([tag]);
  });

  it('reads a tag of 64 code points back whole, also when composing makes it longer (nukta letters)', () => {
    for (const tag of ['\u0958'.repeat(40), 'a'.repeat(64), '\u0958'.repeat(64)]) {
      expect(TagSchema.safeParse(tag).success).toBe(true);
      expect(hashtagsOf(`#${tag}`)).toEqual([tag.normalize('NFC')]);
    }
  });

  // Letters, marks and digits of several scripts: every valid tag (stored as given, composed or not) written as a
  // hashtag reads back as its composed form, the form tags are stored in (the overlap score folds it further).
  const char = fc.constantFrom(...'aé1_-हिन्दीसวัสดีمَرحباラーメン');
  test.prop([fc.array(char, { minLength: 1, maxLength: 20 }).map((cs) => cs.join(''))])(
    'reads every tag the model accepts back from its hashtag, composed',
    (text) => {
      fc.pre(TagSchema.safeParse(text).success);
      expect(hashtagsOf(`#${text}`)).toEqual([text.normalize('NFC')]);
    },
  );

  it.each([
    ['a heart with its emoji presentation selector', 'Onze nachtzorg ❤️#zorg'],
    ['a ZWJ emoji sequence', 'Anne 👩‍⚕️#zorg'],
    ['a check mark with its text presentation selector', 'Klaar ✔︎#zorg'],
  ])('reads a hashtag right after %s (its selector is a mark, but no letter comes before it)', (_, text) => {
    expect(hashtagsOf(text)).toEqual(['zorg']);
  });

  it.each([
    ['a keycap emoji', 'Stap 1️⃣#zorg'],
    ['a keycap emoji without its selector', 'Stap 1\u20e3#zorg'],
    ['the keycap emoji of #', 'Stap #️⃣#zorg'],
  ])('reads a hashtag right after %s (the keycap encloses its digit: no word goes on)', (_, text) => {
    expect(hashtagsOf(text)).toEqual(['zorg']);
  });

  it('still reads no hashtag right after a letter with its marks', () => {
    expect(hashtagsOf('हि#zorg e\u0301#zorg')).toEqual([]);
  });

  it('reads a full-width hashtag (＃ｚｏｒｇ, as Japanese and Chinese keyboards type it), but not in a word', () => {
    expect(hashtagsOf('夜勤 ＃ｚｏｒｇ と ＃夜勤')).toEqual(['ｚｏｒｇ', '夜勤']);
    expect(hashtagsOf('ｚｏｒｇ＃ａｖｏｎｄ zorg＃avond 1＃2')).toEqual([]);
    // After `_` in either width, as after a letter: no hashtag.
    expect(hashtagsOf('_#zorg ＿#zorg ＿＃zorg')).toEqual([]);
  });
});
