import { findUrls } from './url-spans.js';

/**
 * The text a publisher without link cards (X, Mastodon) posts for `{ text, link }`: the text as it is when it
 * already holds the link as a whole URL (not as the start of a longer one), else the text, a space and the link.
 * That is how `fitText(platform, text, { link })` joins them, so publishing `{ text: fitted.body, link }` posts
 * exactly `fitted.text`.
 *
 * @example
 * ```ts
 * textWithLink('Wij zoeken collega’s', 'https://example.org/jobs'); // 'Wij zoeken collega’s https://example.org/jobs'
 * textWithLink('Lees https://example.org/jobs!', 'https://example.org/jobs'); // unchanged
 * ```
 */
export function textWithLink(text: string, link: string | undefined): string {
  if (link === undefined) return text;
  return holdsLink(text, link) ? text : `${text} ${link}`;
}

/**
 * True when the text holds the link as a whole URL (not as the start of a longer one): then the link is not
 * appended again, by the publishers nor by `fitText`.
 *
 * @example
 * ```ts
 * holdsLink('Lees https://example.org/jobs!', 'https://example.org/jobs'); // true
 * holdsLink('Lees https://example.org/jobs/1', 'https://example.org/jobs'); // false
 * ```
 */
export function holdsLink(text: string, link: string): boolean {
  return text.includes(link) && findUrls(text).some((url) => url.text === link);
}
