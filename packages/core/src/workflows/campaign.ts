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
  initial: 'draft',
  states: {
    draft: {
      on: { UPDATE: 'draft', SCHEDULE: 'scheduled', CANCEL: 'cancelled' },
    },
    scheduled: {
      on: { START: 'running', CANCEL: 'cancelled' },
    },
    running: {
      on: { PAUSE: 'paused', COMPLETE: 'completed', CANCEL: 'cancelled' },
    },
    paused: {
      on: { RESUME: 'running', COMPLETE: 'completed', CANCEL: 'cancelled' },
    },
    completed: {
      on: { EVALUATE: 'evaluated' },
    },
    evaluated: { final: true },
    cancelled: { final: true },
  },
  events: {
    UPDATE: {
      domainEvent: 'campaign.updated',
      sender: { action: 'campaigns.update' },
    },
    SCHEDULE: {
      domainEvent: 'campaign.scheduled',
      sender: { action: 'campaigns.run' },
    },
    START: {
      domainEvent: 'campaign.started',
      sender: { action: 'campaigns.run' },
    },
    PAUSE: { domainEvent: 'campaign.paused', sender: { action: 'campaigns.run' } },
    RESUME: {
      domainEvent: 'campaign.resumed',
      sender: { action: 'campaigns.run' },
    },
    COMPLETE: {
      domainEvent: 'campaign.completed',
      sender: { action: 'campaigns.run' },
    },
    EVALUATE: {
      domainEvent: 'campaign.evaluated',
      sender: { action: 'campaigns.evaluate' },
    },
    CANCEL: {
      domainEvent: 'campaign.cancelled',
      sender: { action: 'campaigns.cancel' },
    },
  },
});
