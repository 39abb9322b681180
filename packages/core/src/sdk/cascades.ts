// Transitions that pull others along: a running campaign offers its posts; an ended post, campaign or offer
// expires what hangs on it. Shared by the commands and by the time-driven `runDueTransitions`.
import type { Campaign } from '../model/campaign.js';
import type { FocusGroup } from '../model/focus-group.js';
import type { Offer } from '../model/offer.js';
import type { Person } from '../model/person.js';
import type { Post } from '../model/post.js';
import { campaignWorkflow } from '../workflows/campaign.js';
import { offerWorkflow } from '../workflows/offer.js';
import { postWorkflow } from '../workflows/post.js';
import { hasOfferConsent } from './consent.js';
import { readGuard } from './guards.js';
import type { EntityWrite, Guard, New, Runtime } from './runtime.js';
import { compact, entityWrite, find, list, now } from './runtime.js';

/**
 * The people a campaign's audience names, by whether they hold the publisher role and consent or not: everyone,
 * its teams' members, the people it lists and its focus groups' members.
 */
export async function audiencePeople(rt: Runtime, audience: Campaign['audience']): Promise<Person[]> {
  const [people, groups] = await Promise.all([
    list(rt, 'person'),
    audience.focusGroupIds.length > 0 ? list(rt, 'focus_group') : Promise.resolve([] as FocusGroup[]),
  ]);
  const members = new Set(
    groups.filter((g) => audience.focusGroupIds.includes(g.id)).flatMap((g) => g.memberIds),
  );
  // Nobody who left or was erased: no campaign reaches them again, so no scope need reach their teams either.
  return people.filter(
    (person) =>
      person.status !== 'left' &&
      !person.erasedAt &&
      (audience.everyone ||
        audience.personIds.includes(person.id) ||
        members.has(person.id) ||
        person.teamIds.some((team) => audience.teamIds.includes(team))),
  );
}

/** The publishers a campaign targets: active (or dormant) people with the publisher role and consent. */
export async function targetedPublishers(rt: Runtime, campaign: Campaign): Promise<Person[]> {
  const [people, assignments, consents] = await Promise.all([
    audiencePeople(rt, campaign.audience),
    list(rt, 'role_assignment', { role: 'publisher' }),
    list(rt, 'consent'),
  ]);
  const publishers = new Set(assignments.filter((a) => a.revokedAt === undefined).map((a) => a.personId));
  return people.filter(
    (person) =>
      publishers.has(person.id) &&
      (person.status === 'active' || person.status === 'dormant') &&
      hasOfferConsent(consents, person.id),
  );
}

const earliest = (...times: (string | undefined)[]): string | undefined =>
  times.filter((t): t is string => t !== undefined).sort()[0];

/**
 * The writes that start (or resume) a campaign: the campaign runs, each of its offerable posts is offered
 * (`OFFER`), and each targeted publisher gets one offer per post (never twice for the same campaign, post and
 * publisher). On resume, only publishers who joined the audience since get new offers. A post scheduled for
 * later (`scheduledAt`) waits: `runDueTransitions` offers it at that time ({@link duePostWrites}).
 */
export async function startCampaignWrites(
  rt: Runtime,
  campaign: Campaign,
  event: 'START' | 'RESUME' = 'START',
): Promise<GuardedWrites> {
  const running: Campaign = { ...campaign, status: 'running' };
  const { writes, guards } = await offerWrites(rt, running, event);
  return {
    writes: [
      entityWrite('campaign', campaign, running, campaignWorkflow.config.events[event].domainEvent),
      ...writes,
    ],
    guards,
  };
}

/**
 * The writes that offer, in a running campaign, its posts whose scheduled time has come to each targeted publisher
 * who has no offer of them yet: those it has not offered, and those on offer to people who joined the audience since
 * (became a publisher, consented, joined a team), as starting or resuming the campaign would have.
 */
export async function duePostWrites(rt: Runtime, campaign: Campaign): Promise<GuardedWrites> {
  // Read before the campaign is read again: pausing or ending it writes it, so no offer commits after that (ADR 106).
  const guard = await readGuard(rt, `campaign:${campaign.id}`);
  const current = await find(rt, 'campaign', campaign.id);
  if (current?.status !== 'running') return { writes: [], guards: [] };
  const { writes, guards } = await offerWrites(rt, current, 'DUE');
  return { writes, guards: [guard, ...guards] };
}

/** Writes to commit with the guards their checks read (`commit(…, { guards })`). */
export interface GuardedWrites {
  readonly writes: EntityWrite[];
  readonly guards: Guard[];
}

async function offerWrites(
  rt: Runtime,
  campaign: Campaign,
  event: 'START' | 'RESUME' | 'DUE',
): Promise<GuardedWrites> {
  // Read before the people it offers to: taking someone out of them writes it (`leavingGuards`, ADR 106).
  const guards = [await readGuard(rt, 'offers')];
  const at = now(rt);
  const writes: EntityWrite[] = [];
  // The campaign's posts by id, not every post of the organisation (10,000 in a big one), read together (one round
  // trip on a store with batched reads).
  const [publishers, existing, posts] = await Promise.all([
    targetedPublishers(rt, campaign),
    list(rt, 'offer', { campaignId: campaign.id }),
    Promise.all([...new Set(campaign.postIds)].map((id) => find(rt, 'post', id))),
  ]);
  const offered = new Set(existing.map((o) => `${o.postId}\u0000${o.publisherId}`));
  for (const post of posts) {
    if (!post) continue;
    const next = postWorkflow.next(post.status, 'OFFER');
    if (next === undefined || (post.expiresAt !== undefined && post.expiresAt <= at)) continue;
    if (post.scheduledAt !== undefined && post.scheduledAt > at) continue;
    const newcomers = publishers.filter((publisher) => !offered.has(`${post.id}\u0000${publisher.id}`));
    // Nobody new: a resume or a due run offers nothing (a post on offer waits for people who join the audience, and
    // a due run offers it to them, as a resume would).
    if (newcomers.length === 0 && (event === 'RESUME' || (event === 'DUE' && post.status === next))) continue;
    writes.push(
      entityWrite('post', post, { ...post, status: next }, 'post.offered', { campaignId: campaign.id }),
    );
    for (const publisher of newcomers) {
      const offer: New<Offer> = {
        id: rt.ids.next('offer'),
        campaignId: campaign.id,
        postId: post.id,
        publisherId: publisher.id,
        status: offerWorkflow.config.initial,
        offeredAt: at,
        expiresAt: earliest(post.expiresAt, campaign.endsAt),
      };
      writes.push(
        entityWrite('offer', undefined, offer, 'offer.created', {
          campaignId: campaign.id,
          postId: post.id,
          publisherId: publisher.id,
        }),
      );
    }
  }
  return { writes, guards };
}

/** The writes that expire the open offers matching a filter. */
export async function expireOpenOffers(
  rt: Runtime,
  where: { readonly campaignId?: string; readonly postId?: string; readonly publisherId?: string },
): Promise<EntityWrite[]> {
  const offers = await list(rt, 'offer', compact({ ...where }));
  return offers
    .filter((offer) => offerWorkflow.next(offer.status, 'EXPIRE') !== undefined)
    .map((offer) => entityWrite('offer', offer, { ...offer, status: 'expired' as const }, 'offer.expired'));
}

/** The writes of a post leaving circulation (expired or withdrawn): the post and its open offers. */
export async function endPostWrites(
  rt: Runtime,
  post: Post,
  event: 'EXPIRE' | 'WITHDRAW',
): Promise<EntityWrite[]> {
  const status = event === 'EXPIRE' ? 'expired' : 'withdrawn';
  return [
    entityWrite('post', post, { ...post, status }, postWorkflow.config.events[event].domainEvent),
    ...(await expireOpenOffers(rt, { postId: post.id })),
  ];
}

/** Campaign states in which a campaign still offers, or will offer, its posts (until its end). */
const LIVE_CAMPAIGN: ReadonlySet<string> = new Set(['draft', 'scheduled', 'running', 'paused']);

/**
 * The writes that expire the posts on offer that no live campaign holds at `at`: one that is draft, scheduled,
 * running or paused and has not reached its end. `ending` (a campaign being ended) counts as not live.
 */
export function unheldPostWrites(
  posts: readonly Post[],
  campaigns: readonly Campaign[],
  at: string,
  ending?: Campaign,
): EntityWrite[] {
  const held = new Set(
    campaigns
      .filter((c) => c.id !== ending?.id && LIVE_CAMPAIGN.has(c.status) && c.endsAt > at)
      .flatMap((c) => c.postIds),
  );
  const candidates = ending === undefined ? undefined : new Set(ending.postIds);
  return posts
    .filter((post) => post.status === 'offered' && !held.has(post.id) && (candidates?.has(post.id) ?? true))
    .map((post) => entityWrite('post', post, { ...post, status: 'expired' as const }, 'post.expired'));
}

/**
 * Reads what decides whether a post on offer is still held by a campaign, behind the guard that serialises
 * those decisions: two campaigns that share a post and end at once would each see the other as live, and leave
 * the post on offer for good. The guard is written back with the commit (`CONFLICT` for the second: retry).
 */
export async function campaignPostsState(
  rt: Runtime,
): Promise<{ guard: Guard; posts: Post[]; campaigns: Campaign[] }> {
  const guard = await readGuard(rt, 'campaign-posts');
  const [posts, campaigns] = await Promise.all([
    list(rt, 'post', { status: 'offered' }),
    list(rt, 'campaign'),
  ]);
  return { guard, posts, campaigns };
}

/**
 * The writes of a campaign ending (completed or cancelled): the campaign, its open offers, and each of its posts
 * on offer that no other live campaign holds: those expire, since nothing can offer them any more (ADR 085). A post
 * another campaign still holds stays on offer there. Commit with `guards`.
 */
export async function endCampaignWrites(
  rt: Runtime,
  campaign: Campaign,
  event: 'COMPLETE' | 'CANCEL',
): Promise<GuardedWrites> {
  const status = campaignWorkflow.next(campaign.status, event) ?? campaign.status;
  // A due run that offers a post of this campaign commits it (duePostWrites).
  const offering = await readGuard(rt, `campaign:${campaign.id}`);
  // A campaign without posts decides about none: no guard, no reads of the others.
  const state = campaign.postIds.length > 0 ? await campaignPostsState(rt) : undefined;
  const offers = await expireOpenOffers(rt, { campaignId: campaign.id });
  const writes: EntityWrite[] = [
    entityWrite(
      'campaign',
      campaign,
      { ...campaign, status },
      campaignWorkflow.config.events[event].domainEvent,
    ),
    ...offers,
    ...(state ? unheldPostWrites(state.posts, state.campaigns, now(rt), campaign) : []),
  ];
  return { writes, guards: state ? [offering, state.guard] : [offering] };
}
