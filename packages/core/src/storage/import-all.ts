import * as z from 'zod/mini';
import { invalidValue } from '../errors/invalid-value.js';
import { issueMessage } from '../errors/issue-message.js';
import type { ValidationIssue } from '../errors/social-shift-error.js';
import { SocialShiftError } from '../errors/social-shift-error.js';
import type { EventType } from '../model/domain-event.js';
import { DomainEventSchema, eventPayloadSchemas } from '../model/domain-event.js';
import { entitySchemas } from '../model/entities.js';
import type { EntityType } from '../model/entity-type.js';
import { ENTITY_TYPES } from '../model/entity-type.js';
import type { ExportBundle, ExportIdempotencyRecord } from '../model/export-bundle.js';
import { EXPORT_FORMAT_VERSION, ExportBundleSchema } from '../model/export-bundle.js';
import type { JsonObject, StoragePort } from '../ports/storage.js';
import { ERASED_INPUT_HASH } from '../sdk/idempotency.js';
import { GUARD_COLLECTION, IDEMPOTENCY_COLLECTION } from '../sdk/runtime.js';
import type { Migration } from './migrations.js';
import { checkMigrations, DOCUMENT_MIGRATIONS, migrateDocument } from './migrations.js';
import { CURRENT_SCHEMA_VERSION } from './schema-version.js';

/** The most events {@link importAll} appends in one call of the transaction. */
const APPEND_PART = 10_000;

/** What {@link importAll} wrote. */
export interface ImportSummary {
  readonly organisationId: string;
  /** Documents written, by collection (`_idempotency`: the bundle's idempotency records). */
  readonly documents: Readonly<Record<string, number>>;
  readonly events: number;
}

/**
 * Imports an {@link ExportBundle} into an organisation that has no data yet. It validates everything first (the
 * envelope, every document against its entity schema, every event's data against its type's payload schema and
 * its `entityType` against its type (a `person.added` event is about a person), exactly one organisation document (the bundle's), one programme and one strategy, ids unique
 * per collection and among events, every record in the bundle's organisation, the references between records (a
 * role's person, a post's author, an offer's campaign…) to records in the bundle, no text a store cannot hold (U+0000,
 * unpaired surrogates), nothing a store cannot keep (a value that is not plain JSON, nesting deeper than 64 levels, a
 * document version above 2^31-1) and no `"__proto__"` key, the event log numbered 1, 2, 3… in order, without gaps except those
 * a retention run left before its `platform.summary` event; idempotency records unique, each result what its
 * command returns: an `offers.share` record's share, a `platform.*` record's event of that type, in the bundle and of
 * its organisation) and writes nothing when anything is wrong: one
 * `VALIDATION` error lists every bad path and says nothing was imported. Then it writes all documents, events and
 * idempotency records in one transaction. Documents keep their version (the entity's `version`) where the storage
 * supports `restore` (every adapter built with `createStorage` does), else start at 1; events keep their order and
 * are numbered 1, 2, 3… again (the same `seq` as exported when the log has no retention holes; an idempotency
 * record's event gets its new `seq` too). A bundle without idempotency records (an older one) imports as well;
 * retries of requests made before the move are then recorded again.
 *
 * A bundle's documents carry the schema version they were exported at (`schemaVersion`, 1 when absent): older ones
 * are migrated first with the storage's migrations (`storage.schemaVersion` and `storage.migrations`, which every
 * storage of `createStorage` has; pass them in the options for one that has not), and then checked like any other.
 *
 * @throws `VALIDATION` for a bad bundle or options, `MIGRATION` for a bundle newer than the storage or of a newer
 * export format (checked first: its fields may be new) or one the migrations cannot bring up to it, `ALREADY_EXISTS` when the organisation has data already
 * (documents, events, idempotency records or guards), before anything is written.
 * @example
 * ```ts
 * const bundle = JSON.parse(await readFile('acme.json', 'utf8'));
 * await importAll(storage, bundle);
 * ```
 */
export async function importAll(
  storage: StoragePort,
  input: unknown,
  options: ImportAllOptions = {},
): Promise<ImportSummary> {
  if (options === null || typeof options !== 'object') {
    throw invalidValue('import options', [], 'Pass an object such as { schemaVersion: 1 }, or nothing.');
  }
  const { schemaVersion, migrations } = checkOptions({
    schemaVersion: options.schemaVersion ?? storage.schemaVersion,
    migrations: options.migrations ?? storage.migrations,
  });
  refuseNewerBundle(input, schemaVersion);
  const parsed = ExportBundleSchema.safeParse(input);
  if (!parsed.success) refuse(parsed.error.issues.map(toIssue([])), input as RawBundle);
  const { bundle, raw } = migrated(parsed.data, input as RawBundle, schemaVersion, migrations);
  checkContents(bundle, raw);
  const organisationId = bundle.organisationId;
  await checkEmpty(storage, organisationId);

  const counts: Record<string, number> = {};
  await storage.transaction(organisationId, async (tx) => {
    for (const collection of ENTITY_TYPES) {
      const list = bundle.documents[collection] ?? [];
      for (const data of list) {
        const version = typeof data.version === 'number' ? data.version : 1;
        const stored = tx.restore
          ? await tx.restore(collection, data.id as string, data as JsonObject, version)
          : await tx.put(collection, data.id as string, data as JsonObject, 0);
        // A storage that does not say its version writes at another than the documents were migrated to.
        if (stored.schemaVersion !== schemaVersion) throw otherVersion(stored.schemaVersion, schemaVersion);
      }
      if (list.length > 0) counts[collection] = list.length;
    }
    const seqs = new Map<string, number>();
    // In parts, in order, in this one transaction: a driver writes each part as one request, whose size it must hold
    // whole (PostgreSQL's adapter sends an append as arrays of text, which for a million events outgrow what the
    // process can hold); the parts' events still get 1, 2, 3….
    for (let from = 0; from < bundle.events.length; from += APPEND_PART) {
      const part = bundle.events.slice(from, from + APPEND_PART);
      const stored = await tx.append(part.map(({ seq: _seq, ...event }) => event));
      for (const event of stored) seqs.set(event.id, event.seq);
      if (stored[0]?.seq !== from + 1) {
        // Another writer appended between the emptiness check and this transaction: undo everything.
        throw new SocialShiftError(
          'CONFLICT',
          `Organisation "${organisationId}" received events while importing. Import into an empty organisation.`,
          { details: { entityType: 'organisation', id: organisationId, expectedVersion: 0 } },
        );
      }
    }
    const records = bundle.idempotency ?? [];
    for (const { id, ...record } of records) {
      await tx.put(IDEMPOTENCY_COLLECTION, id, withNewSeq(record, seqs) as JsonObject, 0);
    }
    if (records.length > 0) counts[IDEMPOTENCY_COLLECTION] = records.length;
  });
  return { organisationId, documents: counts, events: bundle.events.length };
}

/**
 * Options of {@link importAll}: the schema version the storage writes and its migrations, for a storage that does not
 * say them itself (every storage of `createStorage` does).
 */
export interface ImportAllOptions {
  /** The schema version the storage writes documents at (default: the storage's, else `CURRENT_SCHEMA_VERSION`). */
  readonly schemaVersion?: number | undefined;
  /** The migrations that bring an older bundle's documents up to it (default: the storage's, else `DOCUMENT_MIGRATIONS`). */
  readonly migrations?: readonly Migration[] | undefined;
}

function otherVersion(storage: number, to: number): SocialShiftError<'MIGRATION'> {
  return new SocialShiftError(
    'MIGRATION',
    `This storage writes documents at schema version ${storage}, not ${to} as the import assumed: pass the storage's { schemaVersion, migrations } to importAll. Nothing was imported.`,
    { details: { from: to, to: storage } },
  );
}

function checkOptions(options: {
  schemaVersion: number | undefined;
  migrations: readonly Migration[] | undefined;
}): {
  schemaVersion: number;
  migrations: readonly Migration[];
} {
  const schemaVersion = options.schemaVersion ?? CURRENT_SCHEMA_VERSION;
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > MAX_VERSION) {
    throw invalidValue('import options', ['schemaVersion'], `Use a whole number from 1 to ${MAX_VERSION}.`);
  }
  const migrations = options.migrations ?? DOCUMENT_MIGRATIONS;
  // Each item as `createStorage` checks it: else a bad one failed as a TypeError, or as a MIGRATION of the data.
  checkMigrations(migrations, 'import options');
  return { schemaVersion, migrations };
}

/**
 * The bundle with its documents and idempotency records at the storage's schema version: migrated with the
 * migrations the storage applies on open (a bundle without `schemaVersion` holds version 1), or refused with
 * `MIGRATION` when newer than the storage (nothing is written). The envelope is checked again afterwards.
 */
function migrated(
  bundle: ExportBundle,
  raw: RawBundle,
  to: number,
  migrations: readonly Migration[],
): { bundle: ExportBundle; raw: RawBundle } {
  const from = bundle.schemaVersion ?? 1;
  if (from === to) return { bundle, raw };
  if (from > to) throw newerSchema(from, to);
  // Spread: an own "__proto__" collection key stays, for the check that refuses it.
  const documents: Record<string, readonly Record<string, unknown>[] | undefined> = { ...raw.documents };
  for (const collection of ENTITY_TYPES) {
    const list = raw.documents[collection];
    if (list) {
      documents[collection] = list.map((doc) =>
        migrateDocument(collection, doc as JsonObject, from, to, migrations),
      );
    }
  }
  const idempotency = raw.idempotency?.map(({ id, ...record }) => ({
    id,
    ...migrateDocument(IDEMPOTENCY_COLLECTION, record as JsonObject, from, to, migrations),
  }));
  const input: RawBundle = { ...raw, documents, ...(idempotency ? { idempotency } : {}) };
  const envelope = { ...input, schemaVersion: to };
  const parsed = ExportBundleSchema.safeParse(envelope);
  if (!parsed.success) refuse(parsed.error.issues.map(toIssue([])), input);
  return { bundle: parsed.data, raw: input };
}

/**
 * Refuses a bundle of a newer SDK (a higher export format version, or documents above schema version `to`, by
 * default the one this SDK writes) with `MIGRATION`. Call it before checking a bundle's fields, as `importAll` does:
 * such a bundle may carry fields this SDK does not know, and "remove the unknown field" would have the user delete
 * data where the answer is to upgrade. Anything else, valid or not, passes; a `to` that is no schema version is
 * `VALIDATION`.
 *
 * @example
 * ```ts
 * refuseNewerBundle(JSON.parse(text)); // then parseExportBundle, or importAll
 * ```
 */
export function refuseNewerBundle(input: unknown, to: number = CURRENT_SCHEMA_VERSION): void {
  if (!Number.isSafeInteger(to) || to < 1 || to > MAX_VERSION)
    throw invalidValue('schema version', ['to'], `Use a whole number from 1 to ${MAX_VERSION}.`);
  if (!isObject(input) || input.format !== 'social-shift-export') return;
  const { formatVersion, schemaVersion } = input;
  // A version no SDK writes (beyond 2^31-1) is refused as the envelope refuses it, with VALIDATION.
  const newer = (version: unknown, than: number): version is number =>
    Number.isSafeInteger(version) && (version as number) > than && (version as number) <= MAX_VERSION;
  if (newer(formatVersion, EXPORT_FORMAT_VERSION)) {
    throw new SocialShiftError(
      'MIGRATION',
      `The bundle has export format version ${formatVersion}, newer than version ${EXPORT_FORMAT_VERSION}, which this SDK reads: import it with a newer SDK. Nothing was imported.`,
      { details: { from: formatVersion, to: EXPORT_FORMAT_VERSION } },
    );
  }
  if (newer(schemaVersion, to)) throw newerSchema(schemaVersion, to);
}

function newerSchema(from: number, to: number): SocialShiftError<'MIGRATION'> {
  return new SocialShiftError(
    'MIGRATION',
    `The bundle's documents are at schema version ${from}, newer than schema version ${to}, which this storage writes: import it with an SDK that writes schema version ${from} or later. Nothing was imported.`,
    { details: { from, to } },
  );
}

/** A record whose result is a stored event (platform interactions), with that event's `seq` in the new log. */
function withNewSeq<R extends { result: Record<string, unknown> }>(
  record: R,
  seqs: ReadonlyMap<string, number>,
): R {
  const event = record.result.event;
  if (!isObject(event) || typeof event.id !== 'string' || typeof event.seq !== 'number') return record;
  const seq = seqs.get(event.id);
  return seq === undefined || seq === event.seq
    ? record
    : { ...record, result: { ...record.result, event: { ...event, seq } } };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A bundle as given (after its envelope passed): its documents and events as plain JSON values. */
interface RawBundle {
  readonly documents: Readonly<Record<string, readonly Record<string, unknown>[] | undefined>>;
  readonly events: readonly Record<string, unknown>[];
  readonly idempotency?: readonly Record<string, unknown>[];
}

/**
 * The fields that name another record, by collection: field → the collection that must hold the id (the field holds
 * one id or a list). Erased people and people who left keep their record, so these never dangle in a store the SDK
 * made. Left out on purpose: ids inside the strategy (goals, audiences, pillars: a later strategy version may drop
 * them), a campaign's audience and a role's scope (filters the SDK does not check), and who-acted stamps
 * (`assignedBy`, `approvedBy`, `reviewerId`, like an event's `actorId`; the simulated organisation names its
 * master without a person record).
 */
export const REFERENCE_FIELDS: { readonly [C in EntityType]?: Readonly<Record<string, EntityType>> } = {
  programme: { strategyId: 'strategy', currentCycleId: 'cycle' },
  cycle: { programmeId: 'programme' },
  strategy: { programmeId: 'programme' },
  person: { teamIds: 'team' },
  team: { parentTeamId: 'team' },
  focus_group: { memberIds: 'person' },
  role_assignment: { personId: 'person' },
  social_account: { personId: 'person' },
  consent: { personId: 'person' },
  contribution: { creatorId: 'person', postIds: 'post' },
  post: { authorId: 'person', contributionIds: 'contribution' },
  campaign: { programmeId: 'programme', cycleId: 'cycle', postIds: 'post' },
  offer: { campaignId: 'campaign', postId: 'post', publisherId: 'person' },
  share: { offerId: 'offer', postId: 'post', campaignId: 'campaign', publisherId: 'person' },
};

/** The event types whose first word is not their entity's collection. */
const EVENT_ENTITY_TYPES: Readonly<Record<string, EntityType>> = {
  role: 'role_assignment',
  account: 'social_account',
  platform: 'share',
};

/**
 * The entity an event of `type` is filed under (its `entityType`), as the SDK writes it: the type's first word
 * (`person.added`: `person`), but `role.*` a role assignment, `account.*` a social account, a platform interaction
 * its share and a retention run's `platform.summary` the organisation. Erasure finds the events of a person, account
 * or share by it, and replay rebuilds each in that collection.
 *
 * @example
 * ```ts
 * eventEntityType('role.assigned'); // 'role_assignment'
 * ```
 */
export function eventEntityType(type: EventType): EntityType {
  if (type === 'platform.summary') return 'organisation';
  const word = type.slice(0, type.indexOf('.'));
  return EVENT_ENTITY_TYPES[word] ?? (word as EntityType);
}

/** Text no store can hold: U+0000, or a UTF-16 surrogate without its pair (the rule of `createStorage`). */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_MESSAGE = 'Remove U+0000 and unpaired surrogates: no store can hold them.';
const PROTO_MESSAGE = 'Remove the unknown field "__proto__".';

type AddIssue = (path: (string | number)[], message: string, code: string) => void;

/** How deep a store keeps JSON, and the highest document version every adapter keeps (the rules of `createStorage`). */
const MAX_DEPTH = 64;
const MAX_VERSION = 2 ** 31 - 1;

/**
 * Walks a value without recursion and reports keys and strings no store can hold, values that are not plain JSON
 * (`undefined`, `NaN`, a `Date`: a caller's object, not `JSON.parse`'s), nesting deeper than a store keeps, and own
 * `"__proto__"` keys: `JSON.parse` makes them, records and event data would take them silently as the object's
 * prototype, so they are refused like any other unknown field. Checked here, the bundle's path is named and the
 * import never starts (the store's own refusal, during the transaction, named only the field).
 */
function checkJsonValues(value: unknown, root: (string | number)[], add: AddIssue): void {
  const stack: [unknown, (string | number)[], number][] = [[value, root, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, path, depth] = next;
    if (typeof node === 'string') {
      if (UNSTORABLE.test(node)) add(path, UNSTORABLE_MESSAGE, 'text');
    } else if (
      typeof node === 'number'
        ? !Number.isFinite(node)
        : typeof node !== 'boolean' && node !== null && !isJsonContainer(node)
    ) {
      add(path, 'Use plain JSON values only (no undefined, NaN, Infinity, Date or class instances).', 'json');
    } else if (isJsonContainer(node)) {
      if (depth >= MAX_DEPTH) {
        add(path, `Nest data at most ${MAX_DEPTH} levels deep: no store keeps deeper.`, 'depth');
        continue;
      }
      for (const [key, child] of Array.isArray(node) ? node.entries() : Object.entries(node)) {
        if (key === '__proto__') add(path, PROTO_MESSAGE, 'unrecognized_keys');
        else if (UNSTORABLE.test(key as string)) add([...path, key], UNSTORABLE_MESSAGE, 'text');
        else stack.push([child, [...path, key], depth + 1]);
      }
    }
  }
}

/** An array, or an object as `JSON.parse` makes it (no `Date`, `Map` or class instance). */
function isJsonContainer(node: unknown): node is object {
  if (Array.isArray(node)) return true;
  if (node === null || typeof node !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(node);
  return proto === Object.prototype || proto === null;
}

/**
 * What erasure removes of a person (`person`), their accounts and their shares, still held by `data` (a record or an
 * event's `changes`): the fields to report. Erasure passes over a person already marked erased, so whatever of this
 * a bundle brings for them would stay for good.
 */
function unerased(kind: string, data: unknown): string[] {
  if (!isObject(data)) return [];
  const held = (key: string) => data[key] !== undefined && data[key] !== null;
  if (kind === 'person')
    return [
      ...(held('displayName') && !/^Erased \S+$/.test(String(data.displayName)) ? ['displayName'] : []),
      ...(held('email') ? ['email'] : []),
    ];
  if (kind === 'social_account') return held('handle') && data.handle !== 'erased' ? ['handle'] : [];
  return kind === 'share' ? ['sharerToken', 'trackedUrl', 'externalId'].filter(held) : [];
}

function checkContents(bundle: ExportBundle, raw: RawBundle): void {
  const issues: ValidationIssue[] = [];
  const add: AddIssue = (path, message, code) => issues.push({ path, message, code });
  const org = bundle.organisationId;
  if (Object.hasOwn(raw.documents, '__proto__')) add(['documents'], PROTO_MESSAGE, 'unrecognized_keys');
  // exportAll writes the organisation's own record (setup makes it, with the organisation's id): without it, a
  // second setup would succeed on top of the import.
  const organisations = raw.documents.organisation;
  if (organisations?.length !== 1 || organisations[0]?.id !== org) {
    add(
      ['documents', 'organisation'],
      `Include exactly one organisation document, with id "${org}" (the bundle's organisationId).`,
      'organisation',
    );
  }
  // Setup makes one programme and its strategy too, and the SDK works on them (there is no command to make either
  // again): without one, the imported organisation could never open its strategy.
  for (const kind of ['programme', 'strategy'] as const)
    if (raw.documents[kind]?.length !== 1)
      add(
        ['documents', kind],
        `Include exactly one ${kind} document, as exportAll writes it (setup makes it).`,
        kind,
      );
  // Every id of the bundle, also of bad documents, so references to those are not reported as well.
  const ids = new Map(ENTITY_TYPES.map((type) => [type, new Set(raw.documents[type]?.map((doc) => doc.id))]));
  // What erasure scrubbed of a person marked erased, by type and id (as erasure scrubs them): their own record, their
  // accounts and their shares. What of it a bundle still holds, erasure would pass over for good.
  const erasedOwner = new Map<string, string>();
  for (const person of raw.documents.person ?? [])
    if (person.erasedAt !== undefined) erasedOwner.set(`person${person.id}`, String(person.id));
  const unerasedIssues = (
    kind: string,
    id: unknown,
    owner: unknown,
    data: unknown,
    path: (string | number)[],
  ) => {
    const personId = erasedOwner.get(`person${String(owner)}`);
    if (personId === undefined) return;
    if (id !== undefined) erasedOwner.set(kind + String(id), personId);
    for (const field of unerased(kind, data))
      add(
        [...path, field],
        `An erased person keeps no ${field}: remove it as erasure does, or leave erasedAt out of person "${personId}" and erase them after the import.`,
        'erasure',
      );
  };
  for (const collection of ENTITY_TYPES) {
    const seen = new Set<unknown>();
    raw.documents[collection]?.forEach((doc, index) => {
      const path = ['documents', collection, index];
      // Only checked: the document is stored as exported (defaults not filled in), so its export equals the bundle.
      const result = entitySchemas[collection].safeParse(doc);
      if (!result.success) {
        issues.push(...result.error.issues.map(toIssue(path)));
        return;
      }
      if (doc.organisationId !== org) {
        add([...path, 'organisationId'], `Belongs to "${doc.organisationId}", not "${org}".`, 'tenant');
      }
      if ((doc.version as number) > MAX_VERSION) {
        add(
          [...path, 'version'],
          `Use a version from 1 to ${MAX_VERSION}: no store keeps a higher one.`,
          'version',
        );
      }
      if (seen.has(doc.id)) add([...path, 'id'], `Duplicate id "${doc.id}".`, 'duplicate');
      seen.add(doc.id);
      // Erasure leaves a person marked `erasedAt` as it is (it ran already): one marked so who still has a name or
      // an e-mail address could never be erased.
      if (collection === 'person' && doc.erasedAt !== undefined) {
        const keep = 'or leave erasedAt out and erase them after the import';
        if (doc.email !== undefined)
          add([...path, 'email'], `An erased person keeps no e-mail address: remove it, ${keep}.`, 'erasure');
        if (!/^Erased \S+$/.test(String(doc.displayName)))
          add(
            [...path, 'displayName'],
            `An erased person keeps no name: use a pseudonym as erasure does ("Erased <id>"), ${keep}.`,
            'erasure',
          );
      }
      if (collection === 'social_account') unerasedIssues(collection, doc.id, doc.personId, doc, path);
      if (collection === 'share') unerasedIssues(collection, doc.id, doc.publisherId, doc, path);
      checkJsonValues(doc, path, add);
      for (const [field, target] of Object.entries(REFERENCE_FIELDS[collection] ?? {})) {
        const value = doc[field];
        [value].flat().forEach((id, at) => {
          if (typeof id === 'string' && !ids.get(target)?.has(id)) {
            const where = [...path, field];
            if (Array.isArray(value)) where.push(at);
            add(where, `No ${target} "${id}" in the bundle: add it or remove the reference.`, 'reference');
          }
        });
      }
    });
  }
  let previous = 0;
  let lastSummary = -1;
  // A retention run removes raw events and stores its summary at the seq of the newest: `events - 1` holes each.
  let summarised = 0;
  let holesSeen = 0;
  const eventIds = new Map<string, number>();
  bundle.events.forEach((event, index) => {
    if (event.type !== 'platform.summary') return;
    lastSummary = index;
    const events = (event.data as { events?: unknown }).events;
    if (typeof events === 'number') summarised += events - 1;
  });
  bundle.events.forEach((event, index) => {
    if (event.organisationId !== org) {
      add(
        ['events', index, 'organisationId'],
        `Belongs to "${event.organisationId}", not "${org}".`,
        'tenant',
      );
    }
    const first = eventIds.get(event.id);
    if (first === undefined) eventIds.set(event.id, index);
    else
      add(['events', index, 'id'], `Duplicate event id "${event.id}", also at events.${first}.`, 'duplicate');
    // Holes are allowed only where a retention run removed raw platform events: a `platform.summary` follows them,
    // and there are no more of them than the summaries account for.
    const holes = event.seq - previous - 1;
    if (holes > 0) holesSeen += holes;
    if (event.seq <= previous || (holes > 0 && (index > lastSummary || holesSeen > summarised))) {
      add(
        ['events', index, 'seq'],
        `Expected seq ${previous + 1}: the log must be complete and in order.`,
        'gap',
      );
    }
    previous = Math.max(previous, event.seq);
    // Filed under another entity than its type's, erasure would never scrub it and replay rebuild it elsewhere.
    const entityType = eventEntityType(event.type);
    if (event.entityType !== entityType) {
      add(
        ['events', index, 'entityType'],
        `A ${event.type} event is about a ${entityType}, not a ${event.entityType}: use "${entityType}".`,
        'entity',
      );
    }
    // The data as its type defines it: an event the SDK's own readers (metrics, retention, replay) cannot read
    // would fail them later, after the import.
    const data = eventPayloadSchemas[event.type].safeParse(event.data);
    if (!data.success) issues.push(...data.error.issues.map(toIssue(['events', index, 'data'])));
    // A field its type does not define (a name or an e-mail next to the payload) would be kept as it is, and
    // erasure, which scrubs the fields it knows, would leave it behind.
    else
      for (const key of Object.keys(event.data))
        if (key !== '__proto__' && !Object.hasOwn(data.data, key))
          add(
            ['events', index, 'data', key],
            `Remove the unknown field "${key}": a ${event.type} event has no such field.`,
            'unrecognized_keys',
          );
    checkJsonValues(raw.events[index], ['events', index], add);
    // An event that set a personal field on an erased person, their account or share: erasure rewrote it.
    const personId = erasedOwner.get(event.entityType + event.entityId);
    if (personId !== undefined)
      unerasedIssues(event.entityType, event.entityId, personId, event.data.changes, [
        'events',
        index,
        'data',
        'changes',
      ]);
  });
  // Idempotency records: unique ids, and the result their command returns, naming records of the bundle (a share,
  // or the event an interaction recorded). Their ids are the SDK's (derived from command, key and actor) and kept
  // as they are.
  const recordIds = new Map<string, number>();
  bundle.idempotency?.forEach((record, index) => {
    const path = ['idempotency', index];
    const first = recordIds.get(record.id);
    if (first === undefined) recordIds.set(record.id, index);
    else
      add(
        [...path, 'id'],
        `Duplicate idempotency record "${record.id}", also at idempotency.${first}.`,
        'duplicate',
      );
    // The record of an erased person's share: erasure scrubbed the share it keeps and the hash of its input.
    const share = record.command === 'offers.share' ? record.result.share : undefined;
    const personId = isObject(share) ? erasedOwner.get(`share${String(share.id)}`) : undefined;
    if (personId !== undefined) {
      if (record.inputHash !== ERASED_INPUT_HASH)
        add(
          [...path, 'inputHash'],
          `An erased person's share record keeps no hash of its input: use "${ERASED_INPUT_HASH}" as erasure does, or leave erasedAt out of person "${personId}" and erase them after the import.`,
          'erasure',
        );
      unerasedIssues('share', undefined, personId, share, [...path, 'result', 'share']);
    }
    checkResult(record, path, add, {
      organisationId: org,
      shareIds: ids.get('share') ?? new Set(),
      events: bundle.events,
      eventIds,
    });
    checkJsonValues(raw.idempotency?.[index], path, add);
  });
  if (issues.length > 0) refuse(issues, raw);
}

/** The platform commands: each keeps the event it appended as its first result (`offers.share` keeps the share). */
const RECORDED_EVENT_COMMANDS: ReadonlySet<string> = new Set([
  'platform.click',
  'platform.reaction',
  'platform.comment',
  'platform.reshare',
  'platform.reach',
]);

/** An event as a command returns it: stored, so with its `seq`. */
const RecordedEventSchema = z.extend(DomainEventSchema, { seq: z.number().check(z.int(), z.minimum(1)) });

/**
 * Checks an idempotency record's result against what its command returns, for a retry after the move returns it
 * as it is: `offers.share` the share it recorded (`{ share }`), a `platform.*` command the event it appended
 * (`{ event }`), each a record of the bundle: another organisation's share or event would leak in. Other
 * commands keep no records.
 */
function checkResult(
  record: ExportIdempotencyRecord,
  path: (string | number)[],
  add: AddIssue,
  bundle: {
    organisationId: string;
    shareIds: ReadonlySet<unknown>;
    events: ExportBundle['events'];
    eventIds: ReadonlyMap<string, number>;
  },
): void {
  const { command, result } = record;
  const foreign = (field: 'share' | 'event', organisationId: unknown) =>
    add(
      [...path, 'result', field, 'organisationId'],
      `Belongs to "${String(organisationId)}", not "${bundle.organisationId}".`,
      'tenant',
    );
  if (command === 'offers.share') {
    const share = result.share;
    if (!isObject(share)) {
      add(
        [...path, 'result', 'share'],
        'Keep the share the command recorded, as an object: a retry returns it.',
        'result',
      );
      return;
    }
    const parsed = entitySchemas.share.safeParse(share);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { path: at, message, code } = toIssue([...path, 'result', 'share'])(issue);
        add([...at], message, code);
      }
    } else {
      if (!bundle.shareIds.has(share.id))
        add([...path, 'result', 'share', 'id'], `No share "${String(share.id)}" in the bundle.`, 'reference');
      if (share.organisationId !== bundle.organisationId) foreign('share', share.organisationId);
    }
  } else if (RECORDED_EVENT_COMMANDS.has(command)) {
    const event = result.event;
    if (!isObject(event)) {
      add(
        [...path, 'result', 'event'],
        `Keep the ${command} event the command recorded, as an object: a retry returns it.`,
        'result',
      );
      return;
    }
    const parsed = RecordedEventSchema.safeParse(event);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { path: at, message, code } = toIssue([...path, 'result', 'event'])(issue);
        add([...at], message, code);
      }
      return;
    }
    const { id, type, organisationId } = parsed.data;
    const at = bundle.eventIds.get(id);
    if (organisationId !== bundle.organisationId) foreign('event', organisationId);
    if (type !== command) {
      add(
        [...path, 'result', 'event', 'type'],
        `Keep the ${command} event the command recorded, not a ${type} event.`,
        'result',
      );
    } else if (at === undefined) {
      add([...path, 'result', 'event', 'id'], `No event "${id}" in the bundle.`, 'reference');
    } else if (bundle.events[at]?.type !== command) {
      add(
        [...path, 'result', 'event', 'id'],
        `The event "${id}" of the bundle (events.${at}) is a ${bundle.events[at]?.type} event, not ${command}.`,
        'reference',
      );
    }
  } else {
    add(
      [...path, 'command'],
      `No command keeps "${command}" results: only offers.share and the platform.* commands do.`,
      'command',
    );
  }
}

/** A zod issue as a {@link ValidationIssue} under `root`. */
const toIssue =
  (root: (string | number)[]) =>
  (issue: z.core.$ZodIssue): ValidationIssue => ({
    path: [...root, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
    message: issueMessage(issue),
    code: issue.code,
  });

/**
 * Throws the one `VALIDATION` error of a refused bundle. Each listed path names its record, as in
 * `events.3.data.note (event "evt_9")`.
 */
function refuse(issues: readonly ValidationIssue[], raw: RawBundle | undefined): never {
  const listed = issues
    .slice(0, 5)
    .map(({ path, message }) => {
      const [top, key, index] = path;
      const record =
        top === 'events'
          ? raw?.events?.[key as number]
          : top === 'idempotency'
            ? raw?.idempotency?.[key as number]
            : raw?.documents?.[key as string]?.[index as number];
      const id = (record as { id?: unknown } | undefined)?.id;
      const kind = top === 'events' ? 'event' : top === 'idempotency' ? 'idempotency record' : key;
      const named = typeof id === 'string' ? ` (${kind} "${id}")` : '';
      return `${path.join('.') || '(root)'}${named}: ${message}`;
    })
    .join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  throw new SocialShiftError('VALIDATION', `Invalid export bundle, nothing was imported: ${listed}${more}`, {
    details: { issues, input: 'export bundle' },
  });
}

/**
 * Refuses an organisation that holds anything: events, documents, or the SDK's own records (idempotency records,
 * guards). Else a clash with one of those failed only at the end of the transaction, against that one record.
 */
async function checkEmpty(storage: StoragePort, organisationId: string): Promise<void> {
  let hasData = (await storage.readEvents(organisationId, { limit: 1 })).length > 0;
  for (const collection of [...ENTITY_TYPES, IDEMPOTENCY_COLLECTION, GUARD_COLLECTION]) {
    if (hasData) break;
    hasData = (await storage.query(organisationId, collection, { limit: 1 })).length > 0;
  }
  if (hasData) {
    throw new SocialShiftError(
      'ALREADY_EXISTS',
      `Organisation "${organisationId}" has data already. Import into an empty store or another organisation id.`,
      { details: { entityType: 'organisation', id: organisationId } },
    );
  }
}
