import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { createBlueskyPublisher } from './bluesky-publisher.js';
import { createLinkedInPublisher } from './linkedin-publisher.js';
import { createMastodonPublisher } from './mastodon-publisher.js';
import type { Publisher } from './publisher.js';
import { createXPublisher } from './x-publisher.js';

// What publish() is given is checked before any request: a mistake is a VALIDATION error naming the field, not a
// broken post, a platform's 4xx after logging in, or a misleading network error.

function publishers(): { all: Publisher[]; requests: () => number } {
  const recorded = [
    recordingFetch([{ status: 200, body: { id: '1', url: 'https://social.example/@a/1' } }]),
    recordingFetch([{ status: 200, body: { uri: 'at://did:plc:x/app.bsky.feed.post/1' } }]),
    recordingFetch([{ status: 201, headers: { 'x-restli-id': 'urn:li:share:1' } }]),
    recordingFetch([{ status: 201, body: { data: { id: '1', text: 'x' } } }]),
  ];
  const [mastodon, bluesky, linkedin, x] = recorded.map((r) => r.fetch) as [
    (typeof recorded)[0]['fetch'],
    (typeof recorded)[0]['fetch'],
    (typeof recorded)[0]['fetch'],
    (typeof recorded)[0]['fetch'],
  ];
  return {
    all: [
      createMastodonPublisher({ instance: 'https://social.example', accessToken: 'token', fetch: mastodon }),
      createBlueskyPublisher({
        service: 'https://pds.example',
        identifier: 'anne.test',
        appPassword: 'app-password',
        fetch: bluesky,
        session: { accessJwt: 'access', refreshJwt: 'refresh', did: 'did:plc:x', handle: 'anne.test' },
      }),
      createLinkedInPublisher({
        author: 'urn:li:person:a',
        accessToken: 'token',
        version: '202601',
        fetch: linkedin,
      }),
      createXPublisher({ accessToken: 'token', fetch: x }),
    ],
    requests: () => recorded.reduce((n, r) => n + r.requests.length, 0),
  };
}

describe('publish() input checks', () => {
  it('refuses a link with white space or control characters, which URL parsing accepts or silently drops', async () => {
    const { all, requests } = publishers();
    for (const link of [
      'https://example.org/vacature en meer',
      'https://example.org/\njobs',
      'https://example.org/\tjobs',
      'https://example.org/jobs\u0000',
      ' https://example.org/jobs',
    ]) {
      for (const publisher of all) {
        await expect(
          publisher.publish({ text: 'Wij zoeken collega’s', link }),
          `${publisher.platform} ${JSON.stringify(link)}`,
        ).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['link'] }] } });
      }
    }
    expect(requests()).toBe(0);
    // A valid link still goes out.
    for (const publisher of all) {
      await publisher.publish({ text: 'Wij zoeken collega’s', link: 'https://example.org/jobs?a=1' });
    }
    expect(requests()).toBe(4);
  });

  it('Mastodon, which sends the idempotency key as a header, refuses one that is empty or not printable ASCII', async () => {
    const { all, requests } = publishers();
    const mastodon = all.find((p) => p.platform === 'mastodon')!;
    // An empty key is no key to Mastodon (a retried 5xx could post twice); a line break or a non-Latin-1 character
    // makes fetch throw, which read as "could not be reached".
    for (const idempotencyKey of ['', '  ', 'share\n1', 'sleutel-€', 42, null]) {
      await expect(
        // @ts-expect-error: what JavaScript callers can pass
        mastodon.publish({ text: 'Wij zoeken collega’s', idempotencyKey }),
        JSON.stringify(idempotencyKey),
      ).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['idempotencyKey'] }] } });
    }
    expect(requests()).toBe(0);
    await mastodon.publish({ text: 'Wij zoeken collega’s', idempotencyKey: 'share_01J5 ABC-def' });
    expect(requests()).toBe(1);
  });

  it('Bluesky, LinkedIn and X, which send no idempotency key (PublishInput: Mastodon only), ignore it', async () => {
    for (const idempotencyKey of ['', 'sleutel-€', 'share\n1']) {
      const { all, requests } = publishers();
      for (const publisher of all.filter((p) => p.platform !== 'mastodon')) {
        await expect(
          publisher.publish({ text: 'Wij zoeken collega’s', idempotencyKey }),
          `${publisher.platform} ${JSON.stringify(idempotencyKey)}`,
        ).resolves.toMatchObject({ platform: publisher.platform });
      }
      expect(requests()).toBe(3);
    }
  });
});
