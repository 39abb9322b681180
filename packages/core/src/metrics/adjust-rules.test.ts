import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import { mergeAggregates } from './merge-aggregates.js';
import type { MetricsEvent } from './metrics-event.js';

const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
const event = (
  type: string,
  at: string,
  entityId: string,
  data: Record<string, unknown> = {},
): MetricsEvent => ({
  type,
  at: `2026-${at}Z`,
  entityId,
  data,
});
const added = (id: string, department: string, teamIds: string[] = []) =>
  event('person.added', '01-05T09:00:00', id, { teamIds, department, location: 'Assen', external: false });
const role = (id: string, at = '01-05T09:01:00', type = 'role.assigned') =>
  event(type, at, `role_${id}_${at}`, { personId: id, role: 'publisher' });
const consent = (id: string, at = '01-06T09:00:00') =>
  event('consent.given', at, `consent_${id}_${at}`, {
    personId: id,
    purposes: ['offers'],
    termsVersion: '1',
  });
const withdrawn = (id: string, at: string) =>
  event('consent.withdrawn', at, `withdrawn_${id}_${at}`, { personId: id });
const share = (id: string, at: string) =>
  event('share.recorded', at, `share_${id}_${at}`, {
    offerId: 'o',
    postId: 'p',
    campaignId: 'c',
    publisherId: id,
    platform: 'linkedin',
    networkSize: 10,
  });

const recommend = (events: MetricsEvent[]) => {
  const aggregate = foldEvents(events, march);
  return adjustRules(aggregate, finishMetrics(aggregate));
};
const dormantOf = (events: MetricsEvent[]) =>
  recommend(events).find((r) => r.code === 'DORMANT_AMBASSADORS')?.params;

describe('dormant ambassadors', () => {
  // The March report looks back 60 days from 1 April (the log goes on past March): only who had consent and the
  // role from 31 January 00:00 on, or before, counts.
  const log = [
    ...['old', 'fresh', 'newPublisher', 'again', 'renewed'].map((id) => added(id, 'Zorg')),
    role('old'),
    consent('old'),
    role('fresh'),
    consent('fresh', '03-03T09:00:00'),
    role('newPublisher', '03-10T09:00:00'),
    consent('newPublisher'),
    role('again'),
    consent('again'),
    withdrawn('again', '02-01T09:00:00'),
    consent('again', '03-03T09:00:00'),
    role('renewed'),
    consent('renewed'),
    consent('renewed', '03-03T09:00:00'),
    // On the boundary: onTime got the role and consented at 31 January 00:00, late and lateRole a second after.
    ...['onTime', 'late', 'lateRole'].map((id) => added(id, 'Zorg')),
    role('onTime', '01-31T00:00:00'),
    consent('onTime', '01-31T00:00:00'),
    role('late'),
    consent('late', '01-31T00:00:01'),
    role('lateRole', '01-31T00:00:01'),
    consent('lateRole'),
    // The log goes on past the end of March, so the report looks back from 1 April, not from its last event.
    event('platform.click', '04-02T09:00:00', 'click_april', {
      shareId: 's',
      postId: 'p',
      platform: 'linkedin',
    }),
  ];
  const dormantInMarch = { count: 3, days: 60, people: 'old, onTime, renewed', more: 0 };

  it('does not count people who consented or became publisher within the last 60 days', () => {
    // old: consent since 6 January. renewed: consented again on 3 March while consenting, so still since 6 January.
    // onTime: role and consent since the first instant of the 60 days. late and lateRole (a second later), fresh
    // (3 March), newPublisher (10 March) and again (withdrew on 1 February, back on 3 March) are too new.
    expect(dormantOf(log)).toEqual(dormantInMarch);
  });

  it('gives the same answer when the log is folded in two partitions and merged', () => {
    // Cuts inside again's and renewed's consents, between the boundary people, and before the event past March.
    for (const cut of [8, 13, 14, 17, 22, 24, log.length - 1]) {
      const merged = mergeAggregates(foldEvents(log.slice(0, cut), march), foldEvents(log.slice(cut), march));
      expect(
        adjustRules(merged, finishMetrics(merged)).find((r) => r.code === 'DORMANT_AMBASSADORS')?.params,
      ).toEqual(dormantInMarch);
    }
  });

  it('names dormant people as the context names them, in alphabetical order, and falls back to the id', () => {
    const aggregate = foldEvents(log, march);
    const names = { persons: { old: 'Wim Bakker', renewed: 'Anna de Jong' } };
    const params = adjustRules(aggregate, finishMetrics(aggregate), { names }).find(
      (r) => r.code === 'DORMANT_AMBASSADORS',
    )?.params;
    expect(params).toEqual({ count: 3, days: 60, people: 'Anna de Jong, onTime, Wim Bakker', more: 0 });
    const partly = adjustRules(aggregate, finishMetrics(aggregate), {
      names: { persons: { old: 'Wim Bakker' } },
    });
    expect(partly.find((r) => r.code === 'DORMANT_AMBASSADORS')?.params.people).toBe(
      'onTime, renewed, Wim Bakker',
    );
    const accented = adjustRules(aggregate, finishMetrics(aggregate), {
      names: { persons: { old: 'Émile Zola', renewed: 'anna Bakker' } },
    });
    expect(accented.find((r) => r.code === 'DORMANT_AMBASSADORS')?.params.people).toBe(
      'anna Bakker, Émile Zola, onTime',
    );
  });

  it('names dormant people as the figures do when the rules get no names of their own', () => {
    const aggregate = foldEvents(log, march);
    const figures = finishMetrics(aggregate, {
      names: { persons: { old: 'Wim Bakker', renewed: 'Anna de Jong' } },
    });
    expect(adjustRules(aggregate, figures).find((r) => r.code === 'DORMANT_AMBASSADORS')?.params.people).toBe(
      'Anna de Jong, onTime, Wim Bakker',
    );
  });

  it('lists the first 20 and counts the rest', () => {
    const ids = Array.from({ length: 23 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const many = ids.flatMap((id) => [added(id, 'Zorg'), role(id), consent(id)]);
    // A log that goes on past the end of March: the report looks back from 1 April.
    const params = dormantOf([...many, { ...consent('p00'), at: '2026-04-02T09:00:00Z' }]);
    expect(params).toMatchObject({ count: 23, more: 3 });
    expect(String(params?.people).split(', ')).toEqual(ids.slice(0, 20));
  });

  it('looks back from the last event, not from a window end the log has not reached yet (a live quarter)', () => {
    // A dashboard of the whole year, folded live on 20 March: nobody can have been silent since a day in November.
    const year = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
    const live = [
      added('ann', 'Zorg'),
      role('ann'),
      consent('ann'),
      added('bob', 'Zorg'),
      role('bob'),
      consent('bob'),
      share('ann', '03-19T09:00:00'),
      share('bob', '01-10T09:00:00'),
      event('platform.click', '03-20T09:00:00', 'click_1', {
        shareId: 's',
        postId: 'p',
        platform: 'linkedin',
      }),
    ];
    const aggregate = foldEvents(live, year);
    const dormant = adjustRules(aggregate, finishMetrics(aggregate)).find(
      (r) => r.code === 'DORMANT_AMBASSADORS',
    );
    // 60 days before 20 March is 19 January: bob (last share 10 January) is dormant, ann (yesterday) is not.
    expect(dormant?.params).toEqual({ count: 1, days: 60, people: 'bob', more: 0 });
    // Once the log goes on past the window's end, the window's end is the day to look back from.
    const afterEnd = { ...live[live.length - 1], at: '2027-01-02T09:00:00Z' } as MetricsEvent;
    const closed = foldEvents([...live, afterEnd], year);
    expect(
      adjustRules(closed, finishMetrics(closed)).find((r) => r.code === 'DORMANT_AMBASSADORS')?.params,
    ).toEqual({ count: 2, days: 60, people: 'ann, bob', more: 0 });
  });

  it('counts the 60 days as local days of the report’s time zone, also across a change to summer time', () => {
    // March in Amsterdam ends at 1 April 00:00 CEST (31 March 22:00 UTC); its last 60 days start on 31 January
    // 00:00 CET (30 January 23:00 UTC), not an hour earlier. Who consented late on 30 January, or last shared
    // then, had the consent and no share for all of those 60 days.
    const amsterdamMarch = { from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' };
    const log = [
      added('ann', 'Zorg'),
      role('ann'),
      consent('ann', '01-30T22:30:00'),
      added('bob', 'Zorg'),
      role('bob'),
      consent('bob'),
      share('bob', '01-30T22:30:00'),
      added('cas', 'Zorg'),
      role('cas'),
      consent('cas'),
      share('cas', '01-30T23:00:00'),
      { ...share('cas', '01-01T00:00:00'), at: '2026-04-02T09:00:00Z' },
    ];
    const aggregate = foldEvents(log, amsterdamMarch);
    const dormant = adjustRules(aggregate, finishMetrics(aggregate, { timeZone: 'Europe/Amsterdam' })).find(
      (r) => r.code === 'DORMANT_AMBASSADORS',
    );
    // cas shared at the first instant of 31 January in Amsterdam: inside the last 60 days.
    expect(dormant?.params).toEqual({ count: 2, days: 60, people: 'ann, bob', more: 0 });
  });

  it('looks back to the first instant of a local day where the clocks change at midnight (Santiago)', () => {
    const santiago = (window: { from: string; to: string }, events: MetricsEvent[]) => {
      const afterEnd = event('platform.click', '12-31T12:00:00', 'click_end', {
        shareId: 's',
        postId: 'p',
        platform: 'linkedin',
      });
      const aggregate = foldEvents([...events, afterEnd], window);
      return adjustRules(aggregate, finishMetrics(aggregate, { timeZone: 'America/Santiago' })).find(
        (r) => r.code === 'DORMANT_AMBASSADORS',
      )?.params;
    };
    // 6 September 2026 starts at 01:00 -03 (04:00 UTC): Santiago skips midnight. A window ending then looks back
    // to 8 July 00:00 -04 (04:00 UTC), not 01:00. ann shared and bob consented at 00:30 on 8 July: inside.
    const toSeptember = { from: '2026-08-01T04:00:00.000Z', to: '2026-09-06T04:00:00.000Z' };
    const july = [
      added('ann', 'Zorg'),
      role('ann'),
      consent('ann'),
      share('ann', '07-08T04:30:00'),
      added('bob', 'Zorg'),
      role('bob'),
      consent('bob', '07-08T04:30:00'),
    ];
    expect(santiago(toSeptember, july)).toBeUndefined();
    // 5 November starts at 00:00 -03 (03:00 UTC); its 60 days start with 6 September, at 01:00 -03 (04:00 UTC).
    // cas last shared at 23:30 on 5 September (-04): before them, so dormant.
    const toNovember = { from: '2026-10-01T03:00:00.000Z', to: '2026-11-05T03:00:00.000Z' };
    const september = [added('cas', 'Zorg'), role('cas'), consent('cas'), share('cas', '09-06T03:30:00')];
    expect(santiago(toNovember, september)).toEqual({ count: 1, days: 60, people: 'cas', more: 0 });
  });

  it('does not flag anybody when everyone is new or shared recently', () => {
    expect(dormantOf([added('ann', 'Zorg'), role('ann'), consent('ann', '03-03T09:00:00')])).toBeUndefined();
    expect(
      dormantOf([added('ann', 'Zorg'), role('ann'), consent('ann'), share('ann', '03-20T09:00:00')]),
    ).toBeUndefined();
  });
});

describe('unrepresentative ambassadors', () => {
  it('names the under-represented group even when its ratio is above one half (2 Zorg and 3 HR, 2 and 1 active)', () => {
    const events = [
      event('team.created', '01-05T08:00:00', 'team_zorg', { name: 'Wijkzorg' }),
      event('team.created', '01-05T08:00:00', 'team_hr', { name: 'Personeelszaken' }),
      added('anne', 'Zorg', ['team_zorg']),
      added('bram', 'Zorg', ['team_zorg']),
      added('cor', 'HR', ['team_hr']),
      added('dirk', 'HR', ['team_hr']),
      added('eva', 'HR', ['team_hr']),
      share('anne', '03-02T09:00:00'),
      share('bram', '03-02T09:00:00'),
      share('cor', '03-02T09:00:00'),
    ];
    // Organisation Zorg 2/5, HR 3/5; active Zorg 2/3, HR 1/3: index 1 − (2/3 − 2/5) = 0.733, HR's ratio 5/9 = 0.556.
    const byDimension = Object.fromEntries(
      recommend(events)
        .filter((r) => r.code === 'UNREPRESENTATIVE_AMBASSADORS')
        .map((r) => [r.subject, r.params]),
    );
    expect(byDimension.department).toEqual({
      dimension: 'department',
      index: 0.733,
      threshold: 0.8,
      underRepresented: 'HR',
      more: 0,
    });
    // Teams are named, not given by id.
    expect(byDimension.team).toMatchObject({ underRepresented: 'Personeelszaken', more: 0 });
  });

  it('lists at most three under-represented groups, lowest ratio first, and counts the rest', () => {
    // Organisation A 1, B 2, C 3, D 4, E 10 (of 20); active B 1, C 1, D 1, E 10 (of 13).
    // Ratios: A 0, D (1/13)/(4/20) = 0.385, C 0.513, B 0.769, E 1.54. Index 1 − (1/20 + 1/10 + 3/20 + 4/20 − 3/13) = 0.731.
    const sizes: [string, number, number][] = [
      ['A', 1, 0],
      ['B', 2, 1],
      ['C', 3, 1],
      ['D', 4, 1],
      ['E', 10, 10],
    ];
    const events = sizes.flatMap(([department, people, active]) =>
      Array.from({ length: people }, (_, i) => [
        added(`${department}${i}`, department),
        ...(i < active ? [share(`${department}${i}`, '03-02T09:00:00')] : []),
      ]).flat(),
    );
    const department = recommend(events).find(
      (r) => r.code === 'UNREPRESENTATIVE_AMBASSADORS' && r.subject === 'department',
    );
    expect(department?.params).toEqual({
      dimension: 'department',
      index: 0.731,
      threshold: 0.8,
      underRepresented: 'A, D, C',
      more: 1,
    });
  });
});

describe('unused platforms', () => {
  const linked = (id: string, platform: string) =>
    event('account.linked', '01-06T09:00:00', `account_${id}_${platform}`, { personId: id, platform });
  const unused = (events: MetricsEvent[]) =>
    recommend(events)
      .filter((r) => r.code === 'PLATFORM_UNUSED')
      .map((r) => r.subject);

  it('names a platform where someone who is still here linked an account and nobody shared', () => {
    expect(
      unused([
        added('ann', 'Zorg'),
        added('bob', 'Zorg'),
        linked('bob', 'x'),
        share('ann', '03-02T09:00:00'),
      ]),
    ).toEqual(['x']);
  });

  it('does not name a platform whose only accounts belong to people who left or were erased', () => {
    const log = [
      added('ann', 'Zorg'),
      added('bob', 'Zorg'),
      added('cas', 'Zorg'),
      linked('bob', 'x'),
      linked('cas', 'bluesky'),
      event('person.left', '02-01T09:00:00', 'bob'),
      event('person.erased', '02-01T09:00:00', 'cas'),
      share('ann', '03-02T09:00:00'),
    ];
    expect(unused(log)).toEqual([]);
    // A platform the strategy chose is named all the same.
    const aggregate = foldEvents(log, march);
    const context = { strategy: { platforms: ['x' as const] } };
    expect(
      adjustRules(aggregate, finishMetrics(aggregate, context), context)
        .filter((r) => r.code === 'PLATFORM_UNUSED')
        .map((r) => r.subject),
    ).toEqual(['x']);
  });
});

describe('values below a threshold or target', () => {
  // One pillar, one goal target and the three dimensions, each with `value`, below `limit` (threshold or target).
  const below = (value: number, limit: number) => {
    const aggregate = foldEvents([], march);
    const figures = finishMetrics(aggregate);
    // An index below 1 has a group below its share of the organisation.
    const under = {
      index: value,
      groups: [{ group: 'Zorg', organisationShare: 0.5, activeShare: 0.25, ratio: 0.5 }],
    };
    return adjustRules(
      aggregate,
      {
        ...figures,
        summary: { ...figures.summary, participation: { value, basis: 'measured' } },
        pillars: [
          {
            pillarId: 'pillar',
            name: 'Zorg',
            posts: 1,
            shares: 1,
            clicks: 0,
            conversations: 0,
            shareOfShares: 1,
            targetWeight: null,
            overlap: value,
          },
        ],
        goals: [
          {
            goalId: 'goal',
            name: 'Werven',
            targets: [
              {
                metric: 'participation',
                target: limit,
                actual: { value, basis: 'measured' },
                attainment: value / limit,
              },
            ],
          },
        ],
        representativeness: { team: under, department: under, location: under },
      },
      { thresholds: { lowParticipation: limit, pillarLowOverlap: limit, representativeness: limit } },
    );
  };
  const pairs = (value: number, limit: number): [string, number, number][] =>
    below(value, limit).flatMap((r): [string, number, number][] => {
      const [name, than] = (
        {
          LOW_PARTICIPATION: ['participation', 'threshold'],
          PILLAR_LOW_OVERLAP: ['overlap', 'threshold'],
          UNREPRESENTATIVE_AMBASSADORS: ['index', 'threshold'],
          GOAL_BEHIND_TARGET: ['actual', 'target'],
        } as Record<string, [string, string]>
      )[r.code] ?? ['', ''];
      return name === '' ? [] : [[r.code, r.params[name] as number, r.params[than] as number]];
    });

  it('never rounds a value up to the threshold or target it is below (0.2996 against 0.3 is 0.299)', () => {
    const found = pairs(0.2996, 0.3);
    expect(found.map(([code]) => code).sort()).toEqual([
      'GOAL_BEHIND_TARGET',
      'LOW_PARTICIPATION',
      'PILLAR_LOW_OVERLAP',
      'UNREPRESENTATIVE_AMBASSADORS',
      'UNREPRESENTATIVE_AMBASSADORS',
      'UNREPRESENTATIVE_AMBASSADORS',
    ]);
    for (const [, value, limit] of found) expect([value, limit]).toEqual([0.299, 0.3]);
    // 0.57 × 1000 is 569.999…: the step below 0.57 is 0.569, not 0.57.
    for (const [, value] of pairs(0.5696, 0.57)) expect(value).toBe(0.569);
    // Values that do not round up to it are rounded as before.
    for (const [, value] of pairs(0.2994, 0.3)) expect(value).toBe(0.299);
    for (const [, value] of pairs(0.12345, 0.3)) expect(value).toBe(0.123);
  });

  it('gives a value just below a threshold or target as a multiple of 0.001 below it and within 0.001 of it', () => {
    const limit = fc.oneof(
      fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000),
      fc.double({ min: 0.0001, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(limit, fc.double({ min: 0, max: 0.0015, noNaN: true }), (limit, gap) => {
        const value = Math.max(0, limit - gap);
        fc.pre(value < limit);
        const found = pairs(value, limit);
        expect(found).toHaveLength(6);
        for (const [code, shown, than] of found) {
          expect(than, code).toBe(limit);
          expect(shown, code).toBeLessThan(limit);
          expect(Math.abs(shown - value), code).toBeLessThanOrEqual(0.001 + 1e-12);
          // A multiple of 0.001; a value above 0 whose multiple is 0 stays as it is (it reads <0.1%, not 0.0%).
          if (value > 0 && Math.round(value * 1000) === 0) expect(shown, code).toBe(value);
          else expect(Math.round(shown * 1000) / 1000, code).toBe(shown);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
