// The strategy commands: the programme's goals, audiences, content pillars and platforms, versioned.
import * as z from 'zod/mini';
import { invalidValues } from '../../errors/invalid-value.js';
import type { ValidationIssue } from '../../errors/social-shift-error.js';
import type { Strategy } from '../../model/strategy.js';
import { StrategySchema } from '../../model/strategy.js';
import type { CommandInput } from '../command-input.js';
import { readGuard } from '../guards.js';
import type { Runtime } from '../runtime.js';
import {
  authorize,
  changesOf,
  commitFirst,
  entityWrite,
  list,
  load,
  loadActor,
  parsePatch,
} from '../runtime.js';

/**
 * Input of `strategy.update`: the parts to replace.
 *
 * @example
 * ```ts
 * const result = UpdateStrategyInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const UpdateStrategyInputSchema = z.partial(
  z.pick(StrategySchema, {
    goals: true,
    audiences: true,
    pillars: true,
    platforms: true,
  }),
);
/** Input of `strategy.update`. */
export type UpdateStrategyInput = CommandInput<z.input<typeof UpdateStrategyInputSchema>>;

/**
 * Strategy commands, acting as one person.
 *
 * @example
 * ```ts
 * await shift.as(masterId).strategy.update({ platforms: [{ platform: 'linkedin', audienceIds: [] }] });
 * ```
 */
export interface StrategyCommands {
  /** The current strategy version. */
  get(): Promise<Strategy>;
  /** Replaces goals, audiences, pillars or platforms: a new strategy version (none when nothing changes). */
  update(input: UpdateStrategyInput): Promise<Strategy>;
}

/**
 * Refuses a strategy whose ids repeat (goals, audiences, pillars, platforms), with a goal that has two targets of one
 * metric, whose goals, pillars and platforms name goals or audiences it does not have, or with a participation
 * target above 1: `VALIDATION` of `what` with the
 * path of each (under `at`). The coherence check of `@social-shift/core/strategy` rates more (and explains it); the
 * first two would leave references pointing at nothing, the third would stop every metrics report.
 */
export function checkStrategyIds(
  strategy: Pick<Strategy, 'goals' | 'audiences' | 'pillars' | 'platforms'>,
  what = 'strategy',
  at: readonly (string | number)[] = [],
): void {
  const issues: ValidationIssue[] = [];
  const known: Record<string, Set<string>> = {};
  // Each key of a list once; returns the keys.
  const unique = (path: (string | number)[], keys: readonly string[]) => {
    const seen = new Set<string>();
    keys.forEach((id, i) => {
      if (seen.has(id))
        issues.push({
          path: [...at, ...path, i],
          message: `"${id}" is in the list twice.`,
          code: 'duplicate',
        });
      seen.add(id);
    });
    return seen;
  };
  for (const key of ['goals', 'audiences', 'pillars'] as const)
    known[key] = unique(
      [key],
      strategy[key].map((item) => item.id),
    );
  unique(
    ['platforms'],
    strategy.platforms.map((choice) => choice.platform),
  );
  const refer = (path: (string | number)[], ids: readonly string[], kind: 'goal' | 'audience'): void => {
    ids.forEach((id, j) => {
      if (!known[`${kind}s`]!.has(id))
        issues.push({
          path: [...at, ...path, j],
          message: `No ${kind} "${id}" in the strategy.`,
          code: 'reference',
        });
    });
  };
  strategy.goals.forEach((goal, i) => {
    refer(['goals', i, 'audienceIds'], goal.audienceIds, 'audience');
    // Two targets of one metric (shares 500 and shares 300) gave two rows and two verdicts that disagreed.
    unique(
      ['goals', i, 'targets'],
      goal.targets.map((target) => target.metric),
    );
    // Stored, 30 meant as 30% stopped every report of the strategy (metrics refuse a participation above 1).
    goal.targets.forEach(({ metric, value }, j) => {
      if (metric === 'participation' && value > 1)
        issues.push({
          path: [...at, 'goals', i, 'targets', j, 'value'],
          message: 'Participation is a fraction from 0 to 1: write 30% as 0.3.',
          code: 'custom',
        });
    });
  });
  strategy.pillars.forEach((pillar, i) => {
    refer(['pillars', i, 'goalIds'], pillar.goalIds, 'goal');
    refer(['pillars', i, 'audienceIds'], pillar.audienceIds, 'audience');
  });
  strategy.platforms.forEach((choice, i) => {
    refer(['platforms', i, 'audienceIds'], choice.audienceIds, 'audience');
  });
  if (issues.length > 0) throw invalidValues(what, issues);
}

/** The strategy's pillars, goals and audiences as a post, contribution, campaign, focus group or role scope names them. */
export interface StrategyRefs {
  readonly pillarIds?: readonly string[] | undefined;
  readonly goalIds?: readonly string[] | undefined;
  readonly audienceIds?: readonly string[] | undefined;
}

/**
 * Refuses a pillar, goal or audience the strategy does not have: `VALIDATION` with the path of each (under `at`).
 * Ids that `before` already named pass: what the strategy has since retired stays where it was named (reports keep
 * their history), but nothing can name it anew (ADR 090).
 */
export async function checkStrategyRefs(
  rt: Runtime,
  what: string,
  refs: StrategyRefs,
  before: StrategyRefs = {},
  at: readonly (string | number)[] = [],
): Promise<void> {
  const keys = ['pillarIds', 'goalIds', 'audienceIds'] as const;
  const named = keys.filter((key) => refs[key]?.some((id) => !before[key]?.includes(id)));
  if (named.length === 0) return;
  const strategy = await loadStrategy(rt);
  const issues: ValidationIssue[] = [];
  for (const key of named) {
    const kind = key.slice(0, -3);
    const known = new Set(strategy[`${kind}s` as 'pillars' | 'goals' | 'audiences'].map((item) => item.id));
    refs[key]?.forEach((id, i) => {
      if (!known.has(id) && !before[key]?.includes(id))
        issues.push({
          path: [...at, key, i],
          message: `No ${kind} "${id}" in the strategy.`,
          code: 'reference',
        });
    });
  }
  if (issues.length > 0) throw invalidValues(what, issues);
}

/** The organisation's strategy (one per programme). */
export async function loadStrategy(rt: Runtime): Promise<Strategy> {
  return (await list(rt, 'strategy'))[0] ?? load(rt, 'strategy', 'strategy');
}

/** Makes the strategy commands for one actor. */
export function strategyCommands(rt: Runtime, actorId: string): StrategyCommands {
  return {
    async get() {
      authorize(rt, await loadActor(rt, actorId), 'strategy.read');
      return loadStrategy(rt);
    },
    async update(input) {
      const patch = parsePatch('strategy', UpdateStrategyInputSchema, input);
      authorize(rt, await loadActor(rt, actorId), 'strategy.update');
      const strategy = await loadStrategy(rt);
      const after = { ...strategy, ...patch };
      checkStrategyIds(after);
      // A new version only when something changed: an update without a part, or with the parts stored, writes nothing.
      const strategyVersion = strategy.strategyVersion + 1;
      return Object.keys(changesOf(strategy, after))[0]
        ? commitFirst<Strategy>(
            rt,
            actorId,
            [
              entityWrite('strategy', strategy, { ...after, strategyVersion }, 'strategy.updated', {
                strategyVersion,
              }),
            ],
            // The guard a cycle move reads before it pins the strategy version: of the two at once, one is a CONFLICT.
            { guards: [await readGuard(rt, 'cycles')] },
          )
        : strategy;
    },
  };
}
