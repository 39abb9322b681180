// Starting or resuming a campaign reads the campaign's posts by id, not every post of the organisation (10,000 in a
// big one: 53 ms of each start, resume and due run on SQLite), and offers them as before.
import { describe, expect, it } from 'vitest';
import type { StoragePort } from '../ports/storage.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { anApprovedPost, createTestProgramme } from '../testing/programme.js';

/**
 * A memory storage that records the collection of each query, and the most reads of posts by id in flight at once
 * (together, they are one round trip on a store with batched reads).
 */
function recordingStorage(): {
  storage: StoragePort;
  queried: string[];
  postReads: { now: number; most: number };
} {
  const storage = createMemoryStorage();
  const queried: string[] = [];
  const postReads = { now: 0, most: 0 };
  const query: StoragePort['query'] = (organisationId, collection, q) => {
    queried.push(collection);
    return storage.query(organisationId, collection, q);
  };
  const get: StoragePort['get'] = async (organisationId, collection, id) => {
    if (collection !== 'post') return storage.get(organisationId, collection, id);
    postReads.most = Math.max(postReads.most, ++postReads.now);
    await Promise.resolve();
    try {
      return await storage.get(organisationId, collection, id);
    } finally {
      postReads.now--;
    }
  };
  return { storage: Object.assign(Object.create(storage), { query, get }), queried, postReads };
}

describe('starting a campaign', () => {
  it('reads no list of posts but its posts together, and offers each of its posts to each publisher', async () => {
    const { storage, queried, postReads } = recordingStorage();
    const world = await createTestProgramme({ storage });
    const { shift, people, pillarId, clock } = world;
    const master = shift.as(people.master);
    const postIds = [await anApprovedPost(world), await anApprovedPost(world)];
    await anApprovedPost(world); // another post, in no campaign
    const at = new Date(clock.now()).getTime();
    const campaign = await master.campaigns.create({
      name: 'Spring recruitment',
      pillarIds: [pillarId],
      postIds,
      audience: { everyone: true },
      startsAt: new Date(at + 3_600_000).toISOString(),
      endsAt: new Date(at + 14 * 86_400_000).toISOString(),
    });
    await master.campaigns.schedule(campaign.id);

    queried.length = 0;
    postReads.most = 0;
    await master.campaigns.start(campaign.id);
    expect(postReads.most).toBe(postIds.length);
    await master.campaigns.pause(campaign.id);
    await master.campaigns.resume(campaign.id);
    expect(queried).not.toContain('post');

    const offers = await master.offers.list({ campaignId: campaign.id });
    const publishers = [people.publisher, people.external];
    expect(offers.map((o) => `${o.postId} ${o.publisherId}`).sort()).toEqual(
      postIds.flatMap((postId) => publishers.map((p) => `${postId} ${p}`)).sort(),
    );
    for (const postId of postIds) expect((await master.posts.get(postId)).status).toBe('offered');
  });
});
