import { describe, expect, it } from 'vitest';
import { adjustRules } from '../metrics/adjust-rules.js';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { foldEvents } from '../metrics/fold-event.js';
import type { MetricsEvent } from '../metrics/metrics-event.js';
import { createReport, recommendationText } from './report.js';

const base = (i: number) => ({
  shareId: `s${i}`,
  postId: 'p1',
  campaignId: 'c1',
  publisherId: `p${i}`,
  platform: 'linkedin',
});
// March: eleven people share; Zoë, who shared on 27 February, replies under her share on 2 March and shares nothing in
// March. So the one ambassador who converses in the window is not one of its eleven sharers.
const events: MetricsEvent[] = [
  {
    type: 'share.recorded',
    at: '2026-02-27T09:00:00.000Z',
    entityId: 's0',
    data: { ...base(0), publisherId: 'zoe', offerId: 'o0', networkSize: 10 },
  },
  {
    type: 'platform.comment',
    at: '2026-03-02T09:00:00.000Z',
    entityId: 's0',
    data: { ...base(0), publisherId: 'zoe', byAmbassador: true, count: 1 },
  },
  ...Array.from({ length: 11 }, (_, i) => ({
    type: 'share.recorded',
    at: `2026-03-${String(i + 10)}T09:00:00.000Z`,
    entityId: `s${i + 1}`,
    data: { ...base(i + 1), offerId: `o${i + 1}`, networkSize: 10 },
  })),
];

describe('the text of CONVERSATION_LAGS (docs/metrics.md: fewer conversers than 0.1 × sharers)', () => {
  it('does not say the conversers are among the sharers, which they need not be', () => {
    const aggregate = foldEvents(events, {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    const figures = finishMetrics(aggregate);
    expect(figures.ambassadors.find((a) => a.personId === 'zoe')?.segment).toBe('commenter');
    const recommendations = adjustRules(aggregate, figures);
    expect(recommendations.map((r) => [r.code, r.params])).toEqual([
      ['CONVERSATION_LAGS', { sharers: 11, conversers: 1, threshold: 0.1 }],
    ]);
    const text = (language: 'en' | 'nl') =>
      createReport(figures, { language, recommendations }).recommendations[0]?.text;
    expect(text('en')).toBe(
      'Only 1 ambassador conversed on the platforms, against 11 sharers: encourage replying to comments.',
    );
    expect(text('nl')).toBe(
      'Maar 1 ambassadeur ging op de platforms in gesprek, tegen 11 delers: moedig aan om op opmerkingen te reageren.',
    );
  });

  it('says so when nobody conversed, and writes one sharer in the singular', () => {
    const none = {
      code: 'CONVERSATION_LAGS' as const,
      severity: 'info' as const,
      subject: null,
      params: { sharers: 1, conversers: 0, threshold: 0.1 },
    };
    expect(recommendationText(none, 'en')).toBe(
      'No ambassador conversed on the platforms, against 1 sharer: encourage replying to comments.',
    );
    expect(recommendationText(none, 'nl')).toBe(
      'Geen ambassadeur ging op de platforms in gesprek, tegen 1 deler: moedig aan om op opmerkingen te reageren.',
    );
    const two = { ...none, params: { sharers: 30, conversers: 2, threshold: 0.1 } };
    expect(recommendationText(two, 'en')).toMatch(
      /^Only 2 ambassadors conversed on the platforms, against 30 sharers: /,
    );
    expect(recommendationText(two, 'nl')).toMatch(
      /^Maar 2 ambassadeurs gingen op de platforms in gesprek, tegen 30 delers: /,
    );
  });
});
