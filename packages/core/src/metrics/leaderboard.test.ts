import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import { leaderboard } from './leaderboard.js';
import type { MetricsEvent } from './metrics-event.js';
import type { AmbassadorFigures } from './metrics-figures.js';
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
const reaction = (id: string, publisherId: string): MetricsEvent => ({
  type: 'platform.reaction',
  at: '2026-03-02T12:00:00.000Z',
  entityId: id,
  data: { shareId: id, postId: 'p', campaignId: 'c', publisherId, platform: 'linkedin' },
});
/** Points for shares only, so each share is worth `share` points. */
const sharePoints = (share: number) => ({ share, contribution: 0, conversation: 0, click: 0, reaction: 0 });

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

  it('places whoever follows a tie by how many are ahead (20, 10, 10, 5 points: places 1, 2, 2, 4)', () => {
    // 5 points a share: bob 4 shares (20), amy and cas 2 each (10), dan 1 (5). Three people are ahead of dan.
    const events = [
      ...['s1', 's2', 's3', 's4'].map((id) => share(id, 'bob')),
      ...['s5', 's6'].map((id) => share(id, 'amy')),
      ...['s7', 's8'].map((id) => share(id, 'cas')),
      share('s9', 'dan'),
    ];
    expect(board({ leaderboard: { points: sharePoints(5) } }, events)).toEqual([
      [1, 'bob', 20],
      [2, 'amy', 10],
      [2, 'cas', 10],
      [4, 'dan', 5],
    ]);
  });

  it('orders a tie by person id, not by the names the report shows', () => {
    const events = [share('s1', 'person_b'), share('s2', 'person_a')];
    const names = { persons: { person_a: 'Zoë', person_b: 'Adam' } };
    const entries = finishMetrics(foldEvents(events), { names }).leaderboard.entries;
    expect(entries.map((e) => [e.rank, e.personId, e.name])).toEqual([
      [1, 'person_a', 'Zoë'],
      [1, 'person_b', 'Adam'],
    ]);
  });

  it('keeps the default of each point value left out (the type takes some of them too)', () => {
    // No points for a share: 15 for a contribution stays, so nobody who only shared is listed.
    expect(board({ leaderboard: { points: { share: 0 } } })).toEqual([]);
    // 20 points a share, the rest as by default: bob 2 shares (40), then amy, cas and zed (20 each).
    expect(board({ leaderboard: { points: { share: 20 }, size: 2 } })).toEqual([
      [1, 'bob', 40],
      [2, 'amy', 20],
    ]);
  });

  it('counts reactions on a share for its publisher, at the points set for a reaction', () => {
    // Only reactions score: amy's share got 3 reactions × 2 points = 6; bob's share none, so bob is not listed.
    const events = [share('s1', 'amy'), share('s2', 'bob'), ...[1, 2, 3].map(() => reaction('s1', 'amy'))];
    const points = { ...sharePoints(0), reaction: 2 };
    expect(board({ leaderboard: { points } }, events)).toEqual([[1, 'amy', 6]]);
  });

  test.prop([
    fc.uniqueArray(
      fc.record({
        personId: fc.stringMatching(/^[a-e]{1,2}$/),
        name: fc.string({ maxLength: 3 }),
        shares: fc.nat(3),
        clicks: fc.nat(3),
        reactions: fc.nat(3),
      }),
      { selector: (a) => a.personId, maxLength: 12 },
    ),
  ])('ranks everyone with points by the number of people ahead of them, ties in id order', (people) => {
    const points = { share: 2, contribution: 0, conversation: 0, click: 1, reaction: 1 };
    const ambassadors = people.map(
      (p): AmbassadorFigures => ({
        personId: p.personId,
        name: p.name,
        teamIds: [],
        contributions: 0,
        shares: p.shares,
        conversations: 0,
        clicks: p.clicks,
        suppliesInput: false,
        sharesPosts: p.shares > 0,
        converses: false,
        segment: 'lagging',
      }),
    );
    const reactionsOf = (id: string) => people.find((p) => p.personId === id)?.reactions ?? 0;
    const { entries } = leaderboard(ambassadors, reactionsOf, { enabled: true, size: 100, points });
    const scored = people
      .map((p) => ({ personId: p.personId, points: 2 * p.shares + p.clicks + p.reactions }))
      .filter((p) => p.points > 0);
    const ahead = (mine: number) => scored.filter((p) => p.points > mine).length;
    const expected = scored
      .sort((a, b) => b.points - a.points || (a.personId < b.personId ? -1 : 1))
      .map((p) => [1 + ahead(p.points), p.personId, p.points]);
    expect(entries.map((e) => [e.rank, e.personId, e.points])).toEqual(expected);
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
