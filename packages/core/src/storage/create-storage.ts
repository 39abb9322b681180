import { invalidValue } from '../errors/invalid-value.js';
import { isSocialShiftError, SocialShiftError } from '../errors/social-shift-error.js';
import type { DomainEvent } from '../model/domain-event.js';
import { isId } from '../model/is-id.js';
import { isRecord } from '../model/is-record.js';
import type {
  DocumentQuery,
  EventQuery,
  JsonObject,
  JsonValue,
  StoragePort,
  StorageTransaction,
  StoredDocument,
  StoredEvent,
  WriteSet,
} from '../ports/storage.js';
import type { Migration } from './migrations.js';
import { checkMigrations, DOCUMENT_MIGRATIONS, migrateDocument } from './migrations.js';
import { CURRENT_SCHEMA_VERSION } from './schema-version.js';
import type { DocumentRow, DriverRead, DriverTransaction, StorageDriver } from './storage-driver.js';

/** Options of {@link createStorage}. */
export interface CreateStorageOptions {
  /** The schema version documents are written with and migrated to (default {@link CURRENT_SCHEMA_VERSION}). */
  readonly schemaVersion?: number | undefined;
  /** The migrations to apply on open (default the SDK's own, `DOCUMENT_MIGRATIONS`). */
  readonly migrations?: readonly Migration[] | undefined;
}

/** A storage port with an explicit `open()`: connects, creates tables and migrates. Other calls open first. */
export interface ManagedStorage extends StoragePort {
  /** Connects, creates missing tables and migrates old documents. Idempotent; every other call awaits it. */
  open(): Promise<void>;
  commit(organisationId: string, writes: WriteSet): Promise<readonly StoredEvent[]>;
}

const COLLECTION = /^[a-z_][a-z0-9_]{0,63}$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/**
 * The highest document version any adapter stores: PostgreSQL keeps versions in an `integer` column (ADR 092), so
 * every adapter refuses a version above it alike (`VALIDATION`) instead of one failing with `STORAGE`.
 */
const MAX_VERSION = 2 ** 31 - 1;
/** How deep stored JSON may nest: deeper values are refused before they reach a driver. */
const MAX_DEPTH = 64;

/**
 * Builds a {@link StoragePort} on a {@link StorageDriver}: the shared work of every adapter. It checks
 * collection names, ids, queries and data (plain JSON), turns driver answers into `CONFLICT`, `ALREADY_EXISTS`
 * and `NOT_FOUND`, stamps the schema version and migrates older documents on open, keeps every call inside its
 * organisation (`TENANT_MISMATCH`), and wraps driver failures as `STORAGE` errors with the cause.
 *
 * @example
 * ```ts
 * import { createStorage, createMemoryDriver } from '@social-shift/core';
 *
 * const storage = createStorage(createMemoryDriver());
 * await storage.transaction('org_acme', (tx) => tx.put('post', 'post_1', { title: 'Hello' }, 0));
 * ```
 */
export function createStorage(driver: StorageDriver, options: CreateStorageOptions = {}): ManagedStorage {
  checkOptions(options);
  const schemaVersion = options.schemaVersion ?? CURRENT_SCHEMA_VERSION;
  const migrations = options.migrations ?? DOCUMENT_MIGRATIONS;
  let opening: Promise<void> | undefined;
  let closed = false;

  const guard = <T>(what: string, call: () => Promise<T>): Promise<T> => {
    let pending: Promise<T>;
    try {
      pending = call();
    } catch (error) {
      return Promise.reject(storageError(driver.name, what, error));
    }
    return pending.catch((error: unknown) => {
      throw storageError(driver.name, what, error);
    });
  };

  // A migration error changes nothing (ADR 040, ADR 092): every outdated document is read and migrated in memory
  // first, so a document newer than this SDK or a failing `up()` throws `MIGRATION` before anything is written.
  // Only then is each organisation's share written, in one transaction. A document another process changed in the
  // meantime is not overwritten (its version moved on): the next round reads and migrates it again.
  const migrate = async () => {
    for (;;) {
      const rows = await guard('read documents to migrate', () =>
        driver.outdated(schemaVersion, Number.MAX_SAFE_INTEGER),
      );
      if (rows.length === 0) return;
      const byOrganisation = new Map<string, DocumentRow[]>();
      for (const row of rows) {
        const migrated = migrateDocument(
          row.collection,
          parseData(row.data),
          row.schemaVersion,
          schemaVersion,
          migrations,
        );
        // Checked as a put checks data (fields left `undefined` are dropped, as a migration means them): else a NaN
        // would be stored as null, and a U+0000 fail on PostgreSQL after other organisations were migrated.
        const problem = isPlainObject(migrated)
          ? findProblem(migrated, 0, true)
          : { path: [], message: 'Return a JSON object.' };
        const data = problem ? undefined : jsonText(migrated);
        if (data === undefined) {
          const at = problem?.path.length ? ` at ${problem.path.join('.')}` : '';
          throw new SocialShiftError(
            'MIGRATION',
            `The migrations made a stored ${row.collection} unstorable${at}: ${problem?.message ?? 'it cannot be serialised.'} Nothing was migrated; fix the migration.`,
            { details: { from: row.schemaVersion, to: schemaVersion, collection: row.collection } },
          );
        }
        const list = byOrganisation.get(row.organisationId) ?? [];
        list.push({ ...row, schemaVersion, data });
        byOrganisation.set(row.organisationId, list);
      }
      let written = 0;
      for (const [organisationId, list] of byOrganisation) {
        written += await guard('write migrated documents', () =>
          driver.transaction(organisationId, async (tx) => {
            let count = 0;
            for (const row of list) {
              if (!(await tx.update(row, row.version))) continue;
              count++;
              // A driver whose update drops the schema version would have the document migrated again every round.
              if ((await tx.get(row.collection, row.id))?.schemaVersion !== schemaVersion)
                throw new SocialShiftError(
                  'MIGRATION',
                  `The ${driver.name} storage did not store schema version ${schemaVersion} with a migrated ${row.collection}: fix its driver's update().`,
                  {
                    details: { from: rows[0]!.schemaVersion, to: schemaVersion, collection: row.collection },
                  },
                );
            }
            return count;
          }),
        );
      }
      // Nothing written: every document changed under this round (another process); stop rather than spin.
      if (written === 0) {
        throw new SocialShiftError(
          'MIGRATION',
          `The documents kept changing during the migration: stop the other process that writes them and open again.`,
          { details: { from: rows[0]!.schemaVersion, to: schemaVersion } },
        );
      }
    }
  };

  let opened = false;
  const open = (): Promise<void> => {
    if (closed) return Promise.reject(closedError(driver.name));
    opening ??= (async () => {
      await guard('open', () => driver.open());
      await migrate();
      opened = true;
    })().catch((error: unknown) => {
      // A failed open is not kept: the next call tries again (after the caller fixed the cause).
      opening = undefined;
      throw error;
    });
    return opening;
  };
  /** Opens first unless open already (saves a turn of the event loop on every call). */
  const ready = (): Promise<void> | undefined => (opened && !closed ? undefined : open());

  // A document of another schema version than this SDK's, read after the migration on open, is migrated as open
  // migrates it. Newer (written by a newer SDK after this storage opened, a rolling upgrade): `MIGRATION`, rather than
  // read as if current and written back stamped with this older version. Older (an older SDK that read it before the
  // migration wrote it back after, with the version it read): migrated now, never read in its old shape.
  const toDocument = (organisationId: string, row: DocumentRow): StoredDocument => ({
    collection: row.collection,
    id: row.id,
    organisationId,
    version: row.version,
    schemaVersion,
    data:
      row.schemaVersion === schemaVersion
        ? parseData(row.data)
        : migrateDocument(row.collection, parseData(row.data), row.schemaVersion, schemaVersion, migrations),
  });

  // Reads issued together outside a transaction (the share command starts five at once) go to the driver as one
  // `readMany` when it has one: they are queued while the caller's synchronous code runs and sent in a microtask,
  // per organisation. Each caller gets its own answer, or the batch's error wrapped as for a single read.
  interface QueuedRead {
    readonly read: DriverRead;
    resolve(rows: DocumentRow[]): void;
    reject(error: unknown): void;
  }
  const readMany = driver.readMany?.bind(driver);
  let queued: Map<string, QueuedRead[]> | undefined;
  const sendQueued = () => {
    const batches = queued;
    queued = undefined;
    if (!batches || !readMany) return;
    for (const [organisationId, list] of batches) {
      const answer =
        list.length === 1
          ? guard('read', () => single(organisationId, list[0]!.read))
          : guard('read', () =>
              readMany(
                organisationId,
                list.map((q) => q.read),
              ),
            );
      answer.then(
        (results) => {
          list.forEach((q, i) => {
            const rows = results[i];
            if (rows) q.resolve(rows);
            else
              q.reject(
                storageError(driver.name, 'read', new Error('the batch gave fewer answers than reads')),
              );
          });
        },
        (error: unknown) => {
          for (const q of list) q.reject(error);
        },
      );
    }
  };
  const single = async (organisationId: string, read: DriverRead): Promise<DocumentRow[][]> => {
    if (read.query) return [await driver.query(organisationId, read.collection, read.query)];
    const row = await driver.get(organisationId, read.collection, read.id);
    return [row ? [row] : []];
  };
  const enqueue = (organisationId: string, read: DriverRead): Promise<DocumentRow[]> =>
    new Promise((resolve, reject) => {
      if (!queued) {
        queued = new Map();
        queueMicrotask(sendQueued);
      }
      const list = queued.get(organisationId);
      if (list) list.push({ read, resolve, reject });
      else queued.set(organisationId, [{ read, resolve, reject }]);
    });
  /** A read outside a transaction: queued for `readMany` when the driver has one, else sent alone. */
  const read = async (organisationId: string, one: DriverRead): Promise<DocumentRow[]> => {
    if (readMany && opened && !closed) return enqueue(organisationId, one);
    await ready();
    return (await guard(one.query ? 'query' : 'read', () => single(organisationId, one)))[0]!;
  };

  const toEvent = (row: { seq: number; event: string }): StoredEvent =>
    ({ ...(JSON.parse(row.event) as DomainEvent), seq: row.seq }) as StoredEvent;

  /** The row a `put` writes: checked (key, version, plain JSON, tenant) before anything reaches the driver. */
  const documentRow = (
    organisationId: string,
    collection: string,
    id: string,
    data: JsonObject,
    expectedVersion: number,
  ): DocumentRow => {
    checkKey(collection, id);
    checkVersionNumber(expectedVersion, MAX_VERSION - 1);
    const json = serialiseData(data);
    checkTenant(organisationId, data.organisationId);
    return { collection, id, version: expectedVersion + 1, schemaVersion, data: json };
  };
  /** The events to append, without any `seq` they carry, and their rows. */
  const eventRows = (organisationId: string, events: readonly DomainEvent[]) => {
    if (!Array.isArray(events)) throw invalid(['events'], 'Pass a list of events, such as [event].');
    const plain = events.map((event) => {
      checkEvent(event);
      checkTenant(organisationId, event.organisationId);
      const { seq: _ignored, ...rest } = event as StoredEvent;
      return rest as DomainEvent;
    });
    const rows = plain.map((event) => ({
      id: event.id,
      type: event.type,
      entityId: event.entityId,
      event: serialiseEvent(event),
    }));
    return { plain, rows };
  };
  const storedRow = (seq: number, event: Omit<DomainEvent, 'seq'>) => ({
    seq,
    id: event.id,
    type: event.type,
    entityId: event.entityId,
    event: serialiseEvent(event),
  });
  const numbered = (plain: readonly DomainEvent[], first: number): StoredEvent[] =>
    plain.map((event, i) => ({ ...event, seq: first + i }) as StoredEvent);

  const transactionFor = (organisationId: string, dtx: DriverTransaction) => {
    const tx: StorageTransaction = {
      async get(collection, id) {
        checkKey(collection, id);
        const row = await guard('read', () => dtx.get(collection, id));
        return row && toDocument(organisationId, row);
      },
      async query(collection, query = {}) {
        checkCollection(collection);
        checkQuery(query);
        const rows = await guard('query', () => dtx.query(collection, query));
        return rows.map((row) => toDocument(organisationId, row));
      },
      async put(collection, id, data, expectedVersion) {
        const row = documentRow(organisationId, collection, id, data, expectedVersion);
        if (expectedVersion === 0) {
          if (!(await guard('insert', () => dtx.insert(row)))) throw alreadyExists(collection, id);
        } else if (!(await guard('update', () => dtx.update(row, expectedVersion)))) {
          const actual = await guard('read', () => dtx.get(collection, id));
          throw conflict(collection, id, expectedVersion, actual?.version ?? 0);
        }
        // The stored row is JSON text: handing back the caller's object shares nothing with what is stored.
        return { collection, id, organisationId, version: row.version, schemaVersion, data };
      },
      async restore(collection, id, data, version) {
        if (!Number.isSafeInteger(version) || version < 1 || version > MAX_VERSION)
          throw invalid(['version'], `Use a version from 1 to ${MAX_VERSION}.`);
        const row = documentRow(organisationId, collection, id, data, version - 1);
        if (!(await guard('insert', () => dtx.insert(row)))) throw alreadyExists(collection, id);
        return { collection, id, organisationId, version, schemaVersion, data };
      },
      async delete(collection, id, expectedVersion) {
        checkKey(collection, id);
        checkVersionNumber(expectedVersion, MAX_VERSION);
        if (await guard('delete', () => dtx.remove(collection, id, expectedVersion))) return;
        const actual = await guard('read', () => dtx.get(collection, id));
        if (!actual) throw notFound(collection, id);
        throw conflict(collection, id, expectedVersion, actual.version);
      },
      async append(events) {
        const { plain, rows } = eventRows(organisationId, events);
        if (rows.length === 0) return [];
        return numbered(plain, await guard('append events', () => dtx.append(rows)));
      },
      async replaceEvents(events) {
        if (!Array.isArray(events))
          throw invalid(['events'], 'Pass a list of stored events, such as [event].');
        // Every event is checked and serialised before the first is replaced: a bad one replaces none of them.
        const rows = events.map((event) => {
          checkEvent(event, true);
          checkTenant(organisationId, event.organisationId);
          const { seq, ...rest } = event;
          return storedRow(seq, rest);
        });
        // All issued at once (a driver runs a transaction's calls in order): an unawaited call still has every event
        // in the transaction, not the first alone.
        const found = await Promise.all(
          rows.map((row) => guard('replace event', () => dtx.replaceEvent(row))),
        );
        const row = rows[found.indexOf(false)];
        if (row)
          throw new SocialShiftError(
            'NOT_FOUND',
            `No event ${row.id} (${row.type} of ${row.entityId}) at seq ${row.seq} to replace: only an event's data may change.`,
            { details: { entityType: 'event', id: row.id } },
          );
      },
      async compactEvents(removed, summary) {
        if (!Array.isArray(removed))
          throw invalid(['removed'], 'Pass the list of stored events to remove, such as [event].');
        checkEvent(summary);
        checkTenant(organisationId, summary.organisationId);
        // The highest seq, found as it goes: Math.max(...seqs) would pass the engine's limit of arguments for a large
        // retention run.
        let seq = 0;
        const keys = removed.map((event) => {
          checkEvent(event, true);
          checkTenant(organisationId, event.organisationId);
          seq = Math.max(seq, event.seq);
          return { seq: event.seq, id: event.id, type: event.type, entityId: event.entityId };
        });
        if (keys.length === 0) throw invalid(['removed'], 'Name at least one event to remove.');
        const { seq: _ignored, ...plain } = summary as DomainEvent & { seq?: number };
        const row = storedRow(seq, plain);
        const count = await guard('compact events', () => dtx.compactEvents(keys, row));
        if (count !== new Set(keys.map((key) => key.seq)).size) {
          throw new SocialShiftError(
            'NOT_FOUND',
            `Only ${count} of the ${keys.length} events to compact are stored as given: nothing was removed.`,
            { details: { entityType: 'event', id: keys[0]?.id ?? '' } },
          );
        }
        return { ...plain, seq } as StoredEvent;
      },
    };
    return tx;
  };

  const transaction = async <T>(
    organisationId: string,
    work: (tx: StorageTransaction) => Promise<T>,
  ): Promise<T> => {
    checkOrganisation(organisationId);
    if (typeof work !== 'function')
      throw invalid(['work'], 'Pass a function such as async (tx) => tx.get(…).');
    await ready();
    let workError: { error: unknown } | undefined;
    try {
      return await driver.transaction(organisationId, async (dtx) => {
        let ended = false;
        // A tx kept past its callback would write outside any transaction (or into another one): once the work
        // has settled, every call of the driver's transaction throws (a STORAGE error, through `guard`).
        const live = new Proxy(dtx, {
          get(target, key) {
            if (ended) throw new Error('this transaction has ended: use the tx only inside its callback');
            return target[key as keyof DriverTransaction];
          },
        });
        try {
          return await work(transactionFor(organisationId, live));
        } catch (error) {
          workError = { error };
          throw error;
        } finally {
          ended = true;
        }
      });
    } catch (error) {
      if (workError && error === workError.error) throw error;
      throw storageError(driver.name, 'commit', error);
    }
  };

  return {
    name: driver.name,
    capabilities: driver.capabilities,
    schemaVersion,
    migrations,
    open,
    async get(organisationId, collection, id) {
      checkOrganisation(organisationId);
      checkKey(collection, id);
      const [row] = await read(organisationId, { collection, id });
      return row && toDocument(organisationId, row);
    },
    async query(organisationId, collection, query = {}) {
      checkOrganisation(organisationId);
      checkCollection(collection);
      checkQuery(query);
      return (await read(organisationId, { collection, query })).map((row) =>
        toDocument(organisationId, row),
      );
    },
    async readEvents(organisationId, query = {}) {
      checkOrganisation(organisationId);
      checkEventQuery(query);
      await ready();
      const rows = await guard('read events', () => driver.readEvents(organisationId, query));
      return rows.map(toEvent);
    },
    async commit(organisationId, writes) {
      checkOrganisation(organisationId);
      if (!isRecord(writes) || !Array.isArray(writes.puts) || !Array.isArray(writes.events))
        throw invalid(['writes'], 'Pass { puts: [...], events: [...] } (each list may be empty).');
      const commitMany = driver.commitMany?.bind(driver);
      const { puts } = writes;
      // One request when the driver can: on a database server that saves the round trips of a transaction. When a
      // version check fails there, nothing was written and the set is redone below, which reports the exact error.
      // Without `commitMany` (or with a document put twice) the transaction's own `put` checks each row.
      if (commitMany && new Set(puts.map(putKey)).size === puts.length) {
        const rows = puts.map((put) =>
          documentRow(organisationId, put.collection, put.id, put.data, put.expectedVersion),
        );
        const { plain, rows: events } = eventRows(organisationId, writes.events);
        await ready();
        const first = await guard('commit', () =>
          commitMany(organisationId, {
            inserts: rows.filter((row) => row.version === 1),
            updates: rows
              .filter((row) => row.version > 1)
              .map((row) => ({ row, expectedVersion: row.version - 1 })),
            events,
          }),
        );
        if (first !== undefined) return numbered(plain, first);
      }
      return transaction(organisationId, async (tx) => {
        for (let i = 0; i < puts.length; i++) {
          const put = puts[i]!;
          checkPut(put, i);
          await tx.put(put.collection, put.id, put.data, put.expectedVersion);
        }
        return tx.append(writes.events);
      });
    },
    transaction,
    async close() {
      if (closed) return;
      closed = true;
      if (opening) await opening.catch(() => undefined);
      await guard('close', () => driver.close());
    },
  };
}

function storageError(adapter: string, what: string, error: unknown): SocialShiftError {
  if (isSocialShiftError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  // A failed commit may have gone through (a connection lost during COMMIT), and a failed migration may have
  // written the organisations before the failure: only say nothing was written when that is sure.
  return new SocialShiftError(
    'STORAGE',
    `The ${adapter} storage failed to ${what}: ${reason}. ${/commit|migrated/.test(what) ? 'It may or may not have been' : 'Nothing of this command was'} written; check the store and retry.`,
    { details: { adapter, operation: what }, cause: error },
  );
}

function closedError(adapter: string): SocialShiftError<'STORAGE'> {
  return new SocialShiftError('STORAGE', `The ${adapter} storage is closed. Open a new one.`, {
    details: { adapter, operation: 'open' },
  });
}

const invalid = (path: (string | number)[], message: string): SocialShiftError<'VALIDATION'> =>
  invalidValue('storage call', path, message);

/** The options of {@link createStorage}: checked once, so a bad schema version is never stamped on a document. */
function checkOptions(options: CreateStorageOptions): void {
  const bad = (path: (string | number)[], message: string) => invalidValue('storage options', path, message);
  if (!isRecord(options))
    throw bad([], 'Pass an object such as { schemaVersion: 2, migrations: [...] }, or nothing.');
  const { schemaVersion, migrations } = options;
  if (
    schemaVersion !== undefined &&
    !(Number.isSafeInteger(schemaVersion) && schemaVersion >= 1 && schemaVersion <= MAX_VERSION)
  )
    throw bad(['schemaVersion'], `Use a whole number from 1 to ${MAX_VERSION}.`);
  if (migrations !== undefined) checkMigrations(migrations, 'storage options');
}

/** One put of a write set must be an object (its fields are checked as `put` checks them). */
function checkPut(put: WriteSet['puts'][number], index: number): void {
  if (!isRecord(put)) throw invalid(['puts', index], 'Use { collection, id, data, expectedVersion }.');
}

const putKey = (put: WriteSet['puts'][number], index: number): string => {
  checkPut(put, index);
  return `${put.collection}/${put.id}`;
};

function checkOrganisation(organisationId: string): void {
  if (!isId(organisationId)) {
    throw invalid(['organisationId'], 'Use 1 to 64 letters, digits, "_" or "-".');
  }
}

function checkCollection(collection: string): void {
  if (typeof collection !== 'string' || !COLLECTION.test(collection)) {
    throw invalid(
      ['collection'],
      'Use a lower-case name of letters, digits and "_", such as "post" or "_idempotency".',
    );
  }
}

function checkKey(collection: string, id: string): void {
  checkCollection(collection);
  if (!isId(id)) throw invalid(['id'], 'Use 1 to 64 letters, digits, "_" or "-".');
}

/** An expected version: a whole number from 0 (a new document) to `max` (versions end at {@link MAX_VERSION}). */
function checkVersionNumber(version: number, max: number): void {
  if (!Number.isSafeInteger(version) || version < 0 || version > MAX_VERSION) {
    throw invalid(['expectedVersion'], 'Use the version you read (0 for a new document).');
  }
  if (version > max) {
    throw invalid(['expectedVersion'], `A document at version ${MAX_VERSION} cannot change any more.`);
  }
}

function checkQuery(query: DocumentQuery): void {
  if (!isRecord(query)) throw invalid(['query'], 'Use an object such as { where: { status: "draft" } }.');
  // `null` (or a Date, a Map) as `where` is no filter the caller meant: refused rather than read as "match all".
  if (query.where !== undefined && !isPlainObject(query.where))
    throw invalid(['where'], 'Use a plain object such as { status: "draft" }, or leave `where` out.');
  for (const [field, value] of Object.entries(query.where ?? {})) {
    if (!FIELD.test(field))
      throw invalid(['where', field], 'Filter on a top-level field name of letters, digits, "_".');
    const type = typeof value;
    // Text no store can hold matches nothing anywhere, and a whole number beyond ±2^53 is not stored exactly (SQLite
    // reads its JSON digits as another integer than the one given): refused alike by every adapter.
    if (
      value !== null &&
      !(type === 'string' && isStorableText(value as string)) &&
      type !== 'boolean' &&
      !(
        type === 'number' &&
        Number.isFinite(value) &&
        !(Number.isInteger(value) && !Number.isSafeInteger(value))
      )
    ) {
      throw invalid(
        ['where', field],
        'Compare with storable text, a finite number (whole ones within ±2^53), a boolean or null.',
      );
    }
  }
  checkKeysAndLimit(query, ['where', 'limit', 'afterId']);
  if (query.afterId !== undefined && !(typeof query.afterId === 'string' && isStorableText(query.afterId)))
    throw invalid(['afterId'], 'Use an id.');
}

function checkEventQuery(query: EventQuery): void {
  if (!isRecord(query))
    throw invalid(['query'], 'Use an object such as { after: 0, types: ["post.created"] }.');
  const { entityId, types } = query;
  if (entityId !== undefined && !(typeof entityId === 'string' && isStorableText(entityId)))
    throw invalid(['entityId'], 'Use the id of an entity as a string, or leave `entityId` out.');
  if (types !== undefined) {
    if (!Array.isArray(types))
      throw invalid(['types'], 'Use a list of event types, such as ["post.created"].');
    for (let i = 0; i < types.length; i++) {
      const type: unknown = types[i];
      if (!(typeof type === 'string' && isStorableText(type)))
        throw invalid(['types', i], 'Use an event type as a string, such as "post.created".');
    }
  }
  if (query.after !== undefined && (!Number.isSafeInteger(query.after) || query.after < 0)) {
    throw invalid(['after'], 'Use the `seq` of the last event you read (0 for the start).');
  }
  checkKeysAndLimit(query, ['after', 'limit', 'entityId', 'types']);
}

/**
 * Checks a query's `limit`, and that it holds no key but `known`: a key it does not take (`after` in a document
 * query, `afterId` in an event query) was dropped unsaid, and a pager that used it started at the first page again.
 */
function checkKeysAndLimit(
  { limit, ...rest }: { limit?: number | undefined },
  known: readonly string[],
): void {
  for (const key in rest)
    if (!known.includes(key)) throw invalid([key], `Leave it out: use ${known.join(', ')}.`);
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0))
    throw invalid(['limit'], 'Use a whole number ≥ 0.');
}

/** An event needs a string `id`, `type` and `entityId` (and, to replace or remove one, the `seq` it was read with). */
function checkEvent(
  event: { id?: unknown; type?: unknown; entityId?: unknown; seq?: unknown },
  stored?: boolean,
): void {
  if (!isRecord(event)) throw invalid(['event'], 'Use an event object with an id, a type and an entityId.');
  for (const key of ['id', 'type', 'entityId'] as const)
    if (typeof event[key] !== 'string') throw invalid(['event', key], 'Use a string.');
  if (stored && !(Number.isSafeInteger(event.seq) && (event.seq as number) >= 1))
    throw invalid(['event', 'seq'], 'Use the seq the event was read with (a whole number from 1).');
}

function checkTenant(organisationId: string, actual: unknown): void {
  if (actual === undefined || actual === organisationId) return;
  throw new SocialShiftError(
    'TENANT_MISMATCH',
    `Data of organisation "${String(actual)}" cannot be written to "${organisationId}": open the SDK for it.`,
    { details: { expected: organisationId, actual: String(actual) } },
  );
}

/** Serialises document data, refusing anything that is not plain JSON (so what is read equals what was written). */
function serialiseData(data: JsonObject): string {
  if (!isPlainObject(data)) throw invalid(['data'], 'Store a plain JSON object.');
  checkJson(data, ['data']);
  return JSON.stringify(data);
}

function serialiseEvent(event: Omit<DomainEvent, 'seq'>): string {
  if (!isPlainObject(event)) throw invalid(['event'], 'Append plain JSON objects.');
  checkJson(event as unknown as JsonValue, ['event']);
  return JSON.stringify(event);
}

interface Problem {
  readonly path: (string | number)[];
  readonly message: string;
}

/** Refuses what is not plain JSON: on success it allocates nothing; it stops at {@link MAX_DEPTH} levels. */
function checkJson(value: unknown, root: (string | number)[]): void {
  const problem = findProblem(value, 0);
  if (problem) throw invalid([...root, ...problem.path], problem.message);
}

function findProblem(node: unknown, depth: number, dropUndefined = false): Problem | undefined {
  switch (typeof node) {
    case 'string':
      return isStorableText(node) ? undefined : { path: [], message: UNSTORABLE_TEXT };
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(node)
        ? undefined
        : { path: [], message: 'Store finite numbers only (no NaN or Infinity).' };
    case 'object': {
      if (node === null) return undefined;
      if (depth >= MAX_DEPTH) return { path: [], message: `Nest data at most ${MAX_DEPTH} levels deep.` };
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
          const problem = findProblem(node[i], depth + 1, dropUndefined);
          if (problem) {
            problem.path.unshift(i);
            return problem;
          }
        }
        return undefined;
      }
      if (!isPlainObject(node)) {
        return { path: [], message: 'Store plain objects only (no Date, Map or class instances).' };
      }
      for (const key in node) {
        const field = node[key];
        const problem = !isStorableText(key)
          ? { path: [], message: UNSTORABLE_TEXT }
          : field === undefined
            ? dropUndefined
              ? undefined
              : { path: [], message: 'Leave the field out instead of storing undefined.' }
            : findProblem(field, depth + 1, dropUndefined);
        if (problem) {
          problem.path.unshift(key);
          return problem;
        }
      }
      return undefined;
    }
    default:
      return { path: [], message: `A value of type ${typeof node} cannot be stored as JSON.` };
  }
}

// U+0000 and unpaired surrogates cannot be stored by every adapter (PostgreSQL's jsonb refuses them), so no
// adapter accepts them: the same input gives the same answer everywhere.
const UNSTORABLE_TEXT = 'Text may not contain U+0000 or unpaired surrogates: remove them.';
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isStorableText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !UNPAIRED_SURROGATE.test(text);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `JSON.stringify`, or `undefined` when the value cannot be serialised (a cycle, a bigint). */
function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function parseData(json: string): JsonObject {
  return JSON.parse(json) as JsonObject;
}

function alreadyExists(collection: string, id: string): SocialShiftError<'ALREADY_EXISTS'> {
  return new SocialShiftError('ALREADY_EXISTS', `The ${collection} "${id}" exists already.`, {
    details: { entityType: collection, id },
  });
}

function conflict(
  collection: string,
  id: string,
  expectedVersion: number,
  actualVersion: number,
): SocialShiftError<'CONFLICT'> {
  return new SocialShiftError(
    'CONFLICT',
    `The ${collection} "${id}" is at version ${actualVersion}, not ${expectedVersion}: read it again and retry.`,
    { details: { entityType: collection, id, expectedVersion, actualVersion } },
  );
}

function notFound(collection: string, id: string): SocialShiftError<'NOT_FOUND'> {
  return new SocialShiftError('NOT_FOUND', `No ${collection} with id "${id}" exists.`, {
    details: { entityType: collection, id },
  });
}
