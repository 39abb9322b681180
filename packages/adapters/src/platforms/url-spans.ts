/** Where a URL, hashtag or mention sits in a text: UTF-16 indices, `end` exclusive. */
export interface TextSpan {
  readonly kind: 'url' | 'hashtag' | 'mention';
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Options of {@link findUrls}. */
export interface FindUrlOptions {
  /** Also find `example.com`-style links without `http(s)://` (X does; Mastodon and Bluesky do not). */
  readonly withoutProtocol?: boolean;
}

/**
 * Generic top-level domains that count as links without a protocol. Two-letter country codes are always
 * accepted; this list covers the generic ones seen in practice.
 */
const GENERIC_TLDS = new Set(
  'com org net edu gov mil int info biz name pro aero coop museum mobi asia tel travel jobs cat app dev io ai co xyz online site store tech blog shop news page cloud club design email agency media live nl eu amsterdam social'.split(
    ' ',
  ),
);

// Characters that end a URL: whitespace, Unicode format characters (bidi marks), and characters that
// twitter-text treats as invalid (U+FFFE, U+FEFF, U+FFFF).
const URL_STOP = /[\s\p{Cf}\uFFFE\uFEFF\uFFFF<>"]/u;
const TRAILING_PUNCTUATION = /[.,;:!?'’”)\]}]$/u;

function validHost(host: string): boolean {
  if (host.length === 0) return false;
  if (/^\[[0-9a-f:.]+\]$/i.test(host)) return true;
  if (!/^(?:[A-Za-z0-9._-]|[^\p{ASCII}\s\p{P}])+$/u.test(host)) return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host.split('.').every((n) => Number(n) <= 255);
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((label) => label.length === 0)) return false;
  let ascii: string;
  try {
    ascii = new URL(`http://${host}/`).hostname;
  } catch {
    return false;
  }
  const asciiLabels = ascii.split('.');
  if (asciiLabels.some((label) => label.length === 0 || label.length > 63 || /^-|-$/.test(label)))
    return false;
  if (labels.some((label) => /^-|-$/.test(label))) return false;
  // Underscores are allowed in subdomains, not in the registered domain or the top-level domain.
  if (labels.slice(-2).some((label) => label.includes('_'))) return false;
  const tld = labels[labels.length - 1] as string;
  return !/^\d+$/.test(tld) && /^[\p{L}\p{N}-]+$/u.test(tld);
}

/** Strips trailing punctuation from a URL candidate, keeping a `)` that closes a `(` inside the URL. */
function trimUrl(candidate: string): string {
  let url = candidate;
  while (TRAILING_PUNCTUATION.test(url)) {
    if (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) >= (url.match(/\)/g)?.length ?? 0)) break;
    url = url.slice(0, -1);
  }
  return url;
}

/** The host of what follows `scheme://`; empty (invalid) when the userinfo holds characters URLs may not carry. */
function hostOf(rest: string): string {
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  const at = authority.lastIndexOf('@');
  if (at >= 0 && !/^[\p{L}\p{N}\-._~!$&'()*+,;=:%]*$/u.test(authority.slice(0, at))) return '';
  return (at >= 0 ? authority.slice(at + 1) : authority).replace(/:\d{1,5}$/, '');
}

/**
 * Tells whether a whole string is one valid link (twitter-text's URL validity rules: `http(s)` only, a valid
 * host, nothing after it).
 *
 * @example
 * ```ts
 * isValidUrl('https://example.org/a?b=c'); // true
 * isValidUrl('ftp://example.org/'); // false
 * ```
 */
export function isValidUrl(text: string): boolean {
  const spans = findUrls(text);
  return spans.length === 1 && spans[0]?.start === 0 && spans[0].end === text.length;
}

/**
 * Finds links in a text the way the platforms do: `http(s)://` followed by a valid host (labels of at most 63
 * characters after IDNA, no leading or trailing hyphen, a non-numeric top-level domain, or an IPv4 address),
 * ending at whitespace or a format character, without trailing punctuation. Optionally also bare domains
 * (`example.com/path`) with a known top-level domain.
 *
 * @example
 * ```ts
 * findUrls('Lees https://example.org/a. Nu!'); // [{ kind: 'url', start: 5, end: 26, text: 'https://example.org/a' }]
 * ```
 */
export function findUrls(text: string, options: FindUrlOptions = {}): TextSpan[] {
  const spans: TextSpan[] = [];
  const consumed: [number, number][] = [];
  const stopAfter = (from: number): number => {
    let end = from;
    while (end < text.length && !URL_STOP.test(text[end] as string)) end++;
    return end;
  };
  for (const match of text.matchAll(/https?:\/\//giu)) {
    const start = match.index;
    if (consumed.some(([a, b]) => start >= a && start < b)) continue;
    if (start > 0 && /[\p{L}\p{N}_]/u.test(text[start - 1] as string)) continue;
    const end = stopAfter(start);
    consumed.push([start, end]);
    const url = trimUrl(text.slice(start, end));
    if (validHost(hostOf(url.slice(match[0].length))))
      spans.push({ kind: 'url', start, end: start + url.length, text: url });
  }
  if (options.withoutProtocol === true) {
    for (const token of text.matchAll(/[^\s\p{Cf}]+/gu)) {
      const tokenStart = token.index;
      if (consumed.some(([a, b]) => tokenStart < b && tokenStart + token[0].length > a)) continue;
      const lead = /^[([{"'“‘]*/u.exec(token[0])?.[0].length ?? 0;
      const match = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:[/?#]\S*)?/u.exec(token[0].slice(lead));
      if (match === null) continue;
      const url = trimUrl(match[0]);
      const host = url.split(/[/?#]/, 1)[0] as string;
      const tld = (host.split('.').pop() ?? '').toLowerCase();
      if ((GENERIC_TLDS.has(tld) || /^[a-z]{2}$/.test(tld)) && validHost(host)) {
        const start = tokenStart + lead;
        spans.push({ kind: 'url', start, end: start + url.length, text: url });
      }
    }
    spans.sort((a, b) => a.start - b.start);
  }
  return spans;
}

/**
 * Finds hashtags (`#` then a letter, then letters, digits, `_`), which a fit never cuts through.
 *
 * @example
 * ```ts
 * findHashtags('Kom werken #bij_ons!'); // [{ kind: 'hashtag', start: 11, end: 19, text: '#bij_ons' }]
 * ```
 */
export function findHashtags(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(
    /(?<![\p{L}\p{N}_&/])[#＃][\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*/gu,
  )) {
    spans.push({ kind: 'hashtag', start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return spans;
}

/**
 * Finds mentions: `@user` and fediverse `@user@server.example`.
 *
 * @example
 * ```ts
 * findMentions('Dank @anne@social.example!'); // [{ kind: 'mention', start: 5, end: 25, text: '@anne@social.example' }]
 * ```
 */
export function findMentions(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(
    /(?<![\p{L}\p{N}_/])@[A-Za-z0-9_]+(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?/gu,
  )) {
    spans.push({ kind: 'mention', start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return spans;
}
