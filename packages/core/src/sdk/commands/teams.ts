// The team commands: the organisation's teams, for scopes, the engagement matrix and representativeness.
import * as z from 'zod/mini';
import type { Team } from '../../model/team.js';
import { TeamSchema } from '../../model/team.js';
import type { CommandInput } from '../command-input.js';
import type { New, Runtime } from '../runtime.js';
import {
  authorize,
  commitFirst,
  compact,
  entityWrite,
  list,
  load,
  loadActor,
  parseInput,
} from '../runtime.js';

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
export type CreateTeamInput = CommandInput<z.input<typeof CreateTeamInputSchema>>;

/**
 * Team commands, acting as one person.
 *
 * @example
 * ```ts
 * await shift.as(masterId).teams.create({ name: 'Ward 3', location: 'Groningen' });
 * ```
 */
export interface TeamCommands {
  /** Creates a team; a person's teams decide which team campaigns reach them. */
  create(input: CreateTeamInput): Promise<Team>;
  /** Every team of the organisation. */
  list(): Promise<Team[]>;
}

/** Makes the team commands for one actor. */
export function teamCommands(rt: Runtime, actorId: string): TeamCommands {
  return {
    async create(input) {
      const parsed = parseInput('team', CreateTeamInputSchema, input);
      authorize(rt, await loadActor(rt, actorId), 'teams.manage');
      if (parsed.parentTeamId) await load(rt, 'team', parsed.parentTeamId);
      const team: New<Team> = {
        ...parsed,
        id: rt.ids.next('team'),
      };
      return commitFirst<Team>(rt, actorId, [
        entityWrite(
          'team',
          undefined,
          team,
          'team.created',
          compact({ name: team.name, department: team.department, location: team.location }),
        ),
      ]);
    },
    async list() {
      authorize(rt, await loadActor(rt, actorId), 'teams.read');
      return list(rt, 'team');
    },
  };
}
