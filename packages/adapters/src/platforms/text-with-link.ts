import type { Platform } from '@social-shift/core';
import { findUrls, type UrlEnding } from './url-spans.js';

/**
 * Where the platform ends a link in a post's text: twitter-text's rules on X, Mastodon's variant on Mastodon, else
 * at white space. X, for one, ends a link at the first CJK or Greek letter or `^`, so a text holding
 * `https://example.org/日本語` links only `https://example.org/` there.
 */
export function urlEnding(platform: Platform): UrlEnding {
  return platform === 'x' ? 'twitter-text' : platform === 'mastodon' ? 'mastodon' : 'whitespace';
}

/**
 * The text a publisher without link cards (X, Mastodon) posts for `{ text, link }`: the text as it is when it
 * already holds the link as a whole URL (not as the start of a longer one), else the text, a space and the link.
 * That is how `fitText(platform, text, { link })` joins them, so publishing `{ text: fitted.body, link }` posts
 * exactly `fitted.text`. `ending` is where the platform ends a link ({@link urlEnding}): a text in which the
 * platform would end the link early (X at a CJK letter) does not hold it, and gets it appended whole.
 *
 * @example
 * ```ts
 * textWithLink('Wij zoeken collega’s', 'https://example.org/jobs'); // 'Wij zoeken collega’s https://example.org/jobs'
 * textWithLink('Lees https://example.org/jobs!', 'https://example.org/jobs'); // unchanged
 * ```
 */
export function textWithLink(
  text: string,
  link: string | undefined,
  ending: UrlEnding = 'whitespace',
): string {
  if (link === undefined) return text;
  return holdsLink(text, link, ending) ? text : `${text} ${link}`;
}

/**
 * True when the text holds the link as a whole URL (not as the start of a longer one), with links ended as the
 * platform ends them (`ending`, see {@link urlEnding}): then the link is not appended again, by the publishers,
 * `fitText` nor `buildShareLink`. A link the platform would end early (X: `https://example.org/日本語` ends before
 * `日`) is not held: the platform would link only its start.
 *
 * @example
 * ```ts
 * holdsLink('Lees https://example.org/jobs!', 'https://example.org/jobs'); // true
 * holdsLink('Lees https://example.org/jobs/1', 'https://example.org/jobs'); // false
 * holdsLink('Lees https://example.org/日本語', 'https://example.org/日本語', 'twitter-text'); // false
 * ```
 */
export function holdsLink(text: string, link: string, ending: UrlEnding = 'whitespace'): boolean {
  return text.includes(link) && findUrls(text, { ending }).some((url) => url.text === link);
}
