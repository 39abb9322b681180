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
});
