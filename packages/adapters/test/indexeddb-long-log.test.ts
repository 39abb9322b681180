import { aDomainEvent } from '@social-shift/core/testing';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexedDbStorage } from '../src/indexeddb.js';

const ORG = 'org_a';

// `exportAll` reads the whole log for its `platform.summary` events, twice. A cursor stepping event by event took
// time quadratic in the events it walked under fake-indexeddb (20,000 events: 146 s; 200,000: hours), so a large
// import could not be exported again. Read in batches, the walk is linear.
describe('indexeddb storage: a long event log', () => {
  it('reads 15,000 events, filtered by type, by entity, after a cursor and to a limit, in seconds', async () => {
    const storage = indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
    const base = aDomainEvent({ organisationId: ORG });
    const events = Array.from({ length: 15_000 }, (_, i) => ({
      ...base,
      id: `e${i}`,
      type: i % 5_000 === 4_999 ? 'platform.summary' : base.type,
      entityId: i % 3 === 0 ? 'ent_three' : base.entityId,
    }));
    await storage.transaction(ORG, (tx) => tx.append(events as never));

    const summaries = await storage.readEvents(ORG, { types: ['platform.summary'] });
    expect(summaries.map((e) => [e.seq, e.id])).toEqual([
      [5_000, 'e4999'],
      [10_000, 'e9999'],
      [15_000, 'e14999'],
    ]);
    const all = await storage.readEvents(ORG);
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 15_000 }, (_, i) => i + 1));
    const ofEntity = await storage.readEvents(ORG, { entityId: 'ent_three', after: 3_000 });
    expect(ofEntity).toHaveLength(4_000);
    expect(ofEntity.every((e) => e.entityId === 'ent_three' && e.seq > 3_000)).toBe(true);
    expect(ofEntity[0]?.seq).toBe(3_001);
    const limited = await storage.readEvents(ORG, { types: ['platform.summary'], after: 5_000, limit: 1 });
    expect(limited.map((e) => e.seq)).toEqual([10_000]);
    const page = await storage.readEvents(ORG, { after: 12_345, limit: 2_500 });
    expect(page.map((e) => e.seq)).toEqual(Array.from({ length: 2_500 }, (_, i) => 12_346 + i));
    expect(await storage.readEvents(ORG, { types: [] })).toEqual([]);
  }, 20_000);
});
