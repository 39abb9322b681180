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

  it('refuses a language outside the SDK’s languages, an empty card title and a card description that is not a string', async () => {
    const { all, requests } = publishers();
    const bad: [Record<string, unknown>, string[]][] = [
      [{ link: 'https://example.org/jobs', card: { title: '' } }, ['card', 'title']],
      [{ link: 'https://example.org/jobs', card: { title: ' \n ' } }, ['card', 'title']],
      [{ language: 'dutch' }, ['language']],
      [{ language: 'NL' }, ['language']],
      [{ language: 42 }, ['language']],
      [
        { link: 'https://example.org/jobs', card: { title: 'Vacature', description: 5 } },
        ['card', 'description'],
      ],
      [
        { link: 'https://example.org/jobs', card: { title: 'Vacature', description: null } },
        ['card', 'description'],
      ],
    ];
    for (const [extra, path] of bad) {
      for (const publisher of all) {
        await expect(
          publisher.publish({ text: 'Wij zoeken collega’s', ...extra }),
          `${publisher.platform} ${JSON.stringify(extra)}`,
        ).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path }] } });
      }
    }
    expect(requests()).toBe(0);
    for (const publisher of all) {
      await publisher.publish({
        text: 'Wij zoeken collega’s',
        language: 'nl',
        link: 'https://example.org/jobs',
        card: { title: 'Vacature', description: 'In Utrecht' },
      });
    }
    expect(requests()).toBe(4);
  });
});

describe('publisher options with callbacks and retry settings', () => {
  const fetch = recordingFetch([{ status: 200, body: {} }]).fetch;
  const make = {
    mastodon: (extra: Record<string, unknown>) =>
      createMastodonPublisher({ instance: 'https://social.example', accessToken: 'token', fetch, ...extra }),
    bluesky: (extra: Record<string, unknown>) =>
      createBlueskyPublisher({
        service: 'https://pds.example',
        identifier: 'anne.test',
        appPassword: 'app-password',
        fetch,
        ...extra,
      }),
    linkedin: (extra: Record<string, unknown>) =>
      createLinkedInPublisher({
        author: 'urn:li:person:a',
        accessToken: 'token',
        version: '202601',
        fetch,
        ...extra,
      }),
    x: (extra: Record<string, unknown>) => createXPublisher({ accessToken: 'token', fetch, ...extra }),
  };
  const thrown = (call: () => unknown): unknown => {
    try {
      call();
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it('are checked when the publisher is created, not met as a TypeError after a post or a login', () => {
    const everyone: [Record<string, unknown>, string[]][] = [
      [{ retry: 5 }, ['retry']],
      [{ retry: { sleep: 1000 } }, ['retry', 'sleep']],
      [{ retry: { now: 'now' } }, ['retry', 'now']],
      [{ retry: { maxAttempts: 0 } }, ['retry', 'maxAttempts']],
      [{ retry: { maxAttempts: '3' } }, ['retry', 'maxAttempts']],
      [{ retry: { baseDelayMs: -1 } }, ['retry', 'baseDelayMs']],
      [{ retry: { maxDelayMs: Number.NaN } }, ['retry', 'maxDelayMs']],
    ];
    for (const [name, create] of Object.entries(make)) {
      for (const [extra, path] of everyone) {
        expect(
          thrown(() => create(extra)),
          `${name} ${JSON.stringify(extra)}`,
        ).toMatchObject({
          code: 'VALIDATION',
          details: { issues: [{ path }] },
        });
      }
      expect(() =>
        create({ retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: Number.POSITIVE_INFINITY } }),
      ).not.toThrow();
    }
    for (const [create, extra, path] of [
      [make.bluesky, { onSession: 'store' }, ['onSession']],
      [make.bluesky, { now: 1_800_000_000_000 }, ['now']],
      [make.mastodon, { newKey: 'key' }, ['newKey']],
    ] as const) {
      expect(
        thrown(() => create(extra)),
        JSON.stringify(extra),
      ).toMatchObject({
        code: 'VALIDATION',
        details: { issues: [{ path }] },
      });
    }
  });
});

describe('publisher endpoints', () => {
  it('refuses an endpoint with a query or fragment, which would put the API path into it', async () => {
    const { fetch, requests } = recordingFetch([{ status: 200, body: { id: '1' } }]);
    for (const instance of [
      'https://social.example/?lang=nl',
      'https://social.example#top',
      'https://social.example/?',
    ]) {
      let error: unknown;
      try {
        createMastodonPublisher({ instance, accessToken: 'token', fetch });
      } catch (caught) {
        error = caught;
      }
      expect(error, instance).toMatchObject({
        code: 'VALIDATION',
        details: { issues: [{ path: ['instance'] }] },
      });
    }
    expect(() => createXPublisher({ accessToken: 'token', fetch, baseUrl: 'https://api.example#x' })).toThrow(
      /baseUrl/,
    );
    // A path is kept: the API lives below it.
    await createMastodonPublisher({
      instance: 'https://social.example/m/',
      accessToken: 'token',
      fetch,
    }).publish({
      text: 'Hallo',
    });
    expect(requests[0]?.url).toBe('https://social.example/m/api/v1/statuses');
  });
});
