import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aDomainEvent } from '@social-shift/core/testing';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { sqliteCapabilities, sqliteStorage } from './sqlite.js';
import { describeStorageConformance } from './testing/index.js';

describeStorageConformance({
  name: 'sqlite (:memory:, with a read cache)',
  capabilities: { ...sqliteCapabilities, persistent: false },
  async createStore() {
    // One in-memory database per case, kept open across `open()` calls so migrations can reopen it. A given
    // database has no read cache by default: this run turns it on, small, so the cache answers (and forgets)
    // under every group of the suite; the file run below has the default cache of a file.
    const database = new Database(':memory:');
    return {
      open: async (options) => sqliteStorage({ ...options, database, cacheSize: 50 }),
      dispose: async () => {
        database.close();
      },
    };
  },
});

describeStorageConformance({
  name: 'sqlite (:memory: in a buffer, the memdb VFS)',
  capabilities: { ...sqliteCapabilities, persistent: false },
  async createStore() {
    // How `sqliteStorage()` opens `:memory:` by default (ADR 046): an empty database image deserialised.
    const database = new Database(new Database(':memory:').serialize());
    return {
      open: async (options) => sqliteStorage({ ...options, database }),
      dispose: async () => {
        database.close();
      },
    };
  },
});

describeStorageConformance({
  name: 'sqlite (file)',
  capabilities: sqliteCapabilities,
  async createStore() {
    const dir = mkdtempSync(join(tmpdir(), 'social-shift-sqlite-'));
    const filename = join(dir, 'store.db');
    return {
      open: async (options) => sqliteStorage({ ...options, filename }),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});

describe('sqlite storage', () => {
  it.each(['buffer', 'page-cache'] as const)(
    'keeps documents and events in :memory: (%s)',
    async (memory) => {
      const storage = sqliteStorage({ memory });
      await storage.transaction('org_a', async (tx) => {
        await tx.put('post', 'p', { title: 'A' }, 0);
        await tx.append([
          {
            id: 'evt_1',
            organisationId: 'org_a',
            type: 'post.created',
            at: '2026-03-02T09:00:00.000Z',
            actorId: 'person_1',
            entityType: 'post',
            entityId: 'p',
            entityVersion: 1,
            data: {},
          },
        ]);
      });
      await storage.transaction('org_a', (tx) => tx.put('post', 'p', { title: 'B' }, 1));
      expect((await storage.get('org_a', 'post', 'p'))?.data).toEqual({ title: 'B' });
      expect((await storage.readEvents('org_a')).map((e) => e.seq)).toEqual([1]);
      await storage.close();
    },
  );

  it('uses WAL on a file and its own prefixed tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'social-shift-sqlite-'));
    try {
      const filename = join(dir, 'store.db');
      const storage = sqliteStorage({ filename, tablePrefix: 'ss_' });
      await storage.transaction('org_a', (tx) => tx.put('post', 'p', { title: 'A' }, 0));
      await storage.close();
      const db = new Database(filename, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all();
      expect(tables).toEqual(['ss_documents', 'ss_events']);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers where filters on the SDK’s queried fields from an index', async () => {
    const database = new Database(':memory:');
    const storage = sqliteStorage({ database });
    await storage.transaction('org_a', async (tx) => {
      for (let i = 0; i < 50; i++)
        await tx.put('offer', `o${i}`, { publisherId: `p${i % 5}`, status: 'offered' }, 0);
    });
    const plans: string[] = [];
    const prepare = database.prepare.bind(database);
    database.prepare = ((sql: string) => {
      plans.push(
        (
          prepare(`EXPLAIN QUERY PLAN ${sql}`).all(
            ...sql
              .split('?')
              .slice(1)
              .map(() => 'x'),
          ) as { detail: string }[]
        )
          .map((r) => r.detail)
          .join(),
      );
      return prepare(sql);
    }) as typeof database.prepare;
    expect(
      (await storage.query('org_a', 'offer', { where: { publisherId: 'p3' } })).map((d) => d.id),
    ).toEqual(['o13', 'o18', 'o23', 'o28', 'o3', 'o33', 'o38', 'o43', 'o48', 'o8']);
    await storage.query('org_a', 'offer', { where: { status: 'offered', publisherId: 'p1' } });
    // A post leaving circulation expires its offers; a tracked click finds its share by the publisher's token.
    await storage.query('org_a', 'offer', { where: { postId: 'post_1' } });
    await storage.query('org_a', 'share', {
      where: { sharerToken: 'tok_abcdefgh', postId: 'post_1', platform: 'linkedin' },
    });
    expect(plans).toEqual([
      expect.stringContaining('USING INDEX social_shift_offer_publisherId'),
      expect.stringContaining('USING INDEX social_shift_offer_publisherId'),
      expect.stringContaining('USING INDEX social_shift_offer_postId'),
      expect.stringContaining('USING INDEX social_shift_share_sharerToken'),
    ]);
    await storage.close();
    database.close();
  });

  it('reads an entity’s events (history, a share’s figures) from the entity index, not by walking the log', async () => {
    const database = new Database(':memory:');
    const storage = sqliteStorage({ database });
    const event = (i: number) => ({
      id: `evt_${i}`,
      organisationId: 'org_a',
      type: 'platform.click' as const,
      at: '2026-03-02T09:00:00.000Z',
      actorId: 'person_1',
      entityType: 'share' as const,
      entityId: `share_${i % 10}`,
      entityVersion: 1,
      data: {},
    });
    await storage.transaction('org_a', (tx) => tx.append(Array.from({ length: 50 }, (_, i) => event(i))));
    const plans: string[] = [];
    const prepare = database.prepare.bind(database);
    database.prepare = ((sql: string) => {
      if (sql.includes('social_shift_events'))
        plans.push(
          (
            prepare(`EXPLAIN QUERY PLAN ${sql}`).all(
              ...sql
                .split('?')
                .slice(1)
                .map(() => 1),
            ) as { detail: string }[]
          )
            .map((r) => r.detail)
            .join(),
        );
      return prepare(sql);
    }) as typeof database.prepare;
    const seqs = async (query: Parameters<typeof storage.readEvents>[1]) =>
      (await storage.readEvents('org_a', query)).map((e) => e.seq);
    expect(await seqs({ entityId: 'share_3' })).toEqual([4, 14, 24, 34, 44]);
    expect(await seqs({ entityId: 'share_3', after: 14, types: ['platform.click'], limit: 2 })).toEqual([
      24, 34,
    ]);
    expect(plans).toEqual([
      expect.stringContaining('USING INDEX social_shift_events_entity (organisation_id=? AND entity_id=?'),
      expect.stringContaining('USING INDEX social_shift_events_entity (organisation_id=? AND entity_id=?'),
    ]);
    await storage.close();
    database.close();
  });

  it('rejects a table prefix that is not a safe identifier', () => {
    expect(() => sqliteStorage({ tablePrefix: 'x; DROP TABLE y' })).toThrow(/tablePrefix/);
  });

  /** `make` throws a VALIDATION error whose message matches `pattern`. */
  const validation = (make: () => unknown, pattern: RegExp) =>
    expect(make).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(pattern) }),
    );

  it('refuses a table prefix SQLite keeps for itself (sqlite_) with VALIDATION', () => {
    validation(() => sqliteStorage({ tablePrefix: 'sqlite_' }), /sqlite_/);
    validation(() => sqliteStorage({ tablePrefix: 'SQLite_x' }), /sqlite_/);
  });

  it('refuses a busy timeout that is not a whole number from 0 to 2^31-1 with VALIDATION', () => {
    for (const busyTimeoutMs of [Number.NaN, Number.POSITIVE_INFINITY, -5, 2.7, 1e21, 2 ** 31]) {
      validation(() => sqliteStorage({ busyTimeoutMs }), /busyTimeoutMs/);
    }
    validation(() => sqliteStorage({ busyTimeoutMs: '1' as unknown as number }), /busyTimeoutMs/);
    expect(() => sqliteStorage({ busyTimeoutMs: 0 })).not.toThrow();
    expect(() => sqliteStorage({ busyTimeoutMs: 2 ** 31 - 1 })).not.toThrow();
  });

  it('refuses a memory mode other than buffer or page-cache with VALIDATION', () => {
    for (const memory of ['ram', 'Buffer', '', 1, null]) {
      expect(() => sqliteStorage({ memory: memory as never })).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: expect.stringMatching(/memory.*'buffer'.*'page-cache'/),
          details: { issues: [expect.objectContaining({ path: ['memory'] })] },
        }),
      );
    }
    expect(() => sqliteStorage({ memory: 'buffer' })).not.toThrow();
    expect(() => sqliteStorage({ memory: 'page-cache' })).not.toThrow();
  });

  it('refuses filename and database together with VALIDATION, as one of them would be ignored', () => {
    const database = new Database(':memory:');
    try {
      expect(() => sqliteStorage({ filename: 'social-shift.db', database })).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: expect.stringMatching(/either filename .* or database .*not both/),
          details: {
            issues: [
              expect.objectContaining({ path: ['filename'] }),
              expect.objectContaining({ path: ['database'] }),
            ],
          },
        }),
      );
      expect(() => sqliteStorage({ filename: ':memory:', database })).toThrow(/not both/);
      expect(() => sqliteStorage({ database })).not.toThrow();
      validation(() => sqliteStorage({ filename: 5 as unknown as string }), /filename/);
    } finally {
      database.close();
    }
  });

  it('refuses an empty filename with VALIDATION: it would open a temporary database, deleted on close', () => {
    validation(() => sqliteStorage({ filename: '' }), /filename: give a file path/);
  });

  it('refuses a database that is not an open better-sqlite3 Database with VALIDATION when created', () => {
    const closed = new Database(':memory:');
    closed.close();
    for (const database of ['social-shift.db', {}, null, closed]) {
      validation(
        () => sqliteStorage({ database: database as unknown as Database.Database }),
        /database.*better-sqlite3/,
      );
    }
  });

  it('uses the busy timeout it is given', async () => {
    const database = new Database(':memory:');
    const storage = sqliteStorage({ database, busyTimeoutMs: 1234 });
    await storage.open();
    expect(database.pragma('busy_timeout', { simple: true })).toBe(1234);
    await storage.close();
    database.close();
  });

  it('refuses indexes whose names collide, or that are not lists, with VALIDATION when created', () => {
    validation(() => sqliteStorage({ indexes: { a_b: ['c'], a: ['b_c'] } }), /same name/);
    validation(() => sqliteStorage({ indexes: { events: ['entity'] } }), /same name/);
    validation(() => sqliteStorage({ indexes: { post: ['Status', 'status'] } }), /same name/);
    validation(
      () => sqliteStorage({ indexes: { post: 'status' as unknown as readonly string[] } }),
      /list of field names/,
    );
    expect(() => sqliteStorage({ indexes: { a_b: ['c'], a: ['b'] } })).not.toThrow();
  });

  it('lets storages on one file in one process take turns to write, instead of blocking until "database is locked"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'social-shift-shared-'));
    try {
      const filename = join(dir, 'store.db');
      // A busy wait blocks the thread: the other storage, which holds the lock, could never finish its transaction.
      const a = sqliteStorage({ filename, busyTimeoutMs: 200 });
      const b = sqliteStorage({ filename: join(dir, '.', 'store.db'), busyTimeoutMs: 200 });
      const c = sqliteStorage({ filename, busyTimeoutMs: 200, tablePrefix: 'other_' });
      const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
      const outcomes = await Promise.allSettled([
        a.transaction('org_a', async (tx) => {
          await tx.put('post', 'a1', { n: 1 }, 0);
          await pause();
          await tx.put('post', 'a2', { n: 1 }, 0);
        }),
        b.transaction('org_a', async (tx) => {
          await tx.put('post', 'b1', { n: 1 }, 0);
          await pause();
          await tx.put('post', 'b2', { n: 1 }, 0);
        }),
        b.commit('org_a', {
          puts: [{ collection: 'post', id: 'b3', data: {}, expectedVersion: 0 }],
          events: [],
        }),
        // Opening runs DDL, a write too.
        c.open(),
      ]);
      expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : o.status))).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
        'fulfilled',
      ]);
      expect((await a.query('org_a', 'post')).map((d) => d.id)).toEqual(['a1', 'a2', 'b1', 'b2', 'b3']);
      await a.close();
      await b.close();
      await c.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets storages on one given in-memory database take turns to write, instead of failing inside each other', async () => {
    const database = new Database(':memory:');
    const a = sqliteStorage({ database });
    const b = sqliteStorage({ database, tablePrefix: 'b_' });
    let bStarted!: () => void;
    const bInside = new Promise<void>((resolve) => {
      bStarted = resolve;
    });
    const outcomes = await Promise.allSettled([
      b.transaction('org_a', async (tx) => {
        await tx.put('post', 'b1', { n: 1 }, 0);
        bStarted();
        // a's write comes now, while b's transaction is open on the shared connection.
        await new Promise((resolve) => setImmediate(resolve));
        await tx.put('post', 'b2', { n: 1 }, 0);
        throw new Error('undo b');
      }),
      bInside.then(() =>
        a.commit('org_a', {
          puts: [{ collection: 'post', id: 'a1', data: {}, expectedVersion: 0 }],
          events: [],
        }),
      ),
      bInside.then(() => a.transaction('org_a', (tx) => tx.put('post', 'a2', {}, 0))),
    ]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : o.status))).toEqual([
      'Error: undo b',
      'fulfilled',
      'fulfilled',
    ]);
    expect((await a.query('org_a', 'post')).map((d) => d.id)).toEqual(['a1', 'a2']);
    expect(await b.query('org_a', 'post')).toEqual([]);
    await a.close();
    await b.close();
    database.close();
  });

  it('writes nothing of a transaction SQLite rolled back on an error its work caught (a full database)', async () => {
    const database = new Database(':memory:');
    const storage = sqliteStorage({ database });
    await storage.open();
    database.pragma('max_page_count = 40');
    const caught: unknown[] = [];
    const outcome = await storage
      .transaction('org_a', async (tx) => {
        await tx.put('post', 'first', { n: 1 }, 0);
        // SQLite rolls the whole transaction back when the database is full; the work catches the error, goes on.
        await (async () => {
          for (let i = 0; ; i++) await tx.put('post', `big${i}`, { text: 'x'.repeat(3000) }, 0);
        })().catch((error: unknown) => caught.push(error));
        database.pragma('max_page_count = 100000');
        await tx.put('post', 'after', { n: 1 }, 0).catch((error: unknown) => caught.push(error));
        await tx
          .append([aDomainEvent({ id: 'evt_1', organisationId: 'org_a' })])
          .catch((error: unknown) => caught.push(error));
        return 'done';
      })
      .catch((error: unknown) => error);
    expect(outcome).toMatchObject({ code: 'STORAGE' });
    // Each write after the rollback repeats the advice of the error that caused it.
    expect(caught).toMatchObject([
      { code: 'STORAGE', message: expect.stringMatching(/database is full.*page-cache/) },
      { code: 'STORAGE', message: expect.stringMatching(/database is full.*page-cache/) },
      { code: 'STORAGE', message: expect.stringMatching(/database is full.*page-cache/) },
    ]);
    expect(await storage.query('org_a', 'post')).toEqual([]);
    expect(await storage.readEvents('org_a')).toEqual([]);
    await storage.transaction('org_a', (tx) => tx.put('post', 'next', {}, 0));
    expect((await storage.query('org_a', 'post')).map((d) => d.id)).toEqual(['next']);
    await storage.close();
    database.close();
  });

  it('says what to do when the database is full, and writes nothing of the write set', async () => {
    const database = new Database(':memory:');
    const storage = sqliteStorage({ database });
    await storage.open();
    database.pragma('max_page_count = 40');
    const big = Array.from({ length: 40 }, (_, i) => ({
      collection: 'post',
      id: `big${i}`,
      data: { text: 'x'.repeat(3000) },
      expectedVersion: 0,
    }));
    await expect(storage.commit('org_a', { puts: big, events: [] })).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/database is full.*nothing of this command was written.*page-cache/),
      cause: expect.objectContaining({ code: 'SQLITE_FULL' }),
    });
    expect(await storage.query('org_a', 'post')).toEqual([]);
    // The same advice from a transaction, and from a write set that runs as one (a document put twice).
    await expect(
      storage.transaction('org_a', async (tx) => {
        for (const put of big) await tx.put(put.collection, put.id, put.data, 0);
      }),
    ).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/database is full.*page-cache/),
    });
    const twice = [...big, { ...big[0]!, data: { text: 'again' }, expectedVersion: 1 }];
    await expect(storage.commit('org_a', { puts: twice, events: [] })).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(/database is full.*page-cache/),
    });
    expect(await storage.query('org_a', 'post')).toEqual([]);
    await storage.close();
    database.close();
  });

  it('says what to do when another connection holds the write lock longer than the busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'social-shift-busy-'));
    try {
      const filename = join(dir, 'store.db');
      const storage = sqliteStorage({ filename, busyTimeoutMs: 0 });
      await storage.open();
      // Another process (here a plain connection) holds the write lock.
      const other = new Database(filename);
      other.exec('BEGIN IMMEDIATE');
      const locked = (call: Promise<unknown>) =>
        expect(call).rejects.toMatchObject({
          code: 'STORAGE',
          message: expect.stringMatching(
            /locked by another connection.*busyTimeoutMs \(0 ms\).*nothing of this command was written/,
          ),
          cause: expect.objectContaining({ code: 'SQLITE_BUSY' }),
        });
      await locked(storage.transaction('org_a', (tx) => tx.put('post', 'p', {}, 0)));
      await locked(
        storage.commit('org_a', {
          puts: [{ collection: 'post', id: 'q', data: {}, expectedVersion: 0 }],
          events: [],
        }),
      );
      // Opening writes the tables: a second storage (its own tables) cannot while the lock is held.
      const second = sqliteStorage({ filename, busyTimeoutMs: 0, tablePrefix: 'second_' });
      await locked(second.open());
      other.exec('ROLLBACK');
      other.close();
      await storage.transaction('org_a', (tx) => tx.put('post', 'p', {}, 0));
      await second.open();
      expect((await storage.query('org_a', 'post')).map((d) => d.id)).toEqual(['p']);
      await storage.close();
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('closes the connection of an open that failed, so retrying leaks none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'social-shift-notadb-'));
    const close = vi.spyOn(Database.prototype, 'close');
    try {
      const filename = join(dir, 'store.db');
      writeFileSync(filename, 'not a database, '.repeat(500));
      const storage = sqliteStorage({ filename });
      for (let attempt = 1; attempt <= 2; attempt++) {
        await expect(storage.open()).rejects.toMatchObject({ code: 'STORAGE' });
        expect(close).toHaveBeenCalledTimes(attempt);
      }
      rmSync(filename);
      await storage.open();
      await storage.transaction('org_a', (tx) => tx.put('post', 'p', {}, 0));
      await storage.close();
      expect(close).toHaveBeenCalledTimes(3);
    } finally {
      close.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens again after a failed open, once the cause is fixed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'social-shift-retry-'));
    try {
      const storage = sqliteStorage({ filename: join(dir, 'later', 'x.db') });
      await expect(storage.open()).rejects.toMatchObject({ code: 'STORAGE' });
      mkdirSync(join(dir, 'later'));
      await storage.open();
      await storage.transaction('org_a', (tx) => tx.put('post', 'p', {}, 0));
      expect((await storage.get('org_a', 'post', 'p'))?.version).toBe(1);
      await storage.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the capabilities a SQLite storage reports', () => {
  it('are persistent for a file only: not for :memory: (the default) or an in-memory database given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'social-shift-sqlite-caps-'));
    const memory = new Database(':memory:');
    const file = new Database(join(dir, 'given.db'));
    try {
      const persistent = (options: Parameters<typeof sqliteStorage>[0]) =>
        sqliteStorage(options).capabilities.persistent;
      expect(persistent(undefined)).toBe(false);
      expect(persistent({ filename: ':memory:' })).toBe(false);
      expect(persistent({ database: memory })).toBe(false);
      expect(persistent({ filename: join(dir, 'store.db') })).toBe(true);
      expect(persistent({ database: file })).toBe(true);
      // Everything else is the adapter's.
      expect(sqliteStorage().capabilities).toEqual({ ...sqliteCapabilities, persistent: false });
    } finally {
      memory.close();
      file.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
