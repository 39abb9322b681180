import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { indexedDbCapabilities, indexedDbStorage } from './indexeddb.js';
import { describeStorageConformance } from './testing/index.js';

// Under fake-indexeddb (the spec's behaviour, in Node); `indexeddb.browser.test.ts` runs the same suite in Chromium.
describeStorageConformance({
  name: 'indexeddb (fake-indexeddb)',
  capabilities: { ...indexedDbCapabilities, node: true },
  async createStore() {
    const indexedDB = new IDBFactory();
    return {
      open: async (options) => indexedDbStorage({ ...options, indexedDB, databaseName: 'conformance' }),
    };
  },
});

describe('indexeddb storage', () => {
  it('reports CONFLICT when another tab changed a document it is about to write', async () => {
    const indexedDB = new IDBFactory();
    const tabA = indexedDbStorage({ indexedDB });
    const tabB = indexedDbStorage({ indexedDB });
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

  it('says how to fix a missing IndexedDB', async () => {
    const storage = indexedDbStorage({ indexedDB: undefined as never });
    const saved = globalThis.indexedDB;
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true, writable: true });
    try {
      await expect(storage.open()).rejects.toMatchObject({
        code: 'STORAGE',
        message: /IndexedDB is not available/,
      });
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { value: saved, configurable: true, writable: true });
    }
  });
});
