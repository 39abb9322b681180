// The funnel no other product reports: creator → editor → publisher → conversation (contributions submitted in the
// window, accepted, used in posts; the posts made from them offered, shared, conversed on), and its lead times
// (submission to first offer, review to approval).
import {
  CONTRIBUTION_FLAG,
  type ContributionPartial,
  type MetricsAggregate,
  POST_FLAG,
  type PostPartial,
} from './metrics-aggregate.js';
import type { LeadTime, MetricsFigures } from './metrics-figures.js';

/** The content funnel of a window, with what the other figures need of it. */
export interface ContentFunnel {
  readonly funnel: MetricsFigures['contentFunnel'];
  /** The contributions first submitted in the window. */
  readonly submitted: readonly ContributionPartial[];
  /** The ids of the contributions submitted in the window that a post was made from. */
  readonly madeFrom: (post: PostPartial) => string[];
}

/** Counts the funnel's stages for the contributions first submitted in the window and the posts made from them. */
export function contentFunnel(
  aggregate: MetricsAggregate,
  allPosts: readonly PostPartial[],
  inWindow: (at: string) => boolean,
): ContentFunnel {
  // By id too: the posts name the contributions they were made from (one can be used in several posts).
  const submitted: ContributionPartial[] = [];
  const submittedIds = new Set<string>();
  for (const [id, x] of aggregate.contributions) {
    if (!inWindow(x.submittedAt)) continue;
    submitted.push(x);
    submittedIds.add(id);
  }
  const madeFrom = (q: PostPartial): string[] =>
    (q.contributionIds ?? []).filter((id) => submittedIds.has(id));
  const posts = allPosts.filter((q) => madeFrom(q).length > 0);
  const funnel = {
    contributionsSubmitted: submitted.length,
    accepted: submitted.filter((x) => (x.flags & (CONTRIBUTION_FLAG.accepted | CONTRIBUTION_FLAG.used)) !== 0)
      .length,
    usedInPosts: submitted.filter((x) => (x.flags & CONTRIBUTION_FLAG.used) !== 0).length,
    postsFromContributions: posts.length,
    offered: posts.filter((x) => (x.flags & POST_FLAG.offered) !== 0).length,
    shared: posts.filter((x) => (x.flags & POST_FLAG.shared) !== 0).length,
    conversedOn: posts.filter((x) => (x.flags & POST_FLAG.conversed) !== 0).length,
  };
  return { funnel, submitted, madeFrom };
}

/**
 * The lead times ending in the window: from a contribution's submission to the first offer of a post made from it,
 * and from a post's submission for review to its approval.
 */
export function leadTimes(
  aggregate: MetricsAggregate,
  posts: readonly PostPartial[],
  inWindow: (at: string) => boolean,
): MetricsFigures['leadTimes'] {
  // A contribution's first offer: the earliest of the posts made from it.
  const firstOffer = new Map<string, string>();
  for (const q of posts)
    for (const id of q.contributionIds ?? [])
      if (q.offeredAt !== '' && !((firstOffer.get(id) ?? 'z') < q.offeredAt)) firstOffer.set(id, q.offeredAt);
  const submissionToOffer: number[] = [];
  for (const [id, x] of aggregate.contributions) {
    const offeredAt = firstOffer.get(id) ?? '';
    if (x.submittedAt !== '' && inWindow(offeredAt))
      submissionToOffer.push(hoursBetween(x.submittedAt, offeredAt));
  }
  const reviewToApproval = posts
    .filter((q) => q.submittedAt !== '' && inWindow(q.approvedAt))
    .map((q) => hoursBetween(q.submittedAt, q.approvedAt));
  return { submissionToOffer: leadTime(submissionToOffer), reviewToApproval: leadTime(reviewToApproval) };
}

const hoursBetween = (from: string, to: string): number =>
  Math.max(0, (Date.parse(to) - Date.parse(from)) / 3_600_000);

/**
 * The count, median and 90th percentile of lead times. The median is the middle value, or the mean of the two
 * middle values of an even count (as DuckDB's `median()`); the 90th percentile is the nearest rank.
 */
function leadTime(hours: number[]): LeadTime {
  if (hours.length === 0) return { count: 0, medianHours: null, p90Hours: null };
  hours.sort((a, b) => a - b);
  const rank = (q: number): number => hours[Math.max(0, Math.ceil(q * hours.length) - 1)] ?? 0;
  // rank(0.5) is the lower middle value, hours[length >> 1] the upper one (the same one for an odd count).
  return {
    count: hours.length,
    medianHours: (rank(0.5) + (hours[hours.length >> 1] ?? 0)) / 2,
    p90Hours: rank(0.9),
  };
}
