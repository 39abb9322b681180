// The field's usual measures of people: the activation funnel (added → invited → active → shared in the window) and
// participation (publishers with consent who shared ÷ publishers with consent).
import { ROLE_BIT } from './fold-event.js';
import { isGone, type MetricsAggregate, PERSON_FLAG } from './metrics-aggregate.js';
import type { MetricsFigures } from './metrics-figures.js';

/** The activation funnel and the two counts of participation, in one pass over the people. */
export interface ActivationFigures {
  readonly funnel: MetricsFigures['activationFunnel'];
  /** Publishers (everyone, when the log assigns no roles) with consent for offers who have not left. */
  readonly publishersWithConsent: number;
  /** Those of them who shared in the window. */
  readonly sharers: number;
}

/** Each stage of the funnel is counted on its own: the last can be larger than the one before (people who left). */
export function activationFunnel(aggregate: MetricsAggregate, anyRoles: boolean): ActivationFigures {
  let publishersWithConsent = 0;
  let sharers = 0;
  const funnel = { people: 0, invited: 0, active: 0, sharedInPeriod: 0 };
  for (const p of aggregate.persons.values()) {
    if ((p.flags & PERSON_FLAG.added) !== 0) {
      funnel.people++;
      if ((p.flags & (PERSON_FLAG.invited | PERSON_FLAG.activated)) !== 0) funnel.invited++;
      if (p.lifecycle === 'active') funnel.active++;
    }
    if (p.shares > 0) funnel.sharedInPeriod++;
    const publisher = anyRoles ? (p.rolesHeld & ROLE_BIT.publisher) !== 0 : true;
    if (publisher && p.consent === true && !isGone(p)) {
      publishersWithConsent++;
      if (p.shares > 0) sharers++;
    }
  }
  return { funnel, publishersWithConsent, sharers };
}
