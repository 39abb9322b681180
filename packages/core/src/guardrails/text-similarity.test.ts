import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { findNearIdenticalTexts, textSimilarity } from './text-similarity.js';

const base =
  'Bij Acme bouwen we aan duurzame energie en we zoeken collega’s in Utrecht die mee willen bouwen.';

describe('textSimilarity', () => {
  it('sees punctuation, case, accents and links as no difference', () => {
    expect(textSimilarity(base, `${base.toUpperCase()}!! https://example.org/x`)).toBe(1);
    // A link as people type it, without the scheme, is a link too.
    expect(textSimilarity(base, `${base} www.acme.nl/vacatures/utrecht-2026`)).toBe(1);
    expect(textSimilarity(base, `${base} (WWW.ACME.NL)`)).toBe(1);
    expect(textSimilarity('Crème brûlée is lekker', 'creme brulee is lekker')).toBe(1);
  });

  it('drops a link without scheme or www, and a link written against a sentence without spaces', () => {
    expect(textSimilarity(base, `${base} acme.nl/vacatures`)).toBe(1);
    expect(textSimilarity(base, `${base} bit.ly/3xYz9`)).toBe(1);
    expect(textSimilarity(base, `${base} (Acme.co.uk/jobs/?id=1)`)).toBe(1);
    const chinese = '今天我们在乌得勒支招聘新同事';
    expect(textSimilarity(chinese, `${chinese}请访问www.acme.cn/jobs`)).toBe(
      textSimilarity(chinese, `${chinese}请访问`),
    );
    expect(textSimilarity(`${chinese}请访问`, `${chinese}请访问www.acme.cn/jobs`)).toBe(1);
    // A link ends at the first letter of a script written without spaces: the sentence after it still counts.
    expect(textSimilarity(`https://acme.cn/jobs${chinese}`, chinese)).toBe(1);
    expect(textSimilarity(`acme.cn/jobs${chinese}`, chinese)).toBe(1);
    // Words with a dot, or a slash after a dot, are words, not links.
    expect(textSimilarity('Zoek werk.En/of solliciteer nu', 'Zoek solliciteer nu')).toBeLessThan(1);
    expect(textSimilarity('Versie 2.0/3.0 is uit', 'Versie is uit')).toBeLessThan(1);
    expect(textSimilarity('Mail jan@acme.nl/piet vandaag', 'Mail jan vandaag')).toBeLessThan(1);
    expect(textSimilarity('Mooi einde.Nieuw begin', 'Mooi einde nieuw begin')).toBe(1);
  });

  it('folds case fully: a capital text is a copy of the same text in lower case, also with ß', () => {
    expect(textSimilarity('Die Straße ist heute gesperrt', 'DIE STRASSE IST HEUTE GESPERRT')).toBe(1);
    expect(textSimilarity('Grüße aus dem großen Team', 'GRÜSSE AUS DEM GROSSEN TEAM')).toBe(1);
    expect(textSimilarity('Die Straße ist heute gesperrt', 'DIE STRAẞE IST HEUTE GESPERRT')).toBe(1);
    expect(textSimilarity('Diyarbakır şubemiz açıldı bugün', 'DİYARBAKIR ŞUBEMİZ AÇILDI BUGÜN')).toBe(1);
  });

  it('reads through characters that show as nothing: a copy with soft hyphens or joiners is a copy', () => {
    // Soft hyphens come along when text is copied from a hyphenated page or a word processor.
    for (const hidden of ['\u00AD', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u200E'])
      expect(
        textSimilarity(
          base,
          base.replace('duurzame', `duur${hidden}zame`).replace('Utrecht', `Ut${hidden}recht`),
        ),
        escape(hidden),
      ).toBe(1);
  });

  it('scores a personal rewrite much lower than a copy', () => {
    const personal =
      'Ik werk nu drie jaar bij Acme en merk elke dag hoe leuk duurzame energie is. Kom je ook?';
    expect(textSimilarity(base, personal)).toBeLessThan(0.2);
    expect(textSimilarity(base, `${base} Echt een aanrader.`)).toBeGreaterThan(0.8);
  });

  it('compares texts in scripts without spaces (Chinese, Japanese, Thai) character by character', () => {
    const zh = '我们正在招聘乌得勒支的护士，欢迎加入我们的团队';
    // One character changed: a copy, not a 0 because the whole sentence was one "word".
    expect(textSimilarity(zh, '我们正在招聘乌得勒支的护士，欢迎加入我们的团体')).toBeGreaterThan(0.8);
    expect(textSimilarity(zh, '今天我们的团队在阿姆斯特丹举办了一场开放日活动')).toBeLessThan(0.2);
    const ja = '私たちはユトレヒトで看護師を募集しています';
    expect(textSimilarity(ja, '私たちはユトレヒトで看護師を募集しています！ぜひ')).toBeGreaterThan(0.8);
    const th = 'เรากำลังรับสมัครพยาบาลในอูเทรคต์';
    expect(textSimilarity(th, `${th}ค่ะ`)).toBeGreaterThan(0.8);
    expect(textSimilarity(th, 'วันนี้ทีมของเราจัดงานเปิดบ้านที่อัมสเตอร์ดัม')).toBeLessThan(0.2);
    const warnings = findNearIdenticalTexts([
      { publisherId: 'p1', text: zh },
      { publisherId: 'p2', text: `${zh}！` },
      { publisherId: 'p3', text: '我们正在招聘乌得勒支的护士，欢迎加入我们的团体' },
    ]);
    expect(warnings.map((w) => w.publisherIds)).toEqual([['p1', 'p2', 'p3']]);
  });

  test.prop([fc.string(), fc.string()])('is symmetric and lies in [0, 1]', (a, b) => {
    const s = textSimilarity(a, b);
    expect(s).toBe(textSimilarity(b, a));
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(1);
  });

  test.prop([fc.string()])('gives 1 for a text with a word compared with itself', (a) => {
    expect(textSimilarity(`woord ${a}`, `woord ${a}`)).toBe(1);
  });

  it('gives 0 for texts without words: nothing to compare is not identical', () => {
    expect(textSimilarity('🎉🎉', '🚀 🚀')).toBe(0);
    expect(textSimilarity('https://a.example/1', 'https://b.example/2')).toBe(0);
    expect(textSimilarity('', '')).toBe(0);
  });
});

describe('findNearIdenticalTexts', () => {
  it('warns when three or more publishers would post near-identical text', () => {
    const warnings = findNearIdenticalTexts([
      { publisherId: 'p1', text: base },
      { publisherId: 'p2', text: `${base} #vacature` },
      { publisherId: 'p3', text: 'Ik werk nu drie jaar bij Acme en vind het geweldig.' },
      { publisherId: 'p4', text: base.replace('Utrecht', 'Utrecht!') },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.publisherIds).toEqual(['p1', 'p2', 'p4']);
    expect(warnings[0]?.message).toMatch(/3 publishers/);
  });

  it('stays quiet when texts differ or too few publishers share one', () => {
    expect(
      findNearIdenticalTexts([
        { publisherId: 'p1', text: base },
        { publisherId: 'p2', text: base },
        { publisherId: 'p3', text: 'Iets heel anders over ons team en de koffie.' },
      ]),
    ).toEqual([]);
  });

  /** The grouping as documented: each text joins the first group whose first text it is similar enough to. */
  function greedyGroups(planned: { publisherId: string; text: string }[], threshold: number) {
    const groups: { lead: string; publisherIds: string[]; similarity: number }[] = [];
    for (const { publisherId, text } of planned) {
      const group = groups.find((candidate) => textSimilarity(candidate.lead, text) >= threshold);
      if (group === undefined) groups.push({ lead: text, publisherIds: [publisherId], similarity: 1 });
      else {
        if (!group.publisherIds.includes(publisherId)) group.publisherIds.push(publisherId);
        group.similarity = Math.min(group.similarity, textSimilarity(group.lead, text));
      }
    }
    return groups.map(({ publisherIds, similarity }) => ({ publisherIds, similarity }));
  }

  test.prop([
    fc.array(
      fc.record({
        publisherId: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6'),
        text: fc
          .array(
            fc.constantFrom('wij', 'zoeken', 'een', 'collega', 'in', 'Utrecht', 'Acme', '#vacature', '!'),
            {
              maxLength: 8,
            },
          )
          .map((words) => words.join(' ')),
      }),
      { maxLength: 30 },
    ),
    fc.constantFrom(0.3, 0.5, 0.8, 1),
    fc.integer({ min: 2, max: 4 }),
  ])('groups each text with the first group it is similar enough to', (planned, threshold, minPublishers) => {
    const expected = greedyGroups(planned, threshold).filter(
      (group) => group.publisherIds.length >= minPublishers,
    );
    const warnings = findNearIdenticalTexts(planned, { threshold, minPublishers });
    expect(warnings.map(({ publisherIds, similarity }) => ({ publisherIds, similarity }))).toEqual(expected);
  });

  it('finds the one copied text among 5,000 personal texts that all hold the same disclosure', () => {
    // Personal texts share few word triples besides the disclosure every one holds: only texts sharing a rare one are
    // compared (their speed is a benchmark's to measure; that the grouping is the documented one, the property above).
    let seed = 1;
    const word = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return `w${(seed % 5_000).toString(36)}`;
    };
    const planned = Array.from({ length: 5_000 }, (_, i) => ({
      publisherId: `p${i}`,
      text: `${Array.from({ length: 25 }, word).join(' ')} Ik werk bij Acme. #medewerker`,
    }));
    planned.push({ publisherId: 'copy1', text: planned[7]?.text ?? '' });
    planned.push({ publisherId: 'copy2', text: `${planned[7]?.text}!` });
    const warnings = findNearIdenticalTexts(planned);
    expect(warnings.map((warning) => warning.publisherIds)).toEqual([['p7', 'copy1', 'copy2']]);
  });

  it('does not group texts without words', () => {
    const planned = ['🎉🎉', '🚀', '👏👏👏'].map((text, i) => ({ publisherId: `p${i}`, text }));
    expect(findNearIdenticalTexts(planned)).toEqual([]);
  });

  it.each([
    ['a threshold that is not a number', { threshold: Number.NaN }, ['threshold']],
    ['a threshold of 0', { threshold: 0 }, ['threshold']],
    ['a threshold above 1', { threshold: 1.5 }, ['threshold']],
    ['minPublishers 0', { minPublishers: 0 }, ['minPublishers']],
    ['minPublishers 1', { minPublishers: 1 }, ['minPublishers']],
    ['minPublishers that is not whole', { minPublishers: 2.5 }, ['minPublishers']],
  ])('refuses %s with VALIDATION naming the option', (_, options, path) => {
    expect(() => findNearIdenticalTexts([{ publisherId: 'p1', text: base }], options)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: expect.objectContaining({ issues: [expect.objectContaining({ path })] }),
      }),
    );
  });
});
