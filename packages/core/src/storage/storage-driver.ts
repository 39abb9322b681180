import type { DocumentQuery, EventQuery, StorageCapabilities } from '../ports/storage.js';

/**
 * A document as a driver stores it: the data as JSON text, plus the columns the factory needs. Drivers never
 * parse or build the JSON themselves, except to filter on `where` fields.
 */
export interface DocumentRow {
  readonly collection: string;
  readonly id: string;
  readonly version: number;
  readonly schemaVersion: number;
  /** The document's data as JSON text. */
  readonly data: string;
}

/** One read of a batch (see `StorageDriver.readMany`): a document by id, or a query of one collection. */
export type DriverRead =
  | { readonly collection: string; readonly id: string; readonly query?: undefined }
  | { readonly collection: string; readonly query: DocumentQuery; readonly id?: undefined };

/** The rows of one `StorageDriver.commitMany`; no document appears twice. */
export interface DriverWriteSet {
  readonly inserts: readonly DocumentRow[];
  readonly updates: readonly { readonly row: DocumentRow; readonly expectedVersion: number }[];
  readonly events: readonly NewEventRow[];
}

/** A document row with the organisation it belongs to (for migrations, which run across organisations). */
export interface OrganisationDocumentRow extends DocumentRow {
  readonly organisationId: string;
}

/** An event as a driver stores it: the indexed columns and the whole event as JSON text. */
export interface EventRow {
  readonly seq: number;
  /** The whole domain event (without `seq`) as JSON text. */
  readonly event: string;
}

/** An event to append: the indexed columns and the whole event as JSON text. */
export interface NewEventRow {
  readonly id: string;
  readonly type: string;
  readonly entityId: string;
  readonly event: string;
}

/**
 * The writes of one driver transaction, scoped to one organisation. Each method reports what happened and never
 * decides a domain error: the factory turns `false` into `CONFLICT`, `ALREADY_EXISTS` or `NOT_FOUND`.
 */
export interface DriverTransaction {
  /** The row of one document as this transaction sees it (its own writes and deletes included), or `undefined`. */
  get(collection: string, id: string): Promise<DocumentRow | undefined>;
  /** The rows of a collection that match `query`, as {@link StorageDriver.query}, as this transaction sees them. */
  query(collection: string, query: DocumentQuery): Promise<DocumentRow[]>;
  /** Inserts a new document; `false` when one with this id exists already (nothing written). */
  insert(row: DocumentRow): Promise<boolean>;
  /** Replaces a document if its stored version is `expectedVersion`; `false` otherwise (nothing written). */
  update(row: DocumentRow, expectedVersion: number): Promise<boolean>;
  /** Deletes a document if its stored version is `expectedVersion`; `false` otherwise (nothing written). */
  remove(collection: string, id: string, expectedVersion: number): Promise<boolean>;
  /**
   * Appends events to the organisation's log with the next consecutive `seq` numbers, and returns the first one.
   * Concurrent appenders of one organisation must be serialised (a lock, a counter row) so the log has no gaps
   * and no duplicates.
   */
  append(events: readonly NewEventRow[]): Promise<number>;
  /**
   * Replaces the stored event at `row.seq` when it has the same `id`, `type` and `entityId` (only its content
   * changes: erasure pseudonymises personal fields in the log). Returns `false`, changing nothing, when no such
   * event exists in this organisation. Commits with the transaction.
   */
  replaceEvent(row: NewEventRow & { readonly seq: number }): Promise<boolean>;
  /**
   * Retention only: deletes the stored events in `removed` (each matched by `seq`, `id`, `type` and `entityId`)
   * and stores `summary` at `summary.seq`, which is the highest `seq` of `removed`. The log's highest `seq` never
   * goes down, so a `seq` is never given out twice. Returns how many of `removed` existed and were deleted; the
   * factory rolls the transaction back unless that is all of them. Commits with the transaction.
   */
  compactEvents(
    removed: readonly EventKey[],
    summary: NewEventRow & { readonly seq: number },
  ): Promise<number>;
}

/** What identifies a stored event to rewrite or remove: its position and the columns that must match. */
export interface EventKey {
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly entityId: string;
}

/**
 * The small interface each storage adapter implements: primitives only. `createStorage(driver)` does the shared
 * work on top (JSON, versions and `CONFLICT`, schema-version stamping, migrations, tenant scoping, error
 * mapping), so a driver stays thin. The conformance suite in `@social-shift/adapters/testing` checks the result.
 *
 * Rules for a driver: every read and write is scoped to the organisation it is given; `where` filters compare a
 * top-level field of the JSON data by JSON type and value (a missing field equals `null`), results come in `id`
 * order after `afterId`, at most `limit`; `transaction` commits everything `work` wrote or, when `work` throws,
 * nothing, and rethrows the same error.
 *
 * @example
 * ```ts
 * const storage = createStorage(createMemoryDriver());
 * ```
 */
export interface StorageDriver {
  readonly name: string;
  readonly capabilities: StorageCapabilities;
  /** Connects and creates the tables or object stores when missing. Called once, before anything else. */
  open(): Promise<void>;
  /** The committed row of one document, or `undefined`. */
  get(organisationId: string, collection: string, id: string): Promise<DocumentRow | undefined>;
  /**
   * The committed rows of a collection whose `where` fields (top-level, own, compared by JSON type and value; a
   * missing field equals `null`) match, in id order by UTF-16 code units, after `afterId`, at most `limit`.
   */
  query(organisationId: string, collection: string, query: DocumentQuery): Promise<DocumentRow[]>;
  /**
   * The committed events with `seq` above `after`, of `entityId` and of one of `types` when given (`types: []`:
   * none), in `seq` order, at most `limit` (`limit: 0`: none), each with its JSON text as stored.
   */
  readEvents(organisationId: string, query: EventQuery): Promise<EventRow[]>;
  /**
   * Optional (declare `capabilities.batchedReads`): several reads of one organisation in one request. Answers in
   * the order of `reads`: for a read by id an empty list or the one row, for a query the rows as `query` returns
   * them. The factory sends the reads that callers issue together through it, so a driver where a request costs
   * a round trip (a database server) saves all but one.
   */
  readMany?(organisationId: string, reads: readonly DriverRead[]): Promise<DocumentRow[][]>;
  /**
   * Runs `work` in one transaction of one organisation: writes everything it wrote at once when it resolves, or
   * nothing when it throws, and rethrows that same error.
   */
  transaction<T>(organisationId: string, work: (tx: DriverTransaction) => Promise<T>): Promise<T>;
  /**
   * Optional: one atomic request that inserts `inserts` (none may exist), updates `updates` (each only at its
   * `expectedVersion`) and appends `events`. Returns the first event's `seq` (any number when there are none), or
   * `undefined` when a row was not inserted or not updated: then nothing is written, and the factory redoes the
   * set in `transaction` to report the exact error. A database server saves the round trips of a transaction.
   */
  commitMany?(organisationId: string, writes: DriverWriteSet): Promise<number | undefined>;
  /**
   * Up to `limit` documents, of any organisation, whose schema version is not `schemaVersion`. The factory asks for
   * all of them at once (`limit` is `Number.MAX_SAFE_INTEGER`): return every one (ADR 092).
   */
  outdated(schemaVersion: number, limit: number): Promise<OrganisationDocumentRow[]>;
  /** Releases connections or handles; called once, when the storage closes, maybe while a transaction runs: let it commit. */
  close(): Promise<void>;
}
