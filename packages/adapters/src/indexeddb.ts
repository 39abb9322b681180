/**
 * `@social-shift/adapters/indexeddb`: storage in the browser's IndexedDB (the raw API, no dependency). For apps
 * whose users keep their programme in their own browser; it also runs in Node under `fake-indexeddb`.
 *
 * @example
 * ```ts
 * import { createSocialShift } from '@social-shift/core';
 * import { indexedDbStorage } from '@social-shift/adapters/indexeddb';
 *
 * const shift = createSocialShift({ storage: indexedDbStorage(), organisationId: 'org_acme' });
 * ```
 *
 * @packageDocumentation
 */
import type {
  CreateStorageOptions,
  DocumentQuery,
  DocumentRow,
  DriverTransaction,
  EventKey,
  EventQuery,
  EventRow,
  JsonObject,
  ManagedStorage,
  NewEventRow,
  OrganisationDocumentRow,
  StorageCapabilities,
  StorageDriver,
} from '@social-shift/core';
import { createStorage, isSocialShiftError, QUERY_INDEXES, SocialShiftError } from '@social-shift/core';
import { checkOptionNames } from './option-names.js';

/** Options of {@link indexedDbStorage}. */
export interface IndexedDbStorageOptions extends CreateStorageOptions {
  /** The IndexedDB database name (default `social-shift`). */
  readonly databaseName?: string | undefined;
  /** The IndexedDB factory (default `globalThis.indexedDB`; pass `new IDBFactory()` from fake-indexeddb in Node). */
  readonly indexedDB?: IDBFactory | undefined;
  /** `IDBKeyRange` of the same implementation as `indexedDB` (default `globalThis.IDBKeyRange`). */
  readonly keyRange?: typeof IDBKeyRange | undefined;
  /** The JSON fields to index for `where` filters, by collection (default `QUERY_INDEXES`, the SDK's own). */
  readonly indexes?: Readonly<Record<string, readonly string[]>> | undefined;
}

/**
 * What the IndexedDB adapter can do.
 *
 * @example
 * ```ts
 * indexedDbCapabilities.browser; // true
 * ```
 */
export const indexedDbCapabilities: StorageCapabilities = {
  persistent: true,
  multiProcess: false,
  browser: true,
  node: false,
};

/**
 * The object stores the adapter creates (database version 3; version 1 had no `meta`, version 2 no `schemaVersion`
 * index). `meta` holds the `indexes` the `query` keys were built with, so a change of `indexes` (or of the SDK's
 * `QUERY_INDEXES`) rebuilds them on open; the `schemaVersion` index finds the documents to migrate on open without
 * reading every document.
 *
 * @example
 * ```ts
 * INDEXEDDB_STORES.events.keyPath; // ['organisationId', 'seq']
 * ```
 */
export const INDEXEDDB_STORES = {
  documents: {
    keyPath: ['organisationId', 'collection', 'id'],
    indexes: { query: 'q', schemaVersion: 'schemaVersion' },
  },
  events: { keyPath: ['organisationId', 'seq'], indexes: { entity: ['organisationId', 'entityId', 'seq'] } },
  counters: { keyPath: 'organisationId' },
  meta: { keyPath: 'key' },
} as const;

/** The database version: 2 added the `meta` store, 3 the documents' `schemaVersion` index. */
const DATABASE_VERSION = 3;
/** The `meta` record that names the `indexes` behind the documents' `query` keys. */
const INDEXES_KEY = 'queryIndexes';

interface DocumentRecord {
  organisationId: string;
  collection: string;
  id: string;
  version: number;
  schemaVersion: number;
  data: string;
  /** The keys of the `query` index: one per indexed field with a string or number value. */
  q?: string[];
}

/** `record[key]` if it is the record's own: never a member of `Object.prototype` such as `constructor`. */
const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** The most records `getAll` takes as a count (an unsigned long): a larger limit reads them all. */
const MAX_COUNT = 2 ** 32 - 1;
/** How long a failed read waits for the connection's `close` event, which Chromium may fire after the read failed. */
const CLOSE_WAIT_MS = 250;
/** How many events a read of the log takes per request. */
const EVENT_BATCH = 1_000;

const isIndexable = (value: unknown): value is string | number =>
  typeof value === 'string' || typeof value === 'number';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The key of the `query` index for one field value: organisation, collection, field and JSON value. */
const queryKey = (organisationId: string, collection: string, field: string, value: unknown) =>
  `${organisationId}\u0000${collection}\u0000${field}\u0000${JSON.stringify(value)}`;

function toRecord(
  organisationId: string,
  row: DocumentRow,
  indexes: Readonly<Record<string, readonly string[]>>,
): DocumentRecord {
  const q = queryKeys(organisationId, row, indexes);
  return q ? { organisationId, ...row, q } : { organisationId, ...row };
}

/** The `query` index keys of a document under `indexes`; none when its collection has no indexed field. */
function queryKeys(
  organisationId: string,
  row: Pick<DocumentRow, 'collection' | 'data'>,
  indexes: Readonly<Record<string, readonly string[]>>,
): string[] | undefined {
  const fields = own(indexes, row.collection);
  if (!fields) return undefined;
  const data = JSON.parse(row.data) as JsonObject;
  return fields.flatMap((field) => {
    const value = own(data, field);
    return isIndexable(value) ? [queryKey(organisationId, row.collection, field, value)] : [];
  });
}

/**
 * The query keys of a stored document, or none when its data is not a JSON object (changed by hand, say): it cannot be
 * read anyway (reading it fails), and one such document must not stop every other one from being indexed.
 */
function storedQueryKeys(
  record: DocumentRecord,
  indexes: Readonly<Record<string, readonly string[]>>,
): string[] | undefined {
  try {
    return queryKeys(record.organisationId, record, indexes);
  } catch {
    return undefined;
  }
}

/** `indexes` if it is an object of collection names to lists of field names; `VALIDATION` otherwise. */
function checkIndexes(indexes: unknown): Readonly<Record<string, readonly string[]>> {
  const shaped =
    typeof indexes === 'object' &&
    indexes !== null &&
    !Array.isArray(indexes) &&
    Object.values(indexes).every(
      (fields) => Array.isArray(fields) && fields.every((f) => typeof f === 'string' && f !== ''),
    );
  if (shaped) return indexes as Readonly<Record<string, readonly string[]>>;
  throw invalidOption(
    'indexes',
    'use an object of collection names to lists of field names, such as { post: ["status"] }.',
  );
}

/**
 * `VALIDATION` unless `value` is left out or has the method `method` (the `indexedDB` option's `open`, the `keyRange`
 * option's `bound`): a wrong object there is the developer's mistake, which must not read as the browser refusing.
 */
function checkApi(value: unknown, option: string, method: string, use: string): void {
  if (value !== undefined && typeof (value as Record<string, unknown> | null)?.[method] !== 'function')
    throw invalidOption(option, `it has no ${method}(): pass ${use}, or leave the option out.`);
}

const invalidOption = (
  option: string,
  message: string,
  path: string[] = [option],
): SocialShiftError<'VALIDATION'> =>
  new SocialShiftError('VALIDATION', `Invalid ${option}: ${message}`, {
    details: { issues: [{ path, message, code: 'custom' }] },
  });

/** The indexed fields in one canonical form (collections and fields sorted), as kept in `meta`. */
const indexSignature = (indexes: Readonly<Record<string, readonly string[]>>): string =>
  JSON.stringify(
    Object.keys(indexes)
      .sort()
      .map((collection) => [collection, [...new Set(indexes[collection])].sort()]),
  );

/**
 * Makes every document's `query` keys those of `indexes` when `meta` says they were built with other ones (or a
 * version 1 database, which did not say): one `readwrite` transaction, so a reader sees the old keys or the new.
 */
async function rebuildQueryKeys(
  db: IDBDatabase,
  indexes: Readonly<Record<string, readonly string[]>>,
): Promise<void> {
  const signature = indexSignature(indexes);
  const tx = db.transaction(['documents', 'meta'], 'readwrite');
  const done = finished(tx);
  try {
    await rebuildIn(tx, indexes, signature);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Finished already: the browser aborted it.
    }
    await done.catch(() => undefined);
    throw error;
  }
  await done;
}

async function rebuildIn(
  tx: IDBTransaction,
  indexes: Readonly<Record<string, readonly string[]>>,
  signature: string,
): Promise<void> {
  const meta = tx.objectStore('meta');
  const kept = await request(meta.get(INDEXES_KEY) as IDBRequest<{ value: string } | undefined>);
  if (kept?.value !== signature) {
    const cursor = tx.objectStore('documents').openCursor();
    await new Promise<void>((resolve, reject) => {
      cursor.onerror = () => reject(cursor.error);
      // An exception here would abort the transaction without settling this promise: the open would hang.
      cursor.onsuccess = () => {
        try {
          const current = cursor.result;
          if (!current) return resolve();
          const { q: before, ...record } = current.value as DocumentRecord;
          const q = storedQueryKeys(record, indexes);
          if (JSON.stringify(before) !== JSON.stringify(q)) current.update(q ? { ...record, q } : record);
          current.continue();
        } catch (error) {
          reject(error);
        }
      };
    });
    meta.put({ key: INDEXES_KEY, value: signature });
  }
}

/**
 * The databases whose open is blocked by another tab, by factory. The browser keeps a blocked request queued until
 * that tab lets go, and a later request of this page (a retry, a new storage) would wait behind it, with no `blocked`
 * event of its own.
 */
const blockedOpens = new WeakMap<IDBFactory, Set<string>>();

interface EventRecord {
  organisationId: string;
  seq: number;
  id: string;
  type: string;
  entityId: string;
  event: string;
}
interface CounterRecord {
  organisationId: string;
  lastSeq: number;
}

/**
 * Creates IndexedDB storage. A transaction's writes are kept in memory while it runs and committed in one
 * IndexedDB `readwrite` transaction that first checks that nothing it read has changed since (another tab);
 * if something has, it throws `CONFLICT` and writes nothing.
 *
 * @example
 * ```ts
 * const storage = indexedDbStorage({ databaseName: 'my-programme' });
 * await storage.open();
 * ```
 */
export function indexedDbStorage(options: IndexedDbStorageOptions = {}): ManagedStorage {
  checkOptionNames(
    'indexedDbStorage',
    options,
    ['databaseName', 'indexedDB', 'keyRange', 'indexes', 'schemaVersion', 'migrations'],
    "without databaseName, the storage opens the database 'social-shift'.",
  );
  return createStorage(createIndexedDbDriver(options), options);
}

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/**
 * After how many documents of one collection a transaction looked for and did not find, it reads the ids the
 * collection holds (see the transaction's `current`), unless it holds more than `HELD_IDS_LIMIT`.
 */
const HELD_IDS_AFTER = 32;
const HELD_IDS_LIMIT = 20_000;

/** How many reads of a commit's checks are in flight at once: enough to spare a round trip each, few enough to hold. */
const CHECK_PART = 512;

/**
 * Reads `keys` with `get`, {@link CHECK_PART} requests at a time, and hands each key with what was found to `check`
 * (which throws to fail the commit). The browser answers a transaction's requests in order without waiting for the
 * page between them: thousands of checks one `await` at a time spent most of a large import's commit on round trips.
 */
async function checkEach<K, T>(
  keys: readonly K[],
  get: (key: K) => IDBRequest<T>,
  check: (key: K, found: T) => void,
): Promise<void> {
  for (let from = 0; from < keys.length; from += CHECK_PART) {
    const part = keys.slice(from, from + CHECK_PART);
    const found = await Promise.all(part.map((key) => request(get(key))));
    for (const [i, key] of part.entries()) check(key, found[i] as T);
  }
}

/**
 * Settles when `tx` commits, or rejects with why it did not. Marked handled from the start: a write request's error
 * rejects it while the caller still awaits a later request, and would be an unhandled rejection until then.
 */
const finished = (tx: IDBTransaction): Promise<void> => {
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // While a request's error bubbles here, `tx.error` is still null: the request holds it. A quota error counts
    // first, wherever it is (an aborted commit's requests fail with AbortError, the transaction with the quota).
    tx.onerror = (event) => {
      const own = (event.target as IDBRequest | null)?.error ?? null;
      const quota = [own, tx.error].find((error) => error?.name === 'QuotaExceededError');
      reject(quota ?? own ?? tx.error);
    };
    tx.onabort = () => reject(tx.error ?? new Error('the IndexedDB transaction was aborted'));
  });
  done.catch(() => undefined);
  return done;
};

/** `name: message` of a browser's error (a `DOMException`), for a message that quotes it. */
const quoted = (error: unknown): string =>
  error instanceof Error
    ? error.message
      ? `${error.name}: ${error.message.replace(/\.$/, '')}`
      : error.name
    : error == null
      ? 'the browser gave no reason'
      : String(error);

/**
 * What a failed IndexedDB transaction was, for the words of its error (and its `details.operation`, which a UI can
 * pick its advice by): a command's commit for one organisation, the open itself, the open's rebuild of the query keys,
 * or the migration of one organisation's documents on open, `before` being how many organisations' migrations were
 * committed before it (each in a transaction of its own: they stay).
 */
type Failed =
  | { readonly operation: 'open' | 'rebuild query keys' }
  | { readonly operation: 'commit'; readonly organisationId: string }
  | {
      readonly operation: 'write migrated documents';
      readonly organisationId: string;
      readonly before: number;
    };

/** "they were not written, while the 2 organisations migrated before it stay migrated", of a failed migration. */
const notMigrated = (before: number): string =>
  `they were not written, ${
    before === 0
      ? 'and no organisation was migrated'
      : `while the ${before} organisation${before === 1 ? ' migrated before it stays' : 's migrated before it stay'} migrated`
  }`;

/**
 * A failure of the browser's IndexedDB as a `STORAGE` error that says what to do (what the factory would say
 * otherwise, "check the store and retry", or "may or may not have been written" of a commit, is wrong here: an aborted
 * IndexedDB transaction writes nothing). A `SocialShiftError` stays as it is; `lost` is why the connection was closed
 * under this storage, if it was (then only a reload helps).
 */
function browserFailure(error: unknown, failed: Failed, lost: string | undefined): unknown {
  const { operation } = failed;
  const details = { adapter: 'indexeddb', operation };
  const migration = operation === 'write migrated documents';
  // The connection was lost while one organisation's migration was written (another tab upgraded or deleted the
  // database): also when the error is this adapter's own "cannot use" of a later call, it must say which organisation
  // was not migrated and that the ones before it stay, not that "nothing of this command was written".
  if (migration && lost !== undefined)
    return new SocialShiftError(
      'STORAGE',
      `The indexeddb storage cannot write the migrated documents of "${failed.organisationId}" to its database: ${lost}. ${notMigrated(failed.before).replace(/^t/, 'T')}; the reloaded page migrates the rest when it opens the storage.`,
      { details, cause: error },
    );
  if (isSocialShiftError(error)) return error;
  const errorName = (error as { name?: unknown } | null)?.name;
  let what = 'a commit to its IndexedDB database';
  let unwritten = 'nothing of this command was written';
  let advice = 'Retry; if it fails again, reload this page.';
  if (migration) {
    what = `writing the migrated documents of "${failed.organisationId}" to its IndexedDB database`;
    unwritten = notMigrated(failed.before);
    advice =
      'Open the storage again (any call does) to migrate the rest; if it fails again, reload this page.';
  } else if (operation === 'rebuild query keys') {
    what = 'rebuilding the query keys of its IndexedDB database while opening it';
    unwritten = 'nothing was changed';
  } else if (operation === 'commit' && errorName === 'ConstraintError') {
    // The only `add` of a commit is of the events after the log's counter: one of them is stored already, so the log
    // was changed outside this app (by hand, in the browser's developer tools), and a retry fails alike.
    advice = `An event is stored already at a seq after the event log's counter: the stored log was changed outside this app (in the browser's developer tools, say), so retrying fails alike. Check the records of "${failed.organisationId}" in the \`events\` and \`counters\` stores.`;
  }
  // A QuotaExceededError: the browser aborts a write that does not fit in the site's storage; retrying as such fails
  // again.
  if (errorName === 'QuotaExceededError')
    return new SocialShiftError(
      'STORAGE',
      `The browser has no room left for this site's IndexedDB data (QuotaExceededError): ${unwritten}. Free space on the device or delete data this app no longer needs, ask for persistent storage with navigator.storage.persist(), then ${migration ? 'open the storage again' : 'retry'}.`,
      { details, cause: error },
    );
  if (lost !== undefined) return cannot(lost, operation === 'commit' ? 'use' : 'open', error);
  return new SocialShiftError(
    'STORAGE',
    `The indexeddb storage failed: ${what} failed (${quoted(error)}): ${unwritten}. ${advice}`,
    { details, cause: error },
  );
}

const toRow = (record: DocumentRecord): DocumentRow => ({
  collection: record.collection,
  id: record.id,
  version: record.version,
  schemaVersion: record.schemaVersion,
  data: record.data,
});

const collectionRange = (
  keyRange: typeof IDBKeyRange,
  organisationId: string,
  collection: string,
  afterId?: string,
) =>
  keyRange.bound(
    [organisationId, collection, afterId ?? ''],
    [organisationId, collection, []],
    afterId !== undefined,
    false,
  );

function matches(record: DocumentRecord, where: [string, unknown][]): boolean {
  if (where.length === 0) return true;
  const data = JSON.parse(record.data) as JsonObject;
  return where.every(([field, value]) => (own(data, field) ?? null) === value);
}

function select(records: Iterable<DocumentRecord>, query: DocumentQuery): DocumentRow[] {
  const where = Object.entries(query.where ?? {});
  const out: DocumentRow[] = [];
  for (const record of records) {
    if (query.limit !== undefined && out.length >= query.limit) break;
    if (query.afterId !== undefined && record.id <= query.afterId) continue;
    if (matches(record, where)) out.push(toRow(record));
  }
  return out;
}

function createIndexedDbDriver(options: IndexedDbStorageOptions): StorageDriver {
  if (typeof options !== 'object' || options === null)
    throw invalidOption(
      'options',
      "pass an object of options, such as { databaseName: 'my-programme' }, or nothing.",
      [],
    );
  const name = options.databaseName ?? 'social-shift';
  if (typeof name !== 'string' || name === '' || options.databaseName === null)
    throw invalidOption(
      'databaseName',
      "use a non-empty string, such as 'my-programme', or leave the option out (the database 'social-shift').",
    );
  const indexes = checkIndexes(options.indexes === undefined ? QUERY_INDEXES : options.indexes);
  checkApi(
    options.indexedDB,
    'indexedDB',
    'open',
    "`indexedDB` an IDBFactory (the browser's indexedDB, or new IDBFactory() from fake-indexeddb in Node)",
  );
  checkApi(
    options.keyRange,
    'keyRange',
    'bound',
    '`keyRange` the IDBKeyRange of the same implementation as `indexedDB` (from fake-indexeddb in Node)',
  );
  // Without a global IDBKeyRange (Node), an `indexedDB` without its `keyRange` would open, then fail its first query.
  if (options.indexedDB !== undefined && options.keyRange === undefined && !globalThis.IDBKeyRange)
    throw invalidOption(
      'keyRange',
      'there is no global IDBKeyRange here: pass `keyRange`, the IDBKeyRange of the same implementation as `indexedDB` (from fake-indexeddb in Node), with `indexedDB`.',
    );
  const signature = indexSignature(indexes);
  const keys = (): typeof IDBKeyRange => {
    const keyRange = options.keyRange ?? globalThis.IDBKeyRange;
    if (!keyRange)
      throw cannot(
        'IDBKeyRange is not available here: pass `keyRange`, the IDBKeyRange of the same implementation as `indexedDB` (from fake-indexeddb in Node), with `indexedDB`',
        'read',
      );
    return keyRange;
  };
  let db: IDBDatabase | undefined;
  /** Why the database was closed under this storage (another tab's upgrade), for the error of later calls. */
  let closedBy: string | undefined;
  /**
   * While the factory migrates on open (from an `outdated()` that finds documents until one that finds none, or the
   * next open): the organisations whose migrated documents were committed, so that a failed commit says it was a
   * migration's, and which stay migrated. No command commits then: the factory's calls wait for its open.
   */
  let migrated: Set<string> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const heldElsewhere = () =>
    cannot(
      `the IndexedDB database "${name}" is open in another tab or window of this app at an older version and blocks the upgrade: close the other tabs and windows of this app, then open again`,
      'open',
    );
  const ready = () => {
    if (!db) throw cannot(closedBy ?? 'it is not open: open the storage first', 'use');
    return db;
  };
  const browserClosed = `the browser closed the IndexedDB database "${name}" (this site's data was cleared, or the disk failed): reload this page`;
  /**
   * The error of a failed commit, and why the connection was lost if it was: Chromium aborts the transactions of a
   * connection it closes itself (site data cleared) with an UnknownError "Connection is closing because of: ...", and
   * fires the connection's `close` event only after the commit's abort (its requests fail with a mere AbortError).
   * Then a retry cannot help: the storage is lost from now on, as after `close`.
   */
  const commitFailure = (error: unknown, commit: IDBTransaction | undefined, failure: Failed): unknown => {
    const closing = commit && closingError(commit);
    return closing ? browserFailure(closing, failure, closedBy) : browserFailure(error, failure, closedBy);
  };
  /** The error of a transaction the browser aborted as it closes the connection, after which the storage is lost. */
  const closingError = (tx: IDBTransaction): DOMException | undefined => {
    const closing = tx.error;
    if (closedBy !== undefined || !closing || !/^Connection is closing\b/.test(closing.message))
      return undefined;
    db?.close();
    db = undefined;
    closedBy = browserClosed;
    return closing;
  };
  // A failed read is left to the factory (its STORAGE error says rightly that nothing was written), unless the browser
  // cut it off as it closed the connection (site data cleared): the factory would say to retry, which fails alike.
  const read = async <T>(stores: string[], run: (tx: IDBTransaction) => Promise<T>): Promise<T> => {
    const connection = ready();
    const tx = connection.transaction(stores, 'readonly');
    try {
      return await run(tx);
    } catch (error) {
      if (closedBy === undefined && !closingError(tx) && !isSocialShiftError(error))
        // Chromium may fail the read before it says why (an AbortError, or an UnknownError "Backend aborted error",
        // with no transaction error yet) and fire `close` a moment later: a failed read waits for it, a little.
        await new Promise<void>((resolve) => {
          const closed = () => {
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(() => {
            connection.removeEventListener('close', closed);
            resolve();
          }, CLOSE_WAIT_MS);
          connection.addEventListener('close', closed, { once: true });
        });
      closingError(tx);
      throw closedBy === undefined ? error : cannot(closedBy, 'use', tx.error ?? error);
    }
  };

  const getRecord = (organisationId: string, collection: string, id: string) =>
    read(['documents'], (tx) =>
      request(
        tx.objectStore('documents').get([organisationId, collection, id]) as IDBRequest<
          DocumentRecord | undefined
        >,
      ),
    );

  const queryRecords = async (organisationId: string, collection: string, query: DocumentQuery) => {
    // `getAll` takes a count of 0 as "no limit": it would read the whole collection to answer nothing.
    if (query.limit === 0) return [];
    const indexed = Object.entries(query.where ?? {}).find(
      ([field, value]) => isIndexable(value) && own(indexes, collection)?.includes(field),
    );
    const noFilter = Object.keys(query.where ?? {}).length === 0;
    const records = await read(indexed ? ['documents', 'meta'] : ['documents'], async (tx) => {
      const documents = tx.objectStore('documents');
      if (indexed) {
        // The index serves the lookup only while every document's keys are this storage's: another tab running
        // another release (other indexes) writes its own keys and clears the `meta` record, so then it scans.
        const kept = await request(
          tx.objectStore('meta').get(INDEXES_KEY) as IDBRequest<{ value: string } | undefined>,
        );
        if (kept?.value === signature) {
          const found = await request(
            documents
              .index('query')
              .getAll(queryKey(organisationId, collection, indexed[0], indexed[1])) as IDBRequest<
              DocumentRecord[]
            >,
          );
          return found.sort(byId);
        }
      }
      return request(
        documents.getAll(
          collectionRange(keys(), organisationId, collection, query.afterId),
          noFilter && query.limit !== undefined ? Math.min(query.limit, MAX_COUNT) : undefined,
        ) as IDBRequest<DocumentRecord[]>,
      );
    });
    return select(records, query);
  };

  return {
    name: 'indexeddb',
    capabilities: indexedDbCapabilities,
    async open() {
      migrated = undefined;
      let req: IDBOpenDBRequest;
      /** The names of this factory's databases whose open is blocked (by another tab). */
      let blockedNames: Set<string> | undefined;
      try {
        // Reading the global throws in some browsers when this site may not keep data (Firefox, cookies blocked).
        const factory = options.indexedDB ?? globalThis.indexedDB;
        if (!factory)
          throw cannot(
            'IndexedDB is not available here: in a browser, open this app in a normal window (not a private one) of a current browser, with site data allowed for this site; in Node, pass `indexedDB` (such as `new IDBFactory()` from fake-indexeddb)',
            'open',
          );
        // Throws a SecurityError where the page may not use IndexedDB: an opaque origin (a sandboxed frame, a data: or
        // file: page).
        blockedNames = blockedOpens.get(factory) ?? blockedOpens.set(factory, new Set()).get(factory);
        // A retry (or another storage of this page) while the other tab still holds the database: it would wait
        // behind the blocked request for as long as that tab holds on, so it fails again at once.
        if (blockedNames?.has(name)) throw heldElsewhere();
        req = factory.open(name, DATABASE_VERSION);
      } catch (error) {
        if (isSocialShiftError(error)) throw error;
        // The browser refuses this page (by name: a DOMException of another frame is no instance of this one's).
        const errorName = (error as { name?: unknown } | null)?.name;
        if (errorName === 'SecurityError' || errorName === 'InvalidStateError')
          throw cannot(
            `this page may not use IndexedDB (${quoted(error)}): open this app from its own web address in a normal window, not from a file or in a sandboxed frame, and allow site data (cookies) for this site`,
            'open',
            error,
          );
        // Anything else is no refusal: a factory that is not a working IDBFactory (a mistake in the option), say, or
        // a fault of the browser itself, which its user can only work around.
        throw cannot(
          `IndexedDB's open() threw (${quoted(error)}): ${
            options.indexedDB === undefined
              ? "reload this page; if it fails again, open this app in a normal window of a current browser, and if it keeps failing, tell this site's maintainers"
              : "the `indexedDB` option must be an IDBFactory (the browser's indexedDB, or new IDBFactory() from fake-indexeddb in Node)"
          }`,
          'open',
          error,
        );
      }
      req.onupgradeneeded = (change) => {
        const upgrade = req.result;
        if (change.oldVersion < 1) {
          const documents = upgrade.createObjectStore('documents', {
            keyPath: [...INDEXEDDB_STORES.documents.keyPath],
          });
          documents.createIndex('query', INDEXEDDB_STORES.documents.indexes.query, { multiEntry: true });
          const events = upgrade.createObjectStore('events', {
            keyPath: [...INDEXEDDB_STORES.events.keyPath],
          });
          events.createIndex('entity', [...INDEXEDDB_STORES.events.indexes.entity]);
          upgrade.createObjectStore('counters', { keyPath: INDEXEDDB_STORES.counters.keyPath });
        }
        if (change.oldVersion < 2)
          upgrade.createObjectStore('meta', { keyPath: INDEXEDDB_STORES.meta.keyPath });
        // The browser indexes the stored documents as part of this upgrade: once, instead of on every open.
        if (change.oldVersion < 3)
          req.transaction
            ?.objectStore('documents')
            .createIndex('schemaVersion', INDEXEDDB_STORES.documents.indexes.schemaVersion);
      };
      const opened = await new Promise<IDBDatabase>((resolve, reject) => {
        let blocked = false;
        req.onsuccess = () => {
          // Opened after all, once the other tab closed: this call has failed already, so let go of it.
          if (blocked) {
            blockedNames?.delete(name);
            req.result.close();
          } else resolve(req.result);
        };
        req.onerror = () => {
          if (blocked) blockedNames?.delete(name);
          const error = req.error;
          if (error?.name === 'QuotaExceededError')
            return reject(browserFailure(error, { operation: 'open' }, undefined));
          // The browser will not keep this site's data (blocked in its settings, a private window of an older
          // Firefox: UnknownError, InvalidStateError), or its files are damaged: retrying as such fails alike.
          if (error?.name !== 'VersionError')
            return reject(
              cannot(
                `the browser refused to open the IndexedDB database "${name}" (${quoted(error)}): allow site data (cookies) for this site, use a normal window rather than a private one, make sure the device has free space, then reload this page`,
                'open',
                error,
              ),
            );
          // A newer release of the app upgraded the database (in another tab, or before this page was loaded from
          // a cache): this code cannot read it, and retrying fails alike.
          reject(
            cannot(
              `the IndexedDB database "${name}" was upgraded by a newer release of this app (this one reads version ${DATABASE_VERSION}): reload this page to get the newer release (${error.message})`,
              'open',
              error,
            ),
          );
        };
        // Another tab holds an older version of the database open and does not close it on `versionchange`
        // (an older release of this adapter, say): the upgrade would wait for it forever.
        req.onblocked = () => {
          blocked = true;
          blockedNames?.add(name);
          reject(heldElsewhere());
        };
      });
      // Another tab upgrades the database (a newer release): let it, and refuse further calls here. Also while this
      // open still rebuilds the query keys: the connection is closed then, so the open fails with the same advice.
      let lost: string | undefined;
      const lose = (why: string) => {
        lost ??= why;
        if (db === opened) {
          db = undefined;
          closedBy = why;
        }
      };
      opened.onversionchange = (change) => {
        opened.close();
        // No new version: another tab deletes the database (a reset of the app's data, say).
        lose(
          change.newVersion === null
            ? `another tab or window deleted the IndexedDB database "${name}": reload this page`
            : 'another tab or window upgraded the IndexedDB database: reload this page',
        );
      };
      // The browser closed the connection itself (this site's data was cleared in its settings or by a
      // `Clear-Site-Data` header, or the disk failed): every later call would fail with "the connection is closing".
      opened.onclose = () => lose(browserClosed);
      try {
        await rebuildQueryKeys(opened, indexes);
      } catch (error) {
        opened.close();
        throw browserFailure(error, { operation: 'rebuild query keys' }, lost);
      }
      if (lost) throw cannot(lost, 'open');
      db = opened;
      closedBy = undefined;
    },
    async get(organisationId, collection, id) {
      const record = await getRecord(organisationId, collection, id);
      return record && toRow(record);
    },
    query: queryRecords,
    async readEvents(organisationId, query: EventQuery): Promise<EventRow[]> {
      // No event has a type of an empty list: the walk below would read the whole log to find none.
      if (query.limit === 0 || query.types?.length === 0) return [];
      const after = query.after ?? 0;
      const types = query.types && new Set<string>(query.types);
      return read(['events'], async (tx) => {
        const store = tx.objectStore('events');
        const out: EventRow[] = [];
        // In batches of `getAll` within this transaction, not a cursor: a cursor's step per event made a long walk
        // slow (under fake-indexeddb, time grew with the square of the events walked: an export of a large import,
        // which reads the whole log for its summaries, took hours).
        for (let from = after; ; ) {
          const left = query.limit === undefined ? Infinity : query.limit - out.length;
          const count = types ? EVENT_BATCH : Math.min(left, EVENT_BATCH);
          const batch = await request(
            (query.entityId === undefined
              ? store.getAll(keys().bound([organisationId, from], [organisationId, Infinity], true), count)
              : store
                  .index('entity')
                  .getAll(
                    keys().bound(
                      [organisationId, query.entityId, from],
                      [organisationId, query.entityId, Infinity],
                      true,
                    ),
                    count,
                  )) as IDBRequest<EventRecord[]>,
          );
          for (const record of batch) {
            if (!types || types.has(record.type)) out.push({ seq: record.seq, event: record.event });
            if (query.limit !== undefined && out.length >= query.limit) return out;
          }
          if (batch.length < count) return out;
          from = batch[batch.length - 1]!.seq;
        }
      });
    },
    transaction<T>(organisationId: string, work: (tx: DriverTransaction) => Promise<T>): Promise<T> {
      const run = async (): Promise<T> => {
        // What this transaction read from the store before changing it: checked again at commit.
        const base = new Map<string, number>();
        const overlay = new Map<string, DocumentRecord | null>();
        /** What this transaction did first to each document it writes: decides the error when another tab did too. */
        const firstWrite = new Map<string, 'insert' | 'update' | 'remove'>();
        const events: EventRecord[] = [];
        const replaced = new Map<number, EventRecord>();
        const removedSeqs = new Set<number>();
        /** The stored events this transaction rewrites or removes, as it read them: checked again at commit. */
        const readEvents = new Map<number, EventRecord>();
        let baseSeq: number | undefined;
        const key = (collection: string, id: string) => `${collection}\u0000${id}`;
        // The documents this transaction reads come from one readonly transaction for as long as the browser keeps
        // it active (while each read follows the one before within a task: an import's thousands of inserts, each
        // reading first), not from one transaction each, which costs the browser far more than the read. Once it
        // has ended, or a read in it failed, the next read opens one as `getRecord` does, with its error handling.
        let reads: IDBTransaction | undefined;
        const readDocuments = async <R>(ask: (store: IDBObjectStore) => IDBRequest<R>): Promise<R> => {
          if (reads !== undefined) {
            try {
              return await request(ask(reads.objectStore('documents')));
            } catch {
              reads = undefined;
            }
          }
          return read(['documents'], (t) => {
            reads = t;
            return request(ask(t.objectStore('documents')));
          });
        };
        // A transaction that looks for many documents a collection does not hold (an import's thousands of inserts)
        // asks once for the ids the collection holds, and from then on reads only those: a read each was most of a
        // large import's time. Read earlier than the documents themselves, they may be out of date; the commit
        // checks every document this transaction writes again, as it does for any read.
        const missed = new Map<string, number>();
        const held = new Map<string, ReadonlySet<string> | null>();
        const heldIds = async (collection: string): Promise<ReadonlySet<string> | null> => {
          const found = await readDocuments((store) =>
            store.getAllKeys(collectionRange(keys(), organisationId, collection), HELD_IDS_LIMIT + 1),
          );
          return found.length > HELD_IDS_LIMIT ? null : new Set(found.map((k) => (k as string[])[2]!));
        };
        const current = async (collection: string, id: string) => {
          const k = key(collection, id);
          if (overlay.has(k)) return overlay.get(k) ?? undefined;
          const ids = held.get(collection);
          const record =
            ids && !ids.has(id)
              ? undefined
              : await readDocuments(
                  (store) =>
                    store.get([organisationId, collection, id]) as IDBRequest<DocumentRecord | undefined>,
                );
          if (!base.has(k)) base.set(k, record?.version ?? 0);
          if (record === undefined && ids === undefined) {
            const misses = (missed.get(collection) ?? 0) + 1;
            missed.set(collection, misses);
            if (misses >= HELD_IDS_AFTER) held.set(collection, await heldIds(collection));
          }
          return record;
        };
        const stage = (
          collection: string,
          id: string,
          record: DocumentRecord | null,
          write: 'insert' | 'update' | 'remove',
        ) => {
          const k = key(collection, id);
          if (!firstWrite.has(k)) firstWrite.set(k, write);
          overlay.set(k, record);
        };
        const record = (row: DocumentRow): DocumentRecord => toRecord(organisationId, row, indexes);
        // The calls of this transaction run one after another, in the order they were made, as statements on one
        // SQL connection: two writes issued together (Promise.all) would otherwise both read the stored version
        // before either staged, and both pass (a lost update), and a read issued after a write could miss it.
        let writing: Promise<unknown> = Promise.resolve();
        const serial =
          <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
          (...args: A): Promise<R> => {
            const next = writing.then(() => write(...args));
            writing = next.catch(() => undefined);
            return next;
          };

        const tx: DriverTransaction = {
          get: serial(async (collection: string, id: string) => {
            const found = await current(collection, id);
            return found && toRow(found);
          }),
          query: serial(async (collection: string, query: DocumentQuery) => {
            if (query.limit === 0) return [];
            const stored = await queryRecords(organisationId, collection, {
              ...query,
              limit: undefined as never,
            });
            const merged = new Map<string, DocumentRecord>();
            for (const row of stored) merged.set(row.id, record(row));
            for (const [k, staged] of overlay) {
              const [c, id] = k.split('\u0000') as [string, string];
              if (c !== collection || (query.afterId !== undefined && id <= query.afterId)) continue;
              if (staged) merged.set(id, staged);
              else merged.delete(id);
            }
            const sorted = [...merged.values()].sort(byId);
            return select(sorted, query);
          }),
          insert: serial(async (row: DocumentRow) => {
            if (await current(row.collection, row.id)) return false;
            stage(row.collection, row.id, record(row), 'insert');
            return true;
          }),
          update: serial(async (row: DocumentRow, expectedVersion: number) => {
            if ((await current(row.collection, row.id))?.version !== expectedVersion) return false;
            stage(row.collection, row.id, record(row), 'update');
            return true;
          }),
          remove: serial(async (collection: string, id: string, expectedVersion: number) => {
            if ((await current(collection, id))?.version !== expectedVersion) return false;
            stage(collection, id, null, 'remove');
            return true;
          }),
          append: serial(async (rows: readonly NewEventRow[]) => {
            if (baseSeq === undefined) {
              const counter = await read(['counters'], (t) =>
                request(
                  t.objectStore('counters').get(organisationId) as IDBRequest<CounterRecord | undefined>,
                ),
              );
              baseSeq = counter?.lastSeq ?? 0;
            }
            const first = baseSeq + events.length + 1;
            rows.forEach((row, i) => {
              events.push({ organisationId, seq: first + i, ...row });
            });
            return first;
          }),
          replaceEvent: serial(async (row: NewEventRow & { readonly seq: number }) => {
            // An event this transaction removed is gone, as in SQL: replacing it must not bring it back.
            if (removedSeqs.has(row.seq)) return false;
            const pending = events.findIndex((event) => event.seq === row.seq);
            const existing =
              replaced.get(row.seq) ??
              (pending >= 0
                ? events[pending]
                : await read(['events'], (t) =>
                    request(
                      t.objectStore('events').get([organisationId, row.seq]) as IDBRequest<
                        EventRecord | undefined
                      >,
                    ),
                  ));
            if (
              !existing ||
              existing.id !== row.id ||
              existing.type !== row.type ||
              existing.entityId !== row.entityId
            )
              return false;
            if (pending < 0 && !readEvents.has(row.seq)) readEvents.set(row.seq, existing);
            const next: EventRecord = { ...existing, event: row.event };
            // A summary this transaction stored over its own pending events lives in `replaced` (the pending event
            // at its seq is one it removed): the change goes there, or the commit would drop it.
            if (pending >= 0 && !replaced.has(row.seq)) events[pending] = next;
            else replaced.set(row.seq, next);
            return true;
          }),
          compactEvents: serial(
            async (removed: readonly EventKey[], summary: NewEventRow & { readonly seq: number }) => {
              const keys = new Map(removed.map((key) => [key.seq, key]));
              // Events appended earlier in this transaction are pending, not stored: they can be removed too (the
              // commit adds them, then deletes the removed ones).
              const pending = new Map(events.filter((e) => keys.has(e.seq)).map((e) => [e.seq, e]));
              const stored = await read(['events'], (t) =>
                Promise.all(
                  [...keys.keys()]
                    .filter((seq) => !pending.has(seq))
                    .map((seq) =>
                      request(
                        t.objectStore('events').get([organisationId, seq]) as IDBRequest<
                          EventRecord | undefined
                        >,
                      ),
                    ),
                ),
              );
              let count = 0;
              for (const found of [...stored, ...pending.values()]) {
                const key = found && keys.get(found.seq);
                if (!found || !key || removedSeqs.has(found.seq)) continue;
                if (!pending.has(found.seq) && !readEvents.has(found.seq)) readEvents.set(found.seq, found);
                const existing = replaced.get(found.seq) ?? found;
                if (
                  existing.id !== key.id ||
                  existing.type !== key.type ||
                  existing.entityId !== key.entityId
                )
                  continue;
                removedSeqs.add(found.seq);
                replaced.delete(found.seq);
                count++;
              }
              removedSeqs.delete(summary.seq);
              replaced.set(summary.seq, { organisationId, ...summary });
              return count;
            },
          ),
        };
        const failed = (): Failed =>
          migrated
            ? {
                operation: 'write migrated documents',
                organisationId,
                before: migrated.size - (migrated.has(organisationId) ? 1 : 0),
              }
            : { operation: 'commit', organisationId };
        let result: T;
        try {
          result = await work(tx);
          // A write the work started but did not await commits with it, as on the other adapters (else it would
          // stage after the commit began, and be lost while its promise reported it written).
          await writing;
        } catch (error) {
          // A migration's read found the connection lost (another tab upgraded meanwhile): say so as a migration.
          throw migrated && closedBy !== undefined ? browserFailure(error, failed(), closedBy) : error;
        }
        if (overlay.size === 0 && events.length === 0 && replaced.size === 0 && removedSeqs.size === 0)
          return result;

        let commit: IDBTransaction;
        try {
          commit = ready().transaction(['documents', 'events', 'counters', 'meta'], 'readwrite');
        } catch (error) {
          throw commitFailure(error, undefined, failed());
        }
        const done = finished(commit);
        const documents = commit.objectStore('documents');
        try {
          if (overlay.size > 0) {
            // Another tab runs another release (other indexes) and rebuilt the query keys to its own since this
            // one opened: the documents written here get keys it does not look for, so no tab may trust the index
            // until one opens again and rebuilds them (each then scans).
            const meta = commit.objectStore('meta');
            const kept = await request(meta.get(INDEXES_KEY) as IDBRequest<{ value: string } | undefined>);
            if (kept !== undefined && kept.value !== signature) meta.delete(INDEXES_KEY);
          }
          await checkEach(
            [...base.keys()].filter((k) => overlay.has(k)),
            (k) =>
              documents.get([organisationId, ...k.split('\u0000')]) as IDBRequest<DocumentRecord | undefined>,
            (k, found) => {
              const expected = base.get(k)!;
              const now = found?.version ?? 0;
              if (now === expected) return;
              const [collection, id] = k.split('\u0000') as [string, string];
              throw documentChangedElsewhere(collection, id, expected, now, firstWrite.get(k));
            },
          );
          if (events.length > 0) {
            const counters = commit.objectStore('counters');
            const counter = await request(
              counters.get(organisationId) as IDBRequest<CounterRecord | undefined>,
            );
            if ((counter?.lastSeq ?? 0) !== baseSeq)
              throw changedElsewhere('event log', organisationId, baseSeq ?? 0, counter?.lastSeq ?? 0);
            counters.put({ organisationId, lastSeq: (baseSeq ?? 0) + events.length } satisfies CounterRecord);
            const store = commit.objectStore('events');
            for (const event of events) store.add(event);
          }
          if (readEvents.size > 0) {
            // Events this transaction rewrites or removes must be as it read them: another tab's retention run
            // may have removed them, or its erasure rewritten them. Writing over that would bring removed events
            // back (or undo an erasure), so the transaction fails with CONFLICT instead, as on the SQL adapters.
            const store = commit.objectStore('events');
            await checkEach(
              [...readEvents],
              ([seq]) => store.get([organisationId, seq]) as IDBRequest<EventRecord | undefined>,
              ([seq, was], now) => {
                if (
                  !now ||
                  now.id !== was.id ||
                  now.type !== was.type ||
                  now.entityId !== was.entityId ||
                  now.event !== was.event
                )
                  throw new SocialShiftError(
                    'CONFLICT',
                    `The event "${was.id}" at seq ${seq} was ${now ? 'rewritten' : 'removed'} in another tab or window while this transaction ran (an erasure or a retention run). Read the events again and retry.`,
                    { details: { entityType: 'event', id: was.id, expectedVersion: 0 } },
                  );
              },
            );
          }
          if (removedSeqs.size > 0) {
            const store = commit.objectStore('events');
            for (const seq of removedSeqs) store.delete([organisationId, seq]);
          }
          if (replaced.size > 0) {
            const store = commit.objectStore('events');
            for (const event of replaced.values()) store.put(event);
          }
          for (const [k, staged] of overlay) {
            const [collection, id] = k.split('\u0000') as [string, string];
            if (staged) documents.put(staged);
            else documents.delete([organisationId, collection, id]);
          }
        } catch (error) {
          // Aborted here (a check failed), or by the browser already (a read of the check failed with AbortError):
          // then `abort()` throws InvalidStateError, which would hide the cause and leave `done` unhandled.
          try {
            commit.abort();
          } catch {
            // Finished already: the browser aborted it.
          }
          await done.catch(() => undefined);
          // A read of the checks failed with AbortError because a write before it failed (an event's `add`, a
          // ConstraintError): the transaction's error says why, and what to do.
          const aborted = (error as { name?: unknown } | null)?.name === 'AbortError';
          throw commitFailure(aborted && commit.error ? commit.error : error, commit, failed());
        }
        await done.catch((error: unknown) => {
          throw commitFailure(error, commit, failed());
        });
        migrated?.add(organisationId);
        return result;
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    async outdated(schemaVersion, limit) {
      // By the `schemaVersion` index, below and above the current version: an open at the current version reads no
      // document (walking them all took 2.1 s in Chromium at 100,000 documents).
      return read(['documents'], async (tx) => {
        const index = tx.objectStore('documents').index('schemaVersion');
        const out: OrganisationDocumentRow[] = [];
        for (const range of [
          keys().upperBound(schemaVersion, true),
          keys().lowerBound(schemaVersion, true),
        ]) {
          if (out.length >= limit) break;
          const records = await request(
            index.getAll(range, Math.min(limit - out.length, MAX_COUNT)) as IDBRequest<DocumentRecord[]>,
          );
          for (const record of records) out.push({ ...toRow(record), organisationId: record.organisationId });
        }
        migrated = out.length > 0 ? (migrated ?? new Set()) : undefined;
        return out;
      });
    },
    async close() {
      // A transaction already running finishes first (as on the other adapters); the factory lets no new one in.
      await queue;
      db?.close();
      db = undefined;
      migrated = undefined;
    },
  };
}

/**
 * The error for a document another tab or window wrote while this transaction ran: what the other adapters answer
 * when the other writer commits first (they see its write). Creating a document it created is `ALREADY_EXISTS`,
 * deleting one it deleted is `NOT_FOUND`; anything else is `CONFLICT`.
 */
function documentChangedElsewhere(
  collection: string,
  id: string,
  expected: number,
  actual: number,
  write: 'insert' | 'update' | 'remove' | undefined,
): SocialShiftError {
  const elsewhere = 'in another tab or window while this transaction ran; nothing of it was written.';
  if (write === 'insert' && actual > 0)
    return new SocialShiftError('ALREADY_EXISTS', `The ${collection} "${id}" was created ${elsewhere}`, {
      details: { entityType: collection, id },
    });
  if (write === 'remove' && actual === 0)
    return new SocialShiftError('NOT_FOUND', `The ${collection} "${id}" was deleted ${elsewhere}`, {
      details: { entityType: collection, id },
    });
  return changedElsewhere(collection, id, expected, actual);
}

/**
 * A `STORAGE` error that says why the storage cannot go on and what to do (reload the page, close other tabs, use a
 * normal window...): `reason` says why and ends with that advice. The factory would add "check the store and retry"
 * to a plain error, which cannot help here.
 */
function cannot(reason: string, operation: string, cause?: unknown): SocialShiftError<'STORAGE'> {
  return new SocialShiftError(
    'STORAGE',
    `The indexeddb storage cannot ${operation} its database: ${reason}. Nothing of this command was written.`,
    { details: { adapter: 'indexeddb', operation }, ...(cause === undefined ? {} : { cause }) },
  );
}

function changedElsewhere(
  what: string,
  id: string,
  expected: number,
  actual: number,
): SocialShiftError<'CONFLICT'> {
  return new SocialShiftError(
    'CONFLICT',
    `The ${what} "${id}" changed in another tab or window while this transaction ran. Read it again and retry.`,
    { details: { entityType: what, id, expectedVersion: expected, actualVersion: actual } },
  );
}
