import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSocialShiftError, type SocialShiftError } from '@social-shift/core';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingFetch, recordingSleep } from '../../test/recording-fetch.js';
import { hostileDigest } from '../notifications/fixtures.test-support.js';
import { createSlackWebhookSender } from '../notifications/slack-webhook.js';
import { createTeamsWebhookSender } from '../notifications/teams-webhook.js';
import { createBlueskyPublisher } from './bluesky-publisher.js';
import { type FetchLike, retryDelayFromHeaders, sendWithRetry } from './http-retry.js';
import { createLinkedInPublisher } from './linkedin-publisher.js';
import { createMastodonPublisher } from './mastodon-publisher.js';
import { createXPublisher } from './x-publisher.js';

// The defects an audit found in the platform and webhook requests: secrets in errors, requests that hang, raw
// SyntaxError/TypeError from odd answers, options accepted silently. Real local servers where the wire matters.

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

/** A node:http server on 127.0.0.1; returns its http:// URL. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<SocialShiftError> {
  try {
    await promise;
  } catch (error) {
    if (isSocialShiftError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** The error a call throws. */
function thrown(fn: () => unknown): SocialShiftError {
  try {
    fn();
  } catch (error) {
    if (isSocialShiftError(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

/** Everything of an error that could reach a log: message, toJSON, and the messages of its cause chain. */
function everything(error: SocialShiftError): string {
  const parts = [error.message, JSON.stringify(error.toJSON())];
  for (let cause = error.cause; cause instanceof Error; cause = cause.cause) parts.push(String(cause));
  return parts.join('\n');
}

const jsonFetch =
  (body: string, status = 200): FetchLike =>
  async () =>
    new Response(body, { status, headers: { 'content-type': 'application/json' } });

describe('secrets never reach an error', () => {
  it('refuses a token with control characters before it can be quoted by fetch', () => {
    const error = thrown(() =>
      createMastodonPublisher({
        instance: 'https://social.example',
        accessToken: 'SECRET\r\nX: 1',
        fetch: globalThis.fetch,
      }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['accessToken'] }] } });
    expect(everything(error)).not.toContain('SECRET');
  });

  it('refuses URLs with credentials, and a malformed webhook URL, without quoting them', () => {
    for (const make of [
      () =>
        createXPublisher({
          baseUrl: 'https://user:SECRETPW@api.example',
          accessToken: 't',
          fetch: globalThis.fetch,
        }),
      () =>
        createTeamsWebhookSender({
          webhookUrl: 'https://u:SECRETPW@hooks.example/x',
          fetch: globalThis.fetch,
        }),
      () =>
        createSlackWebhookSender({
          webhookUrl: 'https://hooks.slack.com:99999/services/T000/B000/SECRETPW',
          fetch: globalThis.fetch,
        }),
    ]) {
      const error = thrown(make);
      expect(error.code).toBe('VALIDATION');
      expect(everything(error)).not.toContain('SECRETPW');
    }
  });

  it('does not copy a network error’s text (which quotes headers and URLs) into the error', async () => {
    const failing: FetchLike = async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('Invalid header value "Bearer SECRETTOKEN"'), {
          code: 'UND_ERR_INVALID_ARG',
        }),
      });
    };
    const error = await rejection(
      createXPublisher({ accessToken: 'SECRETTOKEN', fetch: failing }).publish({ text: 'Hallo' }),
    );
    expect(error).toMatchObject({
      code: 'PLATFORM',
      details: { platform: 'x', reason: 'UND_ERR_INVALID_ARG' },
    });
    expect(everything(error)).not.toContain('SECRETTOKEN');
  });

  it('redacts a token the server echoes back in its error body', async () => {
    const url = await serve((req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'bad token', got: req.headers.authorization }));
    });
    const error = await rejection(
      createMastodonPublisher({ instance: url, accessToken: 'SECRETTOKEN123', fetch }).publish({
        text: 'Hallo',
      }),
    );
    expect(error).toMatchObject({
      code: 'PLATFORM',
      details: { status: 401, error: { error: 'bad token' } },
    });
    expect(everything(error)).not.toContain('SECRETTOKEN123');
    expect((error.details as { body?: string }).body).toContain('[redacted]');
  });

  it('redacts the start of a token that the 2,000-character cut of an error body leaves at its end', async () => {
    const token = 'SECRETTOKEN-0123456789-abcdefghijklmnopqrstuvwxyz';
    for (const at of [1990, 1975, 1996]) {
      const url = await serve((req, res) => {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(`${'x'.repeat(at)}${req.headers.authorization}`);
      });
      const error = await rejection(
        createMastodonPublisher({ instance: url, accessToken: token, fetch }).publish({ text: 'Hallo' }),
      );
      const body = (error.details as { body?: string }).body ?? '';
      expect(body.startsWith('x'.repeat(at)), String(at)).toBe(true);
      // Not even the first few characters of the token (or of "Bearer <token>") stay in the error.
      expect(everything(error), String(at)).not.toMatch(/SECR|Bearer S/);
    }
  });

  it('redacts a bare token cut off after 4 characters or more; a start of 1 to 3 characters may stay', async () => {
    const token = 'SECRETTOKEN-0123456789-abcdefghijklmnopqrstuvwxyz';
    for (const at of [1996, 1997, 1998, 1999, 1980]) {
      const url = await serve((_req, res) => {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(`${'x'.repeat(at)}${token}`);
      });
      const error = await rejection(
        createMastodonPublisher({ instance: url, accessToken: token, fetch }).publish({ text: 'Hallo' }),
      );
      const body = (error.details as { body?: string }).body ?? '';
      // Shorter starts are not taken for a secret: every body ending in, say, an "S" would lose it.
      const kept = 2000 - at < 4 ? token.slice(0, 2000 - at) : '[redacted]';
      expect(body, String(at)).toBe(`${'x'.repeat(at)}${kept}`);
      expect(everything(error), String(at)).not.toContain('SECR');
    }
  });

  it('redacts the app password a PDS echoes from the login request', async () => {
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'InvalidRequest', message: `cannot parse ${body}` }));
      });
    });
    const error = await rejection(
      createBlueskyPublisher({
        service: url,
        identifier: 'anne.test',
        appPassword: 'abcd-SECRET-wxyz',
        fetch,
      }).publish({
        text: 'Hallo',
      }),
    );
    expect(error.code).toBe('PLATFORM');
    expect(everything(error)).not.toContain('abcd-SECRET-wxyz');
  });

  it('redacts a Slack webhook URL the server echoes back', async () => {
    const url = await serve((req, res) => {
      res.writeHead(404);
      res.end(`no_service for ${req.url}`);
    });
    const error = await rejection(
      createSlackWebhookSender({ webhookUrl: `${url}/services/T0/B0/SECRETHOOK`, fetch }).send(
        hostileDigest(),
      ),
    );
    expect(error.code).toBe('PLATFORM');
    expect(everything(error)).not.toContain('SECRETHOOK');
  });
});

describe('nothing hangs', () => {
  it('gives up on a server that never answers, with a PLATFORM error saying it timed out', {
    timeout: 10_000,
  }, async () => {
    const url = await serve(() => undefined);
    await expect(
      createXPublisher({ baseUrl: url, accessToken: 'tok', fetch, timeoutMs: 100 }).publish({
        text: 'Hallo',
      }),
    ).rejects.toMatchObject({
      code: 'PLATFORM',
      message: expect.stringMatching(/did not answer within 100 ms/),
    });
    await expect(
      createSlackWebhookSender({ webhookUrl: `${url}/hook`, fetch, timeoutMs: 100 }).send(hostileDigest()),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { platform: 'slack', timeoutMs: 100 } });
    await expect(
      createTeamsWebhookSender({ webhookUrl: `${url}/hook`, fetch, timeoutMs: 100 }).send(hostileDigest()),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { platform: 'teams', timeoutMs: 100 } });
  });

  it('gives up on a successful answer whose body never ends', { timeout: 10_000 }, async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
    });
    await expect(
      createMastodonPublisher({ instance: url, accessToken: 'tok', fetch, timeoutMs: 100 }).publish({
        text: 'Hallo',
      }),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { timeoutMs: 100 } });
  });

  it('reads only the first 2,000 characters of an error body, not all of it', {
    timeout: 10_000,
  }, async () => {
    // The body never ends: only a reader that stops at what it keeps can report the error.
    const url = await serve((_req, res) => {
      res.writeHead(500);
      res.write('x'.repeat(5_000));
    });
    const error = await rejection(
      createXPublisher({ baseUrl: url, accessToken: 'tok', fetch, timeoutMs: 60_000 }).publish({
        text: 'Hallo',
      }),
    );
    expect(error).toMatchObject({ code: 'PLATFORM', details: { status: 500 } });
    expect((error.details as { body?: string }).body).toHaveLength(2_000);
  });
});

describe('odd successful answers are PLATFORM errors naming what is wrong', () => {
  it('refuses a body that is not JSON', async () => {
    for (const publisher of [
      createMastodonPublisher({
        instance: 'https://social.example',
        accessToken: 'tok',
        fetch: jsonFetch('{not json'),
      }),
      createXPublisher({ accessToken: 'tok', fetch: jsonFetch('{not json') }),
      createBlueskyPublisher({
        service: 'https://pds.example',
        identifier: 'anne.test',
        appPassword: 'pw',
        fetch: jsonFetch('{not json'),
      }),
    ]) {
      await expect(publisher.publish({ text: 'Hallo' })).rejects.toMatchObject({
        code: 'PLATFORM',
        message: expect.stringMatching(/not JSON/),
        details: { platform: publisher.platform },
      });
    }
  });

  it('refuses answers without the id, the record uri or the session tokens', async () => {
    await expect(
      createMastodonPublisher({
        instance: 'https://social.example',
        accessToken: 'tok',
        fetch: jsonFetch('{}'),
      }).publish({ text: 'Hallo' }),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { platform: 'mastodon', missing: 'a status id' } });
    await expect(
      createXPublisher({ accessToken: 'tok', fetch: jsonFetch('{}') }).publish({ text: 'Hallo' }),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { platform: 'x', missing: 'data.id' } });
    const noSession = recordingFetch([{ status: 200, body: {} }]);
    await expect(
      createBlueskyPublisher({
        service: 'https://pds.example',
        identifier: 'anne.test',
        appPassword: 'pw',
        fetch: noSession.fetch,
      }).publish({ text: 'Hallo' }),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { missing: 'session field accessJwt' } });
    // Never went on to post without Authorization and with `repo: undefined`.
    expect(noSession.requests).toHaveLength(1);
    await expect(
      createBlueskyPublisher({
        service: 'https://pds.example',
        identifier: 'anne.test',
        appPassword: 'pw',
        fetch: jsonFetch('{}'),
        session: { accessJwt: 'a', refreshJwt: 'r', did: 'did:plc:x', handle: 'anne.test' },
      }).publish({ text: 'Hallo' }),
    ).rejects.toMatchObject({ code: 'PLATFORM', details: { missing: 'the record uri (at://…)' } });
  });
});

describe('bad options and input are VALIDATION errors with the path', () => {
  const fetch = recordingFetch([{ status: 200, body: {} }]).fetch;

  it('checks the options when the publisher is created', () => {
    const cases: [() => unknown, string][] = [
      // @ts-expect-error: missing instance, as JavaScript callers can pass
      [() => createMastodonPublisher({ accessToken: 't', fetch }), 'instance'],
      [() => createMastodonPublisher({ instance: 'mastodon.social', accessToken: 'tok', fetch }), 'instance'],
      [
        () => createMastodonPublisher({ instance: 'javascript:alert(1)', accessToken: 'tok', fetch }),
        'instance',
      ],
      // Plain http would send the token in the clear; only localhost may use it.
      [
        () => createMastodonPublisher({ instance: 'http://social.example', accessToken: 'tok', fetch }),
        'instance',
      ],
      // @ts-expect-error: missing fetch
      [() => createMastodonPublisher({ instance: 'https://social.example', accessToken: 'tok' }), 'fetch'],
      [
        () =>
          createMastodonPublisher({
            instance: 'https://social.example',
            accessToken: 'tok',
            fetch,
            // @ts-expect-error: a string limit would disable the length check
            limits: { maxCharacters: 'abc' },
          }),
        'limits.maxCharacters',
      ],
      // Not an object: each limit read from it would be undefined, so the server's own limits went unchecked here
      // and the first publish failed naming `mastodon`, an option this publisher does not have.
      [
        () =>
          createMastodonPublisher({
            instance: 'https://social.example',
            accessToken: 'tok',
            fetch,
            // @ts-expect-error: the limit alone, not { maxCharacters }
            limits: 1000,
          }),
        'limits',
      ],
      [
        () =>
          createMastodonPublisher({
            instance: 'https://social.example',
            accessToken: 'tok',
            fetch,
            // @ts-expect-error: a list, not the settings object
            limits: [1000, 23],
          }),
        'limits',
      ],
      [
        () =>
          createMastodonPublisher({
            instance: 'https://social.example',
            accessToken: 'tok',
            fetch,
            // @ts-expect-error: not a Mastodon visibility
            visibility: 'everyone',
          }),
        'visibility',
      ],
      // @ts-expect-error: missing service
      [() => createBlueskyPublisher({ identifier: 'a', appPassword: 'p', fetch }), 'service'],
      [
        () =>
          createLinkedInPublisher({
            author: 'urn:li:person:a',
            accessToken: 'tok',
            // @ts-expect-error: a number, not 'YYYYMM'
            version: 202601,
            fetch,
          }),
        'version',
      ],
      [() => createXPublisher({ accessToken: 'tok', fetch, timeoutMs: 0 }), 'timeoutMs'],
    ];
    for (const [make, path] of cases) {
      expect(thrown(make)).toMatchObject({
        code: 'VALIDATION',
        details: { issues: [{ path: path.split('.') }] },
      });
    }
    expect(() =>
      createMastodonPublisher({ instance: 'http://localhost:3000', accessToken: 'tok', fetch }),
    ).not.toThrow();
  });

  it('checks what publish() is given: non-empty text and an http(s) link', async () => {
    const mastodon = createMastodonPublisher({
      instance: 'https://social.example',
      accessToken: 'tok',
      fetch,
    });
    const bluesky = createBlueskyPublisher({
      service: 'https://pds.example',
      identifier: 'anne.test',
      appPassword: 'pw',
      fetch,
      session: { accessJwt: 'a', refreshJwt: 'r', did: 'did:plc:x', handle: 'anne.test' },
    });
    const linkedin = createLinkedInPublisher({
      author: 'urn:li:person:a',
      accessToken: 'tok',
      version: '202601',
      fetch,
    });
    const x = createXPublisher({ accessToken: 'tok', fetch });
    const bad: [unknown, string][] = [
      [undefined, 'input'],
      [{}, 'text'],
      [{ text: 5 }, 'text'],
      [{ text: '' }, 'text'],
      [{ text: 'Hallo', link: 'javascript:alert(1)' }, 'link'],
    ];
    for (const publisher of [mastodon, bluesky, linkedin, x]) {
      for (const [input, path] of bad) {
        // @ts-expect-error: what JavaScript callers can pass
        await expect(publisher.publish(input)).rejects.toMatchObject({
          code: 'VALIDATION',
          details: { issues: [{ path: [path] }] },
        });
      }
    }
  });
});

describe('Retry-After', () => {
  it('takes only non-negative whole seconds or an HTTP-date', () => {
    const now = Date.parse('2026-11-26T12:00:00.000Z');
    for (const value of ['1.5', '-5', 'garbage']) {
      expect(retryDelayFromHeaders(new Headers({ 'retry-after': value }), now)).toBeUndefined();
    }
    expect(retryDelayFromHeaders(new Headers({ 'retry-after': 'Thu, 26 Nov 2026 12:00:02 GMT' }), now)).toBe(
      2000,
    );
  });

  it('does not hand setTimeout a wait it cannot take, even with maxDelayMs: Infinity', async () => {
    const { fetch, requests } = recordingFetch([{ status: 429, headers: { 'retry-after': '999999999999' } }]);
    const { sleep, waits } = recordingSleep();
    await expect(
      sendWithRetry(
        fetch,
        { platform: 'test', url: 'https://api.example', init: {}, retryServerErrors: false },
        { sleep, maxDelayMs: Number.POSITIVE_INFINITY },
      ),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(waits).toEqual([]);
    expect(requests).toHaveLength(1);
  });
});
