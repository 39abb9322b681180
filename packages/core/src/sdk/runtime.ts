// The SDK's internal machinery shared by every command group: loading, role checks, workflow checks and the one
// transaction per command. Not exported from the package.
import * as z from 'zod/mini';
import { invalidValue } from '../errors/invalid-value.js';
import { issueMessage } from '../errors/issue-message.js';
import { isSocialShiftError, SocialShiftError } from '../errors/social-shift-error.js';
import { validationError } from '../errors/validation.js';
import type { DomainEvent, EventType } from '../model/domain-event.js';
import type { EntityOf } from '../model/entities.js';
import { entitySchemas } from '../model/entities.js';
import type { EntityType } from '../model/entity-type.js';
import { isId } from '../model/is-id.js';
import { IdSchema } from '../model/primitives.js';
import type { Clock } from '../ports/clock.js';
import { isoNow } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { LinkTracker } from '../ports/link-tracker.js';
import type { SharePolicy } from '../ports/share-policy.js';
import type {
  JsonObject,
  StoragePort,
  StorageTransaction,
  StoredDocument,
  StoredEvent,
  WriteSet,
} from '../ports/storage.js';
import type { Action, PermissionTable } from '../roles/permission-table.js';
import type { Actor, PermissionTarget } from '../roles/role-check.js';
import { isAllowed, rolesOf } from '../roles/role-check.js';
import type { Workflow } from '../workflows/workflow.js';
import type { SocialShiftEmitter } from './event-emitter.js';
import type { IdempotencySlot } from './idempotency.js';
import { checkInputShape, inputError } from './input-limits.js';

/** Everything a command needs. */
export interface Runtime {
  readonly organisationId: string;
  readonly storage: StoragePort;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly events: SocialShiftEmitter;
  readonly permissions: PermissionTable;
  readonly fourEyes: boolean;
  readonly dormantAfterDays: number;
  readonly links: LinkTracker;
  readonly sharePolicy: SharePolicy | undefined;
}

/** Any stored entity, loosely typed for the generic machinery. */
export type Entity = AnyRecord & {
  readonly id: string;
  readonly organisationId: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
};
type AnyRecord = { readonly [key: string]: unknown };

/** One entity written by a command, with the events that explain the change. */
export interface EntityWrite {
  readonly type: EntityType;
  /** The entity as read (absent when the command creates it): its version is the expected version. */
  readonly before: object | undefined;
  /** The entity after the command; `version`, `createdAt` and `updatedAt` are set on commit. */
  readonly after: object;
  readonly events: readonly {
    readonly type: EventType;
    readonly data?: Record<string, unknown> | undefined;
  }[];
}

/**
 * An entity a command creates, as it builds it: `commit` stamps `organisationId`, `version` (1), `createdAt` and
 * `updatedAt` on every entity it writes.
 */
export type New<T> = Omit<T, 'organisationId' | 'version' | 'createdAt' | 'updatedAt'>;

/** An event about no entity change (platform interactions). */
export interface LooseEvent {
  readonly type: EventType;
  readonly entityType: EntityType;
  readonly entityId: string;
  readonly data: Record<string, unknown>;
}

/** An idempotency record written in the same transaction as the command. */
export type IdempotencyWrite = IdempotencySlot &
  (
    | { readonly result: (committed: Pick<CommitResult, 'entities'>) => JsonObject }
    /** A result that needs the stored events (their `seq`): the commit then runs as a transaction. */
    | { readonly resultWithEvents: (committed: CommitResult) => JsonObject }
  );

/** What a commit wrote. */
export interface CommitResult {
  readonly entities: readonly Entity[];
  readonly events: readonly StoredEvent[];
}

/** The collection that holds idempotency records. Not an entity: replay ignores it. */
export const IDEMPOTENCY_COLLECTION = '_idempotency';

/** The collection of the guards against write skew (see `guards.ts`). Not an entity: neither exported nor replayed. */
export const GUARD_COLLECTION = '_guard';

/** A guard as read (`readGuard` in `guards.ts`): the command writes it back at this version. */
export interface Guard {
  readonly id: string;
  readonly version: number;
}

const BASE_FIELDS = new Set(['id', 'organisationId', 'version', 'createdAt', 'updatedAt']);

let lastMs = Number.NaN;
let lastIso = '';
/** The current time as an ISO string (a command asks several times within a millisecond: formatted once). */
export const now = (rt: Runtime): string => {
  const ms = rt.clock.now();
  if (ms !== lastMs) {
    lastIso = isoNow({ now: () => ms });
    lastMs = ms;
  }
  return lastIso;
};

/** Checks an id argument; `VALIDATION` with the argument's name as path otherwise. */
export function checkId(id: unknown, name = 'id'): string {
  if (isId(id)) return id;
  let issues = [
    { path: [name], message: 'It could not be read as plain data: send plain JSON data.', code: 'custom' },
  ];
  try {
    // The fast path accepts exactly what the schema does: here the schema only words the refusal.
    issues =
      IdSchema.safeParse(id).error?.issues.map((issue) => ({
        path: [name],
        message: issueMessage(issue),
        code: issue.code,
      })) ?? [];
  } catch {
    // Only exotic ids get here (a getter or proxy that throws while the schema reads it): the issue above stays.
  }
  throw new SocialShiftError('VALIDATION', `Invalid ${name}: use 1 to 64 letters, digits, "_" or "-".`, {
    details: { issues, input: name },
  });
}

/** Parses command input with a zod schema: `VALIDATION` with the paths of the bad fields. */
export function parseInput<S extends z.ZodMiniType>(what: string, schema: S, input: unknown): z.output<S> {
  let result: ReturnType<S['safeParse']>;
  try {
    checkInputShape(what, input);
    result = schema.safeParse(input) as ReturnType<S['safeParse']>;
  } catch (error) {
    if (error instanceof SocialShiftError) throw error;
    // Only exotic inputs get here (a getter or proxy that throws while the input is read).
    throw invalidValue(what, [], 'It could not be read as plain data: send plain JSON data.', error);
  }
  if (!result.success) throw inputError(what, result.error, input);
  return result.data as z.output<S>;
}

/** Drops keys whose value is `undefined` (stored documents never hold them). */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = field;
  }
  return out as T;
}

/** A stored document as its entity: its data with the stored version. */
const toEntity = <T>(doc: StoredDocument): T => ({ ...doc.data, version: doc.version }) as unknown as T;

/** Reads one entity, or `undefined`. */
export async function find<T extends EntityType>(
  rt: Runtime,
  type: T,
  id: string,
): Promise<EntityOf<T> | undefined> {
  const doc = await rt.storage.get(rt.organisationId, type, id);
  return doc ? toEntity(doc) : undefined;
}

/** Reads one entity; `NOT_FOUND` when absent. */
export async function load<T extends EntityType>(rt: Runtime, type: T, id: string): Promise<EntityOf<T>> {
  const entity = await find(rt, type, checkId(id));
  if (!entity) {
    throw new SocialShiftError(
      'NOT_FOUND',
      `No ${type.replace('_', ' ')} with id "${id}" in this organisation.`,
      {
        details: { entityType: type, id },
      },
    );
  }
  return entity;
}

/** Lists entities of one type, optionally filtered on top-level scalar fields. */
export async function list<T extends EntityType>(
  rt: Runtime,
  type: T,
  where?: Readonly<Record<string, string | number | boolean | null>>,
): Promise<EntityOf<T>[]> {
  const docs = await rt.storage.query(rt.organisationId, type, where ? { where } : {});
  return docs.map(toEntity<EntityOf<T>>);
}

/**
 * Which entities a `list` returns: those in one state of their workflow (`{ status: 'in_review' }`), or all of them
 * when left out.
 *
 * @example
 * ```ts
 * const queue = await shift.as(editorId).posts.list({ status: 'in_review' });
 * ```
 */
export interface ListFilter<Status extends string> {
  /** Only entities in this state (one of the workflow's states, else `VALIDATION`). */
  readonly status?: Status | undefined;
}

/**
 * What the actor may read of one type (each command group's `list`): the entities the actor may run `action` on,
 * only those in `filter.status` when it names one (one of `statuses`, else `VALIDATION` with the path `status`).
 */
export async function listReadable<T extends EntityType>(
  rt: Runtime,
  actorId: string,
  type: T,
  action: Action,
  target: (entity: EntityOf<T>) => PermissionTarget,
  statuses: z.ZodMiniType<string>,
  filter: unknown,
): Promise<EntityOf<T>[]> {
  const { status } =
    parseInput(`${type} filter`, z.optional(z.strictObject({ status: z.optional(statuses) })), filter) ?? {};
  const actor = await loadActor(rt, actorId);
  // Nobody reads a collection for an actor no rule of the action reaches (a publisher listing posts): the answer is
  // none, and a big organisation's whole collection took tens of milliseconds to read and filter away.
  const row = rt.permissions[action] ?? {};
  if (!row.anyone && !actor.assignments.some((a) => !a.revokedAt && row[a.role])) return [];
  return (await list(rt, type, status ? { status } : undefined)).filter((entity) =>
    isAllowedFor(rt, actor, action, target(entity)),
  );
}

/**
 * Awaits reads that run at once, and throws the error of the first one that failed in list order (not the first
 * to fail in time), so every adapter gives the same answer.
 */
export async function inOrder<T extends readonly unknown[]>(
  reads: { readonly [K in keyof T]: Promise<T[K]> },
): Promise<{ -readonly [K in keyof T]: T[K] }> {
  const settled = await Promise.allSettled(reads as readonly Promise<unknown>[]);
  for (const result of settled) if (result.status === 'rejected') throw result.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as never;
}

/** Loads the acting person and their current role assignments. */
export async function loadActor(rt: Runtime, personId: string): Promise<Actor> {
  const id = checkId(personId, 'personId');
  // Both reads start at once (a person is loaded by its id, so the assignments' filter is known): on a store
  // with batched reads they share one round trip. A missing person still fails with NOT_FOUND first.
  const [person, assignments] = await inOrder([
    load(rt, 'person', id),
    list(rt, 'role_assignment', { personId: id }),
  ] as const).catch(async (error: SocialShiftError) => {
    // Before the set-up nobody is found: say that, not that this person is unknown.
    if (error?.code === 'NOT_FOUND' && !(await find(rt, 'organisation', rt.organisationId)))
      throw new SocialShiftError(
        'NOT_FOUND',
        `Organisation "${rt.organisationId}" is not set up: run shift.setup({ organisation, programme, master }) first.`,
        { details: { entityType: 'organisation', id: rt.organisationId } },
      );
    throw error;
  });
  return { person, assignments: assignments.filter((a) => a.revokedAt === undefined) };
}

/** A person as the target of an action: their own (`own`) and in their teams (`assigned` to teams). */
export const personTarget = (person: {
  readonly id: string;
  readonly teamIds: readonly string[];
}): PermissionTarget => ({
  ownerId: person.id,
  teamIds: person.teamIds,
});

/** Throws `FORBIDDEN` unless the actor may run the action on the target. */
export function authorize(rt: Runtime, actor: Actor, action: Action, target: PermissionTarget = {}): void {
  if (isAllowed(rt.permissions, actor, action, target)) return;
  throw forbidden(actor, action);
}

/** A `FORBIDDEN` error for an action. */
export function forbidden(actor: Actor, action: string, why?: string): SocialShiftError<'FORBIDDEN'> {
  const roles = rolesOf(actor);
  const held = roles.length > 0 ? roles.join(', ') : 'no role';
  const { person } = actor;
  // Someone who left or was erased may do nothing (`isAllowed`): no role or scope would help them.
  const gone =
    person.erasedAt !== undefined ? 'was erased' : person.status === 'left' ? 'left the programme' : '';
  return new SocialShiftError(
    'FORBIDDEN',
    why ??
      (gone
        ? `${person.displayName} ${gone} and may not ${action} any more.`
        : `${person.displayName} (${held}${person.external ? ', external' : ''}) may not ${action} here: ask a social master for the right role or scope.`),
    { details: { action, actorId: person.id, roles } },
  );
}

/**
 * `INVALID_TRANSITION` for an event the entity's state does not take, with the allowed events: `message` says what
 * to do, else one that names the state and those events.
 */
export function invalidTransition<S extends string, E extends string>(
  workflow: Workflow<S, E>,
  entity: { readonly id: string; readonly status: S },
  event: string,
  message?: string,
): SocialShiftError<'INVALID_TRANSITION'> {
  // What a person may send: not what only the SDK does (EXPIRE, MARK_DORMANT…).
  const allowed = workflow
    .allowedEvents(entity.status)
    .filter((e) => 'action' in workflow.config.events[e].sender);
  return new SocialShiftError(
    'INVALID_TRANSITION',
    message ??
      `The ${workflow.entityType.replace('_', ' ')} in state "${entity.status}" cannot take ${event}; allowed now: ${allowed.length > 0 ? allowed.join(', ') : 'nothing'}.`,
    { details: { entityType: workflow.entityType, id: entity.id, state: entity.status, event, allowed } },
  );
}

/** The next state of an entity under a workflow event; `INVALID_TRANSITION` with the allowed events otherwise. */
export function nextState<S extends string, E extends string>(
  workflow: Workflow<S, E>,
  entity: { readonly id: string; readonly status: S },
  event: E,
): S {
  const next = nextOf(workflow, entity.status, event);
  if (next !== undefined) return next;
  throw invalidTransition(workflow, entity, event);
}

const transitions = new WeakMap<object, Map<string, string | undefined>>();

/**
 * `workflow.next(state, event)`, remembered: a workflow is a fixed table, so each state and event is worked out
 * once (XState's `transition` builds a snapshot on every call, a tenth of a share command's CPU).
 */
export function nextOf<S extends string, E extends string>(
  workflow: Workflow<S, E>,
  state: S,
  event: E,
): S | undefined {
  let known = transitions.get(workflow);
  if (!known) {
    known = new Map();
    transitions.set(workflow, known);
  }
  const key = `${state}\u0000${event}`;
  if (known.has(key)) return known.get(key) as S | undefined;
  const next = workflow.next(state, event);
  if (typeof state === 'string' && typeof event === 'string') known.set(key, next);
  return next;
}

/**
 * Equal as JSON, whatever the order of object keys: PostgreSQL's jsonb hands objects back with their keys sorted, so
 * comparing JSON text would count an unchanged object read from it as changed.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameJson(item, b[i]))
    );
  }
  const x = a as AnyRecord;
  const y = b as AnyRecord;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  if (keys.length !== Object.keys(y).filter((k) => y[k] !== undefined).length) return false;
  return keys.every((k) => Object.hasOwn(y, k) && sameJson(x[k], y[k]));
}

/** The fields that differ between two versions of an entity (`null` for removed fields); JSON values only. */
export function changesOf(before: object | undefined, after: object): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const old = (before ?? {}) as AnyRecord;
  const now = after as AnyRecord;
  for (const [key, value] of Object.entries(now)) {
    if (BASE_FIELDS.has(key) || value === undefined) continue;
    const was = old[key];
    if (was === undefined || !sameJson(was, value)) changes[key] = value;
  }
  for (const key of Object.keys(old)) {
    if (!BASE_FIELDS.has(key) && old[key] !== undefined && now[key] === undefined) changes[key] = null;
  }
  return changes;
}

/**
 * A guard written by another command since this one read it (the store reports an insert of an existing document
 * or a version that moved on): what this command checked has changed. A `CONFLICT` that says so.
 */
function guardConflict(error: unknown): unknown {
  if (
    // Not `instanceof`: the storage may throw errors of another copy of the SDK.
    !isSocialShiftError(error) ||
    (error.code !== 'CONFLICT' && error.code !== 'ALREADY_EXISTS') ||
    (error.details as { entityType?: string }).entityType !== GUARD_COLLECTION
  )
    return error;
  const { id } = error.details as { id: string };
  return new SocialShiftError(
    'CONFLICT',
    'Another command changed what this one checked at the same time: run it again.',
    { details: { entityType: GUARD_COLLECTION, id, expectedVersion: 0 }, cause: error },
  );
}

/**
 * Commits a command: every entity written with optimistic concurrency (`CONFLICT` when it changed since it was
 * read), its events appended, and the idempotency record, all in one transaction; then emits the events.
 * An update that changes nothing (one write of an `*.updated` event whose entity equals the one read: no field
 * given, or only the values stored), with no options, writes nothing and returns the entity as read.
 */
export async function commit(
  rt: Runtime,
  actorId: string,
  writes: readonly EntityWrite[],
  options: {
    readonly loose?: readonly LooseEvent[];
    readonly idempotency?: IdempotencyWrite;
    /** Documents outside the entity collections to overwrite at their version (erasure of idempotency records). */
    readonly documents?: readonly {
      readonly collection: string;
      readonly id: string;
      readonly data: JsonObject;
      readonly expectedVersion: number;
    }[];
    /** Stored events to replace in place (erasure only). */
    readonly rewrite?: readonly StoredEvent[];
    /** Guards the command's checks read (`readGuard`), written back at the version read: `CONFLICT` otherwise. */
    readonly guards?: readonly Guard[];
  } = {},
): Promise<CommitResult> {
  const [only] = writes;
  // Only with no options: their guards, idempotency record and other documents must still be written.
  if (
    !writes[1] &&
    !Object.keys(options)[0] &&
    only?.events[0]?.type.endsWith('.updated') &&
    sameJson(only.before, only.after)
  )
    return { entities: [only.before as Entity], events: [] };
  const at = now(rt);
  const prepared = writes.map((write) => {
    const before = write.before as Entity | undefined;
    const expectedVersion = before?.version ?? 0;
    const draft = compact({
      ...(write.after as AnyRecord),
      organisationId: rt.organisationId,
      version: expectedVersion + 1,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    });
    const parsed = entitySchemas[write.type].safeParse(draft);
    if (!parsed.success) throw validationError(write.type.replace('_', ' '), parsed.error);
    const entity = compact(parsed.data as unknown as Entity);
    return { write, expectedVersion, entity, changes: changesOf(before, entity) };
  });
  const idem = options.idempotency;
  const events: DomainEvent[] = [];
  // One shape for every event, in this key order (stored as JSON).
  const push = (
    type: EventType,
    entityType: EntityType,
    entityId: string,
    entityVersion: number,
    data: Record<string, unknown>,
  ) =>
    events.push({
      id: rt.ids.next('evt'),
      organisationId: rt.organisationId,
      type,
      at,
      actorId,
      entityType,
      entityId,
      entityVersion,
      data,
      ...(idem ? { idempotencyKey: idem.key } : {}),
    });
  for (const { write, entity, changes } of prepared) {
    write.events.forEach((event, index) => {
      push(event.type, write.type, entity.id, entity.version, {
        ...(event.data ?? {}),
        ...(index === 0 ? { changes } : {}),
      });
    });
  }
  for (const event of options.loose ?? []) push(event.type, event.entityType, event.entityId, 0, event.data);
  const entities = prepared.map((p) => p.entity);
  const record = (slot: IdempotencySlot, result: JsonObject) => ({
    collection: IDEMPOTENCY_COLLECTION,
    id: slot.recordId,
    data: { key: slot.key, command: slot.command, inputHash: slot.inputHash, result, at },
    expectedVersion: 0,
  });
  const guards = (options.guards ?? []).map((guard) => ({
    collection: GUARD_COLLECTION,
    id: guard.id,
    data: { at },
    expectedVersion: guard.version,
  }));
  const puts: WriteSet['puts'][number][] = prepared.map(({ write, entity, expectedVersion }) => ({
    collection: write.type,
    id: entity.id,
    data: entity as unknown as JsonObject,
    expectedVersion,
  }));
  // Most commands only put documents and append events: one write set, one request where the storage can.
  if (rt.storage.commit && !options.documents && !options.rewrite && !(idem && 'resultWithEvents' in idem)) {
    if (idem) puts.push(record(idem, idem.result({ entities })));
    puts.push(...guards);
    let stored: readonly StoredEvent[];
    try {
      stored = await rt.storage.commit(rt.organisationId, { puts, events });
    } catch (error) {
      throw guardConflict(error);
    }
    rt.events.emit(stored);
    return { entities, events: stored };
  }
  const stored = await rt.storage
    .transaction(rt.organisationId, async (tx: StorageTransaction) => {
      for (const doc of [...puts, ...(options.documents ?? []), ...guards]) {
        await tx.put(doc.collection, doc.id, doc.data, doc.expectedVersion);
      }
      if (options.rewrite && options.rewrite.length > 0) await tx.replaceEvents(options.rewrite);
      const appended = await tx.append(events);
      if (idem) {
        const put = record(
          idem,
          'resultWithEvents' in idem
            ? idem.resultWithEvents({ entities, events: appended })
            : idem.result({ entities }),
        );
        await tx.put(put.collection, put.id, put.data, 0);
      }
      return appended;
    })
    .catch((error: unknown) => Promise.reject(guardConflict(error)));
  rt.events.emit(stored);
  return { entities, events: stored };
}

/** Commits as {@link commit} does and returns the first entity written: what most commands return. */
export const commitFirst = async <T>(
  rt: Runtime,
  actorId: string,
  writes: readonly EntityWrite[],
  options?: Parameters<typeof commit>[3],
): Promise<T> => (await commit(rt, actorId, writes, options)).entities[0] as unknown as T;

/**
 * The write of one entity with one event (`before` absent when the command creates it): what most commands write.
 */
export const entityWrite = (
  type: EntityType,
  before: object | undefined,
  after: object,
  eventType: EventType,
  data?: Record<string, unknown>,
): EntityWrite => ({ type, before, after, events: [{ type: eventType, data }] });

/** A partial update: the fields given, never `undefined`. */
export type Patch<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * Parses a partial update: only the fields given in the input are returned. A field that is absent or
 * `undefined` (as a form sends an untouched field) is not given: its schema default is dropped, so an update never
 * resets or clears a field it did not name, and an update of only such fields is empty. Only the input's own keys
 * count: zod also reads inherited ones, so a key on its prototype (or a polluted `Object.prototype`) would change
 * a field nobody named.
 */
export function parsePatch<S extends z.ZodMiniType>(
  what: string,
  schema: S,
  input: unknown,
): Patch<z.output<S>> {
  const parsed = parseInput(what, schema, input) as Record<string, unknown>;
  const given = input as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(parsed).filter(([key]) => Object.hasOwn(given, key) && given[key] !== undefined),
  ) as Patch<z.output<S>>;
}

/** The events of a workflow that the actor may send now on an entity (workflow and role rules together). */
export function permittedEvents<S extends string, E extends string>(
  rt: Runtime,
  actor: Actor,
  workflow: Workflow<S, E>,
  status: S,
  target: PermissionTarget,
  guard: (event: E) => boolean = () => true,
): E[] {
  return workflow.allowedEvents(status).filter((event) => {
    const sender = workflow.config.events[event].sender;
    if (!('action' in sender)) return false;
    return isAllowed(rt.permissions, actor, sender.action as Action, target) && guard(event);
  });
}

/** Whether the actor may run the action on the target (no throw). */
export const isAllowedFor = (
  rt: Runtime,
  actor: Actor,
  action: Action,
  target: PermissionTarget = {},
): boolean => isAllowed(rt.permissions, actor, action, target);
