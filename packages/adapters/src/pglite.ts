/**
 * `@social-shift/adapters/pglite`: wires PGlite (`@electric-sql/pglite`, an optional peer dependency: PostgreSQL
 * compiled to WebAssembly, in Node or the browser) to the PostgreSQL adapter's {@link SqlClient}.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * import { postgresStorage } from '@social-shift/adapters/postgres';
 * import { pgliteClient } from '@social-shift/adapters/pglite';
 *
 * const storage = postgresStorage({ client: pgliteClient(await PGlite.create()), name: 'pglite' });
 * ```
 *
 * @packageDocumentation
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { StorageCapabilities } from '@social-shift/core';
import type { SqlClient, SqlResult } from './postgres.js';

/** What the PostgreSQL adapter can do on PGlite: one process; in Node and in browsers; persistent with a data dir. */
export const pgliteCapabilities: StorageCapabilities = {
  persistent: true,
  multiProcess: false,
  browser: true,
  node: true,
  batchedReads: true,
};

const run = async <R>(db: PGlite | Transaction, text: string, params: readonly unknown[] = []) => {
  const result = await db.query<R>(text, [...params]);
  return { rows: result.rows, rowCount: result.affectedRows ?? 0 } satisfies SqlResult<R>;
};

/**
 * A {@link SqlClient} over a PGlite instance. PGlite has one connection: its transactions take turns. `close()`
 * closes the instance unless `owned` is false.
 *
 * @example
 * ```ts
 * const client = pgliteClient(await PGlite.create('idb://social-shift'));
 * ```
 */
export function pgliteClient(db: PGlite, options: { owned?: boolean } = {}): SqlClient {
  return {
    capabilities: pgliteCapabilities,
    query: (text, params) => run(db, text, params),
    transaction: (work) =>
      db.transaction(async (tx) => {
        const inner: SqlClient = {
          query: (text, params) => run(tx, text, params),
          transaction: (nested) => nested(inner),
        };
        return work(inner);
      }),
    async close() {
      if (options.owned !== false) await db.close();
    },
  };
}
