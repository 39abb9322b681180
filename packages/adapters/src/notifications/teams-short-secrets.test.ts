import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../platforms/http-retry.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createTeamsWebhookSender } from './teams-webhook.js';

// What the Teams sender redacts from a 200 "delivery failed" answer: the same secrets, filtered the same way, as
// the platform errors redact (none shorter than 4 characters: a `sig=ab` or a path `/` would shred the message),
// and a `sig` in every form a server may echo it in (as written, form-decoded, percent-decoded with `+` kept).

const answering =
  (status: number, body: string): FetchLike =>
  async () =>
    new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

const failed = (detail: string): string =>
  `Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 413 ${detail}`;

async function failure(
  webhookUrl: string,
  body: string,
): Promise<{ message: string; details: { body: string } }> {
  return (await createTeamsWebhookSender({ webhookUrl, fetch: answering(200, body) })
    .send(hostileDigest())
    .then(
      () => {
        throw new Error('expected a rejection');
      },
      (e: unknown) => e,
    )) as { message: string; details: { body: string } };
}

describe('Teams delivery failures redact only real secrets', () => {
  it('leaves a message alone where a very short sig (sig=ab) would match', async () => {
    const error = await failure(
      'https://teams.example/workflows/abc123/invoke?sig=ab',
      failed('card abc too large'),
    );
    expect(error.details.body).toContain('card abc too large');
    expect(error.details.body).not.toContain('[redacted]');
  });

  it('keeps every / of the message for a webhook URL whose path is /', async () => {
    const error = await failure(
      'https://teams.example/?sig=SIGsecretValue_0123456789',
      failed('see https://learn.example/teams/limits'),
    );
    expect(error.details.body).toContain('see https://learn.example/teams/limits');
  });

  it('redacts a sig with + as written, form-decoded and percent-decoded', async () => {
    const webhookUrl = 'https://teams.example/workflows/abc123/invoke?api-version=1&sig=abc+def%3D0123456789';
    for (const echoed of ['abc+def%3D0123456789', 'abc def=0123456789', 'abc+def=0123456789']) {
      const error = await failure(webhookUrl, failed(`bad sig ${echoed}`));
      expect(`${error.message} ${JSON.stringify(error.details)}`, echoed).not.toMatch(/def|0123456789/);
      expect(error.details.body, echoed).toContain('bad sig [redacted]');
    }
  });
});
