import * as z from 'zod/mini';
import { SocialShiftError } from '../../errors/social-shift-error.js';
import type { Organisation } from '../../model/organisation.js';
import { OrganisationSchema } from '../../model/organisation.js';
import type { Person } from '../../model/person.js';
import { PersonSchema } from '../../model/person.js';
import type { Programme } from '../../model/programme.js';
import { ProgrammeSchema } from '../../model/programme.js';
import type { RoleAssignment } from '../../model/role-assignment.js';
import type { Strategy } from '../../model/strategy.js';
import { ambassadorWorkflow } from '../../workflows/ambassador.js';
import type { CommandInput } from '../command-input.js';
import type { New, Runtime } from '../runtime.js';
import { commit, entityWrite, find, now, parseInput } from '../runtime.js';
import { checkStrategyIds, UpdateStrategyInputSchema } from './strategy.js';

/**
 * Input of `setup`: the organisation, its programme, optionally a first strategy, and the first master.
 *
 * @example
 * ```ts
 * const result = SetupInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const SetupInputSchema = z.strictObject({
  organisation: z.pick(OrganisationSchema, {
    name: true,
    defaultLanguage: true,
    timeZone: true,
    departments: true,
    locations: true,
  }),
  programme: z.pick(ProgrammeSchema, { name: true, description: true, claimedPurposes: true }),
  strategy: z.optional(UpdateStrategyInputSchema),
  master: z.pick(PersonSchema, { displayName: true, email: true, language: true }),
});
/** Input of `setup`. */
export type SetupInput = CommandInput<z.input<typeof SetupInputSchema>>;

/** The ids `setup` created. */
export interface SetupResult {
  readonly organisationId: string;
  readonly programmeId: string;
  readonly strategyId: string;
  readonly masterId: string;
}

/**
 * Bootstraps an organisation: organisation, programme, first strategy (version 1) and the first social master,
 * in one transaction. Only when the organisation does not exist yet (`ALREADY_EXISTS` otherwise).
 */
export async function setup(rt: Runtime, input: SetupInput): Promise<SetupResult> {
  const parsed = parseInput('setup', SetupInputSchema, input);
  if (await find(rt, 'organisation', rt.organisationId)) {
    throw new SocialShiftError(
      'ALREADY_EXISTS',
      `Organisation "${rt.organisationId}" is set up already: act as one of its masters instead.`,
      { details: { entityType: 'organisation', id: rt.organisationId } },
    );
  }
  const at = now(rt);
  const programmeId = rt.ids.next('programme');
  const strategyId = rt.ids.next('strategy');
  const masterId = rt.ids.next('person');
  const organisation: New<Organisation> = { ...parsed.organisation, id: rt.organisationId };
  const programme: New<Programme> = { ...parsed.programme, id: programmeId, strategyId };
  const strategy: New<Strategy> = {
    // A strategy given has all four lists (the schema's defaults); none given is an empty one.
    goals: [],
    audiences: [],
    pillars: [],
    platforms: [],
    ...(parsed.strategy as Partial<Strategy> | undefined),
    id: strategyId,
    programmeId,
    strategyVersion: 1,
  };
  // The strategy is one field of the setup input: its issues' paths start there.
  checkStrategyIds(strategy, 'setup', ['strategy']);
  const master: New<Person> = {
    ...parsed.master,
    // Without a language of their own, the organisation's default, not the schema's 'nl' (ADR 102): the raw input.
    language: input.master.language ?? organisation.defaultLanguage,
    id: masterId,
    external: false,
    status: ambassadorWorkflow.config.initial,
    teamIds: [],
    customerFacing: false,
  };
  const role: New<RoleAssignment> = {
    id: rt.ids.next('role'),
    personId: masterId,
    role: 'master',
    assignedBy: masterId,
    assignedAt: at,
  };
  await commit(rt, masterId, [
    entityWrite('organisation', undefined, organisation, 'organisation.created', { name: organisation.name }),
    entityWrite('programme', undefined, programme, 'programme.created', {
      name: programme.name,
      claimedPurposes: programme.claimedPurposes,
    }),
    entityWrite('strategy', undefined, strategy, 'strategy.updated', { strategyVersion: 1 }),
    entityWrite('person', undefined, master, 'person.added', { teamIds: [], external: false }),
    entityWrite('role_assignment', undefined, role, 'role.assigned', { personId: masterId, role: 'master' }),
  ]);
  return { organisationId: rt.organisationId, programmeId, strategyId, masterId };
}
