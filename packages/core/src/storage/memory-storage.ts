import { SocialShiftError } from '../errors/social-shift-error.js';
import type { DomainEvent } from '../model/domain-event.js';
import type {
  DocumentQuery,
  EventQuery,
  JsonObject,
  StorageCapabilities,
  StoragePort,
  StorageTransaction,
  StoredDocument,
  StoredEvent,
} from '../ports/storage.js';
import { CURRENT_SCHEMA_VERSION } from './schema-version.js';

interface TenantData {
  readonly documents: Map<string, Map<string, StoredDocument>>;
  readonly events: StoredEvent[];
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`;

/**
 * Storage in this process's memory: the default for tests, the demo and short-lived scripts. Transactions are
 * serialised and all-or-nothing; documents are copied in and out so callers cannot change stored state.
 *
 * @example
 * ```ts
 * const shift = createSocialShift({ storage: createMemoryStorage(), organisationId: 'org_acme' });
 * ```
 */
export function createMemoryStorage(): StoragePort {
  const tenants = new Map<string, TenantData>();
  let queue: Promise<unknown> = Promise.resolve();

  const tenant = (organisationId: string): TenantData => {
    let data = tenants.get(organisationId);
    if (!data) {
      data = { documents: new Map(), events: [] };
      tenants.set(organisationId, data);
    }
    return data;
  };
  const read = (organisationId: string, collection: string, id: string) =>
    tenants.get(organisationId)?.documents.get(collection)?.get(id);

  const capabilities: StorageCapabilities = {
    persistent: false,
    multiProcess: false,
    browser: true,
    node: true,
  };

  return {
    name: 'memory',
    capabilities,
    async get(organisationId, collection, id) {
      const doc = read(organisationId, collection, id);
      return doc && structuredClone(doc);
    },
    async query(organisationId, collection, query = {}) {
      const docs = tenants.get(organisationId)?.documents.get(collection);
      return docs ? runQuery([...docs.values()], query).map((doc) => structuredClone(doc)) : [];
    },
    async readEvents(organisationId, query = {}) {
      const events = tenants.get(organisationId)?.events ?? [];
      return filterEvents(events, query).map((event) => structuredClone(event));
    },
    transaction<T>(organisationId: string, work: (tx: StorageTransaction) => Promise<T>): Promise<T> {
      const run = async (): Promise<T> => {
        const pending = new Map<string, StoredDocument | null>();
        const pendingEvents: DomainEvent[] = [];
        const replacements = new Map<number, StoredEvent>();
        const base = tenants.get(organisationId);
        const nextSeq = () => (base?.events.length ?? 0) + pendingEvents.length + 1;
        const current = (collection: string, id: string) => {
          const k = key(collection, id);
          return pending.has(k) ? (pending.get(k) ?? undefined) : read(organisationId, collection, id);
        };
        const tx: StorageTransaction = {
          async get(collection, id) {
            const doc = current(collection, id);
            return doc && structuredClone(doc);
          },
          async query(collection, query = {}) {
            const merged = new Map<string, StoredDocument>();
            for (const doc of base?.documents.get(collection)?.values() ?? []) merged.set(doc.id, doc);
            for (const [k, doc] of pending) {
              const [c, id] = k.split('\u0000') as [string, string];
              if (c !== collection) continue;
              if (doc) merged.set(id, doc);
              else merged.delete(id);
            }
            return runQuery([...merged.values()], query).map((doc) => structuredClone(doc));
          },
          async put(collection, id, data, expectedVersion) {
            const existing = current(collection, id);
            checkVersion(collection, id, existing?.version ?? 0, expectedVersion);
            const doc: StoredDocument = {
              collection,
              id,
              organisationId,
              version: expectedVersion + 1,
              schemaVersion: CURRENT_SCHEMA_VERSION,
              data: structuredClone(data) as JsonObject,
            };
            pending.set(key(collection, id), doc);
            return structuredClone(doc);
          },
          async delete(collection, id, expectedVersion) {
            const existing = current(collection, id);
            if (!existing) throw notFound(collection, id);
            checkVersion(collection, id, existing.version, expectedVersion);
            pending.set(key(collection, id), null);
          },
          async append(events) {
            return events.map((event) => {
              if (event.organisationId !== organisationId) {
                throw new SocialShiftError(
                  'TENANT_MISMATCH',
                  `An event of organisation "${event.organisationId}" cannot be written to "${organisationId}".`,
                  { details: { expected: organisationId, actual: event.organisationId } },
                );
              }
              const stored = { ...structuredClone(event), seq: nextSeq() };
              pendingEvents.push(stored);
              return stored;
            });
          },
          async replaceEvents(events) {
            for (const event of events) {
              const existing = replacements.get(event.seq) ?? base?.events[event.seq - 1];
              checkReplacement(organisationId, existing, event);
              replacements.set(event.seq, structuredClone(event));
            }
          },
        };
        const result = await work(tx);
        // Commit: nothing above touched the stored data, so a throw before this point leaves it unchanged.
        const target = tenant(organisationId);
        for (const [k, doc] of pending) {
          const [collection, id] = k.split('\u0000') as [string, string];
          let docs = target.documents.get(collection);
          if (!docs) {
            docs = new Map();
            target.documents.set(collection, docs);
          }
          if (doc) docs.set(id, doc);
          else docs.delete(id);
        }
        for (const [seq, event] of replacements) target.events[seq - 1] = event;
        target.events.push(...(pendingEvents as StoredEvent[]));
        return result;
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      tenants.clear();
    },
  };
}

function checkVersion(collection: string, id: string, actual: number, expected: number): void {
  if (actual === expected) return;
  if (expected === 0) {
    throw new SocialShiftError('ALREADY_EXISTS', `A ${collection} with id "${id}" exists already.`, {
      details: { entityType: collection, id },
    });
  }
  throw new SocialShiftError(
    'CONFLICT',
    `The ${collection} "${id}" is at version ${actual}, not ${expected}: it changed since you read it. Read it again and retry.`,
    { details: { entityType: collection, id, expectedVersion: expected, actualVersion: actual } },
  );
}

/**
 * Checks that a replacement event may replace a stored one (see `StorageTransaction.replaceEvents`): it belongs to
 * the organisation (`TENANT_MISMATCH`), and a stored event with its `seq`, `id`, `type` and `entityId` exists
 * (`NOT_FOUND` otherwise).
 *
 * @example
 * ```ts
 * checkReplacement('org_acme', stored, { ...stored, data: { ...stored.data, changes: {} } });
 * ```
 */
export function checkReplacement(
  organisationId: string,
  existing: StoredEvent | undefined,
  replacement: StoredEvent,
): void {
  if (replacement.organisationId !== organisationId) {
    throw new SocialShiftError(
      'TENANT_MISMATCH',
      `An event of organisation "${replacement.organisationId}" cannot replace one of "${organisationId}".`,
      { details: { expected: organisationId, actual: replacement.organisationId } },
    );
  }
  const same =
    existing !== undefined &&
    existing.id === replacement.id &&
    existing.type === replacement.type &&
    existing.entityId === replacement.entityId;
  if (!same) {
    throw new SocialShiftError(
      'NOT_FOUND',
      `No event ${replacement.id} (${replacement.type} of ${replacement.entityId}) at seq ${replacement.seq} to replace: only an event's data may change.`,
      { details: { entityType: 'event', id: replacement.id } },
    );
  }
}

function notFound(collection: string, id: string): SocialShiftError<'NOT_FOUND'> {
  return new SocialShiftError('NOT_FOUND', `No ${collection} with id "${id}" exists.`, {
    details: { entityType: collection, id },
  });
}

/** Applies a {@link DocumentQuery} to documents in memory: equality filters, id order, paging. */
export function runQuery(docs: readonly StoredDocument[], query: DocumentQuery): StoredDocument[] {
  const where = Object.entries(query.where ?? {});
  const after = query.afterId;
  const matched = docs
    .filter(
      (doc) =>
        (after === undefined || doc.id > after) && where.every(([f, v]) => (doc.data[f] ?? null) === v),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return query.limit === undefined ? matched : matched.slice(0, query.limit);
}

/** Applies an {@link EventQuery} to events in `seq` order. */
export function filterEvents(events: readonly StoredEvent[], query: EventQuery): StoredEvent[] {
  const after = query.after ?? 0;
  const types = query.types && new Set<string>(query.types);
  const out: StoredEvent[] = [];
  for (const event of events) {
    if (event.seq <= after) continue;
    if (query.entityId !== undefined && event.entityId !== query.entityId) continue;
    if (types && !types.has(event.type)) continue;
    out.push(event);
    if (query.limit !== undefined && out.length >= query.limit) break;
  }
  return out;
}
