import { describe, expect, it } from 'vitest';
import { createReport } from '../reports/report.js';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';

const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
const added = (id: string, teamIds: string[]): MetricsEvent => ({
  type: 'person.added',
  at: '2026-01-05T09:00:00.000Z',
  entityId: id,
  data: { teamIds, department: 'Zorg', location: 'Assen', external: false },
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

describe('active ambassadors that mirror the organisation, against a threshold of 1', () => {
  // The organisation: ⅙ in a, ⅙ in b and ⅔ in c (someone in a and b counts ½ in each, someone in all three ⅓);
  // the active ambassadors the same. The index is 1 − 1.1e-16 as a float.
  const events = [
    added('ann', ['c']),
    added('bob', ['a', 'b']),
    added('cas', ['a', 'b', 'c']),
    added('dirk', ['c']),
    added('eva', ['c']),
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
