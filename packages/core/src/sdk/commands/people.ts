import * as z from 'zod/mini';
import { invalidValue } from '../../errors/invalid-value.js';
import { SocialShiftError } from '../../errors/social-shift-error.js';
import type { Consent } from '../../model/consent.js';
import { ConsentSchema } from '../../model/consent.js';
import type { Person } from '../../model/person.js';
import { PersonSchema } from '../../model/person.js';
import type { RoleAssignment } from '../../model/role-assignment.js';
import { RoleScopeSchema } from '../../model/role-assignment.js';
import type { SocialAccount } from '../../model/social-account.js';
import { SocialAccountSchema } from '../../model/social-account.js';
import type { AmbassadorStatus, Language, Role } from '../../model/vocabulary.js';
import { AmbassadorStatusSchema, RoleSchema } from '../../model/vocabulary.js';
import type { Action } from '../../roles/permission-table.js';
import type { Actor } from '../../roles/role-check.js';
import { ambassadorWorkflow } from '../../workflows/ambassador.js';
import { expireOpenOffers } from '../cascades.js';
import type { CommandInput } from '../command-input.js';
import { isLastMaster, keepAMaster, leavingGuards, readGuard } from '../guards.js';
import type { EntityWrite, ListFilter, New, Runtime } from '../runtime.js';
import {
  authorize,
  checkId,
  commit,
  commitFirst,
  compact,
  entityWrite,
  find,
  invalidTransition,
  isAllowedFor,
  list,
  listReadable,
  load,
  loadActor,
  nextState,
  now,
  parseInput,
  parsePatch,
  permittedEvents,
  personTarget,
} from '../runtime.js';
import { checkStrategyRefs } from './strategy.js';

/** The events of the ambassador workflow. */
export type AmbassadorEvent = (typeof ambassadorWorkflow.events)[number];

/**
 * Input of `people.add`. Its `language` defaults to `'nl'`: to give a person without a language the organisation's
 * `defaultLanguage`, send the form's own values (or leave `language` out), not the parsed result.
 *
 * @example
 * ```ts
 * const result = AddPersonInputSchema.safeParse(formValues); // validate a form before sending the command
 * if (result.success) await shift.as(masterId).people.add(formValues); // not result.data: that holds language 'nl'
 * ```
 */
export const AddPersonInputSchema = z.pick(PersonSchema, {
  displayName: true,
  email: true,
  language: true,
  external: true,
  teamIds: true,
  department: true,
  location: true,
  customerFacing: true,
});
/** Input of `people.add`, before defaults. */
export type AddPersonInput = CommandInput<z.input<typeof AddPersonInputSchema>>;
/**
 * Input of `people.consent`.
 *
 * @example
 * ```ts
 * const result = ConsentInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const ConsentInputSchema = z.pick(ConsentSchema, { purposes: true, termsVersion: true });
/**
 * Input of `people.update`: the fields to change.
 *
 * @example
 * ```ts
 * const result = UpdatePersonInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const UpdatePersonInputSchema = z.partial(
  z.pick(PersonSchema, {
    displayName: true,
    email: true,
    language: true,
    teamIds: true,
    department: true,
    location: true,
    customerFacing: true,
  }),
);
/** Input of `people.update`. */
export type UpdatePersonInput = CommandInput<z.input<typeof UpdatePersonInputSchema>>;
/** Input of `people.consent`. */
export type ConsentInput = CommandInput<z.input<typeof ConsentInputSchema>>;
/**
 * Input of `people.assignRole`.
 *
 * @example
 * ```ts
 * const result = AssignRoleInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const AssignRoleInputSchema = z.strictObject({ role: RoleSchema, scope: z.optional(RoleScopeSchema) });
/** Input of `people.assignRole`. */
export type AssignRoleInput = CommandInput<z.input<typeof AssignRoleInputSchema>>;
const RevokeRoleInputSchema = z.strictObject({ role: RoleSchema });
/**
 * Input of `people.linkAccount`.
 *
 * @example
 * ```ts
 * const result = LinkAccountInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const LinkAccountInputSchema = z.pick(SocialAccountSchema, {
  platform: true,
  handle: true,
  networkSize: true,
});
/** Input of `people.linkAccount`. */
export type LinkAccountInput = CommandInput<z.input<typeof LinkAccountInputSchema>>;

/** An erased person's record takes no more changes: nothing personal may be written about them again. */
const requireNotErased = (person: Person, event: string): void => {
  if (person.erasedAt !== undefined)
    throw invalidTransition(
      ambassadorWorkflow,
      { id: person.id, status: 'erased' as Person['status'] }, // no state of the workflow: nothing is allowed
      event,
      `This person's personal data was erased: their record takes no more changes.`,
    );
};
const roleAction = (role: Role): Action => `roles.assign.${role}`;

/**
 * People commands and queries, acting as one person.
 *
 * @example
 * ```ts
 * const person = await shift.as(editorId).people.add({ displayName: 'Piet' });
 * await shift.as(editorId).people.assignRole(person.id, { role: 'publisher' });
 * await shift.as(editorId).people.invite(person.id);
 * ```
 */
export interface PeopleCommands {
  /** Adds a person as a candidate ambassador. */
  add(input: AddPersonInput): Promise<Person>;
  /** Invites a candidate. */
  invite(personId: string): Promise<Person>;
  /** Changes a person's details (their teams decide which team campaigns reach them). */
  update(personId: string, input: UpdatePersonInput): Promise<Person>;
  /** The acting person gives consent; an invited ambassador becomes active. */
  consent(input: ConsentInput): Promise<Person>;
  /** The acting person withdraws consent: no more offers. */
  withdrawConsent(): Promise<Person>;
  /** Makes a dormant ambassador active again. */
  reactivate(personId: string): Promise<Person>;
  /** The person leaves the programme (never the last social master): their open offers expire; left is final. */
  leave(personId: string): Promise<Person>;
  /** Gives a person a role, optionally scoped to content pillars or teams. */
  assignRole(personId: string, input: AssignRoleInput): Promise<RoleAssignment>;
  /** Takes a role from a person (`NOT_FOUND` when they do not hold it; never the last social master's). */
  revokeRole(personId: string, input: { role: Role }): Promise<RoleAssignment>;
  /** Links (or updates) a person's account on a platform, with its network size. */
  linkAccount(personId: string, input: LinkAccountInput): Promise<SocialAccount>;
  /** One person this person may read. */
  get(personId: string): Promise<Person>;
  /**
   * The people this person may read (master and editors: everyone; others: themselves), only those in
   * `filter.status` when it names a state (`{ status: 'dormant' }`).
   */
  list(filter?: ListFilter<AmbassadorStatus>): Promise<Person[]>;
  /** A person's current role assignments. */
  roles(personId: string): Promise<RoleAssignment[]>;
  /** The ambassador workflow events this person may send on the person now. */
  allowedEvents(personId: string): Promise<AmbassadorEvent[]>;
}

/** Makes the people commands for one actor. */
export function peopleCommands(rt: Runtime, actorId: string): PeopleCommands {
  // A role whose permissions reach `assigned` things works within its scope: whoever assigns or revokes it must
  // reach that whole scope (none is everything), so an editor scoped to one pillar cannot hand out a role for
  // another pillar, or for all of them, nor take one away.
  // A scope on a role with no such rule would reach nothing (a master scoped to a pillar is a master of all): refused
  // when the role is given.
  const authorizeScope = (actor: Actor, role: Role, scope: RoleAssignment['scope'], giving?: true): void => {
    if (!Object.values(rt.permissions).some((row) => row[role] === 'assigned')) {
      if (giving && (scope?.pillarIds?.length || scope?.teamIds?.length))
        throw invalidValue(
          'role assignment',
          ['scope'],
          `No scope limits the ${role} role: give it without one.`,
        );
      return;
    }
    authorize(rt, actor, roleAction(role), {
      pillarIds: scope?.pillarIds ?? [],
      teamIds: scope?.teamIds ?? [],
    });
  };

  const move = async (personId: string, event: AmbassadorEvent): Promise<Person> => {
    // The action that sends the event, as the workflow names it (`people.leave` for LEAVE).
    const { action } = ambassadorWorkflow.config.events[event].sender as { action: Action };
    const actor = await loadActor(rt, actorId);
    const person = await load(rt, 'person', checkId(personId, 'personId'));
    authorize(rt, actor, action, personTarget(person));
    requireNotErased(person, event);
    const guards =
      event === 'LEAVE'
        ? [await keepAMaster(rt, actor, person.id, action), ...(await leavingGuards(rt, person.id))]
        : [];
    const status = nextState(ambassadorWorkflow, person, event);
    const after: Person =
      event === 'REACTIVATE' ? { ...person, status, lastActiveAt: now(rt) } : { ...person, status };
    const { entities } = await commit(
      rt,
      actorId,
      [
        // Someone who leaves gets nothing more: their open offers expire in the same transaction (first, while
        // the actor is still in the programme).
        ...(event === 'LEAVE' ? await expireOpenOffers(rt, { publisherId: person.id }) : []),
        entityWrite('person', person, after, ambassadorWorkflow.config.events[event].domainEvent),
      ],
      { guards },
    );
    return entities.at(-1) as unknown as Person;
  };

  const currentRoles = async (personId: string) =>
    (await list(rt, 'role_assignment', { personId })).filter((a) => a.revokedAt === undefined);

  return {
    async add(input) {
      const parsed = parseInput('person', AddPersonInputSchema, input);
      const actor = await loadActor(rt, actorId);
      authorize(rt, actor, 'people.add', { teamIds: parsed.teamIds });
      for (const teamId of parsed.teamIds) await load(rt, 'team', teamId);
      // A person added without a language gets the organisation's default language, not the schema's 'nl' that
      // `parsed` holds: hence the raw input. Without a stored one, the commit's schema gives 'nl' (ADR 102).
      if (!(input as AddPersonInput).language)
        parsed.language = (await find(rt, 'organisation', rt.organisationId))?.defaultLanguage as Language;
      const person: New<Person> = {
        ...parsed,
        id: rt.ids.next('person'),
        status: ambassadorWorkflow.config.initial,
      };
      return commitFirst<Person>(rt, actorId, [
        entityWrite(
          'person',
          undefined,
          person,
          'person.added',
          compact({
            teamIds: person.teamIds,
            department: person.department,
            location: person.location,
            external: person.external,
          }),
        ),
      ]);
    },
    invite: (personId) => move(personId, 'INVITE'),
    async update(personId, input) {
      const patch = parsePatch('person update', UpdatePersonInputSchema, input);
      const actor = await loadActor(rt, actorId);
      const person = await load(rt, 'person', checkId(personId, 'personId'));
      authorize(rt, actor, 'people.update', personTarget(person));
      requireNotErased(person, 'UPDATE');
      // Team membership decides which campaigns reach a person: only those who may add people to a team put them in
      // it. The teams they are in already pass (an edit form sends them back).
      const teamIds = patch.teamIds?.filter((id) => !person.teamIds.includes(id)) ?? [];
      if (teamIds[0]) authorize(rt, actor, 'people.add', { teamIds });
      for (const teamId of teamIds) await load(rt, 'team', teamId);
      const after: Person = { ...person, ...patch };
      return commitFirst<Person>(rt, actorId, [
        entityWrite(
          'person',
          person,
          after,
          'person.updated',
          compact({
            teamIds: patch.teamIds,
            department: patch.department,
            location: patch.location,
          }),
        ),
      ]);
    },
    reactivate: (personId) => move(personId, 'REACTIVATE'),
    leave: (personId) => move(personId, 'LEAVE'),
    async consent(input) {
      const parsed = parseInput('consent', ConsentInputSchema, input);
      const actor = await loadActor(rt, actorId);
      const person = actor.person;
      authorize(rt, actor, 'people.consent', personTarget(person));
      const status = nextState(ambassadorWorkflow, person, 'GIVE_CONSENT');
      const at = now(rt);
      const consent: New<Consent> = {
        ...parsed,
        purposes: [...new Set(parsed.purposes)],
        id: rt.ids.next('consent'),
        personId: person.id,
        givenAt: at,
      };
      return commitFirst<Person>(rt, actorId, [
        entityWrite('person', person, { ...person, status, lastActiveAt: at }, 'person.activated'),
        entityWrite('consent', undefined, consent, 'consent.given', {
          personId: person.id,
          purposes: consent.purposes,
          termsVersion: consent.termsVersion,
        }),
      ]);
    },
    async withdrawConsent() {
      const actor = await loadActor(rt, actorId);
      const person = actor.person;
      authorize(rt, actor, 'people.withdrawConsent', personTarget(person));
      const status = nextState(ambassadorWorkflow, person, 'WITHDRAW_CONSENT');
      const guards = await leavingGuards(rt, person.id);
      const at = now(rt);
      const consents = (await list(rt, 'consent', { personId: person.id })).filter(
        (c) => c.withdrawnAt === undefined,
      );
      const writes: EntityWrite[] = [
        entityWrite('person', person, { ...person, status }, 'person.updated'),
        ...consents.map((c) =>
          entityWrite('consent', c, { ...c, withdrawnAt: at }, 'consent.withdrawn', { personId: person.id }),
        ),
        // Withdrawal stops everything at once: open offers (and so digests of them) end in this transaction.
        ...(await expireOpenOffers(rt, { publisherId: person.id })),
      ];
      return commitFirst<Person>(rt, actorId, writes, { guards });
    },
    async assignRole(personId, input) {
      const parsed = parseInput('role assignment', AssignRoleInputSchema, input);
      const id = checkId(personId, 'personId');
      // Read before the roles it checks: the same role assigned twice at once is one assignment and a CONFLICT.
      const guard = await readGuard(rt, `roles:${id}`);
      const actor = await loadActor(rt, actorId);
      const person = await load(rt, 'person', id);
      authorize(rt, actor, roleAction(parsed.role), personTarget(person));
      authorizeScope(actor, parsed.role, parsed.scope, true);
      await checkStrategyRefs(rt, 'role assignment', parsed.scope ?? {}, {}, ['scope']);
      for (const teamId of parsed.scope?.teamIds ?? []) await load(rt, 'team', teamId);
      requireNotErased(person, 'ASSIGN_ROLE');
      // A role of someone who left would show in their roles and count nowhere (the last-master check ignores them).
      if (person.status === 'left')
        throw invalidTransition(
          ambassadorWorkflow,
          person,
          'ASSIGN_ROLE',
          `${person.displayName} left the programme.`,
        );
      if (person.external && parsed.role !== 'publisher')
        throw invalidValue(
          'role assignment',
          ['role'],
          'People outside the organisation can only be publishers.',
        );
      if ((await currentRoles(person.id)).some((a) => a.role === parsed.role)) {
        throw new SocialShiftError(
          'ALREADY_EXISTS',
          `${person.displayName} already holds the ${parsed.role} role.`,
          {
            details: { entityType: 'role_assignment', id: `${person.id}:${parsed.role}` },
          },
        );
      }
      const at = now(rt);
      const assignment: New<RoleAssignment> = {
        id: rt.ids.next('role'),
        personId: person.id,
        role: parsed.role,
        scope: parsed.scope,
        assignedBy: actor.person.id,
        assignedAt: at,
      };
      return commitFirst<RoleAssignment>(
        rt,
        actorId,
        [
          entityWrite('role_assignment', undefined, assignment, 'role.assigned', {
            personId: person.id,
            role: parsed.role,
          }),
        ],
        { guards: [guard] },
      );
    },
    async revokeRole(personId, input) {
      const { role } = parseInput('role', RevokeRoleInputSchema, input);
      const id = checkId(personId, 'personId');
      const guards = [await readGuard(rt, `roles:${id}`), ...(await leavingGuards(rt, id))];
      const actor = await loadActor(rt, actorId);
      const person = await load(rt, 'person', id);
      authorize(rt, actor, roleAction(role), personTarget(person));
      if (role === 'master') guards.push(await keepAMaster(rt, actor, person.id, roleAction(role)));
      const assignment = (await currentRoles(person.id)).find((a) => a.role === role);
      if (!assignment) {
        throw new SocialShiftError('NOT_FOUND', `${person.displayName} does not hold the ${role} role.`, {
          details: { entityType: 'role_assignment', id: `${person.id}:${role}` },
        });
      }
      authorizeScope(actor, role, assignment.scope);
      return commitFirst<RoleAssignment>(
        rt,
        actorId,
        [
          entityWrite('role_assignment', assignment, { ...assignment, revokedAt: now(rt) }, 'role.revoked', {
            personId: person.id,
            role,
          }),
        ],
        { guards },
      );
    },
    async linkAccount(personId, input) {
      const parsed = parseInput('social account', LinkAccountInputSchema, input);
      const id = checkId(personId, 'personId');
      // Read before the accounts it looks through: one account per platform, also when linked twice at once.
      const guard = await readGuard(rt, `accounts:${id}`);
      const actor = await loadActor(rt, actorId);
      const person = await load(rt, 'person', id);
      authorize(rt, actor, 'people.linkAccount', personTarget(person));
      requireNotErased(person, 'LINK_ACCOUNT');
      const existing = (await list(rt, 'social_account', { personId: person.id })).find(
        (a) => a.platform === parsed.platform,
      );
      const account: New<SocialAccount> = existing
        ? { ...existing, ...parsed }
        : {
            ...parsed,
            id: rt.ids.next('account'),
            personId: person.id,
          };
      return commitFirst<SocialAccount>(
        rt,
        actorId,
        [
          entityWrite('social_account', existing, account, 'account.linked', {
            personId: person.id,
            platform: parsed.platform,
            networkSize: parsed.networkSize,
          }),
        ],
        { guards: [guard] },
      );
    },
    async get(personId) {
      const actor = await loadActor(rt, actorId);
      const person = await load(rt, 'person', checkId(personId, 'personId'));
      authorize(rt, actor, 'people.read', personTarget(person));
      return person;
    },
    list: (filter) =>
      listReadable(rt, actorId, 'person', 'people.read', personTarget, AmbassadorStatusSchema, filter),
    async roles(personId) {
      const actor = await loadActor(rt, actorId);
      const person = await load(rt, 'person', checkId(personId, 'personId'));
      authorize(rt, actor, 'people.read', personTarget(person));
      return currentRoles(person.id);
    },
    async allowedEvents(personId) {
      const actor = await loadActor(rt, actorId);
      const person = await load(rt, 'person', checkId(personId, 'personId'));
      // An erased record takes no more events; the last master cannot leave.
      if (person.erasedAt || !isAllowedFor(rt, actor, 'people.read', personTarget(person))) return [];
      // Consent is given and withdrawn by the person themselves (people.consent acts on its actor), never for another.
      const events = permittedEvents(
        rt,
        actor,
        ambassadorWorkflow,
        person.status,
        personTarget(person),
        (event) => person.id === actor.person.id || !event.endsWith('CONSENT'),
      );
      return events.includes('LEAVE') && (await isLastMaster(rt, person.id))
        ? events.filter((event) => event !== 'LEAVE')
        : events;
    },
  };
}
