import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import type { FetchLike } from '../platforms/http-retry.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createSlackWebhookSender } from './slack-webhook.js';
import { createTeamsWebhookSender } from './teams-webhook.js';

const SLACK = 'https://hooks.slack.example/services/T0001/B0001/XXXXXXXXXXXXXXXX';
const TEAMS = 'https://example.webhook.office.example/webhookb2/abcdef/IncomingWebhook/123/456';

const senders = [
  ['Slack', (fetch: FetchLike) => createSlackWebhookSender({ webhookUrl: SLACK, fetch, timeoutMs: 50 })],
  ['Teams', (fetch: FetchLike) => createTeamsWebhookSender({ webhookUrl: TEAMS, fetch, timeoutMs: 50 })],
] as const;

describe.each(senders)('%s: an answer that leaves the delivery unknown', (_, create) => {
  it('no answer within timeoutMs (the request went out) says the digest may have been posted', async () => {
    let requests = 0;
    // The request is received, and the answer never comes (a stalled proxy, a slow platform).
    const hanging: FetchLike = () => {
      requests++;
      return new Promise<Response>(() => undefined);
    };
    await expect(create(hanging).send(hostileDigest())).rejects.toMatchObject({
      code: 'PLATFORM',
      details: { maybeDelivered: true },
      message: expect.stringMatching(/may have been posted.*before sending it again/),
    });
    // Not "try again later" as well: that would contradict the advice.
    await expect(create(hanging).send(hostileDigest())).rejects.toThrow(/^(?![\s\S]*try again)/i);
    expect(requests).toBe(2);
  });

  it.each([500, 502, 504])('a %i (not retried: the platform may have posted) says so too', async (status) => {
    const { fetch, requests } = recordingFetch([{ status, body: 'upstream error' }]);
    await expect(create(fetch).send(hostileDigest())).rejects.toMatchObject({
      code: 'PLATFORM',
      details: { status, maybeDelivered: true },
    });
    expect(requests).toHaveLength(1);
  });

  it('a refusal (400, 404) is not taken for a maybe: nothing was posted', async () => {
    for (const status of [400, 404]) {
      const { fetch } = recordingFetch([{ status, body: 'invalid_blocks' }]);
      const error = await create(fetch)
        .send(hostileDigest())
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'PLATFORM', details: { status } });
      expect((error as { details: Record<string, unknown> }).details.maybeDelivered).toBeUndefined();
    }
  });
});
