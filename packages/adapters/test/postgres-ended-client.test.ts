import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteClient } from '../src/pglite.js';
import { postgresStorage } from '../src/postgres.js';
import { postgresJsClient } from '../src/postgres-js.js';
import { pgClient } from '../src/postgres-pg.js';
import { requiredService } from './required-service.js';

// An app that ends its pool before it closes the storage (a shutdown in the wrong order) still runs commands for a
// moment. The driver refuses them before it sends anything: the error must say that nothing was written, and what to
// do, not "It may or may not have been written; check the store and retry" (a retry fails alike).
const put = (id: string) => ({ collection: 'post', id, data: { id }, expectedVersion: 0 });

describe('a write after the storage’s PGlite database was closed', () => {
  it('says that nothing was written and that the client was ended', async () => {
    const db = new PGlite();
    const storage = postgresStorage({ client: pgliteClient(db) });
    await storage.commit('org_a', { puts: [put('before')], events: [] });
    await db.close();
    for (const outcome of await Promise.allSettled([
      storage.commit('org_a', { puts: [put('after_set')], events: [] }),
      storage.transaction('org_a', (tx) => tx.put('post', 'after_tx', {}, 0)),
    ]))
      expect(outcome).toMatchObject({
        status: 'rejected',
        reason: {
          code: 'STORAGE',
          message: expect.stringMatching(/client was ended .*Nothing of this command was written/),
        },
      });
    // PGlite starts a WebAssembly PostgreSQL: seconds on a busy machine, as the other PGlite tests allow.
  }, 60_000);
});

const url = requiredService(
  'writes after the PostgreSQL client was ended',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

if (url) {
  describe('a write after the storage’s PostgreSQL client was ended', () => {
    const schema = `ended_client_${Date.now().toString(36)}`;
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    afterAll(async () => {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });

    it('says that nothing was written and to close the storage before ending its client, through pg and postgres.js', async () => {
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      const sql = postgres(url, { max: 2, onnotice: () => undefined });
      const clients = {
        pg: { client: await pgClient(pool), end: () => pool.end() },
        postgresjs: { client: postgresJsClient(sql), end: () => sql.end() },
      };
      for (const [name, { client, end }] of Object.entries(clients)) {
        const storage = postgresStorage({ client, schema });
        await storage.commit('org_a', { puts: [put(`before_${name}`)], events: [] });
        await end();
        const outcomes = await Promise.allSettled([
          storage.commit('org_a', { puts: [put(`after_${name}_set`)], events: [] }),
          storage.transaction('org_a', (tx) => tx.put('post', `after_${name}_tx`, {}, 0)),
        ]);
        for (const outcome of outcomes) {
          expect(outcome, name).toMatchObject({
            status: 'rejected',
            reason: { code: 'STORAGE', details: { adapter: 'postgres', operation: 'commit' } },
          });
          const { message } = (outcome as PromiseRejectedResult).reason as Error;
          expect(message, name).toMatch(/Nothing of this command was written/);
          expect(message, name).toMatch(/client was ended .*Close the storage before you end its client/);
        }
      }
      const stored = await admin.query<{ id: string }>(
        `SELECT id FROM ${schema}.social_shift_documents ORDER BY id`,
      );
      expect(stored.rows.map((row) => row.id)).toEqual(['before_pg', 'before_postgresjs']);
    });
  });
}
