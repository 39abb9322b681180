import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentRow, ManagedStorage } from '@social-shift/core';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteStorage } from './sqlite.js';
import { createReadCache } from './sqlite-read-cache.js';

const row = (id: string, version = 1, collection = 'post'): DocumentRow => ({
  collection,
  id,
  version,
  schemaVersion: 1,
  data: JSON.stringify({ id, version }),
});

describe('the read cache', () => {
  it('forgets the least recently used document beyond its size', () => {
    const cache = createReadCache({ maxDocuments: 2 });
    cache.check(1);
    cache.keep('org', 'post', 'a', row('a'));
    cache.keep('org', 'post', 'b', row('b'));
    expect(cache.get('org', 'post', 'a')?.id).toBe('a'); // a is now the most recently used
    cache.keep('org', 'post', 'c', row('c'));
    expect(cache.get('org', 'post', 'b')).toBeNull();
    expect(cache.get('org', 'post', 'a')?.id).toBe('a');
    expect(cache.get('org', 'post', 'c')?.id).toBe('c');
  });

  it('keeps no miss, and tells organisations and collections apart', () => {
    const cache = createReadCache({ maxDocuments: 10 });
    cache.keep('org', 'post', 'a', undefined);
    expect(cache.get('org', 'post', 'a')).toBeNull();
    cache.keep('org', 'post', 'a', row('a'));
    expect(cache.get('org_b', 'post', 'a')).toBeNull();
    expect(cache.get('org', 'campaign', 'a')).toBeNull();
  });

  it('empties itself when the stamp moves (another connection committed)', () => {
    const cache = createReadCache({ maxDocuments: 10 });
    cache.check(7);
    cache.keep('org', 'post', 'a', row('a'));
    cache.keepQuery('org', 'post', 'q', [row('a')]);
    cache.check(7);
    expect(cache.get('org', 'post', 'a')).not.toBeNull();
    cache.check(8);
    expect(cache.get('org', 'post', 'a')).toBeNull();
    expect(cache.query('org', 'post', 'q')).toBeUndefined();
  });

  it("drops a collection's queries on any write to it, and only its own", () => {
    const cache = createReadCache({ maxDocuments: 10 });
    cache.keepQuery('org', 'post', 'q', [row('a')]);
    cache.keepQuery('org', 'campaign', 'r', []);
    cache.writing('org', 'post', 'z');
    expect(cache.query('org', 'post', 'q')).toBeUndefined();
    expect(cache.query('org', 'campaign', 'r')).toEqual([]);
    cache.keepQuery('org', 'campaign', 'r', []);
    cache.written('org', row('n', 1, 'campaign'));
    expect(cache.query('org', 'campaign', 'r')).toBeUndefined();
  });

  it('refreshes a cached document on a committed write and drops it on a write in progress', () => {
    const cache = createReadCache({ maxDocuments: 10 });
    cache.keep('org', 'post', 'a', row('a', 1));
    cache.written('org', row('a', 2));
    expect(cache.get('org', 'post', 'a')?.version).toBe(2);
    cache.written('org', row('b', 1)); // not cached before: a committed insert is not kept
    expect(cache.get('org', 'post', 'b')).toBeNull();
    cache.writing('org', 'post', 'a');
    expect(cache.get('org', 'post', 'a')).toBeNull();
  });

  it('keeps query results of at most 100 rows, within a budget of rows (an empty result counts one)', () => {
    const cache = createReadCache({ maxDocuments: 150 });
    const rows = (n: number) => Array.from({ length: n }, (_, i) => row(`d${i}`));
    cache.keepQuery('org', 'post', 'long', rows(101));
    expect(cache.query('org', 'post', 'long')).toBeUndefined();
    cache.keepQuery('org', 'post', 'a', rows(100));
    cache.keepQuery('org', 'post', 'b', rows(40));
    expect(cache.query('org', 'post', 'a')).toHaveLength(100);
    cache.keepQuery('org', 'post', 'c', rows(20)); // 160 rows: b, the least recently used, goes
    expect(cache.query('org', 'post', 'b')).toBeUndefined();
    expect(cache.query('org', 'post', 'a')).toHaveLength(100);
    for (let i = 0; i < 200; i++) cache.keepQuery('org', 'post', `empty${i}`, []);
    expect(cache.query('org', 'post', 'empty0')).toBeUndefined();
    expect(cache.query('org', 'post', 'empty199')).toEqual([]);
  });

  it('keeps no query whose key is longer than 1,024 characters (long where values, such as search text)', () => {
    const cache = createReadCache({ maxDocuments: 10 });
    cache.keepQuery('org', 'post', 'x'.repeat(1025), []);
    expect(cache.query('org', 'post', 'x'.repeat(1025))).toBeUndefined();
    cache.keepQuery('org', 'post', 'x'.repeat(1024), []);
    expect(cache.query('org', 'post', 'x'.repeat(1024))).toEqual([]);
  });

  it('keeps nothing with a size of 0', () => {
    const cache = createReadCache({ maxDocuments: 0 });
    cache.keep('org', 'post', 'a', row('a'));
    cache.keepQuery('org', 'post', 'q', []);
    expect(cache.get('org', 'post', 'a')).toBeNull();
    expect(cache.query('org', 'post', 'q')).toBeUndefined();
  });
});

/** Runs `before(sql)` ahead of every `get` and `all` of the statements `database` prepares from now on. */
function beforeEachRead(database: Database.Database, before: (sql: string) => void): void {
  const prepare = database.prepare.bind(database);
  database.prepare = ((sql: string) => {
    const statement = prepare(sql);
    for (const method of ['get', 'all'] as const) {
      const original = statement[method].bind(statement);
      statement[method] = ((...args: unknown[]) => {
        before(sql);
        return original(...args);
      }) as never;
    }
    return statement;
  }) as typeof database.prepare;
}

describe('sqlite storage with its read cache', () => {
  let dir: string;
  let filename: string;
  const opened: ManagedStorage[] = [];
  const open = () => {
    const storage = sqliteStorage({ filename });
    opened.push(storage);
    return storage;
  };
  const put = (storage: ManagedStorage, id: string, data: Record<string, string>, version: number) =>
    storage.commit('org_a', {
      puts: [{ collection: 'post', id, data, expectedVersion: version }],
      events: [],
    });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'social-shift-cache-'));
    filename = join(dir, 'store.db');
  });
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sees another connection's commits at once, in documents and in queries", async () => {
    const a = open();
    const b = open();
    await put(a, 'p1', { status: 'draft' }, 0);
    expect((await a.get('org_a', 'post', 'p1'))?.data).toEqual({ status: 'draft' });
    expect((await a.query('org_a', 'post', { where: { status: 'draft' } })).map((d) => d.id)).toEqual(['p1']);
    await put(b, 'p1', { status: 'approved' }, 1);
    await put(b, 'p2', { status: 'draft' }, 0);
    expect(await a.get('org_a', 'post', 'p1')).toMatchObject({ version: 2, data: { status: 'approved' } });
    expect((await a.query('org_a', 'post', { where: { status: 'draft' } })).map((d) => d.id)).toEqual(['p2']);
  });

  it('sees a change made by any connection to the file, also outside the adapter', async () => {
    const a = open();
    await put(a, 'p1', { status: 'draft' }, 0);
    await a.get('org_a', 'post', 'p1');
    const other = new Database(filename);
    other
      .prepare(`UPDATE social_shift_documents SET version = 5, data = '{"status":"gone"}' WHERE id = 'p1'`)
      .run();
    other.close();
    expect(await a.get('org_a', 'post', 'p1')).toMatchObject({ version: 5, data: { status: 'gone' } });
  });

  it('answers with its own committed writes, and forgets the writes of a transaction that failed', async () => {
    const a = open();
    await put(a, 'p1', { status: 'draft' }, 0);
    await a.get('org_a', 'post', 'p1');
    await a.query('org_a', 'post', { where: { status: 'draft' } });
    await put(a, 'p1', { status: 'approved' }, 1);
    expect(await a.get('org_a', 'post', 'p1')).toMatchObject({ version: 2, data: { status: 'approved' } });
    expect(await a.query('org_a', 'post', { where: { status: 'draft' } })).toEqual([]);
    await expect(
      a.transaction('org_a', async (tx) => {
        await tx.put('post', 'p1', { status: 'withdrawn' }, 2);
        await tx.put('post', 'p2', { status: 'approved' }, 0);
        throw new Error('midway');
      }),
    ).rejects.toThrow('midway');
    expect(await a.get('org_a', 'post', 'p1')).toMatchObject({ version: 2, data: { status: 'approved' } });
    expect(await a.get('org_a', 'post', 'p2')).toBeUndefined();
    expect((await a.query('org_a', 'post', { where: { status: 'approved' } })).map((d) => d.id)).toEqual([
      'p1',
    ]);
    await a.transaction('org_a', (tx) => tx.put('post', 'p1', { status: 'withdrawn' }, 2));
    expect(await a.get('org_a', 'post', 'p1')).toMatchObject({ version: 3, data: { status: 'withdrawn' } });
    expect(await a.query('org_a', 'post', { where: { status: 'approved' } })).toEqual([]);
    await a.transaction('org_a', (tx) => tx.delete('post', 'p1', 3));
    expect(await a.get('org_a', 'post', 'p1')).toBeUndefined();
  });

  it('hands every caller its own copy of a cached document', async () => {
    const a = open();
    await put(a, 'p1', { status: 'draft' }, 0);
    const first = await a.get('org_a', 'post', 'p1');
    (first?.data as Record<string, unknown>).status = 'changed by the caller';
    const [listed] = await a.query('org_a', 'post', {});
    (listed?.data as Record<string, unknown>).status = 'changed too';
    expect((await a.get('org_a', 'post', 'p1'))?.data).toEqual({ status: 'draft' });
    expect((await a.query('org_a', 'post', {}))[0]?.data).toEqual({ status: 'draft' });
  });

  it('reads from SQLite again only for what it does not hold, with one check for reads issued together', async () => {
    const database = new Database(filename);
    const calls = { reads: 0, checks: 0 };
    beforeEachRead(database, (sql) => {
      if (/^SELECT collection/.test(sql)) calls.reads++;
      else if (/data_version/.test(sql)) calls.checks++;
    });
    const a = sqliteStorage({ database, cacheSize: 100 });
    opened.push(a);
    await put(a, 'p1', { status: 'draft' }, 0);
    await put(a, 'p2', { status: 'approved' }, 0);
    const draft = { where: { status: 'draft' } };
    // A read that SQLite answers is checked again after it: another process may have committed in between.
    for (let i = 0; i < 3; i++) await a.query('org_a', 'post', draft);
    expect(calls).toEqual({ reads: 1, checks: 3 + 1 });
    // Reads started together share one check; what is cached is not read again.
    await Promise.all([
      a.get('org_a', 'post', 'p1'),
      a.get('org_a', 'post', 'p2'),
      a.query('org_a', 'post', draft),
    ]);
    expect(calls).toEqual({ reads: 3, checks: 4 + 1 + 2 });
    await a.get('org_a', 'post', 'p1');
    await a.get('org_a', 'post', 'p2');
    expect(calls).toEqual({ reads: 3, checks: 7 + 2 });
    await put(a, 'p3', { status: 'draft' }, 0);
    expect((await a.query('org_a', 'post', draft)).map((d) => d.id)).toEqual(['p1', 'p3']);
    expect(calls).toEqual({ reads: 4, checks: 9 + 1 + 1 });
    await a.close();
    database.close();
  });

  it('answers no read from the cache on a check that failed, also not a read issued with it', async () => {
    const database = new Database(filename);
    let failNext = false;
    beforeEachRead(database, (sql) => {
      if (failNext && /data_version/.test(sql)) {
        failNext = false;
        throw new Error('database is locked');
      }
    });
    const a = sqliteStorage({ database, cacheSize: 100 });
    opened.push(a);
    await put(a, 'p1', { status: 'draft' }, 0);
    await a.get('org_a', 'post', 'p1');
    const other = new Database(filename);
    other.prepare(`UPDATE social_shift_documents SET version = 2, data = '{"status":"approved"}'`).run();
    other.close();
    failNext = true;
    const [first, second] = await Promise.allSettled([
      a.get('org_a', 'post', 'p2'),
      a.get('org_a', 'post', 'p1'),
    ]);
    expect(first).toMatchObject({ status: 'rejected', reason: { code: 'STORAGE' } });
    expect(second).toMatchObject({
      status: 'fulfilled',
      value: { version: 2, data: { status: 'approved' } },
    });
    await a.close();
    database.close();
  });

  it('answers no read from older data than a read issued before it, when another process commits in between', async () => {
    // A command reads a guard, then what its check depends on (ADR 048): a later read must not answer from a state
    // older than the guard's. Another process's commit between the cache check and a read SQLite answers: without a
    // second check, the guard came from SQLite after that commit and the consent from the cache, from before it.
    const database = new Database(filename);
    let commitBeforeNextRead = false;
    beforeEachRead(database, (sql) => {
      if (!commitBeforeNextRead || !/^SELECT collection/.test(sql)) return;
      commitBeforeNextRead = false;
      const other = new Database(filename);
      other.prepare(`UPDATE social_shift_documents SET version = 2, data = '{"status":"withdrawn"}'`).run();
      other.close();
    });
    const a = sqliteStorage({ database, cacheSize: 100 });
    const b = open();
    opened.push(a);
    await put(b, 'guard', { status: 'open' }, 0);
    await put(b, 'consent', { status: 'given' }, 0);
    expect(await a.get('org_a', 'post', 'consent')).toMatchObject({ version: 1 });
    commitBeforeNextRead = true;
    const [guard, consent] = await Promise.all([
      a.get('org_a', 'post', 'guard'),
      a.get('org_a', 'post', 'consent'),
    ]);
    expect(guard).toMatchObject({ version: 2, data: { status: 'withdrawn' } });
    expect(consent).toMatchObject({ version: 2, data: { status: 'withdrawn' } });
    // The same for a query that SQLite answers, and a document read with it from the cache.
    await put(b, 'guard', { status: 'open' }, 2);
    expect(await a.get('org_a', 'post', 'consent')).toMatchObject({ version: 2 });
    commitBeforeNextRead = true;
    const [listed, cached] = await Promise.all([
      a.query('org_a', 'post', { where: { status: 'open' } }),
      a.get('org_a', 'post', 'consent'),
    ]);
    expect(listed).toEqual([]);
    expect(cached).toMatchObject({ version: 2, data: { status: 'withdrawn' } });
    await a.close();
    database.close();
  });

  it.each([undefined, 0])(
    'refuses a where with a prototype of its own, and answers each query with its own filter (cacheSize %s)',
    async (cacheSize) => {
      const a = sqliteStorage({ filename, ...(cacheSize === undefined ? {} : { cacheSize }) });
      opened.push(a);
      await a.commit('org_a', {
        puts: [
          { collection: 'post', id: 'p1', data: { status: 'draft', archived: true }, expectedVersion: 0 },
          { collection: 'post', id: 'p2', data: { status: 'draft', archived: false }, expectedVersion: 0 },
        ],
        events: [],
      });
      // A where whose prototype is not Object's (an inherited field would be no filter the caller can see) is
      // VALIDATION, and stores no plan under a shape another query could reuse.
      const inherited = Object.assign(Object.create({ archived: true }) as object, { status: 'draft' });
      const ids = async (where: Record<string, unknown>) =>
        (await a.query('org_a', 'post', { where: where as never })).map((d) => d.id);
      await expect(ids(inherited)).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { issues: [{ path: ['where'] }] },
      });
      expect(await ids({ status: 'draft' })).toEqual(['p1', 'p2']);
      expect(await ids({ status: 'draft', archived: true })).toEqual(['p1']);
      expect(await ids({ status: 'draft', archived: false })).toEqual(['p2']);
    },
  );

  it('refuses a cache size that is not a whole number ≥ 0 with VALIDATION', () => {
    for (const cacheSize of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10', null]) {
      expect(() => sqliteStorage({ cacheSize: cacheSize as never })).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          message: expect.stringMatching(/cacheSize.*whole number/),
          details: { issues: [expect.objectContaining({ path: ['cacheSize'] })] },
        }),
      );
    }
    expect(() => sqliteStorage({ cacheSize: 0 })).not.toThrow();
  });

  it('answers every read as an uncached connection does, whatever two connections do in turn', async () => {
    const op = fc.record({
      by: fc.constantFrom('a', 'b'),
      kind: fc.constantFrom('put', 'transaction', 'failed transaction', 'get', 'query'),
      id: fc.constantFrom('p1', 'p2', 'p3'),
      status: fc.constantFrom('draft', 'approved'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const run = mkdtempSync(join(dir, 'run-'));
        const file = join(run, 'store.db');
        // Two cached connections (a small cache, so eviction happens too) and one that reads without a cache.
        const a = sqliteStorage({ filename: file, cacheSize: 2 });
        const b = sqliteStorage({ filename: file });
        const truth = sqliteStorage({ filename: file, cacheSize: 0 });
        try {
          for (const { by, kind, id, status } of ops) {
            const store = by === 'a' ? a : b;
            if (kind === 'put') {
              const version = (await truth.get('org_a', 'post', id))?.version ?? 0;
              await put(store, id, { status }, version);
            } else if (kind === 'transaction') {
              await store.transaction('org_a', async (tx) => {
                const current = await tx.get('post', id);
                if (current) await tx.delete('post', id, current.version);
                else await tx.put('post', id, { status }, 0);
              });
            } else if (kind === 'failed transaction') {
              await store
                .transaction('org_a', async (tx) => {
                  const current = await tx.get('post', id);
                  await tx.put('post', id, { status: 'never' }, current?.version ?? 0);
                  throw new Error('rolled back');
                })
                .catch(() => undefined);
            } else if (kind === 'get') {
              expect(await store.get('org_a', 'post', id)).toEqual(await truth.get('org_a', 'post', id));
            } else {
              const query = { where: { status } };
              expect(await store.query('org_a', 'post', query)).toEqual(
                await truth.query('org_a', 'post', query),
              );
            }
          }
        } finally {
          await a.close();
          await b.close();
          await truth.close();
          rmSync(run, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
    // 60 runs of up to 25 steps on three SQLite files: about a second alone, far more on a busy machine.
  }, 60_000);
});
