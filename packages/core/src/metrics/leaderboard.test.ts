import { describe, expect, it } from 'vitest';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';
import type { MetricsContext } from './metrics-options.js';

const share = (id: string, publisherId: string): MetricsEvent => ({
  type: 'share.recorded',
  at: '2026-03-02T10:00:00.000Z',
  entityId: id,
  data: { postId: 'p', campaignId: 'c', publisherId, platform: 'linkedin', networkSize: 10 },
});
const click = (id: string, publisherId: string): MetricsEvent => ({
  type: 'platform.click',
  at: '2026-03-02T11:00:00.000Z',
  entityId: id,
  data: { shareId: id, postId: 'p', campaignId: 'c', publisherId, platform: 'linkedin' },
});

/** Shares per person: bob 2, amy 1, zed 1, cas 1 (10 points a share by default). */
const log = [
  share('s1', 'bob'),
  share('s2', 'bob'),
  share('s3', 'zed'),
  share('s4', 'amy'),
  share('s5', 'cas'),
];
const board = (context: MetricsContext, events = log) =>
  finishMetrics(foldEvents(events), context).leaderboard.entries.map((e) => [e.rank, e.personId, e.points]);

describe('the leaderboard', () => {
  it('gives people with the same points the same place, in the order of their ids', () => {
    expect(board({})).toEqual([
      [1, 'bob', 20],
      [2, 'amy', 10],
      [2, 'cas', 10],
      [2, 'zed', 10],
    ]);
  });

  it('stops at its size, also within a tie (thousands can tie at a few points), keeping the shared place', () => {
    expect(board({ leaderboard: { size: 2 } })).toEqual([
      [1, 'bob', 20],
      [2, 'amy', 10],
    ]);
    expect(board({ leaderboard: { size: 3 } })).toEqual([
      [1, 'bob', 20],
      [2, 'amy', 10],
      [2, 'cas', 10],
    ]);
    expect(board({ leaderboard: { size: 1 } })).toEqual([[1, 'bob', 20]]);
    expect(board({ leaderboard: { size: 0 } })).toEqual([]);
  });

  it('ties points that are equal sums of fractions (3 clicks × 0.1 and 1 conversation × 0.3)', () => {
    const comment: MetricsEvent = {
      type: 'platform.comment',
      at: '2026-03-02T12:00:00.000Z',
      entityId: 'm1',
      data: {
        shareId: 's2',
        postId: 'p',
        campaignId: 'c',
        publisherId: 'bob',
        platform: 'linkedin',
        byAmbassador: true,
      },
    };
    const events = [share('s1', 'amy'), click('s1', 'amy'), click('s1', 'amy'), click('s1', 'amy')];
    events.push(share('s2', 'bob'), comment);
    const points = { share: 0, contribution: 0, conversation: 0.3, click: 0.1, reaction: 0 };
    expect(board({ leaderboard: { points } }, events)).toEqual([
      [1, 'amy', 0.3],
      [1, 'bob', 0.3],
    ]);
  });

  it('keeps the default for a setting given as undefined, instead of switching the leaderboard off', () => {
    const unset = { enabled: undefined, size: undefined } as unknown as MetricsContext['leaderboard'];
    const figures = finishMetrics(foldEvents(log), { leaderboard: unset } as MetricsContext);
    expect(figures.leaderboard.enabled).toBe(true);
    expect(figures.leaderboard.entries).toHaveLength(4);
    expect(finishMetrics(foldEvents(log), { leaderboard: { enabled: false } }).leaderboard).toEqual({
      enabled: false,
      entries: [],
    });
  });
});
