import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { TagSchema } from '../model/primitives.js';
import type { Strategy } from '../model/strategy.js';
import { aContribution, aPost, aStrategy } from '../testing/factories.js';
import { scoreOverlap } from './overlap-score.js';
import { subjectFromContribution, subjectFromDraft, subjectFromPost } from './overlap-subject.js';

// Tags and interests are stored as given (composed or not); the overlap score compares them composed and case-folded.

/** The factory strategy, its audience interested in `interests`, its pillar tagged `pillarTags`. */
function strategyWith(interests: string[], pillarTags: string[] = []): Strategy {
  const strategy = aStrategy();
  return {
    ...strategy,
    audiences: strategy.audiences.map((a) => ({ ...a, interests })),
    pillars: strategy.pillars.map((p) => ({ ...p, tags: pillarTags })),
  };
}

const matched = (strategy: Strategy, subject: Parameters<typeof scoreOverlap>[1]) =>
  scoreOverlap(strategy, subject).audiences[0]!.matchedInterests;

describe('the overlap score compares tags composed', () => {
  it("matches a stored decomposed tag 'cafe\\u0301' with the interest 'café', and the other way round", () => {
    expect(matched(strategyWith(['café']), subjectFromPost(aPost({ tags: ['cafe\u0301'] })))).toEqual([
      'café',
    ]);
    expect(matched(strategyWith(['cafe\u0301']), subjectFromPost(aPost({ tags: ['café'] })))).toEqual([
      'cafe\u0301',
    ]);
    expect(
      matched(strategyWith(['café']), subjectFromContribution(aContribution({ tags: ['cafe\u0301'] }))),
    ).toEqual(['café']);
  });

  it("matches a pillar's decomposed tag, and a compatibility ideograph with the character NFC makes of it", () => {
    expect(matched(strategyWith(['café']), subjectFromPost(aPost({ tags: [] }))).length).toBe(0);
    expect(matched(strategyWith(['café'], ['cafe\u0301']), subjectFromPost(aPost({ tags: [] })))).toEqual([
      'café',
    ]);
    expect(matched(strategyWith(['\uf900']), subjectFromPost(aPost({ tags: ['\u8c48'] })))).toEqual([
      '\uf900',
    ]);
  });

  it('counts an interest stored both composed and decomposed once', () => {
    const strategy = strategyWith(['café', 'cafe\u0301', 'zorg']);
    const nurses = scoreOverlap(strategy, subjectFromPost(aPost({ tags: ['café'] }))).audiences[0]!;
    expect(nurses.matchedInterests).toEqual(['café']);
    // Two different interests, one matched: 1 / min(2, interestsForFullMatch 2).
    expect(nurses.interestFit).toBe(0.5);
  });

  it('counts interests that fold to one key as one interest, in the matched and in the total alike', () => {
    // Two interests (ijsselmeer, zorg), one matched however many spellings the post is tagged with: 1 / 2.
    const dutch = scoreOverlap(
      strategyWith(['ijsselmeer', 'ĳsselmeer', 'zorg']),
      subjectFromPost(aPost({ tags: ['ijsselmeer', 'ĳsselmeer'] })),
    ).audiences[0]!;
    expect(dutch.matchedInterests).toEqual(['ijsselmeer']);
    expect(dutch.interestFit).toBe(0.5);
    // One interest (strasse), matched: 1 / 1.
    const german = scoreOverlap(
      strategyWith(['strasse', 'straße']),
      subjectFromPost(aPost({ tags: ['strasse'] })),
    ).audiences[0]!;
    expect(german.matchedInterests).toEqual(['strasse']);
    expect(german.interestFit).toBe(1);
  });
});

describe('the overlap score compares tags case-folded', () => {
  const draftMatches = (interest: string, text: string) =>
    matched(strategyWith([interest]), subjectFromDraft({ text, pillarIds: ['pillar_work'] }));

  it.each([
    ['German ß written in capitals', 'straße', '#STRASSE'],
    ['German capital ẞ', 'straße', '#STRAẞE'],
    ['Dutch ij written as the one letter Ĳ', 'ijsselmeer', '#Ĳsselmeer'],
    ['Dutch ij stored as the one letter ĳ', 'ĳsselmeer', '#IJsselmeer'],
    ['Turkish dotted capital İ', 'istanbul', '#İstanbul'],
    ['Greek final sigma written in capitals mid-word', 'οδος', '#ΟΔΟΣ'],
    ['a full-width hashtag', 'care', '#ＣＡＲＥ'],
  ])('matches %s', (_, interest, text) => {
    expect(draftMatches(interest, text)).toEqual([interest]);
  });

  it("matches a stored tag lower-cased from 'İ' ('i\\u0307') with the interest 'i'", () => {
    expect(matched(strategyWith(['istanbul']), subjectFromPost(aPost({ tags: ['i\u0307stanbul'] })))).toEqual(
      ['istanbul'],
    );
  });

  it('keeps the Turkish dotless ı apart from i, and marks that make another letter apart', () => {
    expect(draftMatches('ılık', '#ilik')).toEqual([]);
    expect(draftMatches('हिन्दी', '#हन्द')).toEqual([]);
  });

  it.each([
    ['Greek with an iota subscript', 'ᾠδή', '#ὨΙΔΉ'],
    ['Greek with an iota subscript, its capital with the iota adscript', 'ᾳ', '#ᾼ'],
    ['Cyrillic rounded ve', '\u1c80', '#В'],
  ])('matches %s', (_, interest, text) => {
    expect(draftMatches(interest, text)).toEqual([interest]);
  });

  it("reads 'i' with any number of combining dots above as 'i', so keys are stable", () => {
    expect(
      matched(strategyWith(['istanbul']), subjectFromPost(aPost({ tags: ['i\u0307\u0307stanbul'] }))),
    ).toEqual(['istanbul']);
  });

  // Every lower-case letter (one code point) the model accepts as a tag matches its hashtag written in capitals.
  // The one exception is the Turkish dotless ı, whose capital is I: it stays its own letter (`#ILIK` is `ilik`).
  const lowerCaseLetters = Array.from({ length: 0x30000 }, (_, cp) => String.fromCodePoint(cp)).filter(
    (c) => /^\p{Ll}$/u.test(c) && TagSchema.safeParse(c).success,
  );
  it('matches every lower-case letter the model accepts with its capital, but the dotless ı', () => {
    const misses = lowerCaseLetters.filter((c) => draftMatches(c, `#${c.toUpperCase()}`).length === 0);
    expect(misses).toEqual(['ı']);
  });

  // Letters of several scripts whose capitals lower-case back to something else (ß, ĳ, ς, ᾳ, ᲀ) or not at all.
  const char = fc.constantFrom(...'aeéüßĳçøσςᾳᾠᲀяї1_-हि');
  test.prop([fc.array(char, { minLength: 1, maxLength: 20 }).map((cs) => cs.join(''))])(
    'matches interests of several scripts with their hashtag written in capitals, and decomposed',
    (tag) => {
      fc.pre(TagSchema.safeParse(tag).success);
      expect(draftMatches(tag, `#${tag.toUpperCase()}`)).toEqual([tag]);
      expect(draftMatches(tag, `#${tag.normalize('NFD')}`)).toEqual([tag]);
    },
  );
});

describe('a draft that names an interest as Dutch text is hyphenated', () => {
  it('matches the interest in a hashtag cut short by elision ("#zorg- en welzijnswerk"), once', () => {
    const draft = subjectFromDraft({
      text: 'Werken in de #Zorg- en welzijnssector, #zorg-- of #zorg-welzijn',
      audienceIds: ['aud_nurses'],
    });
    expect(matched(strategyWith(['zorg', 'welzijn']), draft)).toEqual(['zorg']);
    // An interest stored with the hyphen is the same interest, matched by the hashtag without it.
    expect(
      matched(
        strategyWith(['zorg-', 'zorg']),
        subjectFromDraft({ text: '#zorg', audienceIds: ['aud_nurses'] }),
      ),
    ).toEqual(['zorg-']);
  });

  const word = fc.stringMatching(/^[a-zëïéèöü][a-zëïéèöü0-9-]{0,20}[a-zëïéèöü0-9]$/);
  test.prop([word, fc.array(fc.nat(20), { maxLength: 3 })])(
    'matches the interest with an elision hyphen after it and soft hyphens inside it',
    (interest, breaks) => {
      // Soft hyphens where a hyphenating editor put them, then "- en" as in "#zorg- en welzijnswerk".
      let typed = interest;
      for (const at of breaks) {
        const i = Math.min(at, typed.length - 1) + 1;
        typed = `${typed.slice(0, i)}\u00ad${typed.slice(i)}`;
      }
      const draft = subjectFromDraft({
        text: `Werken in de #${typed}- en welzijnssector`,
        audienceIds: ['aud_nurses'],
      });
      expect(matched(strategyWith([interest]), draft)).toEqual([interest]);
    },
  );
});
