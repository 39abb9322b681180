import { describe, expect, it } from 'vitest';
import { findingWords, sharePct } from './finding-messages.js';
import { factorWords } from './overlap-messages.js';

describe('the Dutch words of findings', () => {
  it('name the kind of a duplicate in Dutch, not by its English code', () => {
    const words = (kind: 'goal' | 'audience' | 'pillar') => findingWords.DUPLICATE_ID({ kind, id: 'x_1' });
    expect(words('goal').message.nl).toBe('Twee doelen hebben hetzelfde id "x_1".');
    expect(words('audience').message.nl).toBe('Twee doelgroepen hebben hetzelfde id "x_1".');
    expect(words('pillar').message.nl).toBe('Twee pijlers hebben hetzelfde id "x_1".');
    expect(words('pillar').message.en).toBe('Two pillars share the id "x_1".');
  });

  it('use the right relative pronoun for a missing goal (het doel: dat) and audience (de doelgroep: die)', () => {
    const owner = { nl: 'Pijler "Werk"', en: 'Pillar "Work"' };
    expect(findingWords.UNKNOWN_REFERENCE({ owner, kind: 'goal', id: 'g' }).message.nl).toBe(
      'Pijler "Werk" verwijst naar een doel dat niet bestaat ("g").',
    );
    expect(findingWords.UNKNOWN_REFERENCE({ owner, kind: 'audience', id: 'a' }).message.nl).toBe(
      'Pijler "Werk" verwijst naar een doelgroep die niet bestaat ("a").',
    );
  });

  it('use the right English article for a missing goal (a goal) and audience (an audience)', () => {
    const owner = { nl: 'Pijler "Werk"', en: 'Pillar "Work"' };
    expect(findingWords.UNKNOWN_REFERENCE({ owner, kind: 'goal', id: 'g' }).message.en).toBe(
      'Pillar "Work" refers to a goal that does not exist ("g").',
    );
    expect(findingWords.UNKNOWN_REFERENCE({ owner, kind: 'audience', id: 'a' }).message.en).toBe(
      'Pillar "Work" refers to an audience that does not exist ("a").',
    );
  });
});

describe('the figures of portfolio findings', () => {
  it('tell a share just below the aim apart from the aim, in both languages', () => {
    // 100 of 201 posts in the overlap (49.75%) against an aim of 50%: not "50% …; the aim is 50%".
    const words = findingWords.FEW_POSTS_IN_OVERLAP({ share: 100 / 201, wanted: 0.5 });
    expect(words.message.en).toBe(
      '49.8% of the posts sit in the overlap of organisation and audience; the aim is 50%.',
    );
    expect(words.message.nl).toBe(
      '49,8% van de berichten zit in de overlap van organisatie en doelgroep; het streven is 50%.',
    );
  });

  it('keep whole percentages when they already differ', () => {
    expect(findingWords.FEW_POSTS_IN_OVERLAP({ share: 0.25, wanted: 0.5 }).message.en).toBe(
      '25% of the posts sit in the overlap of organisation and audience; the aim is 50%.',
    );
  });

  it('tell a pillar share apart from its target when the tolerance is tight', () => {
    const p = { pillar: '"Werk"', share: 0.333, target: 0.3349 };
    expect(findingWords.PILLAR_UNDERREPRESENTED(p).message.en).toBe(
      'Pillar "Werk" gets 33.3% of the posts, while 33.5% is intended.',
    );
    expect(findingWords.PILLAR_OVERREPRESENTED({ ...p, share: 0.3349, target: 0.333 }).message.nl).toBe(
      'Pijler "Werk" krijgt 33,5% van de berichten, terwijl 33,3% de bedoeling is.',
    );
  });
});

describe('the share of posts without a pillar', () => {
  it('is not rounded to 100% while some posts have a pillar, nor to 0% while some have none', () => {
    expect(findingWords.POSTS_WITHOUT_PILLAR({ count: 199, share: 199 / 200 }).message.en).toBe(
      '199 posts (99.5%) belong to no pillar of the strategy.',
    );
    expect(findingWords.POSTS_WITHOUT_PILLAR({ count: 1, share: 1 / 300 }).message.nl).toBe(
      '1 bericht (0,3%) hoort bij geen enkele pijler van de strategie.',
    );
    expect(findingWords.POSTS_WITHOUT_PILLAR({ count: 2, share: 0.5 }).message.en).toBe(
      '2 posts (50%) belong to no pillar of the strategy.',
    );
  });
});

describe('percentages that are neither 0 nor 1', () => {
  it('never read 100% or 0%, in either language', () => {
    expect(sharePct(0.99999)).toEqual({ nl: '> 99,99%', en: '> 99.99%' });
    expect(sharePct(1 / 30_000)).toEqual({ nl: '< 0,01%', en: '< 0.01%' });
    expect(sharePct(1)).toEqual({ nl: '100%', en: '100%' });
    expect(sharePct(0)).toEqual({ nl: '0%', en: '0%' });
    expect(findingWords.POSTS_WITHOUT_PILLAR({ count: 1, share: 1 / 30_000 }).message.en).toBe(
      '1 post (< 0.01%) belongs to no pillar of the strategy.',
    );
    expect(findingWords.PILLAR_WEIGHTS_NOT_NORMALISED({ total: 0.999999 }).message.nl).toBe(
      'De beoogde aandelen van de pijlers tellen op tot > 99,99% in plaats van 100%.',
    );
    expect(findingWords.FEW_POSTS_IN_OVERLAP({ share: 0.00001, wanted: 0.5 }).message.en).toBe(
      '< 1% of the posts sit in the overlap of organisation and audience; the aim is 50%.',
    );
  });

  it('round halves up as they are written (0.285 is 29%, not 28%)', () => {
    expect(findingWords.FEW_POSTS_IN_OVERLAP({ share: 0.285, wanted: 0.5 }).message.en).toBe(
      '29% of the posts sit in the overlap of organisation and audience; the aim is 50%.',
    );
    expect(findingWords.FEW_POSTS_IN_OVERLAP({ share: 0.00285, wanted: 0.003 }).message.nl).toBe(
      '0,29% van de berichten zit in de overlap van organisatie en doelgroep; het streven is 0,3%.',
    );
  });

  it('read a need fit just short of 1 as short of 100% in the overlap factors', () => {
    expect(
      factorWords.MEETS_NEEDS({ audience: '"Nurses"', needs: { nl: 'x', en: 'x' }, fit: 0.99999 }).en,
    ).toBe('Meets what "Nurses" look for: x (fit > 99.99%).');
  });
});

describe('a count of posts in a finding', () => {
  // "1 bericht(en) horen", "1 post(s) only push": a count of one reads in the singular, with its verb.
  it.each([
    [1, '1 bericht (50%) hoort bij', '1 post (50%) belongs to'],
    [2, '2 berichten (50%) horen bij', '2 posts (50%) belong to'],
  ])('agrees with %i post(s) without a pillar, in Dutch and English', (count, nl, en) => {
    const words = findingWords.POSTS_WITHOUT_PILLAR({ count, share: 0.5 }).message;
    expect(words.nl).toContain(nl);
    expect(words.en).toContain(en);
  });

  it.each([
    [
      1,
      '1 bericht zendt alleen de boodschap van de organisatie uit en biedt',
      '1 post only pushes',
      'and gives',
    ],
    [
      3,
      '3 berichten zenden alleen de boodschap van de organisatie uit en bieden',
      '3 posts only push',
      'and give',
    ],
  ])('agrees with %i push-only post(s), in Dutch and English', (count, nl, en, enVerb) => {
    const words = findingWords.PUSH_ONLY_POSTS({ count }).message;
    expect(words.nl).toContain(nl);
    expect(words.en).toContain(en);
    expect(words.en).toContain(enVerb);
  });
});
