import { defineWorkflow } from './workflow.js';

/**
 * The review, approval and distribution workflow of a post: draft → in review → approved or changes requested;
 * approved → scheduled → offered → expired or withdrawn; archived. The four-eyes rule (on by default) stops an
 * author approving their own post; expiry happens at `expiresAt` on the injected clock.
 *
 * @example
 * ```ts
 * postWorkflow.next('in_review', 'APPROVE'); // 'approved'
 * ```
 */
export const postWorkflow = defineWorkflow({
  id: 'post',
  entityType: 'post',
  description:
    'An editor writes a post (from contributions or from scratch), it is reviewed and approved (not by its own author while the four-eyes rule is on), scheduled and offered to publishers through campaigns, until it expires or is withdrawn.',
  initial: 'draft',
  states: {
    draft: {
      description: 'Being written.',
      on: { UPDATE: 'draft', SUBMIT: 'in_review', ARCHIVE: 'archived' },
    },
    in_review: {
      description: 'Waiting for approval.',
      on: { APPROVE: 'approved', REQUEST_CHANGES: 'changes_requested' },
    },
    changes_requested: {
      description: 'Back with the author, with a review note.',
      on: { UPDATE: 'changes_requested', SUBMIT: 'in_review', ARCHIVE: 'archived' },
    },
    approved: {
      description: 'Approved: may be scheduled and put in campaigns.',
      on: {
        SCHEDULE: 'scheduled',
        OFFER: 'offered',
        EXPIRE: 'expired',
        WITHDRAW: 'withdrawn',
        ARCHIVE: 'archived',
      },
    },
    scheduled: {
      description: 'Planned for a time.',
      on: { OFFER: 'offered', EXPIRE: 'expired', WITHDRAW: 'withdrawn' },
    },
    offered: {
      description: 'Offered to publishers in one or more campaigns.',
      on: { OFFER: 'offered', EXPIRE: 'expired', WITHDRAW: 'withdrawn' },
    },
    expired: { description: 'Past its expiry time: no longer shareable.', on: { ARCHIVE: 'archived' } },
    withdrawn: { description: 'Withdrawn: no longer shareable.', on: { ARCHIVE: 'archived' } },
    archived: { description: 'Kept for the record only.', final: true },
  },
  events: {
    UPDATE: {
      domainEvent: 'post.updated',
      sender: { action: 'posts.update' },
      description: 'Edits the post.',
    },
    SUBMIT: {
      domainEvent: 'post.submitted',
      sender: { action: 'posts.submit' },
      description: 'Submits the post for review.',
    },
    APPROVE: {
      domainEvent: 'post.approved',
      sender: { action: 'posts.approve' },
      description: 'Approves the post (four-eyes rule: not by its author, unless configured off).',
    },
    REQUEST_CHANGES: {
      domainEvent: 'post.changes_requested',
      sender: { action: 'posts.approve' },
      description: 'Sends the post back to its author with a note.',
    },
    SCHEDULE: {
      domainEvent: 'post.scheduled',
      sender: { action: 'posts.schedule' },
      description: 'Plans the post for a time.',
    },
    OFFER: {
      domainEvent: 'post.offered',
      sender: { action: 'campaigns.run' },
      description:
        'A campaign offers the post to its publishers (when it starts, and to newcomers when it resumes).',
    },
    EXPIRE: {
      domainEvent: 'post.expired',
      sender: { system: true },
      description: 'The SDK expires the post at its `expiresAt`.',
    },
    WITHDRAW: {
      domainEvent: 'post.withdrawn',
      sender: { action: 'posts.withdraw' },
      description: 'Withdraws the post; its open offers expire.',
    },
    ARCHIVE: {
      domainEvent: 'post.archived',
      sender: { action: 'posts.archive' },
      description: 'Archives the post.',
    },
  },
});
