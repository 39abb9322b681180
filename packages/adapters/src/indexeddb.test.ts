import { CURRENT_SCHEMA_VERSION } from '@social-shift/core';
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

  it('upgrades a version 1 database and indexes the documents it holds', async () => {
    // The layout of version 1, written with the raw API: no `meta` store, query keys for no field.
    const indexedDB = new IDBFactory();
    const req = indexedDB.open('legacy', 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('documents', { keyPath: ['organisationId', 'collection', 'id'] }).createIndex(
        'query',
        'q',
        {
          multiEntry: true,
        },
      );
      db.createObjectStore('events', { keyPath: ['organisationId', 'seq'] }).createIndex('entity', [
        'organisationId',
        'entityId',
        'seq',
      ]);
      db.createObjectStore('counters', { keyPath: 'organisationId' });
    };
    const legacy = await new Promise<IDBDatabase>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = legacy.transaction('documents', 'readwrite');
    const data = JSON.stringify({ colour: 'red' });
    tx.objectStore('documents').put({
      organisationId: 'org_a',
      collection: 'note',
      id: 'a',
      version: 1,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      data,
      q: [],
    });
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    legacy.close();

    const storage = indexedDbStorage({
      indexedDB,
      keyRange: IDBKeyRange,
      databaseName: 'legacy',
      indexes: { note: ['colour'] },
    });
    expect((await storage.query('org_a', 'note', { where: { colour: 'red' } })).map((row) => row.id)).toEqual(
      ['a'],
    );
    await storage.close();
  });

  it.each([
    ['a list', ['status']],
    ['fields that are not a list', { post: 'status' }],
    ['an empty field name', { post: [''] }],
  ])('refuses indexes that are %s with VALIDATION', (_, indexes) => {
    expect(() =>
      indexedDbStorage({
        indexedDB: new IDBFactory(),
        indexes: indexes as unknown as Record<string, string[]>,
      }),
    ).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(/^Invalid indexes/) }),
    );
  });
});
