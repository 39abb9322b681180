import type { Action } from './permission-table.js';

/**
 * What each action of the permission table covers, one line each: for the generated docs (`docs/roles.md`) and
 * UIs. On `@social-shift/core/docs` only, so that apps that do not show them do not ship them (ADR 075).
 *
 * @example
 * ```ts
 * import { actionDescriptions } from '@social-shift/core/docs';
 *
 * actionDescriptions['posts.approve']; // 'Approve a post or send it back for changes.'
 * ```
 */
export const actionDescriptions: Readonly<Record<Action, string>> = {
  'strategy.update': 'Set goals, audiences, content pillars and platforms (a new strategy version).',
  'strategy.read': 'Read the strategy and the programme.',
  'cycles.start': 'Start the first cycle, or close a measured and adjusted cycle and start the next.',
  'cycles.moveStep': 'Move the current cycle to another step of the method.',
  'cycles.read': 'Read the cycles of the programme.',
  'people.add': 'Add a person (a candidate ambassador).',
  'people.invite': 'Invite a candidate to become an ambassador.',
  'people.update':
    "Change a person's name, contact, language, teams, department or location (new teams: only who may `people.add` to them).",
  'people.consent':
    'Give consent, only once invited and not consenting already (this activates the ambassador).',
  'people.withdrawConsent': 'Withdraw consent.',
  'people.reactivate': 'Reactivate a dormant ambassador.',
  'people.leave': 'Let a person leave the programme (never the last social master).',
  'people.linkAccount': "Link a person's social account (platform, handle, network size).",
  'people.read': 'Read people.',
  'roles.assign.master': 'Assign or revoke the master role (never from the last social master).',
  'roles.assign.editor': 'Assign or revoke the editor role (a scoped actor: only within their own scope).',
  'roles.assign.creator':
    'Assign or revoke the creator role (a scoped editor: only within their own scope, never unscoped).',
  'roles.assign.publisher': 'Assign or revoke the publisher role.',
  'teams.manage': 'Create teams.',
  'teams.read': 'Read teams.',
  'focusGroups.manage':
    'Create focus groups and set their members; one scoped to teams adds only people of its teams, as a campaign reaches them.',
  'focusGroups.read': 'Read focus groups.',
  'contributions.create': 'Create a contribution (raw material).',
  'contributions.update':
    'Edit a contribution (moved to other pillars: only who may `contributions.create` for them).',
  'contributions.submit': 'Submit or resubmit a contribution for review.',
  'contributions.review': 'Review a contribution: start, accept, request changes, decline.',
  'contributions.archive': 'Archive a contribution.',
  'contributions.read': 'Read contributions.',
  'posts.create':
    'Write a post (from accepted contributions the actor may read with `contributions.read`, or from scratch).',
  'posts.update': 'Edit a post (a draft, or one sent back for changes).',
  'posts.submit': 'Submit a post for review.',
  'posts.approve': 'Approve a post or send it back for changes.',
  'posts.schedule': 'Schedule an approved post.',
  'posts.withdraw': 'Withdraw a post (its open offers expire).',
  'posts.archive': 'Archive a post.',
  'posts.read': 'Read posts.',
  'campaigns.create':
    "Create a campaign (the actor must reach the pillars of each of its posts, not only the campaign's, and the teams of everyone its audience reaches).",
  'campaigns.update':
    'Edit a draft campaign (the actor must reach the teams of everyone its audience reaches, and of a new audience too; posts added: their pillars).',
  'campaigns.run':
    'Schedule, start, pause, resume and complete a campaign (the actor must reach the teams of everyone its audience reaches; scheduling, starting and resuming: the pillars of its posts too).',
  'campaigns.evaluate': "Record a campaign's evaluation.",
  'campaigns.cancel': 'Cancel a campaign.',
  'campaigns.read': 'Read campaigns.',
  'offers.respond': 'See, decline and share an offer.',
  'offers.read': 'Read offers (and the posts they offer).',
  'privacy.export': "Read a person's consents and export everything the programme holds about them.",
  'privacy.erase':
    "Erase a person's personal data (pseudonymise them in every record and in the event log; never the last social master).",
  'privacy.retention':
    'Apply the retention policy: fold raw platform events older than N days into a summary.',
};
