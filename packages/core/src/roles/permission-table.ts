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

/**
 * An action description for the generated docs.
 *
 * @example
 * ```ts
 * const info: ActionInfo = ACTIONS['offers.respond']; // { description: 'See, decline and share an offer.' }
 * ```
 */
export interface ActionInfo {
  readonly description: string;
}

/**
 * Every action the SDK checks, with what it covers. The SDK's commands map onto these (see `docs/roles.md`).
 *
 * @example
 * ```ts
 * ACTIONS['posts.approve'].description; // 'Approve a post or send it back for changes.'
 * ```
 */
export const ACTIONS = {
  'strategy.update': {
    description: 'Set goals, audiences, content pillars and platforms (a new strategy version).',
  },
  'strategy.read': { description: 'Read the strategy.' },
  'cycles.start': {
    description: 'Start the first cycle, or close a measured and adjusted cycle and start the next.',
  },
  'cycles.moveStep': { description: 'Move the current cycle to another step of the method.' },
  'cycles.read': { description: 'Read the cycles of the programme.' },
  'people.add': { description: 'Add a person (a candidate ambassador).' },
  'people.invite': { description: 'Invite a candidate to become an ambassador.' },
  'people.update': {
    description: "Change a person's name, contact, language, teams, department or location.",
  },
  'people.consent': { description: 'Give consent (this activates an invited ambassador).' },
  'people.withdrawConsent': { description: 'Withdraw consent.' },
  'people.reactivate': { description: 'Reactivate a dormant ambassador.' },
  'people.leave': { description: 'Let a person leave the programme.' },
  'people.linkAccount': { description: "Link a person's social account (platform, handle, network size)." },
  'people.read': { description: 'Read people.' },
  'roles.assign.master': { description: 'Assign or revoke the master role.' },
  'roles.assign.editor': { description: 'Assign or revoke the editor role.' },
  'roles.assign.creator': { description: 'Assign or revoke the creator role.' },
  'roles.assign.publisher': { description: 'Assign or revoke the publisher role.' },
  'teams.manage': { description: 'Create teams.' },
  'teams.read': { description: 'Read teams.' },
  'focusGroups.manage': { description: 'Create focus groups and set their members.' },
  'focusGroups.read': { description: 'Read focus groups.' },
  'contributions.create': { description: 'Create a contribution (raw material).' },
  'contributions.update': { description: 'Edit a contribution.' },
  'contributions.submit': { description: 'Submit or resubmit a contribution for review.' },
  'contributions.review': { description: 'Review a contribution: start, accept, request changes, decline.' },
  'contributions.archive': { description: 'Archive a contribution.' },
  'contributions.read': { description: 'Read contributions.' },
  'posts.create': { description: 'Write a post (from accepted contributions or from scratch).' },
  'posts.update': { description: 'Edit a post and submit it for review.' },
  'posts.submit': { description: 'Submit a post for review.' },
  'posts.approve': { description: 'Approve a post or send it back for changes.' },
  'posts.schedule': { description: 'Schedule an approved post.' },
  'posts.withdraw': { description: 'Withdraw a post (its open offers expire).' },
  'posts.archive': { description: 'Archive a post.' },
  'posts.read': { description: 'Read posts.' },
  'campaigns.create': { description: 'Create a campaign.' },
  'campaigns.update': { description: 'Edit a draft campaign.' },
  'campaigns.run': { description: 'Schedule, start, pause, resume and complete a campaign.' },
  'campaigns.evaluate': { description: "Record a campaign's evaluation." },
  'campaigns.cancel': { description: 'Cancel a campaign.' },
  'campaigns.read': { description: 'Read campaigns.' },
  'offers.respond': { description: 'See, decline and share an offer.' },
  'offers.read': { description: 'Read offers (and the posts they offer).' },
  'privacy.export': {
    description: "Read a person's consents and export everything the programme holds about them.",
  },
  'privacy.erase': {
    description: "Erase a person's personal data (pseudonymise them in every record and in the event log).",
  },
  'privacy.retention': {
    description: 'Apply the retention policy: fold raw platform events older than N days into a summary.',
  },
} as const satisfies Record<string, ActionInfo>;

/**
 * An action the permission table governs.
 *
 * @example
 * ```ts
 * const action: Action = 'posts.approve';
 * ```
 */
export type Action = keyof typeof ACTIONS;
/**
 * Every action, in table order.
 *
 * @example
 * ```ts
 * ACTION_LIST.includes('offers.respond'); // true
 * ```
 */
export const ACTION_LIST = Object.keys(ACTIONS) as Action[];

/**
 * The permission table: per action, which grantees may run it and how far.
 *
 * @example
 * ```ts
 * const table: PermissionTable = resolvePermissions({ 'posts.create': { creator: 'assigned' } });
 * ```
 */
export type PermissionTable = Readonly<Record<Action, PermissionRow>>;

const internal = {
  master: 'organisation',
  editor: 'organisation',
  creator: 'organisation',
  publisher: 'organisation',
} as const;

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
export const DEFAULT_PERMISSIONS: PermissionTable = {
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
  'focusGroups.manage': { master: 'organisation', editor: 'organisation' },
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
};

/**
 * Overrides of the permission table: per action, grantees to set (a scope) or remove (`null`).
 *
 * @example
 * ```ts
 * const overrides: PermissionOverrides = { 'campaigns.cancel': { editor: 'assigned' }, 'posts.approve': { editor: null } };
 * createSocialShift({ storage, organisationId, config: { permissions: overrides } });
 * ```
 */
export type PermissionOverrides = Readonly<
  Partial<Record<Action, Readonly<Partial<Record<Grantee, PermissionScope | null>>>>>
>;

/**
 * Applies configuration overrides to the default table: a scope sets a grantee's permission, `null` removes it.
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
  const table = { ...base } as Record<Action, PermissionRow>;
  for (const action of Object.keys(overrides) as Action[]) {
    if (!(action in ACTIONS)) throw new RangeError(`Unknown action in permission overrides: ${action}`);
    const row: Partial<Record<Grantee, PermissionScope>> = { ...table[action] };
    for (const [grantee, scope] of Object.entries(overrides[action] ?? {}) as [
      Grantee,
      PermissionScope | null,
    ][]) {
      if (scope === null) delete row[grantee];
      else row[grantee] = scope;
    }
    table[action] = row;
  }
  return table;
}
