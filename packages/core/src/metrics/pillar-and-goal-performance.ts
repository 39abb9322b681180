// Pillar and goal performance against the strategy's targets: per content pillar its posts, shares, clicks and
// conversations, its share of all shares against its target weight, and its overlap score; per goal each target
// against what the window reached.
import { estimated, measured, ratio, sum } from './figure.js';
import type { PostPartial } from './metrics-aggregate.js';
import type { Figure, GoalFigures, PillarFigures } from './metrics-figures.js';
import type { MetricsContext } from './metrics-options.js';
import { ownValue } from './own-value.js';

/**
 * A row per pillar of the strategy or of a post, by id. A pillar's posts are all its posts up to the window's end;
 * their shares, clicks and conversations count in the window only.
 */
export function pillarFigures(
  posts: readonly PostPartial[],
  totalShares: number,
  context: MetricsContext,
): PillarFigures[] {
  const pillarContext = new Map((context.strategy?.pillars ?? []).map((p) => [p.id, p]));
  const pillarIds = new Set<string>(pillarContext.keys());
  for (const q of posts) for (const id of q.pillarIds ?? []) pillarIds.add(id);
  return [...pillarIds].sort().map((pillarId) => {
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
}

/**
 * Each goal of the strategy with its targets: the value reached by the goal's posts in the window (posts that name the
 * goal or a pillar that serves it; participation is the organisation's), and the attainment, reached ÷ target.
 */
export function goalFigures(
  posts: readonly PostPartial[],
  madeFrom: (post: PostPartial) => string[],
  participation: number | null,
  context: MetricsContext,
): GoalFigures[] {
  // A post serves the goals it names and those of its pillars, as the overlap score counts them.
  const pillarGoals = new Map((context.strategy?.pillars ?? []).map((p) => [p.id, p.goalIds ?? []]));
  return (context.strategy?.goals ?? []).map((goal) => {
    const mine = posts.filter(
      (q) =>
        q.goalIds?.includes(goal.id) || q.pillarIds?.some((id) => pillarGoals.get(id)?.includes(goal.id)),
    );
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
}
