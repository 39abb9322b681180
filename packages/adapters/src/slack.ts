/**
 * `@social-shift/adapters/slack`: digests as Block Kit messages for a Slack incoming webhook.
 *
 * @packageDocumentation
 */

export type { SlackMessage } from './notifications/slack-webhook.js';
export { createSlackWebhookSender, digestToSlackBlocks, escapeSlack } from './notifications/slack-webhook.js';
