import { findBlueskyTags } from './bluesky-tags.js';
import { findUrls } from './url-spans.js';

/** A rich-text facet of a Bluesky post (`app.bsky.richtext.facet`), with UTF-8 byte offsets. */
export interface BlueskyFacet {
  readonly index: { readonly byteStart: number; readonly byteEnd: number };
  readonly features: readonly (
    | { readonly $type: 'app.bsky.richtext.facet#link'; readonly uri: string }
    | { readonly $type: 'app.bsky.richtext.facet#tag'; readonly tag: string }
  )[];
}

const encoder = new TextEncoder();
const byteOffset = (text: string, index: number): number => encoder.encode(text.slice(0, index)).length;

/**
 * Makes the facets that turn links and hashtags in a Bluesky post into working links: Bluesky does not detect
 * them itself, and facet offsets are UTF-8 byte offsets (not UTF-16 indices, not graphemes). Hashtags follow
 * Bluesky's own rule ({@link findBlueskyTags}): `#covid-19` and `#c++` are tags whole. Facets never overlap:
 * a `#` inside a link is part of the link, not a hashtag. Mentions need a
 * handle-to-DID lookup and are left as text.
 *
 * @example
 * ```ts
 * blueskyFacets('Één link: https://example.org');
 * // [{ index: { byteStart: 12, byteEnd: 31 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.org' }] }]
 * ```
 */
export function blueskyFacets(text: string): BlueskyFacet[] {
  const facets: BlueskyFacet[] = [];
  const urls = findUrls(text);
  for (const url of urls) {
    facets.push({
      index: { byteStart: byteOffset(text, url.start), byteEnd: byteOffset(text, url.end) },
      features: [{ $type: 'app.bsky.richtext.facet#link', uri: url.text }],
    });
  }
  for (const tag of findBlueskyTags(text)) {
    const name = tag.text.slice(1);
    // A `#` inside a link (`…/wiki/Mercury#Orbit`) is its fragment, not a tag: facets must not overlap.
    if (urls.some((url) => tag.start < url.end && tag.end > url.start)) continue;
    facets.push({
      index: { byteStart: byteOffset(text, tag.start), byteEnd: byteOffset(text, tag.end) },
      features: [{ $type: 'app.bsky.richtext.facet#tag', tag: name }],
    });
  }
  return facets.sort((a, b) => a.index.byteStart - b.index.byteStart);
}
