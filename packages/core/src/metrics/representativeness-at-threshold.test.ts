import { describe, expect, it } from 'vitest';
import { createReport } from '../reports/report.js';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';
import { representativeness } from './representativeness.js';

const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
const added = (
  id: string,
  {
    teamIds = [],
    department = '',
    location = '',
  }: { teamIds?: string[]; department?: string; location?: string },
): MetricsEvent => ({
  type: 'person.added',
  at: '2026-01-05T09:00:00.000Z',
  entityId: id,
  data: { teamIds, department, location, external: false },
});
const share = (id: string): MetricsEvent => ({
  type: 'share.recorded',
  at: '2026-03-02T09:00:00.000Z',
  entityId: `share_${id}`,
  data: {
    offerId: 'o',
    postId: 'p',
    campaignId: 'c',
    publisherId: id,
    platform: 'linkedin',
    networkSize: 10,
  },
});

describe('a representativeness index exactly at the threshold', () => {
  // 4 of the 10 people work in HR and 6 in Zorg; of the 5 active ambassadors 1 in HR and 4 in Zorg: the index is
  // 1 − ½(|0.2 − 0.4| + |0.8 − 0.6|) = 0.8 exactly, which summed shares of tenths made 0.7999999999999999.
  const people = ['h1', 'h2', 'h3', 'h4'].map((id) => added(id, { department: 'HR' }));
  const zorg = ['z1', 'z2', 'z3', 'z4', 'z5', 'z6'].map((id) => added(id, { department: 'Zorg' }));
  const aggregate = foldEvents([...people, ...zorg, ...['h1', 'z1', 'z2', 'z3', 'z4'].map(share)], march);
  const figures = finishMetrics(aggregate);

  it('is the threshold, and not below it under the default threshold of 0.8', () => {
    expect(figures.representativeness.department.index).toBe(0.8);
    expect(adjustRules(aggregate, figures).filter((r) => r.code === 'UNREPRESENTATIVE_AMBASSADORS')).toEqual(
      [],
    );
    // One more active ambassador in Zorg and the index is below 0.8: flagged, HR named.
    const below = foldEvents([...people, ...zorg, ...['h1', 'z1', 'z2', 'z3', 'z4', 'z5'].map(share)], march);
    expect(
      adjustRules(below, finishMetrics(below))
        .filter((r) => r.code === 'UNREPRESENTATIVE_AMBASSADORS')
        .map((r) => [r.subject, r.params.underRepresented]),
    ).toEqual([['department', 'HR']]);
  });

  it('is the double nearest the exact index for groups of whole people', () => {
    // Organisation a × o1 and b × o2, active a × a1 and b × a2: the index is 1 − |a1·O − o1·A| ÷ (A·O).
    for (let o1 = 1; o1 <= 9; o1++)
      for (let o2 = 1; o2 <= 9; o2++)
        for (let a1 = 0; a1 <= o1; a1++)
          for (let a2 = a1 === 0 ? 1 : 0; a2 <= o2; a2++) {
            const [o, a] = [o1 + o2, a1 + a2];
            const organisation = [...Array(o1).fill(['a']), ...Array(o2).fill(['b'])];
            const active = [...Array(a1).fill(['a']), ...Array(a2).fill(['b'])];
            expect(representativeness(organisation, active).index).toBe(
              (a * o - Math.abs(a1 * o - o1 * a)) / (a * o),
            );
          }
  });
});

/** Someone in these teams, all in one department and one location. */
const inTeams = (id: string, teamIds: string[]) =>
  added(id, { teamIds, department: 'Zorg', location: 'Assen' });

describe('active ambassadors that mirror the organisation, against a threshold of 1', () => {
  // The organisation: ⅙ in a, ⅙ in b and ⅔ in c (someone in a and b counts ½ in each, someone in all three ⅓);
  // the active ambassadors the same. The index is 1 − 1.1e-16 as a float.
  const events = [
    inTeams('ann', ['c']),
    inTeams('bob', ['a', 'b']),
    inTeams('cas', ['a', 'b', 'c']),
    inTeams('dirk', ['c']),
    inTeams('eva', ['c']),
    share('bob'),
    share('dirk'),
    share('eva'),
  ];
  const aggregate = foldEvents(events, march);
  const figures = finishMetrics(aggregate);

  it('names no dimension, instead of one whose under-represented groups are none', () => {
    expect(figures.representativeness.team.groups.every((g) => Math.abs((g.ratio ?? 0) - 1) < 1e-9)).toBe(
      true,
    );
    const recommendations = adjustRules(aggregate, figures, { thresholds: { representativeness: 1 } });
    expect(recommendations.filter((r) => r.code === 'UNREPRESENTATIVE_AMBASSADORS')).toEqual([]);
    // Not "(index <1, below 1); under-represented: ." in the report.
    const texts = createReport(figures, { recommendations }).recommendations.map((r) => r.text);
    expect(texts.join('\n')).not.toMatch(/under-represented: \./);
  });

  it('still names the dimension when one group is under-represented', () => {
    const fewer = foldEvents(events.slice(0, -1), march);
    const recommendations = adjustRules(fewer, finishMetrics(fewer), {
      thresholds: { representativeness: 1 },
    });
    expect(
      recommendations
        .filter((r) => r.code === 'UNREPRESENTATIVE_AMBASSADORS')
        .map((r) => r.params.underRepresented),
    ).toEqual(['c']);
  });
});
