import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createTeamsWebhookSender, digestToTeamsMessage, TEAMS_MESSAGE_BYTES_MAX } from './teams-webhook.js';

/** A digest whose own texts (not its posts) are over the budget: a very long name or overview link. */
const oversized = () => ({
  ...hostileDigest(),
  greeting: `Hi ${'A'.repeat(30_000)},`,
});
const tooLarge = expect.objectContaining({
  code: 'LIMIT_EXCEEDED',
  message: expect.stringMatching(/Teams.*even without posts/),
  details: expect.objectContaining({ limit: TEAMS_MESSAGE_BYTES_MAX, what: expect.any(String) }),
});

describe('a Teams card over the size budget even with no posts listed', () => {
  it('is a LIMIT_EXCEEDED error, not a card that Teams refuses with 413 (or a 200 saying so)', () => {
    expect(() => digestToTeamsMessage(oversized())).toThrow(tooLarge);
    expect(() =>
      digestToTeamsMessage({
        ...hostileDigest(),
        overviewUrl: `https://intranet.example/${'x'.repeat(25_000)}`,
      }),
    ).toThrow(tooLarge);
  });

  it('the sender refuses it before any request', async () => {
    const { fetch, requests } = recordingFetch([{ status: 202 }]);
    const teams = createTeamsWebhookSender({
      webhookUrl: 'https://example.webhook.office.example/hook',
      fetch,
    });
    await expect(teams.send(oversized())).rejects.toThrow(tooLarge);
    expect(requests).toHaveLength(0);
  });
});
