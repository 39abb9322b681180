// The raw IndexedDB API for tests, browser pages and benchmarks that write a database as the adapter (or an earlier
// release of it) would: opening a database, waiting for a transaction, and the layouts of earlier releases.

/** Opens `name` (at `version`, running `upgrade` when that version is new) with `factory`; rejects with its error. */
export const openRaw = (
  factory: IDBFactory,
  name: string,
  version?: number,
  upgrade?: (db: IDBDatabase) => void,
): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    const req = factory.open(name, version);
    req.onupgradeneeded = () => upgrade?.(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** Resolves when `tx` has committed; rejects with its error. */
export const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });

/**
 * The layouts of the databases earlier releases of the adapter made, so a test can hold such a database open or fill
 * it and check how this release upgrades it: version 1 (documents with their `query` index, events, counters) and
 * version 2 (with `meta` too); version 3 added the documents' `schemaVersion` index. For an `onupgradeneeded` handler
 * of a database opened at `version`.
 */
export function createOlderLayout(db: IDBDatabase, version: 1 | 2): void {
  db.createObjectStore('documents', { keyPath: ['organisationId', 'collection', 'id'] }).createIndex(
    'query',
    'q',
    { multiEntry: true },
  );
  db.createObjectStore('events', { keyPath: ['organisationId', 'seq'] }).createIndex('entity', [
    'organisationId',
    'entityId',
    'seq',
  ]);
  db.createObjectStore('counters', { keyPath: 'organisationId' });
  if (version === 2) db.createObjectStore('meta', { keyPath: 'key' });
}
