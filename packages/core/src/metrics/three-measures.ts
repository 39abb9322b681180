// The method's three measures: who supplies input (contributions), who shares and who converses on the platforms,
// per ambassador and per team, as a matrix and as named segments.

import { ratio, sum } from './figure.js';
import { ROLE_BIT } from './fold-event.js';
import { isGone, type MetricsAggregate, PERSON_FLAG } from './metrics-aggregate.js';
import type { AmbassadorFigures, Segment, TeamFigures } from './metrics-figures.js';
import { ownValue } from './own-value.js';

/**
 * The segment for a combination of the method's three measures: supplies input, shares, converses.
 *
 * @example
 * ```ts
 * segmentOf(true, true, true); // 'champion'
 * segmentOf(false, false, false); // 'lagging'
 * ```
 */
export function segmentOf(input: boolean, shares: boolean, converses: boolean): Segment {
  return SEGMENTS[(input ? 4 : 0) + (shares ? 2 : 0) + (converses ? 1 : 0)] as Segment;
}

/** The segments by input (4), shares (2) and converses (1). */
const SEGMENTS: readonly Segment[] = [
  'lagging',
  'commenter',
  'sharer',
  'conversationalist',
  'contributor',
  'contributing_conversationalist',
  'contributing_sharer',
  'champion',
];

/** Contributions per creator in the window: a contribution counts once, at its first submission. */
export function contributionsByCreator(
  aggregate: MetricsAggregate,
  inWindow: (at: string) => boolean,
): Map<string, number> {
  const contributionsBy = new Map<string, number>();
  for (const c of aggregate.contributions.values()) {
    if (c.creatorId !== undefined && inWindow(c.submittedAt)) {
      contributionsBy.set(c.creatorId, (contributionsBy.get(c.creatorId) ?? 0) + 1);
    }
  }
  return contributionsBy;
}

/**
 * The ambassadors, by person id: people who hold the publisher or creator role (everyone, when the log assigns no
 * roles, `anyRoles` false) and have not left, plus anyone active in the window.
 */
export function ambassadorFigures(
  aggregate: MetricsAggregate,
  contributionsBy: ReadonlyMap<string, number>,
  anyRoles: boolean,
  personNames: Readonly<Record<string, string>>,
): AmbassadorFigures[] {
  const ambassadors: AmbassadorFigures[] = [];
  for (const [personId, p] of aggregate.persons) {
    const contributions = contributionsBy.get(personId) ?? 0;
    const active = p.shares > 0 || contributions > 0 || p.conversations > 0;
    const ambassadorRole = anyRoles
      ? (p.rolesHeld & (ROLE_BIT.publisher | ROLE_BIT.creator)) !== 0
      : (p.flags & PERSON_FLAG.added) !== 0;
    if (!active && (isGone(p) || !ambassadorRole)) continue;
    const suppliesInput = contributions > 0;
    const sharesPosts = p.shares > 0;
    const converses = p.conversations > 0;
    ambassadors.push({
      personId,
      name: (ownValue(personNames, personId) as string | undefined) ?? personId,
      teamIds: [...new Set(p.teamIds)],
      contributions,
      shares: p.shares,
      conversations: p.conversations,
      clicks: p.clicks,
      suppliesInput,
      sharesPosts,
      converses,
      segment: segmentOf(suppliesInput, sharesPosts, converses),
    });
  }
  // Person ids are unique: no two compare equal.
  return ambassadors.sort((a, b) => (a.personId < b.personId ? -1 : 1));
}

/** How many ambassadors each segment holds, from champion down to lagging. */
export function segmentCounts(ambassadors: readonly AmbassadorFigures[]): Record<Segment, number> {
  const segments = Object.fromEntries([...SEGMENTS].reverse().map((s) => [s, 0])) as Record<Segment, number>;
  for (const a of ambassadors) segments[a.segment]++;
  return segments;
}

/** The three measures per team, by team id: its ambassadors (in a team of theirs), sharers, contributors, conversers. */
export function teamFigures(
  aggregate: MetricsAggregate,
  ambassadors: readonly AmbassadorFigures[],
  teamNames: Readonly<Record<string, string>>,
): TeamFigures[] {
  // Members by team in one pass (in ambassador order), not a filter of every ambassador per team.
  const byTeam = new Map<string, AmbassadorFigures[]>();
  for (const t of aggregate.teams.keys()) byTeam.set(t, []);
  for (const a of ambassadors) for (const t of a.teamIds) byTeam.get(t)?.push(a) ?? byTeam.set(t, [a]);
  return [...byTeam.keys()].sort().map((teamId) => {
    const members = byTeam.get(teamId) ?? [];
    const contributors = members.filter((a) => a.suppliesInput).length;
    const sharers = members.filter((a) => a.sharesPosts).length;
    const conversers = members.filter((a) => a.converses).length;
    return {
      teamId,
      name:
        (ownValue(teamNames, teamId) as string | undefined) ?? aggregate.teams.get(teamId)?.name ?? teamId,
      members: members.length,
      contributors,
      sharers,
      conversers,
      lagging: members.filter((a) => a.segment === 'lagging').length,
      contributions: sum(members.map((a) => a.contributions)),
      shares: sum(members.map((a) => a.shares)),
      conversations: sum(members.map((a) => a.conversations)),
      participation: ratio(sharers, members.length),
      segment: segmentOf(contributors > 0, sharers > 0, conversers > 0),
    };
  });
}
