import { describe, expect, it } from 'vitest';
import { recordingFetch, recordingSleep } from '../../test/recording-fetch.js';
import { escapeLittleText } from './linkedin-little-text.js';
import { createLinkedInPublisher } from './linkedin-publisher.js';
import { createMastodonPublisher } from './mastodon-publisher.js';
import { fitText } from './text-fit.js';
import { createXPublisher } from './x-publisher.js';

// Request and response shapes follow each platform's API reference (Mastodon: POST /api/v1/statuses → Status;
// LinkedIn Posts API: POST /rest/posts → 201 with x-restli-id; X API v2: POST /2/tweets → 201 { data: { id, text } }).

describe('createMastodonPublisher', () => {
  const status = {
    id: '109',
    uri: 'https://social.example/users/anne/statuses/109',
    url: 'https://social.example/@anne/109',
  };

  it('posts the status with a bearer token and an Idempotency-Key', async () => {
    const { fetch, requests } = recordingFetch([{ status: 200, body: status }]);
    const result = await createMastodonPublisher({
      instance: 'https://social.example/',
      accessToken: 'tok',
      fetch,
    }).publish({
      text: 'Wij zoeken collega’s https://example.org/jobs',
      language: 'nl',
      idempotencyKey: 'share_1',
    });
    expect(result).toEqual({
      platform: 'mastodon',
      externalId: '109',
      url: 'https://social.example/@anne/109',
    });
    expect(requests[0]).toMatchObject({
      url: 'https://social.example/api/v1/statuses',
      method: 'POST',
      headers: {
        authorization: 'Bearer tok',
        'idempotency-key': 'share_1',
        'content-type': 'application/json',
      },
      body: { status: 'Wij zoeken collega’s https://example.org/jobs', visibility: 'public', language: 'nl' },
    });
  });

  it('retries a 5xx with the same Idempotency-Key, so the server posts once', async () => {
    const { fetch, requests } = recordingFetch([{ status: 502 }, { status: 200, body: status }]);
    await createMastodonPublisher({
      instance: 'https://social.example',
      accessToken: 'tok',
      fetch,
      newKey: () => 'generated-key',
      retry: { sleep: recordingSleep().sleep },
    }).publish({ text: 'Hallo' });
    expect(requests.map((r) => r.headers['idempotency-key'])).toEqual(['generated-key', 'generated-key']);
  });

  it('refuses a key from newKey that no header can carry as one: nothing is sent', async () => {
    // `undefined` would be sent as the key "undefined" for every status, and the server would answer each later one
    // within its hour with the first status: posts lost. '' is no key at all (a retried 5xx could post twice).
    for (const key of [undefined, '', '   ', 42, 'sleutel\n']) {
      const { fetch, requests } = recordingFetch([{ status: 200, body: status }]);
      const publisher = createMastodonPublisher({
        instance: 'https://social.example',
        accessToken: 'tok',
        fetch,
        newKey: () => key as string,
      });
      await expect(publisher.publish({ text: 'Hallo' }), JSON.stringify(key)).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { issues: [{ path: ['newKey'] }] },
      });
      expect(requests).toHaveLength(0);
    }
  });

  it('honours X-RateLimit-Reset (ISO time) on 429', async () => {
    const now = Date.parse('2026-11-26T12:00:00.000Z');
    const { fetch } = recordingFetch([
      {
        status: 429,
        headers: { 'x-ratelimit-reset': '2026-11-26T12:00:03.000Z' },
        body: { error: 'Too many requests' },
      },
      { status: 200, body: status },
    ]);
    const { sleep, waits } = recordingSleep();
    await createMastodonPublisher({
      instance: 'https://social.example',
      accessToken: 'tok',
      fetch,
      retry: { sleep, now: () => now },
    }).publish({
      text: 'Hallo',
    });
    expect(waits).toEqual([3000]);
  });

  it('refuses a status over the server’s limit before sending (URLs count as 23)', async () => {
    const { fetch, requests } = recordingFetch([{ status: 200, body: status }]);
    const publisher = createMastodonPublisher({
      instance: 'https://social.example',
      accessToken: 'tok',
      fetch,
      limits: { maxCharacters: 30 },
    });
    await expect(
      publisher.publish({ text: `${'a'.repeat(6)} https://example.org/${'x'.repeat(80)}` }),
    ).resolves.toBeDefined();
    await expect(publisher.publish({ text: 'a'.repeat(31) })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
    expect(requests).toHaveLength(1);
  });

  it('takes the server’s own configuration.statuses (snake_case) as limits, and refuses both names that disagree', async () => {
    const { fetch, requests } = recordingFetch([{ status: 200, body: status }]);
    // GET /api/v2/instance → configuration.statuses, passed as it is.
    const statuses = { max_characters: 30, max_media_attachments: 4, characters_reserved_per_url: 10 };
    const publisher = createMastodonPublisher({
      instance: 'https://social.example',
      accessToken: 'tok',
      fetch,
      limits: statuses,
    });
    // 19 + 1 + 10 (the URL as the server's 10, not 23) = 30: fits.
    await publisher.publish({ text: 'a'.repeat(19), link: `https://example.org/${'x'.repeat(80)}` });
    await expect(publisher.publish({ text: 'a'.repeat(31) })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { limit: 30, actual: 31 },
    });
    expect(requests).toHaveLength(1);
    const make = (limits: object) => () =>
      createMastodonPublisher({ instance: 'https://social.example', accessToken: 'tok', fetch, limits });
    expect(make({ maxCharacters: 30, max_characters: 30 })).not.toThrow();
    expect(make({ maxCharacters: 500, max_characters: 1000 })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: { issues: [expect.objectContaining({ path: ['limits', 'max_characters'] })] },
      }),
    );
    expect(make({ max_characters: '1000' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: { issues: [expect.objectContaining({ path: ['limits', 'max_characters'] })] },
      }),
    );
  });

  it('appends the link to the status when the text does not hold it, and posts it once when it does', async () => {
    const { fetch, requests } = recordingFetch([
      { status: 200, body: status },
      { status: 200, body: status },
      { status: 200, body: status },
    ]);
    const publisher = createMastodonPublisher({
      instance: 'https://social.example',
      accessToken: 'tok',
      fetch,
    });
    await publisher.publish({ text: 'Wij zoeken collega’s', link: 'https://example.org/jobs' });
    await publisher.publish({ text: 'Lees https://example.org/jobs!', link: 'https://example.org/jobs' });
    // A longer URL that merely starts with the link is not the link.
    await publisher.publish({ text: 'Lees https://example.org/jobs/2', link: 'https://example.org/jobs' });
    expect(requests.map((r) => (r.body as { status: string }).status)).toEqual([
      'Wij zoeken collega’s https://example.org/jobs',
      'Lees https://example.org/jobs!',
      'Lees https://example.org/jobs/2 https://example.org/jobs',
    ]);
  });

  it('counts the appended link (as 23) against the limit and refuses rather than cut it', async () => {
    const { fetch, requests } = recordingFetch([{ status: 200, body: status }]);
    const publisher = createMastodonPublisher({
      instance: 'https://social.example',
      accessToken: 'tok',
      fetch,
      limits: { maxCharacters: 30 },
    });
    const link = `https://example.org/${'x'.repeat(80)}`;
    // 6 + 1 + 23 = 30: fits.
    await publisher.publish({ text: 'a'.repeat(6), link });
    expect(requests[0]?.body).toMatchObject({ status: `${'a'.repeat(6)} ${link}` });
    // 7 + 1 + 23 = 31: the text alone fits, with the link it does not.
    await expect(publisher.publish({ text: 'a'.repeat(7), link })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: expect.stringContaining('with its link appended'),
      details: { limit: 30, actual: 31 },
    });
    expect(requests).toHaveLength(1);
  });

  it('reports Mastodon’s error entity as a PLATFORM error', async () => {
    const { fetch } = recordingFetch([
      { status: 422, body: { error: 'Validation failed: Text can’t be blank' } },
    ]);
    await expect(
      createMastodonPublisher({ instance: 'https://social.example', accessToken: 'tok', fetch }).publish({
        text: 'x',
      }),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { status: 422, platform: 'mastodon' } });
  });
});

describe('escapeLittleText', () => {
  it('escapes every reserved character but keeps URLs and hashtags working', () => {
    expect(escapeLittleText('Wij (Acme) zoeken #developers: https://example.org/a_b?x=(1)')).toBe(
      'Wij \\(Acme\\) zoeken #developers: https://example.org/a_b?x=(1)',
    );
    expect(escapeLittleText('a\\b|c{d}e@f[g]h<i>j*k_l~m # n')).toBe(
      'a\\\\b\\|c\\{d\\}e\\@f\\[g\\]h\\<i\\>j\\*k\\_l\\~m \\# n',
    );
    expect(escapeLittleText('#werken_bij')).toBe('#werken\\_bij');
  });
});

describe('createLinkedInPublisher', () => {
  it('posts to /rest/posts with the versioned headers, escaped commentary and the link as an article', async () => {
    const { fetch, requests } = recordingFetch([
      { status: 201, headers: { 'x-restli-id': 'urn:li:share:6844785523593134080' } },
    ]);
    const result = await createLinkedInPublisher({
      author: 'urn:li:person:abc',
      accessToken: 'tok',
      version: '202601',
      fetch,
    }).publish({
      text: 'Wij (Acme) zoeken collega’s',
      link: 'https://example.org/jobs',
      card: { title: 'Vacature', description: 'Kom werken' },
    });
    expect(result).toEqual({
      platform: 'linkedin',
      externalId: 'urn:li:share:6844785523593134080',
      url: 'https://www.linkedin.com/feed/update/urn:li:share:6844785523593134080/',
    });
    expect(requests[0]).toMatchObject({
      url: 'https://api.linkedin.com/rest/posts',
      headers: {
        authorization: 'Bearer tok',
        'linkedin-version': '202601',
        'x-restli-protocol-version': '2.0.0',
      },
      body: {
        author: 'urn:li:person:abc',
        commentary: 'Wij \\(Acme\\) zoeken collega’s',
        visibility: 'PUBLIC',
        distribution: {
          feedDistribution: 'MAIN_FEED',
          targetEntities: [],
          thirdPartyDistributionChannels: [],
        },
        lifecycleState: 'PUBLISHED',
        isReshareDisabledByAuthor: false,
        content: {
          article: { source: 'https://example.org/jobs', title: 'Vacature', description: 'Kom werken' },
        },
      },
    });
  });

  it('refuses a malformed version and reports LinkedIn’s 422 as PLATFORM', async () => {
    const { fetch } = recordingFetch([
      { status: 422, body: { message: 'ERROR :: /commentary :: field is required', status: 422 } },
    ]);
    expect(() =>
      createLinkedInPublisher({ author: 'urn:li:person:abc', accessToken: 't', version: '2026-01', fetch }),
    ).toThrow(/YYYYMM/);
    await expect(
      createLinkedInPublisher({
        author: 'urn:li:person:abc',
        accessToken: 't',
        version: '202601',
        fetch,
      }).publish({ text: 'x' }),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { status: 422 } });
  });
});

describe('createXPublisher', () => {
  it('posts { text } to /2/tweets and returns the id', async () => {
    const { fetch, requests } = recordingFetch([
      { status: 201, body: { data: { id: '1445880548472328192', text: 'Hallo' } } },
    ]);
    const result = await createXPublisher({ accessToken: 'tok', fetch }).publish({ text: 'Hallo' });
    expect(result).toEqual({
      platform: 'x',
      externalId: '1445880548472328192',
      url: 'https://x.com/i/web/status/1445880548472328192',
    });
    expect(requests[0]).toMatchObject({
      url: 'https://api.x.com/2/tweets',
      headers: { authorization: 'Bearer tok' },
      body: { text: 'Hallo' },
    });
  });

  it('waits for x-rate-limit-reset on 429 and then posts', async () => {
    const now = 1_800_000_000_000;
    const { fetch, requests } = recordingFetch([
      {
        status: 429,
        headers: { 'x-rate-limit-reset': String(now / 1000 + 4) },
        body: { title: 'Too Many Requests', status: 429 },
      },
      { status: 201, body: { data: { id: '1', text: 'Hallo' } } },
    ]);
    const { sleep, waits } = recordingSleep();
    await createXPublisher({ accessToken: 'tok', fetch, retry: { sleep, now: () => now } }).publish({
      text: 'Hallo',
    });
    expect(waits).toEqual([4000]);
    expect(requests).toHaveLength(2);
  });

  it('appends the link to the text when the text does not hold it, and posts it once when it does', async () => {
    const { fetch, requests } = recordingFetch([
      { status: 201, body: { data: { id: '1', text: '' } } },
      { status: 201, body: { data: { id: '2', text: '' } } },
    ]);
    const publisher = createXPublisher({ accessToken: 'tok', fetch });
    await publisher.publish({ text: 'Hi there', link: 'https://example.org/a' });
    await publisher.publish({ text: 'Read https://example.org/a.', link: 'https://example.org/a' });
    expect(requests.map((r) => r.body)).toEqual([
      { text: 'Hi there https://example.org/a' },
      { text: 'Read https://example.org/a.' },
    ]);
  });

  it('counts the appended link as 23 and refuses a text that fits only without it', async () => {
    const { fetch, requests } = recordingFetch([{ status: 201, body: { data: { id: '1', text: '' } } }]);
    const publisher = createXPublisher({ accessToken: 'tok', fetch });
    const link = `https://example.org/${'x'.repeat(100)}`;
    // 256 + 1 + 23 = 280: fits, though the link is 120 characters long.
    await publisher.publish({ text: 'a'.repeat(256), link });
    expect(requests[0]?.body).toEqual({ text: `${'a'.repeat(256)} ${link}` });
    await expect(publisher.publish({ text: 'a'.repeat(257), link })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: expect.stringContaining('with its link appended'),
      details: { limit: 280, actual: 281 },
    });
    expect(requests).toHaveLength(1);
  });

  it('posts exactly what fitText made when given its body and the link', async () => {
    const { fetch, requests } = recordingFetch([{ status: 201, body: { data: { id: '1', text: '' } } }]);
    const link = 'https://example.org/jobs';
    const fitted = fitText('x', 'Wij zoeken collega’s in Utrecht. '.repeat(20), { link });
    expect(fitted.fits).toBe(false);
    await createXPublisher({ accessToken: 'tok', fetch }).publish({ text: fitted.body, link });
    expect(requests[0]?.body).toEqual({ text: fitted.text });
  });

  it('refuses a short text with a character X refuses (U+FEFF) as VALIDATION naming text, not as too long', async () => {
    const { fetch, requests } = recordingFetch([{ status: 201, body: { data: { id: '1', text: '' } } }]);
    const publisher = createXPublisher({ accessToken: 'tok', fetch });
    for (const text of ['\uFEFFWij zoeken collega’s', 'Wij zoeken\uFFFE collega’s', 'Hallo \uFFFF']) {
      // fitText finds nothing to cut: shortening, as LIMIT_EXCEEDED would ask, cannot help.
      expect(fitText('x', text).fits).toBe(true);
      await expect(publisher.publish({ text }), JSON.stringify(text)).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { issues: [{ path: ['text'] }] },
      });
    }
    expect(requests).toHaveLength(0);
  });

  it('refuses 281 weighted characters before sending', async () => {
    const { fetch, requests } = recordingFetch([{ status: 201, body: { data: { id: '1', text: '' } } }]);
    await expect(
      createXPublisher({ accessToken: 'tok', fetch }).publish({ text: 'a'.repeat(281) }),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { actual: 281, limit: 280 },
    });
    expect(requests).toHaveLength(0);
  });
});
