// The publisher's own results, folded from the organisation's event log: how often they shared, where, and what
// their tracked links brought in. Pure: the same events give the same figures.
import type { DomainEvent, Platform } from '@social-shift/core';
import { isEventOfType } from '@social-shift/core';

/** One publisher's figures. All measured (counted from events), none estimated. */
export interface OwnResults {
  readonly shares: number;
  readonly sharesByPlatform: Readonly<Partial<Record<Platform, number>>>;
  readonly clicks: number;
  readonly reactions: number;
}

/**
 * Folds the events that concern one publisher: `share.recorded` by them, and the platform events (clicks,
 * reactions) on their shares.
 *
 * @example
 * ```ts
 * const results = ownResults(await shift.readEvents(), publisherId);
 * results.sharesByPlatform.linkedin; // 2
 * ```
 */
export function ownResults(events: readonly DomainEvent[], publisherId: string): OwnResults {
  const sharesByPlatform: Partial<Record<Platform, number>> = {};
  let shares = 0;
  let clicks = 0;
  let reactions = 0;
  for (const event of events) {
    if (isEventOfType(event, 'share.recorded') && event.data.publisherId === publisherId) {
      shares += 1;
      const platform = event.data.platform as Platform;
      sharesByPlatform[platform] = (sharesByPlatform[platform] ?? 0) + 1;
    } else if (isEventOfType(event, 'platform.click') && event.data.publisherId === publisherId) {
      clicks += 1;
    } else if (isEventOfType(event, 'platform.reaction') && event.data.publisherId === publisherId) {
      reactions += Number(event.data.count ?? 1);
    }
  }
  return { shares, sharesByPlatform, clicks, reactions };
}
