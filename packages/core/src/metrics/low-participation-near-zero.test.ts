import { describe, expect, it } from 'vitest';
import { createReport } from '../reports/report.js';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';

const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
const at = '2026-03-02T09:00:00.000Z';

describe('a participation above 0 that rounds to 0.000', () => {
  // 1 of 2,500 publishers with consent shared: 0.04%, which the summary reads as <0.1%.
  const events: MetricsEvent[] = [];
  for (let i = 0; i < 2500; i++)
    events.push({
      type: 'consent.given',
      at,
      entityId: `consent_${i}`,
      data: { personId: `p${i}`, purposes: ['offers'], termsVersion: '1' },
    });
  events.push({
    type: 'share.recorded',
    at,
    entityId: 'share',
    data: {
      offerId: 'o',
      postId: 'post',
      campaignId: 'c',
      publisherId: 'p0',
      platform: 'linkedin',
      networkSize: 10,
    },
  });
  const aggregate = foldEvents(events, march);
  const figures = finishMetrics(aggregate);
  const context = {
    strategy: {
      goals: [{ id: 'g', name: 'Werven', targets: [{ metric: 'participation' as const, value: 0.5 }] }],
    },
  };
  const withGoals = finishMetrics(aggregate, context);
  const recommendations = adjustRules(aggregate, withGoals, context);

  it('is not given as 0, and the text does not say nobody shared', () => {
    expect(figures.summary.participation.value).toBe(0.0004);
    const low = recommendations.find((r) => r.code === 'LOW_PARTICIPATION');
    expect(low?.params.participation).toBeGreaterThan(0);
    const behind = recommendations.find((r) => r.code === 'GOAL_BEHIND_TARGET');
    expect(behind?.params.actual).toBeGreaterThan(0);
    const texts = createReport(withGoals, { recommendations }).recommendations.map((r) => r.text);
    expect(texts).toContain(
      'Participation is <0.1%, below 30.0%: ask why publishers do not share and make sharing easier.',
    );
    expect(texts).toContain('Goal Werven is behind on participation: <0.1% of 50.0%.');
    const nl = createReport(withGoals, { language: 'nl', recommendations }).recommendations.map(
      (r) => r.text,
    );
    expect(nl[0]).toMatch(/^De deelname is <0,1%, onder 30,0%/);
  });
});
