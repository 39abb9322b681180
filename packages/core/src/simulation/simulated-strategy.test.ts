import { describe, expect, it } from 'vitest';
import type { Programme } from '../model/programme.js';
import type { Strategy } from '../model/strategy.js';
import { checkStrategyCoherence } from '../strategy/coherence-check.js';
import { scoreOverlap } from '../strategy/overlap-score.js';
import { subjectFromDraft } from '../strategy/overlap-subject.js';
import { simulateExportBundle } from './simulate-organisation.js';

describe('the strategy of the simulated organisation', () => {
  const bundle = simulateExportBundle({ seed: 1, people: 20, teams: 2, days: 7 });
  const strategy = bundle.documents.strategy?.[0] as Strategy;
  const programme = bundle.documents.programme?.[0] as Programme;

  it('fits together: the coherence check finds nothing against its programme', () => {
    expect(checkStrategyCoherence(strategy, { programme }).findings).toEqual([]);
  });

  it("spells its audience's interests as Dutch does, so a draft typed in Dutch matches them (#carrière)", () => {
    // The playground's users type Dutch: `carriere` matched no `#carrière` (accents are letters of their own).
    const score = scoreOverlap(
      strategy,
      subjectFromDraft({ text: 'Jouw #carrière in de #zorg', pillarIds: ['pillar_werken'] }),
    );
    expect(score.audiences.map((a) => a.matchedInterests)).toEqual([['zorg', 'carrière']]);
  });
});
