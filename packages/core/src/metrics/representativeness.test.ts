import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';
import { representativeness } from './representativeness.js';

describe('the representativeness index, against its documented formula', () => {
  it('gives the example of the docs: 2 in Zorg and 3 in HR, 2 and 1 of them active', () => {
    // 1 − ½(|2/3 − 2/5| + |1/3 − 3/5|) = 1 − 4/15 = 11/15.
    const r = representativeness([['Zorg'], ['Zorg'], ['HR'], ['HR'], ['HR']], [['Zorg'], ['Zorg'], ['HR']]);
    expect(r.index).toBeCloseTo(11 / 15, 12);
    expect(r.groups.map((g) => [g.group, g.ratio])).toEqual([
      ['HR', 1 / 3 / (3 / 5)],
      ['Zorg', 2 / 3 / (2 / 5)],
    ]);
  });

  it('splits a person in two groups evenly over them', () => {
    // Organisation: t1 1½, t2 1½, t3 1 (of 4); active: t1 ½, t2 ½, t3 1 (of 2).
    // 1 − ½(|¼ − ⅜| + |¼ − ⅜| + |½ − ¼|) = 1 − ½ × ½ = 0.75.
    const r = representativeness([['t1', 't2'], ['t1'], ['t2'], ['t3']], [['t1', 't2'], ['t3']]);
    expect(r.index).toBeCloseTo(0.75, 12);
  });

  it('counts a group named twice for one person once, as the team figures do', () => {
    // As if p1 were in [a, b]: organisation a ½, b 1½ (of 2); active a ½, b ½ (of 1). 1 − ½(¼ + ¼) = 0.75.
    const r = representativeness([['a', 'b', 'a'], ['b']], [['a', 'b', 'a']]);
    expect(r.index).toBeCloseTo(0.75, 12);
    expect(r.groups.map((g) => [g.group, g.organisationShare, g.activeShare])).toEqual([
      ['a', 0.25, 0.5],
      ['b', 0.75, 0.5],
    ]);
    const event = (type: string, entityId: string, data: Record<string, unknown>): MetricsEvent => ({
      type,
      at: '2026-03-02T09:00:00.000Z',
      entityId,
      data,
    });
    const figures = finishMetrics(
      foldEvents([
        event('person.added', 'p1', { teamIds: ['a', 'b', 'a'] }),
        event('person.added', 'p2', { teamIds: ['b'] }),
        event('share.recorded', 's1', { postId: 'q', publisherId: 'p1', platform: 'x', networkSize: 1 }),
      ]),
    );
    expect(figures.representativeness.team.index).toBeCloseTo(0.75, 12);
  });

  it('has no index without active people or without an organisation', () => {
    expect(representativeness([['a']], []).index).toBeNull();
    expect(representativeness([], []).index).toBeNull();
    expect(representativeness([[], ['a']], [[]]).index).toBeNull();
  });

  it('is 0, not a rounding error below it, when the active ambassadors sit only in groups nobody else is in', () => {
    // Six groups of one and one active group of its own: the distance adds up to 2.0000000000000004.
    const r = representativeness(
      ['b', 'c', 'd', 'e', 'f', 'g'].map((g) => [g]),
      [['a']],
    );
    expect(r.index).toBe(0);
  });

  const groups = fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 3 }), {
    maxLength: 12,
  });
  test.prop([groups, groups], { numRuns: 500 })(
    'gives an index from 0 to 1 and shares from 0 to 1, whatever the groups',
    (organisation, active) => {
      const r = representativeness(organisation, active);
      if (r.index !== null) {
        expect(r.index).toBeGreaterThanOrEqual(0);
        expect(r.index).toBeLessThanOrEqual(1);
      }
      for (const g of r.groups)
        for (const share of [g.organisationShare, g.activeShare]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
    },
  );
});
