import { describe, expect, it } from 'vitest';
import { createReport } from '../reports/report.js';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsContext } from './metrics-options.js';

describe('a pillar of the strategy without posts and with a low overlap score', () => {
  const events = [
    {
      type: 'post.created',
      at: '2026-03-01T09:00:00.000Z',
      entityId: 'post',
      data: { pillarIds: ['care'], goalIds: [] },
    },
  ];
  const context: MetricsContext = {
    strategy: {
      pillars: [
        { id: 'care', name: 'Care' },
        { id: 'events', name: 'Events' },
      ],
    },
    pillarOverlap: { care: 0.2, events: 0.2 },
  };
  const aggregate = foldEvents(events);
  const figures = finishMetrics(aggregate, context);
  const recommendations = adjustRules(aggregate, figures, context);

  it('is told to gather posts, not also that its posts push the organisation’s message', () => {
    expect(recommendations.map((r) => [r.code, r.subject])).toEqual([
      ['PILLAR_LOW_OVERLAP', 'care'],
      ['PILLAR_WITHOUT_POSTS', 'events'],
    ]);
    const texts = createReport(figures, { recommendations }).recommendations.map((r) => r.text);
    expect(texts.filter((text) => text.startsWith('Pillar Events'))).toEqual([
      'Pillar Events has no posts yet: gather contributions for it with the creators and turn them into posts.',
    ]);
  });
});
