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
  description:
    "A creator's raw material (photo, video, text, news, blog) is submitted, reviewed by an editor, and accepted, sent back for changes or declined; accepted material is used in posts.",
  initial: 'draft',
  states: {
    draft: {
      description: 'Being written by its creator.',
      on: { UPDATE: 'draft', SUBMIT: 'submitted', ARCHIVE: 'archived' },
    },
    submitted: { description: 'Waiting for an editor.', on: { START_REVIEW: 'in_review' } },
    in_review: {
      description: 'An editor is reviewing it.',
      on: { ACCEPT: 'accepted', REQUEST_CHANGES: 'changes_requested', DECLINE: 'declined' },
    },
    changes_requested: {
      description: 'Back with the creator, with a review note.',
      on: { UPDATE: 'changes_requested', SUBMIT: 'submitted', ARCHIVE: 'archived' },
    },
    accepted: { description: 'Ready to be used in a post.', on: { USE: 'used', ARCHIVE: 'archived' } },
    declined: { description: 'Not used.', on: { ARCHIVE: 'archived' } },
    used: { description: 'Used in one or more posts.', on: { USE: 'used', ARCHIVE: 'archived' } },
    archived: { description: 'Kept for the record only.', final: true },
  },
  events: {
    UPDATE: {
      domainEvent: 'contribution.updated',
      sender: { action: 'contributions.update' },
      description: 'The creator edits the material.',
    },
    SUBMIT: {
      domainEvent: 'contribution.submitted',
      sender: { action: 'contributions.submit' },
      description: 'The creator submits (or resubmits) the material for review.',
    },
    START_REVIEW: {
      domainEvent: 'contribution.review_started',
      sender: { action: 'contributions.review' },
      description: 'An editor starts reviewing.',
    },
    ACCEPT: {
      domainEvent: 'contribution.accepted',
      sender: { action: 'contributions.review' },
      description: 'The editor accepts the material.',
    },
    REQUEST_CHANGES: {
      domainEvent: 'contribution.changes_requested',
      sender: { action: 'contributions.review' },
      description: 'The editor asks the creator for changes.',
    },
    DECLINE: {
      domainEvent: 'contribution.declined',
      sender: { action: 'contributions.review' },
      description: 'The editor declines the material.',
    },
    USE: {
      domainEvent: 'contribution.used',
      sender: { action: 'posts.create' },
      description: 'An editor uses the material in a post (when creating the post).',
    },
    ARCHIVE: {
      domainEvent: 'contribution.archived',
      sender: { action: 'contributions.archive' },
      description: 'Archives the material.',
    },
  },
});
