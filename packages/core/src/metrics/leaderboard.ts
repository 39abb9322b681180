import type { AmbassadorFigures, MetricsFigures } from './metrics-figures.js';
import type { LeaderboardSettings } from './metrics-options.js';

/**
 * The leaderboard: ambassadors ranked by points for shares, contributions, conversations, clicks and reactions
 * (the organisation sets the points and the size, and can switch it off). Nobody with 0 points is listed. People
 * with the same points share a place (20, 10, 10 points: places 1, 2, 2), in the order of their ids, so the order is
 * the same on every run; the list stops at `size` entries, also within a tie.
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
      // Rounded, so that sums of fractions that are equal tie (0.1 × 3 is 0.30000000000000004).
      points:
        Math.round(
          (a.shares * points.share +
            a.contributions * points.contribution +
            a.conversations * points.conversation +
            a.clicks * points.click +
            reactionsOf(a.personId) * points.reaction) *
            1e6,
        ) / 1e6,
    }))
    .filter((e) => e.points > 0)
    .sort((a, b) => b.points - a.points || (a.personId < b.personId ? -1 : 1));
  const ranked: MetricsFigures['leaderboard']['entries'][number][] = [];
  for (const [i, e] of entries.entries()) {
    const rank = e.points === entries[i - 1]?.points ? (ranked[i - 1]?.rank ?? 1) : i + 1;
    // At most `size` entries: in a large organisation thousands can tie at a few points, and the board is a top list.
    if (ranked.length >= settings.size) break;
    ranked.push({ rank, ...e });
  }
  return { enabled: true, entries: ranked };
}
