import { describe, expect, it } from 'vitest';
import { aSubject, twoAudienceStrategy } from '../../test/strategy-fixtures.js';
import { aPost, aStrategy } from '../testing/factories.js';
import { DEFAULT_OVERLAP_CONFIG } from './overlap-config.js';
import { classifyOverlap, createOverlapScorer, scoreOverlap } from './overlap-score.js';
import { subjectFromDraft, subjectFromPost } from './overlap-subject.js';

// Hand-computed cases. Defaults: breadthWeight β = 0.25, interestWeight ι = 0.3, interestsForFullMatch k = 2,
// organisationWeight w = 0.5, goalWithoutPillar 0.8, goalForOtherAudience 0.3, personal angle = relationships.
// Nurses: relationships 0.6, knowledge 0.8, stance 0.4 (total 1.8); interests care, career.
// Students: inspiration 1, belonging 0.5 (total 1.5); no interests.

describe('scoreOverlap on hand-computed cases', () => {
  it('puts the factory post (pillar, goal, personal story, matching tags) in the overlap', () => {
    // Organisation: goal_recruit through pillar_work (route 1), meant for nurses (×1) → O = 1.
    // Needs met: post relationships + pillar relationships, knowledge + personal relationships
    //   = {relationships, knowledge}; strongest 0.8; share (0.6 + 0.8) / 1.8 = 0.777…
    //   needFit = 0.75 × 0.8 + 0.25 × 0.777… = 0.6 + 0.19444… = 0.79444…
    // Interests: tags {care} ∪ pillar {career} match care and career: min(1, 2 / min(2, 2)) = 1.
    // A = 0.7 × 0.79444… + 0.3 × 1 = 0.55611… + 0.3 = 0.85611…
    // overlap = √(1 × 0.85611…) = 0.92526…
    const score = scoreOverlap(aStrategy(), subjectFromPost(aPost()));
    const needFit = 0.75 * 0.8 + 0.25 * (1.4 / 1.8);
    const audience = 0.7 * needFit + 0.3 * 1;
    expect(score.audiences).toHaveLength(1);
    expect(score.audiences[0]!.needFit).toBeCloseTo(0.794444, 5);
    expect(score.audience).toBeCloseTo(0.856111, 5);
    expect(score.organisation).toBe(1);
    expect(score.overall).toBeCloseTo(Math.sqrt(audience), 10);
    expect(score.overall).toBeCloseTo(0.925263, 5);
    expect(score.verdict).toBe('overlap');
    expect(score.audiences[0]!.needsMet).toEqual(['relationships', 'knowledge']);
    expect(score.audiences[0]!.matchedInterests).toEqual(['care', 'career']);
    expect(score.goals).toEqual([
      {
        goalId: 'goal_recruit',
        name: 'Recruit nurses',
        purpose: 'recruitment',
        intent: 'influence',
        explicit: true,
        viaPillarIds: ['pillar_work'],
      },
    ]);
  });

  it('calls a pillar-only post that meets no need and no interest "push only"', () => {
    // O = 1 (goal_recruit through pillar_vacancies). Needs met: none → needFit 0. Interests: none → 0.
    // A = 0.7 × 0 + 0.3 × 0 = 0 → overlap 0 ≤ 0.3 and O = 1 ≥ 0.5 → push_only.
    const score = scoreOverlap(
      twoAudienceStrategy(),
      aSubject({ pillarIds: ['pillar_vacancies'], audienceIds: ['aud_nurses'] }),
    );
    expect(score.organisation).toBe(1);
    expect(score.audience).toBe(0);
    expect(score.overall).toBe(0);
    expect(score.verdict).toBe('push_only');
    const codes = score.suggestions.map((s) => s.code);
    expect(codes).toEqual(['USE_INTEREST_TAGS', 'ADDRESS_TOP_NEED', 'ADD_PERSONAL_ANGLE', 'SOFTEN_THE_PUSH']);
    expect(score.suggestions[1]!.message.en).toBe(
      '"Nurses" mostly look for "Knowledge": address it in this post.',
    );
    expect(score.suggestions[2]!.message.nl).toContain('persoonlijke invalshoek');
  });

  it("suggests the need that fits the goal's intent when the audience values it", () => {
    // goal_recruit wants to influence → stance; nurses now value stance 0.6 (≥ 0.5) and the post meets nothing.
    const strategy = twoAudienceStrategy();
    const nurses = { ...strategy.audiences[0]!, needs: { relationships: 0.6, knowledge: 0.8, stance: 0.6 } };
    const score = scoreOverlap(
      { ...strategy, audiences: [nurses, strategy.audiences[1]!] },
      aSubject({ pillarIds: ['pillar_vacancies'], audienceIds: ['aud_nurses'] }),
    );
    const intent = score.suggestions.find((s) => s.code === 'MATCH_THE_INTENT');
    expect(intent?.audienceId).toBe('aud_nurses');
    expect(intent?.message.en).toBe(
      'Goal "Recruit nurses" means to influence and "Nurses" look for "Show what they stand for": that is the way in that serves both.',
    );
    // With the default weights (stance 0.4, below the valued-need threshold) the intent is not suggested.
    const plain = scoreOverlap(
      twoAudienceStrategy(),
      aSubject({ pillarIds: ['pillar_vacancies'], audienceIds: ['aud_nurses'] }),
    );
    expect(plain.suggestions.map((s) => s.code)).not.toContain('MATCH_THE_INTENT');
  });

  it('discounts a goal claimed without a pillar and meant for another audience', () => {
    // O(students) = 0.8 (explicit only) × 0.3 (goal_recruit is for nurses) = 0.24.
    // Needs met: inspiration; strongest 1; share 1 / 1.5 = 0.666…; needFit = 0.75 + 0.25 × 0.666… = 0.91666…
    // No interests → A = needFit = 0.91666…
    // overlap = √(0.24 × 0.91666…) = √0.22 = 0.46904… → between 0.3 and 0.6: partial.
    const score = scoreOverlap(
      twoAudienceStrategy(),
      aSubject({ goalIds: ['goal_recruit'], audienceIds: ['aud_students'], needs: ['inspiration'] }),
    );
    expect(score.organisation).toBeCloseTo(0.24, 10);
    expect(score.audience).toBeCloseTo(0.75 + 0.25 / 1.5, 10);
    expect(score.overall).toBeCloseTo(Math.sqrt(0.22), 10);
    expect(score.verdict).toBe('partial');
    expect(score.factors.map((f) => f.code)).toContain('GOAL_CLAIMED_WITHOUT_PILLAR');
    expect(score.factors.map((f) => f.code)).toContain('GOAL_FOR_OTHER_AUDIENCE');
    expect(score.suggestions.map((s) => s.code)).toContain('TARGET_THE_GOAL_AUDIENCE');
  });

  it('does not say the goals are for other audiences when a goal for the audience counts most', () => {
    // Students: goal_recruit through pillar_work is for nurses (1 × 0.3 = 0.3); goal_brand, linked directly, is for
    // students (0.8). O = 0.8: the direct link lowers it (GOAL_CLAIMED_WITHOUT_PILLAR), no other audience does.
    const score = scoreOverlap(
      twoAudienceStrategy(),
      aSubject({ pillarIds: ['pillar_work'], goalIds: ['goal_brand'], audienceIds: ['aud_students'] }),
    );
    expect(score.organisation).toBeCloseTo(0.8, 10);
    expect(score.factors.map((f) => f.code)).toContain('GOAL_CLAIMED_WITHOUT_PILLAR');
    expect(score.factors.map((f) => f.code)).not.toContain('GOAL_FOR_OTHER_AUDIENCE');
    expect(score.suggestions.map((s) => s.code)).not.toContain('TARGET_THE_GOAL_AUDIENCE');
  });

  it('does not ask for one top need when the post meets another the audience values as much', () => {
    // Nurses weigh stance and knowledge 0.8 each; pillar_work addresses knowledge, one of the two.
    const base = twoAudienceStrategy();
    const strategy = twoAudienceStrategy({
      audiences: base.audiences.map((a, i) =>
        i === 0 ? { ...a, needs: { stance: 0.8, knowledge: 0.8, relationships: 0.6 } } : a,
      ),
    });
    const score = scoreOverlap(strategy, aSubject({ pillarIds: ['pillar_work'] }));
    expect(score.suggestions.map((s) => s.code)).not.toContain('ADDRESS_TOP_NEED');
  });

  it('calls a personal angle neutral when no audience scored weighs the need it counts as', () => {
    // Students weigh inspiration and belonging, not relationships: the personal angle raises nothing for them.
    const personalFor = (audienceIds: string[]) =>
      scoreOverlap(
        twoAudienceStrategy(),
        aSubject({ goalIds: ['goal_brand'], audienceIds, needs: ['inspiration'], personal: true }),
      ).factors.find((f) => f.code === 'PERSONAL_ANGLE')?.effect;
    expect(personalFor(['aud_students'])).toBe('neutral');
    expect(personalFor(['aud_nurses'])).toBe('raises');
  });

  it('calls a personal angle neutral when it meets a weighed need but the audience side does not move', () => {
    // Nurses: knowledge 0.8, relationships 0.6. The post meets knowledge; the angle adds relationships.
    const personalWith = (config: Parameters<typeof scoreOverlap>[2]) => {
      const subject = (personal: boolean) =>
        aSubject({ goalIds: ['goal_recruit'], audienceIds: ['aud_nurses'], needs: ['knowledge'], personal });
      const [withAngle, without] = [true, false].map((p) =>
        scoreOverlap(twoAudienceStrategy(), subject(p), config),
      );
      const effect = withAngle!.factors.find((f) => f.code === 'PERSONAL_ANGLE')?.effect;
      return { effect, moved: withAngle!.audience - without!.audience };
    };
    // Only the strongest need counts (breadth 0): 0.8 either way.
    expect(personalWith({ audience: { breadthWeight: 0 } })).toEqual({ effect: 'neutral', moved: 0 });
    // Only interests count: the needs do not move the audience side.
    expect(personalWith({ audience: { interestWeight: 1 } })).toEqual({ effect: 'neutral', moved: 0 });
    // The defaults: the share of need weight met rises, and the audience side with it.
    const plain = personalWith({});
    expect(plain.effect).toBe('raises');
    expect(plain.moved).toBeGreaterThan(0);
  });

  it('says a goal claimed without a pillar lowers the score only where backing it with a pillar would raise it', () => {
    const claimedEffect = (subject: Parameters<typeof aSubject>[0]) =>
      scoreOverlap(twoAudienceStrategy(), aSubject(subject)).factors.find(
        (f) => f.code === 'GOAL_CLAIMED_WITHOUT_PILLAR',
      )?.effect;
    // Nurses: goal_recruit through pillar_work counts 1; goal_brand (for students) would count 0.3 with a pillar.
    expect(
      claimedEffect({ pillarIds: ['pillar_work'], goalIds: ['goal_brand'], audienceIds: ['aud_nurses'] }),
    ).toBe('neutral');
    // Nurses: goal_recruit, linked only, counts 0.8; with a pillar it would count 1.
    expect(claimedEffect({ goalIds: ['goal_recruit'], audienceIds: ['aud_nurses'] })).toBe('lowers');
    // No audience to score: the organisation side is the best goal, 0.8; with a pillar it would be 1.
    const base = twoAudienceStrategy();
    const noAudiences = twoAudienceStrategy({ goals: base.goals.map((g) => ({ ...g, audienceIds: [] })) });
    const score = scoreOverlap(noAudiences, aSubject({ goalIds: ['goal_brand'] }));
    expect(score.audienceSource).toBe('none');
    expect(score.factors.find((f) => f.code === 'GOAL_CLAIMED_WITHOUT_PILLAR')?.effect).toBe('lowers');
  });

  it('suggests backing a goal claimed without a pillar only where that would raise the score', () => {
    const tips = (subject: Parameters<typeof aSubject>[0]) =>
      scoreOverlap(twoAudienceStrategy(), aSubject(subject)).suggestions.filter(
        (s) => s.code === 'BACK_THE_GOAL_WITH_A_PILLAR',
      );
    // Nurses: goal_recruit through pillar_work counts 1 already; a pillar for goal_brand would change nothing.
    expect(
      tips({ pillarIds: ['pillar_work'], goalIds: ['goal_brand'], audienceIds: ['aud_nurses'] }),
    ).toEqual([]);
    // Nurses: goal_recruit, linked only, counts 0.8; with a pillar it would count 1.
    expect(tips({ goalIds: ['goal_recruit'], audienceIds: ['aud_nurses'] })).toHaveLength(1);
  });

  it('says nothing about interests when they weigh nothing, nor about needs when only interests weigh', () => {
    // Nurses: knowledge 0.8, relationships 0.6, stance 0.4; interests care, career. The post meets knowledge only.
    const post = { goalIds: ['goal_recruit'], audienceIds: ['aud_nurses'], needs: ['knowledge' as const] };
    const words = (config: Parameters<typeof scoreOverlap>[2], more: Parameters<typeof aSubject>[0] = {}) => {
      const score = scoreOverlap(twoAudienceStrategy(), aSubject({ ...post, ...more }), config);
      return {
        overall: score.overall,
        factors: score.factors.filter((f) => f.side === 'audience').map((f) => f.code),
        suggestions: score.suggestions.map((s) => s.code),
      };
    };
    // Interests count for nothing: tagging the post with them would not move it, so no word asks for it.
    const noInterests = words({ audience: { interestWeight: 0 } });
    expect(noInterests.factors).toEqual(['MEETS_NEEDS']);
    expect(noInterests.suggestions).toEqual(['BACK_THE_GOAL_WITH_A_PILLAR', 'ADD_PERSONAL_ANGLE']);
    expect(words({ audience: { interestWeight: 0 } }, { tags: ['care', 'career'] }).overall).toBe(
      noInterests.overall,
    );
    // Only interests count: the needs are neither a factor nor advice (meeting them all would not move it).
    const onlyInterests = words({ audience: { interestWeight: 1 } });
    expect(onlyInterests.factors).toEqual(['NO_INTEREST_MATCH']);
    expect(onlyInterests.suggestions).toEqual([
      'BACK_THE_GOAL_WITH_A_PILLAR',
      'USE_INTEREST_TAGS',
      'SOFTEN_THE_PUSH',
    ]);
    const allNeeds = { needs: ['stance', 'relationships', 'knowledge'] as const, personal: true };
    expect(words({ audience: { interestWeight: 1 } }, allNeeds).overall).toBe(onlyInterests.overall);
    // The defaults: both parts weigh, and both are explained.
    expect(words({}).factors).toEqual(['MEETS_NEEDS', 'NO_INTEREST_MATCH']);
    // An audience without interests is all needs, whatever the setting.
    const students = scoreOverlap(
      twoAudienceStrategy(),
      aSubject({ goalIds: ['goal_brand'], audienceIds: ['aud_students'] }),
      { audience: { interestWeight: 1 } },
    );
    expect(students.factors.map((f) => f.code)).toContain('MISSES_NEEDS');
    expect(students.suggestions.map((s) => s.code)).toContain('ADDRESS_TOP_NEED');
  });

  it('averages the overlap over the audiences a post targets', () => {
    // Nurses: O = 1; needs {relationships, knowledge} → needFit 0.79444…; tags {career} → 1 of 2 → 0.5;
    //   A = 0.7 × 0.79444… + 0.3 × 0.5 = 0.70611…; overlap √0.70611… = 0.84030…
    // Students: O = 1 × 0.3 = 0.3; needs met none → A = 0 → overlap 0.
    // overall = (0.84030… + 0) / 2 = 0.42015…; O = (1 + 0.3) / 2 = 0.65; A = 0.70611… / 2 = 0.35305…
    const score = scoreOverlap(
      twoAudienceStrategy(),
      aSubject({ pillarIds: ['pillar_work'], audienceIds: ['aud_students', 'aud_nurses'] }),
    );
    const nurses = 0.7 * (0.75 * 0.8 + 0.25 * (1.4 / 1.8)) + 0.3 * 0.5;
    expect(score.audiences.map((a) => a.audienceId)).toEqual(['aud_nurses', 'aud_students']);
    expect(score.audiences[0]!.overlap).toBeCloseTo(Math.sqrt(nurses), 10);
    expect(score.audiences[1]!.overlap).toBe(0);
    expect(score.audiences[1]!.verdict).toBe('off_strategy');
    expect(score.overall).toBeCloseTo(Math.sqrt(nurses) / 2, 10);
    expect(score.overall).toBeCloseTo(0.420152, 5);
    expect(score.organisation).toBeCloseTo(0.65, 10);
    expect(score.audience).toBeCloseTo(nurses / 2, 10);
    expect(score.verdict).toBe('partial');
  });

  it('scores a draft by its hashtags and takes the audience from its goal', () => {
    // Draft: goal_recruit (no pillar) → audiences from goals: nurses; O = 0.8.
    // Needs: knowledge → strongest 0.8; share 0.8 / 1.8 = 0.444…; needFit = 0.6 + 0.111… = 0.71111…
    // Hashtag #Care → tag care: 1 of min(2, 2) → 0.5. A = 0.7 × 0.71111… + 0.3 × 0.5 = 0.64777…
    // overlap = √(0.8 × 0.64777…) = √0.51822… = 0.71987… → overlap.
    const score = scoreOverlap(
      twoAudienceStrategy(),
      subjectFromDraft({
        text: 'Wat doet een wijkverpleegkundige? #Care',
        goalIds: ['goal_recruit'],
        needs: ['knowledge'],
      }),
    );
    const audience = 0.7 * (0.6 + 0.25 * (0.8 / 1.8)) + 0.3 * 0.5;
    expect(score.audienceSource).toBe('goals');
    expect(score.audience).toBeCloseTo(audience, 10);
    expect(score.overall).toBeCloseTo(Math.sqrt(0.8 * audience), 10);
    expect(score.overall).toBeCloseTo(0.719876, 5);
    expect(score.verdict).toBe('overlap');
    expect(score.subject).toEqual({ kind: 'draft' });
  });

  it('scores a subject built by hand with its id left undefined as a draft without an id', () => {
    const draft = subjectFromDraft({ text: 'Onze #nachtdienst' });
    const id: string | undefined = undefined;
    const score = scoreOverlap(aStrategy(), { ...draft, id });
    expect(score.overall).toBe(scoreOverlap(aStrategy(), draft).overall);
    expect(score.subject).toEqual({ kind: 'draft' });
  });

  it('weighs the organisation side by organisationWeight in the geometric mean', () => {
    // Factory post with w = 0.25: 1^0.25 × 0.85611…^0.75 = 0.89001…
    const score = scoreOverlap(aStrategy(), subjectFromPost(aPost()), {
      overlap: { organisationWeight: 0.25 },
    });
    const audience = 0.7 * (0.75 * 0.8 + 0.25 * (1.4 / 1.8)) + 0.3;
    expect(score.overall).toBeCloseTo(audience ** 0.75, 10);
    expect(score.overall).toBeCloseTo(0.890014, 5);
  });

  it('scores zero with "choose an audience" when nothing leads to an audience', () => {
    const score = scoreOverlap(twoAudienceStrategy(), aSubject({ tags: ['care'], needs: ['knowledge'] }));
    expect(score.audienceSource).toBe('none');
    expect(score.overall).toBe(0);
    expect(score.verdict).toBe('off_strategy');
    expect(score.suggestions.map((s) => s.code)).toEqual([
      'LINK_A_GOAL',
      'CHOOSE_A_PILLAR',
      'CHOOSE_AN_AUDIENCE',
    ]);
  });

  it('calls an audience-pleasing post without a goal "audience only"', () => {
    // Students targeted explicitly, needs inspiration + belonging → needFit 0.75 × 1 + 0.25 × 1 = 1; A = 1; O = 0.
    const score = scoreOverlap(
      twoAudienceStrategy(),
      aSubject({ audienceIds: ['aud_students'], needs: ['inspiration', 'belonging'] }),
    );
    expect(score.audience).toBe(1);
    expect(score.overall).toBe(0);
    expect(score.verdict).toBe('audience_only');
    expect(score.factors.find((f) => f.code === 'NO_GOAL')?.message).toEqual({
      nl: 'Het bericht werkt aan geen enkel doel van de organisatie.',
      en: "The post serves none of the organisation's goals.",
    });
  });

  it('ignores and reports ids the strategy does not know', () => {
    const score = scoreOverlap(
      aStrategy(),
      aSubject({ pillarIds: ['pillar_gone', 'pillar_work'], goalIds: ['goal_gone'] }),
    );
    expect(score.unknownIds).toEqual([
      { kind: 'goal', id: 'goal_gone' },
      { kind: 'pillar', id: 'pillar_gone' },
    ]);
    expect(score.factors.at(-1)?.code).toBe('UNKNOWN_REFERENCE');
    expect(score.goals.map((g) => g.goalId)).toEqual(['goal_recruit']);
  });

  it('explains every factor and suggestion in both languages', () => {
    const strategy = twoAudienceStrategy();
    const subjects = [
      subjectFromPost(aPost()),
      aSubject({ pillarIds: ['pillar_vacancies'], audienceIds: ['aud_nurses', 'aud_students'] }),
      aSubject({ goalIds: ['goal_recruit'], audienceIds: ['aud_students'], personal: true }),
    ];
    const score = createOverlapScorer(strategy);
    for (const s of subjects.map(score)) {
      for (const item of [...s.factors, ...s.suggestions]) {
        expect(item.message.nl.length).toBeGreaterThan(10);
        expect(item.message.en.length).toBeGreaterThan(10);
        expect(item.message.nl).not.toEqual(item.message.en);
        expect(item.message.en).not.toMatch(/undefined|NaN|\[object/);
        expect(item.message.nl).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });
});

describe('the words of a goal served through pillars', () => {
  it('name one pillar in the singular and two in the plural, in both languages', () => {
    const served = (pillarIds: string[]) =>
      scoreOverlap(twoAudienceStrategy(), subjectFromDraft({ text: '', pillarIds })).factors.find(
        (f) => f.code === 'SERVES_GOAL',
      )?.message;
    expect(served(['pillar_work'])).toEqual({
      nl: 'Werkt aan doel "Recruit nurses" (recruitment, beïnvloeden) via pijler "Working here".',
      en: 'Serves goal "Recruit nurses" (recruitment, influence) through pillar "Working here".',
    });
    expect(served(['pillar_work', 'pillar_vacancies'])).toEqual({
      nl: 'Werkt aan doel "Recruit nurses" (recruitment, beïnvloeden) via pijlers "Working here", "Vacancies".',
      en: 'Serves goal "Recruit nurses" (recruitment, influence) through pillars "Working here", "Vacancies".',
    });
  });
});

describe('classifyOverlap', () => {
  it('uses the thresholds: overlap from 0.6, one-sided up to 0.3, a side served from 0.5', () => {
    const c = DEFAULT_OVERLAP_CONFIG;
    expect(classifyOverlap(0.6, 0.6, 0.6, c)).toBe('overlap');
    expect(classifyOverlap(0.59, 0.6, 0.6, c)).toBe('partial');
    expect(classifyOverlap(0.31, 1, 0.1, c)).toBe('partial');
    expect(classifyOverlap(0.3, 1, 0.09, c)).toBe('push_only');
    expect(classifyOverlap(0.2, 0.04, 1, c)).toBe('audience_only');
    expect(classifyOverlap(0.2, 0.4, 0.1, c)).toBe('off_strategy');
  });
});
