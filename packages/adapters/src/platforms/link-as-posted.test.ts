import type { Platform } from '@social-shift/core';
import { createMemoryStorage } from '@social-shift/core';
import { createLinkTracker, verifyTrackedClick } from '@social-shift/core/links';
import { aPost, aShare } from '@social-shift/core/testing';
import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { createMastodonPublisher } from './mastodon-publisher.js';
import { buildShareLink } from './share-links.js';
import { fitText } from './text-fit.js';
import { linkAsPosted, textWithLink } from './text-with-link.js';
import { createXPublisher } from './x-publisher.js';

// A link is posted exactly as given unless it holds non-ASCII characters: percent-encoding an ASCII character
// changes what a server reads (`?q=c++` is `c  ` form-decoded, `c%2B%2B` is `c++`), and changes an SDK tracked
// link, so that its click no longer verifies.

const SECRET = 'test-secret-of-the-organisation-0123456789';
const ORG = 'org_fixture';

/** Post links with an ASCII character at which X or Mastodon ends a link. */
const POST_LINKS = [
  'https://example.org/wiki/Foo_(bar',
  'https://example.org/wiki/Foo_)bar',
  'https://example.org/vacatures/a.',
  'https://example.org/vacatures/~jan',
  'https://example.org/vacatures/nu!',
  'https://example.org/vacatures/a^b',
  'https://example.org/zoek+c++',
];

/** A tracked link for `link`, shared on `platform`, with the share and the post stored in memory. */
async function sharedLink(link: string, platform: Platform) {
  const storage = createMemoryStorage();
  const tracker = createLinkTracker({ secret: SECRET });
  const tracked = await tracker.track({
    organisationId: ORG,
    link,
    platform,
    campaignId: 'camp_1',
    postId: 'post_1',
    publisherId: 'person_1',
  });
  const url = tracked.url ?? '';
  const share = aShare({
    organisationId: ORG,
    platform,
    trackedUrl: url,
    sharerToken: tracked.sharerToken,
  });
  const post = aPost({ id: 'post_1', organisationId: ORG, link });
  await storage.transaction(ORG, async (tx) => {
    await tx.put('share', share.id, share as never, 0);
    await tx.put('post', post.id, post as never, 0);
  });
  const verify = (posted: string) => verifyTrackedClick({ organisationId: ORG, storage }, tracker, posted);
  return { url, verify, shareId: share.id };
}

/** Every link X or Mastodon is given: by buildShareLink, fitText and the publisher. */
async function postedLinks(platform: 'x' | 'mastodon', url: string): Promise<string[]> {
  const text = 'Wij zoeken collega’s';
  const share = new URL(
    buildShareLink(platform, { text, url, mastodonInstance: 'mastodon.social' }).href ?? '',
  ).searchParams;
  const fromShare =
    platform === 'x' ? (share.get('url') ?? '') : (share.get('text') ?? '').slice(text.length + 1);
  const fitted = fitText(platform, text, { link: url }).text.slice(text.length + 1);
  const { fetch, requests } = recordingFetch([
    { status: 201, body: { id: '1', data: { id: '1', text: '' } } },
  ]);
  const publisher =
    platform === 'x'
      ? createXPublisher({ accessToken: 'token', fetch })
      : createMastodonPublisher({ instance: 'https://social.example', accessToken: 'token', fetch });
  await publisher.publish({ text, link: url });
  const body = requests[0]?.body as { text?: string; status?: string };
  const published = (body.text ?? body.status ?? '').slice(text.length + 1);
  return [fromShare, fitted, published];
}

describe('linkAsPosted leaves ASCII links exactly as given', () => {
  it.each([
    'https://example.org/zoek?q=c++',
    'https://example.org/a^b',
    'https://example.org/wiki/Foo_(bar',
    'https://example.org/wiki/Foo_)bar',
    'https://example.org/a.',
    'https://example.org/~jan!',
    'https://example.org/a*b:c&d=e',
  ])('%s', (link) => {
    for (const ending of ['twitter-text', 'mastodon', 'whitespace'] as const) {
      expect(linkAsPosted(link, ending), ending).toBe(link);
      expect(textWithLink('Lees', link, ending), ending).toBe(`Lees ${link}`);
    }
  });

  it('encodes only the non-ASCII characters of a link that holds them, and an IDN host as punycode', () => {
    expect(linkAsPosted('https://example.org/日本語?q=c++&r=(1)', 'twitter-text')).toBe(
      'https://example.org/%E6%97%A5%E6%9C%AC%E8%AA%9E?q=c++&r=(1)',
    );
    expect(linkAsPosted("https://bücher.example/ü^a?q='ü'#ü", 'twitter-text')).toBe(
      "https://xn--bcher-kva.example/%C3%BC^a?q='%C3%BC'#%C3%BC",
    );
  });
});

describe('linkAsPosted keeps user info', () => {
  it('keeps a password without a user name, as URL does', () => {
    expect(linkAsPosted('https://:pw@bücher.example/日', 'twitter-text')).toBe(
      'https://:pw@xn--bcher-kva.example/%E6%97%A5',
    );
    expect(linkAsPosted('https://anne:pw@bücher.example/日', 'twitter-text')).toBe(
      'https://anne:pw@xn--bcher-kva.example/%E6%97%A5',
    );
  });
});

describe('a tracked link posted on X or Mastodon still verifies', () => {
  for (const platform of ['x', 'mastodon'] as const) {
    it.each(POST_LINKS)(`${platform}: %s`, async (link) => {
      const { url, verify, shareId } = await sharedLink(link, platform);
      expect(new URL(url).href).toBe(url);
      for (const posted of await postedLinks(platform, url)) {
        expect(posted).toBe(url);
        expect((await verify(posted)).shareId).toBe(shareId);
      }
    });
  }
});
