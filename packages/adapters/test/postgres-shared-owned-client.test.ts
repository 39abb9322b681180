import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteClient } from '../src/pglite.js';
import { postgresStorage, type SqlClient } from '../src/postgres.js';
import { postgresJsClient } from '../src/postgres-js.js';
import { pgClient } from '../src/postgres-pg.js';
import { requiredService } from './required-service.js';

// Two storages given one client (one pool for the app's two tenants' schemas, say), both owning it by default: the
// first close() ended the client under the second, whose reads then failed with "Cannot use a pool after calling end on
// the pool … check the store and retry" (a retry fails alike), and whose own close() failed with "Called end on pool
// more than once" or "PGlite is closed".
const put = (id: string) => ({ collection: 'post', id, data: { id }, expectedVersion: 0 });

async function closeOneOfTwo(client: SqlClient, schema?: string, org = 'org_a') {
  const first = postgresStorage({ client, ...(schema ? { schema } : {}) });
  const second = postgresStorage({ client, ...(schema ? { schema } : {}) });
  await first.commit(org, { puts: [put('before')], events: [] });
  await second.get(org, 'post', 'before');
  await first.close();
  const outcomes = await Promise.allSettled([
    second.get(org, 'post', 'before'),
    second.query(org, 'post'),
    second.readEvents(org),
    second.commit(org, { puts: [put('after')], events: [] }),
  ]);
  for (const outcome of outcomes)
    expect(outcome).toMatchObject({
      status: 'rejected',
      reason: {
        code: 'STORAGE',
        message: expect.stringMatching(
          /its client was ended .*close\(\) of another storage given the same client.*ownsClient: false/,
        ),
      },
    });
  await expect(second.close()).resolves.toBeUndefined();
}

describe('two storages that own one PGlite client', () => {
  it('says the client was ended by the other storage, and closes without an error', async () => {
    await closeOneOfTwo(pgliteClient(new PGlite()));
    // PGlite starts a WebAssembly PostgreSQL: seconds on a busy machine, as the other PGlite tests allow.
  }, 60_000);
});

const url = requiredService(
  'storages that own one PostgreSQL client',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

if (url) {
  describe('two storages that own one PostgreSQL client', () => {
    const schema = `shared_owned_${Date.now().toString(36)}`;
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    afterAll(async () => {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });

    it('says the client was ended by the other storage, and closes without an error (pg, pool made from options)', async () => {
      await closeOneOfTwo(await pgClient({ connectionString: url, max: 2 }), schema, 'org_pg');
    });

    it('says the client was ended by the other storage, and closes without an error (postgres.js)', async () => {
      await closeOneOfTwo(
        postgresJsClient(postgres(url, { max: 2, onnotice: () => undefined })),
        schema,
        'org_postgresjs',
      );
    });
  });
}
