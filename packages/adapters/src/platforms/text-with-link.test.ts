import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { createMastodonPublisher } from './mastodon-publisher.js';
import { fitText } from './text-fit.js';
import { textWithLink } from './text-with-link.js';
import { createXPublisher } from './x-publisher.js';

const link = 'https://example.org/vacatures/senior-ontwikkelaar?utm_source=social&ss_ref=abc123';
const words = fc.array(fc.constantFrom('Wij', 'zoeken', 'collega’s', 'in', 'Utrecht!', '#vacature', '👋🏽'), {
  minLength: 0,
  maxLength: 120,
});

describe('fitText with a text that already holds the link', () => {
  it('does not append the link a second time, as the publishers do not', () => {
    const text = `Lees ${link} en solliciteer.`;
    for (const platform of ['x', 'mastodon', 'bluesky', 'threads', 'whatsapp', 'telegram'] as const) {
      const fitted = fitText(platform, text, { link });
      expect(fitted.text, platform).toBe(text);
      expect(fitted.fits, platform).toBe(true);
    }
    // Counted once: 290 graphemes with the link inside fit Bluesky's 300 (twice they would be 373).
    const near = `${'a'.repeat(200)} ${link}`;
    expect(fitText('bluesky', near, { link })).toMatchObject({ fits: true, text: near, cut: '' });
  });

  test.prop([words, words, fc.boolean()])(
    'posts exactly fitted.text when given { text: fitted.body, link } (X and Mastodon)',
    async (before, after, inside) => {
      const text = inside ? `${before.join(' ')} ${link} ${after.join(' ')}` : before.join(' ');
      if (text.trim() === '') return;
      for (const platform of ['x', 'mastodon'] as const) {
        const fitted = fitText(platform, text, { link });
        expect(textWithLink(fitted.body, link), platform).toBe(fitted.text);
        const { fetch, requests } = recordingFetch([
          { status: 201, body: { id: '1', data: { id: '1', text: '' } } },
        ]);
        const publisher =
          platform === 'x'
            ? createXPublisher({ accessToken: 'token', fetch })
            : createMastodonPublisher({ instance: 'https://social.example', accessToken: 'token', fetch });
        await publisher.publish({ text: fitted.body, link });
        const sent = requests[0]?.body as { text?: string; status?: string };
        expect(sent.text ?? sent.status, platform).toBe(fitted.text);
      }
    },
  );
});

describe('a link the platform would end early is not held by the text', () => {
  // X (twitter-text) ends a link at the first character its URL rules do not take (CJK, Greek, `^`); Mastodon at
  // an unbalanced `(`. A text that holds such a link "by white space" would post a cut-off, broken link.
  // The link is appended with its non-ASCII characters percent-encoded, its ASCII characters as given (see
  // link-posted-whole.test.ts and link-as-posted.test.ts).
  const cases = [
    ['x', 'https://example.org/vacatures/日本語'],
    ['x', 'https://example.org/θέσεις'],
    ['x', 'https://example.org/a^b'],
    ['mastodon', 'https://example.org/vacatures/a(b'],
  ] as const;
  const posted = (given: string): string =>
    /[\u0080-\u{10ffff}]/u.test(given) ? new URL(given).href : given;

  it('fitText appends the link, as the platform would link only a part of it', () => {
    for (const [platform, given] of cases) {
      const text = `Lees ${given} nu`;
      expect(fitText(platform, text, { link: given }).text, `${platform} ${given}`).toBe(
        `${text} ${posted(given)}`,
      );
    }
  });

  it('the X and Mastodon publishers post the link once more after the text', async () => {
    for (const [platform, given] of cases) {
      const text = `Lees ${given} nu`;
      const { fetch, requests } = recordingFetch([
        { status: 201, body: { id: '1', data: { id: '1', text: '' } } },
      ]);
      const publisher =
        platform === 'x'
          ? createXPublisher({ accessToken: 'token', fetch })
          : createMastodonPublisher({ instance: 'https://social.example', accessToken: 'token', fetch });
      await publisher.publish({ text, link: given });
      const sent = requests[0]?.body as { text?: string; status?: string };
      expect(sent.text ?? sent.status, `${platform} ${given}`).toBe(`${text} ${posted(given)}`);
    }
  });

  it('textWithLink ends links as the platform says', () => {
    const given = 'https://example.org/vacatures/日本語';
    expect(textWithLink(`Lees ${given} nu`, given)).toBe(`Lees ${given} nu`);
    expect(textWithLink(`Lees ${given} nu`, given, 'twitter-text')).toBe(`Lees ${given} nu ${posted(given)}`);
  });
});
