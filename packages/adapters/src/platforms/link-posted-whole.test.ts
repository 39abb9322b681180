import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { createMastodonPublisher } from './mastodon-publisher.js';
import { buildShareLink } from './share-links.js';
import { fitText } from './text-fit.js';
import { textWithLink, urlEnding } from './text-with-link.js';
import { findUrls, type UrlEnding } from './url-spans.js';
import { createXPublisher } from './x-publisher.js';

// A link appended whole to a post's text must also be linked whole by the platform where that can be done without
// changing what the link means: X (twitter-text) ends a link at a CJK or Greek letter, so a link's non-ASCII
// characters are percent-encoded (as UTF-8, the same resource). ASCII characters are never changed, not even one at
// which the platform ends a link (X: `^`, Mastodon: an unbalanced `(`): such a link is cut by the platform.

/** The links the platform finds in a text, as it ends them. */
const linked = (text: string, ending: UrlEnding): string[] =>
  findUrls(text, { ending }).map((url) => url.text);

const cases = [
  ['x', 'https://example.org/vacatures/日本語', 'https://example.org/vacatures/%E6%97%A5%E6%9C%AC%E8%AA%9E'],
  ['x', 'https://example.org/θέσεις', 'https://example.org/%CE%B8%CE%AD%CF%83%CE%B5%CE%B9%CF%82'],
  ['x', 'https://example.org/日本語?q=c+d', 'https://example.org/%E6%97%A5%E6%9C%AC%E8%AA%9E?q=c+d'],
] as const;

// ASCII links the platform would end early: posted as given all the same (encoding would change their meaning).
const cut = [
  ['x', 'https://example.org/a^b'],
  ['x', 'https://example.org/jobs?q=a^b'],
  ['mastodon', 'https://example.org/vacatures/a(b'],
  ['mastodon', 'https://example.org/vacatures/a)b'],
] as const;

// Tracked links as the SDK makes them (URL.href): linked whole already, so posted exactly as given.
const tracked = [
  'https://example.org/vacatures/senior-ontwikkelaar?utm_source=x&utm_medium=social&utm_campaign=zomer-2026&ss=Zx9_-a',
  'https://go.example.nl/s/Ab3dE',
  'https://example.org/wiki/Utrecht_(stad)?ss=abc#werken',
  'https://example.org/vacatures/d%C3%A9veloppeur?ss=1',
];

describe('a link appended to the text is linked whole by the platform', () => {
  it('fitText appends the link percent-encoded where the platform would end it, so it is found whole once', () => {
    for (const [platform, given, posted] of cases) {
      const text = `Lees ${given} nu`;
      const fitted = fitText(platform, text, { link: given });
      expect(fitted.text, given).toBe(`${text} ${posted}`);
      const ending = urlEnding(platform);
      expect(linked(fitted.text, ending).at(-1), given).toBe(posted);
      // The cut-off start the text holds is not linked a second time by the appended link.
      expect(linked(fitted.text, ending).filter((url) => given.startsWith(url)).length, given).toBeLessThan(
        2,
      );
      expect(decodeURI(posted), given).toBe(given);
    }
  });

  it('an ASCII link the platform would end early is appended and sent exactly as given', async () => {
    for (const [platform, given] of cut) {
      expect(fitText(platform, 'Lees dit', { link: given }).text, given).toBe(`Lees dit ${given}`);
      const { fetch, requests } = recordingFetch([
        { status: 201, body: { id: '1', data: { id: '1', text: '' } } },
      ]);
      const publisher =
        platform === 'x'
          ? createXPublisher({ accessToken: 'token', fetch })
          : createMastodonPublisher({ instance: 'https://social.example', accessToken: 'token', fetch });
      await publisher.publish({ text: 'Lees dit', link: given });
      const sent = requests[0]?.body as { text?: string; status?: string };
      expect(sent.text ?? sent.status, given).toBe(`Lees dit ${given}`);
      const params = new URL(
        buildShareLink(platform, { text: 'Lees dit', url: given, mastodonInstance: 'mastodon.social' })
          .href ?? '',
      ).searchParams;
      expect(platform === 'x' ? params.get('url') : params.get('text'), given).toBe(
        platform === 'x' ? given : `Lees dit ${given}`,
      );
    }
  });

  it('the X and Mastodon publishers post the encoded link, and not again for a text that holds it', async () => {
    for (const [platform, given, posted] of cases) {
      const { fetch, requests } = recordingFetch([
        { status: 201, body: { id: '1', data: { id: '1', text: '' } } },
      ]);
      const publisher =
        platform === 'x'
          ? createXPublisher({ accessToken: 'token', fetch })
          : createMastodonPublisher({ instance: 'https://social.example', accessToken: 'token', fetch });
      await publisher.publish({ text: 'Wij zoeken collega’s', link: given });
      await publisher.publish({ text: `Wij zoeken collega’s ${posted}`, link: given });
      const sent = requests.map((r) => r.body as { text?: string; status?: string });
      expect(sent[0]?.text ?? sent[0]?.status, given).toBe(`Wij zoeken collega’s ${posted}`);
      expect(sent[1]?.text ?? sent[1]?.status, given).toBe(`Wij zoeken collega’s ${posted}`);
    }
  });

  it('buildShareLink sends X the encoded url and gives Mastodon the encoded link in the text', () => {
    for (const [platform, given, posted] of cases) {
      const link = buildShareLink(platform, {
        text: `Lees ${given} nu`,
        url: given,
        mastodonInstance: 'mastodon.social',
      });
      const params = new URL(link.href ?? '').searchParams;
      if (platform === 'x') {
        expect(params.get('url'), given).toBe(posted);
        expect(params.get('text'), given).toBe(`Lees ${given} nu`);
        // As X composes the post: text, a space, url.
        expect(linked(`${params.get('text')} ${params.get('url')}`, 'twitter-text').at(-1)).toBe(posted);
      } else {
        expect(params.get('text'), given).toBe(`Lees ${given} nu ${posted}`);
      }
    }
  });

  it('leaves tracked links (URL.href) exactly as given on every platform', async () => {
    for (const link of tracked) {
      expect(new URL(link).href).toBe(link);
      for (const platform of ['x', 'mastodon', 'bluesky', 'threads', 'telegram'] as const) {
        expect(fitText(platform, 'Hallo', { link }).text, `${platform} ${link}`).toBe(`Hallo ${link}`);
      }
      expect(textWithLink('Hallo', link, 'twitter-text')).toBe(`Hallo ${link}`);
      expect(textWithLink('Hallo', link, 'mastodon')).toBe(`Hallo ${link}`);
      const x = new URL(buildShareLink('x', { text: 'Hallo', url: link }).href ?? '').searchParams;
      expect(x.get('url'), link).toBe(link);
    }
  });

  const segment = fc.string({
    minLength: 1,
    maxLength: 8,
    unit: fc.constantFrom(
      'a',
      'Z',
      '0',
      '-',
      '_',
      '.',
      '^',
      '(',
      ')',
      '日',
      'θ',
      'é',
      '!',
      '~',
      '|',
      '[',
      ']',
      "'",
      '*',
      '+',
      '&',
      '=',
    ),
  });
  test.prop([
    fc.constantFrom<'x' | 'mastodon'>('x', 'mastodon'),
    fc.array(segment, { minLength: 1, maxLength: 4 }),
    fc.option(fc.array(fc.tuple(segment, segment), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  ])(
    'any link is appended as given, or with only its non-ASCII characters percent-encoded, linked whole when it is then',
    (platform, path, query) => {
      const given = `https://werk.example.org/${path.join('/')}${query === undefined ? '' : `?${query.map(([k, v]) => `${k}=${v}`).join('&')}`}`;
      const text = fitText(platform, 'Lees dit', { link: given }).text;
      expect(text.startsWith('Lees dit ')).toBe(true);
      const posted = text.slice('Lees dit '.length);
      // Only non-ASCII characters are encoded, each as its UTF-8 bytes: decoding them gives the link back, and every
      // ASCII character, `+` and `&` included, is as given (a change would change what a server reads).
      expect(posted.replace(/(?:%[0-9A-F]{2})+/g, (bytes) => decodeURIComponent(bytes))).toBe(given);
      // As given when the platform links it whole (Mastodon links `θ`), else with no non-ASCII character left.
      if (posted !== given) expect(posted).not.toMatch(/[\u0080-\u{10ffff}]/u);
      if (!/[\u0080-\u{10ffff}]/u.test(given)) expect(posted).toBe(given);
      // Where the platform would stop only at a non-ASCII character, the posted link is linked whole.
      const ascii = given.replace(/[\u0080-\u{10ffff}]/gu, 'a');
      const found = findUrls(text, { ending: urlEnding(platform) });
      if (findUrls(ascii, { ending: urlEnding(platform) })[0]?.text === ascii) {
        expect(found.map((url) => url.text)).toEqual([posted]);
      }
    },
  );
});
