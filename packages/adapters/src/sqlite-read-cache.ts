// The SQLite adapter's read cache (ADR 087): documents and small query results it read, kept as the rows SQLite
// returned (JSON text, so every caller still parses its own copy). It answers a read only while nothing else can
// have changed the database since: the adapter's own writes update or drop what they touch, and another
// connection's commits are seen through `PRAGMA data_version`, checked before every read of a file database.
import type { DocumentRow } from '@social-shift/core';

/**
 * What the cache keeps: at most `maxDocuments` documents, and query results of at most `MAX_QUERY_ROWS` rows each
 * holding at most `maxDocuments` rows together.
 */
export interface ReadCacheLimits {
  readonly maxDocuments: number;
}

/** Query results longer than this are not kept (a full listing would push out the documents commands read). */
const MAX_QUERY_ROWS = 100;
/** Queries whose key (shape and parameters) is longer than this are not kept: long `where` values, such as search text. */
const MAX_QUERY_KEY = 1024;
/** What a query result counts against the budget: its rows, and an empty one as one (so their number is bounded). */
const weight = (rows: readonly DocumentRow[]) => Math.max(1, rows.length);

export interface ReadCache {
  /**
   * Empties the cache when another connection committed since the last check (`stamp` is the connection's
   * `PRAGMA data_version`; undefined where no other connection can exist, such as a private in-memory database).
   * True when it did.
   */
  check(stamp: number | undefined): boolean;
  /** The cached row of a document, `null` when it is not cached. */
  get(organisationId: string, collection: string, id: string): DocumentRow | undefined | null;
  /** Keeps a row read outside any transaction (or a miss, as `undefined`, which is not kept). */
  keep(organisationId: string, collection: string, id: string, row: DocumentRow | undefined): void;
  /** The cached rows of a query (by its SQL and parameters), `undefined` when not cached. */
  query(organisationId: string, collection: string, key: string): readonly DocumentRow[] | undefined;
  keepQuery(organisationId: string, collection: string, key: string, rows: readonly DocumentRow[]): void;
  /**
   * Called before a document is written, inside its transaction: its cached row and the collection's cached
   * queries are dropped, so a rollback leaves nothing wrong behind.
   */
  writing(organisationId: string, collection: string, id: string): void;
  /**
   * Called after a write set committed (in the same synchronous turn as its statements, so no read comes
   * between): the row replaces the cached one, and the collection's cached queries are dropped.
   */
  written(organisationId: string, row: DocumentRow): void;
  clear(): void;
}

/** A cache that keeps nothing (the `cacheSize: 0` of the adapter). */
export const noReadCache: ReadCache = {
  check: () => false,
  get: () => null,
  keep() {},
  query: () => undefined,
  keepQuery() {},
  writing() {},
  written() {},
  clear() {},
};

export function createReadCache({ maxDocuments }: ReadCacheLimits): ReadCache {
  if (maxDocuments === 0) return noReadCache;
  // Map order is insertion order: a hit moves a document to the end, so the first one is the least recently used.
  const documents = new Map<string, DocumentRow>();
  const queries = new Map<string, { readonly generation: number; readonly rows: readonly DocumentRow[] }>();
  let queryRows = 0;
  // A collection's queries are valid while its generation is the one they were kept at; a write bumps it.
  const generations = new Map<string, number>();
  let stamp: number | undefined;

  const documentKey = (organisationId: string, collection: string, id: string) =>
    `${organisationId}\u0000${collection}\u0000${id}`;
  const collectionKey = (organisationId: string, collection: string) =>
    `${organisationId}\u0000${collection}`;
  const dropQuery = (key: string) => {
    const entry = queries.get(key);
    if (!entry) return;
    queries.delete(key);
    queryRows -= weight(entry.rows);
  };
  const bump = (organisationId: string, collection: string) => {
    const key = collectionKey(organisationId, collection);
    generations.set(key, (generations.get(key) ?? 0) + 1);
  };
  const clear = () => {
    documents.clear();
    queries.clear();
    queryRows = 0;
    generations.clear();
  };

  return {
    check(next) {
      if (next === stamp) return false;
      stamp = next;
      clear();
      return true;
    },
    get(organisationId, collection, id) {
      const key = documentKey(organisationId, collection, id);
      const row = documents.get(key);
      if (row === undefined) return null;
      documents.delete(key);
      documents.set(key, row);
      return row;
    },
    keep(organisationId, collection, id, row) {
      if (!row) return;
      const key = documentKey(organisationId, collection, id);
      documents.delete(key);
      documents.set(key, row);
      if (documents.size > maxDocuments) documents.delete(documents.keys().next().value as string);
    },
    query(organisationId, collection, key) {
      const full = `${organisationId}\u0000${key}`;
      const entry = queries.get(full);
      if (!entry) return undefined;
      if (entry.generation !== (generations.get(collectionKey(organisationId, collection)) ?? 0)) {
        dropQuery(full);
        return undefined;
      }
      queries.delete(full);
      queries.set(full, entry);
      return entry.rows;
    },
    keepQuery(organisationId, collection, key, rows) {
      if (rows.length > MAX_QUERY_ROWS || rows.length > maxDocuments || key.length > MAX_QUERY_KEY) return;
      const generation = generations.get(collectionKey(organisationId, collection)) ?? 0;
      const full = `${organisationId}\u0000${key}`;
      dropQuery(full);
      queries.set(full, { generation, rows });
      queryRows += weight(rows);
      while (queryRows > maxDocuments) dropQuery(queries.keys().next().value as string);
    },
    writing(organisationId, collection, id) {
      documents.delete(documentKey(organisationId, collection, id));
      bump(organisationId, collection);
    },
    written(organisationId, row) {
      const key = documentKey(organisationId, row.collection, row.id);
      if (documents.has(key)) documents.set(key, row);
      bump(organisationId, row.collection);
    },
    clear,
  };
}
