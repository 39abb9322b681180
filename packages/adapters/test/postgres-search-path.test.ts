import pg from 'pg';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { postgresDdl, postgresStorage } from '../src/postgres.js';
import { pgClient } from '../src/postgres-pg.js';
import { requiredService } from './required-service.js';

const url = requiredService(
  'the PostgreSQL storage in the search path',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

if (url) {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  afterAll(() => admin.end());

  describe('postgresStorage without a schema, its tables further down the search path', () => {
    it('creates a new index beside them, never new empty tables in the first schema that hide them', async () => {
      // As with the default search path "$user", public: tables a DBA made in public, and a schema named after the
      // app's user that comes first.
      const id = Date.now().toString(36);
      const [first, tables] = [`sp_first_${id}`, `sp_tables_${id}`];
      await admin.query(`CREATE SCHEMA ${first}`);
      for (const statement of postgresDdl({ schema: tables })) await admin.query(statement);
      onTestFinished(async () => {
        await admin.query(`DROP SCHEMA ${first}, ${tables} CASCADE`);
      });
      const connect = () => {
        const pool = new pg.Pool({
          connectionString: url,
          max: 2,
          options: `-c search_path=${first},${tables}`,
        });
        onTestFinished(() => pool.end());
        return pgClient(pool);
      };
      const before = postgresStorage({ client: await connect(), ownsClient: false });
      await before.commit('org_a', {
        puts: [{ collection: 'post', id: 'p1', data: { title: 'kept' }, expectedVersion: 0 }],
        events: [],
      });
      // A field index of the operator's own (or one a newer SDK adds to QUERY_INDEXES) runs the DDL on open.
      const indexes = { post: ['status', 'title'] };
      await postgresStorage({ client: await connect(), indexes, ownsClient: false }).open();
      // CREATE TABLE IF NOT EXISTS made the tables again in the first schema: a server started after that read
      // them, empty.
      const after = postgresStorage({ client: await connect(), indexes, ownsClient: false });
      expect((await after.get('org_a', 'post', 'p1'))?.data).toEqual({ title: 'kept' });
      const { rows } = await admin.query<{ schemaname: string; name: string }>(
        `SELECT schemaname, tablename AS name FROM pg_tables WHERE schemaname IN ($1, $2)
         UNION ALL SELECT schemaname, indexname FROM pg_indexes WHERE indexname = 'social_shift_post_title'`,
        [first, tables],
      );
      expect(rows.filter((row) => row.schemaname === first)).toEqual([]);
      expect(rows).toContainEqual({ schemaname: tables, name: 'social_shift_post_title' });
    });
  });
}
