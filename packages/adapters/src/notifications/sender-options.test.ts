import { SocialShiftError } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { createEmailDigestSender } from './email-digest-sender.js';
import { hostileDigest } from './fixtures.test-support.js';
import { createSlackWebhookSender } from './slack-webhook.js';
import { createTeamsWebhookSender } from './teams-webhook.js';

/** Runs `run` and returns the SocialShiftError it throws (sync or async), or fails the test. */
async function refusal(run: () => unknown): Promise<SocialShiftError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(SocialShiftError);
    return error as SocialShiftError;
  }
  throw new Error('expected a refusal');
}

describe('a digest sender created without its options', () => {
  const creators = {
    slack: (o: unknown) => createSlackWebhookSender(o as never),
    teams: (o: unknown) => createTeamsWebhookSender(o as never),
    email: (o: unknown) => createEmailDigestSender(o as never).send('anne@example.org', hostileDigest()),
  };
  for (const [name, create] of Object.entries(creators)) {
    for (const options of [undefined, null, 'https://hooks.example/x']) {
      it(`${name}: ${JSON.stringify(options)} is a VALIDATION error naming the options, not a TypeError`, async () => {
        const error = await refusal(() => create(options));
        expect(error.code).toBe('VALIDATION');
        expect(error.message).toMatch(/^options: /);
      });
    }
  }
});
