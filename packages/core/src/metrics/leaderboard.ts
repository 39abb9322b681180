import type { AmbassadorFigures, MetricsFigures } from './metrics-figures.js';
import type { LeaderboardSettings } from './metrics-options.js';

/**
 * The leaderboard: ambassadors ranked by points for shares, contributions, conversations, clicks and reactions
 * (the organisation sets the points and the size, and can switch it off). Nobody with 0 points is listed; ties go
 * by person id, so the order is the same on every run.
 *
 * @example
 * ```ts
 * leaderboard(figures.ambassadors, reactionsOf, { ...DEFAULT_LEADERBOARD, size: 3 }).entries[0]?.rank; // 1
 * ```
 */
export function leaderboard(
  ambassadors: readonly AmbassadorFigures[],
  reactionsOf: (personId: string) => number,
  settings: LeaderboardSettings,
): MetricsFigures['leaderboard'] {
  if (!settings.enabled) return { enabled: false, entries: [] };
  const points = settings.points;
  const entries = ambassadors
    .map((a) => ({
      personId: a.personId,
      name: a.name,
      points:
        a.shares * points.share +
        a.contributions * points.contribution +
        a.conversations * points.conversation +
        a.clicks * points.click +
        reactionsOf(a.personId) * points.reaction,
    }))
    .filter((e) => e.points > 0)
    .sort((a, b) => b.points - a.points || (a.personId < b.personId ? -1 : 1))
    .slice(0, settings.size)
    .map((e, i) => ({ rank: i + 1, ...e }));
  return { enabled: true, entries };
}
