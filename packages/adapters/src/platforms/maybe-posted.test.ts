// A publisher's post request that fails after it may have reached the platform (no answer in time, a connection
// broken after the request went out, a 500, 502 or 504, a success whose body cannot be used) must not say "try again":
// X, LinkedIn and Bluesky take no idempotency key, so a retry could post twice. Real fetch against node:http servers
// on 127.0.0.1, so the network errors are Node's own.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSocialShiftError, type SocialShiftError } from '@social-shift/core';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingSleep } from '../../test/recording-fetch.js';
import { createBlueskyPublisher } from './bluesky-publisher.js';
import { createLinkedInPublisher } from './linkedin-publisher.js';
import { createMastodonPublisher } from './mastodon-publisher.js';
import type { Publisher } from './publisher.js';
import { createXPublisher } from './x-publisher.js';

const TOKEN = 'tok-SECRET-123456';
const APP_PASSWORD = 'app-pass-SECRET';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

/** A fake platform on 127.0.0.1: logins to a Bluesky PDS succeed, every other request goes to `post`. */
async function platform(
  post: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; posts: () => number }> {
  let posts = 0;
  const server = createServer((req, res) => {
    // The whole request is read before the platform acts on it.
    req.resume();
    req.on('end', () => {
      if (req.url === '/xrpc/com.atproto.server.createSession') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            accessJwt: 'access-1',
            refreshJwt: 'refresh-1',
            did: 'did:plc:a',
            handle: 'a.test',
          }),
        );
        return;
      }
      posts++;
      post(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posts: () => posts };
}

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

const publishers = (base: string, timeoutMs = 10_000): [string, Publisher][] => [
  ['x', createXPublisher({ baseUrl: base, accessToken: TOKEN, fetch, timeoutMs })],
  [
    'linkedin',
    createLinkedInPublisher({
      baseUrl: base,
      author: 'urn:li:person:a',
      accessToken: TOKEN,
      version: '202601',
      fetch,
      timeoutMs,
    }),
  ],
  [
    'bluesky',
    createBlueskyPublisher({
      service: base,
      identifier: 'a.test',
      appPassword: APP_PASSWORD,
      fetch,
      timeoutMs,
    }),
  ],
];

/** The `PLATFORM` error a promise rejects with (fails the test otherwise). */
async function rejection(promise: Promise<unknown>): Promise<SocialShiftError<'PLATFORM'>> {
  try {
    await promise;
  } catch (error) {
    if (isSocialShiftError(error, 'PLATFORM')) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

const MAYBE = /The post may have been created: check the account before publishing again\./;

/** What a post request that may have posted must say, and what it must not. */
function expectMaybePosted(error: SocialShiftError<'PLATFORM'>, name: string): void {
  expect(error.code).toBe('PLATFORM');
  expect(error.details).toMatchObject({ platform: name, maybeDelivered: true });
  expect(error.message).toMatch(MAYBE);
  expect(error.message).not.toMatch(/try again/i);
  expect(`${error.message}${JSON.stringify(error.toJSON())}`).not.toMatch(/SECRET/);
}

describe('a post that may have been created is not offered for a retry', () => {
  it('no answer within timeoutMs after the request went out', { timeout: 10_000 }, async () => {
    const server = await platform(() => undefined);
    for (const [name, publisher] of publishers(server.url, 150)) {
      const error = await rejection(publisher.publish({ text: 'Hallo wereld' }));
      expectMaybePosted(error, name);
      expect(error.details).toMatchObject({ timeoutMs: 150 });
    }
    expect(server.posts()).toBe(3);
  });

  it('the connection closed by the server after it read the request', async () => {
    const server = await platform((req) => req.socket.destroy());
    for (const [name, publisher] of publishers(server.url)) {
      const error = await rejection(publisher.publish({ text: 'Hallo wereld' }));
      expectMaybePosted(error, name);
      expect(error.details).toMatchObject({ reason: 'UND_ERR_SOCKET' });
      expect(error.message).toMatch(/the connection broke \(UND_ERR_SOCKET\)/);
    }
    expect(server.posts()).toBe(3);
  });

  it.each([500, 502, 504])(
    'a %i, sent once and quoted after the advice, with the token redacted',
    async (status) => {
      const server = await platform((req, res) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ title: 'Upstream error', echo: req.headers.authorization }));
      });
      for (const [name, publisher] of publishers(server.url)) {
        const error = await rejection(publisher.publish({ text: 'Hallo wereld' }));
        expectMaybePosted(error, name);
        expect(error.details).toMatchObject({ status });
        expect(error.message).toMatch(/Its answer: \{"title":"Upstream error"/);
      }
      expect(server.posts()).toBe(3);
    },
  );

  it('a success whose body is over 1,000,000 characters', { timeout: 10_000 }, async () => {
    const server = await platform((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-restli-id': 'urn:li:share:1' });
      res.end(`{"data":{"id":"1"},"pad":"${'x'.repeat(1_000_001)}"}`);
    });
    for (const [name, publisher] of publishers(server.url)) {
      if (name === 'linkedin') continue; // LinkedIn's answer is read from its header, never from the body.
      const error = await rejection(publisher.publish({ text: 'Hallo wereld' }));
      expectMaybePosted(error, name);
      expect(error.details).toMatchObject({ status: 201 });
    }
  });

  it('a success that is not JSON or lacks the new post', async () => {
    const server = await platform((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('<html>created</html>');
    });
    for (const [name, publisher] of publishers(server.url)) {
      const error = await rejection(publisher.publish({ text: 'Hallo wereld' }));
      expectMaybePosted(error, name);
      expect(error.message).toMatch(name === 'linkedin' ? /without the x-restli-id header/ : /not JSON/);
    }
  });
});

describe('a request that posted nothing still says to try again', () => {
  it.each([400, 501, 503])('a %i is a refusal', async (status) => {
    const server = await platform((_req, res) => {
      res.writeHead(status);
      res.end('{"title":"No"}');
    });
    const { sleep } = recordingSleep();
    const error = await rejection(
      createXPublisher({ baseUrl: server.url, accessToken: TOKEN, fetch, retry: { sleep } }).publish({
        text: 'Hallo wereld',
      }),
    );
    expect(error).toMatchObject({ code: 'PLATFORM', details: { status } });
    expect(error.details.maybeDelivered).toBeUndefined();
    expect(error.message).not.toMatch(MAYBE);
  });

  it('a connection never made', async () => {
    const error = await rejection(
      createXPublisher({
        baseUrl: `http://127.0.0.1:${await closedPort()}`,
        accessToken: TOKEN,
        fetch,
      }).publish({ text: 'Hallo wereld' }),
    );
    expect(error).toMatchObject({ code: 'PLATFORM', details: { reason: 'ECONNREFUSED' } });
    expect(error.details.maybeDelivered).toBeUndefined();
    expect(error.message).toMatch(/try again later/);
  });

  it('a Bluesky login that times out (a repeated login posts nothing)', { timeout: 10_000 }, async () => {
    const server = createServer(() => undefined);
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const error = await rejection(
      createBlueskyPublisher({
        service: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        identifier: 'a.test',
        appPassword: APP_PASSWORD,
        fetch,
        timeoutMs: 150,
      }).publish({ text: 'Hallo wereld' }),
    );
    expect(error).toMatchObject({ code: 'PLATFORM', details: { timeoutMs: 150 } });
    expect(error.details.maybeDelivered).toBeUndefined();
    expect(error.message).toMatch(/Try again later/);
  });
});

describe('Mastodon: a status that may have been posted', () => {
  it('says to publish again with the same idempotencyKey, which it gives, and that key posts once', async () => {
    const keys: (string | undefined)[] = [];
    let answer = 500;
    const server = await platform((req, res) => {
      keys.push(req.headers['idempotency-key'] as string | undefined);
      res.writeHead(answer, { 'content-type': 'application/json' });
      res.end(answer === 200 ? '{"id":"1","url":"https://social.example/@a/1"}' : '{"error":"Internal"}');
    });
    const { sleep } = recordingSleep();
    let made = 0;
    const mastodon = createMastodonPublisher({
      instance: server.url,
      accessToken: TOKEN,
      fetch,
      retry: { sleep, maxAttempts: 2 },
      newKey: () => `made-key-${++made}`,
    });
    const error = await rejection(mastodon.publish({ text: 'Hallo wereld' }));
    expect(error).toMatchObject({
      code: 'PLATFORM',
      details: { platform: 'mastodon', status: 500, maybeDelivered: true, idempotencyKey: 'made-key-1' },
    });
    expect(error.message).toMatch(/may have been posted: publish it again with the same idempotencyKey/);
    expect(error.message).not.toMatch(/try again later/i);
    // Published again as the error says: the same key goes out, so Mastodon gives the first status back.
    answer = 200;
    const idempotencyKey = String(error.details.idempotencyKey);
    await expect(mastodon.publish({ text: 'Hallo wereld', idempotencyKey })).resolves.toMatchObject({
      externalId: '1',
    });
    expect(keys).toEqual(['made-key-1', 'made-key-1', 'made-key-1']);
  });

  it('gives the key the caller chose when no answer came in time', { timeout: 10_000 }, async () => {
    const server = await platform(() => undefined);
    const error = await rejection(
      createMastodonPublisher({ instance: server.url, accessToken: TOKEN, fetch, timeoutMs: 150 }).publish({
        text: 'Hallo wereld',
        idempotencyKey: 'share_42',
      }),
    );
    expect(error).toMatchObject({
      code: 'PLATFORM',
      details: { timeoutMs: 150, maybeDelivered: true, idempotencyKey: 'share_42' },
    });
  });
});
