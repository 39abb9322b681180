import { defineWorkflow } from './workflow.js';

/**
 * The review workflow of a creator's raw material: draft → submitted → in review → accepted, changes requested
 * (then resubmitted) or declined; accepted material is used in posts; anything finished can be archived.
 *
 * @example
 * ```ts
 * contributionWorkflow.allowedEvents('in_review'); // ['ACCEPT', 'REQUEST_CHANGES', 'DECLINE']
 * ```
 */
export const contributionWorkflow = defineWorkflow({
  id: 'contribution',
  entityType: 'contribution',
  initial: 'draft',
  states: {
    draft: {
      on: { UPDATE: 'draft', SUBMIT: 'submitted', ARCHIVE: 'archived' },
    },
    submitted: { on: { START_REVIEW: 'in_review' } },
    in_review: {
      on: { ACCEPT: 'accepted', REQUEST_CHANGES: 'changes_requested', DECLINE: 'declined' },
    },
    changes_requested: {
      on: { UPDATE: 'changes_requested', SUBMIT: 'submitted', ARCHIVE: 'archived' },
    },
    accepted: { on: { USE: 'used', ARCHIVE: 'archived' } },
    declined: { on: { ARCHIVE: 'archived' } },
    used: { on: { USE: 'used', ARCHIVE: 'archived' } },
    archived: { final: true },
  },
  events: {
    UPDATE: {
      domainEvent: 'contribution.updated',
      sender: { action: 'contributions.update' },
    },
    SUBMIT: {
      domainEvent: 'contribution.submitted',
      sender: { action: 'contributions.submit' },
    },
    START_REVIEW: {
      domainEvent: 'contribution.review_started',
      sender: { action: 'contributions.review' },
    },
    ACCEPT: {
      domainEvent: 'contribution.accepted',
      sender: { action: 'contributions.review' },
    },
    REQUEST_CHANGES: {
      domainEvent: 'contribution.changes_requested',
      sender: { action: 'contributions.review' },
    },
    DECLINE: {
      domainEvent: 'contribution.declined',
      sender: { action: 'contributions.review' },
    },
    USE: {
      domainEvent: 'contribution.used',
      sender: { action: 'posts.create' },
    },
    ARCHIVE: {
      domainEvent: 'contribution.archived',
      sender: { action: 'contributions.archive' },
    },
  },
});
