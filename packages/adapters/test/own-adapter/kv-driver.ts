// A storage driver of a third party's own, on a key-value store, written from docs/storage/your-own-adapter.md and
// the published types only: what someone storing Social Shift data in their own key-value store writes.
// own-adapter.test.ts runs the conformance suite on it, and on broken variants of it (`KvFaults`) that the suite
// must fail.
import type {
  DocumentQuery,
  DocumentRow,
  DriverTransaction,
  EventKey,
  EventQuery,
  EventRow,
  NewEventRow,
  OrganisationDocumentRow,
  StorageCapabilities,
  StorageDriver,
} from '@social-shift/core';

// #region store
/**
 * The key-value store: string keys and values, as in Redis, etcd or a browser's localStorage, with one lock for
 * the store's transactions (a server's MULTI/WATCH or a lock key). Every driver opened on it shares both, as
 * every server of an app shares one database.
 */
export interface KeyValueStore {
  readonly entries: Map<string, string>;
  lock: Promise<unknown>;
}

export const createKeyValueStore = (): KeyValueStore => ({ entries: new Map(), lock: Promise.resolve() });
// #endregion store

/** What a document key holds. */
interface StoredRow {
  readonly version: number;
  readonly schemaVersion: number;
  readonly data: string;
}

/** What an event key holds: the columns an event is matched by, and the event's JSON text. */
interface StoredEventRow {
  readonly id: string;
  readonly type: string;
  readonly entityId: string;
  readonly event: string;
}

const SEP = '\u0001';
/** Every key of an organisation starts with its id, so no read of one organisation reaches another's keys. */
const docPrefix = (org: string, collection: string) => `doc${SEP}${org}${SEP}${collection}${SEP}`;
const docKey = (org: string, collection: string, id: string) => `${docPrefix(org, collection)}${id}`;
const eventPrefix = (org: string) => `ev${SEP}${org}${SEP}`;
/** Zero-padded, so that keys sort in `seq` order. */
const eventKey = (org: string, seq: number) => `${eventPrefix(org)}${String(seq).padStart(16, '0')}`;
/** The highest `seq` ever given out: a counter, not the number of events (retention removes events). */
const lastSeqKey = (org: string) => `seq${SEP}${org}`;

/** Code-unit order of ids (`'B' < 'a'`), not `localeCompare`. */
const byId = (a: DocumentRow, b: DocumentRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A `DocumentQuery` on rows: `where` compares an own top-level field by JSON type and value (missing equals
 * `null`), in id order, after `afterId`, at most `limit`.
 */
function matchRows(rows: readonly DocumentRow[], query: DocumentQuery): DocumentRow[] {
  const where = Object.entries(query.where ?? {});
  const matched = rows
    .filter((row) => query.afterId === undefined || row.id > query.afterId)
    .filter((row) => {
      if (where.length === 0) return true;
      const data = JSON.parse(row.data) as Record<string, unknown>;
      return where.every(([name, value]) => (Object.hasOwn(data, name) ? data[name] : null) === value);
    })
    .sort(byId);
  return query.limit === undefined ? matched : matched.slice(0, query.limit);
}

/** The faults of a broken variant of the driver: the suite must fail each. */
export interface KvFaults {
  /** Transactions take a lock of their driver, not of the store: two servers on one store do not wait. */
  readonly driverLock?: boolean;
  /** `update` does not compare the stored version: a lost update. */
  readonly ignoreExpectedVersion?: boolean;
  /** Writes go to the store at once instead of at commit: a failed transaction keeps what it wrote. */
  readonly writeThrough?: boolean;
  /** `append` stores every event of a commit but the last. */
  readonly dropLastEvent?: boolean;
  /** `append` numbers after the count of stored events, which retention lowers: a `seq` given out twice. */
  readonly seqFromCount?: boolean;
  /** Keys leave out the organisation: organisations read and write each other's documents and events. */
  readonly sharedTenantKeys?: boolean;
  /** `outdated` returns one document per call instead of every one. */
  readonly outdatedOneAtATime?: boolean;
  /** The commit sets its keys one at a time, as separate requests: a read in between sees half a commit. */
  readonly keyByKeyCommit?: boolean;
}

/**
 * A {@link StorageDriver} on a key-value store: `createStorage(createKvDriver(store))` gives the storage port.
 * A transaction takes the store's lock, keeps its writes to itself (its reads see them), and writes them to the
 * store when `work` resolves, or drops them when it throws.
 */
export function createKvDriver(store: KeyValueStore, faults: KvFaults = {}): StorageDriver {
  const { entries } = store;
  const capabilities: StorageCapabilities = {
    persistent: true,
    multiProcess: false,
    browser: true,
    node: true,
  };
  const ownLock = { lock: Promise.resolve() as Promise<unknown> };
  const locks = faults.driverLock ? ownLock : store;
  const scope = (org: string) => (faults.sharedTenantKeys ? 'shared' : org);

  /** The document rows under `prefix`, read through `read` (the store, or a transaction's view of it). */
  const rowsUnder = (keys: Iterable<string>, read: (key: string) => string | undefined, prefix: string) => {
    const rows: DocumentRow[] = [];
    for (const key of keys) {
      if (!key.startsWith(prefix)) continue;
      const value = read(key);
      if (value === undefined) continue;
      const [, , collection, id] = key.split(SEP) as [string, string, string, string];
      rows.push({ collection, id, ...(JSON.parse(value) as StoredRow) });
    }
    return rows;
  };

  const getRow = (read: (key: string) => string | undefined, org: string, collection: string, id: string) => {
    const value = read(docKey(scope(org), collection, id));
    return value === undefined ? undefined : { collection, id, ...(JSON.parse(value) as StoredRow) };
  };

  return {
    name: 'key-value',
    capabilities,
    async open() {},
    async get(org, collection, id) {
      return getRow((key) => entries.get(key), org, collection, id);
    },
    async query(org, collection, query) {
      const prefix = docPrefix(scope(org), collection);
      return matchRows(
        rowsUnder(entries.keys(), (key) => entries.get(key), prefix),
        query,
      );
    },
    async readEvents(org, query: EventQuery) {
      const prefix = eventPrefix(scope(org));
      const keys = [...entries.keys()].filter((key) => key.startsWith(prefix)).sort();
      const types = query.types && new Set<string>(query.types); // [] matches no event
      const out: EventRow[] = [];
      for (const key of keys) {
        if (query.limit !== undefined && out.length >= query.limit) break; // the limit counts matches
        const seq = Number(key.slice(prefix.length));
        if (seq <= (query.after ?? 0)) continue;
        const stored = JSON.parse(entries.get(key) as string) as StoredEventRow;
        if (query.entityId !== undefined && stored.entityId !== query.entityId) continue;
        if (types && !types.has(stored.type)) continue;
        out.push({ seq, event: stored.event });
      }
      return out;
    },
    transaction<T>(org: string, work: (tx: DriverTransaction) => Promise<T>): Promise<T> {
      const run = async () => {
        const o = scope(org);
        // The transaction's own writes (undefined: deleted), over the store.
        const writes = new Map<string, string | undefined>();
        const read = (key: string) => (writes.has(key) ? writes.get(key) : entries.get(key));
        const write = (key: string, value: string | undefined) => {
          if (!faults.writeThrough) writes.set(key, value);
          else if (value === undefined) entries.delete(key);
          else entries.set(key, value);
        };
        const putRow = (row: DocumentRow) =>
          write(
            docKey(o, row.collection, row.id),
            JSON.stringify({ version: row.version, schemaVersion: row.schemaVersion, data: row.data }),
          );
        const versionOf = (collection: string, id: string) => {
          const value = read(docKey(o, collection, id));
          return value === undefined ? undefined : (JSON.parse(value) as StoredRow).version;
        };
        const matches = (key: EventKey) => {
          const value = read(eventKey(o, key.seq));
          if (value === undefined) return false;
          const stored = JSON.parse(value) as StoredEventRow;
          return stored.id === key.id && stored.type === key.type && stored.entityId === key.entityId;
        };
        const putEvent = (seq: number, row: NewEventRow) =>
          write(
            eventKey(o, seq),
            JSON.stringify({ id: row.id, type: row.type, entityId: row.entityId, event: row.event }),
          );
        const tx: DriverTransaction = {
          async get(collection, id) {
            return getRow(read, org, collection, id);
          },
          async query(collection, query) {
            const keys = new Set([...entries.keys(), ...writes.keys()]);
            return matchRows(rowsUnder(keys, read, docPrefix(o, collection)), query);
          },
          async insert(row) {
            if (versionOf(row.collection, row.id) !== undefined) return false;
            putRow(row);
            return true;
          },
          async update(row, expectedVersion) {
            const version = versionOf(row.collection, row.id);
            if (version === undefined) return false;
            if (version !== expectedVersion && !faults.ignoreExpectedVersion) return false;
            putRow(row);
            return true;
          },
          async remove(collection, id, expectedVersion) {
            if (versionOf(collection, id) !== expectedVersion) return false;
            write(docKey(o, collection, id), undefined);
            return true;
          },
          async append(events) {
            const stored = [...new Set([...entries.keys(), ...writes.keys()])].filter(
              (key) => key.startsWith(eventPrefix(o)) && read(key) !== undefined,
            );
            const last = faults.seqFromCount ? stored.length : Number(read(lastSeqKey(o)) ?? 0);
            const kept = faults.dropLastEvent ? events.slice(0, -1) : events;
            for (const [i, row] of kept.entries()) putEvent(last + 1 + i, row);
            write(lastSeqKey(o), String(last + events.length));
            return last + 1;
          },
          async replaceEvent(row) {
            if (!matches(row)) return false;
            putEvent(row.seq, row);
            return true;
          },
          async compactEvents(removed, summary) {
            const found = removed.filter(matches);
            for (const key of found) write(eventKey(o, key.seq), undefined);
            putEvent(summary.seq, summary);
            return found.length;
          },
        };
        const result = await work(tx);
        // One atomic batch on a real store (MULTI/EXEC, a write batch); a Map cannot fail half-way.
        for (const [key, value] of writes) {
          if (faults.keyByKeyCommit) await new Promise((resolve) => setTimeout(resolve, 0));
          if (value === undefined) entries.delete(key);
          else entries.set(key, value);
        }
        return result;
      };
      const result = locks.lock.then(run);
      locks.lock = result.catch(() => undefined);
      return result;
    },
    async outdated(schemaVersion, limit) {
      const rows: OrganisationDocumentRow[] = [];
      for (const [key, value] of entries) {
        if (!key.startsWith(`doc${SEP}`)) continue;
        const [, organisationId, collection, id] = key.split(SEP) as [string, string, string, string];
        const stored = JSON.parse(value) as StoredRow;
        if (stored.schemaVersion === schemaVersion) continue;
        rows.push({ organisationId, collection, id, ...stored });
        if (rows.length >= limit || faults.outdatedOneAtATime) break;
      }
      return rows;
    },
    async close() {},
  };
}
