import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { blueskyFacets } from './bluesky-facets.js';

describe('blueskyFacets', () => {
  it('makes no tag facet from a # inside a link: facets never overlap', () => {
    const text =
      'Lees https://en.wikipedia.org/wiki/Mercury_(planet)#Orbit en https://example.org/faq?q=#jobs #vacature';
    const facets = blueskyFacets(text);
    expect(facets.map((f) => f.features[0])).toEqual([
      { $type: 'app.bsky.richtext.facet#link', uri: 'https://en.wikipedia.org/wiki/Mercury_(planet)#Orbit' },
      { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.org/faq?q=#jobs' },
      { $type: 'app.bsky.richtext.facet#tag', tag: 'vacature' },
    ]);
    for (let i = 1; i < facets.length; i++) {
      expect(facets[i]?.index.byteStart).toBeGreaterThanOrEqual(facets[i - 1]?.index.byteEnd as number);
    }
  });

  const tag = (byteStart: number, byteEnd: number, name: string) => ({
    index: { byteStart, byteEnd },
    features: [{ $type: 'app.bsky.richtext.facet#tag', tag: name }],
  });

  it('tags as Bluesky does: up to the next white space, so #covid-19, #c++, #WerkenBij❤️ and #mkb’ers whole', () => {
    // Byte offsets by hand: ❤️ is U+2764 U+FE0F (3 + 3 bytes), ’ is U+2019 (3 bytes).
    expect(blueskyFacets('Doe mee #covid-19 nu')).toEqual([tag(8, 17, 'covid-19')]);
    expect(blueskyFacets('Wij zoeken #c++ developers')).toEqual([tag(11, 15, 'c++')]);
    expect(blueskyFacets('Trots op #WerkenBij❤️ en #mkb’ers')).toEqual([
      tag(9, 25, 'WerkenBij❤️'),
      tag(29, 39, 'mkb’ers'),
    ]);
    // After a multi-byte character: "Één " is 6 bytes.
    expect(blueskyFacets('Één #100dagen')).toEqual([tag(6, 15, '100dagen')]);
  });

  it('leaves trailing punctuation out of a tag, and keeps a double hash', () => {
    expect(blueskyFacets('Solliciteer nu: #vacature!')).toEqual([tag(16, 25, 'vacature')]);
    // … is 3 bytes: the second tag starts at 5 + 3 + 4.
    expect(blueskyFacets('#werk… en #c++.')).toEqual([tag(0, 5, 'werk'), tag(12, 16, 'c++')]);
    expect(blueskyFacets('##trots')).toEqual([tag(0, 7, '#trots')]);
    expect(blueskyFacets('Zie ＃vacature')).toEqual([tag(4, 15, 'vacature')]);
  });

  it('makes no tag where Bluesky makes none', () => {
    for (const text of [
      'Zie (#vacature)', // not after white space
      'nummer#1 en a#b',
      'Sinds #2026 en #1.5', // only digits and punctuation
      'Kies #️⃣ of #!?',
      `#${'a'.repeat(65)}`, // over 64 characters
      '# los',
    ]) {
      expect(blueskyFacets(text)).toEqual([]);
    }
    expect(blueskyFacets(`#${'a'.repeat(64)}`)).toEqual([tag(0, 65, 'a'.repeat(64))]);
  });

  it('ends a tag at an invisible character that could hide in it (zero-width space, soft hyphen)', () => {
    expect(blueskyFacets('#werken\u200Bbij')).toEqual([tag(0, 7, 'werken')]);
    expect(blueskyFacets('#werken\u00ADbij')).toEqual([tag(0, 7, 'werken')]);
  });

  // Graphemes whose UTF-8 length differs from their UTF-16 length and their count: ZWJ families, skin tones, flags,
  // combining marks (a decomposed é), keycaps, CJK, a supplementary CJK letter.
  const tricky = fc.constantFrom(
    '👨‍👩‍👧‍👦',
    '👍🏽',
    '🇳🇱',
    'e\u0301',
    'n\u0303\u0323',
    '1️⃣',
    '日本',
    '𠀋',
    'Één',
    ' ',
    '—',
  );
  test.prop([fc.array(tricky, { maxLength: 12 }), fc.array(tricky, { maxLength: 6 })])(
    'gives byte offsets whose UTF-8 slices are exactly the link and the tag, whatever comes before them',
    (before, between) => {
      const link = 'https://example.org/a?b=c';
      const text = `${before.join('')} ${link} ${between.join('')} #vacature ${before.join('')}`;
      const bytes = new TextEncoder().encode(text);
      const slices = blueskyFacets(text).map((f) =>
        new TextDecoder().decode(bytes.slice(f.index.byteStart, f.index.byteEnd)),
      );
      expect(slices).toEqual([link, '#vacature']);
    },
  );
});
