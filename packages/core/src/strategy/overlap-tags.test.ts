import { describe, expect, it } from 'vitest';
import type { Strategy } from '../model/strategy.js';
import { aContribution, aPost, aStrategy } from '../testing/factories.js';
import { scoreOverlap } from './overlap-score.js';
import { subjectFromContribution, subjectFromPost } from './overlap-subject.js';

// Tags and interests are stored as given (composed or not); the overlap score compares them composed (NFC).

/** The factory strategy, its audience interested in `interests`, its pillar tagged `pillarTags`. */
function strategyWith(interests: string[], pillarTags: string[] = []): Strategy {
  const strategy = aStrategy();
  return {
    ...strategy,
    audiences: strategy.audiences.map((a) => ({ ...a, interests })),
    pillars: strategy.pillars.map((p) => ({ ...p, tags: pillarTags })),
  };
}

const matched = (strategy: Strategy, subject: Parameters<typeof scoreOverlap>[1]) =>
  scoreOverlap(strategy, subject).audiences[0]!.matchedInterests;

describe('the overlap score compares tags composed', () => {
  it("matches a stored decomposed tag 'cafe\\u0301' with the interest 'café', and the other way round", () => {
    expect(matched(strategyWith(['café']), subjectFromPost(aPost({ tags: ['cafe\u0301'] })))).toEqual([
      'café',
    ]);
    expect(matched(strategyWith(['cafe\u0301']), subjectFromPost(aPost({ tags: ['café'] })))).toEqual([
      'cafe\u0301',
    ]);
    expect(
      matched(strategyWith(['café']), subjectFromContribution(aContribution({ tags: ['cafe\u0301'] }))),
    ).toEqual(['café']);
  });

  it("matches a pillar's decomposed tag, and a compatibility ideograph with the character NFC makes of it", () => {
    expect(matched(strategyWith(['café']), subjectFromPost(aPost({ tags: [] }))).length).toBe(0);
    expect(matched(strategyWith(['café'], ['cafe\u0301']), subjectFromPost(aPost({ tags: [] })))).toEqual([
      'café',
    ]);
    expect(matched(strategyWith(['\uf900']), subjectFromPost(aPost({ tags: ['\u8c48'] })))).toEqual([
      '\uf900',
    ]);
  });

  it('counts an interest stored both composed and decomposed once', () => {
    const strategy = strategyWith(['café', 'cafe\u0301', 'zorg']);
    const nurses = scoreOverlap(strategy, subjectFromPost(aPost({ tags: ['café'] }))).audiences[0]!;
    expect(nurses.matchedInterests).toEqual(['café']);
    // Two different interests, one matched: 1 / min(2, interestsForFullMatch 2).
    expect(nurses.interestFit).toBe(0.5);
  });
});
