import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../platforms/http-retry.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createTeamsWebhookSender } from './teams-webhook.js';

// A Teams Workflows (Power Automate) webhook URL carries its secret in the `sig` query parameter. A server that
// echoes the URL normalised (without :443, with & written as \u0026) must not carry the signature into an error.

const sig = 'SIGsecretValue_0123456789abcdefXYZ';
const webhookUrl = `https://prod-00.westeurope.logic.azure.com:443/workflows/abc123/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`;
const normalised = webhookUrl.replace(':443', '');

const answering =
  (status: number, body: string): FetchLike =>
  async () =>
    new Response(body, { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** The error's message and details, where a leaked secret would show. */
const everything = (error: unknown): string =>
  `${(error as Error).message} ${JSON.stringify((error as { details?: unknown }).details)}`;

describe('a Teams Workflows webhook URL echoed in an error', () => {
  const bodies = [
    // JSON with & escaped as \u0026 (as .NET's serialiser writes it), the default port dropped.
    `{"error":{"code":"InvalidRequestContent","message":"The request to ${normalised.replace(/&/g, '\\u0026')} failed."}}`,
    `{"error":{"message":"bad card for ${normalised.replace(/\//g, '\\/')}"}}`,
    `bad card for ${normalised}`,
  ];

  it('redacts the sig from a non-2xx answer', async () => {
    for (const body of bodies) {
      const error = await createTeamsWebhookSender({ webhookUrl, fetch: answering(400, body) })
        .send(hostileDigest())
        .catch((e: unknown) => e);
      expect(error, body).toMatchObject({ code: 'PLATFORM', details: { status: 400 } });
      expect(everything(error), body).not.toContain('SIGsecret');
      expect(everything(error), body).toContain('[redacted]');
    }
  });

  it('redacts the sig from a 200 that says the delivery failed', async () => {
    for (const body of bodies) {
      const failed = `Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 413 ${body}`;
      const error = await createTeamsWebhookSender({ webhookUrl, fetch: answering(200, failed) })
        .send(hostileDigest())
        .catch((e: unknown) => e);
      expect(error, body).toMatchObject({ code: 'PLATFORM', details: { status: 413 } });
      expect(everything(error), body).not.toContain('SIGsecret');
    }
  });

  it('redacts a sig that the URL gives percent-encoded, in both forms', async () => {
    const encodedUrl = webhookUrl.replace(sig, 'abc%2Bdef%3D0123456789');
    for (const echoed of ['abc%2Bdef%3D0123456789', 'abc+def=0123456789']) {
      const error = await createTeamsWebhookSender({
        webhookUrl: encodedUrl,
        fetch: answering(400, `{"message":"bad sig ${echoed}"}`),
      })
        .send(hostileDigest())
        .catch((e: unknown) => e);
      expect(everything(error), echoed).not.toContain('0123456789');
    }
  });
});
