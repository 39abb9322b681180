import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../platforms/http-retry.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createTeamsWebhookSender } from './teams-webhook.js';

const webhookUrl = 'https://example.webhook.office.example/webhookb2/secret-id/IncomingWebhook/abc/def';

/** A fetch that answers every request with `status` and a plain-text `body`, as Teams webhooks do. */
const answering =
  (status: number, body: string): FetchLike =>
  async () =>
    new Response(body === '' ? null : body, {
      status,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });

/** The error's message and details, where a leaked secret would show. */
const everything = (error: unknown): string =>
  `${(error as Error).message} ${JSON.stringify((error as { details?: unknown }).details)}`;

describe('a Teams webhook that answers 200 with a delivery failure in the body', () => {
  // Office 365 connector webhooks answer 200 for a failed delivery (a card too large, a removed channel, a rate
  // limit) and say so in the body; only a number ("1") in the body means the message was posted. A rate limit (429)
  // is retried and then RATE_LIMITED: teams-rate-limit.test.ts.
  for (const inner of [413, 400]) {
    it(`is a PLATFORM error carrying the inner status ${inner}, not a digest silently lost`, async () => {
      // The body echoes the webhook URL, whose path is the secret: the error must not carry it.
      const body = `Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error ${inner} for ${webhookUrl} with ContextId tcid=0,server=x,cv=y..`;
      const teams = createTeamsWebhookSender({ webhookUrl, fetch: answering(200, body) });
      const error = await teams.send(hostileDigest()).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'PLATFORM',
        details: { platform: 'teams', status: inner, body: expect.stringContaining('[redacted]') },
        message: expect.stringContaining(`HTTP error ${inner}`),
      });
      expect(everything(error)).not.toContain('secret-id');
    });
  }

  it('redacts the webhook URL before the 300-character cut, and in its JSON-escaped form', async () => {
    const prefix =
      'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 413. ';
    const bodies = [
      // The URL straddles the cut at 300 characters: its start must not stay.
      ...[230, 250, 270, 290, 299].map((at) => `${prefix}${'x'.repeat(at - prefix.length)}${webhookUrl} end`),
      // A JSON answer escapes each / as \/ (and JSON.stringify of the URL as it is).
      JSON.stringify({ error: `${prefix}for ${webhookUrl}` }).replace(/\//g, '\\/'),
      `${prefix}${JSON.stringify({ url: webhookUrl })}`,
    ];
    for (const body of bodies) {
      const teams = createTeamsWebhookSender({ webhookUrl, fetch: answering(200, body) });
      const error = await teams.send(hostileDigest()).catch((e: unknown) => e);
      expect(error, body).toMatchObject({ code: 'PLATFORM', details: { status: 413 } });
      const shown = everything(error);
      expect(shown, body).not.toContain('secret-id');
      expect(shown, body).not.toMatch(/webhookb2|webhook\.office\.example/);
    }
  });

  it('still succeeds on "1" (connector webhooks) and on 202 with no body (Workflows webhooks)', async () => {
    await createTeamsWebhookSender({ webhookUrl, fetch: answering(200, '1') }).send(hostileDigest());
    await createTeamsWebhookSender({ webhookUrl, fetch: answering(202, '') }).send(hostileDigest());
  });
});
