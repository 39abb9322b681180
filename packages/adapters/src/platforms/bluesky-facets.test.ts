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
