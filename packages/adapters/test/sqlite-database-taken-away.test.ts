import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteStorage } from '../src/sqlite.js';

// The app owns a Database it gives as `database`, and may close it, or make it query-only, while the storage is open
// (a shutdown in the wrong order). Every write is then refused before its transaction begins: nothing was written, and
// the error must say so, not "It may or may not have been written; check the store and retry".
const put = (id: string) => ({ collection: 'post', id, data: { id }, expectedVersion: 0 });

async function opened() {
  const database = new Database(':memory:');
  const storage = sqliteStorage({ database });
  await storage.commit('org_a', { puts: [put('first')], events: [] });
  return { database, storage };
}

describe('a SQLite storage whose given database can no longer be written', () => {
  it('says that nothing was written when BEGIN fails (a query-only database)', async () => {
    const { database, storage } = await opened();
    database.pragma('query_only = ON');
    for (const outcome of await Promise.allSettled([
      storage.commit('org_a', { puts: [put('set')], events: [] }),
      storage.transaction('org_a', (tx) => tx.put('post', 'tx', {}, 0)),
    ]))
      expect(outcome).toMatchObject({
        status: 'rejected',
        reason: {
          code: 'STORAGE',
          details: { adapter: 'sqlite', operation: 'commit' },
          message: expect.stringMatching(/Nothing of this command was written/),
          cause: expect.objectContaining({ code: 'SQLITE_READONLY' }),
        },
      });
    database.pragma('query_only = OFF');
    expect((await storage.query('org_a', 'post')).map((doc) => doc.id)).toEqual(['first']);
  });

  it('says that the database was closed, that nothing was written and what to do, for reads and writes', async () => {
    const { database, storage } = await opened();
    database.close();
    const outcomes = await Promise.allSettled([
      storage.get('org_a', 'post', 'first'),
      storage.commit('org_a', { puts: [put('set')], events: [] }),
      storage.transaction('org_a', (tx) => tx.put('post', 'tx', {}, 0)),
    ]);
    for (const outcome of outcomes)
      expect(outcome).toMatchObject({
        status: 'rejected',
        reason: {
          code: 'STORAGE',
          details: { adapter: 'sqlite' },
          message: expect.stringMatching(
            /Database given as `database` was closed .*Nothing of this command was written\. Close the storage before the database/,
          ),
        },
      });
  });
});
