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
 * The link as it is put into a post's text (or, on X, sent as the share intent's `url`), so that the platform links
 * all of it: as given when the platform's rule (`ending`, see {@link urlEnding}) already ends it at its end, else
 * percent-encoded: `new URL(link).href` (non-ASCII characters become `%XX`), then each character at which the rule
 * still ends the link (X: `^`; Mastodon: an unbalanced `(`) as `%XX`. Percent-encoding keeps what the link points
 * to; a tracked link from the SDK (`URL.href`, ASCII) comes out unchanged. Where links end at white space (every
 * other platform), the link is given back as it is.
 *
 * @example
 * ```ts
 * linkAsPosted('https://example.org/日本語', 'twitter-text'); // 'https://example.org/%E6%97%A5%E6%9C%AC%E8%AA%9E'
 * linkAsPosted('https://example.org/a(b', 'mastodon'); // 'https://example.org/a%28b'
 * ```
 */
export function linkAsPosted(link: string, ending: UrlEnding = 'whitespace'): string {
  if (ending === 'whitespace' || linkedWhole(link, ending)) return link;
  let posted: string;
  try {
    posted = new URL(link).href;
  } catch {
    return link;
  }
  // Only in the path, query and fragment: the scheme and host are not encoded.
  const pathStart = posted.indexOf('/', posted.indexOf('//') + 2);
  for (let i = 0; pathStart >= 0 && i < posted.length; i++) {
    const found = findUrls(posted, { ending }).find((url) => url.start === 0);
    if (found === undefined || found.end >= posted.length || found.end <= pathStart) break;
    // `%`, `?` and `#` are the link's own syntax: encoding them would change where it points. A rule that stops at
    // one (X drops a query `?^a=1` whole) stops for a character after it: the first one that is not plain.
    let at = found.end;
    if ('%?#'.includes(posted.charAt(at))) {
      const next = posted.slice(at + 1).search(/[^A-Za-z0-9%?#&=/\-_.~]/);
      if (next < 0) break;
      at += 1 + next;
    }
    const stop = posted.charCodeAt(at);
    if (stop > 0x7e) break;
    posted = `${posted.slice(0, at)}%${stop.toString(16).toUpperCase().padStart(2, '0')}${posted.slice(at + 1)}`;
  }
  return posted;
}

/** True when the platform's rule, reading the link alone, links all of it. */
function linkedWhole(link: string, ending: UrlEnding): boolean {
  return findUrls(link, { ending }).some((url) => url.start === 0 && url.end === link.length);
}

/**
 * The text a publisher without link cards (X, Mastodon) posts for `{ text, link }`: the text as it is when it
 * already holds the link as a whole URL (not as the start of a longer one), else the text, a space and the link as
 * the platform links it whole ({@link linkAsPosted}). That is how `fitText(platform, text, { link })` joins them, so
 * publishing `{ text: fitted.body, link }` posts exactly `fitted.text`. `ending` is where the platform ends a link
 * ({@link urlEnding}): a text in which the platform would end the link early (X at a CJK letter) does not hold it,
 * and gets it appended, percent-encoded where the platform would end it (`https://example.org/%E6%97%A5…`).
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
  return holdsLink(text, link, ending) ? text : `${text} ${linkAsPosted(link, ending)}`;
}

/**
 * True when the text holds the link as a whole URL (not as the start of a longer one), with links ended as the
 * platform ends them (`ending`, see {@link urlEnding}), as given or as posted ({@link linkAsPosted}): then the link
 * is not appended again, by the publishers, `fitText` nor `buildShareLink`. A link the platform would end early
 * (X: `https://example.org/日本語` ends before `日`) is not held: the platform would link only its start.
 *
 * @example
 * ```ts
 * holdsLink('Lees https://example.org/jobs!', 'https://example.org/jobs'); // true
 * holdsLink('Lees https://example.org/jobs/1', 'https://example.org/jobs'); // false
 * holdsLink('Lees https://example.org/日本語', 'https://example.org/日本語', 'twitter-text'); // false
 * ```
 */
export function holdsLink(text: string, link: string, ending: UrlEnding = 'whitespace'): boolean {
  const holds = (whole: string): boolean =>
    text.includes(whole) && findUrls(text, { ending }).some((url) => url.text === whole);
  if (holds(link)) return true;
  const posted = linkAsPosted(link, ending);
  return posted !== link && holds(posted);
}
