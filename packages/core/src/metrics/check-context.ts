import { invalid } from './invalid.js';
import type { MetricsContext } from './metrics-options.js';
import { ownValue } from './own-value.js';
import { METRIC_PLATFORMS, platformIndex } from './platform-index.js';
import { timeZoneOffsetMinutes } from './time-zone.js';

/** A `VALIDATION` error for one setting of the metrics' context. */
const bad = (path: string, what: string) =>
  invalid(`The metrics setting ${path} must be ${what}.`, path, `Not ${what}.`, 'invalid_value');

/**
 * A settings object (or `undefined`) whose every value (or each of `keys`) is a finite number ≥ 0: rates, points,
 * thresholds; with `max` 1, a number from 0 to 1: overlap scores and target weights.
 */
function numbers(values: object | undefined, path: string, keys?: readonly string[], max?: 1): void {
  const record = (values ?? {}) as Record<string, unknown>;
  if (typeof record !== 'object') throw bad(path, 'an object');
  for (const key of keys ?? Object.keys(record)) {
    const value = record[key] as number;
    if (!Number.isFinite(value) || value < 0 || value > (max ?? value))
      throw bad(`${path}.${key}`, max ? 'a number from 0 to 1' : 'a number ≥ 0');
  }
}

/** An object (`undefined` passes unless `id`): with `id`, one that has a string id (a pillar, a goal). */
function object(value: unknown, path: string, id?: true): void {
  if ((value !== undefined || id) && (typeof value !== 'object' || value === null))
    throw bad(path, 'an object');
  if (id && (typeof (value as { id?: unknown }).id !== 'string' || (value as { id: string }).id === ''))
    throw bad(`${path}.id`, 'a text id');
}

/**
 * A platform the metrics count (`linkedin`, …): a rate for `twitter` or a chosen `LinkedIn` counted nowhere, so
 * its earned media value was silently 0 and `PLATFORM_UNUSED` named it in every report.
 */
function platform(value: unknown, path: string): void {
  if (typeof value !== 'string' || platformIndex(value) < 0)
    throw bad(path, `one of ${METRIC_PLATFORMS.join(', ')}`);
}

/** A list of the settings, or none; anything else (an object, a string) is refused. */
function list<T>(value: readonly T[] | undefined, path: string): readonly T[] {
  if (value !== undefined && !Array.isArray(value)) throw bad(path, 'a list');
  return value ?? [];
}

/**
 * Checks the settings {@link finishMetrics} and {@link adjustRules} read, so a wrong one is a `VALIDATION` error
 * that names it rather than a figure of `NaN`, a negative earned media value or an empty leaderboard.
 */
export function checkContext(context: MetricsContext | undefined): void {
  if (context === undefined) return;
  if (typeof context !== 'object' || context === null) throw bad('context', 'an object');
  const { timeZone, period, earnedMedia, leaderboard } = context;
  // An unknown zone is refused now, not only once there is a series to group.
  if (timeZone !== undefined) timeZoneOffsetMinutes(String(timeZone), 0);
  if (period !== undefined && period !== 'week' && period !== 'month')
    throw bad('period', '"week" or "month"');
  object(earnedMedia, 'earnedMedia');
  object(leaderboard, 'leaderboard');
  if (earnedMedia !== undefined) {
    if (typeof earnedMedia.currency !== 'string' || earnedMedia.currency === '')
      throw bad('earnedMedia.currency', 'a currency code such as EUR');
    if (typeof earnedMedia.rates !== 'object' || earnedMedia.rates === null)
      throw bad('earnedMedia.rates', 'an object of rates by platform');
    for (const [name, rate] of Object.entries(earnedMedia.rates)) {
      platform(name, `earnedMedia.rates.${name}`);
      // Each of the three, and no other key: a `currency` of its own was added to the others in `earnedMedia.currency`.
      numbers(
        { cpm: -1, cpc: -1, reaction: -1, ...(rate as object | undefined) },
        `earnedMedia.rates.${name}`,
      );
    }
  }
  if (leaderboard !== undefined) {
    if (leaderboard.enabled !== undefined && typeof leaderboard.enabled !== 'boolean')
      throw bad('leaderboard.enabled', 'true or false');
    if (leaderboard.size !== undefined && !(Number.isInteger(leaderboard.size) && leaderboard.size >= 0))
      throw bad('leaderboard.size', 'a whole number ≥ 0');
    numbers(leaderboard.points, 'leaderboard.points');
  }
  numbers(context.pillarOverlap, 'pillarOverlap', undefined, 1);
  const strategy = context.strategy ?? {};
  // A name, or a choice of the stored strategy (`{ platform, audienceIds }`), so `strategy.get()` can be given whole.
  list(strategy.platforms, 'strategy.platforms').forEach((choice, i) => {
    platform(typeof choice === 'object' ? choice?.platform : choice, `strategy.platforms.${i}`);
  });
  list(strategy.pillars, 'strategy.pillars').forEach((pillar, i) => {
    object(pillar, `strategy.pillars.${i}`, true);
    // A single id as text (a form's one choice) matched every goal whose id is part of it: `goal_1` in `goal_12`.
    list(pillar.goalIds, `strategy.pillars.${i}.goalIds`);
    if (pillar.targetWeight !== undefined) numbers(pillar, `strategy.pillars.${i}`, ['targetWeight'], 1);
  });
  // A goal's target of NaN or Infinity gave an attainment the JSON report cannot hold.
  list(strategy.goals, 'strategy.goals').forEach((goal, i) => {
    object(goal, `strategy.goals.${i}`, true);
    list(goal.targets, `strategy.goals.${i}.targets`).forEach((target, j) => {
      numbers(target, `strategy.goals.${i}.targets.${j}`, ['value']);
      // An unknown metric (a typo) had no actual figure, so its goal was never behind.
      // A list such as ['shares'] would pass the test as its text.
      if (
        typeof target.metric !== 'string' ||
        !/^(shares|participation|clicks|reach|contributions|conversations)$/.test(target.metric)
      )
        throw bad(
          `strategy.goals.${i}.targets.${j}.metric`,
          'one of shares, participation, clicks, reach, contributions, conversations',
        );
      // Participation never passes 1 (its threshold is checked so too): a target of 30 meant as 30% was always behind.
      if (target.metric === 'participation')
        numbers(target, `strategy.goals.${i}.targets.${j}`, ['value'], 1);
    });
  });
  numbers(context.thresholds, 'thresholds');
  // Thresholds of figures that never pass 1 (participation, an overlap score, the index): 30 meant as 30% made the
  // rule fire on every report.
  const fractions = ['lowParticipation', 'pillarLowOverlap', 'representativeness'];
  numbers(
    context.thresholds,
    'thresholds',
    fractions.filter((key) => ownValue(context.thresholds, key) !== undefined),
    1,
  );
  if ((context.thresholds?.dormantDays ?? 0) > 36_500)
    throw bad('thresholds.dormantDays', 'at most 36500 days');
}
