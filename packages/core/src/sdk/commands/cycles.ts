// The programme-cycle commands: the five steps of the method, run again and again.
import * as z from 'zod/mini';
import { SocialShiftError } from '../../errors/social-shift-error.js';
import type { Cycle } from '../../model/cycle.js';
import type { MethodStep } from '../../model/vocabulary.js';
import { MethodStepSchema } from '../../model/vocabulary.js';
import { programmeCycleWorkflow } from '../../workflows/programme-cycle.js';
import { readGuard } from '../guards.js';
import type { EntityWrite, New, Runtime } from '../runtime.js';
import {
  authorize,
  commit,
  commitFirst,
  entityWrite,
  invalidTransition,
  list,
  loadActor,
  nextOf,
  nextState,
  now,
  parseInput,
  permittedEvents,
} from '../runtime.js';
import { loadStrategy } from './strategy.js';

/** The events of the programme-cycle workflow. */
export type CycleEvent = (typeof programmeCycleWorkflow.events)[number];

const StepSchema = z.strictObject({ step: MethodStepSchema });

/**
 * Cycle commands and queries, acting as one person.
 *
 * @example
 * ```ts
 * await shift.as(masterId).cycles.moveTo({ step: 'measurement' });
 * ```
 */
export interface CycleCommands {
  /** The newest cycle, if any. */
  current(): Promise<Cycle | undefined>;
  /** Every cycle of the programme, oldest (cycle 1) first. */
  list(): Promise<Cycle[]>;
  /** Starts cycle 1, or closes an adjusted cycle and starts the next; pins the current strategy version. */
  start(): Promise<Cycle>;
  /** Moves the current cycle to a step of the method (forward one step, or back to any earlier step). */
  moveTo(input: { step: MethodStep }): Promise<Cycle>;
  /** Measurement is done: the cycle moves to adjustment. */
  adjust(): Promise<Cycle>;
  /** The workflow events this person may send on the current cycle now. */
  allowedEvents(): Promise<CycleEvent[]>;
}

/**
 * The cycle with the highest number: the one the programme is in (a cycle is closed only when the next starts). The
 * last of the cycles in number order, as `cycles.current()` reads them: of two cycles with one number (an import of a
 * log whose cycles started at once), the one a move changes is the one `current()` shows.
 */
export const newest = async (rt: Runtime): Promise<Cycle | undefined> =>
  (await list(rt, 'cycle')).sort((a, b) => a.number - b.number).at(-1);

/** Makes the cycle commands for one actor. */
export function cycleCommands(rt: Runtime, actorId: string): CycleCommands {
  const requireCurrent = async () => {
    const cycle = await newest(rt);
    if (cycle) return cycle;
    throw new SocialShiftError(
      'NOT_FOUND',
      'No programme cycle has started yet: start one with cycles.start().',
      {
        details: { entityType: 'cycle', id: 'current' },
      },
    );
  };
  const all = async () => {
    authorize(rt, await loadActor(rt, actorId), 'cycles.read');
    return (await list(rt, 'cycle')).sort((a, b) => a.number - b.number);
  };
  const move = async (event: CycleEvent): Promise<Cycle> => {
    const actor = await loadActor(rt, actorId);
    authorize(rt, actor, 'cycles.moveStep');
    const cycle = await requireCurrent();
    const status = nextState(programmeCycleWorkflow, cycle, event);
    // A strategy update writes this guard: a cycle leaving its strategy step, which pins the strategy read after it,
    // is a CONFLICT when the strategy changed meanwhile (retry: it then runs on the change), not a cycle on the
    // version before it. A move at another step and an update at the same moment are one too.
    const guard = await readGuard(rt, 'cycles');
    const at = now(rt);
    const adjusted = event === 'ADJUST';
    const after: Cycle = {
      ...cycle,
      status,
      // The latest 1,000 steps (the schema's bound): a history field never blocks the workflow; every move stays in
      // the `cycle.step_changed` events. Adjustment is no step of the method.
      visitedSteps: adjusted
        ? cycle.visitedSteps
        : [...cycle.visitedSteps, status as MethodStep].slice(-1_000),
      ...(adjusted ? { measuredAt: at } : {}),
      // The strategy this cycle runs on is the one its strategy step ends with (step 1 of the method sets it).
      ...(cycle.status === 'strategy' ? { strategyVersion: (await loadStrategy(rt)).strategyVersion } : {}),
    };
    return commitFirst<Cycle>(
      rt,
      actorId,
      [
        adjusted
          ? entityWrite('cycle', cycle, after, 'cycle.measured')
          : entityWrite('cycle', cycle, after, 'cycle.step_changed', { from: cycle.status, to: status }),
      ],
      { guards: [guard] },
    );
  };
  return {
    current: async () => (await all()).at(-1),
    list: all,
    async start() {
      // Read before the newest cycle: two starts at once make one cycle with the next number and a CONFLICT.
      const guard = await readGuard(rt, 'cycles');
      const actor = await loadActor(rt, actorId);
      authorize(rt, actor, 'cycles.start');
      const current = await newest(rt);
      const writes: EntityWrite[] = [];
      if (current && current.status !== 'closed') {
        const status = nextOf(programmeCycleWorkflow, current.status, 'CLOSE');
        if (status === undefined) {
          throw invalidTransition(
            programmeCycleWorkflow,
            current,
            'CLOSE',
            `Cycle ${current.number} is at the ${current.status} step: a new cycle starts only after this one has been measured and adjusted (cycles.adjust() at its measurement step first).`,
          );
        }
        writes.push(entityWrite('cycle', current, { ...current, status, closedAt: now(rt) }, 'cycle.closed'));
      }
      const strategy = await loadStrategy(rt);
      const at = now(rt);
      const number = (current?.number ?? 0) + 1;
      const cycle: New<Cycle> = {
        id: rt.ids.next('cycle'),
        programmeId: strategy.programmeId,
        number,
        status: programmeCycleWorkflow.config.initial,
        strategyVersion: strategy.strategyVersion,
        visitedSteps: ['strategy'],
        startedAt: at,
      };
      writes.push(
        entityWrite('cycle', undefined, cycle, 'cycle.started', {
          number,
          strategyVersion: strategy.strategyVersion,
        }),
      );
      const { entities } = await commit(rt, actorId, writes, { guards: [guard] });
      return entities.at(-1) as unknown as Cycle;
    },
    async moveTo(input) {
      const { step } = parseInput('cycle step', StepSchema, input);
      // The workflow's event to go to a step is named after it: GO_TO_ACTIVATION for activation.
      return move(`GO_TO_${step.toUpperCase()}` as `GO_TO_${Uppercase<MethodStep>}`);
    },
    adjust: () => move('ADJUST'),
    async allowedEvents() {
      const actor = await loadActor(rt, actorId);
      const cycle = await newest(rt);
      return cycle ? permittedEvents(rt, actor, programmeCycleWorkflow, cycle.status, {}) : [];
    },
  };
}
