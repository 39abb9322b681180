import { fc, test } from '@fast-check/vitest';
import { PLATFORMS, type Platform } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { buildShareLink, EMAIL_SUBJECT_LIMIT, SHARE_INTENTS } from './share-links.js';
import { TEXT_LIMITS } from './text-fit.js';

const url = 'https://example.org/jobs?utm_source=x&utm_medium=social&ss_ref=abc';
const text = 'Wij zoeken collega’s in Utrecht! #vacature';

function params(href: string): URLSearchParams {
  return new URL(href).searchParams;
}

describe('buildShareLink', () => {
  it('builds each platform’s documented intent with its own parameters', () => {
    const expected: Record<
      Exclude<Platform, 'instagram' | 'email' | 'mastodon'>,
      [string, Record<string, string>]
    > = {
      linkedin: ['https://www.linkedin.com/sharing/share-offsite/', { url }],
      x: ['https://x.com/intent/tweet', { text, url }],
      facebook: ['https://www.facebook.com/sharer/sharer.php', { u: url }],
      whatsapp: ['https://wa.me/', { text: `${text} ${url}` }],
      telegram: ['https://t.me/share/url', { url, text }],
      reddit: ['https://www.reddit.com/submit', { url, title: text }],
      bluesky: ['https://bsky.app/intent/compose', { text: `${text} ${url}` }],
      threads: ['https://www.threads.com/intent/post', { text, url }],
      xing: ['https://www.xing.com/spi/shares/new', { url }],
    };
    for (const [platform, [base, query]] of Object.entries(expected)) {
      const link = buildShareLink(platform as Platform, { text, url });
      const parsed = new URL(link.href!);
      expect(`${parsed.origin}${parsed.pathname}`, platform).toBe(base);
      expect(Object.fromEntries(parsed.searchParams), platform).toEqual(query);
    }
  });

  it('gives copy-to-clipboard text for platforms that take only the URL, and documents what they ignore', () => {
    for (const platform of ['linkedin', 'facebook', 'xing'] as const) {
      const link = buildShareLink(platform, { text, url });
      expect(link.clipboardText).toBe(text);
      expect(link.ignores).toContain('text');
    }
    expect(buildShareLink('x', { text, url }).clipboardText).toBeUndefined();
    expect(buildShareLink('instagram', { text, url })).toMatchObject({
      href: undefined,
      clipboardText: text,
    });
  });

  it('fits the clipboard text to the platform unless fit is off', () => {
    const long = 'Werken in de zorg. '.repeat(180).trim(); // about 3,400 characters
    for (const [platform, limit] of [
      ['instagram', 2200],
      ['linkedin', 3000],
      ['xing', 3000],
    ] as const) {
      const fitted = buildShareLink(platform, { text: long, url });
      expect(fitted.clipboardText!.length, platform).toBeLessThanOrEqual(limit);
      expect(fitted.clipboardText!.length, platform).toBeGreaterThan(limit - 40);
      expect(long.startsWith(fitted.clipboardText!.replace(/…$/, '')), platform).toBe(true);
      expect(buildShareLink(platform, { text: long, url, fit: false }).clipboardText, platform).toBe(long);
    }
    expect(buildShareLink('facebook', { text: long, url }).clipboardText).toBe(long); // 63,206 fit
    expect(buildShareLink('reddit', { text: long, url }).clipboardText).toBe(long);
  });

  it('opens Mastodon on the publisher’s own server and refuses anything but a host name', () => {
    const link = buildShareLink('mastodon', { text, url, mastodonInstance: 'Social.Example.org' });
    expect(link.href?.startsWith('https://social.example.org/share?text=')).toBe(true);
    expect(params(link.href!).get('text')).toBe(`${text} ${url}`);
    for (const bad of [
      'evil.example/path',
      'user@evil.example',
      'javascript:alert(1)',
      '',
      'a b.example',
      'x.example?y=1',
    ]) {
      expect(() => buildShareLink('mastodon', { text, url, mastodonInstance: bad }), bad).toThrow(
        /host name/,
      );
    }
  });

  it('encodes mailto per RFC 6068: %20 for spaces, CRLF line breaks, UTF-8', () => {
    const link = buildShareLink('email', {
      text: 'Regel één & twee\nRegel 2?',
      url,
      title: 'Vacature: ontwikkelaar',
    });
    expect(link.href).toBe(
      `mailto:?subject=Vacature%3A%20ontwikkelaar&body=Regel%20%C3%A9%C3%A9n%20%26%20twee%0D%0ARegel%202%3F%0D%0A%0D%0A${encodeURIComponent(url)}`,
    );
  });

  it('encodes a lone CR, a lone LF and CRLF each as one %0D%0A, also at the end of the text', () => {
    const body = (t: string) =>
      buildShareLink('email', { text: t, url, fit: false }).href!.split('&body=')[1];
    const link = `%0D%0A%0D%0A${encodeURIComponent(url)}`;
    expect(body('\r')).toBe(`%0D%0A${link}`);
    expect(body('a\rb\nc\r\nd\r')).toBe(`a%0D%0Ab%0D%0Ac%0D%0Ad%0D%0A${link}`);
    expect(body('a\r\r\n')).toBe(`a%0D%0A%0D%0A${link}`);
    expect(buildShareLink('email', { text: '\r' }).href).toBe('mailto:?subject=&body=%0D%0A');
    // The subject is the first line, which a lone CR ends too.
    expect(buildShareLink('email', { text: 'Regel 1\rRegel 2', url }).href).toMatch(
      /^mailto:\?subject=Regel%201&body=Regel%201%0D%0ARegel%202%0D%0A/,
    );
  });

  test.prop(
    [
      fc.string({
        unit: fc.constantFrom('a', ' ', '+', '&', '=', '?', '#', '%', '\r', '\n', 'é', '😀', '!', '*'),
      }),
    ],
    { numRuns: 300 },
  )('a mailto link is made only of RFC 6068 characters, with %20 spaces and CRLF line breaks', (userText) => {
    const href = buildShareLink('email', { text: userText, url, title: userText, fit: false }).href!;
    const fields = href.slice('mailto:?'.length).split('&');
    expect(fields.map((f) => f.split('=')[0])).toEqual(['subject', 'body']);
    for (const field of fields) {
      const value = field.slice(field.indexOf('=') + 1);
      // RFC 6068 section 2: hfvalue = *qchar; qchar = unreserved / pct-encoded / some-delims. We also leave
      // "+" out (section 5: a "+" cannot be told from an encoded space), and "&" and "=" stay delimiters only.
      expect(value).toMatch(/^(?:[A-Za-z0-9\-._~!$'()*,;:@]|%[0-9A-F]{2})*$/);
      // Section 5: line breaks are %0D%0A, never a bare CR or LF.
      expect(value.replace(/%0D%0A/g, '')).not.toMatch(/%0D|%0A/);
    }
    // The subject is a single header line: no line break at all.
    expect(fields[0]).not.toMatch(/%0D|%0A/);
  });

  /** The mail body a mailto link carries, decoded (RFC 6068: `+` is a plus, not a space). */
  const mailBody = (href: string): string =>
    new URLSearchParams(href.slice('mailto:?'.length).replace(/\+/g, '%2B')).get('body') ?? '';

  /** A pattern repeated up to a length: texts near the 2,000-character budget that still shrink to a small case. */
  const repeated = (units: string[], maxPattern: number, maxLength: number) =>
    fc
      .tuple(
        fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: maxPattern }),
        fc.integer({ min: 0, max: maxLength }),
      )
      .map(([parts, length]) => {
        const pattern = parts.join('');
        return pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);
      });

  test.prop(
    [
      repeated(['a', 'woord', ' ', '\n', '\r', '\r\n', 'é', '😀', '%', '&', '#vacature'], 12, 3000),
      repeated(['a', 'Z', '9', '-', '_', '~', '%C3%A9', '/', '?x=1&y=2'], 6, 1500),
    ],
    { numRuns: 300 },
  )(
    'the mail body of an e-mail link stays within the 2,000-character budget and ends with the tracked link intact',
    (caption, path) => {
      const link = `https://example.org/${path}`;
      const href = buildShareLink('email', { text: caption, url: link }).href!;
      const body = mailBody(href);
      expect(body.length).toBeLessThanOrEqual(TEXT_LIMITS.email[0]!.limit);
      expect(body === link || body.endsWith(`\r\n\r\n${link}`)).toBe(true);
      expect(href.endsWith(encodeURIComponent(link))).toBe(true);
    },
    // 300 fits of texts up to 3,000 characters: about a second alone, over vitest's 5 s when every worker is busy.
    60_000,
  );

  it('counts the blank line before the link and each line break as the CRLF the mail carries', () => {
    const link = 'https://example.org/jobs';
    // Fitted with the link joined by one space, this body came out at 2,003 characters.
    expect(mailBody(buildShareLink('email', { text: 'a'.repeat(3000), url: link }).href!).length).toBe(2000);
    // A lone LF counts as one character but is sent as CRLF (two).
    const lines = mailBody(buildShareLink('email', { text: 'a\n'.repeat(1500), url: link }).href!);
    expect(lines.length).toBeLessThanOrEqual(2000);
    expect(lines.endsWith(`\r\n\r\n${link}`)).toBe(true);
    // No text: the body is the link alone, without a blank line above it.
    expect(mailBody(buildShareLink('email', { text: '', url: link }).href!)).toBe(link);
  });

  /** The subject a mailto link carries, decoded. */
  const mailSubject = (href: string): string =>
    decodeURIComponent(href.slice('mailto:?subject='.length).split('&body=', 1)[0] ?? '');
  const graphemes = (t: string): string[] =>
    Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(t), (s) => s.segment);

  it('cuts a long subject to 69 characters at a word boundary with an ellipsis, whatever fit says', () => {
    const firstLine = 'Wij zoeken collega’s voor ons team in Utrecht en omgeving '.repeat(52); // 3,016
    const caption = `${firstLine}\nMeer informatie volgt.`;
    for (const fit of [true, false]) {
      const subject = mailSubject(buildShareLink('email', { text: caption, url, fit }).href!);
      expect(subject.length).toBeLessThanOrEqual(EMAIL_SUBJECT_LIMIT);
      expect(subject.length).toBeGreaterThan(EMAIL_SUBJECT_LIMIT - 15);
      expect(subject.endsWith('…')).toBe(true);
      const head = subject.slice(0, -1);
      expect(firstLine.startsWith(head)).toBe(true);
      expect(firstLine[head.length]).toBe(' '); // a whole word
    }
    // A given title is a subject too.
    const title = `Vacature: ${'ontwikkelaar '.repeat(20)}`;
    expect(mailSubject(buildShareLink('email', { text, url, title }).href!).length).toBeLessThanOrEqual(69);
    // A short one is left as it is.
    expect(mailSubject(buildShareLink('email', { text, url, title: 'Vacature' }).href!)).toBe('Vacature');
  });

  it('never cuts a subject inside an emoji, a surrogate pair or a link', () => {
    const family = '👨‍👩‍👧‍👦';
    const emoji = mailSubject(buildShareLink('email', { text: `Hoi ${family.repeat(40)}`, url }).href!);
    expect(emoji.length).toBeLessThanOrEqual(EMAIL_SUBJECT_LIMIT);
    expect(emoji).not.toContain('\uFFFD');
    expect(graphemes(emoji.slice(0, -1)).every((g) => g === family || 'Hoi '.includes(g))).toBe(true);
    const longLink = `https://example.org/vacatures/${'a'.repeat(80)}`;
    expect(mailSubject(buildShareLink('email', { text: `Lees ${longLink} nu`, url }).href!)).toBe('Lees…');
    const shortLink = 'https://example.org/vacatures/42';
    const withLink = mailSubject(
      buildShareLink('email', { text: `Lees ${shortLink} ${'en deel het met je collega’s '.repeat(3)}`, url })
        .href!,
    );
    expect(withLink.startsWith(`Lees ${shortLink} `)).toBe(true);
  });

  test.prop(
    [
      fc
        .array(
          fc.constantFrom(
            'a',
            'woord',
            ' ',
            'é',
            '😀',
            '👍🏽',
            '🇳🇱',
            '\u0301',
            'https://example.org/a',
            '#tag',
          ),
          { maxLength: 120 },
        )
        .map((parts) => parts.join('')),
    ],
    { numRuns: 300 },
  )(
    'a subject is the whole first line or a cut of it at a grapheme boundary, within 69 characters',
    (line) => {
      const subject = mailSubject(buildShareLink('email', { text: line, url }).href!);
      expect(subject.length).toBeLessThanOrEqual(EMAIL_SUBJECT_LIMIT);
      const whole = line.trim();
      if (subject === whole) return;
      const head = subject.replace(/ ?…$/u, '');
      expect(subject.endsWith('…') || subject === '').toBe(true);
      expect(whole.startsWith(head)).toBe(true);
      // The cut falls between graphemes of the line: the graphemes of the head are the line's first graphemes.
      expect(graphemes(whole).slice(0, graphemes(head).length).join('')).toBe(head);
    },
  );

  test.prop([fc.constantFrom(...(Object.keys(SHARE_INTENTS) as Platform[])), fc.boolean()])(
    'carries a link the text already holds once, not appended again',
    (platform, fit) => {
      const holding = `Lees ${url} en solliciteer!`;
      const link = buildShareLink(platform, { text: holding, url, mastodonInstance: 'mastodon.social', fit });
      // What the platform shows as the post: every parameter but Reddit's title and the e-mail subject.
      const shown =
        link.href === undefined
          ? ''
          : decodeURIComponent(link.href.replace(/[?&](?:title|subject)=[^&]*/g, ''));
      // Threads' url is a link attachment (a card), not added to the text: it stays, apart from the text.
      const inText = platform === 'threads' ? params(link.href!).get('text')! : shown;
      for (const part of [inText, link.text]) {
        expect(part.split(url).length - 1, `${platform}: ${part}`).toBeLessThanOrEqual(1);
      }
      expect(link.text).toBe(holding);
    },
  );

  it('keeps Threads’ url, a link attachment Threads does not add to the text, when the text holds the link', () => {
    const holding = `Lees ${url} en solliciteer!`;
    const link = buildShareLink('threads', { text: holding, url });
    expect(params(link.href!).get('text')).toBe(holding);
    expect(params(link.href!).get('url')).toBe(url);
    expect(link.text).toBe(holding);
  });

  it('fits the text to the platform but never cuts the link', () => {
    const long = 'woord '.repeat(100);
    const link = buildShareLink('x', { text: long, url });
    const sent = params(link.href!).get('text')!;
    expect(sent.endsWith('…')).toBe(true);
    expect(params(link.href!).get('url')).toBe(url);
    const bluesky = params(buildShareLink('bluesky', { text: long, url }).href!).get('text')!;
    expect(bluesky.endsWith(` ${url}`)).toBe(true);
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => buildShareLink('x', { text, url: 'javascript:alert(1)' })).toThrow(/http/);
  });

  it('refuses a link with a line break, tab, space or other control character, which URL parsing would hide', () => {
    for (const bad of [
      'https://a.example/jo\nbs',
      'https://a.example/\tx',
      'https://a.example/a b',
      'https://a.example/\u0000',
      'https://a.example/\r',
    ]) {
      for (const platform of ['email', 'x'] as const) {
        let error: unknown;
        try {
          buildShareLink(platform, { text, url: bad });
        } catch (caught) {
          error = caught;
        }
        expect(error, JSON.stringify(bad)).toMatchObject({
          code: 'VALIDATION',
          message: /control characters/,
        });
      }
    }
  });

  test.prop(
    [
      fc.constantFrom(...PLATFORMS.filter((p) => p !== 'instagram')),
      fc.string({ unit: 'binary', maxLength: 120 }),
    ],
    {
      numRuns: 300,
    },
  )(
    'no user text can break out of its parameter: the base stays fixed and the text decodes back',
    (platform, userText) => {
      const link = buildShareLink(platform, {
        text: userText,
        url,
        mastodonInstance: 'social.example',
        fit: false,
      });
      const href = link.href!;
      const wellFormed = userText.replace(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        '\uFFFD',
      );
      if (platform === 'email') {
        expect(href.startsWith('mailto:?subject=')).toBe(true);
        expect(href).not.toMatch(/[\s<>"]/);
        const query = new URLSearchParams(href.slice('mailto:?'.length).replace(/\+/g, '%2B'));
        expect([...query.keys()]).toEqual(['subject', 'body']);
        expect(query.get('body')).toBe(
          userText === '' ? url : `${wellFormed.replace(/\r\n|\r|\n/g, '\r\n')}\r\n\r\n${url}`,
        );
        return;
      }
      const parsed = new URL(href);
      const base = SHARE_INTENTS[platform].base?.replace('{instance}', 'social.example');
      expect(`${parsed.origin}${parsed.pathname}`).toBe(base);
      expect(parsed.hash).toBe('');
      const keys = [...parsed.searchParams.keys()];
      expect(new Set(keys).size).toBe(keys.length);
      const sent = parsed.searchParams.get('text');
      if (sent !== null)
        expect([wellFormed, `${wellFormed} ${url}`, url]).toContain(sent === url ? url : sent);
      if (parsed.searchParams.has('url')) expect(parsed.searchParams.get('url')).toBe(url);
    },
  );
});

describe('buildShareLink input checks', () => {
  const failure = (call: () => unknown): unknown => {
    try {
      call();
    } catch (caught) {
      return caught;
    }
    return undefined;
  };

  it('refuses an unknown platform, a missing text or a non-string Mastodon server with VALIDATION and the path', () => {
    for (const [call, path] of [
      [() => buildShareLink('tiktok' as Platform, { text: 'x' }), 'platform'],
      [() => buildShareLink('x', {} as never), 'text'],
      [() => buildShareLink('mastodon', { text: 'x', mastodonInstance: 5 as never }), 'mastodonInstance'],
    ] as const) {
      expect(failure(call)).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: [path] }] } });
    }
  });

  it('refuses a title that is not a string with VALIDATION naming title, on every platform', () => {
    for (const title of [42, {}, null, ['a']]) {
      for (const platform of Object.keys(SHARE_INTENTS) as Platform[]) {
        expect(
          failure(() =>
            buildShareLink(platform, {
              text: 'x',
              url,
              mastodonInstance: 'mastodon.social',
              title: title as never,
            }),
          ),
          `${platform} ${JSON.stringify(title)}`,
        ).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['title'] }] } });
      }
    }
  });

  it('refuses a fit that is not a boolean (a string "false" would read as true) and text options that are no object', () => {
    for (const [input, path] of [
      [{ fit: 'false' }, 'fit'],
      [{ fit: 0 }, 'fit'],
      [{ textOptions: 'mastodon' }, 'textOptions'],
      [{ textOptions: null }, 'textOptions'],
    ] as const) {
      expect(
        failure(() => buildShareLink('x', { text: 'x', url, ...(input as object) })),
        JSON.stringify(input),
      ).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: [path] }] } });
    }
    expect(buildShareLink('x', { text: 'x', url, fit: false }).href).toContain('text=x');
  });

  it('refuses text options that are a list, naming textOptions on every platform', () => {
    for (const platform of Object.keys(SHARE_INTENTS) as Platform[]) {
      for (const textOptions of [[], [{ mastodon: { maxCharacters: 500 } }]]) {
        expect(
          failure(() =>
            buildShareLink(platform, {
              text: 'x',
              url,
              mastodonInstance: 'mastodon.social',
              textOptions: textOptions as never,
            }),
          ),
          platform,
        ).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['textOptions'] }] } });
      }
    }
  });

  it('refuses an empty text without a url: there is nothing to share (whitespace is still shared)', () => {
    expect(failure(() => buildShareLink('x', { text: '' }))).toMatchObject({
      code: 'VALIDATION',
      message: /nothing to share/,
      details: { issues: [{ path: ['text'] }] },
    });
    // A url alone is fine.
    expect(buildShareLink('x', { text: '', url }).href).toBe(
      `https://x.com/intent/tweet?url=${encodeURIComponent(url)}`,
    );
  });

  it('refuses a link that alone is over the platform limit with LIMIT_EXCEEDED', () => {
    const longUrl = `https://example.org/${'a'.repeat(4100)}`;
    for (const platform of ['bluesky', 'threads', 'whatsapp', 'telegram'] as const) {
      expect(
        failure(() => buildShareLink(platform, { text: 'Kijk', url: longUrl })),
        platform,
      ).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        message: /link alone is too long/,
        details: { path: ['url'] },
      });
    }
    // X and Mastodon count every link as 23 characters, so a long link still fits there.
    expect(buildShareLink('x', { text: 'Kijk', url: longUrl }).text).toBe('Kijk');
  });

  it('keeps the url where the platform would end the link in the text early (X: CJK, Greek, ^)', () => {
    for (const given of [
      'https://example.org/vacatures/日本語',
      'https://example.org/θέσεις',
      'https://example.org/a^b',
    ]) {
      const link = buildShareLink('x', { text: `Lees ${given} nu`, url: given });
      // Non-ASCII characters percent-encoded, so X links all of it; an ASCII `^` is left as it is (X cuts the link).
      expect(params(link.href!).get('url'), given).toBe(given.includes('^') ? given : new URL(given).href);
      expect(params(link.href!).get('text'), given).toBe(`Lees ${given} nu`);
    }
    // Mastodon ends a link at an unbalanced parenthesis: the link is appended, as given (encoding the ASCII `(`
    // would change the link; Mastodon cuts it there).
    const paren = 'https://example.org/vacatures/a(b';
    const mastodon = buildShareLink('mastodon', {
      text: `Lees ${paren} nu`,
      url: paren,
      mastodonInstance: 'mastodon.social',
    });
    expect(params(mastodon.href!).get('text')).toBe(`Lees ${paren} nu ${paren}`);
  });
});
