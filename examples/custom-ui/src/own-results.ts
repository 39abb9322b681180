// The publisher's own results, from their latest shares as the SDK gives them (`offers.myShares`): how often they
// shared, where, and what the platforms reported (retention's summaries included). Pure: the same shares give the
// same figures. The SDK checks who may read what, so the view never reads the organisation's event log.
import type { Language, Platform, ShareWithFigures } from '@social-shift/core';

/** The most shares `offers.myShares` gives at once: the view adds up the latest this many. */
export const LATEST_SHARES = 100;

/** One publisher's figures over the shares given. All measured (counted from the platforms' events). */
export interface OwnResults {
  readonly shares: number;
  readonly sharesByPlatform: Readonly<Partial<Record<Platform, number>>>;
  readonly clicks: number;
  readonly reactions: number;
  readonly comments: number;
  /**
   * False when the shares given are as many as `myShares` gives at once ({@link LATEST_SHARES}): there may be older
   * ones, so every figure is at least what it says.
   */
  readonly complete: boolean;
}

/**
 * Adds up a publisher's shares: how many per platform, and their clicks, reactions and comments.
 *
 * @example
 * ```ts
 * const results = ownResults(await shift.as(publisherId).offers.myShares({ limit: LATEST_SHARES }));
 * results.sharesByPlatform.linkedin; // 2
 * ```
 */
export function ownResults(shares: readonly ShareWithFigures[]): OwnResults {
  const sharesByPlatform: Partial<Record<Platform, number>> = {};
  let clicks = 0;
  let reactions = 0;
  let comments = 0;
  for (const { share, figures } of shares) {
    sharesByPlatform[share.platform] = (sharesByPlatform[share.platform] ?? 0) + 1;
    clicks += figures.clicks;
    reactions += figures.reactions;
    comments += figures.comments;
  }
  return {
    shares: shares.length,
    sharesByPlatform,
    clicks,
    reactions,
    comments,
    complete: shares.length < LATEST_SHARES,
  };
}

/**
 * A figure of {@link ownResults} as the view shows it: written as `language` writes numbers (1.234 in Dutch, 1,234 in
 * English), with a `+` when the figures may leave older shares out (`complete` false).
 *
 * @example
 * ```ts
 * shownFigure(1234, ownResults(latest).complete, 'nl'); // '1.234', or '1.234+' after the latest 100 shares
 * ```
 */
export function shownFigure(count: number, complete: boolean, language: Language): string {
  const written = new Intl.NumberFormat(language).format(count);
  return complete ? written : `${written}+`;
}
