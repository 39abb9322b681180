import { SocialShiftError } from '../errors/social-shift-error.js';
import { checkEvent } from './check-event.js';
import { invalid } from './invalid.js';
import {
  CONTRIBUTION_FLAG,
  type ContributionPartial,
  checkAggregate,
  createAggregate,
  emptyContribution,
  emptyPerson,
  emptyPost,
  type MetricsAggregate,
  PERSON_FLAG,
  type PersonLifecycle,
  type PersonPartial,
  POST_FLAG,
  type PostPartial,
  SERIES_COLUMNS,
} from './metrics-aggregate.js';
import type { MetricsEvent } from './metrics-event.js';
import { ownValue } from './own-value.js';
import { platformIndex } from './platform-index.js';

/**
 * Bit per role, in `ROLES` order, as the aggregate stores roles.
 *
 * @example
 * ```ts
 * (person.rolesHeld & ROLE_BIT.publisher) !== 0; // holds the publisher role
 * ```
 */
export const ROLE_BIT = { master: 1, editor: 2, creator: 4, publisher: 8 } as const;

/** The entry of `id` in `map`, made with `make` when there is none yet. */
function entry<T>(map: Map<string, T>, id: string, make: () => T): T {
  let found = map.get(id);
  if (found === undefined) {
    found = make();
    map.set(id, found);
  }
  return found;
}

const person = (aggregate: MetricsAggregate, id: string): PersonPartial =>
  entry(aggregate.persons, id, emptyPerson);
const post = (aggregate: MetricsAggregate, id: string): PostPartial => entry(aggregate.posts, id, emptyPost);
const contribution = (aggregate: MetricsAggregate, id: string): ContributionPartial =>
  entry(aggregate.contributions, id, emptyContribution);

/**
 * The quarter-hour bucket of an ISO instant: `YYYY-MM-DDTHH` and the quarter 0–3. Every time zone's offset is a
 * multiple of 15 minutes, so periods in any zone are unions of these buckets.
 *
 * @example
 * ```ts
 * seriesBucket('2026-03-01T10:47:00.000Z'); // '2026-03-01T103'
 * ```
 */
export function seriesBucket(at: string): string {
  return at.slice(0, 13) + quarter(at);
}

/** The quarter of the hour (0–3) of an ISO instant. */
const quarter = (at: string): number => (((at.charCodeAt(14) - 48) * 10 + at.charCodeAt(15) - 48) / 15) | 0;

/** The last bucket used: logs come in time order, so most events fall in the bucket of the one before. */
let cachedSeries: Map<string, number[]> | undefined;
let cachedHour = '';
let cachedQuarter = 0;
let cachedRow: number[] = [];

function bump(aggregate: MetricsAggregate, at: string, column: number, by: number): void {
  const q = quarter(at);
  if (cachedSeries !== aggregate.series || q !== cachedQuarter || !at.startsWith(cachedHour)) {
    const key = seriesBucket(at);
    let row = aggregate.series.get(key);
    if (row === undefined) {
      row = [0, 0, 0, 0];
      aggregate.series.set(key, row);
    }
    cachedSeries = aggregate.series;
    cachedHour = key.slice(0, 13);
    cachedQuarter = q;
    cachedRow = row;
  }
  cachedRow[column] = (cachedRow[column] as number) + by;
}

/** Adds to a per-platform counter; an unknown platform (index -1) counts nowhere. */
function add(counters: number[], i: number, by: number): void {
  if (i >= 0) counters[i] = (counters[i] as number) + by;
}

const earliest = (current: string, at: string): string => (current === '' || at < current ? at : current);
export const latest = (current: string, at: string): string => (at > current ? at : current);

/**
 * What {@link foldActivity} folds: a share, the five raw platform interactions with a share, and an offer of a
 * post. The first four are also the columns of the series, in {@link SERIES_COLUMNS} order.
 */
export const ACTIVITY = {
  shared: 0,
  clicked: 1,
  reacted: 2,
  commented: 3,
  reshared: 4,
  reached: 5,
  offered: 6,
} as const;

/** The event type of each {@link ACTIVITY}, at its index. */
const ACTIVITY_TYPES = [
  'share.recorded',
  'platform.click',
  'platform.reaction',
  'platform.comment',
  'platform.reshare',
  'platform.reach',
  'offer.created',
];

/**
 * Counts the event at `at` and says where it falls: `1` inside the window, `0` before it (it still sets state),
 * `-1` at or after its end (ignored and not counted).
 */
function admit(aggregate: MetricsAggregate, at: string): number {
  const { from, to } = aggregate.window;
  if (to !== '' && at >= to) {
    aggregate.reachedEnd = true;
    return -1;
  }
  aggregate.events++;
  aggregate.firstAt = earliest(aggregate.firstAt, at);
  aggregate.lastAt = latest(aggregate.lastAt, at);
  if (at < from) return 0;
  aggregate.eventsInWindow++;
  return 1;
}

/** The post was offered, first at the earliest such time. */
function offered(aggregate: MetricsAggregate, at: string, postId: string): void {
  const q = post(aggregate, postId);
  q.flags |= POST_FLAG.offered;
  q.offeredAt = earliest(q.offeredAt, at);
}

/** Counts `amount` interactions of kind 1–5 inside the window (summaries count their events themselves). */
function interaction(
  aggregate: MetricsAggregate,
  at: string,
  kind: number,
  postId: string,
  publisherId: string,
  platform: number,
  amount: number,
  byAmbassador: boolean,
): void {
  const platforms = aggregate.platforms;
  if (kind > ACTIVITY.commented) {
    add(kind === ACTIVITY.reached ? platforms.reportedReach : platforms.reshares, platform, amount);
    return;
  }
  const field = SERIES_COLUMNS[kind] as 'clicks' | 'reactions' | 'comments';
  const p = person(aggregate, publisherId);
  const q = post(aggregate, postId);
  p[field] += amount;
  q[field] += amount;
  add(platforms[field], platform, amount);
  bump(aggregate, at, kind, amount);
  if (byAmbassador && kind === ACTIVITY.commented) {
    p.conversations += amount;
    q.conversations += amount;
    q.flags |= POST_FLAG.conversed;
    add(platforms.conversations, platform, amount);
  }
}

/**
 * Folds one activity on a post, given by its parts instead of an event: what {@link foldEvent} does for
 * `share.recorded` (`amount` is the network size), `platform.click`, `.reaction`, `.comment`, `.reshare` and
 * `.reach` (`amount` is the count or the reach) and `offer.created`. For readers that take events apart themselves
 * (a million lines of NDJSON): no event object, no type to switch on. `platform` is the index in
 * {@link METRIC_PLATFORMS} (-1 for none); `byAmbassador` counts a comment as a conversation.
 *
 * @example
 * ```ts
 * foldActivity(aggregate, ACTIVITY.clicked, '2026-03-01T10:47:00.000Z', postId, publisherId, 0, 1, false);
 * ```
 */
export function foldActivity(
  aggregate: MetricsAggregate,
  kind: number,
  at: string,
  postId: string,
  publisherId: string,
  platform: number,
  amount: number,
  byAmbassador: boolean,
): void {
  const where = admit(aggregate, at);
  if (where < 0) return;
  if (kind === ACTIVITY.offered) offered(aggregate, at, postId);
  else if (kind === ACTIVITY.shared) {
    const p = person(aggregate, publisherId);
    p.lastShareAt = latest(p.lastShareAt, at);
    if (where === 0) return;
    p.shares++;
    p.potentialReach += amount;
    const q = post(aggregate, postId);
    q.shares++;
    q.potentialReach += amount;
    q.flags |= POST_FLAG.shared;
    add(aggregate.platforms.shares, platform, 1);
    add(aggregate.platforms.potentialReach, platform, amount);
    bump(aggregate, at, kind, 1);
  } else if (where === 1)
    interaction(aggregate, at, kind, postId, publisherId, platform, amount, byAmbassador);
}

/** One row of a `platform.summary` event: the figures of `events` raw interactions of one type, share and quarter. */
interface SummaryRow {
  readonly type: string;
  readonly at: string;
  readonly lastAt: string;
  readonly events: number;
  readonly count: number;
}

/**
 * Folds a `platform.summary` (what a retention run kept of the raw platform events it removed) as if its raw events
 * were still in the log: each row counts at the time of its first event. The summary itself is not an event of
 * the figures. Windows that start and end on a quarter hour (every report period does) count exactly the same.
 */
function foldSummary(
  aggregate: MetricsAggregate,
  data: Readonly<Record<string, unknown>>,
  at: string,
): MetricsAggregate {
  const { from, to } = aggregate.window;
  if (to !== '' && at >= to) aggregate.reachedEnd = true;
  for (const row of data.rows as readonly (SummaryRow & Record<string, unknown>)[]) {
    if (to !== '' && row.lastAt >= to) aggregate.reachedEnd = true;
    if (to !== '' && row.at >= to) continue;
    aggregate.events += row.events;
    aggregate.firstAt = earliest(aggregate.firstAt, row.at);
    aggregate.lastAt = latest(aggregate.lastAt, row.lastAt);
    if (row.at < from) continue;
    aggregate.eventsInWindow += row.events;
    interaction(
      aggregate,
      row.at,
      ACTIVITY_TYPES.indexOf(row.type),
      row.postId as string,
      row.publisherId as string,
      platformIndex(row.platform as string),
      row.count,
      row.byAmbassador === true,
    );
  }
  return aggregate;
}

/**
 * Folds one event into the aggregate and returns it. For speed (live dashboards, a million events) it updates
 * the aggregate in place: keep the old one with `mergeAggregates(createAggregate(w), old)` if you need it.
 * Events of types the metrics do not use change nothing but the event count; events at or after the window's
 * end are ignored. A malformed event (no object, `at` not in the stored form, `data` not an object, a list field
 * that is no list) is a `VALIDATION` error and changes nothing; the other data fields are trusted.
 *
 * @example
 * ```ts
 * let aggregate = createAggregate();
 * for (const event of events) aggregate = foldEvent(aggregate, event);
 * ```
 */
export function foldEvent(aggregate: MetricsAggregate, event: MetricsEvent): MetricsAggregate {
  checkAggregate(aggregate);
  const at = checkEvent(event);
  const data = event.data;
  if (event.type === 'platform.summary') return foldSummary(aggregate, data, at);
  const kind = ACTIVITY_TYPES.indexOf(event.type);
  if (kind >= 0) {
    foldActivity(
      aggregate,
      kind,
      at,
      data.postId as string,
      data.publisherId as string,
      platformIndex(data.platform as string),
      (kind === ACTIVITY.shared
        ? (data.networkSize ?? 0)
        : kind === ACTIVITY.clicked
          ? 1
          : (data.count ?? data.reach ?? 1)) as number,
      data.byAmbassador as boolean,
    );
    return aggregate;
  }
  if (admit(aggregate, at) < 0) return aggregate;
  switch (event.type) {
    case 'post.offered':
      offered(aggregate, at, event.entityId);
      return aggregate;
    case 'post.created': {
      const q = post(aggregate, event.entityId);
      q.pillarIds = (data.pillarIds as string[] | undefined) ?? [];
      q.goalIds = (data.goalIds as string[] | undefined) ?? [];
      // The flag follows from `contribution.used`, which the SDK writes with each of them.
      q.contributionIds = (data.contributionIds as string[] | undefined) ?? [];
      return aggregate;
    }
    case 'post.submitted': {
      const q = post(aggregate, event.entityId);
      q.submittedAt = earliest(q.submittedAt, at);
      return aggregate;
    }
    case 'post.approved': {
      const q = post(aggregate, event.entityId);
      q.approvedAt = earliest(q.approvedAt, at);
      return aggregate;
    }
    // A post moved to other pillars or goals counts under the new ones: the update's `changes`.
    case 'post.updated': {
      const changes = data.changes as { pillarIds?: unknown; goalIds?: unknown } | undefined;
      const pillarIds = Array.isArray(changes?.pillarIds) ? (changes.pillarIds as string[]) : undefined;
      const goalIds = Array.isArray(changes?.goalIds) ? (changes.goalIds as string[]) : undefined;
      if (pillarIds || goalIds) {
        const q = post(aggregate, event.entityId);
        if (pillarIds) q.pillarIds = pillarIds;
        if (goalIds) q.goalIds = goalIds;
      }
      return aggregate;
    }
    case 'contribution.created': {
      const c = contribution(aggregate, event.entityId);
      c.creatorId = data.creatorId as string;
      c.pillarIds = (data.pillarIds as string[] | undefined) ?? [];
      return aggregate;
    }
    case 'contribution.submitted': {
      const c = contribution(aggregate, event.entityId);
      c.creatorId = data.creatorId as string;
      c.submittedAt = earliest(c.submittedAt, at);
      return aggregate;
    }
    case 'contribution.accepted':
      contribution(aggregate, event.entityId).flags |= CONTRIBUTION_FLAG.accepted;
      return aggregate;
    case 'contribution.declined':
      contribution(aggregate, event.entityId).flags |= CONTRIBUTION_FLAG.declined;
      return aggregate;
    case 'contribution.used': {
      const c = contribution(aggregate, event.entityId);
      c.flags |= CONTRIBUTION_FLAG.used;
      c.postId = data.postId as string;
      post(aggregate, data.postId as string).flags |= POST_FLAG.fromContribution;
      return aggregate;
    }
    case 'team.created': {
      aggregate.teams.set(event.entityId, {
        name: data.name as string,
        department: (data.department as string | undefined) ?? '',
        location: (data.location as string | undefined) ?? '',
      });
      return aggregate;
    }
    case 'person.added': {
      const p = person(aggregate, event.entityId);
      p.teamIds = (data.teamIds as string[] | undefined) ?? [];
      p.department = (data.department as string | undefined) ?? '';
      p.location = (data.location as string | undefined) ?? '';
      p.external = (data.external as boolean | undefined) ?? false;
      p.lifecycle = 'added';
      p.flags |= PERSON_FLAG.added;
      return aggregate;
    }
    case 'person.updated': {
      const p = person(aggregate, event.entityId);
      if (data.teamIds !== undefined) p.teamIds = data.teamIds as string[];
      if (data.department !== undefined) p.department = data.department as string;
      if (data.location !== undefined) p.location = data.location as string;
      // A status the update sets without an event of its own (withdrawing consent sets `invited`): the ambassador
      // statuses (`AMBASSADOR_STATUSES`), `candidate` as the aggregate's `added`; a regular expression, not a
      // lookup table, for the 10 KB budget of `./metrics`.
      const status = (data.changes as { status?: unknown } | null | undefined)?.status;
      if (status === 'candidate') p.lifecycle = 'added';
      else if (/^(invited|active|dormant|left)$/.test(status as string))
        p.lifecycle = status as PersonLifecycle;
      return aggregate;
    }
    case 'person.invited': {
      const p = person(aggregate, event.entityId);
      p.lifecycle = 'invited';
      p.flags |= PERSON_FLAG.invited;
      return aggregate;
    }
    case 'person.activated':
    case 'person.reactivated': {
      const p = person(aggregate, event.entityId);
      p.lifecycle = 'active';
      p.flags |= PERSON_FLAG.activated;
      return aggregate;
    }
    case 'person.dormant':
      person(aggregate, event.entityId).lifecycle = 'dormant';
      return aggregate;
    case 'person.left':
      person(aggregate, event.entityId).lifecycle = 'left';
      return aggregate;
    case 'person.erased':
      person(aggregate, event.entityId).lifecycle = 'erased';
      return aggregate;
    case 'role.assigned':
    case 'role.revoked': {
      const p = person(aggregate, data.personId as string);
      const bit = (ownValue(ROLE_BIT, data.role as string) as number | undefined) ?? 0;
      const assigned = event.type === 'role.assigned';
      if (bit === ROLE_BIT.publisher) {
        if (!assigned) {
          p.flags |= PERSON_FLAG.publisherEnded;
          p.publisherSince = '';
        } else if ((p.rolesHeld & bit) === 0) p.publisherSince = at;
      }
      p.rolesTouched |= bit;
      p.rolesHeld = assigned ? p.rolesHeld | bit : p.rolesHeld & ~bit;
      return aggregate;
    }
    case 'consent.given':
    case 'consent.withdrawn': {
      const p = person(aggregate, data.personId as string);
      const given = event.type === 'consent.given' && (data.purposes as string[]).includes('offers');
      if (!given) {
        p.flags |= PERSON_FLAG.consentEnded;
        p.consentSince = '';
      } else if (p.consent !== true) p.consentSince = at;
      p.consent = given;
      return aggregate;
    }
    case 'account.linked': {
      const i = platformIndex(data.platform as string);
      if (i >= 0) person(aggregate, data.personId as string).accounts |= 1 << i;
      return aggregate;
    }
    default:
      return aggregate;
  }
}

/**
 * Folds many events, in log order, into a new aggregate (the batch form of {@link foldEvent}), or into `into`.
 *
 * @param window - The window of the new aggregate; with `into`, unused: `into` keeps the window it was made with.
 * @param into - An aggregate to fold into, in place (a live dashboard's, page after page). A bad event throws
 *   `VALIDATION` naming its index, and the events before it stay folded into `into`: to keep `into` as it was when a
 *   page fails, fold the page into a new aggregate and `mergeInto(into, it)` once it has folded.
 *
 * @example
 * ```ts
 * const aggregate = foldEvents(bundle.events, { from: '2026-01-01T00:00:00.000Z' });
 * ```
 */
export function foldEvents(
  events: Iterable<MetricsEvent>,
  window: { from?: string | undefined; to?: string | undefined } = {},
  into?: MetricsAggregate,
): MetricsAggregate {
  if (typeof (events as Partial<Iterable<unknown>> | null)?.[Symbol.iterator] !== 'function')
    throw invalid('Give the events as an array or another iterable.', [], 'Not iterable.', 'custom');
  let aggregate = into ?? createAggregate(window);
  // Before the first event, so that the error is not put on it.
  checkAggregate(aggregate);
  let index = 0;
  for (const event of events) {
    try {
      aggregate = foldEvent(aggregate, event);
    } catch (error) {
      // Say which event: its index in the iterable, before the field.
      if (!(error instanceof SocialShiftError) || error.code !== 'VALIDATION') throw error;
      const issue = (error as SocialShiftError<'VALIDATION'>).details.issues[0];
      if (issue === undefined) throw error;
      throw invalid(
        error.message.replace('event:', `event ${index}:`),
        [index, ...issue.path],
        issue.message,
        'custom',
      );
    }
    index++;
  }
  return aggregate;
}
