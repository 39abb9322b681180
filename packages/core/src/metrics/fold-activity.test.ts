import { describe, expect, it } from 'vitest';
import { ACTIVITY, foldActivity, foldEvent } from './fold-event.js';
import { createAggregate, SERIES_COLUMNS } from './metrics-aggregate.js';

const window = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

describe('foldActivity', () => {
  it('numbers shares, clicks, reactions and comments as the columns of the series', () => {
    expect([ACTIVITY.shared, ACTIVITY.clicked, ACTIVITY.reacted, ACTIVITY.commented]).toEqual(
      ['shares', 'clicks', 'reactions', 'comments'].map((c) => SERIES_COLUMNS.indexOf(c as never)),
    );
  });

  it('folds a share before, inside and after the window as foldEvent folds the event', () => {
    for (const at of ['2026-02-27T09:00:00.000Z', '2026-03-02T09:16:00.000Z', '2026-04-01T00:00:00.000Z']) {
      const parts = createAggregate(window);
      foldActivity(parts, ACTIVITY.shared, at, 'post1', 'person1', 1, 250, false);
      const event = foldEvent(createAggregate(window), {
        type: 'share.recorded',
        at,
        entityId: 'share1',
        data: {
          offerId: 'offer1',
          postId: 'post1',
          campaignId: 'c1',
          publisherId: 'person1',
          platform: 'x',
          networkSize: 250,
        },
      });
      expect(parts).toEqual(event);
    }
    const inside = createAggregate(window);
    foldActivity(inside, ACTIVITY.shared, '2026-03-02T09:16:00.000Z', 'post1', 'person1', 1, 250, false);
    expect(inside.persons.get('person1')).toMatchObject({ shares: 1, potentialReach: 250 });
    expect(inside.platforms.shares[1]).toBe(1);
    expect(inside.series.get('2026-03-02T091')).toEqual([1, 0, 0, 0]);
  });

  it('counts a comment by the ambassador as a conversation, and an offer from its first time', () => {
    const aggregate = createAggregate(window);
    foldActivity(aggregate, ACTIVITY.offered, '2026-03-05T08:00:00.000Z', 'post1', '', -1, 0, false);
    foldActivity(aggregate, ACTIVITY.offered, '2026-03-03T08:00:00.000Z', 'post1', '', -1, 0, false);
    foldActivity(aggregate, ACTIVITY.commented, '2026-03-06T08:00:00.000Z', 'post1', 'person1', 0, 2, true);
    foldActivity(aggregate, ACTIVITY.reacted, '2026-03-06T08:00:00.000Z', 'post1', 'person1', 0, 3, true);
    expect(aggregate.posts.get('post1')).toMatchObject({
      offeredAt: '2026-03-03T08:00:00.000Z',
      comments: 2,
      reactions: 3,
      conversations: 2,
    });
    expect(aggregate.events).toBe(4);
  });
});
