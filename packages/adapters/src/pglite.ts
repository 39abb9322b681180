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
import { SocialShiftError } from '@social-shift/core';
import { checkOwned } from './owned-option.js';
import type { SqlClient, SqlResult } from './postgres.js';

/**
 * What the PostgreSQL adapter can do on PGlite with a data directory: one process; in Node and in browsers. A client
 * over a PGlite in memory (no data directory, `memory://`, or its `MemoryFS`) reports `persistent: false` in its own
 * `capabilities`.
 */
export const pgliteCapabilities: StorageCapabilities = {
  persistent: true,
  multiProcess: false,
  browser: true,
  node: true,
  batchedReads: true,
};

/**
 * The directory where `db` keeps its data when it is closed. Every PGlite filesystem that keeps data (a directory in Node,
 * `idb://` and `opfs-ahp://` in browsers) is given a data directory, either as the instance's `dataDir` or as its
 * `fs` option's own; the in-memory one (the default, `memory://`) has none. A `PGliteWorker` keeps its filesystem in
 * the worker, so it reads as not persistent.
 */
function dataDirectory(db: PGlite): string | undefined {
  const dir = db.dataDir ?? (db.fs as { dataDir?: unknown } | undefined)?.dataDir;
  return typeof dir === 'string' && dir !== '' && !dir.startsWith('memory://') ? dir : undefined;
}

/**
 * The last PGlite instance given to {@link pgliteClient} on each data directory. Two open instances on one directory
 * each keep their own copy of the database and overwrite each other's writes without an error, so a second one is
 * refused while the first is open. (Directories are compared as given: `./data` and `data` are not seen as one.)
 */
const onDirectory = new Map<string, WeakRef<PGlite>>();

const run = async <R>(db: PGlite | Transaction, text: string, params: readonly unknown[] = []) => {
  const result = await db.query<R>(text, [...params]);
  return { rows: result.rows, rowCount: result.affectedRows ?? 0 } satisfies SqlResult<R>;
};

/**
 * A {@link SqlClient} over a PGlite instance. PGlite has one connection: its transactions take turns. `close()`
 * closes the instance unless `owned` is false. Its `capabilities` say `persistent: false` for a PGlite in memory.
 *
 * @example
 * ```ts
 * const client = pgliteClient(await PGlite.create('idb://social-shift'));
 * ```
 */
export function pgliteClient(db: PGlite, options: { owned?: boolean } = {}): SqlClient {
  const given = db as Partial<PGlite> | null | undefined;
  if (typeof given?.query !== 'function' || typeof given.transaction !== 'function') {
    // A forgotten `await` (a Promise of a PGlite) failed only on the first query, as "db.query is not a function".
    const message =
      typeof (given as { then?: unknown } | null | undefined)?.then === 'function'
        ? 'pass the PGlite instance, not a Promise of it: pgliteClient(await PGlite.create()).'
        : 'pass a PGlite instance, such as pgliteClient(await PGlite.create()).';
    throw new SocialShiftError('VALIDATION', `Invalid pgliteClient argument: ${message}`, {
      details: { issues: [{ path: ['db'], message, code: 'custom' }] },
    });
  }
  const owned = checkOwned('pgliteClient', options?.owned, 'close', 'the PGlite instance');
  const dir = dataDirectory(db);
  if (dir !== undefined) {
    const other = onDirectory.get(dir)?.deref();
    if (other !== undefined && other !== db && !other.closed) {
      const message = `another PGlite instance is open on the data directory "${dir}": two instances on one directory overwrite each other's writes. Give every storage the same instance (pgliteClient(db, { owned: false }) for all but one), or close the other instance first.`;
      throw new SocialShiftError('VALIDATION', `Invalid pgliteClient argument: ${message}`, {
        details: { issues: [{ path: ['db'], message, code: 'custom' }] },
      });
    }
    onDirectory.set(dir, new WeakRef(db));
  }
  return {
    capabilities: dir === undefined ? { ...pgliteCapabilities, persistent: false } : pgliteCapabilities,
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
      // Once: storages given one client each close it (unless ownsClient: false), and PGlite refuses a second close().
      if (owned !== false && !db.closed) await db.close();
    },
  };
}
