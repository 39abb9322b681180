import { invalidValue } from '../errors/invalid-value.js';
import type { EntityType } from '../model/entity-type.js';
import { isRecord } from '../model/is-record.js';
import { permissionRowOf } from '../roles/permission-docs.js';
import type { Action, PermissionTable } from '../roles/permission-table.js';
import { GRANTEES } from '../roles/permission-table.js';
import type { Workflow } from './workflow.js';
import type { WorkflowDescription } from './workflow-descriptions.js';
import { describedWorkflow, sdkWorkflowId } from './workflow-descriptions.js';

/**
 * Who may run an action, as text (`nobody (not in the permission table)` for an action the table does not hold).
 *
 * @example
 * ```ts
 * granteesText(DEFAULT_PERMISSIONS, 'posts.approve'); // 'master (organisation), editor (assigned)'
 * ```
 */
export function granteesText(table: PermissionTable, action: Action): string {
  // A workflow of your own may name actions of its own: no row, so nobody under this table.
  const row = permissionRowOf(table, action);
  if (row === undefined) return 'nobody (not in the permission table)';
  const parts = GRANTEES.filter((g) => row[g] !== undefined).map((g) => `${g} (${row[g]})`);
  return parts.length > 0 ? parts.join(', ') : 'nobody';
}

/** The SDK call that lists a person's allowed events for an entity of the type (the cycle: the current one). */
const ALLOWED_EVENTS_CALLS: Partial<Record<EntityType, string>> = {
  person: 'shift.as(personId).people.allowedEvents(personId)',
  contribution: 'shift.as(personId).contributions.allowedEvents(contributionId)',
  post: 'shift.as(personId).posts.allowedEvents(postId)',
  campaign: 'shift.as(personId).campaigns.allowedEvents(campaignId)',
  offer: 'shift.as(personId).offers.allowedEvents(offerId)',
  cycle: 'shift.as(personId).cycles.allowedEvents()',
};
const allowedEventsCall = (entityType: EntityType): string =>
  ALLOWED_EVENTS_CALLS[entityType] ?? 'allowedEvents(id)';

/**
 * A workflow as a Markdown page: a state diagram (Mermaid), its states, and its events with the domain event
 * each appends and who may send it under a permission table. The descriptions default to the SDK's own
 * (`workflowDescriptions`) for the SDK's workflows; pass them for a workflow of your own (also one that reuses an
 * SDK workflow's id), whose page names neither a file of the SDK nor an SDK call: the SDK does not run it.
 *
 * @example
 * ```ts
 * const page = workflowMarkdown(postWorkflow, DEFAULT_PERMISSIONS);
 * ```
 */
export function workflowMarkdown(
  workflow: Workflow,
  table: PermissionTable,
  descriptions: WorkflowDescription | undefined = describedWorkflow(workflow),
): string {
  const { config } = workflow;
  const states: Readonly<Record<string, string>> = descriptions?.states ?? {};
  const events: Readonly<Record<string, string>> = descriptions?.events ?? {};
  const entity = workflow.entityType.replace('_', ' ');
  // Only the SDK's own workflows come from its files and run in its commands: one of your own does neither.
  const own = sdkWorkflowId(workflow) !== undefined;
  const lines: string[] = [
    `# Workflow: ${workflow.id}`,
    '',
    ...(own
      ? [
          `<!-- Generated from packages/core/src/workflows/${workflow.id}.ts and the permission table by \`pnpm docs:generate\`. Do not edit. -->`,
          '',
        ]
      : []),
    descriptions?.description ?? '',
    '',
    own
      ? `The state is the \`status\` field of the ${entity}. Ask the SDK which events a person may send now with \`${allowedEventsCall(workflow.entityType)}\`; its XState machine, for diagrams and inspection, is \`workflowMachine(${camel(workflow.id)}Workflow)\` from \`@social-shift/core/workflows\`.`
      : `The state is the \`status\` field of the ${entity}. Its XState machine, for diagrams and inspection, is built by \`workflowMachine()\` from \`@social-shift/core/workflows\`.`,
    '',
    '```mermaid',
    'stateDiagram-v2',
    `  [*] --> ${workflow.config.initial}`,
  ];
  for (const state of workflow.states) {
    const node = config.states[state];
    if (!node) continue;
    for (const [event, target] of Object.entries(node.on ?? {}))
      lines.push(`  ${state} --> ${target}: ${event}`);
    if (node.final) lines.push(`  ${state} --> [*]`);
  }
  lines.push('```', '', '## States', '', '| state | meaning | events → next state |', '| --- | --- | --- |');
  for (const state of workflow.states) {
    const node = config.states[state];
    if (!node) continue;
    const moves = Object.entries(node.on ?? {}).map(([event, target]) => `\`${event}\` → \`${target}\``);
    lines.push(
      cells(
        `\`${state}\`${state === config.initial ? ' (initial)' : ''}${node.final ? ' (final)' : ''}`,
        states[state] ?? '',
        moves.join(', ') || '—',
      ),
    );
  }
  lines.push(
    '',
    '## Events',
    '',
    '| event | domain event | who may send it | what happens |',
    '| --- | --- | --- | --- |',
  );
  for (const event of workflow.events) {
    const info: unknown = config.events[event];
    // From JavaScript, an event may be defined as anything: left out, its row would silently go missing.
    if (!isRecord(info) || typeof info.domainEvent !== 'string')
      throw invalidValue(
        `workflow ${workflow.id}`,
        ['events', event],
        'Use an object such as { domainEvent: "post.updated", sender: { action: "posts.update" } }.',
      );
    // From JavaScript, a definition may hold any sender: only the two kinds a workflow has are documented.
    const sender: unknown = info.sender;
    let who: string;
    if (isRecord(sender) && typeof sender.action === 'string')
      who = `\`${sender.action}\`: ${granteesText(table, sender.action as Action)}`;
    else if (isRecord(sender) && sender.system === true) who = 'the SDK itself (system actor)';
    else
      throw invalidValue(
        `workflow ${workflow.id}`,
        ['events', event, 'sender'],
        'Use { action: "…" } (an action of the permission table) or { system: true }.',
      );
    lines.push(cells(`\`${event}\``, `\`${info.domainEvent}\``, who, events[event] ?? ''));
  }
  lines.push('');
  return lines.join('\n');
}

/**
 * One row of a Markdown table. A workflow of your own may hold "|" or a line break in a name or description: escaped
 * (`\|`, which renders as "|", also in a code span) and joined, so that they stay in their cell and their row.
 */
function cells(...texts: string[]): string {
  return `| ${texts.map((text) => text.replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ')).join(' | ')} |`;
}

function camel(id: string): string {
  return id.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}
