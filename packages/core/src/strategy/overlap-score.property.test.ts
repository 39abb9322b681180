import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Audience, ContentPillar, Goal } from '../model/strategy.js';
import type { InformationNeed } from '../model/vocabulary.js';
import { GOAL_PURPOSES, INFORMATION_NEEDS, INTENTS } from '../model/vocabulary.js';
import type { StrategyShape } from './coverage-matrix.js';
import type { OverlapConfigInput } from './overlap-config.js';
import { resolveOverlapConfig } from './overlap-config.js';
import type { OverlapScore } from './overlap-score.js';
import { scoreOverlap } from './overlap-score.js';
import type { OverlapSubject } from './overlap-subject.js';

// Small id and tag pools so that generated posts and strategies actually refer to each other.
const GOAL_IDS = ['g1', 'g2', 'g3'];
const AUDIENCE_IDS = ['a1', 'a2', 'a3'];
const PILLAR_IDS = ['p1', 'p2', 'p3', 'p4'];
const TAGS = ['care', 'career', 'tech', 'night', 'team', 'city'];

const subsetOf = <T>(values: readonly T[], maxLength = values.length) =>
  fc.uniqueArray(fc.constantFrom(...values), { maxLength });
const weight = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));

const needWeights = (needs: readonly InformationNeed[] = INFORMATION_NEEDS) =>
  fc
    .tuple(...needs.map((n) => fc.option(weight, { nil: undefined }).map((w) => [n, w] as const)))
    .map((pairs) => Object.fromEntries(pairs.filter(([, w]) => w !== undefined)) as Audience['needs']);

const goalArb = (id: string): fc.Arbitrary<Goal> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`Goal ${id}`),
    purpose: fc.constantFrom(...GOAL_PURPOSES),
    intent: fc.constantFrom(...INTENTS),
    audienceIds: subsetOf([...AUDIENCE_IDS, 'a_missing']),
    targets: fc.constant([]),
  });

const audienceArb = (id: string, needs?: readonly InformationNeed[], tags: readonly string[] = TAGS) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`Audience ${id}`),
    description: fc.constant(''),
    needs: needWeights(needs),
    interests: subsetOf(tags),
  });

const pillarArb = (id: string, needs: readonly InformationNeed[] = INFORMATION_NEEDS, tags = TAGS) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`Pillar ${id}`),
    description: fc.constant(''),
    goalIds: subsetOf(GOAL_IDS),
    audienceIds: subsetOf(AUDIENCE_IDS),
    needs: subsetOf(needs),
    tags: subsetOf(tags),
    targetWeight: fc.option(weight, { nil: undefined }),
  });

const present = <T extends { id: string }>(make: (id: string) => fc.Arbitrary<T>, ids: readonly string[]) =>
  fc
    .tuple(...ids.map((id) => fc.option(make(id), { nil: undefined })))
    .map((xs) => xs.filter((x) => x !== undefined));

const strategyArb: fc.Arbitrary<StrategyShape> = fc.record({
  goals: present(goalArb, GOAL_IDS),
  audiences: present((id) => audienceArb(id), AUDIENCE_IDS),
  pillars: present((id) => pillarArb(id).map((p) => dropUndefined(p) as ContentPillar), PILLAR_IDS),
  platforms: fc.constant<StrategyShape['platforms']>([]),
});

const subjectArb = (needs: readonly InformationNeed[] = INFORMATION_NEEDS, tags = TAGS) =>
  fc.record({
    kind: fc.constantFrom('post' as const, 'contribution' as const, 'draft' as const),
    pillarIds: subsetOf([...PILLAR_IDS, 'p_missing']),
    goalIds: subsetOf([...GOAL_IDS, 'g_missing']),
    audienceIds: subsetOf([...AUDIENCE_IDS, 'a_missing']),
    tags: subsetOf([...tags, 'other']),
    needs: subsetOf(needs),
    personal: fc.boolean(),
  }) satisfies fc.Arbitrary<OverlapSubject>;

// Any valid configuration: the properties must hold for every setting, not only the defaults.
const configArb: fc.Arbitrary<OverlapConfigInput> = fc.record({
  organisation: fc.record({ goalForOtherAudience: weight, goalWithoutPillar: weight }),
  audience: fc.record({
    breadthWeight: weight,
    interestWeight: weight,
    interestsForFullMatch: fc.integer({ min: 1, max: 6 }),
    personalAngleNeeds: subsetOf(INFORMATION_NEEDS),
  }),
  overlap: fc.record({ organisationWeight: fc.double({ min: 0.1, max: 0.9, noNaN: true }) }),
  thresholds: fc
    .tuple(fc.double({ min: 0, max: 0.49, noNaN: true }), fc.double({ min: 0.5, max: 1, noNaN: true }))
    .chain(([pushOnly, overlap]) =>
      fc.record({
        pushOnly: fc.constant(pushOnly),
        overlap: fc.constant(overlap),
        side: fc.oneof(fc.constant(0.01), fc.constant(1), fc.double({ min: 0.01, max: 1, noNaN: true })),
        valuedNeed: fc.double({ min: 0.01, max: 1, noNaN: true }),
      }),
    ),
});

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const figures = (s: OverlapScore) => [
  s.overall,
  s.organisation,
  s.audience,
  ...s.audiences.flatMap((a) => [a.organisation, a.audience, a.needFit, a.interestFit ?? 0, a.overlap]),
];

const shuffled = <T>(values: readonly T[]) =>
  fc.shuffledSubarray([...values], { minLength: values.length, maxLength: values.length });

const runs = { numRuns: 300 };

describe('the overlap score, for any strategy, subject and configuration', () => {
  it('keeps every figure in [0, 1]', () => {
    fc.assert(
      fc.property(strategyArb, subjectArb(), configArb, (strategy, subject, config) => {
        for (const x of figures(scoreOverlap(strategy, subject, config))) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
      }),
      runs,
    );
  });

  it('never lowers an audience score when the post adds a need that audience values', () => {
    fc.assert(
      fc.property(
        strategyArb,
        subjectArb(),
        configArb,
        fc.constantFrom(...INFORMATION_NEEDS),
        (strategy, subject, config, need) => {
          const before = scoreOverlap(strategy, subject, config);
          const after = scoreOverlap(
            strategy,
            { ...subject, needs: [...new Set([...subject.needs, need])] },
            config,
          );
          expect(after.audiences.map((a) => a.audienceId)).toEqual(before.audiences.map((a) => a.audienceId));
          before.audiences.forEach((b, i) => {
            const a = after.audiences[i]!;
            // The need may or may not be valued by this audience: neither case may lower anything.
            const valued = (strategy.audiences.find((x) => x.id === b.audienceId)?.needs[need] ?? 0) > 0;
            if (valued) expect(a.needsMet).toContain(need);
            expect(a.needFit).toBeGreaterThanOrEqual(b.needFit);
            expect(a.audience).toBeGreaterThanOrEqual(b.audience);
            expect(a.overlap).toBeGreaterThanOrEqual(b.overlap);
          });
          expect(after.overall).toBeGreaterThanOrEqual(before.overall);
        },
      ),
      runs,
    );
  });

  it('never lowers an audience score when the post adds a tag or a personal angle', () => {
    fc.assert(
      fc.property(
        strategyArb,
        subjectArb(),
        configArb,
        fc.constantFrom(...TAGS.map((t) => t.toUpperCase())),
        (strategy, subject, config, tag) => {
          const before = scoreOverlap(strategy, subject, config);
          for (const more of [
            { ...subject, tags: [...subject.tags, tag] },
            { ...subject, personal: true },
          ]) {
            const after = scoreOverlap(strategy, more, config);
            expect(after.audiences.map((a) => a.audienceId)).toEqual(
              before.audiences.map((a) => a.audienceId),
            );
            before.audiences.forEach((b, i) => {
              expect(after.audiences[i]!.audience).toBeGreaterThanOrEqual(b.audience);
              expect(after.audiences[i]!.overlap).toBeGreaterThanOrEqual(b.overlap);
            });
            expect(after.overall).toBeGreaterThanOrEqual(before.overall);
          }
        },
      ),
      runs,
    );
  });

  it('gives the same score when the subject names a pillar, goal, audience, tag or need twice', () => {
    fc.assert(
      fc.property(strategyArb, subjectArb(), configArb, (strategy, subject, config) => {
        const twice = {
          ...subject,
          pillarIds: [...subject.pillarIds, ...subject.pillarIds],
          goalIds: [...subject.goalIds, ...subject.goalIds],
          audienceIds: [...subject.audienceIds, ...subject.audienceIds],
          tags: [...subject.tags, ...subject.tags.map((t) => t.toUpperCase())],
          needs: [...subject.needs, ...subject.needs],
        };
        expect(scoreOverlap(strategy, twice, config)).toEqual(scoreOverlap(strategy, subject, config));
      }),
      runs,
    );
  });

  it('never scores a post that serves no goal above the push-only threshold', () => {
    const noGoalLinks = strategyArb.map((s) => ({
      ...s,
      pillars: s.pillars.map((p) => ({ ...p, goalIds: [] })),
    }));
    fc.assert(
      fc.property(noGoalLinks, subjectArb(), configArb, (strategy, subject, config) => {
        const score = scoreOverlap(strategy, { ...subject, goalIds: ['g_missing'] }, config);
        expect(score.goals).toEqual([]);
        expect(score.overall).toBeLessThanOrEqual(resolveOverlapConfig(config).thresholds.pushOnly);
        expect(score.verdict).not.toBe('overlap');
        // Nor calls it "push only" (with "the post mostly broadcasts"): it pushes no goal of the organisation.
        expect(score.verdict).not.toBe('push_only');
      }),
      runs,
    );
  });

  it('never scores a post that matches no audience above the push-only threshold', () => {
    // Audiences value only stance, relationships and belonging and care about TAGS_A; pillars and posts offer
    // only inspiration and knowledge and speak of TAGS_B, with no personal angle that could meet relationships.
    const wanted: InformationNeed[] = ['stance', 'relationships', 'belonging'];
    const offered: InformationNeed[] = ['inspiration', 'knowledge'];
    const tagsA = ['care', 'career', 'tech'];
    const tagsB = ['night', 'team', 'city'];
    const disjoint: fc.Arbitrary<StrategyShape> = fc.record({
      goals: present(goalArb, GOAL_IDS),
      audiences: present((id) => audienceArb(id, wanted, tagsA), AUDIENCE_IDS),
      pillars: present(
        (id) => pillarArb(id, offered, tagsB).map((p) => dropUndefined(p) as ContentPillar),
        PILLAR_IDS,
      ),
      platforms: fc.constant<StrategyShape['platforms']>([]),
    });
    fc.assert(
      fc.property(disjoint, subjectArb(offered, tagsB), configArb, (strategy, subject, config) => {
        const score = scoreOverlap(strategy, { ...subject, personal: false }, config);
        for (const a of score.audiences) expect(a.audience).toBe(0);
        expect(score.overall).toBeLessThanOrEqual(resolveOverlapConfig(config).thresholds.pushOnly);
        expect(score.verdict).not.toBe('overlap');
        expect(score.verdict).not.toBe('audience_only');
      }),
      runs,
    );
  });

  it('does not depend on the order of tags, pillars, goals, audiences or needs', () => {
    fc.assert(
      fc.property(
        strategyArb,
        subjectArb().chain((s) =>
          fc.record({
            original: fc.constant(s),
            reordered: fc.record({
              kind: fc.constant(s.kind),
              pillarIds: shuffled(s.pillarIds),
              goalIds: shuffled(s.goalIds),
              audienceIds: shuffled(s.audienceIds),
              tags: shuffled(s.tags),
              needs: shuffled(s.needs),
              personal: fc.constant(s.personal),
            }),
          }),
        ),
        configArb,
        (strategy, { original, reordered }, config) => {
          expect(scoreOverlap(strategy, reordered, config)).toEqual(scoreOverlap(strategy, original, config));
        },
      ),
      runs,
    );
  });

  it('does not depend on the order of the goals and audiences in the strategy', () => {
    fc.assert(
      fc.property(
        strategyArb.chain((s) => fc.tuple(fc.constant(s), shuffled(s.goals), shuffled(s.audiences))),
        subjectArb(),
        configArb,
        ([strategy, goals, audiences], subject, config) => {
          const byId = (s: OverlapScore) =>
            [...s.audiences].sort((a, b) => (a.audienceId < b.audienceId ? -1 : 1));
          const before = scoreOverlap(strategy, subject, config);
          const after = scoreOverlap({ ...strategy, goals, audiences }, subject, config);
          expect(after.overall).toBeCloseTo(before.overall, 12);
          expect(after.organisation).toBeCloseTo(before.organisation, 12);
          expect(after.audience).toBeCloseTo(before.audience, 12);
          expect(byId(after)).toEqual(byId(before));
        },
      ),
      runs,
    );
  });

  it('does not depend on the order of the pillars in the strategy', () => {
    fc.assert(
      fc.property(
        strategyArb.chain((s) => fc.tuple(fc.constant(s), shuffled(s.pillars))),
        subjectArb(),
        configArb,
        ([strategy, pillars], subject, config) => {
          expect(figures(scoreOverlap({ ...strategy, pillars }, subject, config))).toEqual(
            figures(scoreOverlap(strategy, subject, config)),
          );
        },
      ),
      runs,
    );
  });
});

describe('the overlap score, when the strategy learns more about an audience', () => {
  // What the audience wants to know grows towards what the post already tells: the score may only rise.
  const withAudience = (strategy: StrategyShape, id: string, change: (a: Audience) => Audience) => ({
    ...strategy,
    audiences: strategy.audiences.map((a) => (a.id === id ? change(a) : a)),
  });
  const notLower = (before: OverlapScore, after: OverlapScore) => {
    expect(after.audiences.map((a) => a.audienceId)).toEqual(before.audiences.map((a) => a.audienceId));
    before.audiences.forEach((b, i) => {
      expect(after.audiences[i]!.audience).toBeGreaterThanOrEqual(b.audience);
      expect(after.audiences[i]!.overlap).toBeGreaterThanOrEqual(b.overlap);
    });
    expect(after.overall).toBeGreaterThanOrEqual(before.overall);
  };

  it('never lowers the score when an audience values a need the post meets more', () => {
    fc.assert(
      fc.property(
        strategyArb,
        subjectArb(),
        configArb,
        fc.constantFrom(...AUDIENCE_IDS),
        fc.constantFrom(...INFORMATION_NEEDS),
        weight,
        (strategy, subject, config, id, need, raised) => {
          fc.pre(subject.needs.includes(need));
          const more = withAudience(strategy, id, (a) => ({
            ...a,
            needs: { ...a.needs, [need]: Math.max(a.needs[need] ?? 0, raised) },
          }));
          notLower(scoreOverlap(strategy, subject, config), scoreOverlap(more, subject, config));
        },
      ),
      runs,
    );
  });

  it('never lowers the score when an audience gains an interest the post is tagged with', () => {
    fc.assert(
      fc.property(
        strategyArb,
        subjectArb(),
        configArb,
        fc.constantFrom(...AUDIENCE_IDS),
        fc.constantFrom(...TAGS),
        (strategy, subject, config, id, tag) => {
          fc.pre(subject.tags.includes(tag));
          // Also when it is a second spelling of an interest the audience already has.
          const more = withAudience(strategy, id, (a) => ({
            ...a,
            interests: [...a.interests, tag.toUpperCase()],
          }));
          notLower(scoreOverlap(strategy, subject, config), scoreOverlap(more, subject, config));
        },
      ),
      runs,
    );
  });
});
