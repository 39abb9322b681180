import { SocialShiftError } from '../errors/social-shift-error.js';
import {
  type ContributionPartial,
  createAggregate,
  type MetricsAggregate,
  type PersonPartial,
  type PlatformCounters,
  type PostPartial,
} from './metrics-aggregate.js';

const pick = <T>(later: T | undefined, earlier: T | undefined): T | undefined =>
  later !== undefined ? later : earlier;
const earliest = (a: string, b: string): string => (a === '' ? b : b === '' || a <= b ? a : b);
const latest = (a: string, b: string): string => (a >= b ? a : b);

function mergePerson(a: PersonPartial, b: PersonPartial): PersonPartial {
  return {
    teamIds: pick(b.teamIds, a.teamIds),
    department: pick(b.department, a.department),
    location: pick(b.location, a.location),
    external: pick(b.external, a.external),
    lifecycle: pick(b.lifecycle, a.lifecycle),
    consent: pick(b.consent, a.consent),
    flags: a.flags | b.flags,
    rolesTouched: a.rolesTouched | b.rolesTouched,
    rolesHeld: (a.rolesHeld & ~b.rolesTouched) | (b.rolesHeld & b.rolesTouched),
    accounts: a.accounts | b.accounts,
    shares: a.shares + b.shares,
    conversations: a.conversations + b.conversations,
    clicks: a.clicks + b.clicks,
    reactions: a.reactions + b.reactions,
    comments: a.comments + b.comments,
    potentialReach: a.potentialReach + b.potentialReach,
    lastShareAt: latest(a.lastShareAt, b.lastShareAt),
  };
}

function mergePost(a: PostPartial, b: PostPartial): PostPartial {
  return {
    pillarIds: pick(b.pillarIds, a.pillarIds),
    goalIds: pick(b.goalIds, a.goalIds),
    flags: a.flags | b.flags,
    submittedAt: earliest(a.submittedAt, b.submittedAt),
    approvedAt: earliest(a.approvedAt, b.approvedAt),
    offeredAt: earliest(a.offeredAt, b.offeredAt),
    shares: a.shares + b.shares,
    clicks: a.clicks + b.clicks,
    reactions: a.reactions + b.reactions,
    comments: a.comments + b.comments,
    conversations: a.conversations + b.conversations,
    potentialReach: a.potentialReach + b.potentialReach,
  };
}

function mergeContribution(a: ContributionPartial, b: ContributionPartial): ContributionPartial {
  return {
    creatorId: pick(b.creatorId, a.creatorId),
    pillarIds: pick(b.pillarIds, a.pillarIds),
    postId: pick(b.postId, a.postId),
    flags: a.flags | b.flags,
    submittedAt: earliest(a.submittedAt, b.submittedAt),
  };
}

function mergeMaps<V>(
  a: Map<string, V>,
  b: Map<string, V>,
  combine: (x: V, y: V) => V,
  copy: (x: V) => V,
): Map<string, V> {
  const out = new Map<string, V>();
  for (const [key, value] of a) out.set(key, copy(value));
  for (const [key, value] of b) {
    const existing = out.get(key);
    out.set(key, existing === undefined ? copy(value) : combine(existing, value));
  }
  return out;
}

const addArrays = (a: readonly number[], b: readonly number[]): number[] => a.map((x, i) => x + (b[i] ?? 0));

function mergePlatforms(a: PlatformCounters, b: PlatformCounters): PlatformCounters {
  return {
    shares: addArrays(a.shares, b.shares),
    clicks: addArrays(a.clicks, b.clicks),
    reactions: addArrays(a.reactions, b.reactions),
    comments: addArrays(a.comments, b.comments),
    conversations: addArrays(a.conversations, b.conversations),
    reshares: addArrays(a.reshares, b.reshares),
    reportedReach: addArrays(a.reportedReach, b.reportedReach),
    potentialReach: addArrays(a.potentialReach, b.potentialReach),
  };
}

/**
 * Merges two aggregates of the same window, where `later` holds the events that come after `earlier`'s in the
 * log (consecutive partitions: months, file chunks, shards in log order). The result equals folding both
 * partitions' events in order into one aggregate, and merging is associative. Neither input is changed.
 *
 * @example
 * ```ts
 * const whole = mergeAggregates(foldEvents(firstHalf), foldEvents(secondHalf));
 * ```
 */
export function mergeAggregates(earlier: MetricsAggregate, later: MetricsAggregate): MetricsAggregate {
  if (earlier.window.from !== later.window.from || earlier.window.to !== later.window.to) {
    throw new SocialShiftError(
      'VALIDATION',
      'Only aggregates of the same window can be merged: create both with the same from/to.',
      {
        details: { issues: [{ path: ['window'], message: 'The windows differ.', code: 'custom' }] },
      },
    );
  }
  const out = createAggregate();
  return {
    ...out,
    window: earlier.window,
    events: earlier.events + later.events,
    eventsInWindow: earlier.eventsInWindow + later.eventsInWindow,
    firstAt: earliest(earlier.firstAt, later.firstAt),
    lastAt: latest(earlier.lastAt, later.lastAt),
    persons: mergeMaps(earlier.persons, later.persons, mergePerson, (p) => ({ ...p })),
    posts: mergeMaps(earlier.posts, later.posts, mergePost, (p) => ({ ...p })),
    contributions: mergeMaps(earlier.contributions, later.contributions, mergeContribution, (c) => ({
      ...c,
    })),
    teams: mergeMaps(
      earlier.teams,
      later.teams,
      (_, y) => ({ ...y }),
      (t) => ({ ...t }),
    ),
    platforms: mergePlatforms(earlier.platforms, later.platforms),
    series: mergeMaps(earlier.series, later.series, addArrays, (row) => [...row]),
  };
}
