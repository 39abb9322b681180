import { describe, expect, it } from 'vitest';
import { arithmetic, exampleStrategy } from '../scripts/strategy-docs.js';
import type { StrategyShape } from '../src/strategy/index.js';
import { scoreOverlap, subjectFromDraft } from '../src/strategy/index.js';

/** The example strategy, its district nurses interested in `interests`. */
const withNurseInterests = (interests: string[]): StrategyShape => ({
  ...exampleStrategy,
  audiences: exampleStrategy.audiences.map((a) => (a.id === 'aud_nurses' ? { ...a, interests } : a)),
});

describe("the strategy page's arithmetic", () => {
  it('counts interests that compare equal (two spellings of one interest) once, as the scorer does', () => {
    const strategy = withNurseInterests(['ijsselmeer', 'ĳsselmeer', 'zorg']);
    const score = scoreOverlap(
      strategy,
      subjectFromDraft({
        text: '#ijsselmeer #ĳsselmeer',
        audienceIds: ['aud_nurses'],
        goalIds: ['goal_recruit'],
      }),
    );
    const lines = arithmetic(strategy, score);
    expect(lines.join('\n')).toContain('interest fit = min(1, 1 / min(2, 2)) = 0.500');
  });
});
