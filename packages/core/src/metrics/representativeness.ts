import { isGone, type MetricsAggregate, PERSON_FLAG, type PersonPartial } from './metrics-aggregate.js';
import type { MetricsFigures, Representativeness } from './metrics-figures.js';

/**
 * The representativeness of the active ambassadors (who shared, conversed or contributed in the window) against the
 * organisation, by team, department and location. Both count only the organisation's own people who have not left.
 */
export function representativenessFigures(
  aggregate: MetricsAggregate,
  contributionsBy: ReadonlyMap<string, number>,
): MetricsFigures['representativeness'] {
  const organisation: PersonPartial[] = [];
  const activePeople: PersonPartial[] = [];
  for (const [personId, p] of aggregate.persons) {
    if ((p.flags & PERSON_FLAG.added) === 0 || p.external === true || isGone(p)) continue;
    organisation.push(p);
    if (p.shares > 0 || p.conversations > 0 || (contributionsBy.get(personId) ?? 0) > 0) activePeople.push(p);
  }
  const dimension = (pick: (p: PersonPartial) => readonly string[]) =>
    representativeness(organisation.map(pick), activePeople.map(pick));
  const optional = (v: string | undefined): string[] => (v === undefined || v === '' ? [] : [v]);
  return {
    team: dimension((p) => p.teamIds ?? []),
    department: dimension((p) => optional(p.department)),
    location: dimension((p) => optional(p.location)),
  };
}

/**
 * Compares how the active ambassadors spread over groups with how the organisation does. Each person weighs 1,
 * split evenly over their groups (a person in two teams counts ½ in each; a group named twice counts once). The index is
 * `1 − ½ Σ |activeShare − organisationShare|` (one minus the total variation distance): 1 when the active
 * ambassadors mirror the organisation exactly, 0 when they sit entirely in groups that hold nobody else.
 *
 * @example
 * ```ts
 * representativeness([['a'], ['b']], [['a']]).index; // 0.5
 * ```
 */
export function representativeness(
  organisation: readonly (readonly string[])[],
  active: readonly (readonly string[])[],
): Representativeness {
  const spread = (people: readonly (readonly string[])[]): Map<string, number> => {
    const weights = new Map<string, number>();
    for (const named of people) {
      // A group named twice counts once (as in the team figures).
      const groups = named.length > 1 ? [...new Set(named)] : named;
      for (const group of groups) weights.set(group, (weights.get(group) ?? 0) + 1 / groups.length);
    }
    return weights;
  };
  const org = spread(organisation.filter((g) => g.length > 0));
  const act = spread(active.filter((g) => g.length > 0));
  const total = (weights: Map<string, number>): number => [...weights.values()].reduce((a, b) => a + b, 0);
  const orgTotal = total(org);
  const actTotal = total(act);
  const names = [...new Set([...org.keys(), ...act.keys()])].sort();
  // Σ |active·orgTotal − organisation·actTotal|, that is the distance × actTotal × orgTotal: whole numbers when each
  // person is in one group, so the index is one division, the double nearest it. Shares of tenths summed gave
  // 0.7999999999999999 for an index of 0.8 (4 of 10 people in HR, 4 of 5 active ones), which the default threshold
  // flagged as below 0.8.
  let distance = 0;
  const groups = names.map((group) => {
    const inOrganisation = org.get(group) ?? 0;
    const active = act.get(group) ?? 0;
    const organisationShare = orgTotal === 0 ? 0 : inOrganisation / orgTotal;
    const activeShare = actTotal === 0 ? 0 : active / actTotal;
    distance += Math.abs(active * orgTotal - inOrganisation * actTotal);
    return {
      group,
      organisationShare,
      activeShare,
      ratio: organisationShare === 0 ? null : activeShare / organisationShare,
    };
  });
  // Split weights can still miss by a rounding error: the index stays from 0 to 1 (not -2.2e-16 for disjoint groups).
  const both = 2 * actTotal * orgTotal;
  return {
    index: both === 0 ? null : Math.min(1, Math.max(0, (both - distance) / both)),
    groups,
  };
}
