import * as z from 'zod/mini';
import { EntityTypeSchema } from './entity-type.js';
import {
  IdempotencyKeySchema,
  IdListSchema,
  IdSchema,
  JsonDataSchema,
  TimestampSchema,
} from './primitives.js';
import {
  ConsentPurposeSchema,
  ContributionKindSchema,
  CycleStatusSchema,
  GoalPurposeSchema,
  PlatformSchema,
  RoleSchema,
} from './vocabulary.js';

/**
 * The entity fields an event set, as stored after it (`null`: the field was removed). Optional, so older events
 * stay valid; the SDK always writes it, so replaying the log rebuilds every entity (see `replayEvents`).
 *
 * @example
 * ```ts
 * EntityChangesSchema.parse({ status: 'approved', approvedBy: 'person_0002', reviewNote: null });
 * ```
 */
export const EntityChangesSchema = z.record(z.string(), z.unknown());
const changes = { changes: z.optional(EntityChangesSchema) };
const empty = z.strictObject(changes);
/** What every event about a platform interaction carries, so metrics need no lookups. */
const platformBase = {
  shareId: IdSchema,
  postId: IdSchema,
  campaignId: IdSchema,
  publisherId: IdSchema,
  platform: PlatformSchema,
};
/** How many interactions a platform event records (internal; the platform commands take it too). */
export const PlatformCountSchema = z._default(
  z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000_000)),
  1,
);

/**
 * The catalogue of domain events: for each event type, the schema of its `data`. Commands append these; what
 * happens on the platforms (clicks, reactions, comments, reshares, reach) comes in as `platform.*` events.
 * Metrics are computed from this log alone.
 */
export const eventPayloadSchemas = {
  'organisation.created': z.object({ ...changes, name: z.string() }),
  'programme.created': z.object({
    ...changes,
    name: z.string(),
    claimedPurposes: z._default(z.array(GoalPurposeSchema), []),
  }),
  'strategy.updated': z.object({ ...changes, strategyVersion: z.number().check(z.int(), z.minimum(1)) }),
  'cycle.started': z.object({
    ...changes,
    number: z.number().check(z.int(), z.minimum(1)),
    strategyVersion: z.number().check(z.int(), z.minimum(1)),
  }),
  'cycle.step_changed': z.object({ ...changes, from: CycleStatusSchema, to: CycleStatusSchema }),
  'cycle.measured': empty,
  'cycle.closed': empty,

  'team.created': z.object({
    ...changes,
    name: z.string(),
    department: z.optional(z.string()),
    location: z.optional(z.string()),
  }),
  'focus_group.created': z.object({ ...changes, name: z.string(), memberIds: z._default(IdListSchema, []) }),
  'focus_group.updated': z.object({ ...changes, memberIds: IdListSchema }),
  'person.added': z.object({
    ...changes,
    teamIds: z._default(IdListSchema, []),
    department: z.optional(z.string()),
    location: z.optional(z.string()),
    external: z._default(z.boolean(), false),
  }),
  'person.updated': z.object({
    ...changes,
    teamIds: z.optional(IdListSchema),
    department: z.optional(z.string()),
    location: z.optional(z.string()),
  }),
  'person.invited': empty,
  'person.activated': empty,
  'person.dormant': empty,
  'person.reactivated': empty,
  'person.left': empty,
  'person.erased': empty,
  'role.assigned': z.object({ ...changes, personId: IdSchema, role: RoleSchema }),
  'role.revoked': z.object({ ...changes, personId: IdSchema, role: RoleSchema }),
  'consent.given': z.object({
    ...changes,
    personId: IdSchema,
    purposes: z.array(ConsentPurposeSchema),
    termsVersion: z.string(),
  }),
  'consent.withdrawn': z.object({ ...changes, personId: IdSchema }),
  'account.linked': z.object({
    ...changes,
    personId: IdSchema,
    platform: PlatformSchema,
    networkSize: z.number().check(z.int(), z.minimum(0)),
  }),
  /** The account's handle was erased with its person's personal data (`changes` holds the pseudonym). */
  'account.erased': empty,

  'contribution.created': z.object({
    ...changes,
    creatorId: IdSchema,
    kind: ContributionKindSchema,
    pillarIds: z._default(IdListSchema, []),
  }),
  'contribution.submitted': z.object({ ...changes, creatorId: IdSchema }),
  'contribution.review_started': z.object({ ...changes, reviewerId: IdSchema }),
  'contribution.accepted': z.object({ ...changes, reviewerId: IdSchema }),
  'contribution.changes_requested': z.object({ ...changes, reviewerId: IdSchema }),
  'contribution.declined': z.object({ ...changes, reviewerId: IdSchema }),
  'contribution.used': z.object({ ...changes, postId: IdSchema }),
  'contribution.archived': empty,
  'contribution.updated': empty,

  'post.created': z.object({
    ...changes,
    authorId: IdSchema,
    pillarIds: z._default(IdListSchema, []),
    goalIds: z._default(IdListSchema, []),
    audienceIds: z._default(IdListSchema, []),
    contributionIds: z._default(IdListSchema, []),
  }),
  'post.updated': empty,
  'post.submitted': empty,
  'post.approved': z.object({ ...changes, approverId: IdSchema }),
  'post.changes_requested': z.object({ ...changes, reviewerId: IdSchema }),
  'post.scheduled': z.object({ ...changes, scheduledAt: TimestampSchema }),
  'post.offered': z.object({ ...changes, campaignId: IdSchema }),
  'post.expired': empty,
  'post.withdrawn': empty,
  'post.archived': empty,

  'campaign.created': z.object({
    ...changes,
    pillarIds: z._default(IdListSchema, []),
    goalIds: z._default(IdListSchema, []),
    postIds: z._default(IdListSchema, []),
  }),
  'campaign.updated': empty,
  'campaign.scheduled': empty,
  'campaign.started': empty,
  'campaign.paused': empty,
  'campaign.resumed': empty,
  'campaign.completed': empty,
  'campaign.evaluated': empty,
  'campaign.cancelled': empty,

  'offer.created': z.object({ ...changes, campaignId: IdSchema, postId: IdSchema, publisherId: IdSchema }),
  'offer.seen': z.object({ ...changes, publisherId: IdSchema }),
  'offer.declined': z.object({ ...changes, publisherId: IdSchema }),
  'offer.expired': empty,
  /** The offer's publisher shared it (the share itself is `share.recorded`, on the share). */
  'offer.shared': z.object({
    ...changes,
    publisherId: IdSchema,
    shareId: IdSchema,
    platform: PlatformSchema,
  }),
  'share.recorded': z.object({
    ...changes,
    offerId: IdSchema,
    postId: IdSchema,
    campaignId: IdSchema,
    publisherId: IdSchema,
    platform: PlatformSchema,
    /** The sharer's network size on that platform when they shared (0 when unknown). */
    networkSize: z._default(z.number().check(z.int(), z.minimum(0)), 0),
  }),
  /** What identified the sharer on the platform (sharer token, tracked link, external id) was erased. */
  'share.erased': empty,

  'platform.click': z.object(platformBase),
  'platform.reaction': z.object({ ...platformBase, count: PlatformCountSchema }),
  /** A comment or reply on a shared post; `byAmbassador` marks the ambassador conversing. */
  'platform.comment': z.object({ ...platformBase, byAmbassador: z.boolean(), count: PlatformCountSchema }),
  'platform.reshare': z.object({ ...platformBase, count: PlatformCountSchema }),
  'platform.reach': z.object({ ...platformBase, reach: z.number().check(z.int(), z.minimum(0)) }),
  /**
   * A retention run removed old raw platform events and keeps their figures here: one row per interaction type,
   * share and quarter hour, with the time of its first and last event, how many events it stands for and their
   * summed `count` (clicks: the number of clicks; reach: the summed reach). See `privacy.applyRetention`.
   */
  'platform.summary': z.object({
    events: z.number().check(z.int(), z.minimum(1)),
    rows: z
      .array(
        z.object({
          type: z.enum([
            'platform.click',
            'platform.reaction',
            'platform.comment',
            'platform.reshare',
            'platform.reach',
          ]),
          at: TimestampSchema,
          lastAt: TimestampSchema,
          events: z.number().check(z.int(), z.minimum(1)),
          count: z.number().check(z.int(), z.minimum(0)),
          ...platformBase,
          byAmbassador: z.optional(z.boolean()),
        }),
      )
      .check(z.minLength(1)),
  }),
} as const;

/** Every known event type, such as `post.approved` or `platform.click`. */
export type EventType = keyof typeof eventPayloadSchemas;
/** All event types, in catalogue order. */
export const EVENT_TYPES = Object.keys(eventPayloadSchemas) as EventType[];
/** Checks an {@link EventType} (a zod mini schema): one of {@link EVENT_TYPES}, anything else fails. */
export const EventTypeSchema = z.enum(EVENT_TYPES as [EventType, ...EventType[]]);

/** The payload of an event type. */
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloadSchemas)[T]>;

export { SYSTEM_ACTOR } from './system-actor.js';

/**
 * An append-only domain event: who (`actorId`), what (`type`, `data`), when (`at`), on which entity and at which
 * version of it. `seq` is the per-organisation position in the log, assigned by storage on commit; it is the cursor
 * for reading the log: it only grows and is never reused. Appends take consecutive numbers, but a retention run
 * leaves gaps (below), so page with `readEvents({ after })` and never assume the next event is at `seq + 1`. Events
 * are never changed or removed, except in two ways (docs/privacy.md). Erasure rewrites the personal fields of
 * earlier events in place (a name becomes a pseudonym, a handle "erased"; an e-mail, a share's sharer token, tracked
 * link and the platform's id of the post are removed); ids and `seq` stay, no event is removed. Retention removes
 * old platform events, which leaves gaps in `seq`, and puts a `platform.summary` event at the position of the
 * newest removed one of each part of 800.
 */
export const DomainEventSchema = z.strictObject({
  id: IdSchema,
  organisationId: IdSchema,
  seq: z.optional(z.number().check(z.int(), z.minimum(1))),
  type: EventTypeSchema,
  at: TimestampSchema,
  actorId: IdSchema,
  entityType: EntityTypeSchema,
  entityId: IdSchema,
  /** The entity's version after this event (0 for platform events that change no entity). */
  entityVersion: z.number().check(z.int(), z.minimum(0)),
  data: JsonDataSchema,
  idempotencyKey: z.optional(IdempotencyKeySchema),
});
/** A domain event, untyped payload. */
export type DomainEvent = z.infer<typeof DomainEventSchema>;

/** A domain event whose `data` is typed by its `type`. */
export type TypedDomainEvent<T extends EventType = EventType> = T extends EventType
  ? Omit<DomainEvent, 'type' | 'data'> & { type: T; data: EventPayload<T> }
  : never;

/**
 * Narrows an event to one type, with its payload's type (it does not check the payload: `eventPayloadSchemas[type]` does); a
 * stored event keeps its `seq`.
 *
 * @example
 * ```ts
 * events.filter((e) => isEventOfType(e, 'share.recorded')); // e.data.networkSize is a number
 * ```
 */
export function isEventOfType<E extends DomainEvent, T extends EventType>(
  event: E,
  type: T,
): event is E & TypedDomainEvent<T> {
  return event.type === type;
}
