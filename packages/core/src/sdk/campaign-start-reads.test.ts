// Starting or resuming a campaign reads the campaign's posts by id, not every post of the organisation (10,000 in a
// big one: 53 ms of each start, resume and due run on SQLite), and offers them as before.
import { describe, expect, it } from 'vitest';
import type { StoragePort } from '../ports/storage.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { anApprovedPost, createTestProgramme } from '../testing/programme.js';

/** A memory storage that records the collection of each query. */
function recordingStorage(): { storage: StoragePort; queried: string[] } {
  const storage = createMemoryStorage();
  const queried: string[] = [];
  const query: StoragePort['query'] = (organisationId, collection, q) => {
    queried.push(collection);
    return storage.query(organisationId, collection, q);
  };
  return { storage: Object.assign(Object.create(storage), { query }), queried };
}

describe('starting a campaign', () => {
  it('reads no list of posts, and offers each of its posts to each publisher', async () => {
    const { storage, queried } = recordingStorage();
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
    await master.campaigns.start(campaign.id);
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
