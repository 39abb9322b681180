// The finish step: an aggregate (folded, or merged from partitions) becomes the figures of its window. Each part of
// the figures has a module of its own, named after what the method calls it: the three measures, the activation
// and content funnels, the platforms, pillar and goal performance, representativeness, the leaderboard, the series.
import { activationFunnel } from './activation-funnel.js';
import { checkContext } from './check-context.js';
import { contentFunnel, leadTimes } from './content-funnel.js';
import { estimated, measured, ratio, sum } from './figure.js';
import { leaderboard } from './leaderboard.js';
import { checkAggregate, type MetricsAggregate } from './metrics-aggregate.js';
import type { MetricsFigures } from './metrics-figures.js';
import { DEFAULT_EARNED_MEDIA, DEFAULT_LEADERBOARD, type MetricsContext } from './metrics-options.js';
import { goalFigures, pillarFigures } from './pillar-and-goal-performance.js';
import { platformFigures } from './platform-figures.js';
import { representativenessFigures } from './representativeness.js';
import { seriesRows } from './series-rows.js';
import { ambassadorFigures, contributionsByCreator, segmentCounts, teamFigures } from './three-measures.js';

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
  const anyRoles = [...aggregate.persons.values()].some((p) => p.rolesTouched !== 0);

  const contributionsBy = contributionsByCreator(aggregate, inWindow);
  const ambassadors = ambassadorFigures(aggregate, contributionsBy, anyRoles, context.names?.persons ?? {});
  const activation = activationFunnel(aggregate, anyRoles);
  const participation = ratio(activation.sharers, activation.publishersWithConsent);
  const media = context.earnedMedia ?? DEFAULT_EARNED_MEDIA;
  const platforms = platformFigures(aggregate, media);
  const c = aggregate.platforms;
  const posts = [...aggregate.posts.values()];
  const content = contentFunnel(aggregate, posts, inWindow);
  const totalShares = sum(c.shares);
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
      sharers: measured(ambassadors.filter((a) => a.sharesPosts).length),
      publishersWithConsent: measured(activation.publishersWithConsent),
      participation: measured(participation),
      contributions: measured(content.submitted.length),
      contributors: measured(contributionsBy.size),
      conversations: measured(sum(c.conversations)),
      conversers: measured(ambassadors.filter((a) => a.converses).length),
      clicks: measured(sum(c.clicks)),
      reactions: measured(sum(c.reactions)),
      comments: measured(sum(c.comments)),
      reshares: measured(sum(c.reshares)),
      potentialReach: estimated(sum(c.potentialReach)),
      reportedReach: measured(sum(c.reportedReach)),
      ctr: platforms.ctr,
      earnedMediaValue: platforms.earnedMediaValue,
    },
    currency: media.currency,
    platforms: platforms.platforms,
    ambassadors,
    teams: teamFigures(aggregate, ambassadors, context.names?.teams ?? {}),
    segments: segmentCounts(ambassadors),
    activationFunnel: activation.funnel,
    contentFunnel: content.funnel,
    leadTimes: leadTimes(aggregate, posts, inWindow),
    pillars: pillarFigures(posts, totalShares, context),
    goals: goalFigures(posts, content.madeFrom, participation, context),
    representativeness: representativenessFigures(aggregate, contributionsBy),
    // A setting given as `undefined` keeps its default (it switched the leaderboard off, or listed everyone).
    leaderboard: leaderboard(ambassadors, (id) => aggregate.persons.get(id)?.reactions ?? 0, {
      enabled: context.leaderboard?.enabled ?? DEFAULT_LEADERBOARD.enabled,
      size: context.leaderboard?.size ?? DEFAULT_LEADERBOARD.size,
      points: { ...DEFAULT_LEADERBOARD.points, ...context.leaderboard?.points },
    }),
    series: seriesRows(
      aggregate,
      content.submitted.map((x) => x.submittedAt),
      timeZone,
      period,
    ),
  };
}
