import { fc, test } from '@fast-check/vitest';
import { PLATFORMS } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { blueskyFacets } from './bluesky-facets.js';
import { findBlueskyTags } from './bluesky-tags.js';
import { fitText, measureText } from './text-fit.js';
import { findHashtags, findMentions, findUrls } from './url-spans.js';
import { countXText } from './x-text.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemeCount = (text: string): number => [...segmenter.segment(text)].length;

describe('measureText', () => {
  it('counts Bluesky in graphemes and UTF-8 bytes, URLs in full', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(measureText('bluesky', family)).toEqual([
      { unit: 'graphemes', count: 1, limit: 300 },
      { unit: 'utf8-bytes', count: 25, limit: 3000 },
    ]);
    const url = `https://example.org/${'a'.repeat(100)}`;
    expect(measureText('bluesky', url)[0]?.count).toBe(url.length);
  });

  it('counts Mastodon URLs as 23 and a remote mention as its local part', () => {
    expect(measureText('mastodon', `Kijk https://example.org/${'a'.repeat(100)}`)[0]?.count).toBe(5 + 23);
    expect(measureText('mastodon', 'Dank @anne@social.example!')[0]?.count).toBe('Dank @anne!'.length);
    expect(measureText('mastodon', 'x', { mastodon: { maxCharacters: 1000 } })[0]?.limit).toBe(1000);
    expect(
      measureText('mastodon', 'https://a.example/b', { mastodon: { charactersReservedPerUrl: 30 } })[0]
        ?.count,
    ).toBe(30);
  });

  it('takes Mastodon settings as the server names them (configuration.statuses) and refuses both names that disagree', () => {
    const statuses = { max_characters: 1000, max_media_attachments: 4, characters_reserved_per_url: 30 };
    expect(measureText('mastodon', 'Kijk https://a.example/b', { mastodon: statuses })).toEqual([
      { unit: 'graphemes', count: 5 + 30, limit: 1000 },
    ]);
    expect(fitText('mastodon', 'a'.repeat(1000), { mastodon: statuses }).fits).toBe(true);
    expect(
      measureText('mastodon', 'x', { mastodon: { maxCharacters: 1000, max_characters: 1000 } })[0]?.limit,
    ).toBe(1000);
    const error = (mastodon: object): unknown => {
      try {
        measureText('mastodon', 'x', { mastodon });
      } catch (e) {
        return e;
      }
      return undefined;
    };
    expect(error({ maxCharacters: 500, max_characters: 1000 })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/maxCharacters.*max_characters|max_characters.*maxCharacters/),
      details: { issues: [{ path: ['mastodon', 'max_characters'] }] },
    });
    expect(error({ characters_reserved_per_url: 0 })).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['mastodon', 'characters_reserved_per_url'] }] },
    });
  });

  it('skips a remote mention whose domain is over 253 characters, counted in code points as Mastodon counts them', () => {
    const count = (text: string) => measureText('mastodon', text)[0]?.count;
    // 200 astral letters: 400 UTF-16 units, but 200 characters for the server, so a mention counted as `@a`.
    expect(count(`@a@${'𠀋'.repeat(200)} x`)).toBe('@a x'.length);
    expect(count(`@a@${'𠀋'.repeat(253)} x`)).toBe('@a x'.length);
    expect(findMentions(`@a@${'𠀋'.repeat(253)}`)).toHaveLength(1);
    // One over: no mention, every character counts.
    expect(findMentions(`@a@${'𠀋'.repeat(254)}`)).toEqual([]);
    expect(count(`@a@${'𠀋'.repeat(254)} x`)).toBe(3 + 254 + 2);
    expect(findMentions(`@a@${'b'.repeat(253)}`)).toHaveLength(1);
    expect(findMentions(`@a@${'b'.repeat(254)}`)).toEqual([]);
  });

  it('counts remote mentions as Mastodon matches them (Account::MENTION_RE): dotted users, any domain', () => {
    const count = (text: string) => measureText('mastodon', text)[0]?.count;
    // A user of another server may hold dots and hyphens; the domain may be an IDN or have no dot.
    expect(count('Dank @jane.doe@pixelfed.social!')).toBe('Dank @jane.doe!'.length);
    expect(count('Dank @jan-willem@social.example!')).toBe('Dank @jan-willem!'.length);
    expect(count('Dank @anne@bücher.example!')).toBe('Dank @anne!'.length);
    expect(count('Dank @anne@localhost!')).toBe('Dank @anne!'.length);
    // After `=` (or `/`, or a letter) the server sees no mention and counts every character: so must we.
    expect(count('zie a=@anne@social.example')).toBe('zie a=@anne@social.example'.length);
    // A mention followed by `@`, a Latin accent or `://` is none either.
    expect(count('@anne@social.example@x')).toBe('@anne@social.example@x'.length);
  });

  test.prop([
    fc.stringMatching(/^[a-z]{1,8}$/),
    fc.stringMatching(/^[a-z]{1,8}$/),
    fc.stringMatching(/^[a-z ]{0,20}$/),
  ])(
    'counts a Mastodon URL whose query holds a remote mention as one URL of 23, as the server does',
    (user, host, tail) => {
      // Mastodon drops entities that overlap (Extractor.remove_overlapping_entities): the URL wins.
      const text = `Zie https://a.example/?by=@${user}@${host}.example ${tail}`;
      expect(measureText('mastodon', text)[0]?.count).toBe(4 + 23 + 1 + graphemeCount(tail));
    },
  );

  it('counts X with weights and every URL as 23', () => {
    expect(measureText('x', 'Lees https://example.org/een/heel/lang/pad')[0]?.count).toBe(28);
    expect(measureText('x', '日本')[0]?.count).toBe(4);
  });

  it('counts Threads characters with emoji as their UTF-8 bytes', () => {
    expect(measureText('threads', 'Hoi 😷')[0]?.count).toBe(4 + 4);
  });

  it('counts LinkedIn, Facebook, Telegram in UTF-16 code units (the conservative reading)', () => {
    expect(measureText('linkedin', '😷')[0]).toEqual({ unit: 'utf16', count: 2, limit: 3000 });
    expect(measureText('facebook', 'a')[0]?.limit).toBe(63_206);
    expect(measureText('telegram', 'a')[0]?.limit).toBe(4096);
  });

  it('counts an e-mail body as it is sent: every line break (CRLF, lone CR, lone LF) as the two characters of CRLF', () => {
    expect(measureText('email', 'a\nb\rc\r\nd')[0]).toEqual({ unit: 'utf16', count: 10, limit: 2000 });
    expect(measureText('email', '\r\r\n\n')[0]?.count).toBe(6);
  });
});

describe('fitText', () => {
  it('leaves a text that fits alone', () => {
    const result = fitText('bluesky', 'Kort bericht', { link: 'https://example.org' });
    expect(result).toMatchObject({ fits: true, text: 'Kort bericht https://example.org', cut: '', over: 0 });
  });

  it('reports count, limit and how far over, and cuts at a word boundary with an ellipsis', () => {
    const body = `${'woord '.repeat(60)}einde`; // 365 graphemes
    const result = fitText('bluesky', body);
    expect(result.fits).toBe(false);
    expect(result.measures[0]).toEqual({ unit: 'graphemes', count: 365, limit: 300 });
    expect(result.over).toBe(65);
    expect(result.overUnit).toBe('graphemes');
    expect(result.text.endsWith('woord…')).toBe(true);
    expect(graphemeCount(result.text)).toBeLessThanOrEqual(300);
    expect(body.startsWith(result.text.slice(0, -1))).toBe(true);
    expect(result.cut.trim().endsWith('einde')).toBe(true);
  });

  it('joins an e-mail body and its link with a blank line (CRLF CRLF) and counts it, as the mailto body carries them', () => {
    const link = 'https://example.org/jobs';
    expect(fitText('email', 'Hoi', { link }).text).toBe(`Hoi\r\n\r\n${link}`);
    expect(fitText('email', '', { link }).text).toBe(link);
    const cut = fitText('email', 'a'.repeat(3000), { link });
    expect(cut.text).toBe(`${'a'.repeat(2000 - 4 - link.length - 1)}…\r\n\r\n${link}`);
    expect(cut.fitted[0]?.count).toBe(2000);
  });

  it('keeps the link whole and shortens the body to make room', () => {
    const link = `https://example.org/vacatures/${'x'.repeat(60)}`;
    const result = fitText('bluesky', 'a '.repeat(200), { link });
    expect(result.text.endsWith(` ${link}`)).toBe(true);
    expect(graphemeCount(result.text)).toBeLessThanOrEqual(300);
  });

  it('never cuts through a URL or hashtag: it drops them whole', () => {
    const tag = fitText('bluesky', `${'b'.repeat(290)} #werkenbijacme https://example.org/a`);
    expect(tag.text).toBe(`${'b'.repeat(290)}…`);
    const url = fitText('bluesky', `${'b'.repeat(270)} #werkenbijacme https://example.org/${'a'.repeat(30)}`);
    expect(url.text).toBe(`${'b'.repeat(270)} #werkenbijacme…`);
  });

  it('never cuts inside a Bluesky tag such as #covid-19-vaccinatie (Bluesky tags up to white space)', () => {
    // A long link leaves the body 48 graphemes, which end inside the tag, with no word boundary close before them.
    const link = `https://example.org/${'a'.repeat(230)}`;
    const body = 'Wij doen mee aan #covid-19-vaccinatiecampagne-van-de-ggd en meer';
    const tagged = fitText('bluesky', body, { link });
    expect(tagged.text).toBe(`Wij doen mee aan… ${link}`);
    // Kept whole where it fits: the cut falls after it.
    const kept = fitText('bluesky', 'Wij zoeken #c++-developers voor ons team in Utrecht', { link });
    expect(kept.body).toBe('Wij zoeken #c++-developers voor ons team in…');
  });

  it('cuts by the tighter of Bluesky limits: 3000 UTF-8 bytes before 300 graphemes', () => {
    const result = fitText('bluesky', '👨‍👩‍👧‍👦'.repeat(200));
    expect(result.over).toBe(5000 - 3000);
    expect(result.overUnit).toBe('utf8-bytes');
    expect(new TextEncoder().encode(result.text).length).toBeLessThanOrEqual(3000);
    expect(result.text.replace('…', '')).toMatch(/^(👨‍👩‍👧‍👦)+$/u);
  });

  const textArb = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '👨‍👩‍👧‍👦',
          '🇳🇱',
          'é',
          'e\u0301',
          '日本',
          '👍🏽',
          ' ',
          '\n',
          'werk',
          '#vacature',
          '#covid-19',
          '#mkb’ers',
          'https://example.org/a_b',
          '@anne',
        ),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 200 },
    )
    .map((parts) => parts.join(' '));

  test.prop([fc.constantFrom(...PLATFORMS), textArb], { numRuns: 150 })(
    'always fits, and never cuts inside a grapheme, URL or hashtag',
    (platform, body) => {
      const result = fitText(platform, body);
      expect(result.fitted.every((m) => m.count <= m.limit)).toBe(true);
      if (result.fits) return;
      const kept = result.text.endsWith('…') ? result.text.slice(0, -1) : result.text;
      expect(body.startsWith(kept)).toBe(true);
      // The kept part ends on a grapheme boundary of the original.
      const bodyBoundaries = new Set([
        0,
        ...[...segmenter.segment(body)].map((s) => s.index + s.segment.length),
      ]);
      expect(bodyBoundaries.has(kept.length)).toBe(true);
      // No URL or hashtag of the original is cut in two.
      const tags = platform === 'bluesky' ? findBlueskyTags(body) : findHashtags(body);
      for (const span of [...findUrls(body, { withoutProtocol: platform === 'x' }), ...tags]) {
        expect(kept.length <= span.start || kept.length >= span.end).toBe(true);
      }
    },
  );
});

describe('links as the platform ends them', () => {
  it('counts Mastodon links as its server ends them: a host at its top-level domain, a path to white space', () => {
    expect(measureText('mastodon', '请访问 https://example.org了解更多')[0]?.count).toBe(3 + 1 + 23 + 4);
    expect(measureText('mastodon', 'Zie https://example.org… meer')[0]?.count).toBe(4 + 23 + 6);
    // Mastodon's path characters are anything but white space and <>()?: the CJK text stays in the link.
    expect(measureText('mastodon', '请访问 https://example.org/jobs了解更多')[0]?.count).toBe(3 + 1 + 23);
  });

  it('never glues the ellipsis onto a link it cuts after (Bluesky facet, Mastodon link, X count)', () => {
    const team = 'Wij zoeken nieuwe collega’s voor ons team in Utrecht. '.repeat(4);
    const bluesky = fitText(
      'bluesky',
      `${team}Lees meer: https://example.org/vacature/12345 informatieavondinformatieavondinformatieavond`,
    );
    expect(bluesky.text.endsWith('https://example.org/vacature/12345 …')).toBe(true);
    expect(blueskyFacets(bluesky.text).map((f) => f.features[0])).toEqual([
      { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.org/vacature/12345' },
    ]);
    const mastodon = fitText('mastodon', `${'x'.repeat(476)} https://example.org/a informatie`);
    expect(mastodon.text).not.toMatch(/https:\/\/\S*…/u);
    expect(mastodon.fitted[0]?.count).toBeLessThanOrEqual(500);
    const x = fitText('x', `${'x'.repeat(256)} https://example.org/a informatie`);
    expect(x.text).not.toMatch(/https:\/\/\S*…/u);
    expect(countXText(x.text).weightedLength).toBeLessThanOrEqual(280);
    // Where it fits, the link keeps its space and the ellipsis follows it.
    const room = fitText('mastodon', `${'x'.repeat(470)} https://example.org/a informatie`);
    expect(room.text).toBe(`${'x'.repeat(470)} https://example.org/a …`);
    expect(room.fitted[0]?.count).toBe(470 + 1 + 23 + 2);
  });
});

describe('fitText on large input', () => {
  const family = '👨‍👩‍👧‍👦';

  it('fits 20,000 family emoji to Mastodon as 499 whole emoji and an ellipsis', () => {
    const result = fitText('mastodon', family.repeat(20_000));
    expect(result.measures[0]).toEqual({ unit: 'graphemes', count: 20_000, limit: 500 });
    expect(result.text).toBe(`${family.repeat(499)}…`);
  });

  it('fits 100,000 characters without spaces to Bluesky and X', () => {
    const long = 'a'.repeat(100_000);
    expect(fitText('bluesky', long).text).toBe(`${'a'.repeat(299)}…`);
    expect(fitText('x', long).text).toBe(`${'a'.repeat(278)}…`); // X weighs … as 2
  });

  test.prop(
    [
      fc.array(
        fc.constantFrom('a', ' ', '\r', '\n', '\r\n', '🇳🇱', '🇳', family, 'e\u0301', '\u200d', '😷', '日'),
        {
          minLength: 900,
          maxLength: 1500,
        },
      ),
    ],
    { numRuns: 30 },
  )('counts graphemes across long texts exactly as Intl.Segmenter does on the whole text', (parts) => {
    const text = parts.join('');
    expect(measureText('bluesky', text)[0]?.count).toBe(graphemeCount(text));
  });
});

describe('input checks', () => {
  it('refuses an unknown platform or a text that is not a string with VALIDATION naming the field', () => {
    for (const [call, path] of [
      [() => fitText('tiktok' as never, 'x'), 'platform'],
      [() => measureText('tiktok' as never, 'x'), 'platform'],
      [() => fitText('x', undefined as never), 'text'],
    ] as const) {
      let error: unknown;
      try {
        call();
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: [path] }] } });
    }
  });

  it('refuses options that are not an object with VALIDATION, not a TypeError', () => {
    for (const options of [null, 'https://example.org', 5, ['https://example.org']]) {
      expect(() => fitText('x', 'a', options as never)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          details: { issues: [expect.objectContaining({ path: ['options'] })] },
        }),
      );
      expect(() => measureText('x', 'a', options as never)).toThrow(
        expect.objectContaining({ code: 'VALIDATION' }),
      );
    }
  });

  it('refuses a link that is not a non-empty string instead of writing it into the text', () => {
    for (const link of [5, null, { href: 'https://example.org' }, '', '  ']) {
      expect(() => fitText('x', 'a', { link } as never)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: expect.stringMatching(/link must be a non-empty string/),
          details: { issues: [expect.objectContaining({ path: ['link'] })] },
        }),
      );
    }
    expect(fitText('x', 'a', { link: 'https://example.org/a' }).text).toBe('a https://example.org/a');
  });

  it('refuses an ellipsis that is not a string and Mastodon settings that are not positive whole numbers', () => {
    const path = (call: () => unknown): unknown => {
      try {
        call();
      } catch (error) {
        return (error as { code?: string; details?: { issues?: { path: unknown }[] } }).code === 'VALIDATION'
          ? (error as { details: { issues: { path: unknown }[] } }).details.issues[0]?.path
          : error;
      }
      return undefined;
    };
    expect(path(() => fitText('x', 'a', { ellipsis: 0 } as never))).toEqual(['ellipsis']);
    expect(path(() => fitText('mastodon', 'a', { mastodon: 500 } as never))).toEqual(['mastodon']);
    for (const maxCharacters of [0, -1, 1.5, Number.NaN, '500']) {
      expect(path(() => fitText('mastodon', 'a', { mastodon: { maxCharacters } } as never))).toEqual([
        'mastodon',
        'maxCharacters',
      ]);
    }
    expect(path(() => measureText('mastodon', 'a', { mastodon: { charactersReservedPerUrl: 0 } }))).toEqual([
      'mastodon',
      'charactersReservedPerUrl',
    ]);
    expect(fitText('x', 'a', { ellipsis: '' }).fits).toBe(true);
  });
});
