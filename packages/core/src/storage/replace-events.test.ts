import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../model/domain-event.js';
import { aDomainEvent } from '../testing/factories.js';
import { createMemoryStorage } from './memory-storage.js';

const ORG = 'org_a';
const event = (n: number): DomainEvent =>
  aDomainEvent({ id: `evt_${n}`, organisationId: ORG, entityId: 'post_1', data: { n } });

describe('replaceEvents', () => {
  it('replaces every event in the transaction, also when the work does not await it', async () => {
    const storage = createMemoryStorage();
    const stored = await storage.transaction(ORG, (tx) => tx.append([event(1), event(2), event(3)]));
    let replacing: Promise<void> | undefined;
    await storage.transaction(ORG, async (tx) => {
      replacing = tx.replaceEvents(stored.slice(0, 2).map((e) => ({ ...e, data: { erased: true } })));
    });
    await expect(replacing).resolves.toBeUndefined();
    expect((await storage.readEvents(ORG)).map((e) => e.data)).toEqual([
      { erased: true },
      { erased: true },
      { n: 3 },
    ]);
  });

  it('replaces none when one of them is not stored (NOT_FOUND naming it)', async () => {
    const storage = createMemoryStorage();
    const stored = await storage.transaction(ORG, (tx) => tx.append([event(1), event(2)]));
    const missing = { ...stored[1]!, seq: 7, data: { erased: true } };
    await expect(
      storage.transaction(ORG, (tx) =>
        tx.replaceEvents([{ ...stored[0]!, data: { erased: true } }, missing]),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { entityType: 'event', id: 'evt_2' } });
    expect((await storage.readEvents(ORG)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
