import { isSocialShiftError } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { hostileDigest } from '../notifications/fixtures.test-support.js';
import { createSlackWebhookSender } from '../notifications/slack-webhook.js';
import { createTeamsWebhookSender } from '../notifications/teams-webhook.js';
import { createBlueskyPublisher } from './bluesky-publisher.js';
import { type FetchLike, sendWithRetry } from './http-retry.js';
import { createLinkedInPublisher } from './linkedin-publisher.js';
import { createMastodonPublisher } from './mastodon-publisher.js';
import { createXPublisher } from './x-publisher.js';

// A refusal (401, 403, 404, 422) quoted the platform's answer and nothing more: what to fix was left to the reader.
// Each now says it, as the caller knows it: a publisher's server option, token or content; a webhook's URL.

type Failure = Error & { code: string; details: Record<string, unknown> };

async function failure(run: () => Promise<unknown>): Promise<Failure> {
  try {
    await run();
  } catch (error) {
    return error as Failure;
  }
  throw new Error('no error');
}

const answer = { error: 'refused here' };
const session = { accessJwt: 'access-jwt-1', refreshJwt: 'refresh-jwt-1', did: 'did:plc:abc', handle: 'a.b' };

/** A Bluesky post: with the saved session it posts at once; without it, it logs in first. */
const blueskyPost = (fetch: FetchLike, saved?: typeof session) =>
  createBlueskyPublisher({
    service: 'https://pds.example',
    identifier: 'anne.example',
    appPassword: 'app-password-1',
    session: saved,
    fetch,
  }).publish({ text: 'Hallo' });

const publishers: Record<string, (fetch: FetchLike) => Promise<unknown>> = {
  x: (fetch) => createXPublisher({ accessToken: 'x-token-1', fetch }).publish({ text: 'Hallo' }),
  mastodon: (fetch) =>
    createMastodonPublisher({ instance: 'https://social.example', accessToken: 'm-token-1', fetch }).publish({
      text: 'Hallo',
    }),
  linkedin: (fetch) =>
    createLinkedInPublisher({
      author: 'urn:li:person:abc',
      accessToken: 'l-token-1',
      version: '202601',
      fetch,
    }).publish({ text: 'Hallo' }),
  bluesky: (fetch) => blueskyPost(fetch, session),
};

const server: Record<string, string> = {
  x: 'baseUrl',
  mastodon: 'instance',
  linkedin: 'baseUrl',
  bluesky: 'service',
};

describe('a publisher whose platform refuses the post', () => {
  for (const platform of Object.keys(publishers)) {
    const advice: Record<number, RegExp> = {
      403: /nothing was posted.*may not post.*check that the (token|app password)/i,
      404: new RegExp(`nothing was posted.*check the ${server[platform]} option.*deleted`, 'i'),
      422: /nothing was posted.*refused the content.*change the text/i,
    };
    for (const status of [403, 404, 422]) {
      it(`${platform} ${status}: quotes the answer, then says what to fix, with the code PLATFORM`, async () => {
        const { fetch, requests } = recordingFetch([{ status, body: answer }]);
        const error = await failure(() => publishers[platform]!(fetch));
        expect(isSocialShiftError(error, 'PLATFORM')).toBe(true);
        expect(error.message).toContain(`${platform} answered ${status}: {"error":"refused here"} `);
        expect(error.message).toMatch(advice[status]!);
        expect(error.details).toMatchObject({
          platform,
          status,
          advice: expect.stringMatching(advice[status]!),
        });
        expect(error.message.endsWith(error.details.advice as string)).toBe(true);
        expect(error.details).not.toHaveProperty('maybeDelivered');
        expect(requests).toHaveLength(1);
      });
    }
  }

  it('X 403 also names a duplicate post; LinkedIn 403 names its permissions; Mastodon its scope', async () => {
    const forbidden = () => recordingFetch([{ status: 403, body: answer }]).fetch;
    expect((await failure(() => publishers.x!(forbidden()))).message).toMatch(/tweet\.write.*duplicate/);
    expect((await failure(() => publishers.linkedin!(forbidden()))).message).toMatch(
      /w_member_social.*w_organization_social/,
    );
    expect((await failure(() => publishers.mastodon!(forbidden()))).message).toMatch(/write:statuses/);
  });

  for (const platform of ['x', 'mastodon', 'linkedin', 'bluesky']) {
    it(`${platform} 401 to a request with a token: connect the account again, also as details.advice`, async () => {
      const { fetch } = recordingFetch([{ status: 401, body: { error: 'AuthenticationRequired' } }]);
      // Bluesky's, with the saved session: its createRecord.
      const error = await failure(() => publishers[platform]!(fetch));
      expect(error.code).toBe('PLATFORM');
      expect(error.details.status).toBe(401);
      expect(error.details.advice).toMatch(/connect the account again/i);
      expect(error.message).toContain(error.details.advice as string);
      // One piece of advice, not the token's and the login's twice.
      expect(error.message.match(/connect the account again/gi)).toHaveLength(1);
    });
  }

  it('a 401 of the Bluesky login: a new app password, once, also as details.advice', async () => {
    const { fetch } = recordingFetch([{ status: 401, body: { error: 'AuthenticationRequired' } }]);
    const error = await failure(() => blueskyPost(fetch));
    expect(error.details.advice).toMatch(/new app password/);
    expect(error.message.match(/nothing was posted/gi)).toHaveLength(1);
  });

  it('a 404 of the Bluesky login points at the service option', async () => {
    const { fetch } = recordingFetch([{ status: 404, body: answer }]);
    const error = await failure(() => blueskyPost(fetch));
    expect(error.message).toMatch(/bluesky answered 404: .* check the service option/i);
  });
});

const slackUrl = 'https://hooks.slack.example/services/T0001/B0001/XXXXXXXXXXXXXXXX';
const teamsUrl = 'https://example.webhook.office.example/webhookb2/secret-id/IncomingWebhook/abc/def';

const webhooks: Record<string, (fetch: FetchLike) => Promise<unknown>> = {
  slack: (fetch) => createSlackWebhookSender({ webhookUrl: slackUrl, fetch }).send(hostileDigest()),
  teams: (fetch) => createTeamsWebhookSender({ webhookUrl: teamsUrl, fetch }).send(hostileDigest()),
};

describe('a chat webhook that refuses the digest', () => {
  const advice: Record<number, RegExp> = {
    401: /nothing was posted.*revoked.*create a new webhook.*webhookUrl/i,
    403: /nothing was posted.*revoked.*create a new webhook.*webhookUrl/i,
    404: /nothing was posted.*check webhookUrl.*removed/i,
    422: /nothing was posted.*refused the message.*change the digest/i,
  };
  for (const kind of Object.keys(webhooks)) {
    for (const status of [401, 403, 404, 422]) {
      it(`${kind} ${status}: quotes the answer, then says what to fix about the webhook`, async () => {
        const fetch: FetchLike = async () => new Response('Bad things', { status });
        const error = await failure(() => webhooks[kind]!(fetch));
        expect(isSocialShiftError(error, 'PLATFORM')).toBe(true);
        expect(error.message).toContain(`${kind} answered ${status}: Bad things `);
        expect(error.message).toMatch(advice[status]!);
        expect(error.message).not.toMatch(/token|connect the account/i);
        expect(error.details).toMatchObject({
          platform: kind,
          status,
          advice: expect.stringMatching(advice[status]!),
        });
        expect(error.details).not.toHaveProperty('maybeDelivered');
      });
    }
  }

  for (const inner of [401, 403, 404, 422]) {
    it(`teams 200 with a delivery failed with HTTP error ${inner} in its body: the same advice`, async () => {
      const body = `Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error ${inner} with ContextId tcid=0..`;
      const error = await failure(() => webhooks.teams!(async () => new Response(body, { status: 200 })));
      expect(error.code).toBe('PLATFORM');
      expect(error.details).toMatchObject({ status: inner, advice: expect.stringMatching(advice[inner]!) });
      expect(error.message.endsWith(` ${error.details.advice as string}`)).toBe(true);
    });
  }

  it('teams 200 with a delivery failed with HTTP error 413: no advice of a refusal', async () => {
    const body =
      'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 413..';
    const error = await failure(() => webhooks.teams!(async () => new Response(body, { status: 200 })));
    expect(error.details).not.toHaveProperty('advice');
  });

  it("a Slack code's own advice replaces the webhook's, not beside it", async () => {
    const fetch: FetchLike = async () => new Response('no_service', { status: 404 });
    const error = await failure(() => webhooks.slack!(fetch));
    expect(error.message).toMatch(/add an incoming webhook to the channel again/);
    expect(error.message).not.toMatch(/check webhookUrl/);
  });
});

describe('sendWithRetry and refusalAdvice', () => {
  const request = (
    status: number,
    body: string,
    refusalAdvice?: (s: number, a: string) => string | undefined,
  ) =>
    sendWithRetry(async () => new Response(body === '' ? null : body, { status }), {
      platform: 'test',
      url: 'https://api.example/post',
      init: { method: 'POST', body: '{}' },
      retryServerErrors: false,
      ...(refusalAdvice === undefined ? {} : { refusalAdvice }),
    });

  it('gives the advice the status and the answer, and adds what it returns', async () => {
    const seen: unknown[] = [];
    const error = await failure(() =>
      request(418, 'teapot', (status, answer) => {
        seen.push([status, answer]);
        return 'Fix it.';
      }),
    );
    expect(seen).toEqual([[418, 'teapot']]);
    expect(error.message).toBe('test answered 418: teapot Fix it.');
    expect(error.details.advice).toBe('Fix it.');
  });

  it('an empty answer reads as a sentence', async () => {
    const error = await failure(() => request(404, '', () => 'Fix it.'));
    expect(error.message).toBe('test answered 404. Fix it.');
  });

  it('without advice (none given, or none for the status) the message is as before', async () => {
    expect((await failure(() => request(404, 'gone'))).message).toBe('test answered 404: gone');
    const none = await failure(() => request(400, 'bad', () => undefined));
    expect(none.message).toBe('test answered 400: bad');
    expect(none.details).not.toHaveProperty('advice');
  });

  it('is not asked for a server error', async () => {
    let asked = false;
    await failure(() =>
      request(501, 'no', () => {
        asked = true;
        return 'Fix it.';
      }),
    );
    expect(asked).toBe(false);
  });
});
