import { checkContext } from './check-context.js';
import { earnedMediaValue } from './earned-media.js';
import { ROLE_BIT, seriesBucket } from './fold-event.js';
import { leaderboard } from './leaderboard.js';
import {
  CONTRIBUTION_FLAG,
  checkAggregate,
  type MetricsAggregate,
  PERSON_FLAG,
  type PersonPartial,
  POST_FLAG,
  type PostPartial,
} from './metrics-aggregate.js';
import type {
  AmbassadorFigures,
  Figure,
  GoalFigures,
  LeadTime,
  MetricsFigures,
  PillarFigures,
  PlatformFigures,
  Segment,
  SeriesRow,
  TeamFigures,
} from './metrics-figures.js';
import {
  DEFAULT_EARNED_MEDIA,
  DEFAULT_LEADERBOARD,
  type EarnedMediaRate,
  type MetricsContext,
} from './metrics-options.js';
import { ownValue } from './own-value.js';
import { periodOf } from './period.js';
import { METRIC_PLATFORMS } from './platform-index.js';
import { representativeness } from './representativeness.js';
import { timeZoneOffsetMinutes } from './time-zone.js';

const measured = (value: number | null): Figure => ({ value, basis: 'measured' });
const estimated = (value: number | null): Figure => ({ value, basis: 'estimated' });
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * The segment for a combination of the method's three measures: supplies input, shares, converses.
 *
 * @example
 * ```ts
 * segmentOf(true, true, true); // 'champion'
 * segmentOf(false, false, false); // 'lagging'
 * ```
 */
export function segmentOf(input: boolean, shares: boolean, converses: boolean): Segment {
  return SEGMENTS[(input ? 4 : 0) + (shares ? 2 : 0) + (converses ? 1 : 0)] as Segment;
}

/** The segments by input (4), shares (2) and converses (1). */
const SEGMENTS: readonly Segment[] = [
  'lagging',
  'commenter',
  'sharer',
  'conversationalist',
  'contributor',
  'contributing_conversationalist',
  'contributing_sharer',
  'champion',
];

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

const hoursBetween = (from: string, to: string): number =>
  Math.max(0, (Date.parse(to) - Date.parse(from)) / 3_600_000);

const gone = (p: PersonPartial): boolean => p.lifecycle === 'left' || p.lifecycle === 'erased';

/**
 * Turns an aggregate into the figures of its window: the method's three measures (per ambassador and per team,
 * as a matrix and segments), participation, the activation and content funnels, reach, clicks, click-through,
 * earned media value (estimated), lead times, pillars and goals against targets, representativeness, the
 * leaderboard and a time series per ISO week or month. The adjust step is {@link adjustRules}.
 *
 * @example
 * ```ts
 * const figures = finishMetrics(foldEvents(events), { timeZone: 'Europe/Amsterdam', period: 'week' });
 * figures.summary.participation; // { value: 0.42, basis: 'measured' }
 * ```
 */
export function finishMetrics(aggregate: MetricsAggregate, context: MetricsContext = {}): MetricsFigures {
  checkAggregate(aggregate);
  checkContext(context);
  const timeZone = context.timeZone ?? 'UTC';
  const period = context.period ?? 'month';
  const { from, to } = aggregate.window;
  const inWindow = (at: string): boolean => at !== '' && at >= from && (to === '' || at < to);
  const personNames = context.names?.persons ?? {};
  const teamNames = context.names?.teams ?? {};
  const anyRoles = [...aggregate.persons.values()].some((p) => p.rolesTouched !== 0);

  // Contributions per creator in the window (a contribution counts once, at its first submission).
  const contributionsBy = new Map<string, number>();
  for (const c of aggregate.contributions.values()) {
    if (c.creatorId !== undefined && inWindow(c.submittedAt)) {
      contributionsBy.set(c.creatorId, (contributionsBy.get(c.creatorId) ?? 0) + 1);
    }
  }

  // The ambassadors: people who hold the publisher or creator role (everyone, when the log assigns no roles)
  // and have not left, plus anyone active in the window.
  const ambassadors: AmbassadorFigures[] = [];
  for (const [personId, p] of aggregate.persons) {
    const contributions = contributionsBy.get(personId) ?? 0;
    const active = p.shares > 0 || contributions > 0 || p.conversations > 0;
    const ambassadorRole = anyRoles
      ? (p.rolesHeld & (ROLE_BIT.publisher | ROLE_BIT.creator)) !== 0
      : (p.flags & PERSON_FLAG.added) !== 0;
    if (!active && (gone(p) || !ambassadorRole)) continue;
    const suppliesInput = contributions > 0;
    const sharesPosts = p.shares > 0;
    const converses = p.conversations > 0;
    ambassadors.push({
      personId,
      name: (ownValue(personNames, personId) as string | undefined) ?? personId,
      teamIds: [...new Set(p.teamIds)],
      contributions,
      shares: p.shares,
      conversations: p.conversations,
      clicks: p.clicks,
      suppliesInput,
      sharesPosts,
      converses,
      segment: segmentOf(suppliesInput, sharesPosts, converses),
    });
  }
  // Person ids are unique: no two compare equal.
  ambassadors.sort((a, b) => (a.personId < b.personId ? -1 : 1));

  // From champion down to lagging.
  const segments = Object.fromEntries([...SEGMENTS].reverse().map((s) => [s, 0])) as Record<Segment, number>;
  for (const a of ambassadors) segments[a.segment]++;

  // Teams: members by team in one pass (in ambassador order), not a filter of every ambassador per team.
  const byTeam = new Map<string, AmbassadorFigures[]>();
  for (const t of aggregate.teams.keys()) byTeam.set(t, []);
  for (const a of ambassadors) for (const t of a.teamIds) byTeam.get(t)?.push(a) ?? byTeam.set(t, [a]);
  const teams: TeamFigures[] = [...byTeam.keys()].sort().map((teamId) => {
    const members = byTeam.get(teamId) ?? [];
    const contributors = members.filter((a) => a.suppliesInput).length;
    const sharers = members.filter((a) => a.sharesPosts).length;
    const conversers = members.filter((a) => a.converses).length;
    return {
      teamId,
      name:
        (ownValue(teamNames, teamId) as string | undefined) ?? aggregate.teams.get(teamId)?.name ?? teamId,
      members: members.length,
      contributors,
      sharers,
      conversers,
      lagging: members.filter((a) => a.segment === 'lagging').length,
      contributions: sum(members.map((a) => a.contributions)),
      shares: sum(members.map((a) => a.shares)),
      conversations: sum(members.map((a) => a.conversations)),
      participation: ratio(sharers, members.length),
      segment: segmentOf(contributors > 0, sharers > 0, conversers > 0),
    };
  });

  // Participation: publishers with consent for offers who shared in the window.
  let withConsent = 0;
  let consentingSharers = 0;
  const activation = { people: 0, invited: 0, active: 0, sharedInPeriod: 0 };
  for (const p of aggregate.persons.values()) {
    if ((p.flags & PERSON_FLAG.added) !== 0) {
      activation.people++;
      if ((p.flags & (PERSON_FLAG.invited | PERSON_FLAG.activated)) !== 0) activation.invited++;
      if (p.lifecycle === 'active') activation.active++;
    }
    if (p.shares > 0) activation.sharedInPeriod++;
    const publisher = anyRoles ? (p.rolesHeld & ROLE_BIT.publisher) !== 0 : true;
    if (publisher && p.consent === true && !gone(p)) {
      withConsent++;
      if (p.shares > 0) consentingSharers++;
    }
  }

  // Platforms.
  const media = context.earnedMedia ?? DEFAULT_EARNED_MEDIA;
  const c = aggregate.platforms;
  const platforms: PlatformFigures[] = [];
  let emvTotal = 0;
  // The summary's click-through counts the clicks of platforms with impressions only, as each platform's does: the
  // clicks on a post shared before the window (no impressions in it) made it pass 100%.
  let impressionsTotal = 0;
  let clicksWithImpressions = 0;
  let anyEstimatedImpressions = false;
  METRIC_PLATFORMS.forEach((platform, i) => {
    const shares = c.shares[i] ?? 0;
    const clicks = c.clicks[i] ?? 0;
    const reactions = c.reactions[i] ?? 0;
    const reportedReach = c.reportedReach[i] ?? 0;
    const potentialReach = c.potentialReach[i] ?? 0;
    const reshares = c.reshares[i] ?? 0;
    // A platform with any activity in the window, reshares alone included, has a row.
    if (shares + clicks + reactions + (c.comments[i] ?? 0) + reshares + reportedReach === 0) return;
    const impressions = reportedReach > 0 ? reportedReach : potentialReach;
    if (impressions > 0) {
      // Estimated when a platform it counts had no reach reported.
      if (reportedReach === 0) anyEstimatedImpressions = true;
      impressionsTotal += impressions;
      clicksWithImpressions += clicks;
    }
    const rate = ownValue(media.rates, platform) as EarnedMediaRate | undefined;
    // No rate, no estimate: `null` (the report's –), not a value of 0; the total adds the platforms with a rate.
    const emv = earnedMediaValue({ impressions, clicks, reactions }, rate);
    emvTotal += emv ?? 0;
    platforms.push({
      platform,
      shares,
      clicks,
      reactions,
      comments: c.comments[i] ?? 0,
      conversations: c.conversations[i] ?? 0,
      reshares,
      potentialReach,
      reportedReach,
      ctr: { value: ratio(clicks, impressions), basis: reportedReach > 0 ? 'measured' : 'estimated' },
      earnedMediaValue: estimated(emv),
    });
  });

  // Posts: the content funnel, pillars, goals.
  const posts = [...aggregate.posts.values()];
  const contributionsList = [...aggregate.contributions.values()];
  const submitted = contributionsList.filter((x) => inWindow(x.submittedAt));
  // By id: the posts name the contributions they were made from (one can be used in several posts).
  const submittedIds = new Set(
    [...aggregate.contributions.keys()].filter((id) =>
      inWindow(aggregate.contributions.get(id)?.submittedAt ?? ''),
    ),
  );
  const madeFrom = (q: PostPartial): string[] =>
    (q.contributionIds ?? []).filter((id) => submittedIds.has(id));
  const funnelPosts = posts.filter((q) => madeFrom(q).length > 0);
  const contentFunnel = {
    contributionsSubmitted: submitted.length,
    accepted: submitted.filter((x) => (x.flags & (CONTRIBUTION_FLAG.accepted | CONTRIBUTION_FLAG.used)) !== 0)
      .length,
    usedInPosts: submitted.filter((x) => (x.flags & CONTRIBUTION_FLAG.used) !== 0).length,
    postsFromContributions: funnelPosts.length,
    offered: funnelPosts.filter((x) => (x.flags & POST_FLAG.offered) !== 0).length,
    shared: funnelPosts.filter((x) => (x.flags & POST_FLAG.shared) !== 0).length,
    conversedOn: funnelPosts.filter((x) => (x.flags & POST_FLAG.conversed) !== 0).length,
  };
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

  const totalShares = sum(c.shares);
  const pillarContext = new Map((context.strategy?.pillars ?? []).map((p) => [p.id, p]));
  const pillarIds = new Set<string>(pillarContext.keys());
  for (const q of posts) for (const id of q.pillarIds ?? []) pillarIds.add(id);
  const pillars: PillarFigures[] = [...pillarIds].sort().map((pillarId) => {
    const mine = posts.filter((q) => q.pillarIds?.includes(pillarId));
    const shares = sum(mine.map((q) => q.shares));
    const known = pillarContext.get(pillarId);
    return {
      pillarId,
      name: known?.name ?? pillarId,
      posts: mine.length,
      shares,
      clicks: sum(mine.map((q) => q.clicks)),
      conversations: sum(mine.map((q) => q.conversations)),
      shareOfShares: ratio(shares, totalShares),
      targetWeight: known?.targetWeight ?? null,
      // Own keys only (a pillar `constructor`); `checkContext` made sure each is a number from 0 to 1.
      overlap: (ownValue(context.pillarOverlap, pillarId) as number | undefined) ?? null,
    };
  });

  const participation = ratio(consentingSharers, withConsent);
  const goals: GoalFigures[] = (context.strategy?.goals ?? []).map((goal) => {
    const mine = posts.filter((q) => q.goalIds?.includes(goal.id));
    const actual = (metric: string): Figure => {
      switch (metric) {
        case 'shares':
        case 'clicks':
        case 'conversations':
          return measured(sum(mine.map((q) => q[metric])));
        case 'reach':
          return estimated(sum(mine.map((q) => q.potentialReach)));
        case 'contributions':
          // Each contribution once, also when two of the goal's posts were made from it.
          return measured(new Set(mine.flatMap(madeFrom)).size);
        case 'participation':
          return measured(participation);
        default:
          return measured(null);
      }
    };
    return {
      goalId: goal.id,
      name: goal.name ?? goal.id,
      targets: (goal.targets ?? []).map((t) => {
        const value = actual(t.metric);
        return {
          metric: t.metric,
          target: t.value,
          actual: value,
          attainment: value.value === null ? null : ratio(value.value, t.value),
        };
      }),
    };
  });

  // Representativeness of the active ambassadors against the organisation (internal people who have not left).
  const organisation: PersonPartial[] = [];
  const activePeople: PersonPartial[] = [];
  for (const [personId, p] of aggregate.persons) {
    if ((p.flags & PERSON_FLAG.added) === 0 || p.external === true || gone(p)) continue;
    organisation.push(p);
    if (p.shares > 0 || p.conversations > 0 || (contributionsBy.get(personId) ?? 0) > 0) activePeople.push(p);
  }
  const dimension = (pick: (p: PersonPartial) => readonly string[]) =>
    representativeness(organisation.map(pick), activePeople.map(pick));
  const optional = (v: string | undefined): string[] => (v === undefined || v === '' ? [] : [v]);

  // Leaderboard.
  // A setting given as `undefined` keeps its default (it switched the leaderboard off, or listed everyone).
  const board = leaderboard(ambassadors, (id) => aggregate.persons.get(id)?.reactions ?? 0, {
    enabled: context.leaderboard?.enabled ?? DEFAULT_LEADERBOARD.enabled,
    size: context.leaderboard?.size ?? DEFAULT_LEADERBOARD.size,
    points: { ...DEFAULT_LEADERBOARD.points, ...context.leaderboard?.points },
  });

  const series = seriesRows(
    aggregate,
    submitted.map((x) => x.submittedAt),
    timeZone,
    period,
  );

  const sharers = ambassadors.filter((a) => a.sharesPosts).length;
  const conversers = ambassadors.filter((a) => a.converses).length;
  return {
    version: 1,
    window: { from: from === '' ? null : from, to: to === '' ? null : to },
    timeZone,
    period,
    events: {
      total: aggregate.events,
      inWindow: aggregate.eventsInWindow,
      first: aggregate.firstAt === '' ? null : aggregate.firstAt,
      last: aggregate.lastAt === '' ? null : aggregate.lastAt,
    },
    summary: {
      shares: measured(totalShares),
      sharers: measured(sharers),
      publishersWithConsent: measured(withConsent),
      participation: measured(participation),
      contributions: measured(submitted.length),
      contributors: measured(contributionsBy.size),
      conversations: measured(sum(c.conversations)),
      conversers: measured(conversers),
      clicks: measured(sum(c.clicks)),
      reactions: measured(sum(c.reactions)),
      comments: measured(sum(c.comments)),
      reshares: measured(sum(c.reshares)),
      potentialReach: estimated(sum(c.potentialReach)),
      reportedReach: measured(sum(c.reportedReach)),
      ctr: {
        value: ratio(clicksWithImpressions, impressionsTotal),
        basis: anyEstimatedImpressions ? 'estimated' : 'measured',
      },
      earnedMediaValue: estimated(emvTotal),
    },
    currency: media.currency,
    platforms,
    ambassadors,
    teams,
    segments,
    activationFunnel: activation,
    contentFunnel,
    leadTimes: {
      submissionToOffer: leadTime(submissionToOffer),
      reviewToApproval: leadTime(reviewToApproval),
    },
    pillars,
    goals,
    representativeness: {
      team: dimension((p) => p.teamIds ?? []),
      department: dimension((p) => optional(p.department)),
      location: dimension((p) => optional(p.location)),
    },
    leaderboard: board,
    series,
  };
}

function seriesRows(
  aggregate: MetricsAggregate,
  contributionTimes: readonly string[],
  timeZone: string,
  period: 'week' | 'month',
): SeriesRow[] {
  const rows = new Map<string, { start: string; values: number[] }>();
  // The row of each local day (by day number): a year has some 35,000 buckets but only 365 days.
  const days = new Map<number, { start: string; values: number[] }>();
  const toLocal = (ms: number): number => ms + timeZoneOffsetMinutes(timeZone, ms) * 60_000;
  const rowOf = (local: Date) => {
    const p = periodOf(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), period);
    const row = rows.get(p.label) ?? { start: p.start, values: [0, 0, 0, 0, 0] };
    rows.set(p.label, row);
    return row;
  };
  const add = (bucket: string, values: readonly number[]): void => {
    const localMs = toLocal(Date.parse(`${bucket.slice(0, 13)}:00:00.000Z`) + +bucket.slice(13) * 900_000);
    const day = Math.floor(localMs / 86_400_000);
    let row = days.get(day);
    if (row === undefined) {
      row = rowOf(new Date(localMs));
      days.set(day, row);
    }
    for (let i = 0; i < values.length; i++) row.values[i] = (row.values[i] ?? 0) + (values[i] ?? 0);
  };
  for (const [bucket, values] of aggregate.series) add(bucket, values);
  for (const at of contributionTimes) add(seriesBucket(at), [0, 0, 0, 0, 1]);
  // A period without activity is a row of zeros, not a gap: every period the log covers inside the window, from
  // its first event (or the window's start, if later) to its last in the window, or to the window's end when the
  // log goes on past it.
  const { from, to } = aggregate.window;
  const { firstAt, lastAt } = aggregate;
  if (firstAt !== '') {
    const end = toLocal(aggregate.reachedEnd ? Date.parse(to) - 1 : Date.parse(lastAt));
    let day = toLocal(Date.parse(from === '' || from < firstAt ? firstAt : from));
    while (day <= end) {
      const start = new Date(`${rowOf(new Date(day)).start}T00:00:00.000Z`);
      day =
        period === 'week'
          ? start.getTime() + 7 * 86_400_000
          : Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
    }
  }
  return [...rows]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([label, row]) => ({
      period: label,
      start: row.start,
      shares: row.values[0] ?? 0,
      clicks: row.values[1] ?? 0,
      reactions: row.values[2] ?? 0,
      comments: row.values[3] ?? 0,
      contributions: row.values[4] ?? 0,
    }));
}
