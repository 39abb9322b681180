import { type Platform, SocialShiftError } from '@social-shift/core';
import { findBareDomains } from './bluesky-facets.js';
import { findBlueskyTags } from './bluesky-tags.js';
import { isPlainObject, kindOf } from './option-checks.js';
import { holdsLink, linkAsPosted, urlEnding } from './text-with-link.js';
import { findHashtags, findMentions, findUrls, type TextSpan, type UrlEnding } from './url-spans.js';
import { countXText, X_TEXT_CONFIG } from './x-text.js';

/** How a platform measures text. */
export type TextUnit = 'weighted' | 'graphemes' | 'utf8-bytes' | 'utf16' | 'threads-characters';

/** One limit of a platform and where a text stands against it. */
export interface TextMeasure {
  readonly unit: TextUnit;
  readonly count: number;
  readonly limit: number;
}

/**
 * Per-instance settings of Mastodon (from `GET /api/v2/instance`: `configuration.statuses`). The server's object can
 * be passed as it is: its snake_case names are read as the camelCase ones, and its other keys
 * (`max_media_attachments`, …) are ignored. A limit given under both names must be the same number in both.
 *
 * @example
 * ```ts
 * const instance = await (await fetch('https://mastodon.social/api/v2/instance')).json();
 * fitText('mastodon', text, { mastodon: instance.configuration.statuses });
 * fitText('mastodon', text, { mastodon: { maxCharacters: 1000 } });
 * ```
 */
export interface MastodonTextSettings {
  /** `configuration.statuses.max_characters`; 500 by default. */
  readonly maxCharacters?: number | undefined;
  /** `configuration.statuses.characters_reserved_per_url`; 23 by default. */
  readonly charactersReservedPerUrl?: number | undefined;
  /** The server's name of {@link MastodonTextSettings.maxCharacters}. */
  readonly max_characters?: number | undefined;
  /** The server's name of {@link MastodonTextSettings.charactersReservedPerUrl}. */
  readonly characters_reserved_per_url?: number | undefined;
}

/** Each Mastodon limit by its camelCase name and the name the server gives it in `configuration.statuses`. */
const MASTODON_LIMITS = [
  ['maxCharacters', 'max_characters'],
  ['charactersReservedPerUrl', 'characters_reserved_per_url'],
] as const;

/** The server's `max_characters`, under either name; the settings were checked. */
const maxCharactersOf = (settings: MastodonTextSettings | undefined): number | undefined =>
  settings?.maxCharacters ?? settings?.max_characters;

/**
 * Checks Mastodon settings that are a plain object (`path` names them): each limit, under its camelCase name or the
 * server's, a positive whole number, and the same under both names when both are given. A VALIDATION error naming
 * the key, not a limit that silently falls back to the default or differs from the one the caller meant.
 */
export function checkMastodonSettings(given: object, path: readonly string[]): void {
  const settings = given as Readonly<Record<string, unknown>>;
  const name = (key: string): string => [...path, key].join('.');
  for (const [camel, snake] of MASTODON_LIMITS) {
    for (const key of [camel, snake]) {
      const value = settings[key];
      if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 1)) {
        throw invalid(
          [...path, key],
          `${name(key)} must be a positive whole number, as the server reports it.`,
        );
      }
    }
    const given = settings[camel];
    const served = settings[snake];
    if (given !== undefined && served !== undefined && given !== served) {
      throw invalid(
        [...path, snake],
        `${name(camel)} (${given}) and ${name(snake)} (${served}) are the same limit and disagree: give it once.`,
      );
    }
  }
}

/** Options of {@link measureText} and {@link fitText}. */
export interface TextFitOptions {
  /** Settings of the publisher's own Mastodon server. */
  readonly mastodon?: MastodonTextSettings | undefined;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const encoder = new TextEncoder();
const EMOJI_GRAPHEME = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** UTF-16 units segmented at a time by {@link graphemeSegments}. */
const SEGMENT_WINDOW = 1024;

/**
 * The graphemes of a text, in order. `Intl.Segmenter` slows down more than linearly with the length of the string
 * it iterates (Node 20: 100,000 ASCII characters took 4.5 s, 20,000 family emoji 18 s), so the text is segmented
 * in windows: each window's last segment may be cut off by the window's end, so it is dropped and the next window
 * starts there. That start is a boundary the segmenter found, and a boundary depends only on the text before it and
 * the one (whole: a window never ends inside a surrogate pair) character after it, so the windows give the same graphemes as the whole text would.
 */
function* graphemeSegments(text: string): Generator<string> {
  let start = 0;
  let size = SEGMENT_WINDOW;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    // Never split a surrogate pair: the boundary before the last segment depends on the whole character after it.
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end++;
    const segments = Array.from(segmenter.segment(text.slice(start, end)));
    const last = segments.at(-1);
    if (end === text.length) {
      for (const { segment } of segments) yield segment;
      return;
    }
    if (last === undefined || last.index === 0) {
      size *= 2; // one grapheme fills the whole window
      continue;
    }
    for (const { segment } of segments.slice(0, -1)) yield segment;
    start += last.index;
    size = SEGMENT_WINDOW;
  }
}

function graphemes(text: string): string[] {
  return Array.from(graphemeSegments(text));
}

function countGraphemes(text: string): number {
  // Fast path: in printable ASCII every character is a grapheme, except CR LF, which is one.
  if (/^[\x20-\x7e\t\n\r]*$/.test(text)) return text.length - (text.match(/\r\n/g)?.length ?? 0);
  let n = 0;
  for (const _ of graphemeSegments(text)) n++;
  return n;
}

/**
 * Mastodon: graphemes, every http(s) URL (ended as Mastodon's server ends it) as `charactersReservedPerUrl`, a remote
 * mention as its local part.
 */
function countMastodon(text: string, settings: MastodonTextSettings): number {
  const perUrl = settings.charactersReservedPerUrl ?? settings.characters_reserved_per_url ?? 23;
  let rest = text;
  let extra = 0;
  const urls = findUrls(text, { ending: 'mastodon' });
  // As the server drops overlapping entities, a mention inside a URL (`…?by=@anne@social.example`) is part of the
  // URL: rewriting both would cut the text twice and undercount it.
  const spans = [
    ...urls,
    ...findMentions(text).filter(
      (m) => m.text.indexOf('@', 1) > 0 && !urls.some((url) => m.start < url.end && m.end > url.start),
    ),
  ].sort((a, b) => b.start - a.start);
  for (const span of spans) {
    if (span.kind === 'url') {
      rest = rest.slice(0, span.start) + rest.slice(span.end);
      extra += perUrl;
    } else {
      rest = rest.slice(0, span.start) + span.text.slice(0, span.text.indexOf('@', 1)) + rest.slice(span.end);
    }
  }
  return countGraphemes(rest) + extra;
}

/** Threads: characters, except that an emoji counts as its UTF-8 bytes. */
function countThreads(text: string): number {
  let n = 0;
  for (const grapheme of graphemes(text)) {
    n += EMOJI_GRAPHEME.test(grapheme) ? encoder.encode(grapheme).length : [...grapheme].length;
  }
  return n;
}

/**
 * The text limits of every platform, as documented by the platform (see docs/platforms/*.md).
 *
 * @example
 * ```ts
 * TEXT_LIMITS.bluesky; // [{ unit: 'graphemes', limit: 300 }, { unit: 'utf8-bytes', limit: 3000 }]
 * ```
 */
export const TEXT_LIMITS: Readonly<Record<Platform, readonly { unit: TextUnit; limit: number }[]>> = {
  x: [{ unit: 'weighted', limit: 280 }],
  bluesky: [
    { unit: 'graphemes', limit: 300 },
    { unit: 'utf8-bytes', limit: 3000 },
  ],
  mastodon: [{ unit: 'graphemes', limit: 500 }],
  threads: [{ unit: 'threads-characters', limit: 500 }],
  linkedin: [{ unit: 'utf16', limit: 3000 }],
  facebook: [{ unit: 'utf16', limit: 63_206 }],
  instagram: [{ unit: 'utf16', limit: 2200 }],
  whatsapp: [{ unit: 'utf16', limit: 4096 }],
  telegram: [{ unit: 'utf16', limit: 4096 }],
  reddit: [{ unit: 'utf16', limit: 300 }],
  xing: [{ unit: 'utf16', limit: 3000 }],
  email: [{ unit: 'utf16', limit: 2000 }],
};

function invalid(path: string | readonly string[], message: string): SocialShiftError<'VALIDATION'> {
  return new SocialShiftError('VALIDATION', message, {
    details: {
      issues: [{ path: typeof path === 'string' ? [path] : [...path], message, code: 'invalid_value' }],
    },
  });
}

/**
 * Checks the options of {@link measureText} and {@link fitText} (a few property reads, so it is cheap enough for
 * every call): a plain object; `mastodon` a plain object of positive whole numbers; `link` a non-empty string;
 * `ellipsis` a string. A VALIDATION error naming the option, not a TypeError or a silently wrong text. `at` is the
 * path of the options themselves when they were given inside another object (`['textOptions']`); the caller
 * checks that they are a plain object.
 */
export function checkTextFitOptions(options: unknown, at: readonly string[] = []): void {
  if (!isPlainObject(options)) {
    throw invalid(
      'options',
      `The options must be an object such as { link } (got ${kindOf(options)}); leave them out for none.`,
    );
  }
  const name = (key: string): string => [...at, key].join('.');
  const { mastodon, link, ellipsis } = options;
  if (mastodon !== undefined) {
    if (!isPlainObject(mastodon)) {
      throw invalid(
        [...at, 'mastodon'],
        `${name('mastodon')} must be an object such as { maxCharacters: 500 }, as the server reports it.`,
      );
    }
    checkMastodonSettings(mastodon, [...at, 'mastodon']);
  }
  if (link !== undefined && (typeof link !== 'string' || link.trim() === '')) {
    throw invalid(
      [...at, 'link'],
      `The link must be a non-empty string such as https://example.org/a (got ${typeof link === 'string' ? 'an empty one' : typeof link}); leave it out for none.`,
    );
  }
  if (ellipsis !== undefined && typeof ellipsis !== 'string') {
    throw invalid(
      [...at, 'ellipsis'],
      `The ellipsis must be a string such as '…' or '' (got ${typeof ellipsis}).`,
    );
  }
}

/** The limits of a known platform; a VALIDATION error (not a TypeError) for an unknown platform or a non-string text. */
function limitsOf(platform: Platform, text: unknown): readonly { unit: TextUnit; limit: number }[] {
  const limits =
    typeof platform === 'string' && Object.hasOwn(TEXT_LIMITS, platform) ? TEXT_LIMITS[platform] : undefined;
  if (limits === undefined) {
    throw invalid(
      'platform',
      `Unknown platform ${JSON.stringify(String(platform))}: use one of ${Object.keys(TEXT_LIMITS).join(', ')}.`,
    );
  }
  if (typeof text !== 'string') throw invalid('text', `The text must be a string (got ${typeof text}).`);
  return limits;
}

/**
 * Measures a text the way a platform counts it, against each of its limits.
 *
 * @example
 * ```ts
 * measureText('bluesky', 'Hallo 👋🏽'); // [{ unit: 'graphemes', count: 7, limit: 300 }, { unit: 'utf8-bytes', count: 14, limit: 3000 }]
 * measureText('x', 'Lees https://example.org/een/heel/lang/pad'); // [{ unit: 'weighted', count: 28, limit: 280 }]
 * ```
 */
export function measureText(platform: Platform, text: string, options: TextFitOptions = {}): TextMeasure[] {
  const limits = limitsOf(platform, text);
  checkTextFitOptions(options);
  return measure(platform, text, limits, options);
}

function measure(
  platform: Platform,
  text: string,
  limits: readonly { unit: TextUnit; limit: number }[],
  options: TextFitOptions,
): TextMeasure[] {
  return limits.map(({ unit, limit }) => {
    switch (unit) {
      case 'weighted':
        return { unit, limit, count: countXText(text, X_TEXT_CONFIG).weightedLength };
      case 'graphemes':
        return platform === 'mastodon'
          ? {
              unit,
              limit: maxCharactersOf(options.mastodon) ?? limit,
              count: countMastodon(text, options.mastodon ?? {}),
            }
          : { unit, limit, count: countGraphemes(text) };
      case 'utf8-bytes':
        return { unit, limit, count: encoder.encode(text).length };
      case 'threads-characters':
        return { unit, limit, count: countThreads(text) };
      default:
        return { unit, limit, count: platform === 'email' ? mailBodyLength(text) : text.length };
    }
  });
}

/** What {@link fitText} did. */
export interface FitResult {
  readonly platform: Platform;
  /** The full text (with the link) fits as it is. */
  readonly fits: boolean;
  /** The text to share: the original when it fits, else the cut body + ellipsis (+ the link, never cut). */
  readonly text: string;
  /** `text` without the appended link: what goes into a share intent's text parameter beside its url. */
  readonly body: string;
  /** How the original full text measures against each limit. */
  readonly measures: readonly TextMeasure[];
  /** How the returned text measures. */
  readonly fitted: readonly TextMeasure[];
  /** What was cut from the end of the body ('' when nothing was). */
  readonly cut: string;
  /** How far over its tightest limit the original is (0 when it fits). */
  readonly over: number;
  /** The unit of that tightest limit. */
  readonly overUnit: TextUnit;
}

/** Options of {@link fitText}. */
export interface FitTextOptions extends TextFitOptions {
  /**
   * A link to append after the text; it is never cut (the body is shortened to make room). A text that already
   * holds it as a whole URL gets it no second time, as the publishers post it (`textWithLink`).
   */
  readonly link?: string | undefined;
  /** Appended where the body was cut; default `…`. */
  readonly ellipsis?: string | undefined;
}

function protectedSpans(platform: Platform, text: string): TextSpan[] {
  const spans = [
    ...findUrls(text, { withoutProtocol: platform === 'x', ending: urlEnding(platform) }),
    // Bluesky links a domain without https:// too (`acme.nl/vacatures`): a cut inside it would post another link.
    ...(platform === 'bluesky' ? findBareDomains(text) : []),
    // Bluesky links a tag up to the next white space (`#covid-19`): a cut inside it would post another tag.
    ...(platform === 'bluesky' ? findBlueskyTags(text) : findHashtags(text)),
    ...findMentions(text),
  ];
  return spans.sort((a, b) => a.start - b.start);
}

/** Indices where the body may be cut: between graphemes, never inside a URL, hashtag or mention. */
function cutPoints(platform: Platform, body: string): number[] {
  const spans = protectedSpans(platform, body);
  const points: number[] = [0];
  let position = 0;
  let next = 0; // the first span that may still contain a later position (spans are sorted by start)
  for (const segment of graphemeSegments(body)) {
    position += segment.length;
    while (next < spans.length && (spans[next] as TextSpan).end <= position) next++;
    let inside = false;
    for (let k = next; k < spans.length && (spans[k] as TextSpan).start < position; k++) {
      if (position < (spans[k] as TextSpan).end) inside = true;
    }
    if (!inside) points.push(position);
  }
  return points;
}

/**
 * The UTF-16 length of a text as an e-mail body carries it: RFC 6068 sends every line break (CRLF, a lone CR or a
 * lone LF) as CRLF, so each counts two.
 */
function mailBodyLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a) ||
      (code === 0x0a && text.charCodeAt(i - 1) !== 0x0d)
    )
      n++;
  }
  return n;
}

/**
 * What joins the body and the link: a space, or on e-mail the blank line (CRLF CRLF) that the `mailto:` body puts
 * between them, so an e-mail body is measured as the link sends it.
 */
const linkSeparator = (platform: Platform): string => (platform === 'email' ? '\r\n\r\n' : ' ');

const fitsAll = (measures: readonly TextMeasure[]): boolean => measures.every((m) => m.count <= m.limit);

/**
 * Fits a text (and optionally a link) to a platform: reports the count, the limit and how far over it is, and
 * when it does not fit, cuts the body from the end — at a word boundary where one is close, never inside a
 * grapheme (`Intl.Segmenter`), a URL, a hashtag or a mention — adds an ellipsis and keeps the link whole.
 *
 * @example
 * ```ts
 * const result = fitText('bluesky', longText, { link: 'https://example.org/vacature' });
 * result.fits; // false
 * result.over; // 41 (graphemes over 300)
 * result.text; // the first words + '…' + ' https://example.org/vacature', at most 300 graphemes
 * ```
 */
export function fitText(platform: Platform, body: string, options: FitTextOptions = {}): FitResult {
  const limits = limitsOf(platform, body);
  checkTextFitOptions(options);
  return fitWithin(platform, body, limits, options);
}

/**
 * {@link fitText} against limits other than the platform's text limits, counted and cut as on that platform (an
 * e-mail subject: `fitWithin('email', subject, [{ unit: 'utf16', limit: 69 }])`). The arguments are not checked:
 * for callers in this package that checked them.
 *
 * @example
 * ```ts
 * fitWithin('email', 'Een heel lang onderwerp …', [{ unit: 'utf16', limit: 20 }]).body; // 'Een heel lang…'
 * ```
 */
export function fitWithin(
  platform: Platform,
  body: string,
  limits: readonly { unit: TextUnit; limit: number }[],
  options: FitTextOptions = {},
): FitResult {
  // The search below measures many candidates.
  const measureFit = (text: string): TextMeasure[] => measure(platform, text, limits, options);
  const ellipsis = options.ellipsis ?? '…';
  const separator = linkSeparator(platform);
  // A body that already holds the link (as a whole URL) is posted as it is: the publishers do not append it again
  // (textWithLink), and counting it twice would cut a text that fits.
  // Appended as given (X and Mastodon: non-ASCII characters percent-encoded where their rule would end it).
  const posted = options.link === undefined ? undefined : linkAsPosted(options.link, urlEnding(platform));
  const compose = (b: string): string =>
    options.link === undefined || posted === undefined
      ? b
      : b.length === 0
        ? posted
        : holdsLink(b, options.link, urlEnding(platform))
          ? b
          : `${b}${separator}${posted}`;
  const full = compose(body);
  const measures = measureFit(full);
  let over = 0;
  let overUnit: TextUnit = measures[0]?.unit ?? 'utf16';
  for (const m of measures) {
    if (m.count - m.limit > over) {
      over = m.count - m.limit;
      overUnit = m.unit;
    }
  }
  if (fitsAll(measures)) {
    return { platform, fits: true, text: full, body, measures, fitted: measures, cut: '', over: 0, overUnit };
  }
  const points = cutPoints(platform, body);
  // A cut right after a link must not glue the ellipsis onto it ("…/12345…"): Bluesky's link facet and Mastodon
  // would take it into the URL (a broken link), and X would count it apart. Such a head gets a space before it.
  const endings = new Set<UrlEnding>(['whitespace', urlEnding(platform)]);
  const withEllipsis = (head: string): string => {
    if (head.length === 0) return '';
    if (ellipsis === '') return head;
    const joined = `${head}${ellipsis}`;
    // No link runs over white space, so the last word decides.
    const word = head.slice(head.search(/\S*$/u));
    for (const ending of endings) {
      const options = { withoutProtocol: platform === 'x', ending };
      if (
        findUrls(word, options).some((url) => url.end === word.length) ||
        findUrls(`${word}${ellipsis}`, options).some((url) => url.end > word.length)
      )
        return `${head} ${ellipsis}`;
    }
    if (
      platform === 'bluesky' &&
      findBareDomains(`${word}${ellipsis}`).some((domain) => domain.end > word.length)
    )
      return `${head} ${ellipsis}`;
    return joined;
  };
  const candidate = (point: number): string => compose(withEllipsis(body.slice(0, point).trimEnd()));
  const ok = (point: number): boolean => fitsAll(measureFit(candidate(point)));
  // Binary search for the last cut point that fits (measures grow with the prefix). Gallop from the start first, so
  // that for a long text the search (and every measurement in it) stays near what fits.
  let lo = 0;
  let hi = points.length - 1;
  for (let step = 1; step < hi; step *= 2) {
    if (!ok(points[step] as number)) {
      hi = step;
      break;
    }
  }
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ok(points[mid] as number)) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  let point = best < 0 ? 0 : (points[best] as number);
  // Prefer the last word boundary when it keeps at least 60% of what fits.
  for (let k = best; k > 0; k--) {
    const p = points[k] as number;
    if (p < point * 0.6) break;
    if (/\s/u.test(body[p] ?? '') || p === body.length) {
      point = p;
      break;
    }
  }
  const head = body.slice(0, point).trimEnd();
  let fittedBody = best < 0 ? '' : withEllipsis(head);
  let text = compose(fittedBody);
  if (!fitsAll(measureFit(text))) {
    text = '';
    fittedBody = '';
  }
  return {
    platform,
    fits: false,
    text,
    body: fittedBody,
    measures,
    fitted: measureFit(text),
    cut: body.slice(body.slice(0, point).trimEnd().length),
    over,
    overUnit,
  };
}
