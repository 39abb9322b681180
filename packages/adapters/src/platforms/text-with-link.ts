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
 * The link as it is put into a post's text (or, on X, sent as the share intent's `url`): exactly as given, unless
 * it holds non-ASCII characters and the platform's rule (`ending`, see {@link urlEnding}) would end it early. Then
 * each non-ASCII character is percent-encoded as UTF-8 (`%XX`, as `new URL(link).href` writes it) and a non-ASCII
 * host becomes punycode: the same resource, linked whole by X (which ends a link at a CJK or Greek letter).
 * ASCII characters are never changed, not even one at which the platform ends a link (X: `^`; Mastodon: an
 * unbalanced `(`), since encoding one changes what a server reads (`?q=c++` is not `?q=c%2B%2B`) and breaks a
 * tracked link's signature check: the platform links such a link only up to that character, as it would anyway. So
 * a tracked link from the SDK (`URL.href`, ASCII) always comes out byte for byte as given. Where links end at white
 * space (every other platform), the link is given back as it is.
 *
 * @example
 * ```ts
 * linkAsPosted('https://example.org/日本語', 'twitter-text'); // 'https://example.org/%E6%97%A5%E6%9C%AC%E8%AA%9E'
 * linkAsPosted('https://example.org/zoek?q=c++', 'twitter-text'); // unchanged
 * ```
 */
export function linkAsPosted(link: string, ending: UrlEnding = 'whitespace'): string {
  if (ending === 'whitespace' || !NON_ASCII.test(link) || linkedWhole(link, ending)) return link;
  try {
    new URL(link);
  } catch {
    return link;
  }
  // The scheme and authority (`https://bücher.example:8443`): only a host is written as punycode, by URL.
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\\]*/.exec(link)?.[0] ?? '';
  let head = authority;
  if (NON_ASCII.test(authority)) {
    try {
      const url = new URL(authority);
      // User info as URL keeps it: `https://:pw@…` has a password and no user name.
      const userinfo = url.username + (url.password === '' ? '' : `:${url.password}`);
      head = `${url.protocol}//${userinfo === '' ? '' : `${userinfo}@`}${url.host}`;
    } catch {
      return link;
    }
  }
  // The rest: each non-ASCII code point as the percent-encoded bytes of its UTF-8 (a lone surrogate as U+FFFD's,
  // as URL does); every ASCII character as given.
  const utf8 = new TextEncoder();
  const rest = link
    .slice(authority.length)
    .replace(NON_ASCII_ALL, (char) =>
      Array.from(utf8.encode(char), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(
        '',
      ),
    );
  return `${head}${rest}`;
}

const NON_ASCII = /[\u0080-\u{10ffff}]/u;
const NON_ASCII_ALL = /[\u0080-\u{10ffff}]/gu;

/** True when the platform's rule, reading the link alone, links all of it. */
function linkedWhole(link: string, ending: UrlEnding): boolean {
  return findUrls(link, { ending }).some((url) => url.start === 0 && url.end === link.length);
}

/**
 * The text a publisher without link cards (X, Mastodon) posts for `{ text, link }`: the text as it is when it
 * already holds the link as a whole URL (not as the start of a longer one), else the text, a space and the link as
 * posted ({@link linkAsPosted}). That is how `fitText(platform, text, { link })` joins them, so
 * publishing `{ text: fitted.body, link }` posts exactly `fitted.text`. `ending` is where the platform ends a link
 * ({@link urlEnding}): a text in which the platform would end the link early (X at a CJK letter) does not hold it,
 * and gets it appended, its non-ASCII characters percent-encoded (`https://example.org/%E6%97%A5…`).
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
