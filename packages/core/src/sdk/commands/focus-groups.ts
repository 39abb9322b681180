// The focus group commands: groups of ambassadors a campaign can target.
import * as z from 'zod/mini';
import { invalidValue } from '../../errors/invalid-value.js';
import type { FocusGroup } from '../../model/focus-group.js';
import { FocusGroupSchema } from '../../model/focus-group.js';
import { IdListSchema } from '../../model/primitives.js';
import type { Actor } from '../../roles/role-check.js';
import type { CommandInput } from '../command-input.js';
import type { New, Runtime } from '../runtime.js';
import {
  authorize,
  checkId,
  commitFirst,
  entityWrite,
  list,
  load,
  loadActor,
  parseInput,
} from '../runtime.js';
import { checkStrategyRefs } from './strategy.js';

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
export type CreateFocusGroupInput = CommandInput<z.input<typeof CreateFocusGroupInputSchema>>;
const MembersSchema = z.strictObject({ memberIds: IdListSchema });

/**
 * Focus group commands, acting as one person.
 *
 * @example
 * ```ts
 * await shift.as(editorId).focusGroups.create({ name: 'Night nurses', memberIds: [publisherId] });
 * ```
 */
export interface FocusGroupCommands {
  /** Creates a focus group, a named set of people a campaign can target (`focusGroups.manage`). */
  create(input: CreateFocusGroupInput): Promise<FocusGroup>;
  /** Replaces the members of a focus group with `memberIds` (repeats are dropped). */
  setMembers(focusGroupId: string, input: { readonly memberIds: readonly string[] }): Promise<FocusGroup>;
  /** One focus group (`focusGroups.read`). */
  get(focusGroupId: string): Promise<FocusGroup>;
  /** Every focus group (`focusGroups.read`). */
  list(): Promise<FocusGroup[]>;
}

/** Makes the focus group commands for one actor. */
export function focusGroupCommands(rt: Runtime, actorId: string): FocusGroupCommands {
  /** The members without repeats; `NOT_FOUND` for one who is not in the organisation. */
  // Erasure ends a person's part (ADR 089): one who was erased stays a member, but cannot become one.
  // A member added must be in the actor's teams, as in a campaign's audience: a campaign that targets the group
  // offers to whoever it holds when it starts or at a due run, with no actor to check then. Checked on
  // `focusGroups.manage` itself, so permission overrides of campaigns neither stop nor widen it.
  const membersOf = async (actor: Actor, ids: readonly string[], before: readonly string[] = []) => {
    for (const [i, id] of ids.entries()) {
      const person = await load(rt, 'person', id);
      if (before.includes(id)) continue;
      if (person.erasedAt !== undefined)
        throw invalidValue('focus group', ['memberIds', i], `Person "${id}" was erased: take them out.`);
      authorize(rt, actor, 'focusGroups.manage', { teamIds: person.teamIds });
    }
    return [...new Set(ids)];
  };
  return {
    async create(input) {
      const parsed = parseInput('focus group', CreateFocusGroupInputSchema, input);
      const actor = await loadActor(rt, actorId);
      authorize(rt, actor, 'focusGroups.manage');
      await checkStrategyRefs(rt, 'focus group', parsed);
      const memberIds = await membersOf(actor, parsed.memberIds);
      const group: New<FocusGroup> = {
        ...parsed,
        memberIds,
        id: rt.ids.next('focus'),
      };
      return commitFirst<FocusGroup>(rt, actorId, [
        entityWrite('focus_group', undefined, group, 'focus_group.created', { name: group.name, memberIds }),
      ]);
    },
    async setMembers(focusGroupId, input) {
      const parsed = parseInput('focus group members', MembersSchema, input);
      const actor = await loadActor(rt, actorId);
      authorize(rt, actor, 'focusGroups.manage');
      const group = await load(rt, 'focus_group', checkId(focusGroupId, 'focusGroupId'));
      const memberIds = await membersOf(actor, parsed.memberIds, group.memberIds);
      return commitFirst<FocusGroup>(rt, actorId, [
        entityWrite('focus_group', group, { ...group, memberIds }, 'focus_group.updated', { memberIds }),
      ]);
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
