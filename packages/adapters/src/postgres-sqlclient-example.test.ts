// The SqlClient example in postgres.ts shows how to wire any driver: its `query` is what a team copies. The adapter
// calls `query(text)` without parameters (its CREATE TABLE statements), so a `query` that spreads `params` as
// given failed every first open with "params is not iterable". The example's `query` is run here as written.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { requiredService } from '../test/required-service.js';
import { postgresStorage, type SqlClient } from './postgres.js';

const url = requiredService(
  'the SqlClient example on a PostgreSQL server',
  process.env.SOCIAL_SHIFT_PG_URL,
  'set SOCIAL_SHIFT_PG_URL (`source .ci/services.sh` starts a throw-away PostgreSQL from Debian and sets it)',
);

/** The `query: …` line of the `@example` of `SqlClient`, without the doc comment's ` * `. */
function exampleQueryLine(): string {
  const source = readFileSync(new URL('./postgres.ts', import.meta.url), 'utf8');
  const example = /```ts\n([\s\S]*?)```[\s\S]*?\*\/\nexport interface SqlClient\b/.exec(
    source.slice(source.indexOf('/**\n * The small query interface')),
  )?.[1];
  const line = example
    ?.split('\n')
    .map((text) => text.replace(/^\s*\* ?/, '').trim())
    .find((text) => text.startsWith('query:'));
  if (!line) throw new Error('SqlClient has no @example with a query: line');
  return line.replace(/,$/, '');
}

/** The example's `query` over `db` (a pool, or a pool's client inside a transaction). */
const exampleQuery = (db: { query: pg.Pool['query'] }): SqlClient['query'] =>
  new Function('pool', `return { ${exampleQueryLine()} }.query;`)(db);

if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  afterAll(() => pool.end());

  describe('the SqlClient example', () => {
    it('answers a query without parameters, as the adapter sends its CREATE TABLE statements', async () => {
      const query = exampleQuery(pool);
      expect((await query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      expect((await query<{ two: number }>('SELECT $1::int AS two', [2])).rows).toEqual([{ two: 2 }]);
    });

    it('opens a storage and commits when wired to pg with its query', async () => {
      const client: SqlClient = {
        query: exampleQuery(pool),
        async transaction(work) {
          const connection = await pool.connect();
          try {
            await connection.query('BEGIN ISOLATION LEVEL READ COMMITTED');
            const result = await work({ ...client, query: exampleQuery(connection) });
            await connection.query('COMMIT');
            return result;
          } catch (error) {
            await connection.query('ROLLBACK');
            throw error;
          } finally {
            connection.release();
          }
        },
      };
      const schema = `sqlclient_example_${Date.now().toString(36)}`;
      const storage = postgresStorage({ client, schema, ownsClient: false });
      try {
        await storage.commit('org_a', {
          puts: [{ collection: 'post', id: 'p1', data: { title: 'A' }, expectedVersion: 0 }],
          events: [],
        });
        expect((await storage.get('org_a', 'post', 'p1'))?.data).toEqual({ title: 'A' });
      } finally {
        await storage.close();
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      }
    });
  });
}
