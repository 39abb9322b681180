import { defineWorkflow } from './workflow.js';

/**
 * The lifecycle of an offer of one post to one publisher: offered → seen → shared, declined or expired. A
 * publisher may share one offer on several platforms; each share is recorded with its tracked link.
 *
 * @example
 * ```ts
 * offerWorkflow.next('seen', 'SHARE'); // 'shared'
 * ```
 */
export const offerWorkflow = defineWorkflow({
  id: 'offer',
  entityType: 'offer',
  description:
    'A post offered to one publisher. They see it, then share it (on one or more platforms, each recorded as a Share with a tracked link) or decline it; open offers expire with the post or the campaign.',
  initial: 'offered',
  states: {
    offered: {
      description: 'Offered; not yet seen.',
      on: { SEE: 'seen', SHARE: 'shared', DECLINE: 'declined', EXPIRE: 'expired' },
    },
    seen: {
      description: 'Seen by the publisher.',
      on: { SHARE: 'shared', DECLINE: 'declined', EXPIRE: 'expired' },
    },
    shared: {
      description: 'Shared at least once; may be shared on more platforms.',
      on: { SHARE: 'shared' },
    },
    declined: { description: 'The publisher declined it.', final: true },
    expired: { description: 'The post or campaign ended before it was shared.', final: true },
  },
  events: {
    SEE: {
      domainEvent: 'offer.seen',
      sender: { action: 'offers.respond' },
      description: 'The publisher opens the offer.',
    },
    SHARE: {
      domainEvent: 'offer.shared',
      sender: { action: 'offers.respond' },
      description:
        'The publisher shares the post on a platform: a Share with a tracked link is recorded (`share.recorded`).',
    },
    DECLINE: {
      domainEvent: 'offer.declined',
      sender: { action: 'offers.respond' },
      description: 'The publisher declines the offer.',
    },
    EXPIRE: {
      domainEvent: 'offer.expired',
      sender: { system: true },
      description: 'The SDK expires the offer at its `expiresAt`, or when its post or campaign ends.',
    },
  },
});
