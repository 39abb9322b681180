// Per platform (channel): shares, clicks, reactions, comments, conversations, reshares, potential and reported reach,
// click-through and earned media value, and the totals of the last two for the summary.
import { earnedMediaValue } from './earned-media.js';
import { estimated, ratio } from './figure.js';
import type { MetricsAggregate } from './metrics-aggregate.js';
import type { Figure, PlatformFigures } from './metrics-figures.js';
import type { EarnedMediaRate, EarnedMediaSettings } from './metrics-options.js';
import { ownValue } from './own-value.js';
import { METRIC_PLATFORMS } from './platform-index.js';

/** The rows of the platforms with activity in the window, and the summary's click-through and earned media value. */
export function platformFigures(
  aggregate: MetricsAggregate,
  media: EarnedMediaSettings,
): { platforms: PlatformFigures[]; ctr: Figure; earnedMediaValue: Figure } {
  const c = aggregate.platforms;
  const platforms: PlatformFigures[] = [];
  // `null` until a platform with activity has a rate: the summary of platforms that have none is no figure either.
  let emvTotal: number | null = null;
  // The summary's click-through counts the clicks of platforms with impressions only, as each platform's does: the
  // clicks on a post shared before the window (no impressions in it) made it pass 100%.
  let impressionsTotal = 0;
  let clicksWithImpressions = 0;
  let anyEstimatedImpressions = false;
  METRIC_PLATFORMS.forEach((platform, i) => {
    const shares = c.shares[i] ?? 0;
    const clicks = c.clicks[i] ?? 0;
    const reactions = c.reactions[i] ?? 0;
    const reportedReach = c.reportedReach[i] ?? 0;
    const potentialReach = c.potentialReach[i] ?? 0;
    const reshares = c.reshares[i] ?? 0;
    // A platform with any activity in the window, reshares alone included, has a row.
    if (shares + clicks + reactions + (c.comments[i] ?? 0) + reshares + reportedReach === 0) return;
    const impressions = reportedReach > 0 ? reportedReach : potentialReach;
    if (impressions > 0) {
      // Estimated when a platform it counts had no reach reported.
      if (reportedReach === 0) anyEstimatedImpressions = true;
      impressionsTotal += impressions;
      clicksWithImpressions += clicks;
    }
    const rate = ownValue(media.rates, platform) as EarnedMediaRate | undefined;
    // No rate, no estimate: `null` (the report's –), not a value of 0; the total adds the platforms with a rate.
    const emv = earnedMediaValue({ impressions, clicks, reactions }, rate);
    if (emv !== null) emvTotal = (emvTotal ?? 0) + emv;
    platforms.push({
      platform,
      shares,
      clicks,
      reactions,
      comments: c.comments[i] ?? 0,
      conversations: c.conversations[i] ?? 0,
      reshares,
      potentialReach,
      reportedReach,
      ctr: { value: ratio(clicks, impressions), basis: reportedReach > 0 ? 'measured' : 'estimated' },
      earnedMediaValue: estimated(emv),
    });
  });
  return {
    platforms,
    ctr: {
      value: ratio(clicksWithImpressions, impressionsTotal),
      basis: anyEstimatedImpressions ? 'estimated' : 'measured',
    },
    // No activity is worth 0; activity only on platforms without a rate has no estimate.
    earnedMediaValue: estimated(platforms.length === 0 ? 0 : emvTotal),
  };
}
