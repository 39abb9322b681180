import { defineWorkflow } from './workflow.js';

/**
 * The lifecycle of a campaign: draft → scheduled → running ⇄ paused → completed → evaluated, or cancelled.
 * Starting a campaign (by hand, or by the SDK at `startsAt`) offers its posts to the publishers it targets.
 *
 * @example
 * ```ts
 * campaignWorkflow.allowedEvents('running'); // ['PAUSE', 'COMPLETE', 'CANCEL']
 * ```
 */
export const campaignWorkflow = defineWorkflow({
  id: 'campaign',
  entityType: 'campaign',
  description:
    'A campaign bundles approved posts for an audience (teams, focus groups, people or everyone with consent) in a time window. When it runs, each post is offered to each targeted publisher who gave consent.',
  initial: 'draft',
  states: {
    draft: {
      description: 'Being prepared.',
      on: { UPDATE: 'draft', SCHEDULE: 'scheduled', CANCEL: 'cancelled' },
    },
    scheduled: {
      description: 'Ready; starts at `startsAt` (or by hand).',
      on: { START: 'running', CANCEL: 'cancelled' },
    },
    running: {
      description: 'Its posts are offered; publishers share.',
      on: { PAUSE: 'paused', COMPLETE: 'completed', CANCEL: 'cancelled' },
    },
    paused: {
      description: 'Temporarily stopped.',
      on: { RESUME: 'running', COMPLETE: 'completed', CANCEL: 'cancelled' },
    },
    completed: {
      description: 'Over (by hand or at `endsAt`); waits for evaluation.',
      on: { EVALUATE: 'evaluated' },
    },
    evaluated: { description: 'Results evaluated.', final: true },
    cancelled: { description: 'Stopped for good.', final: true },
  },
  events: {
    UPDATE: {
      domainEvent: 'campaign.updated',
      sender: { action: 'campaigns.update' },
      description: 'Edits the campaign.',
    },
    SCHEDULE: {
      domainEvent: 'campaign.scheduled',
      sender: { action: 'campaigns.run' },
      description: 'Schedules the campaign (its posts must be approved).',
    },
    START: {
      domainEvent: 'campaign.started',
      sender: { action: 'campaigns.run' },
      description: 'Starts the campaign and offers its posts (also automatic at `startsAt`).',
    },
    PAUSE: { domainEvent: 'campaign.paused', sender: { action: 'campaigns.run' }, description: 'Pauses it.' },
    RESUME: {
      domainEvent: 'campaign.resumed',
      sender: { action: 'campaigns.run' },
      description: 'Resumes it; publishers who joined its audience meanwhile get offers.',
    },
    COMPLETE: {
      domainEvent: 'campaign.completed',
      sender: { action: 'campaigns.run' },
      description: 'Completes it (also automatic at `endsAt`).',
    },
    EVALUATE: {
      domainEvent: 'campaign.evaluated',
      sender: { action: 'campaigns.evaluate' },
      description: 'Records that the results were evaluated.',
    },
    CANCEL: {
      domainEvent: 'campaign.cancelled',
      sender: { action: 'campaigns.cancel' },
      description: 'Cancels the campaign; its open offers expire.',
    },
  },
});
