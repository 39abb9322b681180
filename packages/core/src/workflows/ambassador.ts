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
  description:
    'A person becomes an ambassador: added as a candidate, invited, active once they give consent, dormant after a configurable time without activity, reactivated when they act again, or gone when they leave.',
  initial: 'candidate',
  states: {
    candidate: {
      description: 'Added to the programme; not yet asked.',
      on: { INVITE: 'invited', LEAVE: 'left' },
    },
    invited: {
      description: 'Asked to join; waits for their consent.',
      on: { GIVE_CONSENT: 'active', LEAVE: 'left' },
    },
    active: {
      description: 'Consent given: may get offers and take part.',
      on: { MARK_DORMANT: 'dormant', WITHDRAW_CONSENT: 'invited', LEAVE: 'left' },
    },
    dormant: {
      description: 'No activity for the configured number of days.',
      on: { REACTIVATE: 'active', WITHDRAW_CONSENT: 'invited', LEAVE: 'left' },
    },
    left: { description: 'Left the programme.', final: true },
  },
  events: {
    INVITE: {
      domainEvent: 'person.invited',
      sender: { action: 'people.invite' },
      description: 'Invites the person to become an ambassador.',
    },
    GIVE_CONSENT: {
      domainEvent: 'person.activated',
      sender: { action: 'people.consent' },
      description: 'The person gives consent (for offers, digests, tracking) and becomes active.',
    },
    WITHDRAW_CONSENT: {
      domainEvent: 'consent.withdrawn',
      sender: { action: 'people.withdrawConsent' },
      description: 'The person withdraws consent: no more offers until they consent again.',
    },
    MARK_DORMANT: {
      domainEvent: 'person.dormant',
      sender: { system: true },
      description: 'The SDK marks an ambassador dormant after the configured days without activity.',
    },
    REACTIVATE: {
      domainEvent: 'person.reactivated',
      sender: { action: 'people.reactivate' },
      description: 'A dormant ambassador is active again (also automatic when they share or contribute).',
    },
    LEAVE: {
      domainEvent: 'person.left',
      sender: { action: 'people.leave' },
      description: 'The person leaves the programme.',
    },
  },
});
