// The strategy commands: the programme's goals, audiences, content pillars and platforms, versioned.
import * as z from 'zod/mini';
import type { Strategy } from '../../model/strategy.js';
import { StrategySchema } from '../../model/strategy.js';
import type { Runtime } from '../runtime.js';
import { authorize, commit, list, load, loadActor, parsePatch } from '../runtime.js';

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
export type UpdateStrategyInput = z.input<typeof UpdateStrategyInputSchema>;

/**
 * Strategy commands, acting as one person.
 *
 * @example
 * ```ts
 * await shift.as(masterId).strategy.update({ platforms: [{ platform: 'linkedin', audienceIds: [] }] });
 * ```
 */
export interface StrategyCommands {
  get(): Promise<Strategy>;
  /** Replaces goals, audiences, pillars or platforms: a new strategy version. */
  update(input: UpdateStrategyInput): Promise<Strategy>;
}

/** The organisation's strategy (one per programme). */
export async function loadStrategy(rt: Runtime): Promise<Strategy> {
  const strategies = await list(rt, 'strategy');
  const strategy = strategies[0];
  if (!strategy) return load(rt, 'strategy', 'strategy');
  return strategy;
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
      const strategyVersion = strategy.strategyVersion + 1;
      const { entities } = await commit(rt, actorId, [
        {
          type: 'strategy',
          before: strategy,
          after: { ...strategy, ...patch, strategyVersion },
          events: [{ type: 'strategy.updated', data: { strategyVersion } }],
        },
      ]);
      return entities[0] as unknown as Strategy;
    },
  };
}
