import { describe, expect, it } from 'vitest';
import { aPost, aStrategy } from '../testing/factories.js';
import { scoreOverlap } from './overlap-score.js';
import { subjectFromPost } from './overlap-subject.js';

describe('the words of the overlap factors', () => {
  const personalAngle = (personalAngleNeeds: readonly ('relationships' | 'stance')[]) =>
    scoreOverlap(aStrategy(), subjectFromPost(aPost({ personal: true })), {
      audience: { personalAngleNeeds },
    }).factors.find((f) => f.code === 'PERSONAL_ANGLE')?.message;

  it('name the needs a personal angle counts as', () => {
    expect(personalAngle(['relationships', 'stance'])).toEqual({
      nl: 'Een persoonlijk verhaal: mensen verbinden zich met mensen (telt als relaties, tonen waar je voor staat).',
      en: 'A personal story: people connect with people (counts as relationships, show what they stand for).',
    });
  });

  it('leave out "counts as" when a personal angle is set to count as no need', () => {
    expect(personalAngle([])).toEqual({
      nl: 'Een persoonlijk verhaal: mensen verbinden zich met mensen.',
      en: 'A personal story: people connect with people.',
    });
  });
});
