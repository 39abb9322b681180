import { defineWorkflow } from './workflow.js';

/**
 * The review, approval and distribution workflow of a post: draft → in review → approved or changes requested;
 * approved → scheduled → offered → expired or withdrawn; archived. The four-eyes rule (on by default) stops
 * whoever wrote, changed or submitted a post approving it; expiry happens at `expiresAt` on the injected clock, or,
 * while the post is on offer, when the last campaign that holds it ends.
 *
 * @example
 * ```ts
 * postWorkflow.next('in_review', 'APPROVE'); // 'approved'
 * ```
 */
export const postWorkflow = defineWorkflow({
  id: 'post',
  entityType: 'post',
  initial: 'draft',
  states: {
    draft: {
      on: { UPDATE: 'draft', SUBMIT: 'in_review', ARCHIVE: 'archived' },
    },
    in_review: {
      on: { APPROVE: 'approved', REQUEST_CHANGES: 'changes_requested' },
    },
    changes_requested: {
      on: { UPDATE: 'changes_requested', SUBMIT: 'in_review', ARCHIVE: 'archived' },
    },
    approved: {
      on: {
        SCHEDULE: 'scheduled',
        OFFER: 'offered',
        EXPIRE: 'expired',
        WITHDRAW: 'withdrawn',
        ARCHIVE: 'archived',
      },
    },
    scheduled: {
      on: { SCHEDULE: 'scheduled', OFFER: 'offered', EXPIRE: 'expired', WITHDRAW: 'withdrawn' },
    },
    offered: {
      on: { OFFER: 'offered', EXPIRE: 'expired', WITHDRAW: 'withdrawn' },
    },
    expired: { on: { ARCHIVE: 'archived' } },
    withdrawn: { on: { ARCHIVE: 'archived' } },
    archived: { final: true },
  },
  events: {
    UPDATE: {
      domainEvent: 'post.updated',
      sender: { action: 'posts.update' },
    },
    SUBMIT: {
      domainEvent: 'post.submitted',
      sender: { action: 'posts.submit' },
    },
    APPROVE: {
      domainEvent: 'post.approved',
      sender: { action: 'posts.approve' },
    },
    REQUEST_CHANGES: {
      domainEvent: 'post.changes_requested',
      sender: { action: 'posts.approve' },
    },
    SCHEDULE: {
      domainEvent: 'post.scheduled',
      sender: { action: 'posts.schedule' },
    },
    OFFER: {
      domainEvent: 'post.offered',
      sender: { action: 'campaigns.run' },
    },
    EXPIRE: {
      domainEvent: 'post.expired',
      sender: { system: true },
    },
    WITHDRAW: {
      domainEvent: 'post.withdrawn',
      sender: { action: 'posts.withdraw' },
    },
    ARCHIVE: {
      domainEvent: 'post.archived',
      sender: { action: 'posts.archive' },
    },
  },
});
