import { PGlite } from '@electric-sql/pglite';
import type { CreateStorageOptions } from '@social-shift/core';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { requiredService } from '../test/required-service.js';
import { pgliteCapabilities, pgliteClient } from './pglite.js';
import { postgresCapabilities, postgresDdl, postgresStorage } from './postgres.js';
import { postgresJsClient } from './postgres-js.js';
import { pgClient } from './postgres-pg.js';
import { describeStorageConformance } from './testing/index.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}_${counter++}_`;

// PGlite starts in seconds: one instance for the whole file, a fresh table prefix per case.
let pglite: Promise<PGlite> | undefined;
const sharedPglite = () => {
  pglite ??= PGlite.create();
  return pglite;
};
afterAll(async () => {
  if (pglite) await (await pglite).close();
});

describeStorageConformance({
  name: 'postgres (PGlite)',
  capabilities: pgliteCapabilities,
  async createStore() {
    const db = await sharedPglite();
    const tablePrefix = unique('t');
    return {
      open: async (options) =>
        postgresStorage({
          ...options,
          client: pgliteClient(db, { owned: false }),
          tablePrefix,
          name: 'pglite',
        }),
    };
  },
});

const url = requiredService(
  'the conformance suite on a PostgreSQL server (pg, postgres.js)',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const sql = postgres(url, { max: 8, onnotice: () => undefined });
  afterAll(async () => {
    await pool.end();
    await sql.end();
  });
  const inSchema = (wire: 'pg' | 'postgres.js') => async () => {
    const schema = unique('s').slice(0, -1);
    const client = wire === 'pg' ? await pgClient(pool) : postgresJsClient(sql, { owned: false });
    return {
      open: async (options?: CreateStorageOptions) =>
        postgresStorage({ ...options, client, schema, ownsClient: false }),
      dispose: async () => {
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      },
    };
  };
  describeStorageConformance({
    name: 'postgres (server, pg)',
    capabilities: postgresCapabilities,
    createStore: inSchema('pg'),
  });
  describeStorageConformance({
    name: 'postgres (server, postgres.js)',
    capabilities: postgresCapabilities,
    createStore: inSchema('postgres.js'),
    numRuns: 4,
  });

  describe('postgres storage on a server', () => {
    it('reports the capabilities of its client', async () => {
      const server = postgresStorage({ client: await pgClient(pool), ownsClient: false });
      const embedded = postgresStorage({ client: pgliteClient(await sharedPglite(), { owned: false }) });
      expect(server.capabilities).toEqual(postgresCapabilities);
      expect(embedded.capabilities).toEqual(pgliteCapabilities);
    });

    it('creates its prefixed tables in the schema it is given, as documented', async () => {
      const schema = unique('ddl').slice(0, -1);
      const storage = postgresStorage({
        client: await pgClient(pool),
        schema,
        tablePrefix: 'ss_',
        ownsClient: false,
      });
      await storage.open();
      const { rows } = await pool.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [schema],
      );
      expect(rows.map((r) => r.table_name)).toEqual(['ss_documents', 'ss_events', 'ss_organisations']);
      expect(postgresDdl({ schema, tablePrefix: 'ss_' })[0]).toBe(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await storage.close();
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
    });
  });
}
