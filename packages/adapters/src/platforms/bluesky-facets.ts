import { findBlueskyTags } from './bluesky-tags.js';
import { findUrls, isKnownTopLevelDomain, type TextSpan } from './url-spans.js';

/** A rich-text facet of a Bluesky post (`app.bsky.richtext.facet`), with UTF-8 byte offsets. */
export interface BlueskyFacet {
  readonly index: { readonly byteStart: number; readonly byteEnd: number };
  readonly features: readonly (
    | { readonly $type: 'app.bsky.richtext.facet#link'; readonly uri: string }
    | { readonly $type: 'app.bsky.richtext.facet#tag'; readonly tag: string }
  )[];
}

const encoder = new TextEncoder();

// Bluesky's composer (`detectFacets` of @atproto/api) also links a domain without https:// at the start, after white
// space or `(`: ASCII letters and digits (no hyphen) with a dot, then anything up to white space.
const BARE_DOMAIN = /(?<=^|\s|\()[a-z][a-z0-9]*(?:\.[a-z0-9]+)+\S*/gi;
const DOMAIN = /^[a-z][a-z0-9]*(?:\.[a-z0-9]+)+/i;

/**
 * The domains written without https:// that Bluesky's composer links, outside the links `findUrls` found: its
 * top-level domain in lower case and known ({@link isKnownTopLevelDomain}), one trailing `.,;:!?` left out, then a
 * `)` without a `(`.
 */
export function findBareDomains(text: string, urls: readonly TextSpan[] = findUrls(text)): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(BARE_DOMAIN)) {
    const start = match.index;
    if (urls.some((url) => start < url.end && start + match[0].length > url.start)) continue;
    const domain = DOMAIN.exec(match[0])?.[0] ?? '';
    if (!isKnownTopLevelDomain(domain.slice(domain.lastIndexOf('.') + 1))) continue;
    let found = match[0];
    if (/[.,;:!?]$/.test(found)) found = found.slice(0, -1);
    if (found.endsWith(')') && !found.includes('(')) found = found.slice(0, -1);
    spans.push({ kind: 'url', start, end: start + found.length, text: `https://${found}` });
  }
  return spans;
}
const byteOffset = (text: string, index: number): number => encoder.encode(text.slice(0, index)).length;

/**
 * Makes the facets that turn links and hashtags in a Bluesky post into working links: Bluesky does not detect
 * them itself, and facet offsets are UTF-8 byte offsets (not UTF-16 indices, not graphemes). Hashtags follow
 * Bluesky's own rule: `#covid-19` and `#c++` are tags whole. A domain without https://
 * is linked as Bluesky's composer links it: `acme.nl/vacatures` as
 * `https://acme.nl/vacatures`. Facets never overlap:
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
  const found = findUrls(text);
  const urls = [...found, ...findBareDomains(text, found)];
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
