/**
 * `@social-shift/adapters/postgres-js`: wires postgres.js (`postgres`, an optional peer dependency) to the
 * PostgreSQL adapter's {@link SqlClient}. Only this subpath touches `postgres`.
 *
 * @example
 * ```ts
 * import postgres from 'postgres';
 * import { postgresStorage } from '@social-shift/adapters/postgres';
 * import { postgresJsClient } from '@social-shift/adapters/postgres-js';
 *
 * const storage = postgresStorage({ client: postgresJsClient(postgres(process.env.DATABASE_URL!)) });
 * ```
 *
 * @packageDocumentation
 */
import { SocialShiftError } from '@social-shift/core';
import type { Sql, TransactionSql } from 'postgres';
import { checkOwned } from './owned-option.js';
import type { SqlClient, SqlResult } from './postgres.js';

type Parameter = Parameters<Sql['unsafe']>[1];

const run = async <R>(sql: Sql | TransactionSql, text: string, params: readonly unknown[] = []) => {
  const result = await sql.unsafe(text, [...params] as Parameter);
  return { rows: [...result] as R[], rowCount: result.count ?? 0 } satisfies SqlResult<R>;
};

/**
 * Whether `error` says the connection is gone: the server ended it (57P01 administrator command, such as
 * `pg_terminate_backend` or a failover; 57P02 crash shutdown), postgres.js found it closed (`CONNECTION_CLOSED`) or
 * could not open it (`CONNECT_TIMEOUT`), or its socket failed: any Node system error (ECONNRESET, EPIPE, ETIMEDOUT
 * after a keepalive or retransmit timeout, EHOSTUNREACH…), which has a `syscall` or an `E…` code. Not
 * `CONNECTION_ENDED` or `CONNECTION_DESTROYED`: those are `sql.end()`'s own.
 */
const connectionLost = (error: unknown): boolean => {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  return (
    typeof syscall === 'string' ||
    /^E[A-Z]+$/.test(String(code)) ||
    ['CONNECTION_CLOSED', 'CONNECT_TIMEOUT', '57P01', '57P02'].includes(String(code))
  );
};

/**
 * Whether a statement that failed with `error` (the `tries`th time) is sent again: see `postgresJsClient`. Only when
 * an open connection was lost, at most `max` (the pool size) + 1 times: a failover ends every connection of the pool,
 * and postgres.js may hand the next try to another of them (or to one that gets the ended session's stale 57P01)
 * before it has noticed. Not when no connection could be opened (a refused or timed out connect, an unknown host):
 * the database is down or unreachable, and its error comes back at once.
 */
const sendAgain = (error: unknown, tries: number, max: number) => {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  return (
    tries <= max &&
    connectionLost(error) &&
    code !== 'CONNECT_TIMEOUT' &&
    syscall !== 'connect' &&
    syscall !== 'getaddrinfo'
  );
};

/**
 * A timer turn that comes after the close of a socket that failed before it was called. Node takes the close in the
 * close-callbacks phase of the loop iteration, after its check phase (`setImmediate`) and before the next timers:
 * a `setTimeout` alone could still run before it when the failure came in the timers phase (a postgres.js timer, a
 * socket destroyed in a timer), so the timer is set from the check phase.
 */
const closeTaken = () =>
  new Promise((resolve) => {
    const later = typeof setImmediate === 'function' ? setImmediate : (next: () => void) => next();
    later(() => setTimeout(resolve, 0));
  });

/**
 * The statements of each postgres.js instance wait for this timer turn after one of them found a connection lost:
 * the connection that gets stuck is the instance's, whichever client sent on it (two storages over one `sql`).
 */
const settlings = new WeakMap<Sql, Promise<unknown>>();

/**
 * Seconds `close()` lets statements still running finish before it ends their connections. postgres.js 3.4 keeps a
 * statement that a lost connection ended (a failover, a restart) as pending, and `sql.end()` without a timeout then
 * waited for it for ever; the adapter's own statements take milliseconds, and 5 s stays well inside the usual
 * shutdown grace period (10 to 30 s) of a service manager or an orchestrator.
 */
const CLOSE_TIMEOUT_SECONDS = 5;

/**
 * A {@link SqlClient} over a postgres.js `sql` instance. `close()` ends it unless `owned` is false: it waits at
 * most 5 seconds for statements still running (`sql.end({ timeout: 5 })`), then ends their connections. For
 * another timeout pass `owned: false` (or `ownsClient: false` to the storage) and call `sql.end()` yourself.
 *
 * An instance with a `transform` that changes what it reads (`column.from`, `value.from` or `row.from`, as
 * `postgres.camel` has) is refused with `VALIDATION`: the adapter reads its columns by name and their values as
 * they come. That includes a transform of values alone: postgres.js runs `value.from` on every value of every row
 * (the version, the event's `seq`, the document's text), so only the value transform of `postgres.camel` and its
 * kin, which touches `json`/`jsonb` columns alone (the adapter reads them as `::text`), would be harmless, and it
 * cannot be told apart from one of your own. Give the storage its own `postgres(url)` without a transform.
 *
 * A connection the server ended (an administrator's `pg_terminate_backend`, a failover) or whose socket failed
 * (`ETIMEDOUT`, `EHOSTUNREACH`…) stays postgres.js's until it has taken the close, a few milliseconds later: a
 * statement sent on it then fails (`ECONNRESET`), and the next one may still get the ended session's `57P01`. A
 * statement outside a transaction that starts with `SELECT` (the storage's reads) is sent again after such an error,
 * as long as each try fails that way, at most the pool size (`max`) + 1 times; a transaction is begun again in the
 * same way when its `BEGIN` failed (none of its statements was sent). A `SELECT` of your own that has side effects
 * (`nextval`, a function that writes) counts as a read and may run twice. A write outside a transaction (the
 * storage's one-statement write set) is never sent again: the server may have run it. Statements your app sends
 * itself on the same `sql` do not wait for a lost connection's close and may hang: give the storage its own
 * `postgres(url)`.
 *
 * @example
 * ```ts
 * const client = postgresJsClient(postgres('postgres://app@127.0.0.1:5432/app', { max: 10 }));
 * ```
 */
export function postgresJsClient(sql: Sql, options: { owned?: boolean } = {}): SqlClient {
  const given: unknown = sql;
  const { unsafe, begin } = (typeof given === 'function' ? given : {}) as Partial<Sql>;
  if (typeof unsafe !== 'function' || typeof begin !== 'function') {
    // Anything else failed only on the first query, as "sql.unsafe is not a function".
    const message =
      "pass the sql instance of postgres.js, such as postgresJsClient(postgres(url)) with postgres from 'postgres'.";
    throw new SocialShiftError('VALIDATION', `Invalid postgresJsClient argument: ${message}`, {
      details: { issues: [{ path: ['sql'], message, code: 'custom' }] },
    });
  }
  const owned = checkOwned('postgresJsClient', options?.owned, 'end', 'the sql instance');
  // A transform renames the columns the adapter reads by name (schema_version, organisation_id) or changes the
  // values or rows: documents came back with no schema version, silently. Only `undefined` (parameters) and
  // `column.to` (names written in tagged templates, which the adapter does not use) are harmless.
  const transform = (given as { options?: { transform?: Record<string, { from?: unknown } | undefined> } })
    .options?.transform;
  const read = { column: 'column names', value: 'values', row: 'rows' };
  const changed = Object.entries(read)
    .filter(([key]) => typeof transform?.[key]?.from === 'function')
    .map(([, words]) => words);
  if (changed.length > 0) {
    const what = changed.length > 1 ? `${changed.slice(0, -1).join(', ')} and ${changed.at(-1)}` : changed[0];
    const message = `pass a postgres.js sql instance without transform (its transform changes the ${what} it reads): the adapter reads its own columns by name and their values as they are. Create one for the storage, such as postgres(url), beside the one of your app.`;
    throw new SocialShiftError('VALIDATION', `Invalid postgresJsClient argument: ${message}`, {
      details: { issues: [{ path: ['sql', 'options', 'transform'], message, code: 'custom' }] },
    });
  }
  // postgres.js 3.4 fails the statements of a connection whose socket errored (ECONNRESET, ETIMEDOUT…) at once, but
  // takes its close only in a later phase of the event loop: a statement sent in between (such as one sent as soon
  // as the failure came back) is queued on that connection and never answered, nor is any later statement of that
  // connection once it reconnected. So after a lost connection the next statements of the instance (of every client
  // over it: `settlings`) wait a timer turn, which comes after the close; the statements of other connections wait
  // that turn too (about a millisecond).
  const lose = (error: unknown) => {
    if (!connectionLost(error)) return;
    const turn: Promise<unknown> = closeTaken().then(() => {
      if (settlings.get(sql) === turn) settlings.delete(sql);
    });
    settlings.set(sql, turn);
  };
  // postgres.js's pool size (`max`, 10 by default): how many ended connections a retry may still meet.
  const max = Number((given as { options?: { max?: unknown } }).options?.max) || 10;
  /** Sends a statement once the connection lost last has closed; again, after a lost connection, while `retry`. */
  const send = async <T>(statement: () => Promise<T>, retry: (error: unknown, tries: number) => boolean) => {
    for (let tries = 0; ; tries++) {
      // Again after each wait: another connection may have been lost meanwhile, with a newer turn to wait for.
      for (let settling = settlings.get(sql); settling !== undefined; settling = settlings.get(sql))
        await settling;
      try {
        return await statement();
      } catch (error) {
        lose(error);
        if (!retry(error, tries)) throw error;
      }
    }
  };

  const transaction = <T>(work: (client: SqlClient) => Promise<T>): Promise<T> => {
    let begun = false;
    return send(
      () => {
        begun = false;
        return once(work, () => {
          begun = true;
        });
      },
      (error, tries) => !begun && sendAgain(error, tries, max),
    );
  };
  const once = async <T>(work: (client: SqlClient) => Promise<T>, onBegun: () => void): Promise<T> => {
    // postgres.js 3.4 writes to a connection the server closed inside a transaction (its own ROLLBACK or COMMIT, or
    // a further statement of `work`) and crashes the process with an uncaught TypeError in a timer (porsager/
    // postgres#1208). `sql.begin` rejects as soon as the connection closes; from then on nothing more is sent
    // on it: further statements fail with that error, and `work`'s outcome is not handed back to postgres.js.
    let lost: unknown;
    let settled = false;
    let statementFailed = false;
    // A statement of `work` that failed because the connection is gone: later ones are not sent (postgres.js would
    // queue them on that connection before it took the close, and never answer them).
    let broken: { error: unknown } | undefined;
    const begin = sql.begin('isolation level read committed', async (tx) => {
      onBegun();
      const inner: SqlClient = {
        query: <R>(text: string, params?: readonly unknown[]) =>
          lost === undefined && broken === undefined
            ? run<R>(tx, text, params).catch((error: unknown) => {
                statementFailed = true;
                if (connectionLost(error)) {
                  broken ??= { error };
                  lose(error);
                }
                throw error;
              })
            : Promise.reject(lost ?? broken?.error),
        transaction: (nested) => nested(inner),
      };
      let outcome: { value: T } | { error: unknown };
      try {
        outcome = { value: await work(inner) };
      } catch (error) {
        outcome = { error };
        // A closed connection fails its statement and rejects `sql.begin` in the same turn: wait for that turn.
        // Only after a failed statement: the work's error may be wrapped (the storage makes it STORAGE) and the
        // connection errors are many (CONNECTION_CLOSED, ECONNRESET, 57P01…), while a CONFLICT of a version check
        // or a VALIDATION fails no statement and so does not wait a timer turn.
        if (statementFailed) await closeTaken();
      }
      // The work caught a statement's lost connection and returned: wait for the close too, not to send COMMIT on it.
      if (broken !== undefined && 'value' in outcome) await closeTaken();
      if (lost !== undefined) return new Promise<never>(() => undefined);
      settled = true;
      if ('error' in outcome) throw outcome.error;
      if (broken !== undefined) throw broken.error;
      return [outcome.value] as const;
    });
    begin.catch((error: unknown) => {
      if (!settled) lost = error;
    });
    return (await begin)[0];
  };

  return {
    // Only a read is sent again (see above): the storage's statements that start with SELECT write nothing.
    query: (text, params) =>
      send(
        () => run(sql, text, params),
        (error, tries) => /^\s*select\b/i.test(text) && sendAgain(error, tries, max),
      ),
    transaction,
    async close() {
      if (owned !== false) await sql.end({ timeout: CLOSE_TIMEOUT_SECONDS });
    },
  };
}
