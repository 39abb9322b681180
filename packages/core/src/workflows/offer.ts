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
  initial: 'offered',
  states: {
    offered: {
      on: { SEE: 'seen', SHARE: 'shared', DECLINE: 'declined', EXPIRE: 'expired' },
    },
    seen: {
      on: { SHARE: 'shared', DECLINE: 'declined', EXPIRE: 'expired' },
    },
    shared: {
      on: { SHARE: 'shared' },
    },
    declined: { final: true },
    expired: { final: true },
  },
  events: {
    SEE: {
      domainEvent: 'offer.seen',
      sender: { action: 'offers.respond' },
    },
    SHARE: {
      domainEvent: 'offer.shared',
      sender: { action: 'offers.respond' },
    },
    DECLINE: {
      domainEvent: 'offer.declined',
      sender: { action: 'offers.respond' },
    },
    EXPIRE: {
      domainEvent: 'offer.expired',
      sender: { system: true },
    },
  },
});
