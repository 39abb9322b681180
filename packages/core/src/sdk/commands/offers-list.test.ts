// offers.list reads what the actor may read: a publisher who may read only their own offers reads those by the
// offers' publisherId index, not every offer of the organisation (thousands a campaign), and sees the same list.
import { describe, expect, it } from 'vitest';
import type { DocumentQuery, StoragePort } from '../../ports/storage.js';
import { createMemoryStorage } from '../../storage/memory-storage.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../../testing/programme.js';

/** A memory storage that records the `where` of each query on offers. */
function recordingStorage(): { storage: StoragePort; offerQueries: DocumentQuery['where'][] } {
  const storage = createMemoryStorage();
  const offerQueries: DocumentQuery['where'][] = [];
  const query: StoragePort['query'] = (organisationId, collection, q) => {
    if (collection === 'offer') offerQueries.push(q?.where);
    return storage.query(organisationId, collection, q);
  };
  return { storage: Object.assign(Object.create(storage), { query }), offerQueries };
}

describe('offers.list', () => {
  it("reads a publisher's own offers by publisherId, and lists the same offers as before", async () => {
    const { storage, offerQueries } = recordingStorage();
    const world = await createTestProgramme({ storage });
    const campaignId = await aRunningCampaign(world, [await anApprovedPost(world)]);
    const { master, publisher } = world.people;
    const all = await world.shift.as(master).offers.list();
    expect(all.length).toBeGreaterThan(1);

    offerQueries.length = 0;
    const own = await world.shift.as(publisher).offers.list();
    expect(own.map((o) => o.id)).toEqual(all.filter((o) => o.publisherId === publisher).map((o) => o.id));
    expect(offerQueries).toEqual([{ publisherId: publisher }]);

    // Of one campaign: still by publisherId alone. With the campaign in `where` too, SQLite, IndexedDB and memory
    // read by the campaign's index (thousands of offers), and so did PostgreSQL's planner.
    const other = await aRunningCampaign(world, [await anApprovedPost(world)]);
    const both = await world.shift.as(publisher).offers.list();
    expect(new Set(both.map((o) => o.campaignId))).toEqual(new Set([campaignId, other]));
    offerQueries.length = 0;
    const inCampaign = await world.shift.as(publisher).offers.list({ campaignId });
    expect(inCampaign.map((o) => o.id)).toEqual(own.map((o) => o.id));
    expect(offerQueries).toEqual([{ publisherId: publisher }]);
    expect((await world.shift.as(publisher).offers.list({ campaignId: other })).map((o) => o.id)).toEqual(
      both.filter((o) => o.campaignId === other).map((o) => o.id),
    );
    // Someone who reads every offer reads a campaign's by its index.
    offerQueries.length = 0;
    expect((await world.shift.as(master).offers.list({ campaignId: other })).map((o) => o.id)).toEqual(
      (await world.shift.as(master).offers.list()).filter((o) => o.campaignId === other).map((o) => o.id),
    );
    expect(offerQueries[0]).toEqual({ campaignId: other });
  });

  it('reads every offer for a role that may read them all, also under a table that lets publishers', async () => {
    const { storage, offerQueries } = recordingStorage();
    const world = await createTestProgramme({
      storage,
      config: { permissions: { 'offers.read': { publisher: 'organisation' } } },
    });
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const { master, editor, publisher } = world.people;
    const all = await world.shift.as(master).offers.list();
    expect(offerQueries.at(-1) ?? {}).toEqual({});
    expect(await world.shift.as(editor).offers.list()).toEqual(all);
    expect(await world.shift.as(publisher).offers.list()).toEqual(all);
    expect(offerQueries.at(-1) ?? {}).toEqual({});
  });
});
