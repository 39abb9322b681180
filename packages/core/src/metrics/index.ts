/**
 * `@social-shift/core/metrics`: step five of the method, measure and adjust. Mergeable partial aggregates over
 * the event log: {@link createAggregate}, {@link foldEvent}, {@link mergeAggregates}, {@link finishMetrics}.
 * Pure, and free of xstate and mitt, so a dashboard can import it alone.
 *
 * @packageDocumentation
 */

export { adjustRules } from './adjust-rules.js';
export { finishMetrics } from './finish-metrics.js';
export { ACTIVITY, foldActivity, foldEvent, foldEvents, ROLE_BIT, seriesBucket } from './fold-event.js';
export { mergeAggregates, mergeInto } from './merge-aggregates.js';
export type {
  ContributionPartial,
  MetricsAggregate,
  MetricsWindow,
  PersonLifecycle,
  PersonPartial,
  PlatformCounters,
  PostPartial,
  TeamPartial,
} from './metrics-aggregate.js';
export { createAggregate, SERIES_COLUMNS } from './metrics-aggregate.js';
export type { MetricsEvent } from './metrics-event.js';
export type {
  AmbassadorFigures,
  Figure,
  FigureBasis,
  GoalFigures,
  LeadTime,
  MetricsFigures,
  PillarFigures,
  PlatformFigures,
  Recommendation,
  RecommendationCode,
  RepresentationGroup,
  Representativeness,
  Segment,
  SeriesRow,
  SummaryFigure,
  TeamFigures,
} from './metrics-figures.js';
export type {
  EarnedMediaRate,
  EarnedMediaSettings,
  GoalContext,
  LeaderboardSettings,
  MetricsContext,
  PillarContext,
  RuleThresholds,
} from './metrics-options.js';
export { DEFAULT_EARNED_MEDIA, DEFAULT_LEADERBOARD, DEFAULT_THRESHOLDS } from './metrics-options.js';
export type { Period } from './period.js';
export { periodOf } from './period.js';
export { METRIC_PLATFORMS, platformIndex } from './platform-index.js';
export { representativeness } from './representativeness.js';
export { segmentOf } from './three-measures.js';
export { startOfDayInZone, timeZoneOffsetMinutes } from './time-zone.js';
