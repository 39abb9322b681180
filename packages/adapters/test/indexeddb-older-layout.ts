// The layouts of the IndexedDB databases that earlier releases of the adapter made, written with the raw API, so a
// test can hold such a database open or fill it and check how this release upgrades it: version 1 (documents with
// their `query` index, events, counters) and version 2 (with `meta` too); version 3 added the documents'
// `schemaVersion` index. For an `onupgradeneeded` handler of a database opened at `version`.
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
