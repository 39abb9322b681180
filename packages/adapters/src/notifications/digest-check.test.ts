import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import type { Digest } from './digest.js';
import { renderDigestEmail } from './digest-email.js';
import { createEmailDigestSender } from './email-digest-sender.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createSlackWebhookSender, digestToSlackBlocks } from './slack-webhook.js';
import { createTeamsWebhookSender, digestToTeamsMessage } from './teams-webhook.js';

/** A VALIDATION error naming `path` whose message says what to do, not a raw TypeError. */
const validation = (path: (string | number)[], message: RegExp) =>
  expect.objectContaining({
    code: 'VALIDATION',
    message: expect.stringMatching(message),
    details: { issues: [expect.objectContaining({ path })] },
  });

describe('renderers and senders given no digest', () => {
  // buildDigest returns undefined when nothing waits: passing that on is the mistake to explain.
  const renderers: [string, (digest: Digest) => unknown][] = [
    ['renderDigestEmail', renderDigestEmail],
    ['digestToSlackBlocks', digestToSlackBlocks],
    ['digestToTeamsMessage', digestToTeamsMessage],
  ];

  for (const [name, render] of renderers) {
    it(`${name} refuses undefined with VALIDATION that says nothing waits, not a TypeError`, () => {
      expect(() => render(undefined as never)).toThrow(validation(['digest'], /buildDigest.*undefined/));
    });

    it(`${name} refuses a digest without its items or texts with VALIDATION naming the field`, () => {
      const { items: _items, ...noItems } = hostileDigest();
      expect(() => render(noItems as never)).toThrow(validation(['digest', 'items'], /array/));
      const badItem = { ...hostileDigest(), items: [{ ...hostileDigest().items[0], title: 7 }] };
      expect(() => render(badItem as never)).toThrow(validation(['digest', 'items', 0, 'title'], /string/));
      expect(() => render({ ...hostileDigest(), footer: null } as never)).toThrow(
        validation(['digest', 'footer'], /string/),
      );
    });
  }

  it('the chat senders reject undefined with VALIDATION before any request', async () => {
    const { fetch, requests } = recordingFetch([{ status: 200 }, { status: 200 }]);
    const slack = createSlackWebhookSender({
      webhookUrl: 'https://hooks.slack.example/services/T/B/X',
      fetch,
    });
    const teams = createTeamsWebhookSender({
      webhookUrl: 'https://example.webhook.office.example/hook',
      fetch,
    });
    await expect(slack.send(undefined as never)).rejects.toThrow(validation(['digest'], /buildDigest/));
    await expect(teams.send(undefined as never)).rejects.toThrow(validation(['digest'], /buildDigest/));
    expect(requests).toHaveLength(0);
  });

  it('the e-mail sender rejects undefined with VALIDATION before connecting', async () => {
    // Port 1 on localhost: a connection attempt would fail with PLATFORM, not VALIDATION.
    const mail = createEmailDigestSender({ smtp: { host: '127.0.0.1', port: 1 }, from: 'a@example.org' });
    await expect(mail.send('b@example.org', undefined as never)).rejects.toThrow(
      validation(['digest'], /buildDigest/),
    );
  });
});
