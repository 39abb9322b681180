import { describe, expect, it } from 'vitest';
import { aPost, aStrategy } from '../testing/factories.js';
import { factorWords } from './overlap-messages.js';
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

  it('do not round a fit or a factor short of 100% up to 100%, nor one above 0% down to 0%', () => {
    const audience = '"Nurses"';
    const needs = { nl: 'kennis', en: 'knowledge' };
    expect(factorWords.MEETS_NEEDS({ audience, needs, fit: 0.9975 }).en).toBe(
      'Meets what "Nurses" look for: knowledge (fit 99.8%).',
    );
    expect(factorWords.MEETS_NEEDS({ audience, needs, fit: 0.9975 }).nl).toBe(
      'Sluit aan bij wat "Nurses" zoekt: kennis (aansluiting 99,8%).',
    );
    expect(factorWords.MEETS_NEEDS({ audience, needs, fit: 1 }).en).toContain('(fit 100%)');
    expect(factorWords.GOAL_FOR_OTHER_AUDIENCE({ audience, factor: 0.004 }).en).toContain('counts for 0.4%');
  });
});
