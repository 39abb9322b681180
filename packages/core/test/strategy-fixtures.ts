// Small factories for the strategy tests: a two-goal, two-audience, two-pillar strategy whose figures the tests
// compute by hand, and subjects built field by field.

import type { Strategy } from '../src/model/strategy.js';
import type { OverlapSubject } from '../src/strategy/overlap-subject.js';
import { aStrategy } from '../src/testing/factories.js';

/**
 * - goal_recruit: recruitment, influence, for aud_nurses; goal_brand: employer branding, inspire, for aud_students.
 * - aud_nurses: relationships 0.6, knowledge 0.8, stance 0.4 (total 1.8); interests care, career.
 * - aud_students: inspiration 1, belonging 0.5 (total 1.5); no interests.
 * - pillar_work: goal_recruit, aud_nurses, needs relationships + knowledge, tag career, target 0.6.
 * - pillar_vacancies: goal_recruit, aud_nurses, no needs, no tags, target 0.4.
 * - linkedin for aud_nurses, instagram for aud_students.
 */
export const twoAudienceStrategy = (over: Partial<Strategy> = {}): Strategy =>
  aStrategy({
    goals: [
      {
        id: 'goal_recruit',
        name: 'Recruit nurses',
        purpose: 'recruitment',
        intent: 'influence',
        audienceIds: ['aud_nurses'],
        targets: [],
      },
      {
        id: 'goal_brand',
        name: 'Be known as a good employer',
        purpose: 'employer_branding',
        intent: 'inspire',
        audienceIds: ['aud_students'],
        targets: [],
      },
    ],
    audiences: [
      {
        id: 'aud_nurses',
        name: 'Nurses',
        description: '',
        needs: { relationships: 0.6, knowledge: 0.8, stance: 0.4 },
        interests: ['care', 'career'],
      },
      {
        id: 'aud_students',
        name: 'Students',
        description: '',
        needs: { inspiration: 1, belonging: 0.5 },
        interests: [],
      },
    ],
    pillars: [
      {
        id: 'pillar_work',
        name: 'Working here',
        description: '',
        goalIds: ['goal_recruit'],
        audienceIds: ['aud_nurses'],
        needs: ['relationships', 'knowledge'],
        tags: ['career'],
        targetWeight: 0.6,
      },
      {
        id: 'pillar_vacancies',
        name: 'Vacancies',
        description: '',
        goalIds: ['goal_recruit'],
        audienceIds: ['aud_nurses'],
        needs: [],
        tags: [],
        targetWeight: 0.4,
      },
    ],
    platforms: [
      { platform: 'linkedin', audienceIds: ['aud_nurses'] },
      { platform: 'instagram', audienceIds: ['aud_students'] },
    ],
    ...over,
  });

/** A subject with nothing in it; override any field. */
export const aSubject = (over: Partial<OverlapSubject> = {}): OverlapSubject => ({
  kind: 'post',
  id: 'post_1',
  pillarIds: [],
  goalIds: [],
  audienceIds: [],
  tags: [],
  needs: [],
  personal: false,
  ...over,
});
