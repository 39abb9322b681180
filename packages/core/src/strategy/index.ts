/**
 * `@social-shift/core/strategy`: the strategy coherence check, the coverage matrix, the overlap score and the
 * portfolio view. Pure functions over plain data; importing this subpath loads neither the workflows (XState),
 * the event emitter (mitt) nor zod, so it stays small enough to score drafts live in a browser. Pass a strategy
 * that was parsed (`parseStrategy`) where it comes from outside.
 *
 * @example
 * ```ts
 * import { checkStrategyCoherence, scoreOverlap, subjectFromPost } from '@social-shift/core/strategy';
 * const { findings } = checkStrategyCoherence(strategy, { programme });
 * const score = scoreOverlap(strategy, subjectFromPost(post));
 * ```
 *
 * @packageDocumentation
 */

export type { CoherenceOptions, CoherenceReport } from './coherence-check.js';
export { checkStrategyCoherence } from './coherence-check.js';
export type {
  AudiencePillarGrid,
  CoverageGrid,
  CoverageMatrix,
  MatrixHeader,
  StrategyShape,
} from './coverage-matrix.js';
export { buildCoverageMatrix, strongestNeedMet } from './coverage-matrix.js';
export type {
  FindingSeverity,
  LocalizedText,
  StrategyEntityKind,
  StrategyEntityRef,
  StrategyFinding,
  StrategyFindingCode,
} from './finding.js';
export { STRATEGY_FINDING_CODES, sortFindings } from './finding.js';
export type { OverlapConfig, OverlapConfigInput } from './overlap-config.js';
export { DEFAULT_OVERLAP_CONFIG, OVERLAP_CONFIG_FIELDS, resolveOverlapConfig } from './overlap-config.js';
export type {
  AudienceOverlap,
  OverlapFactor,
  OverlapScore,
  OverlapScorer,
  OverlapSuggestion,
  OverlapVerdict,
  ServedGoal,
} from './overlap-score.js';
export { classifyOverlap, createOverlapScorer, INTENT_NEEDS, scoreOverlap } from './overlap-score.js';
export type { DraftInput, OverlapSubject } from './overlap-subject.js';
export { hashtagsOf, subjectFromContribution, subjectFromDraft, subjectFromPost } from './overlap-subject.js';
export type { PillarBalance, PortfolioView } from './portfolio.js';
export { analyseCampaignPortfolio, analysePortfolio, intendedShares } from './portfolio.js';
