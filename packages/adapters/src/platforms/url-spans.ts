/** Where a URL, hashtag or mention sits in a text: UTF-16 indices, `end` exclusive. */
export interface TextSpan {
  readonly kind: 'url' | 'hashtag' | 'mention';
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Options of {@link findUrls}. */
export interface FindUrlOptions {
  /**
   * Also find `example.com`-style links without `http(s)://` (X does; Mastodon and Bluesky do not), by twitter-text's
   * rule: a generic top-level domain, or a country-code one with a path, a subdomain, or `.co`/`.tv` (`example.nl`
   * alone is text, `example.nl/jobs` a link). Never the end of an e-mail address's local part.
   */
  readonly withoutProtocol?: boolean;
  /**
   * Where a link ends. `whitespace` (default; Bluesky's own link detection): at whitespace or a format character,
   * without trailing punctuation. `twitter-text` (X): at the first character that twitter-text does not take into
   * a URL path or query (`validGeneralUrlPathChars`: ASCII letters and digits, Latin accents, Cyrillic and
   * `!*';:=+,.$/%#[]-–_~&|@`), so CJK text, `…`, `→` or an emoji right after a link is counted as text.
   * `mastodon`: as Mastodon's server counts it (twitter-text with Mastodon's wider path characters: anything but
   * white space, `<>()?`). In both, a host ends at its top-level domain: `https://example.org了解` is
   * `https://example.org`.
   */
  readonly ending?: UrlEnding;
}

/** How {@link findUrls} ends a link: see {@link FindUrlOptions.ending}. */
export type UrlEnding = 'whitespace' | 'twitter-text' | 'mastodon';

/**
 * Generic top-level domains that count as links without a protocol (twitter-text links `example.com` but not
 * `example.nl`). twitter-text knows every generic TLD of the root zone; this list covers those seen in practice, so
 * a bare domain under another one (`example.berlin`) is counted as text. With `https://` every TLD is a link.
 */
const GENERIC_TLDS = new Set(
  'com org net edu gov mil int info biz name pro aero coop museum mobi asia tel travel jobs cat app dev xyz online site store tech blog shop news page cloud club design email agency media live amsterdam social'.split(
    ' ',
  ),
);

/**
 * The two-letter top-level domains of the root zone (IANA's country codes, with `eu`, `ac`, `su` …). Any two letters
 * would take file names and frameworks for domains: `Node.js`, `Vue.js` and `vite.config.ts` are no links on
 * Bluesky (whose composer checks the root zone's list) nor on X, and a facet to https://Node.js is a broken link.
 */
const COUNTRY_TLDS = new Set(
  'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw'.split(
    ' ',
  ),
);

/** Whether a bare domain's top-level domain is one we know: a generic one seen in practice, or a country code. */
export function isKnownTopLevelDomain(tld: string): boolean {
  return GENERIC_TLDS.has(tld) || COUNTRY_TLDS.has(tld);
}

/**
 * twitter-text's rule for a domain without a protocol: a generic top-level domain is a link; a country-code one
 * (of the root zone) only when a path follows (`example.nl/jobs`), a subdomain comes before it (`www.example.nl`,
 * `foo.co.jp`), or it is `.co` or `.tv` (`t.co`, `twitch.tv`). So `example.nl` alone is text.
 */
function linksWithoutProtocol(host: string, hasPath: boolean): boolean {
  const labels = host.toLowerCase().split('.');
  const tld = labels.at(-1) ?? '';
  if (GENERIC_TLDS.has(tld)) return true;
  if (!COUNTRY_TLDS.has(tld)) return false;
  return hasPath || labels.length > 2 || tld === 'co' || tld === 'tv';
}

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

// twitter-text's URL grammar (extract.yml, regexp.js): path, balanced parentheses, query. Mastodon widens the path
// (config/initializers/twitter_regex.rb) and lets non-ASCII characters into the query.
const LATIN_ACCENTS =
  '\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff\\u0100-\\u024f\\u0253\\u0254\\u0256\\u0257\\u0259\\u025b\\u0263\\u0268\\u026f\\u0272\\u0289\\u028b\\u02bb\\u0300-\\u036f\\u1e00-\\u1eff';
const CYRILLIC = '\\u0400-\\u04ff';
const NON_ASCII_QUERY =
  '\\u{a0}-\\u{d7ff}\\u{f900}-\\u{fdcf}\\u{fdf0}-\\u{ffef}\\u{10000}-\\u{1fffd}\\u{20000}-\\u{10fffd}';

function urlTail(pathChar: string, pathEnding: string, queryChar: string, queryEnding: string): RegExp {
  const parens = `\\((?:${pathChar}+|${pathChar}*\\(${pathChar}+\\)${pathChar}*)\\)`;
  const ending = `(?:${pathEnding}|${parens})`;
  const path = `(?:${pathChar}*(?:${parens}${pathChar}*)*${ending}|${pathChar}+/)`;
  return new RegExp(`(?:/${path}*)?(?:\\?${queryChar}*${queryEnding})?`, 'iuy');
}

const URL_TAILS: Record<Exclude<UrlEnding, 'whitespace'>, RegExp> = {
  'twitter-text': urlTail(
    `[a-z${CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\\u2013_~&|@${LATIN_ACCENTS}]`,
    `[+\\-a-z${CYRILLIC}0-9=_#/${LATIN_ACCENTS}]`,
    "[a-z0-9!?*'@();:&=+$/%#\\[\\]\\-_.,~|]",
    '[a-z0-9\\-_&=#/]',
  ),
  mastodon: urlTail(
    '[^\\p{White_Space}<>()?]',
    '[^\\p{White_Space}()?!*"\'「」<>;:=,.$%\\[\\]~&|@]',
    `[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@^${NON_ASCII_QUERY}]`,
    `[a-z0-9_&=#/\\-${NON_ASCII_QUERY}]`,
  ),
};

// twitter-text's domain characters: anything but ASCII punctuation (other than `.`, `-`, `_`), white space,
// control and invalid characters.
const DOMAIN_RUN = /(?:[^\s\p{Cc}\p{Cf}!"#$%&'()*+,/:;<=>?@[\\\]^`{|}~\uFFFE\uFEFF\uFFFF])*/uy;

const USERINFO = /[\p{L}\p{N}\-._~!$&'()*+,;=:%]*@(?=[\p{L}\p{N}[])/uy;
const IPV6 = /\[[0-9a-f:.]+\]/iy;

/**
 * The end of a link whose host starts at `from`, as twitter-text (or Mastodon) ends it: the host up to its
 * top-level domain (an ASCII top-level domain ends before the first non-ASCII character after it), an optional
 * port, then the path and query its grammar allows.
 */
function grammarEnd(
  text: string,
  from: number,
  ending: Exclude<UrlEnding, 'whitespace'>,
  hostEnd?: number,
): number {
  let end = hostEnd;
  if (end === undefined) {
    // Userinfo (`user:pass@`) and an IPv6 literal, as the URL validity cases accept them.
    USERINFO.lastIndex = from;
    const start = from + (USERINFO.exec(text)?.[0].length ?? 0);
    IPV6.lastIndex = start;
    const ipv6 = IPV6.exec(text)?.[0];
    DOMAIN_RUN.lastIndex = start;
    let host = (DOMAIN_RUN.exec(text)?.[0] ?? '').replace(/[-._]+$/u, '');
    const dot = host.lastIndexOf('.');
    const tld = /^[A-Za-z]+(?=[^\p{ASCII}])/u.exec(host.slice(dot + 1));
    if (dot >= 0 && tld !== null) host = host.slice(0, dot + 1 + tld[0].length);
    end = start + (ipv6 ?? host).length;
  }
  const port = /^:\d{1,5}(?!\d)/.exec(text.slice(end, end + 7));
  if (port !== null) end += port[0].length;
  const tail = URL_TAILS[ending];
  tail.lastIndex = end;
  return end + (tail.exec(text)?.[0].length ?? 0);
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
 * (`example.com`, `example.nl/path`) as twitter-text links them: see {@link FindUrlOptions.withoutProtocol}.
 *
 * @example
 * ```ts
 * findUrls('Lees https://example.org/a. Nu!'); // [{ kind: 'url', start: 5, end: 26, text: 'https://example.org/a' }]
 * ```
 */
export function findUrls(text: string, options: FindUrlOptions = {}): TextSpan[] {
  const ending = options.ending ?? 'whitespace';
  const spans: TextSpan[] = [];
  const consumed: [number, number][] = [];
  const stopAfter = (from: number): number => {
    let end = from;
    while (end < text.length && !URL_STOP.test(text[end] as string)) end++;
    return end;
  };
  for (const match of text.matchAll(/https?:\/\//giu)) {
    const start = match.index;
    // Matches come in order, so only the last link found can hold this one.
    const last = consumed.at(-1);
    if (last !== undefined && start < last[1]) continue;
    const before = start > 0 ? (text[start - 1] as string) : '';
    // twitter-text takes a link right after any character but an ASCII letter or digit, @, $ or #.
    if (ending === 'whitespace' ? /[\p{L}\p{N}_]/u.test(before) : /[A-Za-z0-9@＠$#＃]/u.test(before))
      continue;
    const end =
      ending === 'whitespace' ? stopAfter(start) : grammarEnd(text, start + match[0].length, ending);
    consumed.push([start, end]);
    const url = ending === 'whitespace' ? trimUrl(text.slice(start, end)) : text.slice(start, end);
    if (validHost(hostOf(url.slice(match[0].length))))
      spans.push({ kind: 'url', start, end: start + url.length, text: url });
  }
  if (options.withoutProtocol === true && ending !== 'whitespace') {
    // twitter-text: an ASCII domain with a known top-level domain, anywhere after a character that is not an ASCII
    // letter or digit, @, $, #, -, _, . or / (so also right after CJK text).
    const domain = new RegExp(
      `(?<![a-z0-9@＠$#＃\\-_./${LATIN_ACCENTS}])(?:[a-z0-9${LATIN_ACCENTS}][a-z0-9_\\-${LATIN_ACCENTS}]*\\.)+[a-z]{2,}(?![a-z0-9@+\\-])`,
      'giu',
    );
    let next = 0; // the first link (in order) that may still overlap a later domain
    let lastEnd = 0;
    for (const match of text.matchAll(domain)) {
      const start = match.index;
      const hostEnd = start + match[0].length;
      while (next < consumed.length && (consumed[next] as [number, number])[1] <= start) next++;
      const link = consumed[next];
      if (start < lastEnd || (link !== undefined && link[0] < hostEnd)) continue;
      if (!validHost(match[0])) continue;
      const end = grammarEnd(text, start, ending, hostEnd);
      // The path, if any, starts after the optional port.
      const hasPath = /^(?::\d+)?\//.test(text.slice(hostEnd, end));
      if (!linksWithoutProtocol(match[0], hasPath)) continue;
      lastEnd = end;
      spans.push({ kind: 'url', start, end, text: text.slice(start, end) });
    }
    spans.sort((a, b) => a.start - b.start);
  } else if (options.withoutProtocol === true) {
    for (const token of text.matchAll(/[^\s\p{Cf}]+/gu)) {
      const tokenStart = token.index;
      if (consumed.some(([a, b]) => tokenStart < b && tokenStart + token[0].length > a)) continue;
      const lead = /^[([{"'“‘]*/u.exec(token[0])?.[0].length ?? 0;
      // A domain right before `@` is the end of an e-mail address's local part (`anne.nl@example.org`), not a link.
      const match = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?![@\p{L}\p{N}-])(?:[/?#]\S*)?/u.exec(
        token[0].slice(lead),
      );
      if (match === null) continue;
      const url = trimUrl(match[0]);
      const host = url.split(/[/?#]/, 1)[0] as string;
      if (linksWithoutProtocol(host, url[host.length] === '/') && validHost(host)) {
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

// Mastodon's Account::MENTION_RE: a user of ASCII letters, digits and `_`, with `.` and `-` inside (accounts of other
// servers hold them: `@jane.doe@pixelfed.social`, and Bluesky handles `@anne.bsky.social`), then optionally `@` and a
// domain of word characters, `.` and `-` that ends in a word character (an IDN, or no dot at all). Not after `=`,
// `/` or a word character (`[[:word:]]`: letters, marks, decimal digits, connector punctuation).
const MENTION =
  /(?<![=/\p{L}\p{M}\p{Nd}\p{Pc}])@[a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?(?:@[\p{L}\p{M}\p{Nd}\p{Pc}.-]+[\p{L}\p{M}\p{Nd}\p{Pc}])?/giu;
// twitter-text's end_mention_match: a mention followed by `@`, a Latin accent or `://` is none.
const END_MENTION = new RegExp(`^(?:[@＠${LATIN_ACCENTS}]|://)`, 'u');
// Mastodon skips a mention whose domain is longer than a domain name can be, in characters (code points, as Ruby
// counts them: an astral letter is one).
const MAX_DOMAIN_LENGTH = 253;

/** Whether `text` from `start` on holds more than `limit` code points; counts only when its UTF-16 length could. */
function longerThan(text: string, start: number, limit: number): boolean {
  if (text.length - start <= limit) return false;
  let points = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (++points > limit) return true;
  }
  return false;
}

/**
 * Finds mentions as Mastodon's server does (`Account::MENTION_RE`): `@user`, also with dots and hyphens inside
 * (`@jane.doe`, a Bluesky handle `@anne.bsky.social`), and fediverse `@user@server.example`, whose server may be an
 * IDN. Not after `=`, `/` or a letter or digit (an e-mail address), and not when `@`, a Latin accent or `://`
 * follows.
 *
 * @example
 * ```ts
 * findMentions('Dank @anne@social.example!'); // [{ kind: 'mention', start: 5, end: 25, text: '@anne@social.example' }]
 * ```
 */
export function findMentions(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(MENTION)) {
    const end = match.index + match[0].length;
    if (END_MENTION.test(text.slice(end, end + 3))) continue;
    const at = match[0].indexOf('@', 1);
    if (at > 0 && longerThan(match[0], at + 1, MAX_DOMAIN_LENGTH)) continue;
    spans.push({ kind: 'mention', start: match.index, end, text: match[0] });
  }
  return spans;
}
