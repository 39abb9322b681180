import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Strategy } from '../model/strategy.js';
import { GOAL_PURPOSES, INFORMATION_NEEDS, INTENTS, PLATFORMS } from '../model/vocabulary.js';
import { checkStrategyCoherence } from './coherence-check.js';
import { sortFindings } from './finding.js';
import { analysePortfolio } from './portfolio.js';

// Loose strategies: ids from small pools (so that references hit and miss), duplicates allowed.
const id = (prefix: string) => fc.constantFrom(...[1, 2, 3].map((n) => `${prefix}${n}`));
const ids = (prefix: string) => fc.array(id(prefix), { maxLength: 3 });
const weight = fc.double({ min: 0, max: 1, noNaN: true });

const strategyArb = fc.record({
  goals: fc.array(
    fc.record({
      id: id('g'),
      name: fc.constant('Goal'),
      purpose: fc.constantFrom(...GOAL_PURPOSES),
      intent: fc.constantFrom(...INTENTS),
      audienceIds: ids('a'),
      targets: fc.constant([]),
    }),
    { maxLength: 4 },
  ),
  audiences: fc.array(
    fc.record({
      id: id('a'),
      name: fc.constant('Audience'),
      description: fc.constant(''),
      needs: fc.dictionary(fc.constantFrom(...INFORMATION_NEEDS), weight),
      interests: fc.array(fc.constantFrom('care', 'career', 'tech'), { maxLength: 3 }),
    }),
    { maxLength: 4 },
  ),
  pillars: fc.array(
    fc.record({
      id: id('p'),
      name: fc.constant('Pillar'),
      description: fc.constant(''),
      goalIds: ids('g'),
      audienceIds: ids('a'),
      needs: fc.uniqueArray(fc.constantFrom(...INFORMATION_NEEDS)),
      tags: fc.array(fc.constantFrom('care', 'career', 'tech'), { maxLength: 3 }),
      targetWeight: weight,
    }),
    { maxLength: 4 },
  ),
  platforms: fc.array(fc.record({ platform: fc.constantFrom(...PLATFORMS), audienceIds: ids('a') }), {
    maxLength: 3,
  }),
}) as fc.Arbitrary<Pick<Strategy, 'goals' | 'audiences' | 'pillars' | 'platforms'>>;

const subjectsArb = fc.array(
  fc.record({
    kind: fc.constant('post' as const),
    id: id('post'),
    pillarIds: ids('p'),
    goalIds: ids('g'),
    audienceIds: ids('a'),
    tags: fc.array(fc.constantFrom('care', 'career', 'tech')),
    needs: fc.uniqueArray(fc.constantFrom(...INFORMATION_NEEDS)),
    personal: fc.boolean(),
  }),
  { maxLength: 8 },
);

describe('the coherence check, for any strategy', () => {
  it('returns sorted findings, each with both languages, and the same report twice', () => {
    fc.assert(
      fc.property(strategyArb, fc.uniqueArray(fc.constantFrom(...GOAL_PURPOSES)), (strategy, claimed) => {
        const report = checkStrategyCoherence(strategy, { claimedPurposes: claimed });
        expect(report.findings).toEqual(sortFindings(report.findings));
        for (const f of report.findings) {
          expect(f.message.nl && f.message.en && f.suggestion.nl && f.suggestion.en).toBeTruthy();
        }
        expect(checkStrategyCoherence(strategy, { claimedPurposes: claimed })).toEqual(report);
        const { coverage } = report;
        expect(coverage.goalsByPillars.cells).toHaveLength(strategy.goals.length);
        expect(coverage.audiencesByPillars.needFit.flat().every((x) => x >= 0 && x <= 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the coherence check, for any strategy whose ids are distinct', () => {
  const firstOfId = <T extends { id: string }>(list: readonly T[]) =>
    list.filter((x, i) => list.findIndex((y) => y.id === x.id) === i);
  const shuffled = <T>(list: readonly T[]) =>
    fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });
  const reordered = strategyArb
    .map((s) => ({
      ...s,
      goals: firstOfId(s.goals),
      audiences: firstOfId(s.audiences),
      pillars: firstOfId(s.pillars),
    }))
    .chain((s) =>
      fc.tuple(
        fc.constant(s),
        fc.record({
          goals: shuffled(s.goals),
          audiences: shuffled(s.audiences),
          pillars: shuffled(s.pillars),
          platforms: shuffled(s.platforms),
        }),
      ),
    );
  // A finding's entities keep the strategy's order; which findings there are, and their words, do not depend on it.
  const findingsOf = (strategy: Parameters<typeof checkStrategyCoherence>[0]) =>
    checkStrategyCoherence(strategy)
      .findings.map((f) =>
        JSON.stringify({ ...f, entities: f.entities.map((e) => `${e.kind}:${e.id}`).sort() }),
      )
      .sort();

  it('finds the same whatever the order of goals, audiences, pillars and platforms', () => {
    fc.assert(
      fc.property(reordered, ([strategy, shuffledStrategy]) => {
        expect(findingsOf(shuffledStrategy)).toEqual(findingsOf(strategy));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the portfolio view, for any strategy and posts', () => {
  it('keeps balance, shares and overlap share in [0, 1] and counts every post once', () => {
    fc.assert(
      fc.property(strategyArb, subjectsArb, (strategy, subjects) => {
        const view = analysePortfolio(strategy, subjects);
        for (const x of [
          view.balance,
          view.overlapShare,
          view.meanOverlap,
          ...view.pillars.map((p) => p.share),
        ]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
        const counted = view.pillars.reduce((sum, p) => sum + p.count, 0) + view.withoutPillar;
        expect(counted).toBeCloseTo(subjects.length, 9);
        expect(Object.values(view.verdicts).reduce((a, b) => a + b, 0)).toBe(subjects.length);
      }),
      { numRuns: 300 },
    );
  });
});
