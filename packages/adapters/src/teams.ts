/**
 * `@social-shift/adapters/teams`: digests as Adaptive Cards for a Microsoft Teams incoming webhook, checked
 * against the Adaptive Card schema before sending.
 *
 * @packageDocumentation
 */

export type { CardIssue } from './notifications/adaptive-card-schema.js';
export { validateAdaptiveCard } from './notifications/adaptive-card-schema.js';
export type { TeamsMessage } from './notifications/teams-webhook.js';
export {
  createTeamsWebhookSender,
  digestToTeamsMessage,
  escapeCardText,
} from './notifications/teams-webhook.js';
