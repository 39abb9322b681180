import * as z from 'zod/mini';
import { SocialShiftError } from '../../errors/social-shift-error.js';
import type { Cycle } from '../../model/cycle.js';
import type { FocusGroup } from '../../model/focus-group.js';
import { FocusGroupSchema } from '../../model/focus-group.js';
import { IdListSchema } from '../../model/primitives.js';
import type { Strategy } from '../../model/strategy.js';
import { StrategySchema } from '../../model/strategy.js';
import type { Team } from '../../model/team.js';
import { TeamSchema } from '../../model/team.js';
import type { MethodStep } from '../../model/vocabulary.js';
import { MethodStepSchema } from '../../model/vocabulary.js';
import { programmeCycleWorkflow } from '../../workflows/programme-cycle.js';
import { readGuard } from '../guards.js';
import type { EntityWrite, Runtime } from '../runtime.js';
import {
  authorize,
  checkId,
  commit,
  list,
  load,
  loadActor,
  nextOf,
  nextState,
  now,
  parseInput,
  parsePatch,
  permittedEvents,
} from '../runtime.js';

/** The events of the programme-cycle workflow. */
export type CycleEvent = (typeof programmeCycleWorkflow.events)[number];

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
 * Input of `teams.create`.
 *
 * @example
 * ```ts
 * const result = CreateTeamInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const CreateTeamInputSchema = z.pick(TeamSchema, {
  name: true,
  department: true,
  location: true,
  parentTeamId: true,
});
/** Input of `teams.create`. */
export type CreateTeamInput = z.input<typeof CreateTeamInputSchema>;
/**
 * Input of `focusGroups.create`.
 *
 * @example
 * ```ts
 * const result = CreateFocusGroupInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const CreateFocusGroupInputSchema = z.pick(FocusGroupSchema, {
  name: true,
  description: true,
  memberIds: true,
  pillarIds: true,
});
/** Input of `focusGroups.create`. */
export type CreateFocusGroupInput = z.input<typeof CreateFocusGroupInputSchema>;
const MembersSchema = z.strictObject({ memberIds: IdListSchema });
const StepSchema = z.strictObject({ step: MethodStepSchema });

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
  list(): Promise<Cycle[]>;
  /** Starts cycle 1, or closes an adjusted cycle and starts the next; pins the current strategy version. */
  start(): Promise<Cycle>;
  /** Moves the current cycle to a step of the method (forward one step, or back to any earlier step). */
  moveTo(input: { step: MethodStep }): Promise<Cycle>;
  /** Measurement is done: the cycle moves to adjustment. */
  adjust(): Promise<Cycle>;
  allowedEvents(): Promise<CycleEvent[]>;
}

/**
 * Team commands, acting as one person.
 *
 * @example
 * ```ts
 * await shift.as(masterId).teams.create({ name: 'Ward 3', location: 'Groningen' });
 * ```
 */
export interface TeamCommands {
  create(input: CreateTeamInput): Promise<Team>;
  list(): Promise<Team[]>;
}

/**
 * Focus group commands, acting as one person.
 *
 * @example
 * ```ts
 * await shift.as(editorId).focusGroups.create({ name: 'Night nurses', memberIds: [publisherId] });
 * ```
 */
export interface FocusGroupCommands {
  create(input: CreateFocusGroupInput): Promise<FocusGroup>;
  setMembers(focusGroupId: string, input: { memberIds: string[] }): Promise<FocusGroup>;
  get(focusGroupId: string): Promise<FocusGroup>;
  list(): Promise<FocusGroup[]>;
}

const stepEvent: Record<MethodStep, CycleEvent> = {
  strategy: 'GO_TO_STRATEGY',
  activation: 'GO_TO_ACTIVATION',
  content: 'GO_TO_CONTENT',
  campaigns: 'GO_TO_CAMPAIGNS',
  measurement: 'GO_TO_MEASUREMENT',
};

/** The organisation's strategy (one per programme). */
export async function loadStrategy(rt: Runtime): Promise<Strategy> {
  const strategies = await list(rt, 'strategy');
  const strategy = strategies[0];
  if (!strategy) return load(rt, 'strategy', 'strategy');
  return strategy;
}

const newest = async (rt: Runtime): Promise<Cycle | undefined> =>
  (await list(rt, 'cycle')).sort((a, b) => b.number - a.number)[0];

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

/** Makes the cycle commands for one actor. */
export function cycleCommands(rt: Runtime, actorId: string): CycleCommands {
  const requireCurrent = async () => {
    const cycle = await newest(rt);
    if (!cycle) return load(rt, 'cycle', 'no-cycle-yet');
    return cycle;
  };
  const move = async (event: CycleEvent): Promise<Cycle> => {
    const actor = await loadActor(rt, actorId);
    authorize(rt, actor, 'cycles.moveStep');
    const cycle = await requireCurrent();
    const status = nextState(programmeCycleWorkflow, cycle, event);
    const at = now(rt);
    const visitedSteps = MethodStepSchema.safeParse(status).success
      ? [...cycle.visitedSteps, status as MethodStep]
      : cycle.visitedSteps;
    const after: Cycle = {
      ...cycle,
      status,
      visitedSteps,
      ...(event === 'ADJUST' ? { measuredAt: at } : {}),
    };
    const { entities } = await commit(rt, actorId, [
      {
        type: 'cycle',
        before: cycle,
        after,
        events: [
          event === 'ADJUST'
            ? { type: 'cycle.measured' }
            : { type: 'cycle.step_changed', data: { from: cycle.status, to: status } },
        ],
      },
    ]);
    return entities[0] as unknown as Cycle;
  };
  return {
    async current() {
      authorize(rt, await loadActor(rt, actorId), 'cycles.read');
      return newest(rt);
    },
    async list() {
      authorize(rt, await loadActor(rt, actorId), 'cycles.read');
      return (await list(rt, 'cycle')).sort((a, b) => a.number - b.number);
    },
    async start() {
      // Read before the newest cycle: two starts at once make one cycle with the next number and a CONFLICT.
      const guard = await readGuard(rt, 'cycles');
      const actor = await loadActor(rt, actorId);
      authorize(rt, actor, 'cycles.start');
      const current = await newest(rt);
      const writes: EntityWrite[] = [];
      if (current && current.status !== 'closed') {
        if (nextOf(programmeCycleWorkflow, current.status, 'CLOSE') === undefined) {
          throw new SocialShiftError(
            'INVALID_TRANSITION',
            `Cycle ${current.number} is at the ${current.status} step: a new cycle starts only after this one has been measured and adjusted (move it to adjustment first).`,
            {
              details: {
                entityType: 'cycle',
                id: current.id,
                state: current.status,
                event: 'CLOSE',
                allowed: programmeCycleWorkflow.allowedEvents(current.status),
              },
            },
          );
        }
        const status = nextState(programmeCycleWorkflow, current, 'CLOSE');
        writes.push({
          type: 'cycle',
          before: current,
          after: { ...current, status, closedAt: now(rt) },
          events: [{ type: 'cycle.closed' }],
        });
      }
      const strategy = await loadStrategy(rt);
      const at = now(rt);
      const number = (current?.number ?? 0) + 1;
      const cycle: Cycle = {
        id: rt.ids.next('cycle'),
        organisationId: rt.organisationId,
        version: 1,
        createdAt: at,
        updatedAt: at,
        programmeId: strategy.programmeId,
        number,
        status: programmeCycleWorkflow.config.initial,
        strategyVersion: strategy.strategyVersion,
        visitedSteps: ['strategy'],
        startedAt: at,
      };
      writes.push({
        type: 'cycle',
        before: undefined,
        after: cycle,
        events: [{ type: 'cycle.started', data: { number, strategyVersion: strategy.strategyVersion } }],
      });
      const { entities } = await commit(rt, actorId, writes, { guards: [guard] });
      return entities.at(-1) as unknown as Cycle;
    },
    async moveTo(input) {
      const { step } = parseInput('cycle step', StepSchema, input);
      return move(stepEvent[step]);
    },
    adjust: () => move('ADJUST'),
    async allowedEvents() {
      const actor = await loadActor(rt, actorId);
      const cycle = await newest(rt);
      if (!cycle) return [];
      return permittedEvents(rt, actor, programmeCycleWorkflow, cycle.status, {});
    },
  };
}

/** Makes the team commands for one actor. */
export function teamCommands(rt: Runtime, actorId: string): TeamCommands {
  return {
    async create(input) {
      const parsed = parseInput('team', CreateTeamInputSchema, input);
      authorize(rt, await loadActor(rt, actorId), 'teams.manage');
      if (parsed.parentTeamId) await load(rt, 'team', parsed.parentTeamId);
      const at = now(rt);
      const team: Team = {
        ...parsed,
        id: rt.ids.next('team'),
        organisationId: rt.organisationId,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      const { entities } = await commit(rt, actorId, [
        {
          type: 'team',
          before: undefined,
          after: team,
          events: [
            {
              type: 'team.created',
              data: {
                name: team.name,
                ...(team.department ? { department: team.department } : {}),
                ...(team.location ? { location: team.location } : {}),
              },
            },
          ],
        },
      ]);
      return entities[0] as unknown as Team;
    },
    async list() {
      authorize(rt, await loadActor(rt, actorId), 'teams.read');
      return list(rt, 'team');
    },
  };
}

/** Makes the focus group commands for one actor. */
export function focusGroupCommands(rt: Runtime, actorId: string): FocusGroupCommands {
  const checkMembers = async (ids: readonly string[]) => {
    for (const id of ids) await load(rt, 'person', id);
  };
  return {
    async create(input) {
      const parsed = parseInput('focus group', CreateFocusGroupInputSchema, input);
      authorize(rt, await loadActor(rt, actorId), 'focusGroups.manage');
      const memberIds = [...new Set(parsed.memberIds)];
      await checkMembers(memberIds);
      const at = now(rt);
      const group: FocusGroup = {
        ...parsed,
        memberIds,
        id: rt.ids.next('focus'),
        organisationId: rt.organisationId,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      const { entities } = await commit(rt, actorId, [
        {
          type: 'focus_group',
          before: undefined,
          after: group,
          events: [{ type: 'focus_group.created', data: { name: group.name, memberIds } }],
        },
      ]);
      return entities[0] as unknown as FocusGroup;
    },
    async setMembers(focusGroupId, input) {
      const parsed = parseInput('focus group members', MembersSchema, input);
      authorize(rt, await loadActor(rt, actorId), 'focusGroups.manage');
      const group = await load(rt, 'focus_group', checkId(focusGroupId, 'focusGroupId'));
      const memberIds = [...new Set(parsed.memberIds)];
      await checkMembers(memberIds);
      const { entities } = await commit(rt, actorId, [
        {
          type: 'focus_group',
          before: group,
          after: { ...group, memberIds },
          events: [{ type: 'focus_group.updated', data: { memberIds } }],
        },
      ]);
      return entities[0] as unknown as FocusGroup;
    },
    async get(focusGroupId) {
      authorize(rt, await loadActor(rt, actorId), 'focusGroups.read');
      return load(rt, 'focus_group', checkId(focusGroupId, 'focusGroupId'));
    },
    async list() {
      authorize(rt, await loadActor(rt, actorId), 'focusGroups.read');
      return list(rt, 'focus_group');
    },
  };
}
