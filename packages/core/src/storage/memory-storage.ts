import { compareText } from '../model/compare-text.js';
import type { DocumentQuery, EventQuery, JsonObject, StoredDocument, StoredEvent } from '../ports/storage.js';
import type { CreateStorageOptions, ManagedStorage } from './create-storage.js';
import { createStorage } from './create-storage.js';
import { QUERY_INDEXES } from './query-indexes.js';
import type {
  DocumentRow,
  DriverTransaction,
  EventKey,
  EventRow,
  NewEventRow,
  OrganisationDocumentRow,
  StorageDriver,
} from './storage-driver.js';

interface MemoryDocument {
  readonly row: DocumentRow;
  /** The parsed data, for `where` filters, parsed on first use; never handed out. */
  data?: JsonObject;
}

const dataOf = (doc: MemoryDocument): JsonObject => {
  doc.data ??= JSON.parse(doc.row.data) as JsonObject;
  return doc.data;
};

interface MemoryEvent extends EventRow {
  readonly type: string;
  readonly entityId: string;
}

interface TenantData {
  readonly documents: Map<string, Map<string, MemoryDocument>>;
  /** For each indexed `collection\u0000field`, the ids of the documents by JSON value of the field. */
  readonly indexes: Map<string, Map<string, Set<string>>>;
  /** By `seq - 1`; a hole (`undefined`) where a retention run removed an event. */
  readonly events: (MemoryEvent | undefined)[];
}

/** Options of {@link createMemoryDriver}. */
export interface MemoryDriverOptions {
  /** The fields to keep an index of for `where` filters, by collection (default `QUERY_INDEXES`). */
  readonly indexes?: Readonly<Record<string, readonly string[]>>;
}

/** `record[key]` if it is the record's own: never a member of `Object.prototype` such as `constructor`. */
const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const isIndexable = (value: unknown): value is string | number =>
  typeof value === 'string' || typeof value === 'number';

/**
 * The in-memory {@link StorageDriver}: documents and events in maps in this process. Transactions are serialised
 * and write into an overlay that is merged on commit, so a transaction that throws leaves nothing. The data
 * lives as long as the driver object, so a new `createStorage(driver)` on the same driver finds it again.
 *
 * @example
 * ```ts
 * const driver = createMemoryDriver();
 * const storage = createStorage(driver);
 * ```
 */
export function createMemoryDriver(options: MemoryDriverOptions = {}): StorageDriver {
  const indexes = options.indexes ?? QUERY_INDEXES;
  const tenants = new Map<string, TenantData>();
  let queue: Promise<unknown> = Promise.resolve();

  const tenant = (organisationId: string): TenantData => {
    let data = tenants.get(organisationId);
    if (!data) {
      data = { documents: new Map(), indexes: new Map(), events: [] };
      tenants.set(organisationId, data);
    }
    return data;
  };
  const collectionOf = (organisationId: string, collection: string) =>
    tenants.get(organisationId)?.documents.get(collection);

  /** The stored documents a query can match: from a field index when it has one, else the whole collection. */
  const candidates = (
    organisationId: string,
    collection: string,
    query: DocumentQuery,
  ): Iterable<MemoryDocument> => {
    const data = tenants.get(organisationId);
    const docs = data?.documents.get(collection);
    if (!data || !docs) return [];
    for (const [field, value] of Object.entries(query.where ?? {})) {
      if (!isIndexable(value) || !own(indexes, collection)?.includes(field)) continue;
      const ids = data.indexes.get(`${collection}\u0000${field}`)?.get(JSON.stringify(value));
      return [...(ids ?? [])].map((id) => docs.get(id)!);
    }
    return docs.values();
  };

  const reindex = (
    data: TenantData,
    collection: string,
    before: MemoryDocument | undefined,
    after: MemoryDocument | null,
  ) => {
    for (const field of own(indexes, collection) ?? []) {
      const key = `${collection}\u0000${field}`;
      let index = data.indexes.get(key);
      if (!index) {
        index = new Map();
        data.indexes.set(key, index);
      }
      const old = before && dataOf(before)[field];
      if (isIndexable(old)) index.get(JSON.stringify(old))?.delete(before!.row.id);
      const now = after && dataOf(after)[field];
      if (isIndexable(now)) {
        const valueKey = JSON.stringify(now);
        let ids = index.get(valueKey);
        if (!ids) {
          ids = new Set();
          index.set(valueKey, ids);
        }
        ids.add(after!.row.id);
      }
    }
  };

  return {
    name: 'memory',
    capabilities: { persistent: false, multiProcess: false, browser: true, node: true },
    async open() {},
    async get(organisationId, collection, id) {
      return collectionOf(organisationId, collection)?.get(id)?.row;
    },
    async query(organisationId, collection, query) {
      return selectDocuments(candidates(organisationId, collection, query), query);
    },
    async readEvents(organisationId, query) {
      return selectEvents(tenants.get(organisationId)?.events ?? [], query);
    },
    transaction<T>(organisationId: string, work: (tx: DriverTransaction) => Promise<T>): Promise<T> {
      const run = async (): Promise<T> => {
        const pending = new Map<string, Map<string, MemoryDocument | null>>();
        const pendingEvents: MemoryEvent[] = [];
        const replaced = new Map<number, MemoryEvent>();
        const removedSeqs = new Set<number>();
        const current = (collection: string, id: string) => {
          const overlay = pending.get(collection);
          return overlay?.has(id)
            ? (overlay.get(id) ?? undefined)
            : collectionOf(organisationId, collection)?.get(id);
        };
        const stage = (collection: string, id: string, doc: MemoryDocument | null) => {
          let overlay = pending.get(collection);
          if (!overlay) {
            overlay = new Map();
            pending.set(collection, overlay);
          }
          overlay.set(id, doc);
        };
        // The event at `key.seq` as this transaction sees it, when it is the one `key` names. An event this
        // transaction removed is gone, as in SQL: replacing it must not bring it back.
        const eventAt = (key: EventKey): MemoryEvent | undefined => {
          if (removedSeqs.has(key.seq)) return undefined;
          const stored = tenants.get(organisationId)?.events ?? [];
          const existing =
            replaced.get(key.seq) ??
            (key.seq > stored.length ? pendingEvents[key.seq - stored.length - 1] : stored[key.seq - 1]);
          return existing &&
            existing.type === key.type &&
            existing.entityId === key.entityId &&
            (JSON.parse(existing.event) as { id?: unknown }).id === key.id
            ? existing
            : undefined;
        };
        const tx: DriverTransaction = {
          async get(collection, id) {
            return current(collection, id)?.row;
          },
          async query(collection, query) {
            const merged = new Map<string, MemoryDocument>();
            for (const doc of candidates(organisationId, collection, query)) merged.set(doc.row.id, doc);
            for (const [id, doc] of pending.get(collection) ?? []) {
              if (doc) merged.set(id, doc);
              else merged.delete(id);
            }
            return selectDocuments(merged.values(), query);
          },
          async insert(row) {
            if (current(row.collection, row.id)) return false;
            stage(row.collection, row.id, { row });
            return true;
          },
          async update(row, expectedVersion) {
            if (current(row.collection, row.id)?.row.version !== expectedVersion) return false;
            stage(row.collection, row.id, { row });
            return true;
          },
          async remove(collection, id, expectedVersion) {
            if (current(collection, id)?.row.version !== expectedVersion) return false;
            stage(collection, id, null);
            return true;
          },
          async append(events: readonly NewEventRow[]) {
            const first = (tenants.get(organisationId)?.events.length ?? 0) + pendingEvents.length + 1;
            events.forEach((event, i) => {
              pendingEvents.push(memoryEvent({ ...event, seq: first + i }));
            });
            return first;
          },
          async replaceEvent(row) {
            if (!eventAt(row)) return false;
            const pendingIndex = row.seq - (tenants.get(organisationId)?.events.length ?? 0) - 1;
            const next = memoryEvent(row);
            // A summary this transaction stored is in `replaced` (also at the seq of an event it appended).
            if (pendingIndex >= 0 && !replaced.has(row.seq)) pendingEvents[pendingIndex] = next;
            else replaced.set(row.seq, next);
            return true;
          },
          async compactEvents(removed, summary) {
            let count = 0;
            for (const key of new Map(removed.map((k) => [k.seq, k])).values()) {
              // An event appended earlier in this transaction can be removed too (it is pending, not stored).
              if (!eventAt(key)) continue;
              removedSeqs.add(key.seq);
              replaced.delete(key.seq);
              count++;
            }
            removedSeqs.delete(summary.seq);
            replaced.set(summary.seq, memoryEvent(summary));
            return count;
          },
        };
        const result = await work(tx);
        // Commit: nothing above touched the stored data, so a throw before this point leaves it unchanged. Nothing in the
        // merge below can throw half-way: it looks names up as own properties only (a collection named
        // `constructor` once made `reindex` throw after half the writes were applied), and parses only JSON it wrote.
        const target = tenant(organisationId);
        // The appended events first: removals and replacements may be of them.
        // One by one: spread into one call, a large import's events pass the engine's limit of arguments.
        for (const event of pendingEvents) target.events.push(event);
        for (const seq of removedSeqs) target.events[seq - 1] = undefined;
        for (const [seq, event] of replaced) target.events[seq - 1] = event;
        for (const [collection, overlay] of pending) {
          let docs = target.documents.get(collection);
          if (!docs) {
            docs = new Map();
            target.documents.set(collection, docs);
          }
          for (const [id, doc] of overlay) {
            reindex(target, collection, docs.get(id), doc);
            if (doc) docs.set(id, doc);
            else docs.delete(id);
          }
        }
        return result;
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    async outdated(schemaVersion, limit) {
      const out: OrganisationDocumentRow[] = [];
      for (const [organisationId, data] of tenants) {
        for (const docs of data.documents.values()) {
          for (const doc of docs.values()) {
            if (out.length >= limit) return out;
            if (doc.row.schemaVersion !== schemaVersion) out.push({ ...doc.row, organisationId });
          }
        }
      }
      return out;
    },
    async close() {},
  };
}

/** The columns the memory driver keeps of an event row. */
const memoryEvent = ({
  seq,
  event,
  type,
  entityId,
}: NewEventRow & { readonly seq: number }): MemoryEvent => ({
  seq,
  event,
  type,
  entityId,
});

/**
 * Storage in this process's memory: the default for tests, the demo and short-lived scripts. Transactions are
 * serialised and all-or-nothing; documents are stored as JSON, so callers cannot change stored state.
 *
 * @example
 * ```ts
 * const shift = createSocialShift({ storage: createMemoryStorage(), organisationId: 'org_acme' });
 * ```
 */
export function createMemoryStorage(options: CreateStorageOptions = {}): ManagedStorage {
  return createStorage(createMemoryDriver(), options);
}

function selectDocuments(docs: Iterable<MemoryDocument>, query: DocumentQuery): DocumentRow[] {
  return matching([...docs], query, (doc) => doc.row.id, dataOf).map((doc) => doc.row);
}

function selectEvents(events: readonly (MemoryEvent | undefined)[], query: EventQuery): EventRow[] {
  const start = Math.min(query.after ?? 0, events.length);
  const types = query.types && new Set<string>(query.types);
  const out: EventRow[] = [];
  if (query.limit === 0) return out;
  for (let i = start; i < events.length; i++) {
    const event = events[i];
    if (event === undefined) continue;
    if (query.entityId !== undefined && event.entityId !== query.entityId) continue;
    if (types && !types.has(event.type)) continue;
    out.push({ seq: event.seq, event: event.event });
    if (query.limit !== undefined && out.length >= query.limit) break;
  }
  return out;
}

/**
 * Applies a {@link DocumentQuery} to documents in memory: equality filters, id order, paging.
 *
 * @example
 * ```ts
 * runQuery(docs, { where: { status: 'draft' }, limit: 10 });
 * ```
 */
export function runQuery(docs: readonly StoredDocument[], query: DocumentQuery): StoredDocument[] {
  return matching(
    docs,
    query,
    (doc) => doc.id,
    (doc) => doc.data,
  );
}

/** The documents of `docs` that `query` selects, in id order: `runQuery` for any form of document. */
function matching<T>(
  docs: readonly T[],
  query: DocumentQuery,
  idOf: (doc: T) => string,
  fieldsOf: (doc: T) => Record<string, unknown>,
): T[] {
  const where = Object.entries(query.where ?? {});
  const after = query.afterId;
  const matched = docs
    .filter(
      (doc) =>
        (after === undefined || idOf(doc) > after) &&
        where.every(([f, v]) => (own(fieldsOf(doc), f) ?? null) === v),
    )
    .sort((a, b) => compareText(idOf(a), idOf(b)));
  return query.limit === undefined ? matched : matched.slice(0, query.limit);
}

/**
 * Applies an {@link EventQuery} to events in `seq` order.
 *
 * @example
 * ```ts
 * filterEvents(events, { after: 40, types: ['share.recorded'] });
 * ```
 */
export function filterEvents(events: readonly StoredEvent[], query: EventQuery): StoredEvent[] {
  const after = query.after ?? 0;
  const types = query.types && new Set<string>(query.types);
  const out: StoredEvent[] = [];
  if (query.limit === 0) return out;
  for (const event of events) {
    if (event.seq <= after) continue;
    if (query.entityId !== undefined && event.entityId !== query.entityId) continue;
    if (types && !types.has(event.type)) continue;
    out.push(event);
    if (query.limit !== undefined && out.length >= query.limit) break;
  }
  return out;
}
