// The strategy subpath at a glance, as the top of docs/strategy-and-overlap.md shows it: a coherence check of the
// strategy, the overlap score of one post and the balance of a set of posts.
// #region at-a-glance
import type { Post, Programme, Strategy } from '@social-shift/core';
import {
  analysePortfolio,
  checkStrategyCoherence,
  scoreOverlap,
  subjectFromPost,
} from '@social-shift/core/strategy';

export function strategyAtAGlance(
  strategy: Strategy,
  programme: Programme,
  post: Post,
  posts: readonly Post[],
) {
  const { findings, coverage } = checkStrategyCoherence(strategy, { programme });
  const score = scoreOverlap(strategy, subjectFromPost(post)); // score.overall, score.verdict, score.factors
  const view = analysePortfolio(strategy, posts.map(subjectFromPost)); // view.balance, view.overlapShare
  return { findings, coverage, score, view };
}
// #endregion at-a-glance
