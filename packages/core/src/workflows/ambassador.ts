import { defineWorkflow } from './workflow.js';

/**
 * The ambassador lifecycle of a person: candidate → invited → active (consent given) → dormant (no activity for a
 * configurable time) → reactivated, or left. Nothing is offered to a person without consent.
 *
 * @example
 * ```ts
 * ambassadorWorkflow.next('invited', 'GIVE_CONSENT'); // 'active'
 * ```
 */
export const ambassadorWorkflow = defineWorkflow({
  id: 'ambassador',
  entityType: 'person',
  initial: 'candidate',
  states: {
    candidate: {
      on: { INVITE: 'invited', LEAVE: 'left' },
    },
    invited: {
      on: { GIVE_CONSENT: 'active', LEAVE: 'left' },
    },
    active: {
      on: { MARK_DORMANT: 'dormant', WITHDRAW_CONSENT: 'invited', LEAVE: 'left' },
    },
    dormant: {
      on: { REACTIVATE: 'active', WITHDRAW_CONSENT: 'invited', LEAVE: 'left' },
    },
    left: { final: true },
  },
  events: {
    INVITE: {
      domainEvent: 'person.invited',
      sender: { action: 'people.invite' },
    },
    GIVE_CONSENT: {
      domainEvent: 'person.activated',
      sender: { action: 'people.consent' },
    },
    // The person's own event: the status change is an update. Each consent records `consent.withdrawn`, which the
    // metrics count once per consent; the same type on the person would count each withdrawal again.
    WITHDRAW_CONSENT: {
      domainEvent: 'person.updated',
      sender: { action: 'people.withdrawConsent' },
    },
    MARK_DORMANT: {
      domainEvent: 'person.dormant',
      sender: { system: true },
    },
    REACTIVATE: {
      domainEvent: 'person.reactivated',
      sender: { action: 'people.reactivate' },
    },
    LEAVE: {
      domainEvent: 'person.left',
      sender: { action: 'people.leave' },
    },
  },
});
