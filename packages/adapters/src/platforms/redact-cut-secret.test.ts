import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileDigest } from '../notifications/fixtures.test-support.js';
import { createTeamsWebhookSender } from '../notifications/teams-webhook.js';
import { type FetchLike, redact, sendWithRetry } from './http-retry.js';
import { createMastodonPublisher } from './mastodon-publisher.js';

// A secret cut off by the 2,000-character limit of an error body: the longest start of it, over every form
// (raw, JSON-escaped, with `/` as `\/`, "Bearer …"), is redacted, and only starts of 4 characters or more, or of a
// form's public part (`Bearer `, `https://host`) and at least one character of the secret after it.

/** A fetch that answers every request with `status` and `body`. */
const answering =
  (status: number, body: string): FetchLike =>
  async () =>
    new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** The error a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<{ message: string; details: { body: string } }> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  return error as { message: string; details: { body: string } };
}

describe('redact, for a secret cut off at the end of an error body', () => {
  it('redacts the cut token whole when an earlier form ("Bearer …") only matches its last character', async () => {
    const token = 'abcdefghBxyz0123456789ABCDEFGHIJ';
    const error = await rejection(
      createMastodonPublisher({
        instance: 'https://social.example',
        accessToken: token,
        fetch: answering(400, `${'x'.repeat(1991)}${token}`),
      }).publish({ text: 'Hallo' }),
    );
    expect(error.details.body).toBe(`${'x'.repeat(1991)}[redacted]`);
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain('abcdefgh');
  });

  it('redacts a Teams webhook URL, escaped with \\/, cut right after …IncomingWebh in a 400 body', async () => {
    const webhookUrl = 'https://example.webhook.office.example/webhookb2/secret-id/IncomingWebhook/abc/def';
    const escaped = webhookUrl.replace(/\//g, '\\/');
    const cutAt = escaped.indexOf('IncomingWebh') + 'IncomingWebh'.length;
    const prefix = '{"error":"bad card","url":"';
    const body = `${prefix}${'x'.repeat(2000 - prefix.length - cutAt)}${escaped}"}`;
    expect(body.slice(0, 2000).endsWith('IncomingWebh')).toBe(true);
    const teams = createTeamsWebhookSender({ webhookUrl, fetch: answering(400, body) });
    const direct = await rejection(
      sendWithRetry(answering(400, body), {
        platform: 'teams',
        url: webhookUrl,
        init: { method: 'POST' },
        retryServerErrors: false,
        secrets: [webhookUrl, new URL(webhookUrl).pathname],
      }),
    );
    const viaSender = await rejection(teams.send(hostileDigest()));
    for (const error of [direct, viaSender]) {
      expect(error.details.body.endsWith('x[redacted]')).toBe(true);
      expect(`${error.message} ${JSON.stringify(error.details)}`).not.toMatch(/webhookb2|secret-id|Incoming/);
    }
  });

  it('leaves a body ending in a character a secret starts with alone (e for a Bluesky-like token eyJ…)', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOnh5eiJ9.c2lnbmF0dXJl';
    for (const end of ['e', 'ey', 'eyJ']) {
      const body = `${'x'.repeat(2000 - end.length - 9)}Try again${end}`.slice(-2000);
      expect(redact(body, [token, `Bearer ${token}`], true)).toBe(body);
    }
    // From 4 characters on, the start is taken out.
    expect(redact('Try again eyJh', [token], true)).toBe('Try again [redacted]');
  });

  it('keeps a word that is only the public part of a form (Bearer, https://host) at the end of a cut body', () => {
    const token = 'abcdefghBxyz0123456789ABCDEFGHIJ';
    for (const end of ['foo Bearer', 'foo Bearer ', 'foo Beare']) {
      expect(redact(end, [`Bearer ${token}`, token], true)).toBe(end);
    }
    // From the first character of the token on, the whole "Bearer …" start is taken out.
    expect(redact('foo Bearer a', [`Bearer ${token}`, token], true)).toBe('foo [redacted]');
    const webhookUrl = 'https://example.webhook.office.example/webhookb2/secret-id/IncomingWebhook/abc/def';
    const secrets = [webhookUrl, new URL(webhookUrl).pathname];
    for (const end of [
      'see https',
      'see https://',
      'see https://example.webhook.office.example',
      'see https:\\/\\/ex',
    ]) {
      expect(redact(end, secrets, true)).toBe(end);
    }
    expect(redact('see https://example.webhook.office.example/', secrets, true)).toBe('see [redacted]');
    expect(redact('see https:\\/\\/example.webhook.office.example\\/webh', secrets, true)).toBe(
      'see [redacted]',
    );
  });

  it('replaces a form that holds a shorter one whole, leaving no escape character behind', () => {
    expect(redact('see \\/aaaaaaaa', ['/aaaaaaaa'])).toBe('see [redacted]');
    // An escape before a secret is no public start: a body cut after `\/` keeps it.
    expect(redact('see \\/', ['/aaaaaaaa'], true)).toBe('see \\/');
  });

  it('leaves at most 3 characters of a cut secret, in any form, and keeps the text before it', () => {
    const token = fc.string({
      minLength: 8,
      maxLength: 40,
      unit: fc.constantFrom('a', 'B', 'e', '/', '"', 'é', '7'),
    });
    const filler = fc.string({ maxLength: 30, unit: fc.constantFrom('z', '-', '.', '\n') });
    fc.assert(
      fc.property(token, fc.nat(5), fc.nat(), filler, (secret, which, at, before) => {
        const bearer = `Bearer ${secret}`;
        const forms = [bearer, secret].flatMap((s) => [
          s,
          JSON.stringify(s).slice(1, -1),
          s.replace(/\//g, '\\/'),
        ]);
        const form = forms[which] ?? bearer;
        const cut = at % (form.length + 1);
        // "Bearer " is public: a start of the Bearer forms is taken from the token's first character on.
        const taken = which < 3 ? cut > 'Bearer '.length : cut >= 4;
        const expected = taken ? `${before}[redacted]` : `${before}${form.slice(0, cut)}`;
        expect(redact(`${before}${form.slice(0, cut)}`, [bearer, secret], true)).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});
