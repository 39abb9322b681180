/**
 * `@social-shift/adapters/sqlite`: storage in SQLite through better-sqlite3 (an optional peer dependency, loaded
 * only when the storage opens). One file (WAL mode) or `:memory:`; the embedded default for one Node service.
 *
 * @example
 * ```ts
 * import { createSocialShift } from '@social-shift/core';
 * import { sqliteStorage } from '@social-shift/adapters/sqlite';
 *
 * const storage = sqliteStorage({ filename: 'social-shift.db' });
 * const shift = createSocialShift({ storage, organisationId: 'org_acme' });
 * ```
 *
 * @packageDocumentation
 */

import { type BigIntStats, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type {
  CreateStorageOptions,
  DocumentQuery,
  DocumentRow,
  DriverTransaction,
  EventQuery,
  EventRow,
  ManagedStorage,
  OrganisationDocumentRow,
  StorageCapabilities,
  StorageDriver,
} from '@social-shift/core';
import { createStorage, isSocialShiftError, QUERY_INDEXES, SocialShiftError } from '@social-shift/core';
import type BetterSqlite3 from 'better-sqlite3';
import { loadDriver, unbuiltAddonAdvice } from './load-driver.js';
import { checkOptionNames } from './option-names.js';
import { fieldIndexes, sqliteTablePrefix } from './sql-identifiers.js';
import type { ReadCache } from './sqlite-read-cache.js';
import { createReadCache, noReadCache } from './sqlite-read-cache.js';

/** Options of {@link sqliteStorage}. */
export interface SqliteStorageOptions extends CreateStorageOptions {
  /**
   * A database file (created when missing) or `:memory:` (the default). Give either `filename` or `database`: both
   * at once is a `VALIDATION` error, since one of them would be ignored.
   */
  readonly filename?: string;
  /**
   * An open better-sqlite3 database to use instead of opening a file; it is not closed by `close()`. Give either
   * `database` or `filename`, not both. Some transactions of the storage stay open across awaits (an erasure, an
   * import), and SQLite counts every write on the connection in the open one: write tables of your own on it only
   * while `database.inTransaction` is false, or a rollback takes your write with it. Storages given one `database`
   * share its connection: a read of one waits while another's transaction is open on it (so it reads only what is
   * committed), and a transaction's work must not await a read or write of another of them.
   */
  readonly database?: BetterSqlite3.Database;
  /** Prefix of the table names (default `social_shift_`). */
  readonly tablePrefix?: string;
  /** The JSON fields to index for `where` filters, by collection (default `QUERY_INDEXES`, the SDK's own). */
  readonly indexes?: Readonly<Record<string, readonly string[]>>;
  /** Milliseconds to wait for another process's write lock before failing (default 5,000). */
  readonly busyTimeoutMs?: number;
  /**
   * How `:memory:` is opened. `'buffer'` (default): SQLite's memdb VFS, the database in one growable buffer (an
   * empty database deserialised), capped by SQLite at 1 GiB; commits cost the same at any size. `'page-cache'`:
   * SQLite's classic in-memory database, without the cap, but every commit scans its page cache, which holds the
   * whole database, so commands get slower as it grows (ADR 046). Any other value is a `VALIDATION` error. Only
   * `:memory:` opened from `filename` uses it (a file or a given `database` opens as it is).
   */
  readonly memory?: 'buffer' | 'page-cache';
  /**
   * How many documents the adapter keeps in memory to answer reads again without SQLite (ADR 087), plus query
   * results of up to 100 rows each (as many rows again). Its own writes update what they touch; another
   * connection's commits empty it (checked with `PRAGMA data_version` before each read). Default 10,000 for a file
   * it opens; 0 (no cache) for `:memory:`, whose reads cost about what the cache does, and with `database`, whose
   * owner may write to the tables on the same connection, which the check cannot see. A whole number ≥ 0, else
   * `VALIDATION`.
   */
  readonly cacheSize?: number;
}

/**
 * What the SQLite adapter can do with a database file; a storage on `:memory:` (the default, or an in-memory
 * `database` given) reports `persistent: false` in its own `capabilities`.
 *
 * @example
 * ```ts
 * sqliteCapabilities.persistent; // true
 * ```
 */
export const sqliteCapabilities: StorageCapabilities = {
  persistent: true,
  multiProcess: false,
  browser: false,
  node: true,
};

/**
 * The DDL the SQLite adapter runs on open (`CREATE … IF NOT EXISTS`), for a table prefix: two tables, and a
 * partial expression index per queried JSON field (see `QUERY_INDEXES`).
 *
 * @example
 * ```ts
 * console.log(sqliteDdl('social_shift_').join(';\n'));
 * ```
 */
export function sqliteDdl(
  tablePrefix = 'social_shift_',
  indexes: Readonly<Record<string, readonly string[]>> = QUERY_INDEXES,
): string[] {
  const p = sqliteTablePrefix(tablePrefix);
  const fields = sqliteFieldIndexes(p, indexes).map(
    ({ collection, field, name }) =>
      `CREATE INDEX IF NOT EXISTS ${name} ON ${p}documents (organisation_id, json_extract(data, '$."${field}"'), id) WHERE collection = '${collection}'`,
  );
  return [
    `CREATE TABLE IF NOT EXISTS ${p}documents (
  organisation_id TEXT NOT NULL,
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (organisation_id, collection, id)
) WITHOUT ROWID`,
    `CREATE TABLE IF NOT EXISTS ${p}events (
  organisation_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (organisation_id, seq)
) WITHOUT ROWID`,
    `CREATE INDEX IF NOT EXISTS ${p}events_entity ON ${p}events (organisation_id, entity_id, seq)`,
    ...fields,
  ];
}

/** The field indexes of `sqliteDdl`, checked: no name may clash with another or with the adapter's own. */
const sqliteFieldIndexes = (p: string, indexes: Readonly<Record<string, readonly string[]>>) =>
  fieldIndexes(p, indexes, [`${p}documents`, `${p}events`, `${p}events_entity`]);

/** How many documents a file database keeps in the read cache by default (ADR 087). */
const DEFAULT_CACHE_SIZE = 10_000;

/** The largest busy timeout SQLite takes (a 32-bit signed integer of milliseconds). */
const MAX_BUSY_TIMEOUT = 2 ** 31 - 1;

/**
 * The write turns of this process, by database file. better-sqlite3 is synchronous: a storage that waits for the
 * write lock another storage of this process holds (on the same file) blocks the thread, so the holder can never
 * finish and the wait always ends in "database is locked" after the busy timeout. So the storages of one process
 * take turns to write to a file here, and the busy timeout is left for other processes. Storages given one
 * in-memory `database` share its connection, where a second `BEGIN` fails inside the first: they take turns by
 * the `Database` object. On a shared connection a read sees what an open transaction wrote, so a read while one is
 * open takes a turn too (`committed` in the driver).
 */
const writeTurns = new Map<string | BetterSqlite3.Database, Promise<unknown>>();

/** Runs `write` once the storages of this process ahead of it on `key` are done; at once without a key. */
function inWriteTurn<T>(
  key: string | BetterSqlite3.Database | undefined,
  write: () => Promise<T> | T,
): Promise<T> | T {
  if (key === undefined) return write();
  const result = (writeTurns.get(key) ?? Promise.resolve()).then(write);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  writeTurns.set(key, tail);
  void tail.then(() => {
    if (writeTurns.get(key) === tail) writeTurns.delete(key);
  });
  return result;
}

/** The key of a database file for {@link inWriteTurn}: its real path (one file under several names is one key). */
function fileKey(name: string): string {
  try {
    return realpathSync(name);
  } catch {
    return resolve(name);
  }
}

/** The file a database was opened on: its real path and what it is on the disk (device and inode). */
interface OpenedFile {
  readonly path: string;
  readonly dev: bigint;
  readonly ino: bigint;
}

/** What `path` is on the disk now; undefined when nothing is there, or when the system gives no inode to compare. */
function openedFile(path: string): OpenedFile | undefined {
  try {
    const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
    return stat && stat.ino !== 0n ? { path, dev: stat.dev, ino: stat.ino } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses a write once the database file was deleted, moved or replaced (a cleanup script, a backup restored with
 * `mv`): the connection still writes to the file it opened, and in WAL mode SQLite says nothing, so every write
 * would succeed and be gone at the next start. A `stat` before each write transaction (a few microseconds).
 */
function checkStillThere(opened: OpenedFile | undefined): void {
  if (opened === undefined) return;
  let now: BigIntStats | undefined;
  try {
    now = statSync(opened.path, { bigint: true, throwIfNoEntry: false });
  } catch {
    // A stat that failed otherwise (a folder it may no longer read): not a sign that the file went away.
    return;
  }
  if (now?.dev === opened.dev && now.ino === opened.ino) return;
  throw new SocialShiftError(
    'STORAGE',
    `The SQLite database file ${opened.path} was deleted, moved or replaced while the storage was open, so a write would go to the file it opened and be lost. Nothing of this command was written. Move the file back, or close this storage and create a new one: it uses the file now at ${opened.path}, or creates one there.`,
    { details: { adapter: 'sqlite', operation: 'commit' } },
  );
}

/**
 * Creates SQLite storage. Opens lazily: the first call (or `open()`) loads better-sqlite3, switches a file
 * database to WAL, creates the tables and migrates old documents. Transactions are serialised in this process and
 * run as `BEGIN IMMEDIATE`, so each sees and writes a consistent state.
 *
 * @example
 * ```ts
 * const storage = sqliteStorage({ filename: ':memory:' });
 * await storage.open();
 * ```
 */
export function sqliteStorage(options: SqliteStorageOptions = {}): ManagedStorage {
  checkOptions(options);
  return createStorage(createSqliteDriver(options), options);
}

const OPTION_NAMES: readonly string[] = [
  'filename',
  'database',
  'tablePrefix',
  'indexes',
  'busyTimeoutMs',
  'memory',
  'cacheSize',
  'schemaVersion',
  'migrations',
];

/**
 * The options are an object of the adapter's own options. From JavaScript, a misspelt `filename` (`file`, `path`)
 * left the storage on `:memory:`, which loses every write on close; a file name given as the options was told about
 * migrations.
 */
function checkOptions(options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const got = options === null ? 'null' : Array.isArray(options) ? 'a list' : typeof options;
    const hint =
      typeof options === 'string'
        ? `give the file name as an option: sqliteStorage({ filename: ${JSON.stringify(options).replace(/^"|"$/g, "'")} }).`
        : `give an object of options, such as { filename: 'social-shift.db' }, or nothing (got ${got}).`;
    throw new SocialShiftError('VALIDATION', `Invalid options: ${hint}`, {
      details: { issues: [{ path: [], message: hint, code: 'custom' }] },
    });
  }
  checkOptionNames(
    'sqliteStorage',
    options,
    OPTION_NAMES,
    'a database file is given as filename, and without it the storage opens :memory:, which loses every write on close.',
  );
}

type Param = string | number;
interface Statements {
  begin: BetterSqlite3.Statement<[]>;
  commit: BetterSqlite3.Statement<[]>;
  rollback: BetterSqlite3.Statement<[]>;
  get: BetterSqlite3.Statement<Param[], RawDocument>;
  insert: BetterSqlite3.Statement<Param[]>;
  update: BetterSqlite3.Statement<Param[]>;
  remove: BetterSqlite3.Statement<Param[]>;
  lastSeq: BetterSqlite3.Statement<Param[], { seq: number }>;
  appendEvent: BetterSqlite3.Statement<Param[]>;
  replaceEvent: BetterSqlite3.Statement<Param[]>;
  removeEvent: BetterSqlite3.Statement<Param[]>;
  outdated: BetterSqlite3.Statement<Param[], RawDocument & { organisation_id: string }>;
}
interface RawDocument {
  collection: string;
  id: string;
  version: number;
  schema_version: number;
  data: string;
}

function invalidOption(path: string, message: string): SocialShiftError<'VALIDATION'> {
  return new SocialShiftError('VALIDATION', `Invalid ${path}: ${message}`, {
    details: { issues: [{ path: [path], message, code: 'custom' }] },
  });
}

/**
 * SQLite's `SQLITE_BUSY` (another connection, such as another process or a tool, held the write lock for longer
 * than the busy timeout) and `SQLITE_FULL` as `STORAGE` errors that say what to do; any other error as it is.
 */
function withAdvice(error: unknown, busyTimeoutMs: number, operation: string): unknown {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return error;
  const advice = code.startsWith('SQLITE_BUSY')
    ? `The SQLite database is locked by another connection (another process or a tool writing to the file) for longer than busyTimeoutMs (${busyTimeoutMs} ms): nothing of this command was written. Retry once it is done, raise busyTimeoutMs, or let one process write to the file.`
    : code === 'SQLITE_FULL'
      ? "The SQLite database is full: nothing of this command was written. Free space on the disk; a `:memory:` database opened as a buffer (the default) holds at most 1 GiB, so use memory: 'page-cache' or a file for more."
      : undefined;
  if (advice === undefined) return error;
  return new SocialShiftError('STORAGE', advice, { details: { adapter: 'sqlite', operation }, cause: error });
}

/**
 * A failure that certainly wrote nothing (a rolled-back transaction) as a `STORAGE` error that says so; the factory
 * would say that a failed commit may have been written. An error that says what to do already stays as it is.
 */
function notWritten(error: unknown, operation: string): unknown {
  if (isSocialShiftError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new SocialShiftError(
    'STORAGE',
    `The sqlite storage failed to ${operation}: ${reason}. Nothing of this command was written; check the store and retry.`,
    { details: { adapter: 'sqlite', operation }, cause: error },
  );
}

/**
 * A database file that failed to open (a folder that does not exist, a folder, no permission, a file that is no
 * database) as `STORAGE` naming it as an absolute path: a relative `filename` is resolved against the working folder.
 */
function cannotOpen(error: unknown, name: string): SocialShiftError<'STORAGE'> {
  const filename = resolve(name);
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  return new SocialShiftError(
    'STORAGE',
    `The sqlite storage cannot open the database file ${filename}: ${reason}. Nothing was written. Check that its folder exists, that this process may read and write there, and that the file is a SQLite database (or name a new file).`,
    { details: { adapter: 'sqlite', operation: 'open', filename }, cause: error },
  );
}

const MEMORY_MODES: readonly unknown[] = ['buffer', 'page-cache'];

/** Checks where the database comes from: `filename` or `database` (not both), and how `:memory:` opens. */
function checkSource(options: SqliteStorageOptions): void {
  if (options.filename !== undefined && options.database !== undefined) {
    const message =
      'give either filename (to open a file or :memory:) or database (an open better-sqlite3 Database), not both: one of them would be ignored.';
    throw new SocialShiftError('VALIDATION', `Invalid options: ${message}`, {
      details: {
        issues: [
          { path: ['filename'], message, code: 'custom' },
          { path: ['database'], message, code: 'custom' },
        ],
      },
    });
  }
  if (options.filename !== undefined && typeof options.filename !== 'string') {
    throw invalidOption(
      'filename',
      `give the file name as a string, or ':memory:' (got ${typeof options.filename}).`,
    );
  }
  // better-sqlite3 opens a temporary database for an empty name, deleted on close: every write would be lost
  // while the storage says it persists.
  if (options.filename === '') {
    throw invalidOption(
      'filename',
      "give a file path (the database is created there), or ':memory:' for a database that lives only while it is open (got an empty name).",
    );
  }
  const { database } = options;
  if (
    database !== undefined &&
    !(
      typeof database === 'object' &&
      database !== null &&
      typeof database.prepare === 'function' &&
      database.open === true
    )
  ) {
    // A file name, or a null (which opened a private :memory: database before, losing every write on close).
    const got =
      database === null
        ? 'null'
        : typeof database === 'object'
          ? 'a closed database or another object'
          : typeof database;
    throw invalidOption(
      'database',
      `give an open better-sqlite3 Database, or a file name as filename instead (got ${got}).`,
    );
  }
  if (options.memory !== undefined && !MEMORY_MODES.includes(options.memory)) {
    const got = typeof options.memory === 'string' ? JSON.stringify(options.memory) : typeof options.memory;
    throw invalidOption('memory', `use 'buffer' (the default) or 'page-cache' (got ${got}).`);
  }
}

function createSqliteDriver(options: SqliteStorageOptions): StorageDriver {
  // `=== undefined`, not `??`: a null is refused as the other options' nulls are, not taken for the default.
  const p = sqliteTablePrefix(options.tablePrefix === undefined ? 'social_shift_' : options.tablePrefix);
  const indexes = options.indexes === undefined ? QUERY_INDEXES : options.indexes;
  // Checked when the storage is created: a bad option is a VALIDATION error, not a failed open.
  const indexNames = new Map(
    sqliteFieldIndexes(p, indexes).map((i) => [`${i.collection}\u0000${i.field}`, i.name]),
  );
  const busyTimeoutMs = options.busyTimeoutMs === undefined ? 5_000 : options.busyTimeoutMs;
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0 || busyTimeoutMs > MAX_BUSY_TIMEOUT) {
    throw new SocialShiftError(
      'VALIDATION',
      `Invalid busyTimeoutMs ${String(busyTimeoutMs)}: use a whole number of milliseconds from 0 to ${MAX_BUSY_TIMEOUT}.`,
      {
        details: {
          issues: [
            { path: ['busyTimeoutMs'], message: 'Not a whole number of milliseconds.', code: 'custom' },
          ],
        },
      },
    );
  }
  checkSource(options);
  const { cacheSize } = options;
  if (cacheSize !== undefined && !(Number.isSafeInteger(cacheSize) && cacheSize >= 0)) {
    const got = typeof cacheSize === 'number' ? String(cacheSize) : typeof cacheSize;
    throw invalidOption('cacheSize', `use a whole number of documents ≥ 0, 0 for no cache (got ${got}).`);
  }
  let cache: ReadCache = noReadCache;
  /** `PRAGMA data_version` of a database other connections can change; undefined for a private one. */
  let dataVersion: BetterSqlite3.Statement<[], number> | undefined;
  let db: BetterSqlite3.Database | undefined;
  let statements: Statements | undefined;
  /**
   * The database file (or a given in-memory `database`), for write turns shared with the other storages of this
   * process on it; undefined for a private in-memory database, which no other storage can reach.
   */
  let file: string | BetterSqlite3.Database | undefined;
  /** The database file as it was opened, to refuse writes once it is gone (see `checkStillThere`). */
  let onDisk: OpenedFile | undefined;
  // One connection: reads and transactions take turns, so no read sees another transaction's uncommitted writes.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T> | T): Promise<T> => {
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };
  /**
   * Runs a read outside a transaction. On a `database` given to other storages too (one connection), another
   * storage's transaction may be open on it across awaits, and a read now would see its uncommitted writes (and a
   * log reader would move past events that it rolls back): the read waits for that transaction's turn to end.
   */
  const committed = <T>(read: () => T): Promise<T> | T =>
    options.database?.inTransaction ? inWriteTurn(file, read) : read();
  const ready = () => {
    if (!db || !statements) throw new Error('the database is not open');
    // The app closed the Database it gave as `database` while the storage was open (a shutdown in the wrong order):
    // better-sqlite3 refuses every statement, and a retry fails alike.
    if (!db.open)
      throw new SocialShiftError(
        'STORAGE',
        'The sqlite storage cannot use its database: the better-sqlite3 Database given as `database` was closed while the storage was open. Nothing of this command was written. Close the storage before the database, or open the storage again with an open database.',
        { details: { adapter: 'sqlite', operation: 'open' } },
      );
    return { db, s: statements };
  };
  /** `BEGIN IMMEDIATE`: waits up to the busy timeout for another connection's write lock. */
  const begin = (s: Statements) => {
    try {
      s.begin.run();
    } catch (error) {
      // No transaction was begun, so nothing was written (the factory would say a failed commit may have been).
      throw notWritten(withAdvice(error, busyTimeoutMs, 'commit'), 'commit');
    }
  };
  const insert = (s: Statements, organisationId: string, row: DocumentRow) =>
    s.insert.run(organisationId, row.collection, row.id, row.version, row.schemaVersion, row.data).changes ===
    1;
  const update = (s: Statements, organisationId: string, row: DocumentRow, expectedVersion: number) =>
    s.update.run(
      row.version,
      row.schemaVersion,
      row.data,
      organisationId,
      row.collection,
      row.id,
      expectedVersion,
    ).changes === 1;
  const toRow = (raw: RawDocument): DocumentRow => ({
    collection: raw.collection,
    id: raw.id,
    version: raw.version,
    schemaVersion: raw.schema_version,
    data: raw.data,
  });

  /**
   * A query's statement, by its shape: the collection, whether it pages (`afterId`) or stops (`limit`), and each
   * `where` field with the kind of value it compares (a `null` or a boolean is written into the SQL, a string or
   * a number is a parameter). Queries of one shape share one prepared statement.
   */
  const plans = new Map<string, BetterSqlite3.Statement<Param[], RawDocument>>();
  const planFor = (
    shape: string,
    collection: string,
    query: DocumentQuery,
    where: readonly (readonly [string, unknown])[],
  ) => {
    const known = plans.get(shape);
    if (known) return known;
    // The collection and the JSON paths are written into the SQL (the factory allows only [a-z0-9_] names), so
    // SQLite can use the partial expression indexes of `sqliteDdl`.
    // Name the field's index when there is one: without statistics SQLite prefers the primary key (to avoid a
    // sort) and scans the whole collection, about a hundred times slower in a big organisation.
    const indexed = where.find(
      ([field, value]) =>
        (typeof value === 'string' || typeof value === 'number') &&
        indexNames.has(`${collection}\u0000${field}`),
    );
    const hint = indexed ? ` INDEXED BY ${indexNames.get(`${collection}\u0000${indexed[0]}`)}` : '';
    let sql = `SELECT collection, id, version, schema_version, data FROM ${p}documents${hint} WHERE organisation_id = ? AND collection = '${collection}'`;
    if (query.afterId !== undefined) sql += ' AND id > ?';
    for (const [field, value] of where) {
      const path = `'$."${field}"'`;
      if (value === null) {
        sql += ` AND (json_type(data, ${path}) IS NULL OR json_type(data, ${path}) = 'null')`;
      } else if (typeof value === 'boolean') {
        sql += ` AND json_type(data, ${path}) = '${value ? 'true' : 'false'}'`;
      } else if (typeof value === 'number') {
        sql += ` AND json_extract(data, ${path}) = ? AND json_type(data, ${path}) IN ('integer', 'real')`;
      } else {
        sql += ` AND json_extract(data, ${path}) = ? AND json_type(data, ${path}) = 'text'`;
      }
    }
    sql += ' ORDER BY id';
    if (query.limit !== undefined) sql += ' LIMIT ?';
    const statement = ready().db.prepare<Param[], RawDocument>(sql);
    if (plans.size < 200) plans.set(shape, statement);
    return statement;
  };
  const runQuery = (
    organisationId: string,
    collection: string,
    query: DocumentQuery,
    cached: boolean,
  ): DocumentRow[] => {
    // The parameters in the order of the plan's SQL: organisation, afterId, the where values, limit.
    const params: Param[] = [organisationId];
    let shape = collection;
    if (query.afterId !== undefined) {
      shape += '\u0000>';
      params.push(query.afterId);
    }
    // Own fields only, as the factory checked them; the plan's SQL is built from the same list.
    const where = Object.entries(query.where ?? {});
    for (const [field, value] of where) {
      if (value === null) shape += `\u0000${field}=n`;
      else if (typeof value === 'boolean') shape += `\u0000${field}=${value ? 't' : 'f'}`;
      else {
        shape += `\u0000${field}=${typeof value === 'number' ? 'd' : 's'}`;
        params.push(value as Param);
      }
    }
    if (query.limit !== undefined) {
      shape += '\u0000#';
      params.push(query.limit);
    }
    const statement = planFor(shape, collection, query, where);
    if (!cached) return statement.all(...params).map(toRow);
    const key = `${shape}\u0001${JSON.stringify(params)}`;
    const rows = cache.query(organisationId, collection, key);
    if (rows) return [...rows];
    const found = statement.all(...params).map(toRow);
    if (unchanged()) cache.keepQuery(organisationId, collection, key, found);
    return [...found];
  };
  /**
   * After a read outside a transaction that SQLite answered: whether no other connection committed since the check.
   * Another process may commit between the check and the read, which then sees newer data than the cache holds:
   * the cache forgets everything (so no read after it answers from older data, such as a command's check after the
   * guard it read first, ADR 048) and keeps nothing of this read. A failed check counts as a commit.
   */
  const unchanged = (): boolean => {
    try {
      return !cache.check(dataVersion?.get());
    } catch {
      cache.clear();
      return false;
    }
  };
  // Before a read outside a transaction the cache forgets everything if another connection committed meanwhile.
  // One check serves every read issued before it (the reads a command starts together): such a read may answer
  // with the database as it was at the check, a moment within its own call.
  let issued = 0;
  let checked = 0;
  const ticket = () => ++issued;
  const checkCache = (read: number) => {
    if (read <= checked) return;
    const upTo = issued;
    // Only a check that succeeded serves the reads issued before it (a failed one fails its own read only).
    cache.check(dataVersion?.get());
    checked = upTo;
  };

  return {
    name: 'sqlite',
    // `:memory:` (the default) is gone with the process: not persistent.
    capabilities:
      (options.database?.memory ?? (options.filename ?? ':memory:') === ':memory:')
        ? { ...sqliteCapabilities, persistent: false }
        : sqliteCapabilities,
    async open() {
      if (options.database) {
        db = options.database;
      } else {
        const { default: Database } = await loadDriver(
          'better-sqlite3',
          'sqlite',
          () => import('better-sqlite3'),
        );
        const filename = options.filename ?? ':memory:';
        try {
          db =
            filename === ':memory:' && options.memory !== 'page-cache'
              ? new Database(emptyDatabase(Database))
              : new Database(filename);
        } catch (error) {
          const advice = unbuiltAddonAdvice(error, 'better-sqlite3', 'sqlite');
          throw advice !== error || filename === ':memory:' ? advice : cannotOpen(error, filename);
        }
      }
      const onFile = db.name !== ':memory:' && db.name !== '' && !db.memory;
      file = onFile ? fileKey(db.name) : options.database;
      onDisk = typeof file === 'string' ? openedFile(file) : undefined;
      const opened = db;
      // The DDL writes: in this process's turn on the file, like every write.
      await inWriteTurn(file, () => {
        try {
          opened.pragma(`busy_timeout = ${busyTimeoutMs}`);
          if (onFile) opened.pragma('journal_mode = WAL');
          opened.pragma('synchronous = NORMAL');
          // What a write frees (a row an erasure rewrote, events a retention run removed) is overwritten with
          // zeros, not left readable in the file's free space.
          opened.pragma('secure_delete = ON');
          for (const statement of sqliteDdl(p, indexes)) opened.exec(statement);
        } catch (error) {
          // A failed open is tried again on the next call, with a new connection: this one must not stay open.
          if (!options.database) opened.close();
          db = undefined;
          const advised = withAdvice(error, busyTimeoutMs, 'open');
          throw advised === error && onFile ? cannotOpen(error, opened.name) : advised;
        }
      });
      // By default only a file the adapter opened is cached: a read of a private in-memory database costs about
      // what the cache does, and the owner of a given database may write to it on the same connection.
      const size = cacheSize ?? (onFile && !options.database ? DEFAULT_CACHE_SIZE : 0);
      cache = createReadCache({ maxDocuments: size });
      // A private in-memory database has no other connection; a file (or a database given) may.
      dataVersion =
        size > 0 && (onFile || options.database)
          ? db.prepare<[], number>('PRAGMA data_version').pluck()
          : undefined;
      statements = {
        begin: db.prepare('BEGIN IMMEDIATE'),
        commit: db.prepare('COMMIT'),
        rollback: db.prepare('ROLLBACK'),
        get: db.prepare(
          `SELECT collection, id, version, schema_version, data FROM ${p}documents WHERE organisation_id = ? AND collection = ? AND id = ?`,
        ),
        insert: db.prepare(
          `INSERT INTO ${p}documents (organisation_id, collection, id, version, schema_version, data) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        ),
        update: db.prepare(
          `UPDATE ${p}documents SET version = ?, schema_version = ?, data = ? WHERE organisation_id = ? AND collection = ? AND id = ? AND version = ?`,
        ),
        remove: db.prepare(
          `DELETE FROM ${p}documents WHERE organisation_id = ? AND collection = ? AND id = ? AND version = ?`,
        ),
        lastSeq: db.prepare(`SELECT coalesce(max(seq), 0) AS seq FROM ${p}events WHERE organisation_id = ?`),
        appendEvent: db.prepare(
          `INSERT INTO ${p}events (organisation_id, seq, id, type, entity_id, event) VALUES (?, ?, ?, ?, ?, ?)`,
        ),
        replaceEvent: db.prepare(
          `UPDATE ${p}events SET event = ? WHERE organisation_id = ? AND seq = ? AND id = ? AND type = ? AND entity_id = ?`,
        ),
        removeEvent: db.prepare(
          `DELETE FROM ${p}events WHERE organisation_id = ? AND seq = ? AND id = ? AND type = ? AND entity_id = ?`,
        ),
        outdated: db.prepare(
          `SELECT organisation_id, collection, id, version, schema_version, data FROM ${p}documents WHERE schema_version <> ? LIMIT ?`,
        ),
      };
    },
    get: (organisationId, collection, id) => {
      const read = ticket();
      return serial(() =>
        committed(() => {
          const { s } = ready();
          checkCache(read);
          const cached = cache.get(organisationId, collection, id);
          if (cached !== null) return cached;
          const raw = s.get.get(organisationId, collection, id);
          const row = raw && toRow(raw);
          if (unchanged()) cache.keep(organisationId, collection, id, row);
          return row;
        }),
      );
    },
    query: (organisationId, collection, query) => {
      const read = ticket();
      return serial(() =>
        committed(() => {
          ready();
          checkCache(read);
          return runQuery(organisationId, collection, query, true);
        }),
      );
    },
    readEvents: (organisationId, query) =>
      serial(() => committed(() => readEvents(ready().db, p, organisationId, query))),
    transaction<T>(organisationId: string, work: (tx: DriverTransaction) => Promise<T>): Promise<T> {
      return serial(() =>
        inWriteTurn(file, async () => {
          const { db, s } = ready();
          checkStillThere(onDisk);
          begin(s);
          // An erasure (events rewritten) or a retention run (events removed): see after the commit.
          let scrubs = false;
          // SQLite rolls a transaction back by itself on some errors (a full database or disk, I/O errors): a write
          // after one that the work caught would run outside any transaction and be kept. So each write checks first.
          // A write's error says what to do (a full database); a write after SQLite rolled back repeats that error.
          let failed: unknown;
          const write = <R>(run: () => R): R => {
            if (!db.inTransaction)
              throw (
                failed ??
                new Error(
                  'SQLite rolled this transaction back after an earlier error in it, so none of its writes is kept; let the transaction fail',
                )
              );
            try {
              return run();
            } catch (error) {
              const advised = withAdvice(error, busyTimeoutMs, 'commit');
              // Only the error that ended the transaction is repeated by the writes after it.
              if (!db.inTransaction)
                failed ??=
                  advised !== error
                    ? advised
                    : new Error(
                        `SQLite rolled this transaction back after an error in it (${error instanceof Error ? error.message : String(error)}), so none of its writes is kept; let the transaction fail`,
                        { cause: error },
                      );
              throw advised;
            }
          };
          const tx: DriverTransaction = {
            async get(collection, id) {
              const raw = s.get.get(organisationId, collection, id);
              return raw && toRow(raw);
            },
            async query(collection, query) {
              return runQuery(organisationId, collection, query, false);
            },
            // Each write drops what the cache holds of it first, so a rollback leaves nothing stale behind.
            insert: async (row) =>
              write(() => {
                cache.writing(organisationId, row.collection, row.id);
                return insert(s, organisationId, row);
              }),
            update: async (row, expectedVersion) =>
              write(() => {
                cache.writing(organisationId, row.collection, row.id);
                return update(s, organisationId, row, expectedVersion);
              }),
            remove: async (collection, id, expectedVersion) =>
              write(() => {
                cache.writing(organisationId, collection, id);
                return s.remove.run(organisationId, collection, id, expectedVersion).changes === 1;
              }),
            append: async (events) =>
              write(() => {
                const first = (s.lastSeq.get(organisationId)?.seq ?? 0) + 1;
                events.forEach((event, i) => {
                  s.appendEvent.run(
                    organisationId,
                    first + i,
                    event.id,
                    event.type,
                    event.entityId,
                    event.event,
                  );
                });
                return first;
              }),
            replaceEvent: async (row) =>
              write(() => {
                scrubs = true;
                return (
                  s.replaceEvent.run(row.event, organisationId, row.seq, row.id, row.type, row.entityId)
                    .changes === 1
                );
              }),
            compactEvents: async (removed, summary) =>
              write(() => {
                scrubs = true;
                let count = 0;
                for (const key of removed) {
                  count += s.removeEvent.run(organisationId, key.seq, key.id, key.type, key.entityId).changes;
                }
                // A missing event: the factory rolls back; writing the summary could clash with it.
                if (count !== new Set(removed.map((key) => key.seq)).size) return count;
                s.appendEvent.run(
                  organisationId,
                  summary.seq,
                  summary.id,
                  summary.type,
                  summary.entityId,
                  summary.event,
                );
                return count;
              }),
          };
          let result: T;
          try {
            result = await work(tx);
          } catch (error) {
            if (db.inTransaction) s.rollback.run();
            throw error;
          }
          try {
            write(() => s.commit.run());
          } catch (error) {
            // A COMMIT that failed committed nothing: SQLite rolled back, or kept the transaction for this rollback.
            if (db.inTransaction) s.rollback.run();
            throw notWritten(error, 'commit');
          }
          // The write-ahead log still holds the pages as they were before: copied into the file and emptied now
          // (best effort: a reader of another connection may keep it for now; the next erasure tries again).
          if (scrubs && db.pragma('journal_mode', { simple: true }) === 'wal')
            try {
              db.pragma('wal_checkpoint(TRUNCATE)');
            } catch {
              // Committed all the same; a busy database keeps its log until a later checkpoint.
            }
          return result;
        }),
      );
    },
    // A write set in one synchronous turn: no awaits between the statements of its transaction.
    commitMany: (organisationId, writes) =>
      serial(() =>
        inWriteTurn(file, () => {
          const { db, s } = ready();
          checkStillThere(onDisk);
          begin(s);
          try {
            const written =
              writes.inserts.every((row) => insert(s, organisationId, row)) &&
              writes.updates.every(({ row, expectedVersion }) =>
                update(s, organisationId, row, expectedVersion),
              );
            if (!written) {
              s.rollback.run();
              return undefined;
            }
            const first = (s.lastSeq.get(organisationId)?.seq ?? 0) + 1;
            writes.events.forEach((event, i) => {
              s.appendEvent.run(organisationId, first + i, event.id, event.type, event.entityId, event.event);
            });
            s.commit.run();
            for (const row of writes.inserts) cache.written(organisationId, row);
            for (const { row } of writes.updates) cache.written(organisationId, row);
            return first;
          } catch (error) {
            // One synchronous turn that failed before or at its COMMIT: rolled back, nothing of it was written.
            if (db.inTransaction) s.rollback.run();
            throw notWritten(withAdvice(error, busyTimeoutMs, 'commit'), 'commit');
          }
        }),
      ),
    outdated: (schemaVersion, limit) =>
      serial(() =>
        committed(() =>
          ready()
            .s.outdated.all(schemaVersion, limit)
            .map((raw): OrganisationDocumentRow => ({ ...toRow(raw), organisationId: raw.organisation_id })),
        ),
      ),
    close: () =>
      serial(() => {
        if (db && !options.database) db.close();
        db = undefined;
        onDisk = undefined;
        dataVersion = undefined;
        cache = noReadCache;
        statements = undefined;
        plans.clear();
      }),
  };
}

/**
 * The image of an empty database, to open `:memory:` through the memdb VFS (ADR 046): its pages live in one buffer
 * and only `cache_size` of them in the page cache, which every commit scans.
 */
function emptyDatabase(Database: typeof BetterSqlite3): Buffer {
  const empty = new Database(':memory:');
  try {
    return empty.serialize();
  } finally {
    empty.close();
  }
}

function readEvents(
  db: BetterSqlite3.Database,
  p: string,
  organisationId: string,
  query: EventQuery,
): EventRow[] {
  const params: Param[] = [organisationId, query.after ?? 0];
  // An entity's events come from its index: without statistics SQLite walks the log from `after` in `seq` order (to
  // avoid a sort) and checks every event, which made an entity's history take seconds in a log of 600,000 events.
  const hint = query.entityId === undefined ? '' : ` INDEXED BY ${p}events_entity`;
  let sql = `SELECT seq, event FROM ${p}events${hint} WHERE organisation_id = ? AND seq > ?`;
  if (query.entityId !== undefined) {
    sql += ' AND entity_id = ?';
    params.push(query.entityId);
  }
  if (query.types !== undefined) {
    sql += ` AND type IN (${query.types.map(() => '?').join(', ') || 'NULL'})`;
    params.push(...query.types);
  }
  sql += ' ORDER BY seq';
  if (query.limit !== undefined) {
    sql += ' LIMIT ?';
    params.push(query.limit);
  }
  return db.prepare<Param[], EventRow>(sql).all(...params);
}
