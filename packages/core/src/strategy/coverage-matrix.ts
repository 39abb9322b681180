import { labels } from '../labels/labels.js';
import type { Strategy } from '../model/strategy.js';
import { INFORMATION_NEEDS } from '../model/terms.js';
import type { InformationNeed, Platform } from '../model/vocabulary.js';

/**
 * The parts of a strategy that the strategy functions read. A stored {@link Strategy} fits; so does a strategy
 * being edited in a form, before it has ids and versions.
 *
 * @example
 * ```ts
 * const draft: StrategyShape = { goals: [], audiences: [], pillars: [], platforms: [] };
 * ```
 */
export type StrategyShape = Pick<Strategy, 'goals' | 'audiences' | 'pillars' | 'platforms'>;

/**
 * One row or column header of a matrix: the entity's id and its display name.
 *
 * @example
 * ```ts
 * const header: MatrixHeader = { id: 'goal_recruit', name: 'Recruit nurses' };
 * ```
 */
export interface MatrixHeader {
  readonly id: string;
  readonly name: string;
}

/**
 * A boolean matrix the site can draw as a grid: `cells[row][column]` is true when the two are linked.
 *
 * @example
 * ```ts
 * const { rows, columns, cells } = coverage.goalsByPillars;
 * rows.forEach((row, r) => columns.forEach((column, c) => cells[r]![c] && console.log(row.name, column.name)));
 * ```
 */
export interface CoverageGrid {
  readonly rows: readonly MatrixHeader[];
  readonly columns: readonly MatrixHeader[];
  readonly cells: readonly (readonly boolean[])[];
}

/**
 * The audiences × pillars grid, with per cell how well the pillar's needs meet the audience: the weight of the
 * strongest need of the audience that the pillar addresses (0 when none), whether or not the two are linked.
 *
 * @example
 * ```ts
 * coverage.audiencesByPillars.needFit[0]![0]; // e.g. 0.8
 * ```
 */
export interface AudiencePillarGrid extends CoverageGrid {
  readonly needFit: readonly (readonly number[])[];
}

/**
 * The three grids of a strategy: goals × pillars (pillar serves goal), audiences × pillars (pillar is meant for
 * audience) and audiences × platforms (platform is chosen for audience). Rows and columns keep the strategy's
 * order; platforms chosen more than once are merged.
 *
 * @example
 * ```ts
 * const coverage: CoverageMatrix = buildCoverageMatrix(strategy);
 * ```
 */
export interface CoverageMatrix {
  readonly goalsByPillars: CoverageGrid;
  readonly audiencesByPillars: AudiencePillarGrid;
  readonly audiencesByPlatforms: CoverageGrid;
}

/**
 * The weight of the audience's strongest need among `needs`; 0 when it values none of them.
 *
 * @example
 * ```ts
 * strongestNeedMet({ knowledge: 0.8, stance: 0.4 }, ['stance', 'knowledge']); // 0.8
 * ```
 */
export function strongestNeedMet(
  weights: Partial<Record<InformationNeed, number>>,
  needs: readonly InformationNeed[],
): number {
  let best = 0;
  for (const need of INFORMATION_NEEDS) if (needs.includes(need)) best = Math.max(best, weights[need] ?? 0);
  return best;
}

/**
 * Builds the coverage matrix of a strategy: which pillars serve which goals, which pillars are meant for which
 * audiences (and how well their needs fit), and which platforms reach which audiences.
 *
 * @example
 * ```ts
 * const { audiencesByPlatforms } = buildCoverageMatrix(strategy);
 * audiencesByPlatforms.columns.map((c) => c.id); // ['linkedin', 'instagram']
 * ```
 */
export function buildCoverageMatrix(strategy: StrategyShape): CoverageMatrix {
  const header = (e: { id: string; name: string }): MatrixHeader => ({ id: e.id, name: e.name });
  const goals = strategy.goals.map(header);
  const audiences = strategy.audiences.map(header);
  const pillars = strategy.pillars.map(header);
  const platformAudiences = new Map<Platform, Set<string>>();
  for (const choice of strategy.platforms) {
    const set = platformAudiences.get(choice.platform) ?? new Set<string>();
    for (const id of choice.audienceIds) set.add(id);
    platformAudiences.set(choice.platform, set);
  }
  // Platform names are the same in Dutch and English (LinkedIn, X); a platform the labels do not know keeps its id.
  const platforms = [...platformAudiences.keys()].map((p) => ({
    id: p,
    name: labels('en').platforms[p] ?? p,
  }));
  return {
    goalsByPillars: {
      rows: goals,
      columns: pillars,
      cells: strategy.goals.map((g) => strategy.pillars.map((p) => p.goalIds.includes(g.id))),
    },
    audiencesByPillars: {
      rows: audiences,
      columns: pillars,
      cells: strategy.audiences.map((a) => strategy.pillars.map((p) => p.audienceIds.includes(a.id))),
      needFit: strategy.audiences.map((a) => strategy.pillars.map((p) => strongestNeedMet(a.needs, p.needs))),
    },
    audiencesByPlatforms: {
      rows: audiences,
      columns: platforms,
      cells: strategy.audiences.map((a) =>
        [...platformAudiences.values()].map((reached) => reached.has(a.id)),
      ),
    },
  };
}
