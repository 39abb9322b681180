import { isSocialShiftError } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { malformedUrls as malformed } from '../../test/malformed-urls.js';
import { recordingFetch } from '../../test/recording-fetch.js';
import { createBlueskyPublisher } from './bluesky-publisher.js';
import type { FetchLike } from './http-retry.js';
import { createLinkedInPublisher } from './linkedin-publisher.js';
import { createMastodonPublisher } from './mastodon-publisher.js';
import type { Publisher } from './publisher.js';
import { createXPublisher } from './x-publisher.js';

// `new URL` repairs these into a working address (`https:///a` becomes https://a/), but the link is posted as given:
// X and Mastodon would not link `https:///jobs` in the text, and a link card of it leads nowhere. A template with an
// empty host (`https://${host}/jobs`) makes such a link.

const publishers: Record<string, (fetch: FetchLike) => Publisher> = {
  x: (fetch) => createXPublisher({ accessToken: 'tok-1', fetch }),
  mastodon: (fetch) =>
    createMastodonPublisher({ instance: 'https://social.example', accessToken: 'tok-1', fetch }),
  linkedin: (fetch) =>
    createLinkedInPublisher({ author: 'urn:li:person:abc', accessToken: 'tok-1', version: '202601', fetch }),
  bluesky: (fetch) =>
    createBlueskyPublisher({
      service: 'https://pds.example',
      identifier: 'anne.example',
      appPassword: 'pw-1',
      fetch,
    }),
};

describe('a link without // and a host right after its scheme', () => {
  for (const [platform, make] of Object.entries(publishers)) {
    it(`${platform}: is VALIDATION naming link, and nothing is sent`, async () => {
      for (const link of malformed) {
        const { fetch, requests } = recordingFetch([{ status: 400 }]);
        const error = await make(fetch)
          .publish({ text: 'Wij zoeken collega’s', link })
          .catch((e: unknown) => e);
        expect(isSocialShiftError(error, 'VALIDATION'), link).toBe(true);
        expect(error, link).toMatchObject({ details: { issues: [{ path: ['link'] }] } });
        expect(requests, link).toEqual([]);
      }
    });
  }

  it('still takes a link in any case of its scheme, with a port, or an IP address', async () => {
    for (const link of ['HTTPS://example.org/jobs', 'https://example.org:8443/a', 'http://192.0.2.1/a']) {
      const { fetch, requests } = recordingFetch([{ status: 201, body: { data: { id: '1' } } }]);
      await publishers.x?.(fetch).publish({ text: 'Hallo', link });
      expect(requests, link).toHaveLength(1);
    }
  });
});
