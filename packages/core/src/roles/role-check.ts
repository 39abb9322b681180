import type { Person } from '../model/person.js';
import type { RoleAssignment } from '../model/role-assignment.js';
import type { Action, PermissionRow, PermissionScope, PermissionTable } from './permission-table.js';

/**
 * Who is acting: the person and their current (not revoked) role assignments.
 *
 * @example
 * ```ts
 * const actor: Actor = { person: aPerson(), assignments: [aRoleAssignment({ role: 'editor' })] };
 * ```
 */
export interface Actor {
  readonly person: Person;
  readonly assignments: readonly RoleAssignment[];
}

/**
 * What an action is applied to, as far as scope checks need it.
 *
 * @example
 * ```ts
 * const target: PermissionTarget = { pillarIds: post.pillarIds, ownerId: post.authorId };
 * ```
 */
export interface PermissionTarget {
  /** The person who owns the entity (the contribution's creator, the offer's publisher, the person itself). */
  readonly ownerId?: string | undefined;
  /** The content pillars the entity belongs to (posts, contributions, campaigns). */
  readonly pillarIds?: readonly string[] | undefined;
  /** The teams the entity belongs to (people). */
  readonly teamIds?: readonly string[] | undefined;
}

const within = (scope: readonly string[] | undefined, values: readonly string[] | undefined): boolean => {
  if (!scope?.length || values === undefined) return true;
  return values.length > 0 && values.every((value) => scope.includes(value));
};

const reaches = (
  scope: PermissionScope,
  actor: Actor,
  target: PermissionTarget,
  assignment: RoleAssignment | undefined,
): boolean => {
  if (actor.person.external && scope !== 'own') return false;
  switch (scope) {
    case 'organisation':
      return true;
    case 'own':
      return target.ownerId !== undefined && target.ownerId === actor.person.id;
    case 'assigned':
      // `anyone: 'assigned'` has no assignment to be within: it reaches nothing (not the whole organisation).
      return (
        !!assignment &&
        within(assignment.scope?.pillarIds, target.pillarIds) &&
        within(assignment.scope?.teamIds, target.teamIds)
      );
  }
};

/**
 * Tells whether an actor may run an action on a target under a permission table. A person may hold several
 * roles: any one that reaches the target suffices. People who left or were erased may do nothing.
 *
 * @example
 * ```ts
 * isAllowed(DEFAULT_PERMISSIONS, actor, 'posts.approve', { pillarIds: ['pillar_care'] });
 * ```
 */
export function isAllowed(
  table: PermissionTable,
  actor: Actor,
  action: Action,
  target: PermissionTarget = {},
): boolean {
  if (actor.person.status === 'left' || actor.person.erasedAt !== undefined) return false;
  // An action the table does not hold (a custom workflow's, or a typo from JavaScript) is allowed to nobody.
  const row: PermissionRow = table[action] ?? {};
  const anyone = row.anyone;
  if (anyone && reaches(anyone, actor, target, undefined)) return true;
  return actor.assignments.some((assignment) => {
    if (assignment.revokedAt !== undefined) return false;
    const scope = row[assignment.role];
    return scope !== undefined && reaches(scope, actor, target, assignment);
  });
}

/**
 * The roles an actor currently holds, deduplicated.
 *
 * @example
 * ```ts
 * rolesOf(actor); // ['editor', 'publisher']
 * ```
 */
export function rolesOf(actor: Actor): string[] {
  return [...new Set(actor.assignments.filter((a) => a.revokedAt === undefined).map((a) => a.role))];
}
