import { findHashtags, findUrls } from './url-spans.js';

/** Characters the LinkedIn "little" text format reserves; unescaped, LinkedIn may silently cut the post there. */
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;

/**
 * Escapes text for the `commentary` of the LinkedIn Posts API ("little" text format): every reserved character
 * (`\ | { } @ [ ] ( ) < > # * _ ~`) gets a backslash, so the post is not silently cut at the first one. URLs are
 * left intact (they still auto-link) and a `#` that starts a hashtag stays unescaped (hashtags stay clickable).
 *
 * @example
 * ```ts
 * escapeLittleText('Wij (Acme) zoeken #developers: https://example.org/a_b');
 * // 'Wij \\(Acme\\) zoeken #developers: https://example.org/a_b'
 * ```
 */
export function escapeLittleText(text: string): string {
  const keep = [...findUrls(text), ...findHashtags(text)].sort((a, b) => a.start - b.start);
  let out = '';
  let position = 0;
  for (const span of keep) {
    if (span.start < position) continue;
    out += text.slice(position, span.start).replace(RESERVED, '\\$&');
    out += span.kind === 'hashtag' ? `#${span.text.slice(1).replace(RESERVED, '\\$&')}` : span.text;
    position = span.end;
  }
  return out + text.slice(position).replace(RESERVED, '\\$&');
}
