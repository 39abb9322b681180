import type { DomainEvent, EventType } from '../model/domain-event.js';
import type { Migration } from '../storage/migrations.js';

/** A JSON value as stored. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object as stored. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * A stored document. `version` is the optimistic-concurrency counter (1 after the first write); `schemaVersion`
 * the version of the collection's schema the data was written with (see migrations).
 */
export interface StoredDocument<T = JsonObject> {
  readonly collection: string;
  readonly id: string;
  readonly organisationId: string;
  readonly version: number;
  readonly schemaVersion: number;
  readonly data: T;
}

/**
 * A domain event as stored, with its per-organisation position `seq` (from 1). Every commit takes the next
 * consecutive numbers, so appends leave no gaps; only a retention run (`privacy.applyRetention`) leaves holes,
 * where it removed old raw platform events (their figures live on in `platform.summary` events).
 */
export type StoredEvent = DomainEvent & { readonly seq: number };

/** A query on one collection: equality on top-level scalar fields, ordered by id. */
export interface DocumentQuery {
  readonly where?: Readonly<Record<string, string | number | boolean | null>>;
  /** At most this many documents (default: all). */
  readonly limit?: number;
  /** Only documents whose id sorts after this one (for paging). */
  readonly afterId?: string;
}

/** A read of the event log, in `seq` order. */
export interface EventQuery {
  /** Only events with `seq` greater than this cursor (default 0: from the start). */
  readonly after?: number;
  readonly limit?: number;
  readonly entityId?: string;
  readonly types?: readonly EventType[];
}

/** What an adapter can do; the conformance suite runs the groups these allow, and the docs show the matrix. */
export interface StorageCapabilities {
  /** Commits survive a restart of the process. */
  readonly persistent: boolean;
  /** Several processes can share the store with correct optimistic concurrency. */
  readonly multiProcess: boolean;
  /** Runs in a browser. */
  readonly browser: boolean;
  /** Runs in Node. */
  readonly node: boolean;
  /**
   * Reads issued together (in the same turn of the event loop, outside a transaction) are sent as one request
   * (one SQL statement on PostgreSQL): fewer round trips, the same answers. Absent means `false`.
   */
  readonly batchedReads?: boolean;
}

/**
 * The writes of one transaction. Everything written through it, documents and events, commits together or not
 * at all.
 */
export interface StorageTransaction {
  /** One document of the organisation, as this transaction sees it (its own writes included), or `undefined`. */
  get(collection: string, id: string): Promise<StoredDocument | undefined>;
  /** The documents of a collection that match `query`, in id order, as this transaction sees them. */
  query(collection: string, query?: DocumentQuery): Promise<StoredDocument[]>;
  /**
   * Writes a document if its stored version is `expectedVersion` (0: it must not exist yet), and returns it with
   * its new version. Otherwise throws `CONFLICT` (or `ALREADY_EXISTS` for 0) and writes nothing; when the work
   * lets that error escape (as commands do), the whole transaction writes nothing. `data` must be plain JSON
   * (`VALIDATION` otherwise: see `docs/storage/README.md`).
   */
  put(collection: string, id: string, data: JsonObject, expectedVersion: number): Promise<StoredDocument>;
  /**
   * Imports only: writes a new document at the given storage version (so a moved organisation keeps its versions).
   * Throws `ALREADY_EXISTS` when the id is taken. Optional: `importAll` falls back to `put(…, 0)` without it.
   */
  restore?(collection: string, id: string, data: JsonObject, version: number): Promise<StoredDocument>;
  /** Deletes a document at `expectedVersion`; throws `CONFLICT` otherwise. */
  delete(collection: string, id: string, expectedVersion: number): Promise<void>;
  /** Appends events to the organisation's log; they get consecutive `seq` numbers when the transaction commits. */
  append(events: readonly DomainEvent[]): Promise<readonly StoredEvent[]>;
  /**
   * Replaces stored events in place: only for erasing personal data (the SDK never changes an event otherwise).
   * Each replacement is matched by its `seq`, `id`, `type` and `entityId`; `NOT_FOUND` when no stored event has
   * all four (only the rest, such as `data`, may change). Commits with the transaction.
   */
  replaceEvents(events: readonly StoredEvent[]): Promise<void>;
  /**
   * Retention only: removes the stored events `removed` (matched like `replaceEvents`; `NOT_FOUND` when one is
   * missing) and stores `summary`, the event that carries their figures, at the highest `seq` among them, which it
   * returns. The other removed positions stay empty: `seq` still only grows and is never reused, and no event
   * committed after a cursor is ever skipped. Commits with the transaction.
   */
  compactEvents(removed: readonly StoredEvent[], summary: DomainEvent): Promise<StoredEvent>;
}

/**
 * The storage port: what the SDK needs from a store. Every call is scoped to one organisation; no call ever
 * returns another organisation's data. Adapters live in `@social-shift/adapters/*`.
 */
export interface StoragePort {
  readonly name: string;
  readonly capabilities: StorageCapabilities;
  /**
   * Optional: the schema version the storage writes documents at, and the migrations it applies on open (every
   * storage of `createStorage` has both). `importAll` migrates an export bundle with them.
   */
  readonly schemaVersion?: number;
  readonly migrations?: readonly Migration[];
  /** One committed document of the organisation, or `undefined` when there is none with this id. */
  get(organisationId: string, collection: string, id: string): Promise<StoredDocument | undefined>;
  /**
   * The committed documents of a collection that match `query` (equality on top-level fields), in id order by
   * UTF-16 code units, after `afterId`, at most `limit`.
   */
  query(organisationId: string, collection: string, query?: DocumentQuery): Promise<StoredDocument[]>;
  /**
   * The organisation's committed events in `seq` order: after the cursor `after`, of `entityId` and of one of
   * `types` when given, at most `limit`.
   */
  readEvents(organisationId: string, query?: EventQuery): Promise<StoredEvent[]>;
  /**
   * Runs `work` in one transaction for one organisation. When `work` throws, nothing it wrote is kept and the
   * error is rethrown. The transaction's calls take effect in the order they were made, also when `work` issues them
   * together (`Promise.all`); a call made while `work` runs is part of the transaction even if not awaited, and one
   * made after it returned is refused with `STORAGE`. Await every call: an error of one that was not awaited cannot
   * undo the rest (see docs/storage/README.md).
   */
  transaction<T>(organisationId: string, work: (tx: StorageTransaction) => Promise<T>): Promise<T>;
  /**
   * Optional: commits a whole write set at once, as one transaction that puts the documents (each at its
   * `expectedVersion`, as `put` does) and then appends the events. The same result and the same errors as doing
   * it in `transaction`; a driver with `commitMany` sends it as one request. The SDK's commands use it when
   * present (`createStorage` always provides it).
   */
  commit?(organisationId: string, writes: WriteSet): Promise<readonly StoredEvent[]>;
  /**
   * Closes the store (connections, handles). A storage of `createStorage` then refuses every call with `STORAGE`;
   * closing again does nothing.
   */
  close(): Promise<void>;
}

/** The documents and events of one {@link StoragePort.commit}: the puts in order, then the events. */
export interface WriteSet {
  readonly puts: readonly {
    readonly collection: string;
    readonly id: string;
    readonly data: JsonObject;
    readonly expectedVersion: number;
  }[];
  readonly events: readonly DomainEvent[];
}
