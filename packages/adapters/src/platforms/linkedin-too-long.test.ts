import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { createLinkedInPublisher } from './linkedin-publisher.js';
import { fitText } from './text-fit.js';

const created = { status: 201, headers: { 'x-restli-id': 'urn:li:share:1' } };
const publisherWith = (fetch: ReturnType<typeof recordingFetch>['fetch']) =>
  createLinkedInPublisher({ author: 'urn:li:person:abc', accessToken: 'tok', version: '202601', fetch });

describe('a LinkedIn post over 3000 characters', () => {
  it('is refused before sending, with LIMIT_EXCEEDED that says how to shorten it, as the other publishers do', async () => {
    const { fetch, requests } = recordingFetch([created]);
    const text = 'Wij zoeken collega’s in Utrecht. '.repeat(100);
    const error = await publisherWith(fetch)
      .publish({ text, link: 'https://example.org/jobs' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { limit: 3000, actual: text.length, what: 'linkedin characters' },
      message: expect.stringContaining("fitText('linkedin'"),
    });
    expect(requests).toHaveLength(0);
    // What the message asks for posts: the link goes in the article card, not in the text.
    const fitted = fitText('linkedin', text);
    await publisherWith(fetch).publish({ text: fitted.body, link: 'https://example.org/jobs' });
    expect(requests).toHaveLength(1);
  });
});
