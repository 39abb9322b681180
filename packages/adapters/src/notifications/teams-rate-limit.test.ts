import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FetchLike } from '../platforms/http-retry.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createTeamsWebhookSender } from './teams-webhook.js';

const webhookUrl = 'https://example.webhook.office.example/webhookb2/secret-id/IncomingWebhook/abc/def';

/** What an Office 365 connector webhook answers, with status 200, when Teams rate-limits it. */
const rateLimited = `Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 429 for ${webhookUrl} with ContextId tcid=0,server=msgapi-production,cv=x..`;

/** A fetch that answers 200 with each body in turn (the last one again when they run out), counting the requests. */
function answering(...bodies: string[]): { fetch: FetchLike; requests: () => number } {
  let count = 0;
  const fetch: FetchLike = async () => {
    const body = bodies[Math.min(count, bodies.length - 1)] ?? '';
    count++;
    return new Response(body, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  };
  return { fetch, requests: () => count };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a Teams connector webhook that answers 200 with "HTTP error 429" (its rate limit)', () => {
  it('sends again after a back-off, as for a 429, and the digest is posted once Teams takes it', async () => {
    const { fetch, requests } = answering(rateLimited, rateLimited, '1');
    const sent = createTeamsWebhookSender({ webhookUrl, fetch }).send(hostileDigest());
    await vi.runAllTimersAsync();
    await expect(sent).resolves.toBeUndefined();
    expect(requests()).toBe(3);
  });

  it('is a RATE_LIMITED error with retryAfterMs when it stays, not a PLATFORM error as for a refused card', async () => {
    const { fetch, requests } = answering(rateLimited);
    const sent = createTeamsWebhookSender({ webhookUrl, fetch })
      .send(hostileDigest())
      .catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = await sent;
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { platform: 'teams', status: 429, retryAfterMs: expect.any(Number), attempts: 4 },
      message: expect.stringMatching(/retry after \d+ s/),
    });
    expect(requests()).toBe(4);
    expect(
      `${(error as Error).message} ${JSON.stringify((error as { details: unknown }).details)}`,
    ).not.toContain('secret-id');
  });

  it('does not send again for any other failure in the body (413: the card is too large)', async () => {
    const { fetch, requests } = answering(rateLimited.replace('429', '413'));
    const sent = createTeamsWebhookSender({ webhookUrl, fetch })
      .send(hostileDigest())
      .catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await sent).toMatchObject({ code: 'PLATFORM', details: { status: 413 } });
    expect(requests()).toBe(1);
  });
});
