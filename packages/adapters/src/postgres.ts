/**
 * `@social-shift/adapters/postgres`: storage in PostgreSQL (13 or newer, and PGlite) over a small query interface,
 * {@link SqlClient}. Ready wiring: `pgClient` (`@social-shift/adapters/postgres-pg`), `postgresJsClient`
 * (`@social-shift/adapters/postgres-js`) and `pgliteClient` (`@social-shift/adapters/pglite`). Many app servers
 * can share one database: optimistic concurrency and gapless, ordered appends to the event log hold across processes
 * (a retention run may leave gaps later, where it removed events).
 *
 * @example
 * ```ts
 * import { postgresStorage } from '@social-shift/adapters/postgres';
 * import { pgClient } from '@social-shift/adapters/postgres-pg';
 * import pg from 'pg';
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
 * // The server may end an idle connection (restart, failover): without a listener, pg's 'error' event ends the process.
 * pool.on('error', (error) => console.warn('postgres: idle connection lost', error.message));
 * const storage = postgresStorage({ client: await pgClient(pool), schema: 'social_shift' });
 * // end the pool when the service stops: storage.close() leaves a pool it was given open
 * ```
 *
 * @packageDocumentation
 */
import type {
  CreateStorageOptions,
  DocumentQuery,
  DocumentRow,
  DriverRead,
  DriverTransaction,
  DriverWriteSet,
  EntityType,
  EventQuery,
  EventRow,
  EventType,
  ManagedStorage,
  NewEventRow,
  OrganisationDocumentRow,
  StorageCapabilities,
  StorageDriver,
} from '@social-shift/core';
import {
  createStorage,
  entitySchemas,
  eventPayloadSchemas,
  isSocialShiftError,
  QUERY_INDEXES,
  SocialShiftError,
} from '@social-shift/core';
import { checkOptionNames } from './option-names.js';
import { fieldIndexes, postgresSchemaName, sqlIdentifier } from './sql-identifiers.js';

/** The result of one SQL statement. */
export interface SqlResult<R> {
  readonly rows: R[];
  /** Rows inserted, updated or deleted. */
  readonly rowCount: number;
}

/**
 * The small query interface the PostgreSQL adapter runs on: positional parameters (`$1`, `$2`, …) and a
 * transaction on one connection. Wire any driver to it in a few lines.
 *
 * @example
 * ```ts
 * // `params` is undefined for a statement without parameters (the adapter's CREATE TABLE statements).
 * const client: SqlClient = {
 *   query: async (text, params) => { const r = await pool.query(text, params ? [...params] : []); return { rows: r.rows, rowCount: r.rowCount ?? 0 }; },
 *   transaction: async (work) => { … BEGIN … work(connectionClient) … COMMIT / ROLLBACK … },
 * };
 * ```
 */
export interface SqlClient {
  /** Runs one statement with positional parameters (`$1`, `$2`, …); `params` is undefined for one without any. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
  /**
   * Runs `work` in one READ COMMITTED transaction (`BEGIN ISOLATION LEVEL READ COMMITTED`, whatever the database's
   * default: at a stricter level concurrent appends of one organisation fail) on one connection; rolls back when
   * it throws.
   */
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
  /** Releases the connections (called by the storage's `close()` when `ownsClient`). */
  close?(): Promise<void>;
  /** What this client changes in {@link postgresCapabilities} (PGlite: one process, runs in browsers). */
  readonly capabilities?: Partial<StorageCapabilities>;
}

/** Options of {@link postgresStorage}. */
export interface PostgresStorageOptions extends CreateStorageOptions {
  readonly client: SqlClient;
  /** The schema the tables live in (created when missing; default: the connection's search path). */
  readonly schema?: string;
  /** Prefix of the table names (default `social_shift_`). */
  readonly tablePrefix?: string;
  /** The JSON fields to index for `where` filters, by collection (default `QUERY_INDEXES`, the SDK's own). */
  readonly indexes?: Readonly<Record<string, readonly string[]>>;
  /** Close the client when the storage closes (default true). */
  readonly ownsClient?: boolean;
  /** The adapter's name in errors and the capability matrix (default `postgres`). */
  readonly name?: string;
}

/**
 * What the PostgreSQL adapter can do.
 *
 * @example
 * ```ts
 * postgresCapabilities.multiProcess; // true
 * ```
 */
export const postgresCapabilities: StorageCapabilities = {
  persistent: true,
  multiProcess: true,
  browser: false,
  node: true,
  batchedReads: true,
};

/**
 * The DDL the PostgreSQL adapter runs on open (`CREATE … IF NOT EXISTS`, under an advisory lock so several
 * servers can start at once).
 *
 * @example
 * ```ts
 * console.log(postgresDdl({ schema: 'app', tablePrefix: 'ss_' }).join(';\n'));
 * ```
 */
export function postgresDdl(
  options: {
    schema?: string;
    tablePrefix?: string;
    indexes?: Readonly<Record<string, readonly string[]>>;
  } = {},
): string[] {
  const t = tableNames(options);
  const p = tablePrefixOf(options);
  const fields = postgresFieldIndexes(p, options.indexes).map(
    ({ collection, field, name }) =>
      `CREATE INDEX IF NOT EXISTS ${name} ON ${t.documents} (organisation_id, (data ->> '${field}'), id) WHERE collection = '${collection}'`,
  );
  return [
    ...(options.schema !== undefined
      ? [`CREATE SCHEMA IF NOT EXISTS ${postgresSchemaName(options.schema)}`]
      : []),
    `CREATE TABLE IF NOT EXISTS ${t.documents} (
  organisation_id text COLLATE "C" NOT NULL,
  collection text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  schema_version integer NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (organisation_id, collection, id)
)`,
    `CREATE TABLE IF NOT EXISTS ${t.events} (
  organisation_id text COLLATE "C" NOT NULL,
  seq bigint NOT NULL,
  id text NOT NULL,
  type text NOT NULL,
  entity_id text COLLATE "C" NOT NULL,
  event jsonb NOT NULL,
  PRIMARY KEY (organisation_id, seq)
)`,
    `CREATE INDEX IF NOT EXISTS ${p}events_entity ON ${t.events} (organisation_id, entity_id, seq)`,
    `CREATE TABLE IF NOT EXISTS ${t.organisations} (
  organisation_id text COLLATE "C" PRIMARY KEY,
  last_seq bigint NOT NULL
)`,
    ...fields,
  ];
}

/** PostgreSQL cuts longer names to this many bytes: two indexes could end up with one name, and one is skipped. */
const MAX_NAME_BYTES = 63;

/** The field indexes of `postgresDdl`, checked: no name may clash with another or the adapter's own, or be cut. */
const postgresFieldIndexes = (
  p: string,
  indexes: Readonly<Record<string, readonly string[]>> = QUERY_INDEXES,
) =>
  fieldIndexes(
    p,
    indexes,
    [
      'documents',
      'events',
      'organisations',
      'events_entity',
      'documents_pkey',
      'events_pkey',
      'organisations_pkey',
    ].map((name) => `${p}${name}`),
    MAX_NAME_BYTES,
  );

/** Every table and index of the DDL, schema-qualified, as `to_regclass` reads them. */
function relationNames(options: {
  schema?: string;
  tablePrefix?: string;
  indexes?: Readonly<Record<string, readonly string[]>>;
}): string[] {
  const p = tablePrefixOf(options);
  const s = options.schema !== undefined ? `${postgresSchemaName(options.schema)}.` : '';
  const fields = postgresFieldIndexes(p, options.indexes).map((index) => index.name);
  return [
    ...['documents', 'events', 'events_entity', 'organisations'].map((name) => `${p}${name}`),
    ...fields,
  ].map((name) => `${s}${name}`);
}

/** The checked table prefix: the default when left out; a null is refused (`VALIDATION`), not taken for the default. */
const tablePrefixOf = (options: { tablePrefix?: string | undefined }) =>
  sqlIdentifier(options.tablePrefix === undefined ? 'social_shift_' : options.tablePrefix, 'tablePrefix');

function tableNames(options: { schema?: string; tablePrefix?: string }) {
  const p = tablePrefixOf(options);
  const s = options.schema !== undefined ? `${postgresSchemaName(options.schema)}.` : '';
  return { documents: `${s}${p}documents`, events: `${s}${p}events`, organisations: `${s}${p}organisations` };
}

/**
 * Creates PostgreSQL storage over a {@link SqlClient}. On open it creates its tables (see {@link postgresDdl})
 * and migrates old documents. Writes are conditional on the version (`UPDATE … WHERE version = $n`), and each
 * organisation's event counter row serialises appends, so appends take consecutive `seq` numbers across servers
 * (only a retention run leaves gaps later, where it removed events).
 *
 * @example
 * ```ts
 * const storage = postgresStorage({ client, schema: 'social_shift' });
 * await storage.open();
 * ```
 */
export function postgresStorage(options: PostgresStorageOptions): ManagedStorage {
  return createStorage(createPostgresDriver(options), options);
}

interface RawDocument {
  collection: string;
  id: string;
  version: number;
  schema_version: number;
  data: string;
}

/**
 * Checks that `client` is a {@link SqlClient} (`query` and `transaction` functions): a missing one, or a raw `pg`
 * Pool (no `transaction`), would otherwise fail later with a TypeError, after the storage was handed out.
 */
function checkClient(options: PostgresStorageOptions | undefined): void {
  const client = (options as { client?: unknown } | undefined)?.client as Partial<SqlClient> | undefined;
  if (
    typeof client === 'object' &&
    client !== null &&
    typeof client.query === 'function' &&
    typeof client.transaction === 'function'
  )
    return;
  const message =
    'pass client: a SqlClient with query() and transaction(), such as await pgClient(pool) from @social-shift/adapters/postgres-pg, postgresJsClient(sql) or pgliteClient(db) (a pg Pool itself is not one).';
  throw new SocialShiftError('VALIDATION', `Invalid client: ${message}`, {
    details: { issues: [{ path: ['client'], message, code: 'custom' }] },
  });
}

/**
 * `ownsClient` is true or false: from JavaScript a string such as `'false'` (a config file, an environment variable)
 * made `close()` end a pool the app owned. `name` is text, as errors read "The <name> storage …".
 */
function checkOwnsClientAndName(options: PostgresStorageOptions): void {
  const invalid = (path: string, message: string, got: unknown) =>
    new SocialShiftError(
      'VALIDATION',
      `Invalid ${path}: ${message} (got ${JSON.stringify(got) ?? typeof got}).`,
      {
        details: { issues: [{ path: [path], message, code: 'custom' }] },
      },
    );
  const { ownsClient, name } = options;
  if (ownsClient !== undefined && typeof ownsClient !== 'boolean')
    throw invalid(
      'ownsClient',
      'use true (close() closes the client, the default) or false (you close it yourself)',
      ownsClient,
    );
  if (name !== undefined && (typeof name !== 'string' || name.trim() === ''))
    throw invalid(
      'name',
      "use a word for the adapter's name in errors, such as 'postgres' (the default)",
      name,
    );
}

const OPTION_NAMES: readonly string[] = [
  'client',
  'schema',
  'tablePrefix',
  'indexes',
  'ownsClient',
  'name',
  'schemaVersion',
  'migrations',
];

function createPostgresDriver(options: PostgresStorageOptions): StorageDriver {
  checkClient(options);
  checkOptionNames(
    'postgresStorage',
    options,
    OPTION_NAMES,
    'without schema, the tables go in the search path.',
  );
  checkOwnsClientAndName(options);
  const t = tableNames(options);
  // Checked when the storage is created: a bad option is a VALIDATION error, not a failed open.
  relationNames(options);
  const client = options.client;
  const adapter = options.name ?? 'postgres';
  const schemaOf =
    options.schema !== undefined ? `the schema ${options.schema}` : 'the schema of its search path';
  /**
   * A statement the server refused for a missing privilege (42501), as `STORAGE` that says what to grant: the
   * server's own message names one object, and the privileges it takes come one refusal at a time. Else undefined.
   */
  const denied = (error: unknown, operation: string, missing?: readonly string[], schemaMissing = false) => {
    if ((error as { code?: unknown } | null)?.code !== INSUFFICIENT_PRIVILEGE) return undefined;
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
    const grant = missing
      ? `Its tables or indexes are missing (${missing.join(', ')}) and its database user may not create them: run the DDL of postgresDdl() (docs/storage/tables.md) as a user who may, or ${schemaMissing ? `have one make ${schemaOf} for it (CREATE SCHEMA ${options.schema} AUTHORIZATION <the user>)` : `grant it CREATE on ${schemaOf}`}`
      : `Grant its database user USAGE on ${schemaOf} and SELECT, INSERT, UPDATE and DELETE on ${t.documents}, ${t.events} and ${t.organisations}`;
    return new SocialShiftError(
      'STORAGE',
      `The ${adapter} storage was refused: ${reason}. Nothing of this command was written. ${grant}.`,
      { details: { adapter, operation }, cause: error },
    );
  };
  /** The client for statements outside a transaction, whose missing privilege says what to grant (see `denied`). */
  const plain: SqlClient = {
    query: <R>(text: string, params?: readonly unknown[]) =>
      client.query<R>(text, params).catch((error: unknown) => {
        throw denied(error, 'read') ?? endedClient(error, adapter, 'read') ?? error;
      }),
    transaction: (work) => client.transaction(work),
  };
  const columns = 'collection, id, version, schema_version, data::text AS data';
  const toRow = (raw: RawDocument): DocumentRow => ({
    collection: raw.collection,
    id: raw.id,
    version: Number(raw.version),
    schemaVersion: Number(raw.schema_version),
    data: raw.data,
  });

  const get = async (db: SqlClient, organisationId: string, collection: string, id: string) => {
    const { rows } = await db.query<RawDocument>(
      `SELECT ${columns} FROM ${t.documents} WHERE organisation_id = $1 AND collection = $2 AND id = $3`,
      [organisationId, collection, id],
    );
    return rows[0] && toRow(rows[0]);
  };

  /** The SQL of a query (its `SELECT … ORDER BY id [LIMIT]`), adding its parameters after `$1`, the organisation. */
  const querySql = (params: unknown[], collection: string, q: DocumentQuery, select = columns) => {
    const next = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // The collection and field names are written into the SQL (the factory allows only [A-Za-z0-9_] names), so
    // the planner can use the partial indexes of `postgresDdl`.
    let sql = `SELECT ${select} FROM ${t.documents} WHERE organisation_id = $1 AND collection = '${collection}'`;
    if (q.afterId !== undefined) sql += ` AND id > ${next(q.afterId)}`;
    for (const [field, value] of Object.entries(q.where ?? {})) {
      if (value === null) {
        sql += ` AND (data -> '${field}' IS NULL OR data -> '${field}' = 'null'::jsonb)`;
      } else if (typeof value === 'string') {
        sql += ` AND data ->> '${field}' = ${next(value)} AND jsonb_typeof(data -> '${field}') = 'string'`;
      } else {
        sql += ` AND data -> '${field}' = ${next(JSON.stringify(value))}::text::jsonb`;
      }
    }
    sql += ' ORDER BY id';
    if (q.limit !== undefined) sql += ` LIMIT ${next(q.limit)}`;
    return sql;
  };

  const query = async (db: SqlClient, organisationId: string, collection: string, q: DocumentQuery) => {
    const params: unknown[] = [organisationId];
    const { rows } = await db.query<RawDocument>(querySql(params, collection, q), params);
    return rows.map(toRow);
  };

  // Several reads in one statement: each read is a branch of a UNION ALL, tagged with its position; the rows come
  // back ordered by position, then id (each branch's own order).
  const readMany = async (organisationId: string, reads: readonly DriverRead[]) => {
    const results: DocumentRow[][] = reads.map(() => []);
    for (let start = 0; start < reads.length; ) {
      const params: unknown[] = [organisationId];
      const branches: string[] = [];
      let end = start;
      // As many reads as one statement takes: at most MAX_BATCH_READS, within the parameters of a statement (many
      // reads issued at once, such as a Promise.all over thousands of ids, failed all together before).
      for (; end < reads.length && branches.length < MAX_BATCH_READS; end++) {
        const read = reads[end]!;
        const taken = params.length;
        const select = `${end - start} AS k, ${columns}`;
        let branch: string;
        if (read.query) branch = `(${querySql(params, read.collection, read.query, select)})`;
        else {
          params.push(read.collection, read.id);
          branch = `(SELECT ${select} FROM ${t.documents} WHERE organisation_id = $1 AND collection = $${params.length - 1} AND id = $${params.length})`;
        }
        if (params.length > MAX_PARAMETERS && branches.length > 0) {
          params.length = taken;
          break;
        }
        branches.push(branch);
      }
      const { rows } = await plain.query<RawDocument & { k: number }>(
        `SELECT * FROM (${branches.join(' UNION ALL ')}) AS r ORDER BY k, id`,
        params,
      );
      for (const row of rows) results[start + Number(row.k)]?.push(toRow(row));
      start = end;
    }
    return results;
  };

  /**
   * The statement that bumps the organisation's event counter by `count` (a parameter or a number) and locks its
   * row until commit. Every writer of an organisation takes this row before any document or event row: appenders
   * take turns, a rollback undoes the count (so `seq` has neither gaps nor duplicates), and two writers never
   * each hold a row the other waits for (a deadlock, reported as `CONFLICT` where the loser should have seen
   * `ALREADY_EXISTS` or the winner's version).
   */
  const bumpCounter = (count: string) =>
    `INSERT INTO ${t.organisations} (organisation_id, last_seq) VALUES ($1, ${count})
     ON CONFLICT (organisation_id) DO UPDATE SET last_seq = ${t.organisations}.last_seq + EXCLUDED.last_seq
     RETURNING last_seq`;

  const append = async (db: SqlClient, organisationId: string, events: readonly NewEventRow[]) => {
    // One statement: the counter row is bumped (see `bumpCounter`) and the events are inserted with the numbers it
    // gives out, in the order given.
    const { rows } = await db.query<{ first: string | number }>(
      `WITH counter AS (${bumpCounter('$2')}), inserted AS (
         INSERT INTO ${t.events} (organisation_id, seq, id, type, entity_id, event)
         SELECT $1, counter.last_seq - $2 + e.n, e.id, e.type, e.entity_id, e.event::jsonb
         FROM counter, unnest($3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS e(id, type, entity_id, event, n)
         RETURNING seq
       )
       SELECT last_seq - $2 + 1 AS first, (SELECT count(*) FROM inserted) AS inserted FROM counter`,
      [
        organisationId,
        events.length,
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.entityId),
        events.map((e) => e.event),
      ],
    );
    return Number(rows[0]!.first);
  };

  // A write set as one statement (no BEGIN and COMMIT: a statement is atomic). Each row has its own parameters,
  // so the text depends only on the numbers of inserts, updates and events: a few shapes, each prepared once, with
  // a generic plan (array parameters would make PostgreSQL plan it again on every call). When a row is not
  // inserted or not at its expected version, the last SELECT fails on purpose (a text that is no number, built
  // from the counts so the planner cannot fold it), which undoes the whole statement; the factory then redoes the
  // set in a transaction to report the exact error.
  const commitMany = async (organisationId: string, writes: DriverWriteSet) => {
    const { inserts, updates, events } = writes;
    // A statement takes at most 65,535 parameters (the protocol counts them in 16 bits; postgres.js stops at
    // 65,534): a bigger set goes to the factory's transaction, whose statements take a row (or arrays) each.
    if (1 + inserts.length * 5 + updates.length * 6 + events.length * 4 > MAX_PARAMETERS) return undefined;
    const params: unknown[] = [organisationId];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // The counter first (see `bumpCounter`, even with no events): the writes of documents read from it, so
    // PostgreSQL runs it before them.
    const parts = [`counter AS (${bumpCounter(String(events.length))})`];
    /** Per CTE that writes documents: its count of written rows, and how many it must write. */
    const checks: [count: string, expected: number][] = [];
    if (inserts.length > 0) {
      const values = inserts.map(
        (row) =>
          `(${p(row.collection)}::text, ${p(row.id)}::text, ${p(row.version)}::int4, ${p(row.schemaVersion)}::int4, ${p(row.data)}::text)`,
      );
      parts.push(
        `ins AS (INSERT INTO ${t.documents} (organisation_id, collection, id, version, schema_version, data)
         SELECT $1, r.collection, r.id, r.version, r.schema_version, r.data::jsonb
         FROM counter, (VALUES ${values.join(', ')}) AS r(collection, id, version, schema_version, data)
         ON CONFLICT DO NOTHING RETURNING 1)`,
      );
      checks.push(['(SELECT count(*) FROM ins)', inserts.length]);
    }
    updates.forEach(({ row, expectedVersion }, i) => {
      parts.push(
        `u${i} AS (UPDATE ${t.documents} SET version = ${p(row.version)}, schema_version = ${p(row.schemaVersion)},
         data = ${p(row.data)}::text::jsonb FROM counter WHERE organisation_id = $1 AND collection = ${p(row.collection)}
         AND id = ${p(row.id)} AND version = ${p(expectedVersion)} RETURNING 1)`,
      );
      checks.push([`(SELECT count(*) FROM u${i})`, 1]);
    });
    let first = '1';
    if (events.length > 0) {
      const values = events.map(
        (e, i) => `(${i + 1}, ${p(e.id)}, ${p(e.type)}, ${p(e.entityId)}, ${p(e.event)}::text)`,
      );
      parts.push(
        `appended AS (INSERT INTO ${t.events} (organisation_id, seq, id, type, entity_id, event)
         SELECT $1, counter.last_seq - ${events.length} + e.n, e.id, e.type, e.entity_id, e.event::jsonb
         FROM counter, (VALUES ${values.join(', ')}) AS e(n, id, type, entity_id, event))`,
      );
      first = `(SELECT last_seq FROM counter) - ${events.length - 1}`;
    }
    // Every row written, or fail: the counts go into the text, so it is no constant the planner could fold.
    const counts = checks.map(([count]) => count);
    const answer =
      checks.length === 0
        ? first
        : `CASE WHEN ${checks.map(([count, expected]) => `${count} = ${expected}`).join(' AND ')} THEN ${first}
           ELSE ('${VERSION_CHECK_FAILED} ' || ${counts.join(" || ' ' || ")})::int8 END`;
    try {
      const { rows } = await client.query<{ first: string | number }>(
        `WITH ${parts.join(', ')} SELECT ${answer} AS first`,
        params,
      );
      return Number(rows[0]!.first);
    } catch (error) {
      // A serialisation failure or deadlock undid the statement too (a database whose default isolation is stricter
      // than READ COMMITTED): the transaction redoes it at READ COMMITTED, which waits for the other writer. (A lock
      // timeout is not redone: it would wait as long again; `translate` reports it.)
      if (
        String((error as { message?: unknown } | null)?.message).includes(VERSION_CHECK_FAILED) ||
        isSerialisationFailure(error)
      )
        return undefined;
      const translated = denied(error, 'commit') ?? translate(error);
      throw translated === error ? unwritten(error, adapter) : translated;
    }
  };

  return {
    name: adapter,
    capabilities: { ...postgresCapabilities, ...client.capabilities },
    async open() {
      // Skip the DDL when every table and index exists: `CREATE INDEX IF NOT EXISTS` still locks the table, which
      // could deadlock with commands that other servers run meanwhile.
      const wanted = relationNames(options);
      const { rows } = await client
        .query<{ present: number; missing: string[] | null }>(
          `SELECT count(to_regclass(name))::int AS present, array_agg(name) FILTER (WHERE to_regclass(name) IS NULL) AS missing
           FROM unnest($1::text[]) AS name`,
          [wanted],
        )
        .catch((error: unknown) => {
          throw denied(error, 'open') ?? endedClient(error, adapter, 'open') ?? error;
        });
      if (rows[0]?.present === wanted.length) return;
      let schemaMissing = false;
      for (let attempt = 1; ; attempt++) {
        try {
          await client.transaction(async (db) => {
            await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`social-shift-ddl:${t.documents}`]);
            // Without a schema, CREATE TABLE IF NOT EXISTS looks only in the first schema of the search path: with
            // the tables further down it (in public, behind a "$user" schema), a new index made new, empty tables
            // that hid the others from every connection opened after. The DDL goes where the tables are.
            if (options.schema === undefined)
              await db.query(
                `SELECT set_config('search_path', quote_ident(n.nspname), true)
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass($1)`,
                [t.documents],
              );
            let ddl = postgresDdl(options);
            // CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema exists: a user given a
            // schema of its own by an administrator (and no CREATE on the database) could not open.
            if (options.schema !== undefined) {
              const { rows } = await db.query<{ present: boolean }>(
                'SELECT to_regnamespace($1) IS NOT NULL AS present',
                [options.schema],
              );
              schemaMissing = !rows[0]?.present;
              if (!schemaMissing) ddl = ddl.slice(1);
            }
            for (const statement of ddl) await db.query(statement);
          });
          return;
        } catch (error) {
          // A deadlock, or a duplicate name: storages of other prefixes in the same schema create it at once (their
          // locks differ, and CREATE SCHEMA IF NOT EXISTS is not safe beside another). Again, it finds the schema.
          const duplicate = (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
          if (attempt >= 5 || !(duplicate || isSerialisationFailure(error)))
            throw denied(error, 'open', rows[0]?.missing ?? wanted, schemaMissing) ?? error;
        }
      }
    },
    get: (organisationId, collection, id) => get(plain, organisationId, collection, id),
    query: (organisationId, collection, q) => query(plain, organisationId, collection, q),
    readMany,
    commitMany,
    async readEvents(organisationId, q: EventQuery): Promise<EventRow[]> {
      const params: unknown[] = [organisationId, q.after ?? 0];
      let sql = `SELECT seq, event::text AS event FROM ${t.events} WHERE organisation_id = $1 AND seq > $2`;
      if (q.entityId !== undefined) {
        params.push(q.entityId);
        sql += ` AND entity_id = $${params.length}`;
      }
      if (q.types !== undefined) {
        params.push([...q.types]);
        sql += ` AND type = ANY($${params.length}::text[])`;
      }
      sql += ' ORDER BY seq';
      if (q.limit !== undefined) {
        params.push(q.limit);
        sql += ` LIMIT $${params.length}`;
      }
      const { rows } = await plain.query<{ seq: string | number; event: string }>(sql, params);
      return rows.map((row) => ({ seq: Number(row.seq), event: inWrittenOrder(row.event) }));
    },
    transaction<T>(organisationId: string, work: (tx: DriverTransaction) => Promise<T>): Promise<T> {
      // Every wiring sends COMMIT only once the work has resolved: a failure before that wrote nothing.
      let workResolved = false;
      let workError: { error: unknown } | undefined;
      return client
        .transaction(async (connection) => {
          const db: SqlClient = {
            query: <R>(text: string, params?: readonly unknown[]) =>
              connection.query<R>(text, params).catch((error: unknown) => {
                throw denied(error, 'transaction') ?? translate(error);
              }),
            transaction: (inner) => connection.transaction(inner),
          };
          // The counter row before the first write (see `bumpCounter`); an append takes it itself. The first write
          // reads from the bump (`FROM counter`), so PostgreSQL runs the bump before it, in the same statement.
          let counterTaken = false;
          /** Runs the statement `sql(first)` makes, which joins `counter` when `first` (the transaction's first write). */
          const write = (sql: (first: boolean) => string, params: readonly unknown[]) => {
            const first = !counterTaken;
            counterTaken = true;
            return db.query(
              first ? `WITH counter AS (${bumpCounter('0')}) ${sql(true)}` : sql(false),
              params,
            );
          };
          const tx: DriverTransaction = {
            get: (collection, id) => get(db, organisationId, collection, id),
            query: (collection, q) => query(db, organisationId, collection, q),
            async insert(row) {
              const result = await write(
                (first) =>
                  `INSERT INTO ${t.documents} (organisation_id, collection, id, version, schema_version, data)
                   SELECT $1, $2::text, $3::text, $4::int4, $5::int4, $6::text::jsonb${first ? ' FROM counter' : ''}
                   ON CONFLICT DO NOTHING`,
                [organisationId, row.collection, row.id, row.version, row.schemaVersion, row.data],
              );
              return result.rowCount === 1;
            },
            async update(row, expectedVersion) {
              const result = await write(
                (first) =>
                  `UPDATE ${t.documents} SET version = $2, schema_version = $3, data = $4::text::jsonb
                   ${first ? 'FROM counter ' : ''}WHERE organisation_id = $1 AND collection = $5 AND id = $6
                   AND version = $7`,
                [
                  organisationId,
                  row.version,
                  row.schemaVersion,
                  row.data,
                  row.collection,
                  row.id,
                  expectedVersion,
                ],
              );
              return result.rowCount === 1;
            },
            async remove(collection, id, expectedVersion) {
              const result = await write(
                (first) =>
                  `DELETE FROM ${t.documents} ${first ? 'USING counter ' : ''}WHERE organisation_id = $1
                   AND collection = $2 AND id = $3 AND version = $4`,
                [organisationId, collection, id, expectedVersion],
              );
              return result.rowCount === 1;
            },
            append: (events) => {
              counterTaken = true;
              return append(db, organisationId, events);
            },
            async replaceEvent(row) {
              const result = await write(
                (first) =>
                  `UPDATE ${t.events} SET event = $2::text::jsonb ${first ? 'FROM counter ' : ''}
                   WHERE organisation_id = $1 AND seq = $3 AND id = $4 AND type = $5 AND entity_id = $6`,
                [organisationId, row.event, row.seq, row.id, row.type, row.entityId],
              );
              return result.rowCount === 1;
            },
            async compactEvents(removed, summary) {
              const result = await write(
                (first) =>
                  `DELETE FROM ${t.events} AS e
                   USING unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) AS k(seq, id, type, entity_id)${first ? ', counter' : ''}
                   WHERE e.organisation_id = $1 AND e.seq = k.seq AND e.id = k.id AND e.type = k.type
                     AND e.entity_id = k.entity_id`,
                [
                  organisationId,
                  removed.map((key) => key.seq),
                  removed.map((key) => key.id),
                  removed.map((key) => key.type),
                  removed.map((key) => key.entityId),
                ],
              );
              const count = result.rowCount ?? 0;
              // A missing event: the factory rolls back; writing the summary could clash with it.
              if (count !== new Set(removed.map((key) => key.seq)).size) return count;
              await db.query(
                `INSERT INTO ${t.events} (organisation_id, seq, id, type, entity_id, event)
                 VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)`,
                [organisationId, summary.seq, summary.id, summary.type, summary.entityId, summary.event],
              );
              return count;
            },
          };
          try {
            const result = await work(tx);
            workResolved = true;
            return result;
          } catch (error) {
            workError = { error };
            throw error;
          }
        })
        .catch((error: unknown) => {
          const translated = translate(error);
          // The work's own error goes back as it is; a failure outside it is said to have written nothing when
          // that is sure (see `unwritten`); else the storage says it may have been written (a lost COMMIT).
          if (translated !== error || (workError && error === workError.error)) throw translated;
          throw workResolved ? unwritten(error, adapter) : notWritten(error, adapter);
        });
    },
    async outdated(schemaVersion, limit) {
      const { rows } = await plain.query<RawDocument & { organisation_id: string }>(
        `SELECT organisation_id, ${columns} FROM ${t.documents} WHERE schema_version <> $1 LIMIT $2`,
        [schemaVersion, limit],
      );
      return rows.map(
        (raw): OrganisationDocumentRow => ({ ...toRow(raw), organisationId: raw.organisation_id }),
      );
    },
    async close() {
      if (options.ownsClient !== false) await client.close?.();
    },
  };
}

/** The envelope's keys in the order the SDK writes them; other keys (`idempotencyKey`) follow. */
const ENVELOPE_ORDER = [
  'id',
  'organisationId',
  'type',
  'at',
  'actorId',
  'entityType',
  'entityId',
  'entityVersion',
  'data',
];
const shapeKeys = (schema: unknown): readonly string[] =>
  Object.keys((schema as { shape?: object } | undefined)?.shape ?? {});

/**
 * A copy of a plain object with the keys of `order` first, its other keys after them in their order, and `last`
 * at the end; anything else as it is. No prototype, so a `__proto__` key stays a key.
 */
function ordered(value: unknown, order: readonly string[], last?: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = Object.create(null);
  for (const key of order) if (key !== last && Object.hasOwn(source, key)) out[key] = source[key];
  for (const key of Object.keys(source)) if (key !== last && !Object.hasOwn(out, key)) out[key] = source[key];
  if (last !== undefined && Object.hasOwn(source, last)) out[last] = source[last];
  return out;
}

/**
 * An event's JSON with its keys in the order the SDK wrote them: jsonb keeps an object's keys shortest first. The
 * envelope in the SDK's order, the payload in its schema's order with `changes` last, the changes in their
 * entity's schema order. Logs written from `readEvents()` then read as those of the other adapters do (the
 * CLI's fast reader takes that order; any other is read too, several times slower). Objects nested deeper (a
 * strategy's pillars, a summary's rows) keep jsonb's order: the same JSON as elsewhere, not the same bytes.
 */
function inWrittenOrder(text: string): string {
  const event = JSON.parse(text) as Record<string, unknown>;
  const data = ordered(event.data, shapeKeys(eventPayloadSchemas[event.type as EventType]), 'changes');
  if (data !== null && typeof data === 'object' && Object.hasOwn(data, 'changes')) {
    const payload = data as Record<string, unknown>;
    payload.changes = ordered(payload.changes, shapeKeys(entitySchemas[event.entityType as EntityType]));
  }
  return JSON.stringify(ordered({ ...event, data }, ENVELOPE_ORDER));
}

/** The most parameters one statement takes (postgres.js refuses more than 65,534). */
const MAX_PARAMETERS = 65_534;

/** The most reads of a batch (`readMany`) in one statement (PGlite failed with 1,000); more go in further statements. */
const MAX_BATCH_READS = 200;

/** The marker of a write set whose version checks failed (see `commitMany`). */
const VERSION_CHECK_FAILED = 'social_shift_version_check_failed';

/** The SQLSTATE of a statement the user lacks a privilege for. */
const INSUFFICIENT_PRIVILEGE = '42501';

/** The SQLSTATE of a duplicate key, such as a schema created twice at once. */
const UNIQUE_VIOLATION = '23505';

/** A deadlock (40P01) or a serialisation failure (40001): the statement or transaction was undone. */
const isSerialisationFailure = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
};

/** The SQLSTATE of a statement that waited for a lock longer than the server's `lock_timeout`. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Whether a failed write statement or COMMIT certainly wrote nothing: the server answered it with an error (a
 * SQLSTATE: it ran none of the statement, and a transaction whose COMMIT it answers with an error commits nothing; a
 * statement timeout, a read-only or replica server, a missing privilege), PostgreSQL answered COMMIT with ROLLBACK,
 * or no connection could be had (refused, an unknown host, a connect timeout, a pool with no free connection in
 * time, a client that was {@link clientEnded ended}): then nothing was sent. Not when the session ended (57P01 and its kin: an administrator, a shutdown, a
 * crash; 08…: the connection) or the socket failed after the statement went out: the server may have committed it
 * just before it ended the session, and its error, or a stale one, may come instead of the answer.
 */
const certainlyUnwritten = (error: unknown): boolean => {
  const { code, severity, syscall, message } = (error ?? {}) as Record<string, unknown>;
  return (
    (typeof severity === 'string' && /^(?!57P|08)[0-9A-Z]{5}$/.test(String(code))) ||
    syscall === 'connect' ||
    syscall === 'getaddrinfo' ||
    code === 'CONNECT_TIMEOUT' ||
    clientEnded(error) ||
    /^(timeout exceeded when trying to connect|Connection terminated due to connection timeout)$|rolled back instead of committed/.test(
      String(message),
    )
  );
};

/**
 * Whether the storage's client was ended while the storage was open (`pool.end()` of pg, `sql.end()` of postgres.js,
 * `db.close()` of PGlite, in a shutdown that ends the pool before it closes the storage): the driver refuses every new statement or
 * transaction before it sends anything, and a retry fails alike.
 */
const clientEnded = (error: unknown): boolean => {
  const { code, message } = (error ?? {}) as Record<string, unknown>;
  return (
    code === 'CONNECTION_ENDED' ||
    /^(Cannot use a pool after calling end on the pool|PGlite is clos(ed|ing))$/.test(String(message))
  );
};

/**
 * A statement the driver refused because the storage's client was {@link clientEnded ended}, as `STORAGE` that says
 * so and what to do (a retry fails alike); else undefined.
 */
const endedClient = (error: unknown, adapter: string, operation: string): SocialShiftError | undefined =>
  clientEnded(error)
    ? new SocialShiftError(
        'STORAGE',
        `The ${adapter} storage cannot ${operation}: its client was ended (pool.end(), sql.end(), PGlite's close(), or close() of another storage given the same client, which ends it unless that storage has ownsClient: false) while the storage was open.${operation === 'commit' ? ' Nothing of this command was written.' : ''} Close the storage before you end its client (storages that share a client: ownsClient: false for all but the last to close), or open the storage again with a new client.`,
        { details: { adapter, operation }, cause: error },
      )
    : undefined;

/** A failed write that wrote nothing, as `STORAGE` that says so (else the factory says it may have been written). */
const notWritten = (error: unknown, adapter: string): SocialShiftError => {
  if (isSocialShiftError(error)) return error;
  const ended = endedClient(error, adapter, 'commit');
  if (ended) return ended;
  // Without its own full stop: the sentence goes on.
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  return new SocialShiftError(
    'STORAGE',
    `The ${adapter} storage failed to commit: ${reason}. Nothing of this command was written; check the store and retry.`,
    { details: { adapter, operation: 'commit' }, cause: error },
  );
};

/** {@link notWritten} when the failure {@link certainlyUnwritten wrote nothing}; else the error as it is. */
const unwritten = (error: unknown, adapter: string): unknown =>
  certainlyUnwritten(error) ? notWritten(error, adapter) : error;

/**
 * Deadlocks and serialisation failures mean another writer won, a lock timeout that another writer of the
 * organisation held its rows for longer than the server's `lock_timeout`: report them as `CONFLICT`, to retry.
 * Each undid the statement or transaction, so nothing of the command was written.
 */
function translate(error: unknown): unknown {
  if ((error as { code?: unknown } | null)?.code === LOCK_NOT_AVAILABLE)
    return new SocialShiftError(
      'CONFLICT',
      "Another command of this organisation held the data it writes for longer than the server's lock_timeout: nothing of this command was written. Retry once it is done.",
      { details: { entityType: 'transaction', id: LOCK_NOT_AVAILABLE, expectedVersion: 0 }, cause: error },
    );
  if (isSerialisationFailure(error)) {
    const code = (error as { code: string }).code;
    return new SocialShiftError(
      'CONFLICT',
      'Another transaction changed the same data at the same time. Read it again and retry.',
      { details: { entityType: 'transaction', id: String(code), expectedVersion: 0 }, cause: error },
    );
  }
  return error;
}
