import { type Platform, SocialShiftError } from '@social-shift/core';
import { isPlainObject } from './option-checks.js';
import { checkTextFitOptions, fitText, fitWithin, measureText, type TextFitOptions } from './text-fit.js';
import { holdsLink, linkAsPosted, urlEnding } from './text-with-link.js';

/** What a share link is built from: a post's text variant and its (tracked) link. */
export interface ShareLinkInput {
  /** The text the publisher shares (the post's variant for this platform). */
  readonly text: string;
  /** The tracked link; must be http(s). */
  readonly url?: string | undefined;
  /** A title, for platforms that take one (Reddit, e-mail subject); default the first line of the text. */
  readonly title?: string | undefined;
  /** Mastodon only: the publisher's own server, a host name such as `mastodon.social`. */
  readonly mastodonInstance?: string | undefined;
  /** Cut the text to the platform's limit first (default true); the link is never cut. */
  readonly fit?: boolean | undefined;
  /** Settings for counting (Mastodon server limits). */
  readonly textOptions?: TextFitOptions | undefined;
}

/** What the publisher opens, and what they paste where the platform takes no text. */
export interface ShareLink {
  readonly platform: Platform;
  /**
   * The share-intent URL to open; absent for platforms without one (Instagram), and for those that read only the
   * url (LinkedIn, Facebook, Xing) when no url is given: then the publisher pastes `clipboardText`.
   */
  readonly href: string | undefined;
  /** The inputs the platform reads from the link. */
  readonly uses: readonly ('text' | 'url' | 'title')[];
  /** The inputs the platform ignores (documented per platform in docs/platforms). */
  readonly ignores: readonly ('text' | 'url' | 'title')[];
  /** The text to copy to the clipboard, for platforms that take no text from the link. */
  readonly clipboardText: string | undefined;
  /** The text after fitting (what the link carries, or what to paste). */
  readonly text: string;
}

/**
 * What each platform's share intent reads, per the platform's documentation.
 *
 * @example
 * ```ts
 * SHARE_INTENTS.linkedin.uses; // ['url']: LinkedIn ignores text
 * ```
 */
export const SHARE_INTENTS = {
  linkedin: { base: 'https://www.linkedin.com/sharing/share-offsite/', uses: ['url'] },
  x: { base: 'https://x.com/intent/tweet', uses: ['text', 'url'] },
  facebook: { base: 'https://www.facebook.com/sharer/sharer.php', uses: ['url'] },
  whatsapp: { base: 'https://wa.me/', uses: ['text', 'url'] },
  telegram: { base: 'https://t.me/share/url', uses: ['text', 'url'] },
  reddit: { base: 'https://www.reddit.com/submit', uses: ['url', 'title'] },
  bluesky: { base: 'https://bsky.app/intent/compose', uses: ['text', 'url'] },
  mastodon: { base: 'https://{instance}/share', uses: ['text', 'url'] },
  threads: { base: 'https://www.threads.com/intent/post', uses: ['text', 'url'] },
  xing: { base: 'https://www.xing.com/spi/shares/new', uses: ['url'] },
  email: { base: 'mailto:', uses: ['text', 'url', 'title'] },
  instagram: { base: undefined, uses: [] },
} as const satisfies Record<
  Platform,
  { base: string | undefined; uses: readonly ('text' | 'url' | 'title')[] }
>;

const ALL = ['text', 'url', 'title'] as const;

/**
 * The longest subject (UTF-16 units, the ellipsis included) of an e-mail share link: with `Subject: ` before it, an
 * ASCII subject stays within the 78 characters RFC 5322 (section 2.1.1) recommends for a line, as the SMTP client's
 * plain header values do. A longer subject is cut by {@link fitText}'s rules (see docs/platforms/email.md).
 */
export const EMAIL_SUBJECT_LIMIT = 69;

/**
 * An e-mail subject on one line and within {@link EMAIL_SUBJECT_LIMIT}: line breaks become spaces (no header
 * injection), and a longer subject is cut as `fitText` cuts text — at a word boundary where one is close, never
 * inside a grapheme, a link, a hashtag or a mention — with an ellipsis. A subject that is one long link becomes ''.
 */
function emailSubject(title: string): string {
  const line = title.replace(/[\r\n]+/g, ' ');
  return fitWithin('email', line, [{ unit: 'utf16', limit: EMAIL_SUBJECT_LIMIT }]).body;
}

/** Replaces lone surrogates (which `encodeURIComponent` cannot encode) with U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Percent-encodes a value for a query string: every character but the unreserved ones; space as %20.
 *
 * @example
 * ```ts
 * encodeQueryValue('Hoi & dag'); // 'Hoi%20%26%20dag'
 * ```
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(wellFormed(value));
}

/**
 * Encodes a mailto header value (RFC 6068): UTF-8 percent-encoding of everything outside the unreserved set,
 * line breaks as `%0D%0A`. `encodeURIComponent` leaves only `A–Z a–z 0–9 - _ . ! ~ * ' ( )`, all allowed there.
 *
 * @example
 * ```ts
 * encodeMailtoValue('Regel 1\nRegel 2'); // 'Regel%201%0D%0ARegel%202'
 * ```
 */
export function encodeMailtoValue(value: string): string {
  return encodeURIComponent(wellFormed(value).replace(/\r\n|\r|\n/g, '\r\n'));
}

const HOSTNAME = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9-]{2,63}$/;

function invalid(path: string, message: string): SocialShiftError<'VALIDATION'> {
  return new SocialShiftError('VALIDATION', message, {
    details: { issues: [{ path: [path], message, code: 'invalid_value' }] },
  });
}

function checkUrl(url: string | undefined): void {
  if (url === undefined) return;
  // `new URL` silently drops tabs and line breaks and encodes other spaces (a no-break space pasted from a document,
  // U+2028), but the link is used as given, and a platform ends a link in a text at white space: refuse them (and
  // every other control character) instead of carrying them into the share link.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  if (/[\u0000-\u0020\u007f-\u009f\s]/u.test(url)) {
    throw invalid(
      'url',
      'The share link must not contain spaces, tabs, line breaks or other control characters.',
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('url', 'The share link must be an absolute http:// or https:// URL.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw invalid('url', 'The share link must be an absolute http:// or https:// URL.');
  }
  // `new URL` repairs `https:///jobs`, `https:example.org` and backslashes into a working address, but the link is
  // shared as given, where no platform links it (an empty host in a template: `https://${host}/jobs`).
  if (!/^https?:\/\/[^/\\?#]/i.test(url)) {
    throw invalid(
      'url',
      'The share link must start with http:// or https:// and its host, e.g. https://example.org/jobs.',
    );
  }
}

/**
 * Builds the share-intent link for one platform from a post's text and tracked link, with each platform's own
 * parameters and correct encoding (RFC 3986 percent-encoding; RFC 6068 for `mailto:`). Platforms that take only
 * the URL (LinkedIn, Facebook, Xing) get a `clipboardText` to paste into their composer. The text is first fitted
 * to the platform (the link is never cut).
 *
 * @example
 * ```ts
 * buildShareLink('x', { text: 'Wij zoeken collega’s!', url: 'https://example.org/jobs?utm_source=x' }).href;
 * // 'https://x.com/intent/tweet?text=Wij%20zoeken%20collega%E2%80%99s!&url=https%3A%2F%2Fexample.org%2Fjobs%3Futm_source%3Dx'
 * buildShareLink('linkedin', { text: 'Mooi nieuws', url }).clipboardText; // 'Mooi nieuws'
 * ```
 */
export function buildShareLink(platform: Platform, input: ShareLinkInput): ShareLink {
  if (typeof platform !== 'string' || !Object.hasOwn(SHARE_INTENTS, platform)) {
    throw invalid(
      'platform',
      `Unknown platform ${JSON.stringify(String(platform))}: use one of ${Object.keys(SHARE_INTENTS).join(', ')}.`,
    );
  }
  if (typeof input !== 'object' || input === null) {
    throw invalid('text', 'Give the share input as an object with a text (and optionally a url).');
  }
  if (typeof input.text !== 'string') {
    throw invalid('text', `The text to share must be a string (got ${typeof input.text}); use '' for none.`);
  }
  if (input.url !== undefined && typeof input.url !== 'string') {
    throw invalid('url', 'The share link must be an absolute http:// or https:// URL.');
  }
  checkUrl(input.url);
  if (input.title !== undefined && typeof input.title !== 'string') {
    throw invalid(
      'title',
      `The title must be a string (got ${input.title === null ? 'null' : typeof input.title}); leave it out to use the text's first line.`,
    );
  }
  // A string 'false' would read as true, and a string's characters would be spread into the options.
  if (input.fit !== undefined && typeof input.fit !== 'boolean') {
    throw invalid('fit', 'Use true (cut the text to fit the platform, the default) or false.');
  }
  // A plain object: a list, a Map or a Date would pass `typeof` and be spread into the fit's options as nothing (or
  // fail later naming `options`, which buildShareLink has not). Checked on every platform, also where no text is
  // fitted (Reddit, fit: false), with errors naming ['textOptions', …].
  if (input.textOptions !== undefined) {
    if (!isPlainObject(input.textOptions)) {
      throw invalid(
        'textOptions',
        'Give the text options as an object, such as { mastodon: { maxCharacters: 1000 } }.',
      );
    }
    checkTextFitOptions(input.textOptions, ['textOptions']);
  }
  if (input.url === undefined && input.text === '') {
    throw invalid('text', 'There is nothing to share: give a non-empty text or a url.');
  }
  const intent = SHARE_INTENTS[platform];
  const uses: readonly ('text' | 'url' | 'title')[] = intent.uses;
  const ignores = ALL.filter((k) => !uses.includes(k));
  const takesText = uses.includes('text');
  const separateUrl = platform === 'x' || platform === 'telegram' || platform === 'threads';
  const shouldFit = input.fit ?? true;
  const fitted =
    shouldFit && takesText
      ? fitText(platform, input.text, {
          // The share's own url is the link fitted with: a `link` among the text options (a key outside their type)
          // may not stand in for it.
          ...input.textOptions,
          ...(input.url === undefined ? {} : { link: input.url }),
        })
      : undefined;
  if (
    fitted !== undefined &&
    !fitted.fits &&
    (fitted.text === '' || fitted.fitted.some((m) => m.count > m.limit))
  ) {
    // Cutting the whole text away still does not fit: the link alone (or a single uncuttable part) is too long.
    const link = input.url === undefined ? undefined : measureText(platform, input.url, input.textOptions);
    const linkOver = link?.find((m) => m.count > m.limit);
    const over = linkOver ?? fitted.measures.find((m) => m.count > m.limit) ?? fitted.measures[0];
    throw new SocialShiftError(
      'LIMIT_EXCEEDED',
      linkOver === undefined
        ? `The text cannot be shortened to fit ${platform}: its first part alone is over the limit. Shorten the text.`
        : `The link alone is too long for ${platform}: ${linkOver.count} ${linkOver.unit} where at most ${linkOver.limit} fit, even without any text. Share a shorter link.`,
      {
        details: {
          limit: over?.limit ?? 0,
          actual: over?.count ?? 0,
          what: `${platform} ${over?.unit ?? 'text'}`,
          path: [linkOver === undefined ? 'text' : 'url'],
        },
      },
    );
  }
  const body = fitted === undefined ? input.text : fitted.body;
  // A text that already holds the link (as a whole URL, ended as the platform ends links: X stops at a CJK letter)
  // carries it once: it is neither appended again nor sent again in a url parameter, which the platform would add
  // to the text (as fitText counts it). Threads, whose url is an attachment and not text, gets its url anyway.
  // Appended (or, on X, sent as url) as given, except that X and Mastodon get its non-ASCII characters
  // percent-encoded where their rule would end it (linkAsPosted); ASCII characters are never changed.
  const link =
    input.url === undefined || holdsLink(body, input.url, urlEnding(platform))
      ? undefined
      : linkAsPosted(input.url, urlEnding(platform));
  const withLink = link === undefined ? body : body.length > 0 ? `${body} ${link}` : link;
  // A line ends at CRLF, a lone CR or a lone LF, as in the mailto body below.
  const title = (input.title ?? input.text.split(/\r\n|\r|\n/, 1)[0] ?? '').trim();
  const q = (pairs: [string, string | undefined][]): string =>
    pairs
      .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '')
      .map(([k, v]) => `${k}=${encodeQueryValue(v)}`)
      .join('&');
  let href: string | undefined;
  switch (platform) {
    // These read only the link: without one, `share-offsite/?` would open an error page. Then there is no href, and
    // the text is pasted from the clipboard, as on Instagram.
    case 'linkedin':
    case 'xing':
      href = input.url === undefined ? undefined : `${intent.base}?${q([['url', input.url]])}`;
      break;
    case 'facebook':
      href = input.url === undefined ? undefined : `${intent.base}?${q([['u', input.url]])}`;
      break;
    case 'x':
      href = `${intent.base}?${q([
        ['text', body],
        ['url', link],
      ])}`;
      break;
    case 'threads':
      // Threads' url is a link attachment (a card under the post), which Threads does not add to the text: it is
      // sent even when the text holds the link, or the card would be lost.
      href = `${intent.base}?${q([
        ['text', body],
        ['url', input.url],
      ])}`;
      break;
    case 'telegram':
      href = `${intent.base}?${q([
        ['url', link ?? body],
        ['text', link === undefined ? undefined : body],
      ])}`;
      break;
    case 'whatsapp':
    case 'bluesky':
      href = `${intent.base}?${q([['text', withLink]])}`;
      break;
    case 'reddit':
      href = `${intent.base}?${q([
        ['url', input.url],
        ['title', fitText('reddit', title).body],
      ])}`;
      break;
    case 'mastodon': {
      const given: unknown = input.mastodonInstance;
      const instance = typeof given === 'string' ? given.trim().toLowerCase() : '';
      if (!HOSTNAME.test(instance)) {
        throw invalid(
          'mastodonInstance',
          'Give the publisher’s own Mastodon server as a host name, e.g. mastodon.social.',
        );
      }
      href = `https://${instance}/share?${q([['text', withLink]])}`;
      break;
    }
    case 'email': {
      // CRLF, not "\n\n": a lone CR ending the text must not merge with the separator into a single break. The
      // text, the blank line and the link, as fitText('email', …, { link }) joins and counts them (the link alone
      // when there is no text), so the body stays within the e-mail budget.
      const mailBody = link === undefined ? body : body.length > 0 ? `${body}\r\n\r\n${link}` : link;
      // A subject is one short header line, cut whatever `fit` says (as Reddit's title is).
      href = `mailto:?subject=${encodeMailtoValue(emailSubject(title))}&body=${encodeMailtoValue(mailBody)}`;
      break;
    }
    case 'instagram':
      href = undefined;
      break;
  }
  if (
    platform === 'linkedin' ||
    platform === 'facebook' ||
    platform === 'xing' ||
    platform === 'instagram' ||
    platform === 'reddit'
  ) {
    // The text these take from the clipboard, not from the link: fitted to the platform's own limit unless
    // `fit` is off (Reddit's limit is its title's; the text goes into the post's body, which takes far more).
    const clipboard =
      shouldFit && platform !== 'reddit' ? fitText(platform, input.text, input.textOptions).body : input.text;
    return { platform, href, uses, ignores, clipboardText: clipboard, text: clipboard };
  }
  return {
    platform,
    href,
    uses,
    ignores,
    clipboardText: undefined,
    text: platform === 'email' || separateUrl ? body : withLink,
  };
}
