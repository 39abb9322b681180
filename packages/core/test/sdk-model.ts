// A model-based test of the SDK facade: random sequences of commands by random actors (a master, an editor, an
// editor scoped to one pillar, a creator, two publishers, a person without a role, people added on the way, an
// unknown id) on memory storage (or the storage given to `initial`) with a manual clock. After every command: a failure is the SDK's typed error with a
// documented code and writes nothing (but what was due at the clock's time); a success is one the role rules
// (docs/roles.md, modelled here) and `allowedEvents` allow, and leaves every document valid, the event log gapless and
// replaying to the documents, the roles as modelled, offers only to consenting publishers in the audience, shares only
// of open offers by their publisher, digests that list exactly what may be shared, and nothing of an erased person's
// names. The model and its steps live here so that the same model runs on every storage adapter
// (packages/adapters/test/sdk-model-adapters.property.test.ts); the properties are in sdk-model.property.test.ts.

import fc from 'fast-check';
import { expect } from 'vitest';
import { ERROR_CODE_LIST } from '../src/errors/error-status.js';
import { isSocialShiftError } from '../src/errors/social-shift-error.js';
import { DomainEventSchema, eventPayloadSchemas } from '../src/model/domain-event.js';
import { entitySchemas } from '../src/model/entities.js';
import { ENTITY_TYPES } from '../src/model/entity-type.js';
import { createRandomIds } from '../src/ports/id-generator.js';
import type { StoragePort, StoredDocument, StoredEvent } from '../src/ports/storage.js';
import type { SocialShift, SocialShiftOptions } from '../src/sdk/create-social-shift.js';
import { createSocialShift } from '../src/sdk/create-social-shift.js';
import { replayEvents } from '../src/sdk/projection.js';
import { GUARD_COLLECTION, IDEMPOTENCY_COLLECTION } from '../src/sdk/runtime.js';
import type { TestProgramme } from '../src/testing/programme.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../src/testing/programme.js';

export const ORG = 'org_acme';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** An id no entity has: every command that takes one must refuse it with a typed error. */
export const UNKNOWN = 'nobody_here';

type Role = 'master' | 'editor' | 'creator' | 'publisher';
type Scope = 'organisation' | 'assigned' | 'own';
const ROLES: readonly Role[] = ['master', 'editor', 'creator', 'publisher'];

/**
 * The rows of docs/roles.md this test sends commands for, written out again by hand (not imported from the SDK, so a
 * change to the SDK's table shows here).
 */
const TABLE: Record<string, Partial<Record<Role | 'anyone', Scope>>> = {
  'people.add': { master: 'organisation', editor: 'assigned' },
  'people.invite': { master: 'organisation', editor: 'assigned' },
  'people.consent': { anyone: 'own' },
  'people.withdrawConsent': { anyone: 'own' },
  'people.reactivate': { master: 'organisation', editor: 'assigned', anyone: 'own' },
  'people.leave': { master: 'organisation', anyone: 'own' },
  'people.update': { master: 'organisation', editor: 'assigned', anyone: 'own' },
  'people.linkAccount': { master: 'organisation', anyone: 'own' },
  'privacy.erase': { master: 'organisation' },
  'roles.assign.master': { master: 'organisation' },
  'roles.assign.editor': { master: 'organisation' },
  'roles.assign.creator': { master: 'organisation', editor: 'assigned' },
  'roles.assign.publisher': { master: 'organisation', editor: 'assigned' },
  'contributions.create': { creator: 'assigned' },
  'contributions.update': { creator: 'own' },
  'contributions.submit': { creator: 'own' },
  'contributions.archive': { master: 'organisation', editor: 'assigned', creator: 'own' },
  'contributions.review': { master: 'organisation', editor: 'assigned' },
  'posts.create': { editor: 'assigned' },
  'posts.update': { editor: 'assigned' },
  'posts.submit': { editor: 'assigned' },
  'posts.approve': { master: 'organisation', editor: 'assigned' },
  'posts.schedule': { master: 'organisation', editor: 'assigned' },
  'posts.withdraw': { master: 'organisation', editor: 'assigned' },
  'posts.archive': { master: 'organisation', editor: 'assigned' },
  'campaigns.create': { master: 'organisation', editor: 'assigned' },
  'campaigns.update': { master: 'organisation', editor: 'assigned' },
  'campaigns.run': { master: 'organisation', editor: 'assigned' },
  'campaigns.evaluate': { master: 'organisation' },
  'campaigns.cancel': { master: 'organisation' },
  'offers.respond': { publisher: 'own' },
  'people.read': { master: 'organisation', editor: 'organisation', anyone: 'own' },
  'contributions.read': { master: 'organisation', editor: 'assigned', creator: 'own' },
  'posts.read': { master: 'organisation', editor: 'organisation' },
  'campaigns.read': { master: 'organisation', editor: 'organisation' },
  'offers.read': { master: 'organisation', editor: 'organisation', publisher: 'own' },
};

/** What the test believes about the programme; updated only when a command succeeds. */
export interface Model {
  /** Every person id, in the order they were added (the BASE people every sequence starts with first). */
  readonly people: string[];
  /** Each person's roles, with the content pillars each is scoped to (`undefined`: unscoped, everything). */
  readonly roles: Map<string, Map<Role, readonly string[] | undefined>>;
  readonly external: Set<string>;
  /** Who left or was erased: they may do nothing any more. */
  readonly gone: Set<string>;
  /** Every name and social handle each person was ever given: an erasure removes them all from the store. */
  readonly names: Map<string, string[]>;
  /** Who consents to offers now, and who to digests. */
  readonly offerConsent: Set<string>;
  readonly digestConsent: Set<string>;
  /** Who may be tracked: consenting to tracking and not erased. */
  readonly tracked: Set<string>;
  /** The platform interactions recorded, by command and idempotency key: the input each key was first used with. */
  readonly platformKeys: Map<string, string>;
  /** Per post, who wrote, changed or submitted it: the four-eyes rule stops them approving it. */
  readonly writers: Map<string, Set<string>>;
  /** The shares made, by publisher and idempotency key. */
  readonly shareKeys: Map<string, { readonly offerId: string; readonly shareId: string }>;
  /** A counter that makes texts and keys unique, so an update always changes something. */
  serial: number;
}

export interface Real {
  readonly world: TestProgramme;
  /** When given, each step adds how it ended (`approvePost(0, 1, …) FORBIDDEN: …`, with the error's message): to compare runs on two storages. */
  readonly trace?: string[];
}

/** What an action is applied to: its owner (for `own`) and the pillar sets it must reach (for `assigned`). */
interface Target {
  readonly owner?: string | undefined;
  /** Every set must be reached (the entity's pillars, a post's new pillars, each post of a campaign…). */
  readonly pillars?: readonly (readonly string[])[];
}

/**
 * Whether the role rules let `actor` run `action` on `target` (docs/roles.md): someone who left or was erased
 * may do nothing; otherwise a role (or `anyone`) whose scope reaches the target, where `own` reaches what the
 * actor owns, `assigned` what lies within the assignment's pillars (everything when unscoped), and people outside
 * the organisation are capped at `own`. Each pillar set of the target must be reached.
 */
function permitted(model: Model, action: string, actor: string, target: Target = {}): boolean {
  if (!model.people.includes(actor) || model.gone.has(actor)) return false;
  const row = TABLE[action];
  if (!row) throw new Error(`no row for ${action} in the test's table`);
  const held = model.roles.get(actor) ?? new Map<Role, readonly string[] | undefined>();
  const reaches = (pillars: readonly string[] | undefined) =>
    Object.entries(row).some(([grantee, given]) => {
      if (grantee !== 'anyone' && !held.has(grantee as Role)) return false;
      if (model.external.has(actor) && given !== 'own') return false;
      if (given === 'own') return target.owner !== undefined && target.owner === actor;
      if (given === 'organisation') return true;
      if (grantee === 'anyone') return false; // `anyone: assigned` has no assignment to be within
      const scope = held.get(grantee as Role);
      return (
        !scope || pillars === undefined || (pillars.length > 0 && pillars.every((p) => scope.includes(p)))
      );
    });
  return (target.pillars ?? [undefined]).every((pillars) => reaches(pillars));
}

interface Snapshot {
  readonly documents: Record<string, StoredDocument[]>;
  readonly events: StoredEvent[];
}

/** Everything stored for the organisation: documents of every collection (with the SDK's own) and the event log. */
async function snapshot(world: TestProgramme): Promise<Snapshot> {
  const documents: Record<string, StoredDocument[]> = {};
  for (const collection of [...ENTITY_TYPES, IDEMPOTENCY_COLLECTION, GUARD_COLLECTION]) {
    documents[collection] = await world.storage.query(ORG, collection);
  }
  return { documents, events: await world.storage.readEvents(ORG) };
}

/** The time-driven transitions a command applies to what it touches before it checks (docs/commands.md, Time). */
const DUE_EVENTS = [
  'campaign.started',
  'campaign.completed',
  'post.offered',
  'post.expired',
  'offer.created',
  'offer.expired',
  'person.dormant',
];

/**
 * What a failing command may have written: nothing, except what was due at the clock's time for the entities it
 * touched, committed by the system actor on its own (a campaign past its end completed, an offer or post past its
 * expiry expired). Every changed document is then the entity of such an event (or a guard those commits write).
 */
function writtenByFailure(before: Snapshot, after: Snapshot): string[] {
  const problems: string[] = [];
  const events = after.events.slice(before.events.length);
  expect(after.events.slice(0, before.events.length)).toEqual(before.events);
  const settled = new Set<string>();
  for (const event of events) {
    if (event.actorId !== 'system' || !DUE_EVENTS.includes(event.type))
      problems.push(`event ${event.type} by ${event.actorId}`);
    settled.add(`${event.entityType}/${event.entityId}`);
  }
  for (const [collection, docsAfter] of Object.entries(after.documents)) {
    const was = new Map((before.documents[collection] ?? []).map((d) => [d.id, JSON.stringify(d)]));
    const changed = docsAfter.filter((d) => was.get(d.id) !== JSON.stringify(d)).map((d) => d.id);
    if (docsAfter.length < was.size) problems.push(`${collection}: documents removed`);
    for (const id of changed) {
      const allowed =
        collection === GUARD_COLLECTION ? events.length > 0 : settled.has(`${collection}/${id}`);
      if (!allowed) problems.push(`${collection}/${id} changed`);
    }
  }
  return problems;
}

export async function docs(world: TestProgramme, collection: string): Promise<StoredDocument[]> {
  return world.storage.query(ORG, collection);
}

/** Picks the n-th newest stored entity of a collection (ids are sequential), or an unknown id for -1 or none. */
async function pick(world: TestProgramme, collection: string, n: number): Promise<string> {
  const all = await docs(world, collection);
  return n < 0 || all.length === 0 ? UNKNOWN : (all[all.length - 1 - (n % all.length)]?.id ?? UNKNOWN);
}

/** The n-th person (-1: an unknown id; from NEWCOMER on: the people added during the sequence, when there are any). */
function person(model: Model, n: number): string {
  if (n < 0) return UNKNOWN;
  const added = model.people.length - BASE;
  if (n >= NEWCOMER && added > 0) return model.people[BASE + ((n - NEWCOMER) % added)] ?? UNKNOWN;
  return model.people[n % model.people.length] ?? UNKNOWN;
}
const NEWCOMER = 100;
/** How many people every sequence starts with. */
const BASE = 7;

export const later = (world: TestProgramme, ms: number) => new Date(world.clock.now() + ms).toISOString();

/** What a command step does: its name, the call, and what the model expects of its outcome. */
interface Action {
  readonly label: string;
  /** The role rule the command needs, with the owner of its target (for `own`); none for the clock. */
  readonly rule?: { readonly action: string; readonly actor: string } & Target;
  run(): Promise<unknown>;
  /** The code the command must fail with (an idempotency key used for other input); `undefined`: must succeed. */
  readonly expectedError?: string | undefined;
  /** The workflow event the command sends, and the entity's `allowedEvents` as the actor, asked just before. */
  readonly listed?: {
    readonly event: string;
    allowed(): Promise<readonly string[]>;
    /** The input needs more than the event does (an update that moves a post to other pillars): FORBIDDEN may come. */
    readonly inputNeedsMore?: boolean;
  };
  /** A query: it writes nothing but what was due at the clock's time, as a failing command. */
  readonly query?: boolean;
  /** Further checks of a success, and what it changes in the model. */
  succeeded?(result: unknown, before: Map<string, StoredDocument[]>): Promise<void> | void;
}

type Plan = (model: Model, world: TestProgramme) => Promise<Action>;

/** How often each step ended how (`shareOffer ok`, `approvePost FORBIDDEN`): that the sequences reach deep states. */
export const reached = new Map<string, number>();

/** One step of a sequence; `check` is always true, so fast-check may drop any step while it shrinks. */
class Step implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly name: string,
    readonly plan: Plan,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, { world, trace }: Real): Promise<void> {
    const action = await this.plan(model, world);
    // What a UI would offer this person now: asked first (a read may apply what is due, as a command does).
    let allowed: readonly string[] | undefined;
    if (action.listed) {
      try {
        allowed = await action.listed.allowed();
      } catch (caught) {
        expect(isSocialShiftError(caught), `allowedEvents for ${action.label} threw ${String(caught)}`).toBe(
          true,
        );
      }
    }
    const before = await snapshot(world);
    const beforeDocs = new Map<string, StoredDocument[]>();
    for (const collection of ENTITY_TYPES) beforeDocs.set(collection, await docs(world, collection));
    let result: unknown;
    let error: unknown;
    let failed = false;
    try {
      result = await action.run();
    } catch (caught) {
      failed = true;
      error = caught;
    }
    if (failed) {
      // A failing command throws the SDK's typed error, with a documented code.
      expect(isSocialShiftError(error), `${action.label} threw ${String(error)}`).toBe(true);
      expect(ERROR_CODE_LIST).toContain((error as { code: string }).code);
    }
    const key = `${this.name.replace(/\(.*/, '')} ${failed ? (error as { code?: string }).code : 'ok'}`;
    reached.set(key, (reached.get(key) ?? 0) + 1);
    trace?.push(
      `${this.name} ${failed ? `${(error as { code?: string }).code}: ${(error as Error).message}` : 'ok'}`,
    );
    if ('expectedError' in action) {
      const code = failed ? (error as { code?: string }).code : undefined;
      expect(code, `${action.label}: ${String(error)}`).toBe(action.expectedError);
    }
    if (allowed && action.listed) {
      // allowedEvents lists what both the workflow and the role rules allow the person now (an offer's SHARE also
      // needs consent): a command it leaves out fails, and one it lists is refused only for its input.
      const listed = allowed.includes(action.listed.event);
      const code = failed ? (error as { code?: string }).code : undefined;
      if (!failed) expect(listed, `${action.label} succeeded, but allowedEvents gave ${allowed}`).toBe(true);
      else if (listed && !(action.listed.inputNeedsMore && code === 'FORBIDDEN'))
        expect(
          ['FORBIDDEN', 'INVALID_TRANSITION', 'CONSENT_REQUIRED'],
          `${action.label} listed, refused`,
        ).not.toContain(code);
    }
    if (failed) {
      // And it writes nothing (but what was due).
      const after = await snapshot(world);
      expect(writtenByFailure(before, after), `${action.label} failed (${String(error)}) but wrote`).toEqual(
        [],
      );
      if (after.events.length > before.events.length) {
        await checkNewOffers(model, world, beforeDocs);
        await checkStore(model, world);
      }
      return;
    }
    await checkNewOffers(model, world, beforeDocs);
    if (action.query)
      expect(writtenByFailure(before, await snapshot(world)), `the query ${action.label} wrote`).toEqual([]);
    if (action.rule) {
      const { action: name, actor, ...target } = action.rule;
      expect(
        permitted(model, name, actor, target),
        `${action.label} succeeded, but the role rules do not let ${actor} ${name}`,
      ).toBe(true);
    }
    await action.succeeded?.(result, beforeDocs);
    await checkStore(model, world);
  }
  toString(): string {
    return this.name;
  }
}

/** The invariants of the stored data after a command that succeeded. */
async function checkStore(model: Model, world: TestProgramme): Promise<void> {
  await checkStoredData(world);
  // The roles stored are the roles the model holds.
  const stored = new Map<string, Set<string>>();
  for (const doc of await docs(world, 'role_assignment')) {
    const a = doc.data as { personId: string; role: string; revokedAt?: string };
    if (a.revokedAt !== undefined) continue;
    stored.set(a.personId, (stored.get(a.personId) ?? new Set()).add(a.role));
  }
  for (const id of model.people) {
    expect([...(stored.get(id) ?? [])].sort(), `roles of ${id}`).toEqual(
      [...(model.roles.get(id)?.keys() ?? [])].sort(),
    );
  }
}

/** Every document valid against its schema, the log gapless and valid, and the log replays to the documents. */
export async function checkStoredData(world: TestProgramme): Promise<void> {
  for (const collection of ENTITY_TYPES) {
    for (const doc of await docs(world, collection)) {
      const parsed = entitySchemas[collection].safeParse(doc.data);
      expect(parsed.success, `${collection} ${doc.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(doc.organisationId).toBe(ORG);
    }
  }
  const events: StoredEvent[] = await world.storage.readEvents(ORG);
  // The log's seq is gapless and increasing from 1 (nothing here runs retention).
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  for (const event of events) {
    expect(DomainEventSchema.safeParse(event).success, event.type).toBe(true);
    expect(eventPayloadSchemas[event.type].safeParse(event.data).success, event.type).toBe(true);
  }
  // Replaying the log rebuilds every stored entity.
  const state = replayEvents(events) as Record<string, Record<string, unknown> | undefined>;
  for (const collection of ENTITY_TYPES) {
    for (const doc of await docs(world, collection)) {
      expect(state[collection]?.[doc.id], `${collection} ${doc.id} replayed`).toEqual(doc.data);
    }
  }
}

/** Offers go only to publishers who consent to offers and are still in the programme (docs/commands.md). */
async function checkNewOffers(
  model: Model,
  world: TestProgramme,
  before: Map<string, StoredDocument[]>,
): Promise<void> {
  for (const offer of await added(world, 'offer', before)) {
    const publisher = (offer.data as { publisherId: string }).publisherId;
    expect(
      model.roles.get(publisher)?.has('publisher') ?? false,
      `offer ${offer.id} to a non-publisher`,
    ).toBe(true);
    expect(model.offerConsent.has(publisher), `offer ${offer.id} to ${publisher} without consent`).toBe(true);
    expect(model.gone.has(publisher), `offer ${offer.id} to ${publisher}, who left`).toBe(false);
    // And only to the campaign's audience.
    const { campaignId } = offer.data as { campaignId: string };
    const audience = (await world.storage.get(ORG, 'campaign', campaignId))?.data.audience as {
      everyone: boolean;
      personIds: string[];
    };
    if (!audience.everyone)
      expect(audience.personIds, `offer ${offer.id} outside the audience`).toContain(publisher);
  }
}

/** After `runDueTransitions` nothing time-driven is left undone at the clock's time (docs/commands.md, Time). */
async function nothingDue(world: TestProgramme): Promise<void> {
  const at = new Date(world.clock.now()).toISOString();
  for (const doc of await docs(world, 'campaign')) {
    const c = doc.data as { status: string; startsAt: string; endsAt: string };
    if (c.status === 'scheduled') expect(c.startsAt > at, `${doc.id} should have started`).toBe(true);
    if (c.status === 'running' || c.status === 'paused')
      expect(c.endsAt > at, `${doc.id} should have completed`).toBe(true);
  }
  for (const collection of ['offer', 'post']) {
    for (const doc of await docs(world, collection)) {
      const e = doc.data as { status: string; expiresAt?: string };
      if (['offered', 'seen'].includes(e.status) && e.expiresAt !== undefined)
        expect(e.expiresAt > at, `${doc.id} (${e.status}) should have expired`).toBe(true);
    }
  }
}

/** A storage whose calls (reads, commits, transactions) resolve when the fast-check scheduler lets them. */
export function scheduledStorage(storage: StoragePort, s: fc.Scheduler): StoragePort {
  // fast-check handles a call's promise only once it lets the call resolve: a call that failed before (a CONFLICT,
  // quick on a real storage) counted as an unhandled rejection meanwhile, which fails the whole vitest run.
  const wrap = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    s.scheduleFunction((...args: A) => {
      const call = (async () => fn(...args))();
      call.catch(() => undefined);
      return call;
    });
  return {
    name: storage.name,
    capabilities: storage.capabilities,
    get: wrap(storage.get.bind(storage)),
    query: wrap(storage.query.bind(storage)),
    readEvents: wrap(storage.readEvents.bind(storage)),
    transaction: wrap(storage.transaction.bind(storage)) as StoragePort['transaction'],
    ...(storage.commit ? { commit: wrap(storage.commit.bind(storage)) } : {}),
    close: storage.close.bind(storage),
  };
}

/** New documents of a collection since `before`. */
async function added(
  world: TestProgramme,
  collection: string,
  before: Map<string, StoredDocument[]>,
): Promise<StoredDocument[]> {
  const known = new Set((before.get(collection) ?? []).map((d) => d.id));
  return (await docs(world, collection)).filter((d) => !known.has(d.id));
}

const fieldOf = async (world: TestProgramme, collection: string, id: string, field: string) =>
  ((await world.storage.get(ORG, collection, id))?.data as Record<string, string> | undefined)?.[field];

/** The pillars of a stored post, contribution or campaign (none for an unknown id: the command fails anyway). */
const pillarsOf = async (world: TestProgramme, collection: string, id: string): Promise<string[][]> => {
  const pillars = (
    (await world.storage.get(ORG, collection, id))?.data as { pillarIds?: string[] } | undefined
  )?.pillarIds;
  return pillars ? [pillars] : [];
};

/** The pillars of each post of a stored campaign. */
const postPillars = async (world: TestProgramme, campaignId: string): Promise<string[][]> => {
  const campaign = await world.storage.get(ORG, 'campaign', campaignId);
  const postIds = (campaign?.data as { postIds?: string[] } | undefined)?.postIds ?? [];
  return (await Promise.all(postIds.map((id) => pillarsOf(world, 'post', id)))).flat();
};

/** The workflow event each command sends. */
const EVENT: Record<string, string> = {
  update: 'UPDATE',
  submit: 'SUBMIT',
  startReview: 'START_REVIEW',
  accept: 'ACCEPT',
  decline: 'DECLINE',
  requestChanges: 'REQUEST_CHANGES',
  archive: 'ARCHIVE',
  approve: 'APPROVE',
  schedule: 'SCHEDULE',
  withdraw: 'WITHDRAW',
  start: 'START',
  pause: 'PAUSE',
  resume: 'RESUME',
  complete: 'COMPLETE',
  evaluate: 'EVALUATE',
  cancel: 'CANCEL',
  see: 'SEE',
  share: 'SHARE',
};
const eventOf = (command: string): string => EVENT[command] ?? command.toUpperCase();

// Arbitraries: an actor or a target is an index into the model's people (-1: an unknown id), an entity an index into
// the stored ones of its kind (-1: an unknown id).
const who = fc.integer({ min: -1, max: 12 });
/** Mostly the people whose role fits the command (indexes into the model's people), sometimes anyone at all. */
const by = (...fitting: number[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fitting) }, { weight: 1, arbitrary: who });
/** Mostly someone added during the sequence: leaving and erasure then spare the people the workflows need. */
const newcomer = fc.oneof(
  { weight: 3, arbitrary: fc.nat(6).map((n) => NEWCOMER + n) },
  { weight: 1, arbitrary: who },
);
const [MASTER, EDITOR, CREATOR, PUBLISHER, EXTERNAL, , SCOPED] = [0, 1, 2, 3, 4, 5, 6];
/** Mostly the newest entity of its kind (so steps on one entity follow each other), sometimes an unknown id. */
const which = fc.oneof(
  { weight: 5, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.nat(8) },
  { weight: 1, arbitrary: fc.constant(-1) },
);
const role = fc.constantFrom(...ROLES);
const PILLARS = ['pillar_care', 'pillar_jobs'] as const;
/** The pillars a post, contribution or campaign is on. */
const pillarsArb = fc.constantFrom<readonly string[]>(['pillar_care'], ['pillar_jobs'], [...PILLARS]);
/** The scope of a role assignment: mostly none (everything), or one pillar. */
const pillarScope = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom<readonly string[]>(['pillar_care'], ['pillar_jobs']) },
);

/** The steps of the contribution workflow. */
const contributionSteps = fc
  .constantFrom('update', 'submit', 'startReview', 'accept', 'decline', 'requestChanges', 'archive')
  .chain((command) =>
    fc.tuple(
      command === 'submit' || command === 'update' ? by(CREATOR) : by(EDITOR, SCOPED, MASTER, CREATOR),
      which,
      fc.constant(command),
    ),
  )
  .map(
    ([a, c, command]) =>
      new Step(`${command}Contribution(${a}, ${c})`, async (model, world) => {
        const actor = person(model, a);
        const id = await pick(world, 'contribution', c);
        const contributions = world.shift.as(actor).contributions;
        return {
          label: `contributions.${command}(${id}) as ${actor}`,
          listed: { event: eventOf(command), allowed: () => contributions.allowedEvents(id) },
          rule: {
            action:
              command === 'submit' || command === 'update' || command === 'archive'
                ? `contributions.${command}`
                : 'contributions.review',
            actor,
            owner: await fieldOf(world, 'contribution', id, 'creatorId'),
            pillars: await pillarsOf(world, 'contribution', id),
          },
          run: () =>
            command === 'requestChanges'
              ? contributions.requestChanges(id, { note: 'Add a caption.' })
              : command === 'update'
                ? contributions.update(id, { title: `Photo ${++model.serial}` })
                : contributions[command](id),
        };
      }),
  );

/** The steps of the post workflow. */
const postSteps = fc
  .constantFrom('update', 'submit', 'approve', 'requestChanges', 'schedule', 'withdraw', 'archive')
  .chain((command) =>
    fc.tuple(
      command === 'update' || command === 'submit' ? by(EDITOR, SCOPED) : by(MASTER, EDITOR, SCOPED),
      which,
      fc.constant(command),
      fc.integer({ min: -1, max: 20 }),
      fc.option(pillarsArb, { freq: 3 }),
    ),
  )
  .map(
    ([a, p, command, days, movedTo]) =>
      new Step(`${command}Post(${a}, ${p}, ${days}, ${movedTo})`, async (model, world) => {
        const actor = person(model, a);
        const id = await pick(world, 'post', p);
        const posts = world.shift.as(actor).posts;
        const rule = {
          update: 'posts.update',
          submit: 'posts.submit',
          approve: 'posts.approve',
          requestChanges: 'posts.approve',
          schedule: 'posts.schedule',
          withdraw: 'posts.withdraw',
          archive: 'posts.archive',
        }[command];
        return {
          label: `posts.${command}(${id}) as ${actor}`,
          listed: {
            event: eventOf(command),
            allowed: () => posts.allowedEvents(id),
            inputNeedsMore: command === 'update' && movedTo !== null,
          },
          rule: {
            action: rule,
            actor,
            // An update that moves the post to other pillars must reach those too.
            pillars: [
              ...(await pillarsOf(world, 'post', id)),
              ...(command === 'update' && movedTo ? [movedTo] : []),
            ],
          },
          run: () => {
            switch (command) {
              case 'update':
                return posts.update(id, {
                  text: `Text ${++model.serial}`,
                  ...(movedTo ? { pillarIds: [...movedTo] } : {}),
                });
              case 'requestChanges':
                return posts.requestChanges(id, { note: 'Shorter.' });
              case 'schedule':
                return posts.schedule(id, { at: later(world, days * HOUR) });
              default:
                return posts[command](id);
            }
          },
          succeeded(result) {
            const writers = model.writers.get(id) ?? new Set<string>();
            if (command === 'approve') {
              expect((result as { approvedBy?: string }).approvedBy).toBe(actor);
              expect([...writers], `${actor} approved a post they wrote, changed or submitted`).not.toContain(
                actor,
              );
            }
            if (command === 'update' || command === 'submit') writers.add(actor);
            model.writers.set(id, writers);
          },
        };
      }),
  );

/** A platform reports a click, reaction or reach on a share: recorded only while its publisher may be tracked. */
const platformSteps = fc
  .tuple(which, fc.constantFrom('recordClick', 'recordReaction', 'recordReach'), fc.nat(2), fc.nat(3))
  .map(
    ([n, command, key, amount]) =>
      new Step(`${command}(${n}, p${key}, ${amount})`, async (model, world) => {
        const shareId = await pick(world, 'share', n);
        const input =
          command === 'recordClick'
            ? { shareId, idempotencyKey: `p${key}` }
            : command === 'recordReaction'
              ? { shareId, idempotencyKey: `p${key}`, count: amount + 1 }
              : { shareId, idempotencyKey: `p${key}`, reach: amount * 100 };
        const slot = `${command} p${key}`;
        const earlier = model.platformKeys.get(slot);
        const publisher = await fieldOf(world, 'share', shareId, 'publisherId');
        return {
          label: `platform.${command}(${JSON.stringify(input)})`,
          // A key used before: the same input is a retry (nothing recorded), other input IDEMPOTENCY_MISMATCH.
          ...(earlier === undefined
            ? {}
            : { expectedError: earlier === JSON.stringify(input) ? undefined : 'IDEMPOTENCY_MISMATCH' }),
          run: () => world.shift.platform[command](input as never),
          succeeded() {
            if (earlier !== undefined) return;
            expect(
              publisher !== undefined && model.tracked.has(publisher),
              `${command} of an untracked share`,
            ).toBe(true);
            model.platformKeys.set(slot, JSON.stringify(input));
          },
        };
      }),
  );

/** The steps of the campaign workflow. */
const campaignSteps = fc
  .tuple(
    by(MASTER, EDITOR, SCOPED),
    which,
    fc.constantFrom('update', 'schedule', 'start', 'pause', 'resume', 'complete', 'evaluate', 'cancel'),
  )
  .map(
    ([a, c, command]) =>
      new Step(`${command}Campaign(${a}, ${c})`, async (model, world) => {
        const actor = person(model, a);
        const id = await pick(world, 'campaign', c);
        return {
          label: `campaigns.${command}(${id}) as ${actor}`,
          listed: {
            event: eventOf(command),
            allowed: () => world.shift.as(actor).campaigns.allowedEvents(id),
          },
          rule: {
            action: ['cancel', 'evaluate', 'update'].includes(command)
              ? `campaigns.${command}`
              : 'campaigns.run',
            actor,
            // Scheduling, starting and resuming also need the pillars of each of its posts.
            pillars: [
              ...(await pillarsOf(world, 'campaign', id)),
              ...(['schedule', 'start', 'resume'].includes(command) ? await postPillars(world, id) : []),
            ],
          },
          run: () =>
            command === 'update'
              ? world.shift.as(actor).campaigns.update(id, { description: `Round ${++model.serial}` })
              : world.shift.as(actor).campaigns[command](id),
        };
      }),
  );

/** What a publisher does with an offer. */
const offerSteps = fc
  .tuple(
    by(PUBLISHER, EXTERNAL),
    which,
    fc.constantFrom('see', 'decline', 'share'),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(
    ([a, o, command, key]) =>
      new Step(`${command}Offer(${a}, ${o}, k${key})`, async (model, world) => {
        const actor = person(model, a);
        const id = await pick(world, 'offer', o);
        const offers = world.shift.as(actor).offers;
        const owner = await fieldOf(world, 'offer', id, 'publisherId');
        // A key this person used before: for the same offer a retry, which records nothing and answers with the
        // first share, whatever changed since (the share was made; a refusal now would tell the caller it was not);
        // for another offer IDEMPOTENCY_MISMATCH.
        const earlier = command === 'share' ? model.shareKeys.get(`${actor} k${key}`) : undefined;
        const retry = earlier?.offerId === id;
        return {
          label: `offers.${command}(${id}${earlier ? `, k${key} again` : ''}) as ${actor}`,
          ...(earlier
            ? { expectedError: retry ? undefined : 'IDEMPOTENCY_MISMATCH' }
            : {
                listed: { event: eventOf(command), allowed: () => offers.allowedEvents(id) },
                rule: { action: 'offers.respond', actor, owner },
              }),
          run: () =>
            command === 'share'
              ? offers.share(id, { platform: 'linkedin', idempotencyKey: `k${key}` })
              : offers[command](id),
          succeeded: async (result, before) => {
            const shares = await added(world, 'share', before);
            if (earlier) {
              expect(shares, 'a retry recorded a share').toEqual([]);
              expect((result as { id: string }).id).toBe(earlier.shareId);
              return;
            }
            if (command === 'share') {
              const shareId = (result as { id: string }).id;
              model.shareKeys.set(`${actor} k${key}`, { offerId: id, shareId });
            }
            if (command !== 'share') {
              expect(shares, `offers.${command} recorded a share`).toEqual([]);
              return;
            }
            // Only a publisher who consents to offers shares, and only an offer made to them.
            expect(model.offerConsent.has(actor), `${actor} shared without consent to offers`).toBe(true);
            expect(shares.length).toBeLessThanOrEqual(1);
            for (const share of shares) {
              expect(share.data).toMatchObject({ publisherId: actor, offerId: id });
              // Shared while the offer was open, its post on offer and its campaign running.
              const { postId, campaignId } = share.data as { postId: string; campaignId: string };
              const was = before.get('offer')?.find((d) => d.id === id)?.data as { status: string };
              expect(['offered', 'seen', 'shared']).toContain(was.status);
              expect(await fieldOf(world, 'offer', id, 'status')).toBe('shared');
              expect(await fieldOf(world, 'post', postId, 'status')).toBe('offered');
              expect(await fieldOf(world, 'campaign', campaignId, 'status')).toBe('running');
            }
          },
        };
      }),
  );

/** The collection, owner field and whether pillars count, of what each group of queries reads. */
const READS = {
  people: { collection: 'person', owner: 'id', pillars: false },
  contributions: { collection: 'contribution', owner: 'creatorId', pillars: true },
  posts: { collection: 'post', owner: undefined, pillars: true },
  campaigns: { collection: 'campaign', owner: undefined, pillars: true },
  offers: { collection: 'offer', owner: 'publisherId', pillars: false },
} as const;

/** The target of a read of one stored entity. */
function readTarget(group: keyof typeof READS, data: Record<string, unknown>): Target {
  const { owner, pillars } = READS[group];
  return {
    owner: owner === undefined ? undefined : (data[owner] as string),
    ...(pillars ? { pillars: [data.pillarIds as string[]] } : {}),
  };
}

/** Anyone reads one entity or lists a kind: only what the read rules let them see. */
const readSteps = fc
  .tuple(
    who,
    fc.constantFrom(...(Object.keys(READS) as (keyof typeof READS)[])),
    fc.option(which, { freq: 2 }),
  )
  .map(
    ([a, group, n]) =>
      new Step(`read(${a}, ${group}, ${n})`, async (model, world) => {
        const actor = person(model, a);
        const queries = world.shift.as(actor)[group];
        const action = `${group}.read`;
        if (n === null)
          return {
            label: `${group}.list() as ${actor}`,
            query: true,
            run: () => (queries.list as () => Promise<unknown[]>)(),
            succeeded(result) {
              for (const entity of result as Record<string, unknown>[]) {
                const target = readTarget(group, entity);
                expect(permitted(model, action, actor, target), `${actor} listed ${String(entity.id)}`).toBe(
                  true,
                );
              }
            },
          };
        const id = group === 'people' ? person(model, n) : await pick(world, READS[group].collection, n);
        const stored = (await world.storage.get(ORG, READS[group].collection, id))?.data ?? {};
        return {
          label: `${group}.get(${id}) as ${actor}`,
          query: true,
          rule: { action, actor, ...readTarget(group, stored) },
          run: () => queries.get(id),
        };
      }),
  );

export const steps: fc.Arbitrary<fc.AsyncCommand<Model, Real>>[] = [
  readSteps,
  fc.tuple(by(MASTER, EDITOR)).map(
    ([a]) =>
      new Step(`addPerson(${a})`, async (model, world) => {
        const actor = person(model, a);
        return {
          label: `people.add as ${actor}`,
          rule: { action: 'people.add', actor },
          run: () => world.shift.as(actor).people.add({ displayName: `Name${++model.serial}Z` }),
          succeeded(result) {
            const { id } = result as { id: string };
            model.people.push(id);
            model.names.set(id, [`Name${model.serial}Z`]);
          },
        };
      }),
  ),
  fc.tuple(by(MASTER, EDITOR, SCOPED), who, role, fc.boolean(), pillarScope).map(
    ([a, t, r, assign, scope]) =>
      new Step(
        `${assign ? 'assign' : 'revokeRole'}Role(${a}, ${t}, ${r}, ${scope})`,
        async (model, world) => {
          const actor = person(model, a);
          const target = person(model, t);
          const people = world.shift.as(actor).people;
          // A role with `assigned` rows (creator, editor) is handed out or taken back only within the actor's scope.
          const held = model.roles.get(target)?.get(r);
          const scoped = r === 'creator' || r === 'editor';
          const pillars = assign ? scope : held;
          return {
            label: `people.${assign ? 'assignRole' : 'revokeRole'}(${target}, ${r}, ${scope}) as ${actor}`,
            rule: {
              action: `roles.assign.${r}`,
              actor,
              owner: target,
              ...(scoped ? { pillars: [pillars ?? []] } : {}),
            },
            run: () =>
              assign
                ? people.assignRole(target, {
                    role: r,
                    ...(scope ? { scope: { pillarIds: [...scope] } } : {}),
                  })
                : people.revokeRole(target, { role: r }),
            succeeded() {
              const roles = model.roles.get(target) ?? new Map<Role, readonly string[] | undefined>();
              if (assign) roles.set(r, scope);
              else roles.delete(r);
              model.roles.set(target, roles);
            },
          };
        },
      ),
  ),
  fc
    .oneof(
      fc.tuple(by(MASTER, EDITOR), who, fc.constantFrom('invite', 'reactivate')),
      // Leaving ends what a person can do: mostly someone added, so sequences keep their actors for longer.
      fc.tuple(by(MASTER, EDITOR), newcomer, fc.constant('leave')),
    )
    .map(
      ([a, t, event]) =>
        new Step(`${event}(${a}, ${t})`, async (model, world) => {
          const actor = person(model, a);
          const target = person(model, t);
          return {
            label: `people.${event}(${target}) as ${actor}`,
            rule: { action: `people.${event}`, actor, owner: target },
            listed: {
              event: event.toUpperCase(),
              allowed: () => world.shift.as(actor).people.allowedEvents(target),
            },
            run: () => world.shift.as(actor).people[event](target),
            succeeded() {
              if (event === 'leave') {
                model.gone.add(target);
                model.offerConsent.delete(target);
              }
            },
          };
        }),
    ),
  fc.tuple(who, fc.subarray(['offers', 'digests', 'tracking'] as const, { minLength: 1 })).map(
    ([a, purposes]) =>
      new Step(`consent(${a}, ${purposes})`, async (model, world) => {
        const actor = person(model, a);
        return {
          label: `people.consent(${purposes}) as ${actor}`,
          rule: { action: 'people.consent', actor, owner: actor },
          run: () => world.shift.as(actor).people.consent({ purposes, termsVersion: 'v1' }),
          succeeded() {
            if (purposes.includes('offers')) model.offerConsent.add(actor);
            if (purposes.includes('digests')) model.digestConsent.add(actor);
            if (purposes.includes('tracking')) model.tracked.add(actor);
          },
        };
      }),
  ),
  fc.tuple(who).map(
    ([a]) =>
      new Step(`withdrawConsent(${a})`, async (model, world) => {
        const actor = person(model, a);
        return {
          label: `people.withdrawConsent as ${actor}`,
          rule: { action: 'people.withdrawConsent', actor, owner: actor },
          run: () => world.shift.as(actor).people.withdrawConsent(),
          succeeded: async () => {
            model.offerConsent.delete(actor);
            model.digestConsent.delete(actor);
            model.tracked.delete(actor);
            // Withdrawal ends every open offer of the person in the same commit.
            const open = (await docs(world, 'offer')).filter((d) => {
              const o = d.data as { publisherId: string; status: string };
              return o.publisherId === actor && (o.status === 'offered' || o.status === 'seen');
            });
            expect(open, 'open offers after withdrawal').toEqual([]);
          },
        };
      }),
  ),
  fc.tuple(who, who, fc.boolean(), fc.constantFrom('linkedin', 'x')).map(
    ([a, t, link, platform]) =>
      new Step(`${link ? 'linkAccount' : 'updatePerson'}(${a}, ${t})`, async (model, world) => {
        const actor = person(model, a);
        const target = person(model, t);
        const people = world.shift.as(actor).people;
        const given = `${link ? 'handle' : 'Name'}${++model.serial}Z`;
        return {
          label: `people.${link ? 'linkAccount' : 'update'}(${target}, ${given}) as ${actor}`,
          rule: { action: link ? 'people.linkAccount' : 'people.update', actor, owner: target },
          run: () =>
            link
              ? people.linkAccount(target, { platform, handle: given, networkSize: 10 })
              : people.update(target, { displayName: given }),
          succeeded() {
            model.names.set(target, [...(model.names.get(target) ?? []), given]);
          },
        };
      }),
  ),
  fc.tuple(by(MASTER), newcomer).map(
    ([a, t]) =>
      new Step(`erase(${a}, ${t})`, async (model, world) => {
        const actor = person(model, a);
        const target = person(model, t);
        return {
          label: `privacy.erasePerson(${target}) as ${actor}`,
          rule: { action: 'privacy.erase', actor, owner: target },
          run: () => world.shift.as(actor).privacy.erasePerson(target),
          async succeeded() {
            model.gone.add(target);
            model.offerConsent.delete(target);
            model.tracked.delete(target); // an erased person is not tracked
            // Their shares' idempotency records lose the input's fingerprint: a retry is no longer recognised.
            for (const key of [...model.shareKeys.keys()])
              if (key.startsWith(`${target} `)) model.shareKeys.delete(key);
            // Every name and handle they were ever given is gone from every record and event.
            const stored = JSON.stringify(await snapshot(world));
            for (const name of model.names.get(target) ?? []) {
              expect(stored.includes(name), `${name} of ${target} is still stored after erasure`).toBe(false);
            }
          },
        };
      }),
  ),
  fc.tuple(by(CREATOR), pillarsArb).map(
    ([a, pillars]) =>
      new Step(`createContribution(${a}, ${pillars})`, async (model, world) => {
        const actor = person(model, a);
        return {
          label: `contributions.create(${pillars}) as ${actor}`,
          rule: { action: 'contributions.create', actor, pillars: [pillars] },
          run: () =>
            world.shift.as(actor).contributions.create({
              kind: 'photo',
              title: `Photo ${++model.serial}`,
              pillarIds: [...pillars],
            }),
        };
      }),
  ),
  contributionSteps,
  fc
    .tuple(
      by(EDITOR, SCOPED),
      fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: which }),
      fc.option(fc.integer({ min: -2, max: 40 })),
      pillarsArb,
    )
    .map(
      ([a, c, expiresInDays, pillars]) =>
        new Step(`createPost(${a}, ${c}, ${expiresInDays}, ${pillars})`, async (model, world) => {
          const actor = person(model, a);
          const contributionIds = c === undefined ? [] : [await pick(world, 'contribution', c)];
          return {
            label: `posts.create(${pillars}, ${contributionIds}) as ${actor}`,
            // The post's pillars, and those of each contribution it uses (the actor must read it).
            rule: {
              action: 'posts.create',
              actor,
              pillars: [
                pillars,
                ...(
                  await Promise.all(contributionIds.map((id) => pillarsOf(world, 'contribution', id)))
                ).flat(),
              ],
            },
            run: () =>
              world.shift.as(actor).posts.create({
                title: `Post ${++model.serial}`,
                text: `Text ${model.serial}`,
                pillarIds: [...pillars],
                contributionIds,
                ...(expiresInDays === null ? {} : { expiresAt: later(world, expiresInDays * DAY) }),
              }),
            succeeded(result) {
              model.writers.set((result as { id: string }).id, new Set([actor]));
            },
          };
        }),
    ),
  postSteps,
  fc
    .tuple(
      by(MASTER, EDITOR, SCOPED),
      fc.array(which, { minLength: 0, maxLength: 3 }),
      fc.integer({ min: -2, max: 5 }),
      fc.integer({ min: -1, max: 20 }),
      pillarsArb,
      // Everyone, or some people by id (the publishers, the outsider, the unknown id…).
      fc.option(fc.array(who, { minLength: 1, maxLength: 3 }), { freq: 2 }),
    )
    .map(
      ([a, ps, startDays, lengthDays, pillars, audienceOf]) =>
        new Step(
          `createCampaign(${a}, [${ps}], ${startDays}, ${lengthDays}, ${pillars}, ${audienceOf})`,
          async (model, world) => {
            const actor = person(model, a);
            const postIds = [...new Set(await Promise.all(ps.map((p) => pick(world, 'post', p))))];
            const audience =
              audienceOf === null
                ? { everyone: true }
                : { personIds: [...new Set(audienceOf.map((n) => person(model, n)))] };
            return {
              label: `campaigns.create(${pillars}, ${postIds}) as ${actor}`,
              // The campaign's pillars and those of each of its posts.
              rule: {
                action: 'campaigns.create',
                actor,
                pillars: [
                  pillars,
                  ...(await Promise.all(postIds.map((id) => pillarsOf(world, 'post', id)))).flat(),
                ],
              },
              run: () =>
                world.shift.as(actor).campaigns.create({
                  name: `Campaign ${++model.serial}`,
                  pillarIds: [...pillars],
                  postIds,
                  audience,
                  startsAt: later(world, startDays * DAY),
                  endsAt: later(world, (startDays + lengthDays) * DAY),
                }),
            };
          },
        ),
    ),
  campaignSteps,
  offerSteps,
  platformSteps,
  fc.constant(
    new Step('digestRecipients', async (model, world) => ({
      label: 'system.digestRecipients',
      run: () => world.shift.system.digestRecipients(),
      async succeeded(result) {
        // A digest lists, for each person who consents to digests, exactly the open offers (offered or seen, not
        // shared already) they may share now.
        const waiting = new Map(
          (result as { person: { id: string }; waiting: { offer: { id: string } }[] }[]).map((r) => [
            r.person.id,
            r.waiting.map((w) => w.offer.id).sort(),
          ]),
        );
        for (const id of waiting.keys()) expect(model.digestConsent.has(id), `digest to ${id}`).toBe(true);
        for (const id of model.people) {
          if (!model.digestConsent.has(id) || model.gone.has(id)) continue;
          const shareable: string[] = [];
          for (const offer of await docs(world, 'offer')) {
            const { publisherId, status } = offer.data as { publisherId: string; status: string };
            if (publisherId !== id || (status !== 'offered' && status !== 'seen')) continue;
            const events = await world.shift.as(id).offers.allowedEvents(offer.id);
            if (events.includes('SHARE')) shareable.push(offer.id);
          }
          expect(waiting.get(id) ?? [], `the digest of ${id}`).toEqual(shareable.sort());
        }
      },
    })),
  ),
  fc
    .tuple(
      // Mostly hours (offers and campaigns end within days); sometimes past the 60 days that make people dormant.
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 1, max: 72 }) },
        { weight: 1, arbitrary: fc.integer({ min: 30 * 24, max: 70 * 24 }) },
      ),
      fc.boolean(),
    )
    .map(
      ([hours, due]) =>
        new Step(`advance(${hours}h${due ? ', runDueTransitions' : ''})`, async (_model, world) => ({
          label: `advance the clock ${hours} h${due ? ' and run due transitions' : ''}`,
          run: async () => {
            world.clock.advance(hours * HOUR);
            if (due) await world.shift.system.runDueTransitions();
          },
          async succeeded() {
            if (due) await nothingDue(world);
          },
        })),
    ),
  // The workflow steps again (the post workflow's twice): chains of steps on one entity come more often.
  contributionSteps,
  postSteps,
  postSteps,
  campaignSteps,
  offerSteps,
];

export async function initial(
  options: Partial<SocialShiftOptions> = {},
): Promise<{ model: Model; real: Real }> {
  const world = await createTestProgramme(options);
  const { master, editor, creator, publisher, external, outsider } = world.people;
  const asMaster = world.shift.as(master);
  // A second pillar, and an editor scoped to the first: the `assigned` rules then reach only part of the content.
  await asMaster.strategy.update({
    pillars: [
      { id: 'pillar_care', name: 'Care with a face' },
      { id: 'pillar_jobs', name: 'Jobs' },
    ],
  });
  const scoped = (await asMaster.people.add({ displayName: 'Sam Scoped' })).id;
  await asMaster.people.assignRole(scoped, { role: 'editor', scope: { pillarIds: ['pillar_care'] } });
  // A running campaign of one approved post: both publishers start with an offer.
  const postId = await anApprovedPost(world, { expiresAt: later(world, 30 * DAY) });
  await aRunningCampaign(world, [postId]);
  // A contribution and a post submitted for review, so sequences start in the middle of those workflows too.
  const contribution = await world.shift
    .as(creator)
    .contributions.create({ kind: 'text', title: 'Night shift', pillarIds: [world.pillarId] });
  await world.shift.as(creator).contributions.submit(contribution.id);
  const inReview = await world.shift
    .as(editor)
    .posts.create({ title: 'Open day', text: 'Come and meet us.', pillarIds: [world.pillarId] });
  await world.shift.as(editor).posts.submit(inReview.id);
  // The external publisher has shared their offer: the platforms have a share to report on from the start.
  const [offered] = await world.shift.as(external).offers.mine();
  await world.shift
    .as(external)
    .offers.share(offered?.offer.id ?? UNKNOWN, { platform: 'linkedin', idempotencyKey: 'seed' });
  const unscoped = (role: Role) => new Map<Role, readonly string[] | undefined>([[role, undefined]]);
  const model: Model = {
    people: [master, editor, creator, publisher, external, outsider, scoped],
    roles: new Map([
      [master, unscoped('master')],
      [editor, unscoped('editor')],
      [creator, unscoped('creator')],
      [publisher, unscoped('publisher')],
      [external, unscoped('publisher')],
      [scoped, new Map<Role, readonly string[] | undefined>([['editor', ['pillar_care']]])],
    ]),
    external: new Set([external]),
    gone: new Set(),
    names: new Map([
      [master, ['Mira Master']],
      [editor, ['Eddie Editor']],
      [creator, ['Cora Creator']],
      [publisher, ['Piet Publisher']],
      [external, ['Xander External']],
      [outsider, ['Olga Outsider']],
      [scoped, ['Sam Scoped']],
    ]),
    offerConsent: new Set([publisher, external]),
    digestConsent: new Set([publisher, external]),
    tracked: new Set([publisher, external]),
    platformKeys: new Map(),
    writers: new Map([
      [postId, new Set([editor])],
      [inReview.id, new Set([editor])],
    ]),
    shareKeys: new Map(),
    serial: 0,
  };
  return { model, real: { world } };
}

/** The ways a publisher leaves what they could share: their role revoked, consent withdrawn, leaving, erasure. */
export const EXITS = ['revokeRole', 'withdrawConsent', 'leave', 'erasePerson'] as const;
export type Exit = (typeof EXITS)[number];
const exitEvents = {
  revokeRole: 'role.revoked',
  withdrawConsent: 'consent.withdrawn',
  leave: 'person.left',
  erasePerson: 'person.erased',
};

/**
 * A second instance over the same store, whose storage calls fast-check schedules (random ids: the sequential ones of
 * the first instance would collide).
 */
function racingInstance(world: TestProgramme, s: fc.Scheduler): SocialShift {
  return createSocialShift({
    storage: scheduledStorage(world.storage, s),
    organisationId: ORG,
    clock: world.clock,
    ids: createRandomIds(world.clock),
  });
}

/** The publisher's exit, sent by whom may send it. */
function exitBy(racing: SocialShift, exit: Exit, master: string, publisher: string): Promise<unknown> {
  return exit === 'revokeRole'
    ? racing.as(master).people.revokeRole(publisher, { role: 'publisher' })
    : exit === 'withdrawConsent'
      ? racing.as(publisher).people.withdrawConsent()
      : exit === 'leave'
        ? racing.as(master).people.leave(publisher)
        : racing.as(master).privacy.erasePerson(publisher);
}

/** A command that lost a race failed with the SDK's typed error, never with another throw. */
function expectTypedRejections(outcomes: readonly PromiseSettledResult<unknown>[]): void {
  for (const outcome of outcomes)
    if (outcome.status === 'rejected')
      expect(isSocialShiftError(outcome.reason), String(outcome.reason)).toBe(true);
}

/**
 * ADR 106: a share that races with its publisher's exit either commits first or fails; it never lands after the exit.
 * The storage's calls resolve in the order `s` picks. `options` go to the test programme (its storage).
 */
export async function shareRacesExit(
  s: fc.Scheduler,
  exit: Exit,
  seenFirst: boolean,
  options: Partial<SocialShiftOptions> = {},
): Promise<void> {
  const { real } = await initial(options);
  const { world } = real;
  const { master, publisher } = world.people;
  const [mine] = await world.shift.as(publisher).offers.mine();
  const offerId = mine?.offer.id ?? UNKNOWN;
  if (seenFirst) await world.shift.as(publisher).offers.see(offerId);
  const racing = racingInstance(world, s);
  const share = racing.as(publisher).offers.share(offerId, { platform: 'linkedin', idempotencyKey: 'race' });
  const out = exitBy(racing, exit, master, publisher);
  const [shared, left] = await s.waitFor(Promise.allSettled([share, out]));
  expectTypedRejections([shared, left]);
  const events = await world.storage.readEvents(ORG);
  const recorded = events.find((e) => e.type === 'share.recorded' && e.actorId === publisher);
  const exited = events.find((e) => e.type === exitEvents[exit] && e.seq > 0);
  expect(recorded !== undefined, 'a share.recorded event exactly when the share succeeded').toBe(
    shared.status === 'fulfilled',
  );
  if (recorded && exited) expect(recorded.seq, `the share landed after ${exit}`).toBeLessThan(exited.seq);
  await checkStoredData(world);
}

/** ADR 106 too: a campaign that starts while a publisher exits offers them nothing after their exit. */
export async function campaignStartRacesExit(
  s: fc.Scheduler,
  exit: Exit,
  byRun: boolean,
  options: Partial<SocialShiftOptions> = {},
): Promise<void> {
  const { real } = await initial(options);
  const { world } = real;
  const { master, publisher } = world.people;
  const postId = await anApprovedPost(world, { expiresAt: later(world, 30 * DAY) });
  const campaign = await world.shift.as(master).campaigns.create({
    name: 'Autumn',
    pillarIds: [world.pillarId],
    postIds: [postId],
    audience: { everyone: true },
    startsAt: later(world, HOUR),
    endsAt: later(world, 14 * DAY),
  });
  await world.shift.as(master).campaigns.schedule(campaign.id);
  // Started by a master now, or by the scheduler's run at its start time.
  if (byRun) world.clock.advance(HOUR);
  const racing = racingInstance(world, s);
  const start = byRun ? racing.system.runDueTransitions() : racing.as(master).campaigns.start(campaign.id);
  const out = exitBy(racing, exit, master, publisher);
  expectTypedRejections(await s.waitFor(Promise.allSettled([start, out])));
  const events = await world.storage.readEvents(ORG);
  const exited = events.find((e) => e.type === exitEvents[exit]);
  const offered = events.filter(
    (e) =>
      e.type === 'offer.created' &&
      (e.data as { publisherId?: string; campaignId?: string }).publisherId === publisher &&
      (e.data as { campaignId?: string }).campaignId === campaign.id,
  );
  if (exited)
    for (const offer of offered)
      expect(offer.seq, `an offer to ${publisher} after ${exit}`).toBeLessThan(exited.seq);
  // An offer made before the exit ended with it (the exit expires open offers; a revoked role leaves them).
  if (exited && exit !== 'revokeRole')
    for (const doc of await docs(world, 'offer')) {
      const o = doc.data as { publisherId: string; status: string };
      if (o.publisherId === publisher) expect(['offered', 'seen'], doc.id).not.toContain(o.status);
    }
  await checkStoredData(world);
}
