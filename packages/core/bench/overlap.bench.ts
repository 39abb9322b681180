// Speed of the strategy functions: scoring one draft on a keystroke, scoring a large portfolio, and checking a
// large strategy. Run: pnpm bench (or `pnpm --filter @social-shift/core run bench`).
import { bench, describe } from 'vitest';
import type { Strategy } from '../src/model/strategy.js';
import { INFORMATION_NEEDS } from '../src/model/vocabulary.js';
import type { OverlapSubject } from '../src/strategy/index.js';
import {
  analysePortfolio,
  checkStrategyCoherence,
  createOverlapScorer,
  scoreOverlap,
  subjectFromDraft,
} from '../src/strategy/index.js';

type Shape = Pick<Strategy, 'goals' | 'audiences' | 'pillars' | 'platforms'>;

/** A strategy at the schema's upper bounds: 100 goals, 100 audiences, 100 pillars, 20 platform choices. */
function largeStrategy(): Shape {
  const n = 100;
  const tag = (i: number) => `topic-${i % 40}`;
  return {
    goals: Array.from({ length: n }, (_, i) => ({
      id: `g${i}`,
      name: `Goal ${i}`,
      purpose: 'recruitment' as const,
      intent: 'inform' as const,
      audienceIds: [`a${i}`, `a${(i + 1) % n}`],
      targets: [],
    })),
    audiences: Array.from({ length: n }, (_, i) => ({
      id: `a${i}`,
      name: `Audience ${i}`,
      description: '',
      needs: Object.fromEntries(INFORMATION_NEEDS.map((need, j) => [need, ((i + j) % 5) / 4])),
      interests: [tag(i), tag(i + 1), tag(i + 2)],
    })),
    pillars: Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      name: `Pillar ${i}`,
      description: '',
      goalIds: [`g${i}`, `g${(i + 7) % n}`],
      audienceIds: [`a${i}`, `a${(i + 3) % n}`],
      needs: [INFORMATION_NEEDS[i % 5]!, INFORMATION_NEEDS[(i + 2) % 5]!],
      tags: [tag(i)],
      targetWeight: 0.01,
    })),
    platforms: Array.from({ length: 20 }, (_, i) => ({
      platform: 'linkedin' as const,
      audienceIds: Array.from({ length: 5 }, (_, j) => `a${i * 5 + j}`),
    })),
  };
}

const strategy = largeStrategy();
const posts: OverlapSubject[] = Array.from({ length: 10_000 }, (_, i) => ({
  kind: 'post',
  id: `post${i}`,
  pillarIds: [`p${i % 100}`, `p${(i * 7) % 100}`],
  goalIds: i % 3 === 0 ? [`g${i % 100}`] : [],
  audienceIds: [`a${i % 100}`, `a${(i + 50) % 100}`],
  tags: [`topic-${i % 40}`],
  needs: [INFORMATION_NEEDS[i % 5]!],
  personal: i % 2 === 0,
}));
const scorer = createOverlapScorer(strategy);
const draft = subjectFromDraft({
  text: 'Our night team #topic-3 #topic-4',
  pillarIds: ['p3'],
  audienceIds: ['a3'],
});

describe('overlap score', () => {
  bench('score one draft with a prepared scorer (per keystroke)', () => {
    scorer(draft);
  });
  bench('score one draft from scratch (index the strategy, then score)', () => {
    scoreOverlap(strategy, draft);
  });
});

describe('portfolio and coherence', () => {
  bench(
    'analyse a portfolio of 10,000 posts',
    () => {
      analysePortfolio(strategy, posts);
    },
    { iterations: 3 },
  );
  bench('check a strategy of 100 goals, audiences and pillars', () => {
    checkStrategyCoherence(strategy);
  });
});
