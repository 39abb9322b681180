import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../platforms/http-retry.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createSlackWebhookSender } from './slack-webhook.js';

const webhookUrl = 'https://hooks.slack.example/services/T0001/B0001/XXXXXXXXXXXXXXXX';

/** The error a Slack incoming webhook's refusal gives: its status, and its code as plain text, as Slack answers. */
async function refusal(status: number, body: string): Promise<unknown> {
  const fetch: FetchLike = async () =>
    new Response(body, { status, headers: { 'content-type': 'text/html' } });
  return createSlackWebhookSender({ webhookUrl, fetch })
    .send(hostileDigest())
    .catch((e: unknown) => e);
}

describe('a Slack incoming webhook that refuses with one of its codes', () => {
  it.each([
    [404, 'no_service', /add an incoming webhook to the channel again/],
    [403, 'invalid_token', /revoked.*add an incoming webhook to the channel again/],
    [404, 'channel_not_found', /no longer exists/],
    [410, 'channel_is_archived', /archived.*unarchive it/],
    [403, 'action_prohibited', /admin/],
    [403, 'posting_to_general_channel_denied', /another channel/],
  ])('%i %s says what to do, not only the code', async (status, code, advice) => {
    const error = await refusal(status, code);
    expect(error).toMatchObject({
      code: 'PLATFORM',
      message: expect.stringMatching(advice),
      details: { platform: 'slack', status, body: code, advice: expect.stringMatching(advice) },
    });
    expect((error as Error).message).toContain(`slack answered ${status}: ${code}`);
    expect((error as { details: Record<string, unknown> }).details.maybeDelivered).toBeUndefined();
  });

  it('leaves any other refusal as it was', async () => {
    const error = await refusal(400, 'invalid_blocks');
    expect(error).toMatchObject({ code: 'PLATFORM', message: 'slack answered 400: invalid_blocks' });
    expect((error as { details: Record<string, unknown> }).details.advice).toBeUndefined();
  });
});
