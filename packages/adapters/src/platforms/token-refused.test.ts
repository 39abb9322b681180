import { isSocialShiftError } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { createBlueskyPublisher } from './bluesky-publisher.js';
import { sendWithRetry } from './http-retry.js';
import { createLinkedInPublisher } from './linkedin-publisher.js';
import { createMastodonPublisher } from './mastodon-publisher.js';
import { createXPublisher } from './x-publisher.js';

// An expired or revoked token is refused with 401 before anything is posted (X: `Unauthorized`; Mastodon: `The access
// token is invalid` / `was revoked`; LinkedIn: `EXPIRED_ACCESS_TOKEN`, `REVOKED_ACCESS_TOKEN`). Trying again cannot
// help: the account has to be connected again.
const refused = (body: unknown) => recordingFetch([{ status: 401, body }]);

async function failure(
  publish: () => Promise<unknown>,
): Promise<Error & { details: Record<string, unknown> }> {
  try {
    await publish();
  } catch (error) {
    return error as Error & { details: Record<string, unknown> };
  }
  throw new Error('no error');
}

describe('a token the platform refuses (401)', () => {
  const cases = {
    x: (fetch: ReturnType<typeof refused>['fetch']) =>
      createXPublisher({ accessToken: 'x-token-1', fetch }).publish({ text: 'Hallo' }),
    mastodon: (fetch: ReturnType<typeof refused>['fetch']) =>
      createMastodonPublisher({
        instance: 'https://social.example',
        accessToken: 'm-token-1',
        fetch,
      }).publish({
        text: 'Hallo',
      }),
    linkedin: (fetch: ReturnType<typeof refused>['fetch']) =>
      createLinkedInPublisher({
        author: 'urn:li:person:abc',
        accessToken: 'l-token-1',
        version: '202601',
        fetch,
      }).publish({ text: 'Hallo' }),
  };
  const bodies = {
    x: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
    mastodon: { error: 'The access token was revoked' },
    linkedin: {
      status: 401,
      serviceErrorCode: 65601,
      code: 'REVOKED_ACCESS_TOKEN',
      message: 'The token used in the request has been revoked by the user',
    },
  };
  for (const platform of ['x', 'mastodon', 'linkedin'] as const) {
    it(`${platform}: says to connect the account again, names no retry, and sends once`, async () => {
      const { fetch, requests } = refused(bodies[platform]);
      const error = await failure(() => cases[platform](fetch));
      expect(isSocialShiftError(error, 'PLATFORM')).toBe(true);
      expect(error.details).toMatchObject({ platform, status: 401, error: bodies[platform] });
      expect(error.details).not.toHaveProperty('maybeDelivered');
      expect(error.message).toMatch(/access token.*(expired|revoked).*connect the account again/i);
      expect(error.message).toMatch(/nothing was posted/i);
      expect(requests).toHaveLength(1);
    });
  }

  it('bluesky: a refused app password at login says to make a new app password', async () => {
    const { fetch } = refused({ error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
    const error = await failure(() =>
      createBlueskyPublisher({
        service: 'https://pds.example',
        identifier: 'anne.example',
        appPassword: 'app-password-1',
        fetch,
      }).publish({ text: 'Hallo' }),
    );
    expect(isSocialShiftError(error, 'PLATFORM')).toBe(true);
    expect(error.details).toMatchObject({ platform: 'bluesky', status: 401 });
    expect(error.message).toMatch(/app password.*(revoked|wrong).*new app password/i);
    expect(error.message).toMatch(/nothing was posted/i);
  });

  it('says nothing of a token for a 401 to a request that sent none (a webhook)', async () => {
    const error = await failure(() =>
      sendWithRetry(async () => new Response('{"error":"nope"}', { status: 401 }), {
        platform: 'test',
        url: 'https://hooks.example/abc',
        init: { method: 'POST', body: '{}' },
        retryServerErrors: false,
      }),
    );
    expect(error.message).not.toMatch(/token/i);
    expect(error.message).toMatch(/answered 401/);
  });
});
