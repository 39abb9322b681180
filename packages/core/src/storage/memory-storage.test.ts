import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { aDomainEvent } from '../testing/factories.js';
import { createMemoryStorage } from './memory-storage.js';

const ORG = 'org_a';

describe('memory storage', () => {
  it('writes a document and its events together, and numbers events from 1', async () => {
    const storage = createMemoryStorage();
    await storage.transaction(ORG, async (tx) => {
      await tx.put('post', 'p1', { title: 'A' }, 0);
      await tx.append([
        aDomainEvent({ id: 'e1', organisationId: ORG }),
        aDomainEvent({ id: 'e2', organisationId: ORG }),
      ]);
    });
    expect(await storage.get(ORG, 'post', 'p1')).toMatchObject({ version: 1, data: { title: 'A' } });
    expect((await storage.readEvents(ORG)).map((e) => e.seq)).toEqual([1, 2]);
    expect((await storage.readEvents(ORG, { after: 1 })).map((e) => e.id)).toEqual(['e2']);
  });

  it('appends 200,000 events in one transaction (an import), past what one call can spread', async () => {
    const storage = createMemoryStorage();
    const event = aDomainEvent({ organisationId: ORG });
    const events = Array.from({ length: 200_000 }, (_, i) => ({ ...event, id: `e${i}` }));
    await storage.transaction(ORG, (tx) => tx.append(events));
    const last = await storage.readEvents(ORG, { after: 199_999 });
    expect(last.map((e) => [e.seq, e.id])).toEqual([[200_000, 'e199999']]);
  }, 60_000);

  it('compacts 200,000 events into one summary (a retention run after a large import)', async () => {
    const storage = createMemoryStorage();
    const event = aDomainEvent({ organisationId: ORG });
    await storage.transaction(ORG, (tx) =>
      tx.append(Array.from({ length: 200_000 }, (_, i) => ({ ...event, id: `e${i}` }))),
    );
    const removed = await storage.readEvents(ORG);
    const summary = { ...event, id: 'summary', type: 'platform.summary' } as typeof event;
    await storage.transaction(ORG, (tx) => tx.compactEvents(removed, summary));
    const left = await storage.readEvents(ORG);
    expect(left.map((e) => [e.seq, e.id])).toEqual([[200_000, 'summary']]);
  }, 60_000);

  it('keeps nothing of a transaction that throws', async () => {
    const storage = createMemoryStorage();
    await expect(
      storage.transaction(ORG, async (tx) => {
        await tx.put('post', 'p1', { title: 'A' }, 0);
        await tx.append([aDomainEvent({ organisationId: ORG })]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await storage.get(ORG, 'post', 'p1')).toBeUndefined();
    expect(await storage.readEvents(ORG)).toEqual([]);
  });

  it('rejects a stale version with CONFLICT and loses nothing', async () => {
    const storage = createMemoryStorage();
    await storage.transaction(ORG, (tx) => tx.put('post', 'p1', { title: 'A' }, 0));
    await storage.transaction(ORG, (tx) => tx.put('post', 'p1', { title: 'B' }, 1));
    const stale = storage.transaction(ORG, (tx) => tx.put('post', 'p1', { title: 'C' }, 1));
    await expect(stale).rejects.toSatisfy((e) => isSocialShiftError(e, 'CONFLICT'));
    expect(await storage.get(ORG, 'post', 'p1')).toMatchObject({ version: 2, data: { title: 'B' } });
  });

  it('never returns another organisation’s documents or events', async () => {
    const storage = createMemoryStorage();
    await storage.transaction('org_b', async (tx) => {
      await tx.put('post', 'p1', { title: 'B' }, 0);
      await tx.append([aDomainEvent({ organisationId: 'org_b' })]);
    });
    expect(await storage.get(ORG, 'post', 'p1')).toBeUndefined();
    expect(await storage.query(ORG, 'post')).toEqual([]);
    expect(await storage.readEvents(ORG)).toEqual([]);
    await expect(
      storage.transaction(ORG, (tx) => tx.append([aDomainEvent({ organisationId: 'org_b' })])),
    ).rejects.toSatisfy((e) => isSocialShiftError(e, 'TENANT_MISMATCH'));
  });

  it('queries by field equality in id order, with paging', async () => {
    const storage = createMemoryStorage();
    await storage.transaction(ORG, async (tx) => {
      for (const [id, status] of [
        ['c', 'draft'],
        ['a', 'draft'],
        ['b', 'approved'],
      ] as const) {
        await tx.put('post', id, { status }, 0);
      }
    });
    const drafts = await storage.query(ORG, 'post', { where: { status: 'draft' } });
    expect(drafts.map((d) => d.id)).toEqual(['a', 'c']);
    expect((await storage.query(ORG, 'post', { afterId: 'a', limit: 1 })).map((d) => d.id)).toEqual(['b']);
  });

  it('hands out copies, so changing a result changes nothing stored', async () => {
    const storage = createMemoryStorage();
    await storage.transaction(ORG, (tx) => tx.put('post', 'p1', { tags: ['a'] }, 0));
    const doc = await storage.get(ORG, 'post', 'p1');
    (doc!.data.tags as string[]).push('b');
    expect((await storage.get(ORG, 'post', 'p1'))?.data).toEqual({ tags: ['a'] });
  });
});
