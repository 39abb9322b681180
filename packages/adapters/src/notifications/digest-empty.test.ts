import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import type { Digest } from './digest.js';
import { renderDigestEmail } from './digest-email.js';
import { createEmailDigestSender } from './email-digest-sender.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createSlackWebhookSender, digestToSlackBlocks } from './slack-webhook.js';
import { createTeamsWebhookSender, digestToTeamsMessage } from './teams-webhook.js';

/** A digest with no posts: buildDigest never makes one (it returns undefined), but stored or hand-made ones may. */
const empty = (): Digest => ({ ...hostileDigest(), items: [] });
const refusal = expect.objectContaining({
  code: 'VALIDATION',
  message: expect.stringMatching(/no posts.*send nothing/i),
  details: { issues: [expect.objectContaining({ path: ['digest', 'items'] })] },
});

describe('an empty digest (no posts) is never rendered or sent', () => {
  it.each([
    ['renderDigestEmail', renderDigestEmail],
    ['digestToSlackBlocks', digestToSlackBlocks],
    ['digestToTeamsMessage', digestToTeamsMessage],
  ] as const)('%s refuses it with VALIDATION naming digest.items', (_, render) => {
    expect(() => render(empty())).toThrow(refusal);
  });

  it('the chat senders refuse it before any request, and the e-mail sender before connecting', async () => {
    const { fetch, requests } = recordingFetch([{ status: 200 }, { status: 200 }]);
    await expect(
      createSlackWebhookSender({ webhookUrl: 'https://hooks.slack.example/services/T/B/X', fetch }).send(
        empty(),
      ),
    ).rejects.toThrow(refusal);
    await expect(
      createTeamsWebhookSender({ webhookUrl: 'https://example.webhook.office.example/hook', fetch }).send(
        empty(),
      ),
    ).rejects.toThrow(refusal);
    expect(requests).toHaveLength(0);
    // Port 1 on localhost: a connection attempt would fail with PLATFORM, not VALIDATION.
    const mail = createEmailDigestSender({ smtp: { host: '127.0.0.1', port: 1 }, from: 'a@example.org' });
    await expect(mail.send('b@example.org', empty())).rejects.toThrow(refusal);
  });
});
