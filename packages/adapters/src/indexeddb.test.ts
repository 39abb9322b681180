import type { DomainEvent, JsonObject, StoredEvent } from '@social-shift/core';
import { CURRENT_SCHEMA_VERSION } from '@social-shift/core';
import { aDomainEvent } from '@social-shift/core/testing';
import {
  forceCloseDatabase,
  IDBDatabase,
  IDBFactory,
  IDBIndex,
  IDBKeyRange,
  IDBObjectStore,
  IDBVersionChangeEvent,
} from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { committed, createOlderLayout, openRaw } from '../test/indexeddb-raw.js';
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

  it.each([
    ['creates a document another tab created meanwhile', 'ALREADY_EXISTS', 0],
    ['deletes a document another tab deleted meanwhile', 'NOT_FOUND', 1],
  ] as const)('answers as the other adapters when it %s: %s, writing nothing', async (_, code, start) => {
    const indexedDB = new IDBFactory();
    const tabA = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    const tabB = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    if (start === 1) await tabA.transaction('org_a', (tx) => tx.put('post', 'p', { by: 'a' }, 0));
    let release!: () => void;
    const paused = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = tabA.transaction('org_a', async (tx) => {
      if (start === 0) await tx.put('post', 'p', { by: 'a' }, 0);
      else await tx.delete('post', 'p', 1);
      await tx.put('post', 'q', { by: 'a' }, 0);
      await paused;
    });
    if (start === 0) await tabB.transaction('org_a', (tx) => tx.put('post', 'p', { by: 'b' }, 0));
    else await tabB.transaction('org_a', (tx) => tx.delete('post', 'p', 1));
    release();
    await expect(slow).rejects.toMatchObject({ code, details: { entityType: 'post', id: 'p' } });
    expect((await tabA.get('org_a', 'post', 'p'))?.data).toEqual(start === 0 ? { by: 'b' } : undefined);
    expect(await tabA.get('org_a', 'post', 'q')).toBeUndefined();
  });

  it('names the document another tab created meanwhile in plain words, also an offer or an organisation', async () => {
    const indexedDB = new IDBFactory();
    const tabA = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    const tabB = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    let release!: () => void;
    const paused = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = tabA.transaction('org_a', async (tx) => {
      await tx.put('offer', 'o1', { by: 'a' }, 0);
      await paused;
    });
    await tabB.transaction('org_a', (tx) => tx.put('offer', 'o1', { by: 'b' }, 0));
    release();
    await expect(slow).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      message: expect.stringMatching(/^The offer "o1" was created in another tab or window/),
    });
  });

  it('refuses the second of two writes of one version issued together in one transaction, as the other adapters', async () => {
    const storage = indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
    await storage.transaction('org_a', (tx) => tx.put('post', 'p', { n: 0 }, 0));
    const outcomes = await storage.transaction('org_a', async (tx) => {
      const settled = await Promise.allSettled([
        tx.put('post', 'p', { n: 1 }, 1),
        tx.put('post', 'p', { n: 2 }, 1),
        tx.put('post', 'q', { n: 1 }, 0),
        tx.put('post', 'q', { n: 2 }, 0),
        tx.delete('post', 'p', 2),
        tx.delete('post', 'p', 2),
      ]);
      return settled.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code));
    });
    expect(outcomes).toEqual(['ok', 'CONFLICT', 'ok', 'ALREADY_EXISTS', 'ok', 'NOT_FOUND']);
    expect(await storage.get('org_a', 'post', 'p')).toBeUndefined();
    expect((await storage.get('org_a', 'post', 'q'))?.data).toEqual({ n: 1 });
  });

  it('answers reads issued together with writes in the order they were issued, as the other adapters', async () => {
    const storage = indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
    const seen = await storage.transaction('org_a', async (tx) => {
      const [, found, listed] = await Promise.all([
        tx.put('post', 'p', { status: 'draft' }, 0),
        tx.get('post', 'p'),
        tx.query('post', { where: { status: 'draft' } }),
        tx.delete('post', 'p', 1),
      ]);
      return [found?.data, listed.map((doc) => doc.id), await tx.get('post', 'p')];
    });
    expect(seen).toEqual([{ status: 'draft' }, ['p'], undefined]);
  });

  it('commits a write the work started but did not await, as the other adapters', async () => {
    const storage = indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
    await storage.transaction('org_a', (tx) => tx.put('post', 'p', { n: 0 }, 0));
    let written: Promise<unknown> | undefined;
    await storage.transaction('org_a', async (tx) => {
      written = tx.put('post', 'p', { n: 1 }, 1);
      void tx.put('post', 'q', { n: 1 }, 0);
    });
    await expect(written).resolves.toMatchObject({ version: 2 });
    expect((await storage.get('org_a', 'post', 'p'))?.data).toEqual({ n: 1 });
    expect((await storage.get('org_a', 'post', 'q'))?.data).toEqual({ n: 1 });
  });

  /** Two tabs on one database; tab A pauses inside a transaction until `release`. */
  const twoTabs = () => {
    const indexedDB = new IDBFactory();
    return [
      indexedDbStorage({ indexedDB, keyRange: IDBKeyRange }),
      indexedDbStorage({ indexedDB, keyRange: IDBKeyRange }),
    ] as const;
  };
  const click = (n: number): DomainEvent =>
    aDomainEvent({
      id: `evt_${n}`,
      organisationId: 'org_a',
      type: 'platform.click',
      entityType: 'share',
      entityId: 'share_1',
      entityVersion: 0,
      data: { n },
    });
  it("answers the storage's own reads inside a transaction's work with the committed state (they do not wait)", async () => {
    const storage = indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
    await storage.transaction('org_a', (tx) => tx.put('post', 'p', { n: 1 }, 0));
    const seen = await storage.transaction('org_a', async (tx) => {
      await tx.put('post', 'p', { n: 2 }, 1);
      await tx.append([click(1)]);
      return [
        (await storage.get('org_a', 'post', 'p'))?.data,
        (await storage.query('org_a', 'post')).map((doc) => doc.data),
        await storage.readEvents('org_a'),
      ];
    });
    expect(seen).toEqual([{ n: 1 }, [{ n: 1 }], []]);
    expect((await storage.get('org_a', 'post', 'p'))?.data).toEqual({ n: 2 });
  });

  const summary = aDomainEvent({
    id: 'evt_summary',
    organisationId: 'org_a',
    type: 'platform.summary',
    entityType: 'organisation',
    entityId: 'org_a',
    entityVersion: 0,
    data: { clicks: 2 },
  });
  const erased = (event: StoredEvent, by: string): StoredEvent =>
    ({ ...event, data: { ...event.data, erasedBy: by } }) as StoredEvent;

  it.each([
    ['removed by a retention run', 'compact'],
    ['rewritten by an erasure', 'replace'],
  ] as const)(
    'reports CONFLICT when an event it rewrites was %s in another tab, and brings nothing back',
    async (_, other) => {
      const [tabA, tabB] = twoTabs();
      await tabA.transaction('org_a', (tx) => tx.append([click(1), click(2), click(3)]));
      const [first, second] = await tabA.readEvents('org_a');
      let release!: () => void;
      const paused = new Promise<void>((resolve) => {
        release = resolve;
      });
      const erasure = tabA.transaction('org_a', async (tx) => {
        await tx.replaceEvents([erased(first!, 'a')]);
        await paused;
      });
      if (other === 'compact')
        await tabB.transaction('org_a', (tx) => tx.compactEvents([first!, second!], summary));
      else await tabB.transaction('org_a', (tx) => tx.replaceEvents([erased(first!, 'b')]));
      release();
      await expect(erasure).rejects.toMatchObject({ code: 'CONFLICT', details: { entityType: 'event' } });
      const events = await tabA.readEvents('org_a');
      if (other === 'compact')
        expect(events.map((e) => [e.seq, e.type])).toEqual([
          [2, 'platform.summary'],
          [3, 'platform.click'],
        ]);
      else expect(events[0]?.data).toMatchObject({ erasedBy: 'b' });
    },
  );

  it('reports CONFLICT when events it compacts were removed in another tab meanwhile', async () => {
    const [tabA, tabB] = twoTabs();
    await tabA.transaction('org_a', (tx) => tx.append([click(1), click(2), click(3)]));
    const [first, second] = await tabA.readEvents('org_a');
    let release!: () => void;
    const paused = new Promise<void>((resolve) => {
      release = resolve;
    });
    const retention = tabA.transaction('org_a', async (tx) => {
      await tx.compactEvents([first!], { ...summary, id: 'evt_summary_a' });
      await paused;
    });
    await tabB.transaction('org_a', (tx) => tx.compactEvents([first!, second!], summary));
    release();
    await expect(retention).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await tabA.readEvents('org_a')).map((e) => e.id)).toEqual(['evt_summary', 'evt_3']);
  });

  it('refuses to open with STORAGE, saying to close other tabs, when an older version is held open elsewhere', async () => {
    const indexedDB = new IDBFactory();
    // An older release's tab: database version 1, no `versionchange` handler, so it never lets go.
    const req = indexedDB.open('social-shift', 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('documents', { keyPath: ['organisationId', 'collection', 'id'] });
    };
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const storage = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    const outcome = await Promise.race([
      storage.open().then(
        () => 'opened',
        (error: unknown) => error,
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 2 s'), 2_000)),
    ]);
    expect(outcome).toMatchObject({
      code: 'STORAGE',
      details: { adapter: 'indexeddb', operation: 'open' },
      message: expect.stringMatching(/close the other tabs and windows of this app, then open again/),
    });
    // Only that advice: not the generic "check the store and retry".
    expect((outcome as Error).message).not.toMatch(/check the store/);
    old.close();
  });

  it('refuses a retried open at once while the older tab still holds on, and opens once it lets go', async () => {
    // The blocked open's request stays queued in the browser: a new request would wait behind it, without a
    // `blocked` event of its own, for as long as the other tab holds the database (a retry button that hangs).
    const indexedDB = new IDBFactory();
    // Version 1's layout, which the queued request upgrades to version 2 once the older tab lets go.
    const req = indexedDB.open('social-shift', 1);
    req.onupgradeneeded = () => createOlderLayout(req.result, 1);
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const storage = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    const held = {
      code: 'STORAGE',
      details: { adapter: 'indexeddb', operation: 'open' },
      message: expect.stringMatching(/close the other tabs and windows of this app, then open again/),
    };
    await expect(storage.open()).rejects.toMatchObject(held);
    await expect(storage.open()).rejects.toMatchObject(held);
    await expect(storage.get('org_a', 'post', 'p')).rejects.toMatchObject(held);
    // So does a new storage of this page on the same database (an app that starts afresh to retry).
    await expect(indexedDbStorage({ indexedDB, keyRange: IDBKeyRange }).open()).rejects.toMatchObject(held);
    // The other tab lets go: the queued request upgrades the database, and the next open goes ahead.
    old.close();
    await vi.waitFor(() => storage.open());
    await storage.transaction('org_a', (tx) => tx.put('post', 'p', { n: 1 }, 0));
    expect((await storage.get('org_a', 'post', 'p'))?.data).toEqual({ n: 1 });
    await storage.close();
  });

  it('refuses to open with STORAGE, saying to reload, a database a newer release upgraded (a stale tab or cache)', async () => {
    const indexedDB = new IDBFactory();
    // A newer release upgraded the database past this adapter's version; this page still runs the older code.
    const req = indexedDB.open('social-shift', 99);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('documents', { keyPath: ['organisationId', 'collection', 'id'] });
    };
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    newer.close();
    const storage = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    const error = await storage.open().then(
      () => 'opened',
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/upgraded by a newer release of this app.*: reload this page/),
    });
    // Nothing was changed: the newer release still finds its database as it left it.
    const names = await indexedDB.databases();
    expect(names).toEqual([{ name: 'social-shift', version: 99 }]);
  });

  it('closes on versionchange so another tab can upgrade, and then answers STORAGE', async () => {
    const indexedDB = new IDBFactory();
    const storage = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    await storage.transaction('org_a', (tx) => tx.put('post', 'p', { n: 1 }, 0));
    // A newer release in another tab opens the database at a higher version.
    const req = indexedDB.open('social-shift', 99);
    const outcome = await Promise.race([
      new Promise((resolve, reject) => {
        req.onsuccess = () => {
          req.result.close();
          resolve('upgraded');
        };
        req.onerror = () => reject(req.error);
      }),
      new Promise((resolve) => setTimeout(() => resolve('blocked'), 2_000)),
    ]);
    expect(outcome).toBe('upgraded');
    await expect(storage.get('org_a', 'post', 'p')).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/another tab or window upgraded/),
    });
    await expect(storage.transaction('org_a', (tx) => tx.put('post', 'q', {}, 0))).rejects.toMatchObject({
      code: 'STORAGE',
    });
  });

  it('closes when another tab deletes the database (a reset), and then answers STORAGE saying so', async () => {
    const indexedDB = new IDBFactory();
    const storage = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange, databaseName: 'programme-1' });
    await storage.transaction('org_a', (tx) => tx.put('post', 'p', { n: 1 }, 0));
    const req = indexedDB.deleteDatabase('programme-1');
    const outcome = await Promise.race([
      new Promise((resolve, reject) => {
        req.onsuccess = () => resolve('deleted');
        req.onerror = () => reject(req.error);
      }),
      new Promise((resolve) => setTimeout(() => resolve('blocked'), 2_000)),
    ]);
    expect(outcome).toBe('deleted');
    await expect(storage.get('org_a', 'post', 'p')).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(
        /another tab or window deleted the IndexedDB database "programme-1".*reload this page/,
      ),
    });
  });

  it('says only to reload, not to retry, when the page must be reloaded', async () => {
    const indexedDB = new IDBFactory();
    const upgraded = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange, databaseName: 'upgraded' });
    const deleted = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange, databaseName: 'deleted' });
    await upgraded.open();
    await deleted.open();
    const newer = indexedDB.open('upgraded', 99);
    await new Promise((resolve) => {
      newer.onsuccess = () => resolve(newer.result.close());
    });
    const removal = indexedDB.deleteDatabase('deleted');
    await new Promise((resolve) => {
      removal.onsuccess = resolve;
    });
    const stale = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange, databaseName: 'upgraded' });
    const errors = await Promise.all(
      [
        upgraded.get('org_a', 'post', 'p'),
        upgraded.transaction('org_a', (tx) => tx.put('post', 'p', {}, 0)),
        deleted.query('org_a', 'post'),
        stale.open(),
      ].map((call) =>
        call.then(
          () => undefined,
          (error: unknown) => error,
        ),
      ),
    );
    for (const error of errors) {
      expect(error).toMatchObject({ code: 'STORAGE', details: { adapter: 'indexeddb' } });
      expect((error as Error).message).toMatch(/reload this page/);
      expect((error as Error).message).not.toMatch(/retry/);
    }
  });

  it('answers STORAGE saying to reload when another tab upgrades while it opens (rebuilding its query keys)', async () => {
    const indexedDB = new IDBFactory();
    const first = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange, indexes: { post: [] } });
    await first.transaction('org_a', async (tx) => {
      for (let i = 0; i < 200; i++) await tx.put('post', `p${i}`, { status: 'draft' }, 0);
    });
    await first.close();
    // Other indexes: this open rebuilds every post's query keys, while a newer release asks to upgrade.
    const storage = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange, indexes: { post: ['status'] } });
    const opening = storage.open().then(
      () => 'opened',
      (error: unknown) => error,
    );
    const req = indexedDB.open('social-shift', 99);
    const upgraded = await Promise.race([
      new Promise((resolve, reject) => {
        req.onsuccess = () => {
          req.result.close();
          resolve('upgraded');
        };
        req.onerror = () => reject(req.error);
      }),
      new Promise((resolve) => setTimeout(() => resolve('blocked'), 2_000)),
    ]);
    expect(upgraded).toBe('upgraded');
    const reload = { code: 'STORAGE', message: expect.stringMatching(/upgraded .*reload this page/) };
    expect(await opening).toMatchObject(reload);
    await expect(storage.get('org_a', 'post', 'p1')).rejects.toMatchObject(reload);
  });

  /**
   * Runs `run` while every read-write transaction's `put` is replaced by `put(tx, store)`'s, on a storage holding one
   * post; then checks that the post `q` the failed commit tried to write is not stored.
   */
  async function withFailingPuts(
    patch: (tx: IDBTransaction, store: IDBObjectStore) => IDBObjectStore['put'],
    run: (storage: ReturnType<typeof indexedDbStorage>) => Promise<void>,
    /** The failure closed the connection: the storage answers no more (the page must be reloaded). */
    lost = false,
  ): Promise<void> {
    const indexedDB = new IDBFactory();
    const storage = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    await storage.transaction('org_a', (tx) => tx.put('post', 'p', { n: 1 }, 0));
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      const tx = original.apply(this, args);
      if (args[1] !== 'readwrite') return tx;
      const objectStore = tx.objectStore.bind(tx);
      tx.objectStore = (name: string) => {
        const store = objectStore(name);
        store.put = patch(tx, store);
        return store;
      };
      return tx;
    } as IDBDatabase['transaction'];
    try {
      await run(storage);
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    if (lost)
      await expect(storage.get('org_a', 'post', 'q')).rejects.toMatchObject({
        code: 'STORAGE',
        message: expect.stringMatching(/reload this page/),
      });
    else expect(await storage.get('org_a', 'post', 'q')).toBeUndefined();
    // A fresh open (a reload) reads what was stored before, unchanged.
    const fresh = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    expect((await fresh.query('org_a', 'post')).map((d) => [d.id, d.data])).toEqual([['p', { n: 1 }]]);
    await fresh.close();
  }

  /** What an IndexedDB failure of a commit must say: nothing was written (a failed IndexedDB transaction is undone). */
  const nothingWritten = {
    code: 'STORAGE',
    details: { adapter: 'indexeddb', operation: 'commit' },
    message: expect.stringMatching(/nothing of this command was written.*[Rr]etry.*reload this page/),
  };

  it("reports a failed write request's own error (the transaction's error is still null while it bubbles)", async () => {
    // Every write request of the commit fails: `add` of a key just added (a ConstraintError on the request).
    const addTwice = (_tx: IDBTransaction, store: IDBObjectStore) => (value: unknown, key?: IDBValidKey) => {
      const request = store.add(value, key);
      store.add(value, key);
      return request;
    };
    await withFailingPuts(addTwice, async (storage) => {
      const error = await storage
        .transaction('org_a', (tx) => tx.put('post', 'q', { n: 2 }, 0))
        .catch((caught: unknown) => caught);
      // A ConstraintError of a commit is a key stored already (a log changed by hand): a retry cannot help.
      expect(error).toMatchObject({
        ...nothingWritten,
        message: expect.stringMatching(
          /nothing of this command was written\. .*changed outside this app.*retrying fails alike.*records of "org_a" in the `events` and `counters`/,
        ),
        cause: expect.objectContaining({ name: 'ConstraintError' }),
      });
      expect((error as Error).message).not.toMatch(/Retry|reload/);
    });
  });

  it('names the ConstraintError of an event it adds, with no unhandled rejection, also when the commit then checks a rewritten event', async () => {
    // The log was changed by hand (an event stored past the counter). The commit of an erasure adds its event, which
    // fails, and then reads the event it rewrites, which fails with a mere AbortError: the answer must still be the
    // ConstraintError's ("retrying fails alike"), and the commit's failure must not escape as an unhandled rejection.
    const indexedDB = new IDBFactory();
    const storage = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    const first = aDomainEvent({ organisationId: 'org_a', id: 'evt_1' });
    const [stored] = await storage.transaction('org_a', (tx) => tx.append([first]));
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('social-shift');
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise((resolve) => {
      const edit = raw.transaction('events', 'readwrite');
      edit.objectStore('events').put({
        organisationId: 'org_a',
        seq: 2,
        id: 'evt_by_hand',
        type: first.type,
        entityId: first.entityId,
        event: JSON.stringify({ ...first, id: 'evt_by_hand', seq: 2 }),
      });
      edit.oncomplete = resolve;
    });
    raw.close();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const error = await storage
        .transaction('org_a', async (tx) => {
          await tx.replaceEvents([{ ...stored!, data: { erased: true } }]);
          await tx.append([aDomainEvent({ organisationId: 'org_a', id: 'evt_2' })]);
        })
        .catch((caught: unknown) => caught);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(error).toMatchObject({
        code: 'STORAGE',
        details: { adapter: 'indexeddb', operation: 'commit' },
        message: expect.stringMatching(
          /failed \(ConstraintError\): nothing of this command was written\. .*retrying fails alike/,
        ),
        cause: expect.objectContaining({ name: 'ConstraintError' }),
      });
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    const events = await storage.readEvents('org_a');
    expect(events.map((event) => event.id)).toEqual(['evt_1', 'evt_by_hand']);
    expect(events[0]?.data).toEqual(first.data);
  });

  it('reports the abort when the browser aborts the commit while it checks versions (its connection lost)', async () => {
    // The browser aborts the commit between its reads (the connection was closed under it, site data cleared):
    // the error is the abort, not the InvalidStateError of aborting a finished transaction, and none is unhandled.
    const abortOnRead = (tx: IDBTransaction, store: IDBObjectStore) => {
      const get = store.get.bind(store);
      store.get = (key: IDBValidKey | IDBKeyRange) => {
        const request = get(key);
        tx.abort();
        return request;
      };
      return store.put.bind(store);
    };
    await withFailingPuts(abortOnRead, async (storage) => {
      await expect(
        storage.transaction('org_a', (tx) => tx.put('post', 'q', { n: 2 }, 0)),
      ).rejects.toMatchObject({ ...nothingWritten, cause: expect.objectContaining({ name: 'AbortError' }) });
    });
  });

  it('says only to reload when the browser closes the connection during the commit (its abort comes before `close`)', async () => {
    // Chromium, when this site's data is cleared while a commit runs, aborts it with an UnknownError "Connection is
    // closing because of: ..." and fires the connection's `close` event only later: a retry cannot help then.
    const closedUnder = (tx: IDBTransaction, store: IDBObjectStore) => {
      const closing = new DOMException(
        'Connection is closing because of: Force close delete origin',
        'UnknownError',
      );
      Object.defineProperty(tx, 'error', { get: () => closing, set: () => undefined, configurable: true });
      const put = store.put.bind(store);
      return (value: unknown, key?: IDBValidKey) => {
        const request = put(value, key);
        tx.abort();
        return request;
      };
    };
    await withFailingPuts(
      closedUnder,
      async (storage) => {
        const error = await storage
          .transaction('org_a', (tx) => tx.put('post', 'q', { n: 2 }, 0))
          .catch((caught: unknown) => caught);
        expect(error).toMatchObject({
          code: 'STORAGE',
          details: { adapter: 'indexeddb', operation: 'use' },
          message: expect.stringMatching(
            /the browser closed the IndexedDB database "social-shift" .*: reload this page\. Nothing of this command was written\.$/,
          ),
          cause: expect.objectContaining({ name: 'UnknownError' }),
        });
        expect((error as Error).message).not.toMatch(/[Rr]etry/);
      },
      true,
    );
  });

  it('says only to reload, not to retry, when the browser cuts off a read as it closes the connection (`close` comes after)', async () => {
    // Chromium, when this site's data is cleared while a read runs, may fail the read with a bare AbortError (no
    // transaction error yet) and fire the connection's `close` event a moment later: a retry cannot help then either.
    const indexedDB = new IDBFactory();
    const storage = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    await storage.transaction('org_a', (tx) => tx.put('post', 'p', { n: 1 }, 0));
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      const tx = original.apply(this, args);
      const objectStore = tx.objectStore.bind(tx);
      tx.objectStore = (name: string) => {
        const store = objectStore(name);
        const getAll = store.getAll.bind(store);
        store.getAll = (...query: Parameters<IDBObjectStore['getAll']>) => {
          const request = getAll(...query);
          tx.abort();
          setTimeout(() => forceCloseDatabase(this as never), 20);
          return request;
        };
        return store;
      };
      return tx;
    } as IDBDatabase['transaction'];
    let error: unknown;
    try {
      error = await storage.query('org_a', 'post').catch((caught: unknown) => caught);
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    expect(error).toMatchObject({
      code: 'STORAGE',
      details: { adapter: 'indexeddb', operation: 'use' },
      message: expect.stringMatching(
        /the browser closed the IndexedDB database "social-shift" .*: reload this page\. Nothing of this command was written\.$/,
      ),
      cause: expect.objectContaining({ name: 'AbortError' }),
    });
    expect((error as Error).message).not.toMatch(/[Rr]etry/);
  });

  it('says the browser ran out of room (QuotaExceededError), with STORAGE, and writes nothing', async () => {
    // The browser aborts a commit that does not fit in the site's quota with a QuotaExceededError.
    const abortOverQuota = (tx: IDBTransaction, store: IDBObjectStore) => {
      const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      Object.defineProperty(tx, 'error', { get: () => quota, set: () => undefined, configurable: true });
      const put = store.put.bind(store);
      return (value: unknown, key?: IDBValidKey) => {
        const request = put(value, key);
        tx.abort();
        return request;
      };
    };
    await withFailingPuts(abortOverQuota, async (storage) => {
      await expect(
        storage.transaction('org_a', (tx) => tx.put('post', 'q', { n: 2 }, 0)),
      ).rejects.toMatchObject({
        code: 'STORAGE',
        message: expect.stringMatching(/no room left.*navigator\.storage/),
        cause: expect.objectContaining({ name: 'QuotaExceededError' }),
      });
    });
  });

  it('says how to fix a missing IndexedDB or IDBKeyRange', async () => {
    // No `fake-indexeddb/auto` in this file: Node has neither global.
    const missing = await indexedDbStorage()
      .open()
      .catch((error: unknown) => error);
    expect(missing).toMatchObject({
      code: 'STORAGE',
      details: { adapter: 'indexeddb', operation: 'open' },
      message: expect.stringMatching(
        /IndexedDB is not available here: .*normal window.*site data.*in Node, pass `indexedDB`/,
      ),
    });
    expect((missing as Error).message).not.toMatch(/check the store|retry/);
    // No global IDBKeyRange either: an `indexedDB` without `keyRange` is refused when the storage is created, not at
    // its first query.
    expect(() => indexedDbStorage({ indexedDB: new IDBFactory() })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringMatching(/^Invalid keyRange: .*pass `keyRange`.*IDBKeyRange.*with `indexedDB`/),
        details: { issues: [expect.objectContaining({ path: ['keyRange'] })] },
      }),
    );
  });

  it.each([
    ['an object', {}],
    ['a number', 42],
    ['empty', ''],
    ['null', null],
  ])('refuses a `databaseName` that is %s with VALIDATION naming the option', (_, databaseName) => {
    expect(() =>
      indexedDbStorage({
        databaseName: databaseName as unknown as string,
        indexedDB: new IDBFactory(),
        keyRange: IDBKeyRange,
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringMatching(/^Invalid databaseName: .*non-empty string/),
        details: { issues: [expect.objectContaining({ path: ['databaseName'] })] },
      }),
    );
  });

  it('refuses options that are not an object (null) with VALIDATION, not a TypeError', () => {
    expect(() => indexedDbStorage(null as never)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(/^Invalid options: /) }),
    );
  });

  /** A factory whose `open` fails as a browser's does: `fail` throws at once, or names the request's error. */
  const refusingFactory = (fail: () => DOMException | never): IDBFactory =>
    ({
      open() {
        const error = fail();
        const req = { error: null as DOMException | null, onerror: null as (() => void) | null };
        setTimeout(() => {
          req.error = error;
          req.onerror?.();
        });
        return req;
      },
    }) as unknown as IDBFactory;

  it.each([
    [
      'may not use IndexedDB at all (a sandboxed frame, a file: page): open throws a SecurityError',
      () => {
        throw new DOMException(
          'access to the Indexed Database API is denied in this context.',
          'SecurityError',
        );
      },
      /this page may not use IndexedDB \(SecurityError: .*\): open this app from its own web address in a normal window/,
    ],
    [
      'refuses the database (site data blocked, a private window of an older browser): UnknownError',
      () => new DOMException('The user denied permission to access the database.', 'UnknownError'),
      /the browser refused to open the IndexedDB database "social-shift" \(UnknownError: The user denied .*\): allow site data .* normal window .* then reload this page/,
    ],
    [
      'has no room to create the database: QuotaExceededError',
      () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      /no room left .*QuotaExceededError.*Free space on the device/,
    ],
  ])('answers STORAGE that says what to do when the browser %s', async (_, fail, advice) => {
    const error = await indexedDbStorage({ indexedDB: refusingFactory(fail), keyRange: IDBKeyRange })
      .open()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'STORAGE',
      details: { adapter: 'indexeddb', operation: 'open' },
      message: expect.stringMatching(advice),
      cause: expect.objectContaining({ name: expect.any(String) }),
    });
    expect((error as Error).message).not.toMatch(/check the store|\.\./);
  });

  it('says IndexedDB may not be used here when reading the global indexedDB throws (site data blocked)', async () => {
    const denied = new DOMException('The operation is insecure.', 'SecurityError');
    Object.defineProperty(globalThis, 'indexedDB', {
      get: () => {
        throw denied;
      },
      configurable: true,
    });
    try {
      await expect(indexedDbStorage({ keyRange: IDBKeyRange }).open()).rejects.toMatchObject({
        code: 'STORAGE',
        message: expect.stringMatching(/this page may not use IndexedDB \(SecurityError/),
        cause: denied,
      });
    } finally {
      delete (globalThis as { indexedDB?: unknown }).indexedDB;
    }
  });

  it.each([
    ['an empty object', {}],
    ['an object without open()', { open: 'social-shift' }],
    ['null', null],
  ])('refuses an `indexedDB` option that is %s with VALIDATION naming the option', (_, indexedDB) => {
    const made = () =>
      indexedDbStorage({ indexedDB: indexedDB as unknown as IDBFactory, keyRange: IDBKeyRange });
    expect(made).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringMatching(/`indexedDB`.*IDBFactory.*new IDBFactory\(\)/),
        details: { issues: [expect.objectContaining({ path: ['indexedDB'] })] },
      }),
    );
  });

  it('refuses a `keyRange` option without bound() with VALIDATION naming the option', () => {
    const made = () => indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: {} as typeof IDBKeyRange });
    expect(made).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: { issues: [expect.objectContaining({ path: ['keyRange'] })] },
      }),
    );
  });

  it("does not blame the page when the factory's open throws a developer's error (a TypeError), but names the option", async () => {
    const wrong = {
      open() {
        throw new TypeError('this.backend is undefined');
      },
    } as unknown as IDBFactory;
    const error = await indexedDbStorage({ indexedDB: wrong, keyRange: IDBKeyRange })
      .open()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'STORAGE',
      details: { adapter: 'indexeddb', operation: 'open' },
      message: expect.stringMatching(/\(TypeError: this\.backend is undefined\).*`indexedDB`/),
      cause: expect.any(TypeError),
    });
    expect((error as Error).message).not.toMatch(/may not use IndexedDB|cookies|sandboxed/);
  });

  it("gives advice a user can follow when the browser's own open() throws something unexpected (no option passed)", async () => {
    const thrown = new TypeError('Internal failure in the browser');
    Object.defineProperty(globalThis, 'indexedDB', {
      value: {
        open() {
          throw thrown;
        },
      },
      configurable: true,
    });
    try {
      const error = await indexedDbStorage({ keyRange: IDBKeyRange })
        .open()
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: 'STORAGE',
        details: { adapter: 'indexeddb', operation: 'open' },
        message: expect.stringMatching(
          /\(TypeError: Internal failure in the browser\).*reload this page.*normal window.*maintainers/,
        ),
        cause: thrown,
      });
      expect((error as Error).message).not.toMatch(/option|IDBFactory/);
    } finally {
      delete (globalThis as { indexedDB?: unknown }).indexedDB;
    }
  });

  it('does not say "(null)" when the browser refuses to open without an error', async () => {
    const error = await indexedDbStorage({
      indexedDB: refusingFactory(() => null as never),
      keyRange: IDBKeyRange,
    })
      .open()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'STORAGE', message: expect.stringMatching(/refused to open/) });
    expect((error as Error).message).not.toMatch(/null/);
  });

  it('says the open failed, not "a commit", when rebuilding the query keys fails', async () => {
    const original = IDBObjectStore.prototype.openCursor;
    IDBObjectStore.prototype.openCursor = () => {
      throw new DOMException('Internal error.', 'UnknownError');
    };
    try {
      const error = await indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange })
        .open()
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: 'STORAGE',
        // An operation of its own: a UI can tell it from an open the browser refuses (site data blocked, say).
        details: { adapter: 'indexeddb', operation: 'rebuild query keys' },
        message: expect.stringMatching(/query keys.*\(UnknownError: Internal error\).*nothing was changed/),
      });
      expect((error as Error).message).not.toMatch(/commit|this command/);
    } finally {
      IDBObjectStore.prototype.openCursor = original;
    }
  });

  it('says which organisations were migrated when the browser aborts the migration of a later one, and opening again finishes it', async () => {
    const indexedDB = new IDBFactory();
    const old = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    for (const organisationId of ['org_a', 'org_b', 'org_c'])
      await old.transaction(organisationId, (tx) => tx.put('post', 'p', { n: 1 }, 0));
    await old.close();
    const options = {
      indexedDB,
      keyRange: IDBKeyRange,
      schemaVersion: CURRENT_SCHEMA_VERSION + 1,
      migrations: [
        {
          from: CURRENT_SCHEMA_VERSION,
          description: 'mark',
          up: (_: string, data: JsonObject) => ({ ...data, m: true }),
        },
      ],
    };
    // The browser fails the write of org_b's migrated post (a damaged store: Chromium's UnknownError).
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if ((value as { organisationId?: string }).organisationId === 'org_b' && this.name === 'documents')
        throw new DOMException('boom', 'UnknownError');
      return original.call(this, value, key);
    };
    let error: unknown;
    try {
      error = await indexedDbStorage(options)
        .open()
        .catch((caught: unknown) => caught);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(error).toMatchObject({
      code: 'STORAGE',
      details: { adapter: 'indexeddb', operation: 'write migrated documents' },
      message: expect.stringMatching(
        /migrated documents of "org_b".*\(UnknownError: boom\).*1 organisation migrated before it stays migrated.*[Oo]pen the storage again/,
      ),
      cause: expect.objectContaining({ name: 'UnknownError' }),
    });
    expect((error as Error).message).not.toMatch(/nothing of this command|a commit/);
    // org_a was migrated, org_b and org_c not; opening again migrates the rest.
    const storage = indexedDbStorage(options);
    for (const organisationId of ['org_a', 'org_b', 'org_c'])
      expect((await storage.get(organisationId, 'post', 'p'))?.data).toEqual({ n: 1, m: true });
    await storage.close();
  });

  it('names the organisation and the ones migrated before it when another tab upgrades the database during a migration', async () => {
    const indexedDB = new IDBFactory();
    const old = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    for (const organisationId of ['org_a', 'org_b', 'org_c'])
      await old.transaction(organisationId, (tx) => tx.put('post', 'p', { n: 1 }, 0));
    await old.close();
    // While org_a's migrated post is written, a newer release in another tab opens the database at version 4.
    let newer: IDBOpenDBRequest | undefined;
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if ((value as { organisationId?: string }).organisationId === 'org_a' && this.name === 'documents')
        newer ??= indexedDB.open('social-shift', 4);
      return original.call(this, value, key);
    };
    let error: unknown;
    try {
      error = await indexedDbStorage({
        indexedDB,
        keyRange: IDBKeyRange,
        schemaVersion: CURRENT_SCHEMA_VERSION + 1,
        migrations: [
          {
            from: CURRENT_SCHEMA_VERSION,
            description: 'mark',
            up: (_: string, data: JsonObject) => ({ ...data, m: true }),
          },
        ],
      })
        .open()
        .catch((caught: unknown) => caught);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(error).toMatchObject({
      code: 'STORAGE',
      details: { adapter: 'indexeddb', operation: 'write migrated documents' },
      message: expect.stringMatching(
        /migrated documents of "org_b".*another tab or window upgraded the IndexedDB database: reload this page\. They were not written, while the 1 organisation migrated before it stays migrated; .*migrates the rest/,
      ),
    });
    expect((error as Error).message).not.toMatch(/[Nn]othing of this command/);
    // The newer release got its upgrade, with org_a's post migrated and org_b's not.
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      newer!.onsuccess = () => resolve(newer!.result);
      newer!.onerror = () => reject(newer!.error);
    });
    const stored = await new Promise<{ organisationId: string; data: string }[]>((resolve) => {
      const all = upgraded.transaction('documents').objectStore('documents').getAll();
      all.onsuccess = () => resolve(all.result);
    });
    upgraded.close();
    expect(stored.map((r) => [r.organisationId, JSON.parse(r.data)])).toEqual([
      ['org_a', { n: 1, m: true }],
      ['org_b', { n: 1 }],
      ['org_c', { n: 1 }],
    ]);
  });

  it("says the same when the next organisation's read finds the connection lost during a migration", async () => {
    const indexedDB = new IDBFactory();
    const old = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    for (const organisationId of ['org_a', 'org_b'])
      await old.transaction(organisationId, (tx) => tx.put('post', 'p', { n: 1 }, 0));
    await old.close();
    // The versionchange arrives at once, while org_a's migrated post is written: org_a commits, org_b's read fails.
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const request = original.call(this, value, key);
      if ((value as { organisationId?: string }).organisationId === 'org_a' && this.name === 'documents') {
        const db = this.transaction.db;
        db.onversionchange?.call(
          db,
          new IDBVersionChangeEvent('versionchange', { oldVersion: 3, newVersion: 4 }),
        );
      }
      return request;
    };
    let error: unknown;
    try {
      error = await indexedDbStorage({
        indexedDB,
        keyRange: IDBKeyRange,
        schemaVersion: CURRENT_SCHEMA_VERSION + 1,
        migrations: [
          { from: CURRENT_SCHEMA_VERSION, description: 'same', up: (_: string, data: JsonObject) => data },
        ],
      })
        .open()
        .catch((caught: unknown) => caught);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(error).toMatchObject({
      code: 'STORAGE',
      details: { adapter: 'indexeddb', operation: 'write migrated documents' },
      message: expect.stringMatching(
        /migrated documents of "org_b".*upgraded the IndexedDB database: reload this page\. They were not written, while the 1 organisation migrated before it stays migrated/,
      ),
    });
  });

  it('says nothing was migrated when the first organisation fails', async () => {
    const indexedDB = new IDBFactory();
    const old = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    await old.transaction('org_a', (tx) => tx.put('post', 'p', { n: 1 }, 0));
    await old.close();
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'documents') throw new DOMException('boom', 'UnknownError');
      return original.call(this, value, key);
    };
    try {
      const storage = indexedDbStorage({
        indexedDB,
        keyRange: IDBKeyRange,
        schemaVersion: CURRENT_SCHEMA_VERSION + 1,
        migrations: [
          { from: CURRENT_SCHEMA_VERSION, description: 'same', up: (_: string, data: JsonObject) => data },
        ],
      });
      await expect(storage.open()).rejects.toMatchObject({
        code: 'STORAGE',
        message: expect.stringMatching(
          /migrated documents of "org_a".*no organisation was migrated.*[Oo]pen the storage again/,
        ),
      });
    } finally {
      IDBObjectStore.prototype.put = original;
    }
  });

  it('says nothing was written when a read of the commit fails, and a fresh open reads the data as it was', async () => {
    // A request of the commit fails (a damaged store, say: Chromium's UnknownError on a read).
    const failOnRead = (_tx: IDBTransaction, store: IDBObjectStore) => {
      const get = store.get.bind(store);
      store.get = (key: IDBValidKey | IDBKeyRange) => {
        const failing = {
          error: new DOMException('Internal error.', 'UnknownError'),
          onsuccess: null,
          onerror: null as (() => void) | null,
        };
        get(key).onsuccess = () => failing.onerror?.();
        return failing as unknown as IDBRequest;
      };
      return store.put.bind(store);
    };
    await withFailingPuts(failOnRead, async (storage) => {
      const error = await storage
        .transaction('org_a', (tx) => tx.put('post', 'q', { n: 2 }, 0))
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        ...nothingWritten,
        cause: expect.objectContaining({ name: 'UnknownError' }),
      });
      expect((error as Error).message).not.toMatch(/may or may not/);
    });
  });

  it('upgrades a version 1 database and indexes the documents it holds', async () => {
    // The layout of version 1, written with the raw API: no `meta` store, query keys for no field.
    const indexedDB = new IDBFactory();
    const legacy = await openRaw(indexedDB, 'legacy', 1, (db) => createOlderLayout(db, 1));
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
    await committed(tx);
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

  it('upgrades a version 2 database and migrates its older documents, found by the new schemaVersion index', async () => {
    const indexedDB = new IDBFactory();
    // The layout of version 2: version 1's stores and `meta`, no `schemaVersion` index.
    const v2 = await openRaw(indexedDB, 'social-shift', 2, (db) => createOlderLayout(db, 2));
    const tx = v2.transaction('documents', 'readwrite');
    for (const [organisationId, id] of [
      ['org_a', 'p1'],
      ['org_a', 'p2'],
      ['org_b', 'p1'],
    ])
      tx.objectStore('documents').put({
        organisationId,
        collection: 'post',
        id,
        version: 1,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        data: JSON.stringify({ n: 1 }),
        q: [],
      });
    await committed(tx);
    v2.close();

    const storage = indexedDbStorage({
      indexedDB,
      keyRange: IDBKeyRange,
      schemaVersion: CURRENT_SCHEMA_VERSION + 1,
      migrations: [
        {
          from: CURRENT_SCHEMA_VERSION,
          description: 'mark',
          up: (_: string, data: JsonObject) => ({ ...data, m: 1 }),
        },
      ],
    });
    await storage.open();
    for (const [organisationId, id] of [
      ['org_a', 'p1'],
      ['org_a', 'p2'],
      ['org_b', 'p1'],
    ])
      expect(await storage.get(organisationId as string, 'post', id as string)).toMatchObject({
        data: { n: 1, m: 1 },
        schemaVersion: CURRENT_SCHEMA_VERSION + 1,
      });
    await storage.close();
  });

  it('reads no document when it opens a database whose documents are all at the current schema version', async () => {
    // Every open asks for the documents to migrate: it walked them all (2.1 s in Chromium at 100,000 documents).
    const indexedDB = new IDBFactory();
    const first = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    await first.transaction('org_a', async (tx) => {
      for (let i = 0; i < 50; i++) await tx.put('post', `p${i}`, { status: 'draft' }, 0);
    });
    await first.close();
    const read: string[] = [];
    const cursor = IDBObjectStore.prototype.openCursor;
    const getAll = IDBIndex.prototype.getAll;
    IDBObjectStore.prototype.openCursor = function (this: IDBObjectStore, ...args) {
      read.push(`cursor on ${this.name}`);
      return cursor.apply(this, args);
    };
    IDBIndex.prototype.getAll = function (this: IDBIndex, ...args) {
      const request = getAll.apply(this, args);
      request.addEventListener('success', () => {
        if ((request.result as unknown[]).length > 0) read.push(`${request.result.length} by ${this.name}`);
      });
      return request;
    };
    try {
      const again = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
      await again.open();
      expect(read).toEqual([]);
      expect((await again.query('org_a', 'post', { where: { status: 'draft' } })).length).toBe(50);
      await again.close();
    } finally {
      IDBObjectStore.prototype.openCursor = cursor;
      IDBIndex.prototype.getAll = getAll;
    }
  });

  it('opens, and indexes the rest, when one stored document is not JSON (edited by hand) while it rebuilds query keys', async () => {
    const indexedDB = new IDBFactory();
    const before = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange, indexes: {} });
    await before.transaction('org_a', (tx) => tx.put('post', 'p', { status: 'draft' }, 0));
    await before.close();
    const req = indexedDB.open('social-shift', 3);
    const raw = await new Promise<IDBDatabase>((resolve) => {
      req.onsuccess = () => resolve(req.result);
    });
    const write = raw.transaction(['documents'], 'readwrite');
    write.objectStore('documents').put({
      organisationId: 'org_a',
      collection: 'post',
      id: 'broken',
      version: 1,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      data: '{"status": "draft",',
    });
    await new Promise((resolve) => {
      write.oncomplete = resolve;
    });
    raw.close();
    // Other indexes (the SDK's own): this open rebuilds every post's query keys.
    const storage = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange });
    const opened = await Promise.race([
      storage.open().then(
        () => 'opened',
        (error: unknown) => error,
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 2 s'), 2_000)),
    ]);
    expect(opened).toBe('opened');
    const drafts = await storage.query('org_a', 'post', { where: { status: 'draft' } });
    expect(drafts.map((doc) => doc.id)).toEqual(['p']);
    await storage.close();
  });

  it('finds documents another tab wrote with other indexes (an older release still open), in both tabs', async () => {
    // Tab A runs a release that indexes no post field; tab B a newer one that indexes `status`. B opens second and
    // rebuilds the query keys; A then writes posts with its own keys. B's indexed lookup missed them.
    const indexedDB = new IDBFactory();
    const older = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange, indexes: { post: [] } });
    await older.transaction('org_a', (tx) => tx.put('post', 'p1', { status: 'draft' }, 0));
    const newer = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange, indexes: { post: ['status'] } });
    await newer.transaction('org_a', (tx) => tx.put('post', 'p2', { status: 'draft' }, 0));
    await older.transaction('org_a', (tx) => tx.put('post', 'p3', { status: 'draft' }, 0));
    const drafts = async (storage: typeof older) => {
      const outside = await storage.query('org_a', 'post', { where: { status: 'draft' } });
      const inside = await storage.transaction('org_a', (tx) =>
        tx.query('post', { where: { status: 'draft' } }),
      );
      return [outside.map((row) => row.id), inside.map((row) => row.id)];
    };
    const all = ['p1', 'p2', 'p3'];
    expect(await drafts(newer)).toEqual([all, all]);
    expect(await drafts(older)).toEqual([all, all]);
    // Written again by the newer release after the older one wrote: still found by both.
    await newer.transaction('org_a', (tx) => tx.put('post', 'p4', { status: 'draft' }, 0));
    expect(await drafts(newer)).toEqual([
      [...all, 'p4'],
      [...all, 'p4'],
    ]);
    // Opened again (the page reloaded), the keys are rebuilt and the index serves the lookup once more.
    await newer.close();
    const reloaded = indexedDbStorage({ indexedDB, keyRange: IDBKeyRange, indexes: { post: ['status'] } });
    expect(await drafts(reloaded)).toEqual([
      [...all, 'p4'],
      [...all, 'p4'],
    ]);
    await older.close();
    await reloaded.close();
  });

  it('answers a query with limit 0 without reading the collection', async () => {
    const storage = indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
    await storage.transaction('org_a', async (tx) => {
      for (let i = 0; i < 5; i++) await tx.put('note', `n${i}`, { i }, 0);
    });
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    try {
      expect(await storage.query('org_a', 'note', { limit: 0 })).toEqual([]);
      expect(await storage.query('org_a', 'note', { where: { i: 1 }, limit: 0 })).toEqual([]);
      expect(getAll).not.toHaveBeenCalled();
      // Inside a transaction too, where staged writes are merged in: none of them is an answer either.
      await storage.transaction('org_a', async (tx) => {
        await tx.put('note', 'n9', { i: 9 }, 0);
        expect(await tx.query('note', { limit: 0 })).toEqual([]);
        expect(await tx.query('note', { where: { i: 9 }, limit: 0 })).toEqual([]);
      });
      expect(getAll).not.toHaveBeenCalled();
    } finally {
      getAll.mockRestore();
    }
  });

  it('answers readEvents with no types (types: []) without reading the event log', async () => {
    // The answer was right, but it came from a walk of the whole log in batches, which matched nothing.
    const storage = indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
    await storage.transaction('org_a', (tx) =>
      tx.append([aDomainEvent({ organisationId: 'org_a' }), aDomainEvent({ organisationId: 'org_a' })]),
    );
    const storeGetAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const indexGetAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    try {
      expect(await storage.readEvents('org_a', { types: [] })).toEqual([]);
      expect(await storage.readEvents('org_a', { types: [], entityId: 'x', after: 1 })).toEqual([]);
      expect([storeGetAll.mock.calls.length, indexGetAll.mock.calls.length]).toEqual([0, 0]);
    } finally {
      storeGetAll.mockRestore();
      indexGetAll.mockRestore();
    }
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
