import { invalidValue } from '../errors/invalid-value.js';
import { isRecord } from '../model/is-record.js';
import { actionDescriptions } from './action-descriptions.js';
import type { Action, PermissionRow, PermissionTable } from './permission-table.js';
import { ACTION_LIST, GRANTEES, PERMISSION_SCOPES } from './permission-table.js';

const WHAT = 'permission table';

/**
 * The row of an action in a table a JavaScript caller may have built by hand: `undefined` when the table does not
 * hold the action (nobody may run it), `VALIDATION` when the table, the row or one of its scopes is of no known kind.
 */
export function permissionRowOf(table: PermissionTable, action: Action): PermissionRow | undefined {
  if (!isRecord(table))
    throw invalidValue(
      WHAT,
      [],
      'Give a table of rows by action, such as DEFAULT_PERMISSIONS or shift.permissions.',
    );
  if (!Object.hasOwn(table, action) || table[action] === undefined) return undefined;
  const row: unknown = table[action];
  if (!isRecord(row))
    throw invalidValue(WHAT, [action], 'Give an object of scopes by grantee, e.g. { editor: "assigned" }.');
  for (const grantee of GRANTEES) {
    const scope = row[grantee];
    if (scope !== undefined && !PERMISSION_SCOPES.includes(scope as never))
      throw invalidValue(
        WHAT,
        [action, grantee],
        `No such scope: use one of ${PERMISSION_SCOPES.join(', ')}.`,
      );
  }
  return row as PermissionRow;
}

/**
 * The permission table as a Markdown page: one row per action, one column per role (and `anyone`), each cell
 * the scope of the permission or `—`.
 *
 * @example
 * ```ts
 * const page = permissionTableMarkdown(shift.permissions);
 * ```
 */
export function permissionTableMarkdown(table: PermissionTable): string {
  const header = `| action | ${GRANTEES.join(' | ')} | what it covers |`;
  const rule = `| --- | ${GRANTEES.map(() => '---').join(' | ')} | --- |`;
  const rows = ACTION_LIST.map((action) => {
    const row = permissionRowOf(table, action) ?? {};
    const cells = GRANTEES.map((g) => row[g] ?? '—');
    return `| \`${action}\` | ${cells.join(' | ')} | ${actionDescriptions[action]} |`;
  });
  return [
    '# Roles and permissions',
    '',
    '<!-- Generated from packages/core/src/roles/permission-table.ts by `pnpm docs:generate`. Do not edit. -->',
    '',
    'The SDK checks this table on every command (`FORBIDDEN` otherwise). A person may hold several roles; any role',
    'that reaches the target is enough. `anyone` means any person acting on what is their own (giving consent,',
    'leaving). Scopes:',
    '',
    '- `organisation`: anything in the organisation.',
    "- `assigned`: within the role assignment's scope; everything when unscoped; refused for `anyone`, who holds no assignment.",
    '  Its content pillars reach the contributions, posts and campaigns whose pillars are all among them (not one in',
    '  no pillar); its teams reach the people whose teams are all among them (not someone in no team), also as the',
    "  people a campaign reaches. A team holds only its own people: a scope or a campaign's audience that names a team",
    '  does not take in the teams inside it (`parentTeamId`), so name those too. Contributions and posts are in no',
    '  team: an editor scoped to teams only reviews, writes and approves them for every pillar.',
    "- `own`: only the actor's own things (their contribution, their offer, themselves).",
    '',
    '`own` reaches something only on actions whose entity has an owner: a person (themselves; for `roles.assign.*`',
    'the person who gets the role), a contribution (its creator), a post (its author), an offer (its publisher),',
    '`privacy.export` and `privacy.erase` (the person). Assigning or revoking a role that holds an `assigned` rule',
    "in the table (by default `creator` and `editor`) also needs the role's scope to be reached, which `own` never",
    'does: there `own` reaches nobody, not even oneself. On the other actions (`strategy.*`, `cycles.*`, `people.add`,',
    '`teams.*`, `focusGroups.*`, `campaigns.*`, `privacy.retention`) an `own` rule is accepted but reaches nobody:',
    'give such an action `organisation`, or `assigned` to a role, instead. A role that holds no `assigned` rule (by',
    'default `master` and `publisher`) is given without a scope: a scope would limit nothing, so `people.assignRole`',
    'refuses one (`VALIDATION` on `scope`).',
    '',
    'People outside the organisation (`external`) are capped at `own`: an external publisher only ever sees offers',
    'made to them. The four-eyes rule (on by default, `config.fourEyes`) also stops whoever wrote, changed or',
    'submitted a post approving it. The table is exported as `DEFAULT_PERMISSIONS`; override rows with',
    "`createSocialShift({ config: { permissions: { 'posts.create': { creator: 'assigned' } } } })`: a scope sets a",
    'grantee, `null` removes one, and a `null` row removes every grantee, so nobody may run the action',
    "(`{ 'privacy.erase': null }` turns erasure off), as a `null` row of a base table does.",
    '',
    header,
    rule,
    ...rows,
    '',
  ].join('\n');
}
