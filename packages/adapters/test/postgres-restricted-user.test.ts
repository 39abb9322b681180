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
      onTestFinished(async () => {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      });
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

  describe('a missing privilege is STORAGE that says what to grant', () => {
    const refused = (grant: RegExp, operation: string) => ({
      code: 'STORAGE',
      message: expect.stringMatching(grant),
      details: { adapter: 'postgres', operation },
    });
    const grantTables = (schema: string) =>
      new RegExp(
        `permission denied for .*Nothing of this command was written\\. Grant its database user USAGE on the schema ${schema} and SELECT, INSERT, UPDATE and DELETE on ${schema}\\.ss_documents, ${schema}\\.ss_events and ${schema}\\.ss_organisations\\.$`,
      );

    it('to a read-only user that writes, through pg and postgres.js', async () => {
      const name = unique('ss_reader');
      const schema = unique('readonly');
      const { pool, url: roleUrl } = await role(name);
      for (const statement of postgresDdl({ schema, tablePrefix: 'ss_' })) await admin.query(statement);
      await admin.query(`GRANT USAGE ON SCHEMA ${schema} TO ${name}`);
      await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${name}`);
      const sql = postgres(roleUrl, { max: 1, onnotice: () => undefined });
      onTestFinished(async () => {
        await sql.end();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      });
      for (const client of [await pgClient(pool), postgresJsClient(sql, { owned: false })]) {
        const storage = postgresStorage({ client, schema, tablePrefix: 'ss_', ownsClient: false });
        // It opens and reads (the tables exist).
        expect(await storage.get('org_a', 'post', 'p1')).toBeUndefined();
        // "…permission denied for table ss_organisations. Nothing of this command was written; check the store and
        // retry.": retrying never helps, and the user was not told which privileges the storage takes.
        await expect(storage.commit('org_a', { puts: [put('p1')], events: [] })).rejects.toMatchObject(
          refused(grantTables(schema), 'commit'),
        );
        await expect(
          storage.transaction('org_a', (tx) => tx.put('post', 'p2', { title: 'p2' }, 0)),
        ).rejects.toMatchObject(refused(grantTables(schema), 'transaction'));
      }
      expect((await admin.query(`SELECT count(*)::int AS n FROM ${schema}.ss_documents`)).rows).toEqual([
        { n: 0 },
      ]);
    });

    it('to a user that may not read the tables', async () => {
      const name = unique('ss_none');
      const schema = unique('noread');
      const { pool } = await role(name);
      for (const statement of postgresDdl({ schema, tablePrefix: 'ss_' })) await admin.query(statement);
      await admin.query(`GRANT USAGE ON SCHEMA ${schema} TO ${name}`);
      onTestFinished(async () => {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      });
      const storage = postgresStorage({
        client: await pgClient(pool),
        schema,
        tablePrefix: 'ss_',
        ownsClient: false,
      });
      await expect(storage.get('org_a', 'post', 'p1')).rejects.toMatchObject(
        refused(grantTables(schema), 'read'),
      );
      await expect(storage.readEvents('org_a')).rejects.toMatchObject(refused(grantTables(schema), 'read'));
      // Without USAGE on the schema, open says so too.
      await admin.query(`REVOKE USAGE ON SCHEMA ${schema} FROM ${name}`);
      const other = postgresStorage({
        client: await pgClient(pool),
        schema,
        tablePrefix: 'ss_',
        ownsClient: false,
      });
      await expect(other.open()).rejects.toMatchObject(refused(grantTables(schema), 'open'));
    });

    it('to a user that may not create the missing tables: which are missing, and how to make them', async () => {
      const name = unique('ss_nocreate');
      const schema = unique('nocreate');
      const { pool } = await role(name);
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.query(`GRANT USAGE ON SCHEMA ${schema} TO ${name}`);
      onTestFinished(async () => {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      });
      const storage = postgresStorage({
        client: await pgClient(pool),
        schema,
        tablePrefix: 'ss_',
        ownsClient: false,
      });
      const error = await storage.open().catch((caught: unknown) => caught);
      expect(error).toMatchObject(
        refused(
          new RegExp(
            `^The postgres storage was refused: permission denied for schema ${schema}\\. Nothing of this command was written\\. Its tables or indexes are missing \\(${schema}\\.ss_documents, ${schema}\\.ss_events, .*\\) and its database user may not create them: run the DDL of postgresDdl\\(\\) \\(docs/storage/tables\\.md\\) as a user who may, or grant it CREATE on the schema ${schema}\\.$`,
          ),
          'open',
        ),
      );
      // Once an administrator ran the DDL, it opens.
      for (const statement of postgresDdl({ schema, tablePrefix: 'ss_' })) await admin.query(statement);
      await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${name}`);
      await storage.commit('org_a', { puts: [put('p1')], events: [] });
      expect((await storage.get('org_a', 'post', 'p1'))?.version).toBe(1);
      // A schema that is missing too: CREATE on it cannot be granted.
      const absent = unique('absent');
      const elsewhere = postgresStorage({ client: await pgClient(pool), schema: absent, ownsClient: false });
      await expect(elsewhere.open()).rejects.toMatchObject(
        refused(
          new RegExp(
            `permission denied for database .* or have one make the schema ${absent} for it \\(CREATE SCHEMA ${absent} AUTHORIZATION <the user>\\)\\.$`,
          ),
          'open',
        ),
      );
    });
  });
}
