import { invalidValue } from '../errors/invalid-value.js';
import { isRecord } from '../model/is-record.js';
import type { Role } from '../model/vocabulary.js';
import { ROLES } from '../model/vocabulary.js';

/**
 * How far a role's permission for an action reaches:
 *
 * - `organisation`: anything in the organisation.
 * - `assigned`: within the scope of the role assignment (its content pillars and teams); everything when the
 *   assignment has no scope.
 * - `own`: only what is the actor's own (their contribution, their offer, themselves).
 */
export const PERMISSION_SCOPES = ['organisation', 'assigned', 'own'] as const;
/**
 * How far a permission reaches.
 *
 * @example
 * ```ts
 * const scope: PermissionScope = DEFAULT_PERMISSIONS['posts.approve'].editor ?? 'own'; // 'assigned'
 * ```
 */
export type PermissionScope = (typeof PERMISSION_SCOPES)[number];

/**
 * Who a permission row names: one of the four roles, or `anyone` (any person, with or without a role).
 *
 * @example
 * ```ts
 * const grantee: Grantee = 'anyone'; // e.g. giving one's own consent
 * ```
 */
export type Grantee = Role | 'anyone';
/**
 * The grantees in table order (the columns of `docs/roles.md`).
 *
 * @example
 * ```ts
 * GRANTEES; // ['master', 'editor', 'creator', 'publisher', 'anyone']
 * ```
 */
export const GRANTEES: readonly Grantee[] = [...ROLES, 'anyone'];

/**
 * One row of the permission table: which grantee may run the action, and how far.
 *
 * @example
 * ```ts
 * const row: PermissionRow = { master: 'organisation', editor: 'assigned' };
 * ```
 */
export type PermissionRow = Readonly<Partial<Record<Grantee, PermissionScope>>>;

const internal = {
  master: 'organisation',
  editor: 'organisation',
  creator: 'organisation',
  publisher: 'organisation',
} as const;

// The table's rows, written once: the actions are its keys, in table order.
const defaults = {
  'strategy.update': { master: 'organisation' },
  'strategy.read': internal,
  'cycles.start': { master: 'organisation' },
  'cycles.moveStep': { master: 'organisation' },
  'cycles.read': internal,
  'people.add': { master: 'organisation', editor: 'assigned' },
  'people.invite': { master: 'organisation', editor: 'assigned' },
  'people.update': { master: 'organisation', editor: 'assigned', anyone: 'own' },
  'people.consent': { anyone: 'own' },
  'people.withdrawConsent': { anyone: 'own' },
  'people.reactivate': { master: 'organisation', editor: 'assigned', anyone: 'own' },
  'people.leave': { master: 'organisation', anyone: 'own' },
  'people.linkAccount': { master: 'organisation', anyone: 'own' },
  'people.read': { master: 'organisation', editor: 'organisation', anyone: 'own' },
  'roles.assign.master': { master: 'organisation' },
  'roles.assign.editor': { master: 'organisation' },
  'roles.assign.creator': { master: 'organisation', editor: 'assigned' },
  'roles.assign.publisher': { master: 'organisation', editor: 'assigned' },
  'teams.manage': { master: 'organisation' },
  'teams.read': internal,
  'focusGroups.manage': { master: 'organisation', editor: 'assigned' },
  'focusGroups.read': { master: 'organisation', editor: 'organisation' },
  'contributions.create': { creator: 'assigned' },
  'contributions.update': { creator: 'own' },
  'contributions.submit': { creator: 'own' },
  'contributions.review': { master: 'organisation', editor: 'assigned' },
  'contributions.archive': { master: 'organisation', editor: 'assigned', creator: 'own' },
  'contributions.read': { master: 'organisation', editor: 'assigned', creator: 'own' },
  'posts.create': { editor: 'assigned' },
  'posts.update': { editor: 'assigned' },
  'posts.submit': { editor: 'assigned' },
  'posts.approve': { master: 'organisation', editor: 'assigned' },
  'posts.schedule': { master: 'organisation', editor: 'assigned' },
  'posts.withdraw': { master: 'organisation', editor: 'assigned' },
  'posts.archive': { master: 'organisation', editor: 'assigned' },
  'posts.read': { master: 'organisation', editor: 'organisation' },
  'campaigns.create': { master: 'organisation', editor: 'assigned' },
  'campaigns.update': { master: 'organisation', editor: 'assigned' },
  'campaigns.run': { master: 'organisation', editor: 'assigned' },
  'campaigns.evaluate': { master: 'organisation' },
  'campaigns.cancel': { master: 'organisation' },
  'campaigns.read': { master: 'organisation', editor: 'organisation' },
  'offers.respond': { publisher: 'own' },
  'offers.read': { master: 'organisation', editor: 'organisation', publisher: 'own' },
  'privacy.export': { master: 'organisation', anyone: 'own' },
  'privacy.erase': { master: 'organisation' },
  'privacy.retention': { master: 'organisation' },
} satisfies Record<Action, PermissionRow>;

/**
 * An action the permission table governs.
 *
 * @example
 * ```ts
 * const action: Action = 'posts.approve';
 * ```
 */
export type Action =
  | 'strategy.update'
  | 'strategy.read'
  | 'cycles.start'
  | 'cycles.moveStep'
  | 'cycles.read'
  | 'people.add'
  | 'people.invite'
  | 'people.update'
  | 'people.consent'
  | 'people.withdrawConsent'
  | 'people.reactivate'
  | 'people.leave'
  | 'people.linkAccount'
  | 'people.read'
  | 'roles.assign.master'
  | 'roles.assign.editor'
  | 'roles.assign.creator'
  | 'roles.assign.publisher'
  | 'teams.manage'
  | 'teams.read'
  | 'focusGroups.manage'
  | 'focusGroups.read'
  | 'contributions.create'
  | 'contributions.update'
  | 'contributions.submit'
  | 'contributions.review'
  | 'contributions.archive'
  | 'contributions.read'
  | 'posts.create'
  | 'posts.update'
  | 'posts.submit'
  | 'posts.approve'
  | 'posts.schedule'
  | 'posts.withdraw'
  | 'posts.archive'
  | 'posts.read'
  | 'campaigns.create'
  | 'campaigns.update'
  | 'campaigns.run'
  | 'campaigns.evaluate'
  | 'campaigns.cancel'
  | 'campaigns.read'
  | 'offers.respond'
  | 'offers.read'
  | 'privacy.export'
  | 'privacy.erase'
  | 'privacy.retention';
/**
 * Every action the SDK checks, in table order. The SDK's commands map onto these (see `docs/roles.md`); what each
 * covers, for docs and UIs, is `actionDescriptions` from `@social-shift/core/docs`.
 *
 * @example
 * ```ts
 * ACTION_LIST.includes('offers.respond'); // true
 * ```
 */
export const ACTION_LIST = Object.keys(defaults) as Action[];

/**
 * The permission table: per action, which grantees may run it and how far.
 *
 * @example
 * ```ts
 * const table: PermissionTable = resolvePermissions({ 'posts.create': { creator: 'assigned' } });
 * ```
 */
export type PermissionTable = Readonly<Record<Action, PermissionRow>>;

/**
 * The method's role rules as data: the master runs the programme, the strategy and campaigns and assigns every
 * role; editors activate creators and publishers, review contributions, write and distribute posts within their
 * scope; creators submit contributions for their pillars; publishers see their offers and share. An external
 * person's permissions are capped at `own`: an external publisher only ever sees offers made to them.
 *
 * @example
 * ```ts
 * DEFAULT_PERMISSIONS['posts.approve']; // { master: 'organisation', editor: 'assigned' }
 * ```
 */
export const DEFAULT_PERMISSIONS: PermissionTable = frozen(defaults);

/**
 * Overrides of the permission table: per action, grantees to set (a scope) or remove (`null`). A `null` row removes
 * every grantee of the action, so nobody may run it, as a `null` row of a base table does: `{ 'privacy.erase': null }`
 * turns erasure off. A row of `{}`, or none, keeps the action's row as it is.
 *
 * @example
 * ```ts
 * const overrides: PermissionOverrides = {
 *   'campaigns.cancel': { editor: 'assigned' }, // editors may cancel campaigns too
 *   'posts.approve': { editor: null }, // only the master approves
 *   'privacy.erase': null, // nobody erases people through the SDK
 * };
 * createSocialShift({ storage, organisationId, config: { permissions: overrides } });
 * ```
 */
export type PermissionOverrides = Readonly<
  Partial<Record<Action, Readonly<Partial<Record<Grantee, PermissionScope | null>>> | null>>
>;

/**
 * Applies configuration overrides to the default table (or to `base`): a scope sets a grantee's permission, `null`
 * removes it, and a `null` row removes every grantee (nobody may run the action), in `base` as in the overrides.
 * `base` is checked as the overrides are (`VALIDATION` on a row, grantee or scope of no known kind); an action it
 * does not hold is allowed to nobody. `anyone: 'assigned'` is refused (`VALIDATION`): `anyone` holds no assignment,
 * so it would reach nobody. An `own` rule on an action whose entity has no owner (`strategy.*`,
 * `cycles.*`, `people.add`, `teams.*`, `focusGroups.*`, `campaigns.*`, `privacy.retention`) is accepted but reaches
 * nobody (see `docs/roles.md`).
 *
 * @example
 * ```ts
 * // Let creators write posts about their own pillars, and stop editors from approving.
 * const table = resolvePermissions({ 'posts.create': { creator: 'assigned' }, 'posts.approve': { editor: null } });
 * ```
 */
export function resolvePermissions(
  overrides: PermissionOverrides = {},
  base: PermissionTable = DEFAULT_PERMISSIONS,
): PermissionTable {
  const table = {} as Record<Action, PermissionRow>;
  // The base is checked as the overrides are, and its rows copied the same way: a table built by hand with a typo
  // in an action, grantee or scope is refused instead of reaching nobody.
  for (const rows of [base, overrides] as PermissionOverrides[]) {
    const where = rows === base ? 'permission table' : 'permission overrides';
    if (!isRecord(rows))
      throw invalidValue(
        where,
        [],
        'Give an object of rows by action, e.g. { "posts.approve": { editor: null } }.',
      );
    for (const action of Object.keys(rows) as Action[]) {
      if (!Object.hasOwn(defaults, action))
        throw invalidValue(where, [action], `No such action: use one of ACTION_LIST, e.g. "posts.approve".`);
      const overridden = rows[action] ?? {};
      if (!isRecord(overridden))
        throw invalidValue(
          where,
          [action],
          'Give an object of scopes by grantee, e.g. { editor: "assigned" }.',
        );
      // A `null` row starts from nobody, in the overrides as in the base (where there is no row yet to start from).
      const row: Partial<Record<Grantee, PermissionScope>> = { ...(rows[action] !== null && table[action]) };
      for (const [grantee, scope] of Object.entries(overridden) as [Grantee, PermissionScope | null][]) {
        if (!GRANTEES.includes(grantee))
          throw invalidValue(where, [action, grantee], `No such grantee: use one of ${GRANTEES.join(', ')}.`);
        if (scope !== null && !PERMISSION_SCOPES.includes(scope))
          throw invalidValue(
            where,
            [action, grantee],
            `No such scope: use one of ${PERMISSION_SCOPES.join(', ')}, or null to remove it.`,
          );
        // `anyone` holds no assignment to be within: `assigned` would reach nobody (see isAllowed).
        if (grantee === 'anyone' && scope === 'assigned')
          throw invalidValue(
            where,
            [action, grantee],
            '"assigned" reaches nobody here (anyone holds no assignment): use "own", "organisation" or a role.',
          );
        if (scope === null) delete row[grantee];
        else row[grantee] = scope;
      }
      table[action] = row;
    }
  }
  return frozen(table);
}

/**
 * The table as frozen copies of its rows, in a frozen table: a write to one SDK's `permissions` (possible from
 * JavaScript) would otherwise reach every other SDK and the defaults, which share the rows.
 */
function frozen(table: Partial<PermissionTable>): PermissionTable {
  const out = {} as Record<Action, PermissionRow>;
  for (const action in defaults) out[action as Action] = Object.freeze({ ...table[action as Action] });
  return Object.freeze(out);
}
