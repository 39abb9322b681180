import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresStorage } from '../src/postgres.js';
import { pgClient } from '../src/postgres-pg.js';
import { requiredService } from './required-service.js';

const url = requiredService(
  'closing a PostgreSQL storage while its calls run',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

/** Every call a request handler may have started when the service shuts down, issued just before `close()`. */
const calls = (storage: ReturnType<typeof postgresStorage>, id: string) => [
  storage.get('org_a', 'post', 'p1'),
  storage.query('org_a', 'post'),
  storage.readEvents('org_a'),
  storage.commit('org_a', {
    puts: [{ collection: 'post', id: `${id}_set`, data: {}, expectedVersion: 0 }],
    events: [],
  }),
  storage.transaction('org_a', (tx) => tx.put('post', `${id}_tx`, {}, 0)),
];

/** The outcomes, or `hung` for a call that had not settled 2 seconds after `close()` resolved. */
const settled = async (pending: Promise<unknown>[]) => {
  const hung = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 2_000).unref());
  return Promise.all(
    pending.map((call) =>
      Promise.race([
        call.then(
          () => 'ok',
          (error: unknown) => `rejected: ${String(error)}`,
        ),
        hung,
      ]),
    ),
  );
};

if (url) {
  describe('postgres on pg: close() while calls run', () => {
    it('lets the calls started before close() finish before it ends the pool it made', async () => {
      const schema = `close_owned_${Date.now().toString(36)}`;
      const storage = postgresStorage({ client: await pgClient({ connectionString: url }), schema });
      await storage.transaction('org_a', (tx) => tx.put('post', 'p1', {}, 0));
      // pg's pool.end() dropped a call waiting for a connection (one queued for an idle connection in the next tick,
      // or for a free one in a full pool): its promise never settled, and the request that awaited it never answered.
      const pending = calls(storage, 'owned');
      await storage.close();
      expect(await settled(pending)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ id: string }>(
          `SELECT id FROM ${schema}.social_shift_documents ORDER BY id`,
        );
        expect(rows.map((row) => row.id)).toEqual(['owned_set', 'owned_tx', 'p1']);
      } finally {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
    }, 20_000);

    it('has nothing of its own running once close() resolved, so the app may end the pool it gave then', async () => {
      const schema = `close_given_${Date.now().toString(36)}`;
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      const storage = postgresStorage({ client: await pgClient(pool), schema });
      try {
        await storage.transaction('org_a', (tx) => tx.put('post', 'p1', {}, 0));
        const pending = calls(storage, 'given');
        await storage.close();
        await pool.end();
        expect(await settled(pending)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
      } finally {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
    }, 20_000);
  });
}
