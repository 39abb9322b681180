import { describe, expect, it } from 'vitest';
import { aSubject, twoAudienceStrategy } from '../../test/strategy-fixtures.js';
import { checkStrategyCoherence } from './coherence-check.js';
import type { StrategyShape } from './coverage-matrix.js';
import { scoreOverlap } from './overlap-score.js';
import { analysePortfolio } from './portfolio.js';

// A strategy typed into a form fits `StrategyShape` before the schema has seen it: a weight typed as a percentage
// (80), a cleared number field (NaN) or a slider gone wrong (-0.1, Infinity) must not give figures outside [0, 1].
const withWeights = (need: number, targetWeight?: number): StrategyShape => {
  const strategy = twoAudienceStrategy();
  const [first, ...audiences] = strategy.audiences;
  const [pillar, ...pillars] = strategy.pillars;
  return {
    ...strategy,
    audiences: [{ ...first!, needs: { ...first!.needs, knowledge: need } }, ...audiences],
    pillars: [{ ...pillar!, ...(targetWeight === undefined ? {} : { targetWeight }) }, ...pillars],
  };
};

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return 'nothing thrown';
};

describe('a need weight or intended share outside [0, 1]', () => {
  it.each([80, 1.01, -0.1, Number.NaN, Number.POSITIVE_INFINITY])(
    'is a VALIDATION error with its path for the score, the portfolio and the coherence check (%s)',
    (weight) => {
      const strategy = withWeights(weight);
      const subject = aSubject({ pillarIds: ['pillar_work'], audienceIds: ['aud_nurses'] });
      const error = {
        code: 'VALIDATION',
        details: { issues: [{ path: ['audiences', 0, 'needs', 'knowledge'] }] },
      };
      expect(thrown(() => scoreOverlap(strategy, subject))).toMatchObject(error);
      expect(thrown(() => analysePortfolio(strategy, [subject]))).toMatchObject(error);
      expect(thrown(() => checkStrategyCoherence(strategy))).toMatchObject(error);
    },
  );

  it.each([2, -1, Number.NaN])('names an intended share of %s by its pillar', (targetWeight) => {
    const strategy = withWeights(0.8, targetWeight);
    const error = { code: 'VALIDATION', details: { issues: [{ path: ['pillars', 0, 'targetWeight'] }] } };
    expect(thrown(() => analysePortfolio(strategy, []))).toMatchObject(error);
    expect(thrown(() => checkStrategyCoherence(strategy))).toMatchObject(error);
  });

  it('accepts the bounds, 0 and 1, and a need left out', () => {
    for (const weight of [0, 1]) {
      const score = scoreOverlap(withWeights(weight, weight), aSubject({ pillarIds: ['pillar_work'] }));
      const figures = [score.overall, ...score.audiences.flatMap((a) => [a.needFit, a.audience])];
      expect(figures.every((figure) => figure >= 0 && figure <= 1)).toBe(true);
    }
  });
});

describe('a need weight under a name that is no information need', () => {
  it('is a VALIDATION error with its path, not an audience that values nothing', () => {
    // Keyed by the Dutch label in a form: read as no need at all, "Nurses" were said to have no needs set.
    const strategy = twoAudienceStrategy();
    const [first, ...audiences] = strategy.audiences;
    const typed = {
      ...strategy,
      audiences: [{ ...first!, needs: { kennis: 0.8, relationships: 0.6 } as never }, ...audiences],
    };
    const error = {
      code: 'VALIDATION',
      message: expect.stringContaining(
        'audiences.0.needs.kennis: Use one of stance, relationships, belonging, inspiration, knowledge',
      ),
      details: { issues: [{ path: ['audiences', 0, 'needs', 'kennis'] }] },
    };
    expect(thrown(() => scoreOverlap(typed, aSubject({ audienceIds: ['aud_nurses'] })))).toMatchObject(error);
    expect(thrown(() => checkStrategyCoherence(typed))).toMatchObject(error);
  });
});
