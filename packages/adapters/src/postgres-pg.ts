/**
 * `@social-shift/adapters/postgres-pg`: wires node-postgres (`pg`, an optional peer dependency) to the
 * PostgreSQL adapter's {@link SqlClient}. Only this subpath touches `pg`.
 *
 * @example
 * ```ts
 * import { postgresStorage } from '@social-shift/adapters/postgres';
 * import { pgClient } from '@social-shift/adapters/postgres-pg';
 *
 * const storage = postgresStorage({ client: await pgClient({ connectionString: process.env.DATABASE_URL }) });
 * ```
 *
 * @packageDocumentation
 */
import { createHash } from 'node:crypto';
import { SocialShiftError } from '@social-shift/core';
import type { Pool, PoolClient, PoolConfig } from 'pg';
import { loadDriver } from './load-driver.js';
import type { SqlClient, SqlResult } from './postgres.js';

/** Options of {@link pgClient}. */
export interface PgClientOptions {
  /**
   * Named (prepared) statements, parsed and planned once per connection (default `true`). Set `false` behind a
   * connection pooler in transaction mode that does not track prepared statements (PgBouncer before 1.21, or
   * without `max_prepared_statements`): there a statement prepared on one server connection is missing on the next.
   */
  readonly preparedStatements?: boolean;
}

/**
 * A {@link SqlClient} over a `pg` pool: pass a `Pool` you own, or pool options (then `pg` is loaded now and the
 * pool is ended when the storage closes).
 *
 * @example
 * ```ts
 * const client = await pgClient({ connectionString: 'postgres://app@127.0.0.1:5432/app', max: 10 });
 * // behind PgBouncer in transaction mode (before 1.21):
 * const pooled = await pgClient({ connectionString: process.env.DATABASE_URL }, { preparedStatements: false });
 * ```
 */
export async function pgClient(pool: Pool | PoolConfig, options: PgClientOptions = {}): Promise<SqlClient> {
  if (typeof pool !== 'object' || pool === null)
    throw invalidPool('a pg.Pool or pool options such as { connectionString }', typeof pool);
  const prepared = options?.preparedStatements ?? true;
  if (typeof prepared !== 'boolean') {
    const message = 'use true (the default) or false.';
    throw new SocialShiftError('VALIDATION', `Invalid pgClient option preparedStatements: ${message}`, {
      details: { issues: [{ path: ['preparedStatements'], message, code: 'custom' }] },
    });
  }
  const run = prepared ? runNamed : runUnnamed;
  if (isPool(pool)) return poolClient(pool, false, run);
  // A single `pg.Client` (it has `connect` and `query`, no pool counts) was taken for a pool: its statements waited
  // for ever for a connection nobody opened, or its second `connect()` failed.
  if (typeof (pool as { connect?: unknown }).connect === 'function')
    throw invalidPool(
      'a pg.Pool (the adapter needs a connection per transaction), not a single pg.Client',
      'a pg.Client',
    );
  const { default: pg } = await loadDriver('pg', 'postgres-pg', () => import('pg'));
  const owned = new pg.Pool(pool);
  // When the server ends an idle connection (a restart, a failover, idle_session_timeout), `pg` emits 'error' on the
  // pool, which throws it as an uncaught exception without a listener; nobody else can listen on this pool. The
  // pool has dropped the connection already: the next query opens a new one.
  owned.on('error', () => undefined);
  return poolClient(owned, true, run);
}

function isPool(value: Pool | PoolConfig): value is Pool {
  return (
    typeof (value as Pool).connect === 'function' &&
    typeof (value as Pool).query === 'function' &&
    typeof (value as Pool).totalCount === 'number'
  );
}

const invalidPool = (wanted: string, given: string) => {
  const message = `pass ${wanted}.`;
  return new SocialShiftError('VALIDATION', `Invalid pgClient argument (${given}): ${message}`, {
    details: { issues: [{ path: ['pool'], message, code: 'custom' }] },
  });
};

interface Queryable {
  query(config: {
    text: string;
    values: unknown[];
    name?: string;
  }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/**
 * Statement names by SQL text: `pg` prepares a named statement once per connection and then only binds and
 * executes it, so the server parses and plans each statement once per connection instead of on every call. The
 * name is a hash of the text, so it means the same text on every connection of every pool, whichever copy of this
 * module named it (`pg` refuses a name reused for other text; a counter clashed when an ESM and a CommonJS build
 * shared a pool). The adapter's SQL has few shapes; past the limit, new texts run unnamed as before.
 */
const MAX_NAMED = 1_000;
const names = new Map<string, string>();
const nameOf = (text: string): string | undefined => {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `social_shift_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
};

type Run = <R>(db: Queryable, text: string, params?: readonly unknown[]) => Promise<SqlResult<R>>;

const runAs = async <R>(
  db: Queryable,
  name: string | undefined,
  text: string,
  params: readonly unknown[] = [],
): Promise<SqlResult<R>> => {
  const values = [...params];
  const result = await db.query(name === undefined ? { text, values } : { name, text, values });
  return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
};
const runNamed: Run = (db, text, params) => runAs(db, nameOf(text), text, params);
const runUnnamed: Run = (db, text, params) => runAs(db, undefined, text, params);

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * The pool's {@link connectionsOf statements and transactions}, and a `close()` that lets those running finish first:
 * pg's `pool.end()` drops a call still waiting for a connection (queued for an idle one until the next tick, or for a
 * free one of a full pool), whose promise then never settles, and a request that awaited it never answers. It waits
 * also when the pool is the app's, which may then end it once the storage closed.
 */
function poolClient(pool: Pool, owned: boolean, run: Run): SqlClient {
  const client = connectionsOf(pool, run);
  const running = new Set<Promise<unknown>>();
  const track = <T>(pending: Promise<T>): Promise<T> => {
    running.add(pending);
    const done = () => running.delete(pending);
    pending.then(done, done);
    return pending;
  };
  return {
    query: (text, params) => track(client.query(text, params)),
    transaction: (work) => track(client.transaction(work)),
    async close() {
      while (running.size > 0) await Promise.allSettled(running);
      // Once: storages given one client each close it (unless ownsClient: false), and pg refuses a second end().
      if (owned && !pool.ending) await pool.end();
    },
  };
}

/** Statements and transactions on the pool's connections. */
function connectionsOf(pool: Pool, run: Run): SqlClient {
  return {
    query: (text, params) => run(pool, text, params),
    async transaction(work) {
      // A checked-out connection has no 'error' listener of the pool's: when the server ends the session while it
      // is idle in the transaction (a failover, an administrator, idle_in_transaction_session_timeout), `pg` emits
      // 'error' on it, which would be an uncaught exception. The error is kept; the next statement fails with it.
      let lost: unknown;
      const onError = (error: unknown) => {
        lost ??= error;
      };
      // The listener goes on in the pool's callback, as the pool hands the connection over: after `await
      // pool.connect()` it came a turn late. `pool.query` gives its connection back inside pg's parsing of the answer,
      // and the pool hands it straight to a transaction that waits; a server shutting down sends its FATAL in the same
      // packet as that answer, and pg emitted it before the listener was on, which ended the process.
      const connection = await new Promise<PoolClient>((resolve, reject) => {
        pool.connect((error, client) => {
          if (error || !client) reject(error ?? new Error('The pool gave no connection.'));
          else {
            client.on('error', onError);
            resolve(client);
          }
        });
      });
      /** Back to the pool; with an error (the pool then closes it) when it is broken or maybe still in the transaction. */
      const release = (error?: unknown) => {
        connection.removeListener('error', onError);
        const broken = error ?? lost;
        connection.release(broken === undefined ? undefined : toError(broken));
      };
      // The transaction's statements, COMMIT and ROLLBACK included, go to the connection one at a time in the
      // order they were issued: a statement issued while another runs (reads started together, a write the work
      // did not wait for) waits here. `pg` would queue it itself, but warns that this queue is deprecated, and
      // pg 9 removes it.
      let last: Promise<unknown> = Promise.resolve();
      // Once COMMIT or ROLLBACK is queued, a statement would run after it, outside the transaction (or inside the
      // next one on this connection): it is refused instead.
      let ended = false;
      const inTurn = <T>(send: () => Promise<T>): Promise<T> => {
        const next = last.then(send);
        last = next.catch(() => undefined);
        return next;
      };
      const inner: SqlClient = {
        // After the session ended, `pg` fails a statement with "Client has encountered a connection error and is not
        // queryable": the error it kept says what happened (an administrator, a timeout, a shutdown).
        query: <R>(text: string, params?: readonly unknown[]) =>
          ended
            ? Promise.reject(
                new Error('This transaction has ended: send its statements before its work returns.'),
              )
            : inTurn(() => run<R>(connection, text, params)).catch((error: unknown) => {
                throw lost ?? error;
              }),
        transaction: (nested) => nested(inner),
      };
      try {
        // READ COMMITTED whatever the database's default: at a stricter level appends of one organisation fail
        // with a serialisation failure instead of waiting for each other's counter row.
        // A session that ended as it was handed over fails BEGIN with "not queryable": say why it ended.
        await connection.query('BEGIN ISOLATION LEVEL READ COMMITTED').catch((error: unknown) => {
          throw lost ?? error;
        });
        const result = await work(inner);
        // After a statement failed in the transaction (and `work` caught the error), PostgreSQL answers COMMIT
        // with the ROLLBACK command tag and no error: nothing was saved, so this must not resolve. A session the
        // server ended after the work's last statement fails COMMIT with "not queryable": say why it ended.
        ended = true;
        const committed = await inTurn(() => connection.query('COMMIT')).catch((error: unknown) => {
          throw lost ?? error;
        });
        if (committed.command !== 'COMMIT')
          throw new Error('Transaction was rolled back instead of committed.');
        release();
        return result;
      } catch (error) {
        let failed: unknown;
        ended = true;
        await inTurn(() => connection.query('ROLLBACK')).catch((rollback: unknown) => {
          failed = lost ?? rollback;
        });
        release(failed);
        throw error;
      }
    },
  };
}
