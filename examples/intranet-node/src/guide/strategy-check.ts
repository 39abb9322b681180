// The strategy check and the overlap score, as the repository's README shows them: pure functions of a strategy
// (and the programme, for the purposes it claims), from the subpath that loads neither XState nor zod.
// #region strategy-check
import type { Programme, Strategy } from '@social-shift/core';
import { checkStrategyCoherence, scoreOverlap, subjectFromDraft } from '@social-shift/core/strategy';

export function checkDraft(strategy: Strategy, programme: Programme) {
  const { findings } = checkStrategyCoherence(strategy, { programme }); // codes, severity, entity ids, nl + en advice
  const draft = subjectFromDraft({ text: 'Een nacht met Anne #zorg', pillarIds: ['pillar_work'] });
  const score = scoreOverlap(strategy, draft); // overall, verdict, factors, suggestions
  return { findings, score };
}
// #endregion strategy-check
