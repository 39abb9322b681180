import { describe, expect, it } from 'vitest';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';

// The strategy as `shift.as(masterId).strategy.get()` returns it names its platforms as choices
// (`{ platform, audienceIds }`), not as names: the metrics take it whole.
describe('the stored strategy as the metrics context', () => {
  const events = [
    {
      type: 'share.recorded',
      at: '2026-03-02T09:00:00.000Z',
      entityId: 's1',
      data: { postId: 'p1', publisherId: 'piet', platform: 'linkedin', networkSize: 10 },
    },
  ];
  const stored = {
    id: 'strategy_0001',
    strategyVersion: 2,
    goals: [],
    pillars: [],
    platforms: [
      { platform: 'linkedin' as const, audienceIds: ['aud_nurses'] },
      { platform: 'instagram' as const, audienceIds: [] },
    ],
  };

  it('reads a platform choice as its platform', () => {
    const aggregate = foldEvents(events);
    const figures = finishMetrics(aggregate, { strategy: stored });
    const unused = adjustRules(aggregate, figures, { strategy: stored }).filter(
      (r) => r.code === 'PLATFORM_UNUSED',
    );
    expect(unused).toEqual([
      { code: 'PLATFORM_UNUSED', severity: 'info', subject: 'instagram', params: { platform: 'instagram' } },
    ]);
  });

  it('still refuses a choice of a platform the metrics do not count, by its place', () => {
    const strategy = { platforms: [{ platform: 'twitter' }] } as never;
    expect(() => finishMetrics(foldEvents(events), { strategy })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringContaining('strategy.platforms.0'),
      }),
    );
    expect(() => finishMetrics(foldEvents(events), { strategy: { platforms: [null] } as never })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
