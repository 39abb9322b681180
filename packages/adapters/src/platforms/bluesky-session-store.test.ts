import { describe, expect, it } from 'vitest';
import { recordingFetch } from '../../test/recording-fetch.js';
import { type BlueskySession, createBlueskyPublisher } from './bluesky-publisher.js';

// A service stores the session in its database: `onSession: async (session) => { await db.save(session) }`. The
// option was typed `(session) => void`, which takes such a function without a word, and its promise was dropped: a
// save that failed became an unhandled rejection, which ends a Node process, after the post was made all the same.
// A promise it returns is awaited before the post: a failed save fails the publish, and nothing is posted.
const did = 'did:plc:publisher';
const session = { accessJwt: 'access-1', refreshJwt: 'refresh-1', did, handle: 'publisher.test' };
const pds = () =>
  recordingFetch([
    { status: 200, body: session },
    { status: 200, body: { uri: `at://${did}/app.bsky.feed.post/post1`, cid: 'cid1' } },
  ]);
const publisher = (
  fetch: ReturnType<typeof pds>['fetch'],
  onSession: (session: BlueskySession) => Promise<void>,
) =>
  createBlueskyPublisher({
    service: 'https://pds.example',
    identifier: 'publisher.test',
    appPassword: 'app-password-1',
    fetch,
    onSession,
  });

describe('an onSession that stores the session asynchronously', () => {
  it('is awaited: the post is made once the session is stored', async () => {
    const recorded = pds();
    const stored: BlueskySession[] = [];
    const bluesky = publisher(recorded.fetch, async (s) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      stored.push(s);
    });
    await bluesky.publish({ text: 'Eén' });
    expect(stored).toEqual([session]);
    expect(recorded.requests.map((r) => r.url.split('/').pop())).toEqual([
      'com.atproto.server.createSession',
      'com.atproto.repo.createRecord',
    ]);
  });

  it('fails the publish when it rejects, before anything is posted, with no unhandled rejection', async () => {
    const recorded = pds();
    const failure = new Error('the database is down');
    const bluesky = publisher(recorded.fetch, async () => {
      throw failure;
    });
    await expect(bluesky.publish({ text: 'Eén' })).rejects.toBe(failure);
    expect(recorded.requests.map((r) => r.url.split('/').pop())).toEqual([
      'com.atproto.server.createSession',
    ]);
  });
});
