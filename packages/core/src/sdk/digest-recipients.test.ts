import { describe, expect, it } from 'vitest';
import type { StoragePort } from '../ports/storage.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';

/** Memory storage that hands back offers newest first, as an adapter without an order may. */
function offersNewestFirst(storage: StoragePort): StoragePort {
  return {
    ...storage,
    name: storage.name,
    capabilities: storage.capabilities,
    get: storage.get.bind(storage),
    readEvents: storage.readEvents.bind(storage),
    transaction: storage.transaction.bind(storage),
    close: storage.close.bind(storage),
    async query(organisationId, collection, query) {
      const docs = await storage.query(organisationId, collection, query);
      return collection === 'offer' ? [...docs].reverse() : docs;
    },
  };
}

describe('digest recipients', () => {
  it('list offers made at the same instant by their id, whatever order storage hands them in', async () => {
    const world = await createTestProgramme({ storage: offersNewestFirst(createMemoryStorage()) });
    const posts = [];
    for (let i = 0; i < 5; i++) posts.push(await anApprovedPost(world));
    await aRunningCampaign(world, posts);
    const [recipient] = await world.shift.system.digestRecipients();
    const ids = recipient?.waiting.map((w) => w.offer.id) ?? [];
    expect(ids).toHaveLength(5);
    expect(new Set(recipient?.waiting.map((w) => w.offer.offeredAt)).size).toBe(1);
    expect(ids).toEqual([...ids].sort());
  });
});
