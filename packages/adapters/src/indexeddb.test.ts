import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexedDbCapabilities, indexedDbStorage } from './indexeddb.js';
import { describeStorageConformance } from './testing/index.js';

// Under fake-indexeddb (the spec's behaviour, in Node), passed in rather than installed as globals, so nothing here
// relies on a global IndexedDB; `indexeddb.browser.test.ts` runs the same suite in Chromium.
describeStorageConformance({
  name: 'indexeddb (fake-indexeddb)',
  capabilities: { ...indexedDbCapabilities, node: true },
  async createStore() {
    const indexedDB = new IDBFactory();
    return {
      open: async (options) =>
        indexedDbStorage({ ...options, indexedDB, keyRange: IDBKeyRange, databaseName: 'conformance' }),
    };
  },
});

describe('indexeddb storage', () => {
  it('reports CONFLICT when another tab changed a document it is about to write', async () => {
    const indexedDB = new IDBFactory();
    const tabA = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    const tabB = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    await tabA.transaction('org_a', (tx) => tx.put('post', 'p', { by: 'a' }, 0));
    let release!: () => void;
    const paused = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = tabA.transaction('org_a', async (tx) => {
      await tx.put('post', 'p', { by: 'a2' }, 1);
      await paused;
    });
    await tabB.transaction('org_a', (tx) => tx.put('post', 'p', { by: 'b' }, 1));
    release();
    await expect(slow).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await tabA.get('org_a', 'post', 'p'))?.data).toEqual({ by: 'b' });
  });

  it('says how to fix a missing IndexedDB or IDBKeyRange', async () => {
    // No `fake-indexeddb/auto` in this file: Node has neither global.
    await expect(indexedDbStorage().open()).rejects.toMatchObject({
      code: 'STORAGE',
      message: /IndexedDB is not available/,
    });
    const storage = indexedDbStorage({ indexedDB: new IDBFactory() });
    await expect(storage.query('org_a', 'post')).rejects.toMatchObject({
      code: 'STORAGE',
      message: /keyRange/,
    });
  });
});
