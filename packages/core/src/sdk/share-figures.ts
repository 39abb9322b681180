// What the platforms reported about one share, for the publisher who shared it (`offers.myShares`): the raw
// platform events of the share, plus what retention runs kept of older ones in their summaries (ADR 083).
import type { DomainEvent, EventPayload } from '../model/domain-event.js';
import type { Post } from '../model/post.js';
import type { Share } from '../model/share.js';
import { RAW_PLATFORM_EVENT_TYPES, summariseRawEvents } from './retention.js';

/**
 * What the platforms reported about one share; every figure is measured (counted from the platforms' events).
 *
 * @example
 * ```ts
 * const [latest] = await shift.as(publisherId).offers.myShares();
 * if (latest) console.log(`${latest.figures.clicks} clicks on ${latest.post.title}`);
 * ```
 */
export interface ShareFigures {
  /** Clicks on the shared link. */
  readonly clicks: number;
  readonly reactions: number;
  /** Comments and replies, the ambassador's own included. */
  readonly comments: number;
  readonly reshares: number;
  /** The reach the platform reported, summed over its reports. */
  readonly reach: number;
}

/**
 * A share with the post it shared and its figures: one item of `offers.myShares`.
 *
 * @example
 * ```ts
 * for (const { share, post, figures } of await shift.as(publisherId).offers.myShares({ limit: 5 }))
 *   console.log(`${post.title} on ${share.platform}: ${figures.clicks} clicks, ${figures.comments} comments`);
 * ```
 */
export interface ShareWithFigures {
  readonly share: Share;
  readonly post: Post;
  readonly figures: ShareFigures;
}

const FIGURE: Readonly<Record<(typeof RAW_PLATFORM_EVENT_TYPES)[number], keyof ShareFigures>> = {
  'platform.click': 'clicks',
  'platform.reaction': 'reactions',
  'platform.comment': 'comments',
  'platform.reshare': 'reshares',
  'platform.reach': 'reach',
};

/**
 * Adds up the figures of one share: its raw platform events (a click counts one, a reach report its `reach`, the
 * others their `count`: summed as a retention run would sum them) and its rows in the `platform.summary` events.
 */
export function shareFigures(
  shareId: string,
  events: readonly DomainEvent[],
  summaries: readonly DomainEvent[],
): ShareFigures {
  const figures = { clicks: 0, reactions: 0, comments: 0, reshares: 0, reach: 0 };
  // Row by row, without copying them into one list: after retention an organisation's summaries hold hundreds of
  // thousands of rows, and a page of shares walks them once per share (a copy per share made it 20 ms a share).
  const add = (row: { shareId: string; type: keyof typeof FIGURE; count: number }) => {
    if (row.shareId === shareId) figures[FIGURE[row.type]] += row.count;
  };
  summariseRawEvents(events.filter((e) => RAW_PLATFORM_EVENT_TYPES.includes(e.type as never))).forEach(add);
  for (const s of summaries)
    if (s.type === 'platform.summary') (s.data as EventPayload<'platform.summary'>).rows.forEach(add);
  return figures;
}
