import { isSocialShiftError } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { type BlueskySession, createBlueskyPublisher } from './bluesky-publisher.js';
import type { FetchLike } from './http-retry.js';

// A fake PDS in the shapes of the AT Protocol's XRPC reference (com.atproto.server.createSession and
// refreshSession → { accessJwt, refreshJwt, did, handle }; com.atproto.repo.createRecord → { uri, cid }; an expired
// access token → 400 { error: 'ExpiredToken' }; a token the PDS cannot verify → 400 { error: 'InvalidToken' }, or
// 401 AuthRequiredError with either name for a token issued by an entryway). The real PDS test (test/bluesky) needs a 360 MB install; this
// one counts the logins that concurrent publishes make, which is what single-flight is about.

const did = 'did:plc:publisher';
const handle = 'publisher.test';

interface FakePds {
  readonly fetch: FetchLike;
  /** How often each XRPC method was called. */
  readonly calls: Record<string, number>;
  /** The text of each post created, in order. */
  readonly posts: string[];
  /** Lets the held logins (or refreshes) answer. */
  release(): void;
}

interface FakePdsOptions {
  /** The answer to the nth createSession (1-based); default a fresh session. */
  readonly login?: (n: number) => { status: number; body: unknown } | undefined;
  /** The answer to the nth refreshSession; default a fresh session. */
  readonly refresh?: (n: number) => { status: number; body: unknown } | undefined;
  /** Hold createSession and refreshSession until `release()`, so concurrent publishes all wait on them. */
  readonly hold?: boolean;
  /** Waits before answering the nth createRecord (to let another publish's refresh finish first). */
  readonly beforeRecord?: (n: number) => Promise<void>;
  /** The answer to a createRecord whose access token the PDS did not issue; default 400 ExpiredToken. */
  readonly refusedToken?: { status: number; body: unknown };
}

function fakePds(options: FakePdsOptions = {}): FakePds {
  const calls: Record<string, number> = {};
  const posts: string[] = [];
  const valid = new Set<string>();
  /** Refresh tokens rotate: each can be used once, as on a real PDS. */
  const spent = new Set<string>();
  let issued = 0;
  let open: () => void = () => {};
  const gate = options.hold === true ? new Promise<void>((resolve) => (open = resolve)) : Promise.resolve();
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const session = () => {
    issued++;
    const tokens = { accessJwt: `access-${issued}`, refreshJwt: `refresh-${issued}`, did, handle };
    valid.add(tokens.accessJwt);
    return tokens;
  };
  const fetch: FetchLike = async (url, init) => {
    const method = url.split('/xrpc/')[1] ?? url;
    const n = (calls[method] ?? 0) + 1;
    calls[method] = n;
    const token = new Headers(init.headers).get('authorization')?.replace(/^Bearer /, '');
    switch (method) {
      case 'com.atproto.server.createSession': {
        await gate;
        const answer = options.login?.(n);
        return answer === undefined ? json(200, session()) : json(answer.status, answer.body);
      }
      case 'com.atproto.server.refreshSession': {
        await gate;
        if (token === undefined || spent.has(token)) {
          return json(400, { error: 'ExpiredToken', message: 'Token has been revoked' });
        }
        const answer = options.refresh?.(n);
        if (answer !== undefined) return json(answer.status, answer.body);
        spent.add(token);
        return json(200, session());
      }
      case 'com.atproto.repo.createRecord':
        await options.beforeRecord?.(n);
        if (token === undefined || !valid.has(token)) {
          const refused = options.refusedToken ?? {
            status: 400,
            body: { error: 'ExpiredToken', message: 'Token has expired' },
          };
          return json(refused.status, refused.body);
        }
        posts.push((JSON.parse(String(init.body)) as { record: { text: string } }).record.text);
        return json(200, { uri: `at://${did}/app.bsky.feed.post/post${n}`, cid: `cid${n}` });
      default:
        return json(501, { error: 'MethodNotImplemented' });
    }
  };
  return { fetch, calls, posts, release: () => open() };
}

const publisherOn = (pds: FakePds, session?: BlueskySession, saved: BlueskySession[] = []) =>
  createBlueskyPublisher({
    service: 'https://pds.example',
    identifier: handle,
    appPassword: 'app-password-1',
    fetch: pds.fetch,
    retry: { sleep: async () => {} },
    ...(session === undefined ? {} : { session }),
    onSession: (s) => saved.push(s),
  });

const expired: BlueskySession = { accessJwt: 'expired', refreshJwt: 'refresh-0', did, handle };

describe('createBlueskyPublisher sessions', () => {
  it('logs in once when two publishes start at the same time', async () => {
    const pds = fakePds({ hold: true });
    const saved: BlueskySession[] = [];
    const bluesky = publisherOn(pds, undefined, saved);
    const both = Promise.all([bluesky.publish({ text: 'Eén' }), bluesky.publish({ text: 'Twee' })]);
    pds.release();
    const results = await both;
    expect(pds.calls['com.atproto.server.createSession']).toBe(1);
    expect(pds.calls['com.atproto.repo.createRecord']).toBe(2);
    expect(new Set(results.map((r) => r.externalId)).size).toBe(2);
    // The web address names the account by its DID, which a rename of the handle does not break.
    expect(results.map((r) => r.url).sort()).toEqual([
      `https://bsky.app/profile/${did}/post/post1`,
      `https://bsky.app/profile/${did}/post/post2`,
    ]);
    expect(saved).toHaveLength(1);
    // The session is kept: a later publish does not log in again.
    await bluesky.publish({ text: 'Drie' });
    expect(pds.calls['com.atproto.server.createSession']).toBe(1);
  });

  it('shares a failed login between the publishes waiting on it, and logs in again on the next publish', async () => {
    const pds = fakePds({
      hold: true,
      login: (n) =>
        n === 1
          ? {
              status: 401,
              body: { error: 'AuthenticationRequired', message: 'Invalid identifier or password' },
            }
          : undefined,
    });
    const bluesky = publisherOn(pds);
    const both = Promise.allSettled([bluesky.publish({ text: 'Eén' }), bluesky.publish({ text: 'Twee' })]);
    pds.release();
    const settled = await both;
    for (const result of settled) {
      expect(result.status).toBe('rejected');
      expect(isSocialShiftError(result.status === 'rejected' ? result.reason : undefined, 'PLATFORM')).toBe(
        true,
      );
    }
    expect(pds.calls['com.atproto.server.createSession']).toBe(1);
    const later = await bluesky.publish({ text: 'Drie' });
    expect(later.externalId).toMatch(/^at:\/\//);
    expect(pds.calls['com.atproto.server.createSession']).toBe(2);
  });

  it('refreshes an expired session once when two publishes meet ExpiredToken at the same time', async () => {
    const pds = fakePds({ hold: true });
    const saved: BlueskySession[] = [];
    const bluesky = publisherOn(pds, expired, saved);
    const both = Promise.all([bluesky.publish({ text: 'Eén' }), bluesky.publish({ text: 'Twee' })]);
    // Let both publishes meet ExpiredToken and ask for a refresh before it answers.
    await new Promise((resolve) => setTimeout(resolve, 10));
    pds.release();
    await both;
    expect(pds.calls['com.atproto.server.refreshSession']).toBe(1);
    expect(pds.calls['com.atproto.server.createSession']).toBeUndefined();
    expect(pds.calls['com.atproto.repo.createRecord']).toBe(4);
    expect(saved).toHaveLength(1);
  });

  it('does not refresh again when another publish already refreshed the session', async () => {
    // The second publish's first attempt (createRecord 2, with the expired token) is answered only after the
    // first publish has refreshed and posted (createRecord 3): it meets ExpiredToken with a session already
    // replaced. Refreshing again would spend the old refresh token a second time, which the PDS refuses.
    let firstDone: () => void = () => {};
    const done = new Promise<void>((resolve) => (firstDone = resolve));
    const pds = fakePds({ beforeRecord: (n) => (n === 2 ? done : Promise.resolve()) });
    const bluesky = publisherOn(pds, expired);
    const first = bluesky.publish({ text: 'Eén' }).finally(() => firstDone());
    const second = bluesky.publish({ text: 'Twee' });
    await Promise.all([first, second]);
    expect(pds.calls['com.atproto.server.refreshSession']).toBe(1);
    expect(pds.calls['com.atproto.server.createSession']).toBeUndefined();
    expect(pds.calls['com.atproto.repo.createRecord']).toBe(4);
  });

  it('logs in once when a shared refresh fails', async () => {
    const pds = fakePds({
      hold: true,
      refresh: () => ({ status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } }),
    });
    const bluesky = publisherOn(pds, expired);
    const both = Promise.all([bluesky.publish({ text: 'Eén' }), bluesky.publish({ text: 'Twee' })]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    pds.release();
    await both;
    expect(pds.calls['com.atproto.server.refreshSession']).toBe(1);
    expect(pds.calls['com.atproto.server.createSession']).toBe(1);
  });

  it('does not keep a failed refresh: the next publish refreshes again', async () => {
    const pds = fakePds({
      refresh: (n) => (n === 1 ? { status: 400, body: { error: 'ExpiredToken' } } : undefined),
      login: (n) => (n === 1 ? { status: 401, body: { error: 'AuthenticationRequired' } } : undefined),
    });
    const bluesky = publisherOn(pds, expired);
    await expect(bluesky.publish({ text: 'Eén' })).rejects.toMatchObject({ code: 'PLATFORM' });
    expect(pds.calls['com.atproto.server.refreshSession']).toBe(1);
    await bluesky.publish({ text: 'Twee' });
    expect(pds.calls['com.atproto.server.refreshSession']).toBe(2);
    expect(pds.calls['com.atproto.server.createSession']).toBe(1);
  });
});

describe('createBlueskyPublisher and a session the PDS cannot verify (InvalidToken)', () => {
  // A saved session signed with a key the PDS no longer has, or from another PDS: createRecord refuses the access
  // token and refreshSession the refresh token, both as InvalidToken; a PDS answers 400 for its own tokens, 401
  // (AuthRequiredError) for tokens issued by an entryway.
  const invalidToken = (status: number) => ({
    status,
    body: { error: 'InvalidToken', message: 'Token could not be verified' },
  });
  const stale: BlueskySession = {
    accessJwt: 'other-pds-access',
    refreshJwt: 'other-pds-refresh',
    did,
    handle,
  };

  for (const status of [400, 401]) {
    it(`logs in once and posts once when createRecord and refreshSession answer ${status} InvalidToken`, async () => {
      const pds = fakePds({ refusedToken: invalidToken(status), refresh: () => invalidToken(status) });
      const saved: BlueskySession[] = [];
      const bluesky = publisherOn(pds, stale, saved);
      const result = await bluesky.publish({ text: 'Eén' });
      expect(result.externalId).toMatch(/^at:\/\//);
      expect(pds.calls['com.atproto.server.refreshSession']).toBe(1);
      expect(pds.calls['com.atproto.server.createSession']).toBe(1);
      expect(pds.posts).toEqual(['Eén']);
      expect(saved.map((s) => s.accessJwt)).toEqual(['access-1']);
      // The new session is kept: the next publish neither refreshes nor logs in.
      await bluesky.publish({ text: 'Twee' });
      expect(pds.calls['com.atproto.server.refreshSession']).toBe(1);
      expect(pds.calls['com.atproto.server.createSession']).toBe(1);
      expect(pds.posts).toEqual(['Eén', 'Twee']);
    });

    it(`shares one refresh and one login when two publishes meet ${status} InvalidToken at the same time`, async () => {
      const pds = fakePds({
        hold: true,
        refusedToken: invalidToken(status),
        refresh: () => invalidToken(status),
      });
      const bluesky = publisherOn(pds, stale);
      const both = Promise.all([bluesky.publish({ text: 'Eén' }), bluesky.publish({ text: 'Twee' })]);
      // Let both publishes meet InvalidToken and ask for a refresh before it answers.
      await new Promise((resolve) => setTimeout(resolve, 10));
      pds.release();
      const results = await both;
      expect(new Set(results.map((r) => r.externalId)).size).toBe(2);
      expect(pds.calls['com.atproto.server.refreshSession']).toBe(1);
      expect(pds.calls['com.atproto.server.createSession']).toBe(1);
      // Each post is created once: two refused attempts, then one each.
      expect(pds.calls['com.atproto.repo.createRecord']).toBe(4);
      expect([...pds.posts].sort()).toEqual(['Eén', 'Twee']);
    });
  }
});

describe('createBlueskyPublisher createdAt', () => {
  it('refuses a now() that gives no time as VALIDATION naming now, before any request', async () => {
    for (const time of [Number.NaN, Number.POSITIVE_INFINITY, 1e20, '2026-12-05']) {
      const pds = fakePds();
      const bluesky = createBlueskyPublisher({
        service: 'https://pds.example',
        identifier: handle,
        appPassword: 'app-password-1',
        fetch: pds.fetch,
        now: () => time as number,
      });
      const error = await bluesky.publish({ text: 'Hallo' }).catch((e: unknown) => e);
      expect(isSocialShiftError(error, 'VALIDATION'), String(time)).toBe(true);
      expect(error).toMatchObject({ details: { issues: [{ path: ['now'] }] } });
      expect(pds.calls).toEqual({});
    }
  });
});
