import { actionDescriptions } from './action-descriptions.js';
import type { PermissionTable } from './permission-table.js';
import { ACTION_LIST, GRANTEES } from './permission-table.js';

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
    const row = table[action];
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
    "- `assigned`: within the role assignment's scope (its content pillars and teams); everything when unscoped.",
    "- `own`: only the actor's own things (their contribution, their offer, themselves).",
    '',
    'People outside the organisation (`external`) are capped at `own`: an external publisher only ever sees offers',
    'made to them. The four-eyes rule (on by default, `config.fourEyes`) also stops whoever wrote, changed or',
    'submitted a post approving it. The table is exported as `DEFAULT_PERMISSIONS`; override rows with',
    "`createSocialShift({ config: { permissions: { 'posts.create': { creator: 'assigned' } } } })` (a scope sets,",
    '`null` removes).',
    '',
    header,
    rule,
    ...rows,
    '',
  ].join('\n');
}
