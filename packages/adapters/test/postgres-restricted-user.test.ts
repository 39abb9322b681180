import pg from 'pg';
import postgres from 'postgres';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { postgresDdl, postgresStorage } from '../src/postgres.js';
import { postgresJsClient } from '../src/postgres-js.js';
import { pgClient } from '../src/postgres-pg.js';
import { requiredService } from './required-service.js';

const url = requiredService(
  'the PostgreSQL storage under a restricted database user',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

let counter = 0;
const unique = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${counter++}`;

if (url) {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  afterAll(() => admin.end());

  /** A login role as operators give apps (no CREATE on the database: PostgreSQL's default), dropped after the test. */
  const role = async (name: string) => {
    await admin.query(`CREATE ROLE ${name} LOGIN`);
    const asRole = new URL(url);
    asRole.username = name;
    asRole.password = '';
    const pool = new pg.Pool({ connectionString: asRole.toString(), max: 2 });
    pool.on('error', () => undefined);
    onTestFinished(async () => {
      await pool.end();
      await admin.query(`DROP OWNED BY ${name} CASCADE`);
      await admin.query(`DROP ROLE ${name}`);
    });
    return { pool, url: asRole.toString() };
  };

  const put = (id: string) => ({ collection: 'post', id, data: { title: id }, expectedVersion: 0 });

  describe('a database user without CREATE on the database', () => {
    it('opens in a schema an administrator made for it (CREATE SCHEMA AUTHORIZATION), creating its tables there', async () => {
      const name = unique('ss_owner');
      const schema = unique('owned');
      const { pool, url: roleUrl } = await role(name);
      await admin.query(`CREATE SCHEMA ${schema} AUTHORIZATION ${name}`);
      // CREATE SCHEMA IF NOT EXISTS asks for CREATE on the database even when the schema exists: open failed with
      // "permission denied for database".
      const storage = postgresStorage({ client: await pgClient(pool), schema, ownsClient: false });
      await storage.commit('org_a', { puts: [put('p1')], events: [] });
      expect((await storage.get('org_a', 'post', 'p1'))?.data).toEqual({ title: 'p1' });
      // A second prefix in the same schema, over postgres.js.
      const sql = postgres(roleUrl, { max: 1, onnotice: () => undefined });
      const other = postgresStorage({ client: postgresJsClient(sql), schema, tablePrefix: 'b_' });
      await other.commit('org_a', { puts: [put('p2')], events: [] });
      await other.close();
      const { rows } = await admin.query<{ tablename: string }>(
        'SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename',
        [schema],
      );
      expect(rows.map((row) => row.tablename)).toEqual([
        'b_documents',
        'b_events',
        'b_organisations',
        'social_shift_documents',
        'social_shift_events',
        'social_shift_organisations',
      ]);
    });

    it('opens over tables an administrator made from the documented DDL, with only the privileges to use them', async () => {
      const name = unique('ss_user');
      const schema = unique('premade');
      const { pool } = await role(name);
      for (const statement of postgresDdl({ schema, tablePrefix: 'ss_' })) await admin.query(statement);
      await admin.query(`GRANT USAGE ON SCHEMA ${schema} TO ${name}`);
      await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${name}`);
      onTestFinished(() => admin.query(`DROP SCHEMA ${schema} CASCADE`));
      const storage = postgresStorage({
        client: await pgClient(pool),
        schema,
        tablePrefix: 'ss_',
        ownsClient: false,
      });
      await storage.commit('org_a', { puts: [put('p1')], events: [] });
      await storage.transaction('org_a', (tx) => tx.put('post', 'p2', { title: 'p2' }, 0));
      expect((await storage.query('org_a', 'post')).map((doc) => doc.id)).toEqual(['p1', 'p2']);
    });
  });
}
