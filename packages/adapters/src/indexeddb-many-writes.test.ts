// A transaction that writes many documents (an import, the Playground's first visit): it reads the ids a collection
// holds once instead of one document each, and its commit checks them in parts, not one round trip each. Both still
// refuse what they refused before: a document that exists, one another tab wrote meanwhile.
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { committed, openRaw } from '../test/indexeddb-raw.js';
import { indexedDbStorage } from './indexeddb.js';

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`);

/** A promise and the function that settles it: a transaction waits on it while another tab writes. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('indexeddb storage, a transaction that writes many documents', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads the ids a collection holds once, not each document, and still refuses one that exists', async () => {
    const storage = indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
    await storage.transaction('org_a', (tx) => tx.put('post', 'kept', { n: 0 }, 0));
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getAllKeys = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');
    const fresh = ids('p', 100);
    const refusal = await storage
      .transaction('org_a', async (tx) => {
        for (const id of fresh) await tx.put('post', id, { n: 1 }, 0);
        // Not among the 100 just looked for, but held by the collection: still refused as it was.
        await tx.put('post', 'kept', { n: 1 }, 0);
      })
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'ALREADY_EXISTS', details: { entityType: 'post', id: 'kept' } });
    // One read of the ids; a read of a document each would be 101.
    expect(getAllKeys).toHaveBeenCalledTimes(1);
    expect(get.mock.calls.length).toBeLessThan(50);
    expect(await storage.query('org_a', 'post')).toMatchObject([{ id: 'kept', version: 1, data: { n: 0 } }]);

    // Without the refused write the same transaction commits all 100, each at version 1.
    await storage.transaction('org_a', async (tx) => {
      for (const id of fresh) await tx.put('post', id, { n: 1 }, 0);
    });
    const stored = await storage.query('org_a', 'post');
    expect(stored.map((doc) => doc.id)).toEqual(['kept', ...fresh]);
    expect(stored.filter((doc) => doc.version === 1 && doc.data.n === 1)).toHaveLength(100);
  });

  it('refuses a document another tab created after it read the ids (ALREADY_EXISTS), and writes none of its own', async () => {
    const indexedDB = new IDBFactory();
    const tabA = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    const tabB = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    const { open, opened } = gate();
    const read = gate();
    const fresh = ids('p', 40);
    const slow = tabA.transaction('org_a', async (tx) => {
      for (const id of fresh) await tx.put('post', id, { by: 'a' }, 0);
      read.open();
      await opened;
      await tx.put('post', 'late', { by: 'a' }, 0);
    });
    // Tab A has read the ids (after its 32nd miss); `late` was not among them.
    await read.opened;
    await tabB.transaction('org_a', (tx) => tx.put('post', 'late', { by: 'b' }, 0));
    open();
    await expect(slow).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      message: expect.stringMatching(/created in another tab or window .* nothing of it was written/),
      details: { entityType: 'post', id: 'late' },
    });
    expect(await tabB.query('org_a', 'post')).toMatchObject([{ id: 'late', data: { by: 'b' } }]);
  });

  it('checks each document at commit across its parts: one another tab changed after 600 reads is a CONFLICT', async () => {
    const indexedDB = new IDBFactory();
    const tabA = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    const tabB = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    const all = ids('p', 600);
    await tabA.transaction('org_a', async (tx) => {
      for (const id of all) await tx.put('post', id, { by: 'first' }, 0);
    });
    const { open, opened } = gate();
    const read = gate();
    const slow = tabA.transaction('org_a', async (tx) => {
      for (const id of all) await tx.put('post', id, { by: 'a' }, 1);
      read.open();
      await opened;
    });
    await read.opened;
    // The 551st: in the second part of the commit's checks.
    await tabB.transaction('org_a', (tx) => tx.put('post', 'p00550', { by: 'b' }, 1));
    open();
    await expect(slow).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { entityType: 'post', id: 'p00550', expectedVersion: 1 },
    });
    const stored = await tabB.query('org_a', 'post');
    expect(stored.filter((doc) => doc.data.by === 'a')).toEqual([]);
    expect(stored.find((doc) => doc.id === 'p00550')).toMatchObject({ version: 2, data: { by: 'b' } });
  });

  it('reads each document, as before, of a collection that holds more than 20,000', async () => {
    const indexedDB = new IDBFactory();
    const storage = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange, databaseName: 'big' });
    await storage.open();
    await storage.close();
    // Written as the adapter writes them, in one raw transaction: 20,002 through the adapter would take minutes.
    const held = ids('h', 20_002);
    const db = await openRaw(indexedDB, 'big');
    const raw = db.transaction('documents', 'readwrite');
    for (const id of held)
      raw.objectStore('documents').put({
        organisationId: 'org_a',
        collection: 'note',
        id,
        version: 1,
        schemaVersion: storage.schemaVersion,
        data: '{"n":0}',
      });
    await committed(raw);
    db.close();

    const reopened = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange, databaseName: 'big' });
    const last = held.at(-1)!;
    const refusal = await reopened
      .transaction('org_a', async (tx) => {
        for (const id of ids('p', 40)) await tx.put('note', id, { n: 1 }, 0);
        // Past the first 20,001 ids: found only by its own read.
        await tx.put('note', last, { n: 1 }, 0);
      })
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'ALREADY_EXISTS', details: { id: last } });
    expect((await reopened.get('org_a', 'note', last))?.data).toEqual({ n: 0 });
    expect(await reopened.get('org_a', 'note', 'p00000')).toBeUndefined();
    await reopened.close();
  }, 60_000);
});
