import { fc, test } from '@fast-check/vitest';
import { describe, expect, it, vi } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import type { ShareAttempt } from '../ports/share-policy.js';
import type { ShareGuardrails } from './share-guardrails.js';
import { checkGuardrails, createGuardrailPolicy } from './share-guardrails.js';

const attempt = (overrides: Partial<ShareAttempt> = {}): ShareAttempt => ({
  organisationId: 'org_1',
  publisherId: 'person_1',
  postId: 'post_1',
  campaignId: 'campaign_1',
  platform: 'linkedin',
  text: 'Wij zoeken een collega in Utrecht. #medewerker',
  at: '2026-11-26T10:00:00.000Z', // 11:00 in Amsterdam (winter time)
  timeZone: 'Europe/Amsterdam',
  previousShareTimes: [],
  ...overrides,
});

function ruleOf(guardrails: ShareGuardrails, overrides: Partial<ShareAttempt> = {}): string | undefined {
  try {
    createGuardrailPolicy(guardrails)(attempt(overrides));
    return undefined;
  } catch (error) {
    if (isSocialShiftError(error, 'GUARDRAIL')) return error.details.rule;
    throw error;
  }
}

describe('createGuardrailPolicy', () => {
  it('allows a share that breaks no guardrail', () => {
    expect(
      ruleOf({
        blockedWords: ['gratis'],
        requiredDisclosure: '#medewerker',
        maxSharesPerDay: 2,
        sharingHours: { from: '08:00', to: '20:00' },
      }),
    ).toBeUndefined();
  });

  it('stops a text with a blocked word, as a whole word, ignoring case and accents', () => {
    expect(ruleOf({ blockedWords: ['gratis'] }, { text: 'Nu GRATIS proberen' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['creme'] }, { text: 'De crème de la crème' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['beste deal'] }, { text: 'De Beste  deal'.replace('  ', ' ') })).toBe(
      'blocked-word',
    );
    expect(ruleOf({ blockedWords: ['gratis'] }, { text: 'gratisbus is een woord' })).toBeUndefined();
  });

  it('ignores case fully: a blocked word with ß is found in capitals, and the other way round', () => {
    expect(ruleOf({ blockedWords: ['straße'] }, { text: 'Die STRASSE ist frei' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['GROSSE AKTION'] }, { text: 'Unsere große Aktion' })).toBe('blocked-word');
    expect(ruleOf({ requiredDisclosure: 'Grüße von Acme' }, { text: 'GRÜSSE VON ACME' })).toBeUndefined();
    // The capital sharp s; Turkish written in capitals (I lower-cases to i, so ı is read as i too); Greek final
    // sigma and iota subscript.
    expect(ruleOf({ blockedWords: ['straße'] }, { text: 'DIE STRAẞE' })).toBe('blocked-word');
    expect(ruleOf({ requiredDisclosure: 'Grüße von Acme' }, { text: 'GRÜẞE VON ACME' })).toBeUndefined();
    expect(ruleOf({ blockedWords: ['sık'] }, { text: 'BU ÇOK SIK OLUR' })).toBe('blocked-word');
    expect(
      ruleOf({ requiredDisclosure: 'Saygılarımızla' }, { text: 'SAYGILARIMIZLA, ACME' }),
    ).toBeUndefined();
    expect(ruleOf({ blockedWords: ['οδοσ'] }, { text: 'ΟΔΟΣ' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['τωι'] }, { text: 'τῷ' })).toBe('blocked-word');
  });

  it('stops a blocked phrase split by a line break, a tab or several spaces', () => {
    for (const text of [
      'De beste\ndeal van het jaar',
      'De beste  deal',
      'De beste\t deal',
      'De BESTE\r\nDeal',
    ])
      expect(ruleOf({ blockedWords: ['beste deal'] }, { text })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['beste   deal'] }, { text: 'De beste deal' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['beste deal'] }, { text: 'De beste dealer' })).toBeUndefined();
  });

  it('reads a blocked word through characters that show as nothing', () => {
    for (const hidden of ['\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFEFF'])
      expect(ruleOf({ blockedWords: ['gratis'] }, { text: `Alles gr${hidden}atis!` })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['gratis'] }, { text: 'Alles gratuit!' })).toBeUndefined();
  });

  it('reads a blocked word through direction marks, bidi controls, fillers and other invisible characters', () => {
    for (const hidden of [
      '\u200E', // left-to-right mark
      '\u200F', // right-to-left mark
      '\u202A', // left-to-right embedding
      '\u202C', // pop directional formatting
      '\u2066', // left-to-right isolate
      '\u2062', // invisible times
      '\u061C', // Arabic letter mark
      '\u180E', // Mongolian vowel separator
      '\u3164', // Hangul filler
      '\u{E0020}', // tag space
    ])
      expect(ruleOf({ blockedWords: ['gratis'] }, { text: `Alles gr${hidden}atis!` }), escape(hidden)).toBe(
        'blocked-word',
      );
  });

  it('finds a blocked word or disclosure in a sentence of a script without spaces (Chinese, Japanese, Thai)', () => {
    // Written without spaces, every character is a word (as textSimilarity reads them): no sentence would ever hold
    // the word "whole" otherwise.
    expect(ruleOf({ blockedWords: ['免费'] }, { text: '今天免费送咖啡' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['無料'] }, { text: '本日は無料でコーヒーを配ります' })).toBe(
      'blocked-word',
    );
    expect(ruleOf({ blockedWords: ['ฟรี'] }, { text: 'วันนี้แจกกาแฟฟรีค่ะ' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['gratis'] }, { text: '今天gratis咖啡' })).toBe('blocked-word');
    expect(ruleOf({ requiredDisclosure: '#社员' }, { text: '我在Acme工作#社员分享' })).toBeUndefined();
    // Letters of scripts written with spaces still make a longer word.
    expect(ruleOf({ blockedWords: ['gratis'] }, { text: '今天gratisbus咖啡' })).toBeUndefined();
  });

  test.prop([
    fc.constantFrom('免费', '無料', 'セール', 'ฟรี'),
    fc.string({ unit: fc.constantFrom(...'、。！ ab1') }),
    fc.string({ unit: fc.constantFrom(...'、。！ ab1') }),
  ])(
    'finds a blocked word of a script without spaces between punctuation, spaces or Latin',
    (word, before, after) => {
      expect(ruleOf({ blockedWords: [word] }, { text: `${before}${word}${after}` })).toBe('blocked-word');
    },
  );

  it('finds a blocked word of a script without spaces only as whole words, with its tone and voicing marks', () => {
    // A word inside a longer word is not the word: ฟรี (free) in แอฟริกา (Africa), フリー in フリーランス (freelance).
    expect(ruleOf({ blockedWords: ['ฟรี'] }, { text: 'ไปเที่ยวแอฟริกากัน' })).toBeUndefined();
    expect(ruleOf({ blockedWords: ['フリー'] }, { text: 'フリーランス募集' })).toBeUndefined();
    // Thai tone marks and kana voicing marks make another word: ข่าว (news) is not ขาว (white), バカ is not ハカ.
    expect(ruleOf({ blockedWords: ['ข่าว'] }, { text: 'เสื้อสีขาว' })).toBeUndefined();
    expect(ruleOf({ blockedWords: ['バカ'] }, { text: 'ハカセに会う' })).toBeUndefined();
    expect(ruleOf({ blockedWords: ['ﾊﾞｶ'] }, { text: 'バカ！' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['น้ำ'] }, { text: 'ดื่มน้ำฟรี' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['ฟรี'] }, { text: 'เที่ยวแอฟริกาฟรีค่ะ' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['gratis'] }, { text: '今天ｇｒａｔｉｓ咖啡' })).toBe('blocked-word');
    // The disclosure is read the same way.
    expect(ruleOf({ requiredDisclosure: 'フリー' }, { text: 'フリーランス募集' })).toBe('disclosure-missing');
  });

  it('keeps the vowel signs of Indic scripts: they make other words, and belong to the word they are in', () => {
    // काम (work) is not कम (less), and neither is in the other; a consonant alone is not in a word it starts.
    expect(ruleOf({ blockedWords: ['काम'] }, { text: 'यह कम है' })).toBeUndefined();
    expect(ruleOf({ blockedWords: ['कम'] }, { text: 'आज काम है' })).toBeUndefined();
    expect(ruleOf({ blockedWords: ['क'] }, { text: 'आज काम है' })).toBeUndefined();
    expect(ruleOf({ blockedWords: ['काम'] }, { text: 'आज काम है' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['இலவசம்'] }, { text: 'இன்று இலவசம்!' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['இலவச'] }, { text: 'இன்று இலவசம்!' })).toBeUndefined();
    // Accents of Latin letters still do not count.
    expect(ruleOf({ blockedWords: ['creme'] }, { text: 'Verse CRÈME vandaag' })).toBe('blocked-word');
  });

  it('reads a Hindi word with or without its nukta as one word (फ़्री and फ्री)', () => {
    expect(ruleOf({ blockedWords: ['फ्री'] }, { text: 'फ़्री डिलीवरी' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['फ़्री'] }, { text: 'आज फ्री डिलीवरी' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['ज़्यादा'] }, { text: 'ज्यादा जानें' })).toBe('blocked-word');
  });

  it('checks a long text of a script without spaces (105,000 characters) and a run of 100,000 marks', () => {
    // Listing every segment of such a text made Node copy it into each one (out of memory); a mark after many
    // others was looked back over all of them (minutes).
    const japanese = '本日は送料無料でお届けします。'.repeat(7_000);
    expect(ruleOf({ blockedWords: ['無料'] }, { text: japanese })).toBe('blocked-word');
    expect(ruleOf({ requiredDisclosure: '#社員' }, { text: japanese })).toBe('disclosure-missing');
    const zalgo = `gra${'\u0301'.repeat(100_000)}tis`;
    expect(ruleOf({ blockedWords: ['gratis'] }, { text: zalgo })).toBe('blocked-word');
  });

  it('reads every character of a script without spaces as a word where Intl has no Segmenter', async () => {
    vi.resetModules();
    vi.stubGlobal('Intl', Object.assign(Object.create(Intl), { Segmenter: undefined }));
    try {
      const { checkGuardrails: check } = await import('./share-guardrails.js');
      const rules = (words: string[], text: string) =>
        check({ blockedWords: words }, attempt({ text })).map((violation) => violation.rule);
      expect(rules(['フリー'], 'フリーランス募集')).toEqual(['blocked-word']);
      expect(rules(['gratis'], '今天gratisbus咖啡')).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });

  it('reads a typographic apostrophe or hyphen as the plain one, as phone keyboards type them', () => {
    // iOS and macOS turn ' into ’ as people type: a blocked "auto's" must still stop "auto’s".
    for (const apostrophe of ['’', '‘', 'ʼ', '＇', '′', '´', '`'])
      expect(ruleOf({ blockedWords: ["auto's"] }, { text: `Mooie auto${apostrophe}s te koop` })).toBe(
        'blocked-word',
      );
    expect(ruleOf({ blockedWords: ['zo’n deal'] }, { text: "Zo'n deal!" })).toBe('blocked-word');
    expect(
      ruleOf({ requiredDisclosure: "Ik werk bij Acme's team" }, { text: 'Ik werk bij Acme’s team' }),
    ).toBeUndefined();
    for (const hyphen of ['‐', '‑', '−', '﹣'])
      expect(ruleOf({ blockedWords: ['e-mail'] }, { text: `Stuur een e${hyphen}mail` })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ["auto's"] }, { text: 'Auto´s te koop' })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ['auto´s'] }, { text: "Mooie auto's te koop" })).toBe('blocked-word');
    expect(ruleOf({ blockedWords: ["auto's"] }, { text: 'Mooie autos te koop' })).toBeUndefined();
  });

  it('finds the disclosure across a line break, but not inside a longer word', () => {
    expect(
      ruleOf({ requiredDisclosure: 'Ik werk bij Acme.' }, { text: 'Mooi nieuws! Ik werk bij\nAcme.' }),
    ).toBeUndefined();
    expect(ruleOf({ requiredDisclosure: '#medewerker' }, { text: 'Lid van #medewerkersvereniging' })).toBe(
      'disclosure-missing',
    );
    expect(ruleOf({ requiredDisclosure: 'Ik werk bij Acme' }, { text: 'Dik werk bij Acme' })).toBe(
      'disclosure-missing',
    );
    expect(ruleOf({ requiredDisclosure: 'Ik werk bij Acme' }, { text: 'Ik werk bij Acmeland' })).toBe(
      'disclosure-missing',
    );
    expect(
      ruleOf({ requiredDisclosure: '#medewerker' }, { text: 'Mooi! #medewerker, #vacature' }),
    ).toBeUndefined();
  });

  it('requires the disclosure line', () => {
    expect(ruleOf({ requiredDisclosure: '#medewerker' }, { text: 'Mooi nieuws!' })).toBe(
      'disclosure-missing',
    );
    expect(
      ruleOf({ requiredDisclosure: 'Ik werk bij Acme' }, { text: 'Mooi nieuws! ik werk bij ACME.' }),
    ).toBeUndefined();
  });

  it('asks the SDK for two days of earlier shares with a daily limit, and for none without', () => {
    expect(createGuardrailPolicy({ maxSharesPerDay: 3 }).lookbackMs).toBe(2 * 86_400_000);
    expect(createGuardrailPolicy({ blockedWords: ['gratis'] }).lookbackMs).toBe(0);
    expect(createGuardrailPolicy({}).lookbackMs).toBe(0);
  });

  it('limits shares per person per day in the organisation time zone', () => {
    const guardrails = { maxSharesPerDay: 2 };
    // 23:30 UTC on the 25th is 00:30 on the 26th in Amsterdam: same local day as the attempt.
    const twoToday = ['2026-11-25T23:30:00.000Z', '2026-11-26T08:00:00.000Z'];
    expect(ruleOf(guardrails, { previousShareTimes: twoToday })).toBe('share-limit');
    // 22:30 UTC on the 25th is 23:30 on the 25th in Amsterdam: yesterday.
    expect(
      ruleOf(guardrails, { previousShareTimes: ['2026-11-25T22:30:00.000Z', '2026-11-26T08:00:00.000Z'] }),
    ).toBeUndefined();
  });

  it('allows sharing only inside the sharing hours on the allowed weekdays, across DST', () => {
    const hours = { sharingHours: { from: '08:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] } };
    expect(ruleOf(hours, { at: '2026-11-26T06:59:00.000Z' })).toBe('outside-sharing-hours'); // 07:59 local
    expect(ruleOf(hours, { at: '2026-11-26T07:00:00.000Z' })).toBeUndefined(); // 08:00 local
    expect(ruleOf(hours, { at: '2026-07-01T06:30:00.000Z' })).toBeUndefined(); // 08:30 summer time
    expect(ruleOf(hours, { at: '2026-11-26T17:00:00.000Z' })).toBe('outside-sharing-hours'); // 18:00 local
    expect(ruleOf(hours, { at: '2026-11-28T10:00:00.000Z' })).toBe('outside-sharing-hours'); // a Saturday
  });

  it('names the allowed days and today when a share falls on a closed day, not only the hours it is inside', () => {
    const hours = { sharingHours: { from: '08:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] } };
    const [saturday] = checkGuardrails(hours, attempt({ at: '2026-11-28T10:00:00.000Z' }));
    expect(saturday?.message).toBe(
      'Sharing is allowed on Monday, Tuesday, Wednesday, Thursday and Friday from 08:00 to 18:00 (Europe/Amsterdam); it is Saturday 11:00 there now.',
    );
    const [early] = checkGuardrails(
      { sharingHours: { from: '08:00', to: '18:00' } },
      attempt({ at: '2026-11-26T06:00:00.000Z' }),
    );
    expect(early?.message).toBe(
      'Sharing is allowed from 08:00 to 18:00 (Europe/Amsterdam); it is Thursday 07:00 there now.',
    );
  });

  it('gives the allowed days in its details, so that a UI can name them in its own language', () => {
    const hours = { sharingHours: { from: '08:00', to: '18:00', weekdays: [1, 2, 3, 4, 5] } };
    const [saturday] = checkGuardrails(hours, attempt({ at: '2026-11-28T10:00:00.000Z' }));
    expect(saturday).toMatchObject({ weekdays: [1, 2, 3, 4, 5], weekday: 6, from: '08:00', to: '18:00' });
    // Every day allowed: no list.
    const [early] = checkGuardrails(
      { sharingHours: { from: '08:00', to: '18:00' } },
      attempt({ at: '2026-11-26T06:00:00.000Z' }),
    );
    expect(early).not.toHaveProperty('weekdays');
  });

  it('handles a sharing window across midnight', () => {
    const hours = { sharingHours: { from: '22:00', to: '02:00' } };
    expect(ruleOf(hours, { at: '2026-11-26T23:30:00.000Z' })).toBeUndefined(); // 00:30 local
    expect(ruleOf(hours, { at: '2026-11-26T10:00:00.000Z' })).toBe('outside-sharing-hours');
  });

  it('lists every broken rule in details.violations and says what to do', () => {
    try {
      createGuardrailPolicy({ blockedWords: ['gratis'], requiredDisclosure: '#ad' })(
        attempt({ text: 'gratis' }),
      );
      expect.unreachable();
    } catch (error) {
      if (!isSocialShiftError(error, 'GUARDRAIL')) throw error;
      expect(error.details.rule).toBe('blocked-word');
      expect((error.details.violations as { rule: string }[]).map((v) => v.rule)).toEqual([
        'blocked-word',
        'disclosure-missing',
      ]);
      expect(error.message).toMatch(/only the post's editor can change it/);
    }
  });

  it.each([
    ['an attempt time without a zone (read in the machine’s own)', { at: '2026-11-26T23:30:00' }, ['at']],
    ['a date without a time', { at: '2026-11-26' }, ['at']],
    ['a day that does not exist (read as 3 March)', { at: '2026-02-31T10:00:00.000Z' }, ['at']],
    ['the hour 24 (read as the next day)', { at: '2026-11-26T24:00:00+01:00' }, ['at']],
    ['an offset that does not exist', { at: '2026-11-26T10:00:00+25:00' }, ['at']],
    [
      'an earlier share time without a zone',
      { previousShareTimes: ['2026-11-26T08:00:00.000Z', '2026-11-26T09:00'] },
      ['previousShareTimes', 1],
    ],
  ])('refuses %s with VALIDATION naming it', (_, overrides, path) => {
    expect(() => checkGuardrails({ maxSharesPerDay: 1 }, attempt(overrides))).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: expect.objectContaining({ issues: [expect.objectContaining({ path })] }),
      }),
    );
  });

  it('reads an attempt time with an offset as that instant', () => {
    const late = { sharingHours: { from: '08:00', to: '20:00' } };
    expect(checkGuardrails(late, attempt({ at: '2026-11-26T21:30:00+01:00' }))[0]?.rule).toBe(
      'outside-sharing-hours',
    );
    expect(checkGuardrails(late, attempt({ at: '2026-11-26T19:30:00+01:00' }))).toEqual([]);
  });

  it('rejects malformed guardrails up front with VALIDATION', () => {
    expect(() => createGuardrailPolicy({ maxSharesPerDay: 0 })).toThrow(/maxSharesPerDay/);
    expect(() => createGuardrailPolicy({ sharingHours: { from: '8 uur', to: '18:00' } })).toThrow(/HH:MM/);
    expect(() => createGuardrailPolicy({ blockedWords: [' '] })).toThrow(/empty/);
  });

  it.each([
    ['not an object', null, []],
    ['a list', [], []],
    ['a misspelt guardrail', { maxSharePerDay: 1 }, ['maxSharePerDay']],
    ['blocked words as one string', { blockedWords: 'gratis' }, ['blockedWords']],
    ['a blocked word that is not text', { blockedWords: ['ok', 5] }, ['blockedWords', 1]],
    // A hole, which forEach skips: ['ok', , 'gratis'].
    [
      'a hole in the blocked words',
      { blockedWords: Object.assign(new Array(3), { 0: 'ok', 2: 'gratis' }) },
      ['blockedWords', 1],
    ],
    ['a disclosure that is not text', { requiredDisclosure: 5 }, ['requiredDisclosure']],
    // Read through what shows as nothing, it is empty: every text would hold it, and it would require nothing.
    [
      'a disclosure of only invisible characters',
      { requiredDisclosure: '\u200B\u0301' },
      ['requiredDisclosure'],
    ],
    ['sharing hours that are not an object', { sharingHours: '08:00-18:00' }, ['sharingHours']],
    [
      'a misspelt sharing-hours key',
      { sharingHours: { from: '08:00', to: '18:00', days: [1] } },
      ['sharingHours', 'days'],
    ],
    [
      'no weekdays at all',
      { sharingHours: { from: '08:00', to: '18:00', weekdays: [] } },
      ['sharingHours', 'weekdays'],
    ],
    [
      'weekdays that are not a list',
      { sharingHours: { from: '08:00', to: '18:00', weekdays: 1 } },
      ['sharingHours', 'weekdays'],
    ],
    ['hours as numbers', { sharingHours: { from: 800, to: 1800 } }, ['sharingHours']],
    ['hours that are never open', { sharingHours: { from: '24:00', to: '00:00' } }, ['sharingHours']],
  ])(
    'refuses guardrails with %s with VALIDATION naming the field, in both entry points',
    (_, guardrails, path) => {
      const expected = expect.objectContaining({
        code: 'VALIDATION',
        details: expect.objectContaining({ issues: [expect.objectContaining({ path })] }),
      });
      expect(() => createGuardrailPolicy(guardrails as never)).toThrow(expected);
      expect(() => checkGuardrails(guardrails as never, attempt())).toThrow(expected);
      expect(() => checkGuardrails({}, attempt({ at: 'gisteren' }))).toThrow(/ISO 8601/);
      expect(() => checkGuardrails({ maxSharesPerDay: 1 }, attempt({ timeZone: 'Mars/Olympus' }))).toThrow(
        /Unknown time zone/,
      );
    },
  );
});
