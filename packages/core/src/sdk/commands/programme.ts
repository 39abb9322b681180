// The programme query: the organisation's Social Shift programme as set up (its name and the purposes it claims).
import type { Programme } from '../../model/programme.js';
import type { Runtime } from '../runtime.js';
import { authorize, list, load, loadActor } from '../runtime.js';
import { newest } from './cycles.js';

/**
 * Programme queries, acting as one person.
 *
 * @example
 * ```ts
 * const me = shift.as(masterId);
 * const programme = await me.programme.get();
 * const { findings } = checkStrategyCoherence(await me.strategy.get(), { programme });
 * ```
 */
export interface ProgrammeCommands {
  /**
   * The programme: its name, description, claimed purposes, strategy id and the cycle it is in (`currentCycleId`,
   * the newest cycle; absent before the first starts). Read with the strategy's read right.
   */
  get(): Promise<Programme>;
}

/** Makes the programme queries for one actor. */
export function programmeCommands(rt: Runtime, actorId: string): ProgrammeCommands {
  return {
    async get() {
      authorize(rt, await loadActor(rt, actorId), 'strategy.read');
      const programme = (await list(rt, 'programme'))[0] ?? (await load(rt, 'programme', 'programme'));
      // The current cycle is the newest one: read from the cycles, not stored, so it never lags behind them.
      const cycle = await newest(rt);
      return cycle === undefined ? programme : { ...programme, currentCycleId: cycle.id };
    },
  };
}
