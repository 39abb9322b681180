import * as z from 'zod/mini';
import { invalidValue } from '../../errors/invalid-value.js';
import { SocialShiftError } from '../../errors/social-shift-error.js';
import { compareText } from '../../model/compare-text.js';
import type { Consent } from '../../model/consent.js';
import type { Offer } from '../../model/offer.js';
import type { Person } from '../../model/person.js';
import type { Post } from '../../model/post.js';
import { ExternalIdSchema, IdempotencyKeySchema, IdSchema, MAX_URL_LENGTH } from '../../model/primitives.js';
import type { Share } from '../../model/share.js';
import { PlatformSchema } from '../../model/vocabulary.js';
import type { Actor, PermissionTarget } from '../../roles/role-check.js';
import { ambassadorWorkflow } from '../../workflows/ambassador.js';
import { campaignWorkflow } from '../../workflows/campaign.js';
import { offerWorkflow } from '../../workflows/offer.js';
import { postWorkflow } from '../../workflows/post.js';
import type { CommandInput } from '../command-input.js';
import { hasConsentFor, hasOfferConsent } from '../consent.js';
import { settleCampaign, settleOffer, settlePost } from '../due-transitions.js';
import { readGuard } from '../guards.js';
import { idempotencySlot, runIdempotent } from '../idempotency.js';
import { RAW_PLATFORM_EVENT_TYPES } from '../retention.js';
import type { EntityWrite, New, Runtime } from '../runtime.js';
import {
  authorize,
  checkId,
  commitFirst,
  entityWrite,
  find,
  inOrder,
  invalidTransition,
  isAllowedFor,
  list,
  load,
  loadActor,
  nextOf,
  nextState,
  now,
  parseInput,
  permittedEvents,
} from '../runtime.js';
import type { ShareWithFigures } from '../share-figures.js';
import { shareFigures } from '../share-figures.js';

/** The events of the offer workflow. */
export type OfferEvent = (typeof offerWorkflow.events)[number];

/**
 * Input of `offers.share`.
 *
 * @example
 * ```ts
 * const result = ShareInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const ShareInputSchema = z.strictObject({
  platform: PlatformSchema,
  /** A key the caller reuses when it retries: a retry records nothing new and returns the first share. */
  idempotencyKey: IdempotencyKeySchema,
  /** The platform's id of the shared post, when known. */
  externalId: z.optional(ExternalIdSchema),
});
/** Input of `offers.share`. */
export type ShareInput = CommandInput<z.input<typeof ShareInputSchema>>;
const ListSchema = z.strictObject({ campaignId: z.optional(IdSchema) });
/** How often `myShares` reads the figures when retention runs meanwhile, before it gives up with CONFLICT. */
const FIGURE_READS = 3;
/** Options of `offers.myShares`: how many of the newest shares (1 to 100, default 20), after which one. */
const MySharesSchema = z.strictObject({
  limit: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  before: z.optional(IdSchema),
});

/**
 * An offer with the post it offers.
 *
 * @example
 * ```ts
 * for (const { offer, post } of await shift.as(publisherId).offers.mine()) console.log(post.title, offer.status);
 * ```
 */
export interface OfferWithPost {
  readonly offer: Offer;
  readonly post: Post;
}

const targetOf = (offer: Offer): PermissionTarget => ({ ownerId: offer.publisherId });

/** Whether a person may be tracked: not erased, and a consent for `tracking` that is not withdrawn. */
const mayTrackWith = (person: Person, consents: readonly Consent[]): boolean =>
  person.erasedAt === undefined && hasConsentFor(consents, person.id, 'tracking');

/**
 * The times of earlier shares a share policy gets: those in its window (`lookbackMs` before the attempt's `at`, not
 * a later reading of the clock) when it declares one, else all; oldest first.
 */
const shareTimesSince = (
  shares: readonly Share[],
  lookbackMs: number | undefined,
  nowMs: number,
): string[] => {
  const times = shares.map((s) => s.sharedAt);
  const since = lookbackMs === undefined ? undefined : nowMs - lookbackMs;
  return (since === undefined ? times : times.filter((t) => Date.parse(t) >= since)).sort();
};

/**
 * Offer commands and queries, acting as one person. An external publisher only ever sees offers made to them.
 *
 * @example
 * ```ts
 * const [first] = await shift.as(publisherId).offers.mine();
 * if (first) await shift.as(publisherId).offers.share(first.offer.id, { platform: 'linkedin', idempotencyKey: 'req-1' });
 * ```
 */
export interface OfferCommands {
  /** The offers made to this person, newest first, each with its post. */
  mine(): Promise<OfferWithPost[]>;
  /**
   * This person's shares, newest first (`limit`, 1 to 100, default 20), each with its post and what the platforms
   * reported about it (clicks, reactions, comments, reshares, reach), including what retention kept of older
   * platform events in its summaries. Empty for someone who may not read their offers (left, erased, no longer a
   * publisher).
   */
  myShares(options?: {
    readonly limit?: number | undefined;
    /** The id of the last share of the page before: the shares older than it (a next page). */
    readonly before?: string | undefined;
  }): Promise<ShareWithFigures[]>;
  /** One offer this person may read, with its post. */
  get(offerId: string): Promise<OfferWithPost>;
  /** Every offer this person may read (master and editors: all; publishers: their own). */
  list(filter?: { campaignId?: string | undefined }): Promise<Offer[]>;
  /** Marks the offer seen. */
  see(offerId: string): Promise<Offer>;
  /** Declines the offer: it is not shared; declined is final. */
  decline(offerId: string): Promise<Offer>;
  /**
   * Shares the offered post on a platform: checks consent and the share policy, tags the link, records a Share.
   * Idempotent per key.
   */
  share(offerId: string, input: ShareInput): Promise<Share>;
  /** The workflow events this person may send on the offer now. */
  allowedEvents(offerId: string): Promise<OfferEvent[]>;
}

/** Makes the offer commands for one actor. */
export function offerCommands(rt: Runtime, actorId: string): OfferCommands {
  const loadOffer = async (offerId: string) =>
    (await settleOffer(rt, await load(rt, 'offer', checkId(offerId, 'offerId')))).offer;

  const hasConsent = (actor: Actor, consents: readonly Consent[]) =>
    hasOfferConsent(consents, actor.person.id) &&
    (actor.person.status === 'active' || actor.person.status === 'dormant');
  const consentOf = async (actor: Actor) =>
    hasConsent(actor, await list(rt, 'consent', { personId: actor.person.id }));

  const requireConsentIn = (actor: Actor, consents: readonly Consent[]) => {
    if (hasConsent(actor, consents)) return;
    throw new SocialShiftError(
      'CONSENT_REQUIRED',
      `${actor.person.displayName} has not given consent for offers: ask them to (people.consent).`,
      { details: { personId: actor.person.id, purpose: 'offers' } },
    );
  };

  const respond = async (offerId: string, event: 'SEE' | 'DECLINE'): Promise<Offer> => {
    const actor = await loadActor(rt, actorId);
    const offer = await loadOffer(offerId);
    authorize(rt, actor, 'offers.respond', targetOf(offer));
    const status = nextState(offerWorkflow, offer, event);
    const at = now(rt);
    const after: Offer =
      event === 'SEE' ? { ...offer, status, seenAt: at } : { ...offer, status, respondedAt: at };
    return commitFirst<Offer>(rt, actorId, [
      entityWrite('offer', offer, after, offerWorkflow.config.events[event].domainEvent, {
        publisherId: actor.person.id,
      }),
    ]);
  };

  const share = async (offerId: string, input: ShareInput): Promise<Share> => {
    const parsed = parseInput('share', ShareInputSchema, input);
    const id = checkId(offerId, 'offerId');
    const slot = idempotencySlot('offers.share', parsed.idempotencyKey, {
      offerId: id,
      platform: parsed.platform,
      externalId: parsed.externalId,
      actorId,
    });
    // The reads that depend on nothing else start now, alongside the idempotency lookup (on a database server
    // they overlap instead of queueing); their errors are raised in this order once the key is known to be new,
    // so the answer does not depend on timing. A retry of a known key wastes them and answers from the record.
    // The guard of what the publisher may still do comes first: withdrawing consent, leaving, erasure and a role
    // revoked write it, so a share that read the person before one of those commits gets CONFLICT (ADR 106).
    const firstReads = inOrder([
      readGuard(rt, `shares:${actorId}`),
      loadActor(rt, actorId),
      load(rt, 'offer', id),
      list(rt, 'consent', { personId: actorId }),
      list(rt, 'social_account', { personId: actorId }),
    ] as const);
    firstReads.catch(() => undefined);
    return runIdempotent(
      rt,
      slot,
      async () => {
        const [guard, actor, storedOffer, consents, accounts] = await firstReads;
        const offer = (await settleOffer(rt, storedOffer)).offer;
        authorize(rt, actor, 'offers.respond', targetOf(offer));
        requireConsentIn(actor, consents);
        const status = nextState(offerWorkflow, offer, 'SHARE');
        const [storedPost, storedCampaign] = await inOrder([
          load(rt, 'post', offer.postId),
          load(rt, 'campaign', offer.campaignId),
        ] as const);
        const post = (await settlePost(rt, storedPost)).post;
        const campaign = (await settleCampaign(rt, storedCampaign)).campaign;
        // One offer may be shared on several platforms, but only while its post is on offer and its campaign runs.
        if (post.status !== 'offered')
          throw invalidTransition(
            postWorkflow,
            post,
            'SHARE',
            `The post is ${post.status}: it can no longer be shared.`,
          );
        if (campaign.status !== 'running')
          throw invalidTransition(
            campaignWorkflow,
            campaign,
            'SHARE',
            `The campaign is ${campaign.status}: shares are recorded only while it runs.`,
          );
        const at = now(rt);
        const policy = rt.sharePolicy;
        if (policy) {
          // Only a share policy reads the publisher's earlier shares and the organisation's time zone: without one
          // a share costs the same with 10 or 10,000 earlier shares. A policy that counts earlier shares (a limit
          // per day) reads them behind the guard read first: of two shares checked at once, one commits, the other
          // gets CONFLICT.
          const looksBack = policy.lookbackMs !== 0;
          const [shares, organisation] = await Promise.all([
            looksBack ? list(rt, 'share', { publisherId: actor.person.id }) : [],
            find(rt, 'organisation', rt.organisationId),
          ]);
          // Every caption the publisher may share on the platform (each of its variants, else the base text; caption
          // rotation hands different ones to different publishers) passes the policy, not only the first.
          const variants = post.variants.filter((v) => v.platform === parsed.platform);
          // Awaited: a policy may ask a service (a blocklist, a limit kept in a database) before it answers.
          for (const { text } of variants.length > 0 ? variants : [post])
            await policy({
              organisationId: rt.organisationId,
              publisherId: actor.person.id,
              postId: post.id,
              campaignId: campaign.id,
              platform: parsed.platform,
              text,
              at,
              timeZone: organisation?.timeZone ?? 'UTC',
              previousShareTimes: shareTimesSince(shares, policy.lookbackMs, Date.parse(at)),
            });
        }
        // The link tracker (UTM tags and a sharer token) only for people who consented to tracking; otherwise
        // the share carries the post's own link and no token, and the tracker never hears of this publisher.
        const tracked = mayTrackWith(actor.person, consents)
          ? await rt.links.track({
              organisationId: rt.organisationId,
              link: post.link,
              platform: parsed.platform,
              campaignId: campaign.id,
              postId: post.id,
              publisherId: actor.person.id,
            })
          : { url: post.link, sharerToken: undefined };
        // The tracker adds its parameters (and percent-encodes the link): a long link can outgrow what a share
        // stores, which is the post's link to fix, not the publisher's input.
        if (tracked.url !== undefined && tracked.url.length > MAX_URL_LENGTH)
          throw new SocialShiftError(
            'LIMIT_EXCEEDED',
            `The post's link has ${tracked.url.length} characters once tracked, over ${MAX_URL_LENGTH}: give the link tracker a shortener, or write a post with a shorter link (an approved post cannot be edited).`,
            {
              details: {
                limit: MAX_URL_LENGTH,
                actual: tracked.url.length,
                what: 'tracked link',
                path: ['link'],
              },
            },
          );
        const networkSize = accounts.find((a) => a.platform === parsed.platform)?.networkSize ?? 0;
        const shareEntity: New<Share> = {
          id: rt.ids.next('share'),
          offerId: offer.id,
          postId: post.id,
          campaignId: campaign.id,
          publisherId: actor.person.id,
          platform: parsed.platform,
          sharedAt: at,
          trackedUrl: tracked.url,
          sharerToken: tracked.sharerToken,
          externalId: parsed.externalId,
        };
        const writes: EntityWrite[] = [
          entityWrite('share', undefined, shareEntity, 'share.recorded', {
            offerId: offer.id,
            postId: post.id,
            campaignId: campaign.id,
            publisherId: actor.person.id,
            platform: parsed.platform,
            networkSize,
          }),
          entityWrite(
            'offer',
            offer,
            { ...offer, status, respondedAt: offer.respondedAt ?? at },
            'offer.shared',
            { publisherId: actor.person.id, shareId: shareEntity.id, platform: parsed.platform },
          ),
        ];
        if (nextOf(ambassadorWorkflow, actor.person.status, 'REACTIVATE') !== undefined) {
          writes.push(
            entityWrite(
              'person',
              actor.person,
              { ...actor.person, status: 'active', lastActiveAt: at },
              'person.reactivated',
            ),
          );
        }
        return commitFirst<Share>(rt, actorId, writes, {
          idempotency: { ...slot, result: (done) => ({ share: done.entities[0] as never }) },
          guards: [guard],
        });
      },
      (stored) => stored.share as unknown as Share,
    );
  };

  // The post as it is now: one past its `expiresAt` expires on this read, as the offer does.
  const withPost = async (offer: Offer): Promise<OfferWithPost> => ({
    offer,
    post: (await settlePost(rt, await load(rt, 'post', offer.postId))).post,
  });

  return {
    async mine() {
      const actor = await loadActor(rt, actorId);
      // Filtered like every list: someone who left, was erased or lost the publisher role reads nothing.
      if (!isAllowedFor(rt, actor, 'offers.read', { ownerId: actor.person.id })) return [];
      const offers = await list(rt, 'offer', { publisherId: actorId });
      const settled = await Promise.all(offers.map(async (o) => (await settleOffer(rt, o)).offer));
      settled.sort((a, b) => compareText(b.offeredAt, a.offeredAt));
      return Promise.all(settled.map(withPost));
    },
    async myShares(options = {}) {
      const { limit, before: last } = parseInput('share list', MySharesSchema, options);
      const actor = await loadActor(rt, actorId);
      if (!isAllowedFor(rt, actor, 'offers.read', { ownerId: actor.person.id })) return [];
      // Newest first; shares of the same millisecond by id, so a page is stable (`sharedAt` has one fixed form).
      const key = (share: Share) => `${share.sharedAt}\0${share.id}`;
      const all = (await list(rt, 'share', { publisherId: actorId })).sort((a, b) =>
        compareText(key(b), key(a)),
      );
      // The next page starts after the last share of the page before.
      const from = last === undefined ? 0 : all.findIndex((share) => share.id === last) + 1;
      if (from === 0 && last !== undefined)
        throw invalidValue(
          'share list',
          ['before'],
          `No share "${last}" of yours: give the last share of a page.`,
        );
      const shares = all.slice(from, from + limit);
      if (shares.length === 0) return [];
      // Retention keeps older figures in summary events of the organisation (their entity).
      const readSummaries = () =>
        rt.storage.readEvents(rt.organisationId, {
          entityId: rt.organisationId,
          types: ['platform.summary'],
        });
      const readRawEvents = () =>
        Promise.all(
          shares.map((share) =>
            rt.storage.readEvents(rt.organisationId, {
              entityId: share.id,
              types: [...RAW_PLATFORM_EVENT_TYPES],
            }),
          ),
        );
      const [posts, before] = await inOrder([
        Promise.all(
          [...new Set(shares.map((share) => share.postId))].map(
            async (id) => (await settlePost(rt, await load(rt, 'post', id))).post,
          ),
        ),
        readSummaries(),
      ] as const);
      // A retention run moves raw events into a summary in one transaction. When the summaries read before and
      // after the raw events differ, one ran in between (its events would count twice, or not at all): read again.
      let summaries = before;
      let events = await readRawEvents();
      for (let attempt = 1; ; attempt++) {
        const after = await readSummaries();
        if (after.length === summaries.length && after.every((e, i) => e.seq === summaries[i]?.seq)) break;
        if (attempt === FIGURE_READS)
          throw new SocialShiftError(
            'CONFLICT',
            `Retention ran ${attempt} times while the shares' figures were read: read them again.`,
            {
              details: {
                entityType: 'event',
                id: rt.organisationId,
                expectedVersion: summaries.length,
                actualVersion: after.length,
              },
            },
          );
        summaries = after;
        events = await readRawEvents();
      }
      const postById = new Map(posts.map((post) => [post.id, post]));
      return shares.map((share, i) => ({
        share,
        post: postById.get(share.postId) as Post,
        figures: shareFigures(share.id, events[i] ?? [], summaries),
      }));
    },
    async get(offerId) {
      const actor = await loadActor(rt, actorId);
      const offer = await loadOffer(offerId);
      authorize(rt, actor, 'offers.read', targetOf(offer));
      return withPost(offer);
    },
    async list(filter = {}) {
      const { campaignId } = parseInput('offer filter', ListSchema, filter);
      const actor = await loadActor(rt, actorId);
      // Someone who may read only their own offers (a publisher) reads those by the publisher's index, also of one
      // campaign (whose offers are thousands: with both fields in `where`, adapters and PostgreSQL's planner read
      // the campaign's), not all of them: an organisation's offers grow by thousands a campaign.
      const offers = await list(
        rt,
        'offer',
        isAllowedFor(rt, actor, 'offers.read', { ownerId: '' })
          ? campaignId
            ? { campaignId }
            : undefined
          : { publisherId: actorId },
      );
      return offers.filter(
        (o) =>
          o.campaignId === (campaignId ?? o.campaignId) &&
          isAllowedFor(rt, actor, 'offers.read', targetOf(o)),
      );
    },
    see: (offerId) => respond(offerId, 'SEE'),
    decline: (offerId) => respond(offerId, 'DECLINE'),
    share,
    async allowedEvents(offerId) {
      const actor = await loadActor(rt, actorId);
      const offer = await loadOffer(offerId);
      if (!isAllowedFor(rt, actor, 'offers.read', targetOf(offer))) return [];
      // SHARE only when share would take it: with consent, the post on offer and its campaign running.
      const shareable =
        (await consentOf(actor)) &&
        (await withPost(offer)).post.status === 'offered' &&
        (await settleCampaign(rt, await load(rt, 'campaign', offer.campaignId))).campaign.status ===
          'running';
      return permittedEvents(rt, actor, offerWorkflow, offer.status, targetOf(offer), (event) =>
        event === 'SHARE' ? shareable : true,
      );
    },
  };
}
