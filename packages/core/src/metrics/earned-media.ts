import type { EarnedMediaRate } from './metrics-options.js';

/**
 * The earned media value of one platform's activity: what the same impressions, clicks and reactions would have
 * cost as advertising, at the organisation's rates (`cpm` per thousand impressions, `cpc` per click, a value per
 * reaction). Always an estimate (the figure says so); a platform without a rate has none (`null`: no figure, not 0).
 *
 * @example
 * ```ts
 * earnedMediaValue({ impressions: 480, clicks: 2, reactions: 4 }, { cpm: 30, cpc: 5, reaction: 0.25 }); // 25.4
 * ```
 */
export function earnedMediaValue(
  activity: { readonly impressions: number; readonly clicks: number; readonly reactions: number },
  rate: EarnedMediaRate | undefined,
): number | null {
  if (rate === undefined) return null;
  return (
    (activity.impressions / 1000) * rate.cpm + activity.clicks * rate.cpc + activity.reactions * rate.reaction
  );
}
