import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import { createAggregate } from './metrics-aggregate.js';
import type { MetricsContext } from './metrics-options.js';
import { platformIndex } from './platform-index.js';
import { startOfDayInZone } from './time-zone.js';

const at = '2026-03-02T09:00:00.000Z';
const events = [
  { type: 'person.added', at, entityId: 'constructor', data: { teamIds: ['toString'], external: false } },
  { type: 'role.assigned', at, entityId: 'r1', data: { personId: 'constructor', role: 'publisher' } },
  {
    type: 'share.recorded',
    at,
    entityId: 's1',
    data: { postId: 'p', campaignId: 'c', publisherId: 'constructor', platform: 'linkedin', networkSize: 10 },
  },
];

/** The path of the VALIDATION error a call gives, or what happened instead. */
const pathOf = (call: () => unknown): unknown => {
  try {
    call();
  } catch (error) {
    return isSocialShiftError(error, 'VALIDATION') ? error.details.issues[0]?.path : error;
  }
  return 'accepted';
};

describe('the settings of the metrics', () => {
  const aggregate = foldEvents(events as never);

  it.each<[string, MetricsContext, string]>([
    ['an unknown period', { period: 'fortnight' as never }, 'period'],
    ['an unknown time zone, also without a series', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    [
      'a negative rate',
      { earnedMedia: { currency: 'EUR', rates: { linkedin: { cpm: -1, cpc: 0, reaction: 0 } } } },
      'earnedMedia.rates.linkedin.cpm',
    ],
    [
      'a rate that is text',
      { earnedMedia: { currency: 'EUR', rates: { linkedin: { cpm: 'abc' as never, cpc: 0, reaction: 0 } } } },
      'earnedMedia.rates.linkedin.cpm',
    ],
    [
      'a rate left out',
      { earnedMedia: { currency: 'EUR', rates: { linkedin: { cpm: 1, cpc: 1 } as never } } },
      'earnedMedia.rates.linkedin.reaction',
    ],
    ['no rates', { earnedMedia: { currency: 'EUR' } as never }, 'earnedMedia.rates'],
    // One currency for every platform: a rate in dollars was added to the euros of the others, labelled EUR.
    [
      'a rate with a currency of its own',
      {
        earnedMedia: {
          currency: 'EUR',
          rates: {
            linkedin: { cpm: 30, cpc: 5, reaction: 0.25 },
            x: { cpm: 6, cpc: 1, reaction: 0.05, currency: 'USD' } as never,
          },
        },
      },
      'earnedMedia.rates.x.currency',
    ],
    [
      'a rate for a platform the metrics do not know (its value would silently be 0)',
      {
        earnedMedia: {
          currency: 'EUR',
          rates: {
            linkedin: { cpm: 1, cpc: 1, reaction: 0 },
            twitter: { cpm: 6, cpc: 1, reaction: 0 },
          } as never,
        },
      },
      'earnedMedia.rates.twitter',
    ],
    [
      'a rate for a platform such as "constructor"',
      { earnedMedia: { currency: 'EUR', rates: { constructor: { cpm: 1, cpc: 1, reaction: 0 } } as never } },
      'earnedMedia.rates.constructor',
    ],
    [
      'a chosen platform the metrics do not know (PLATFORM_UNUSED would name it forever)',
      { strategy: { platforms: ['linkedin', 'LinkedIn' as never] } },
      'strategy.platforms.1',
    ],
    [
      'a chosen platform that is no text',
      { strategy: { platforms: [null as never] } },
      'strategy.platforms.0',
    ],
    ['no currency', { earnedMedia: { currency: '', rates: {} } }, 'earnedMedia.currency'],
    ['a leaderboard of -1', { leaderboard: { size: -1 } }, 'leaderboard.size'],
    ['a switch that is text', { leaderboard: { enabled: 'no' as never } }, 'leaderboard.enabled'],
    [
      'infinite points',
      { leaderboard: { points: { share: Number.POSITIVE_INFINITY } as never } },
      'leaderboard.points.share',
    ],
    ['a threshold of NaN', { thresholds: { lowParticipation: Number.NaN } }, 'thresholds.lowParticipation'],
    // A rate written as a percentage: participation, overlap and the index never reach 30, so the rule always fired.
    [
      'a participation threshold of 30 (%)',
      { thresholds: { lowParticipation: 30 } },
      'thresholds.lowParticipation',
    ],
    ['an overlap threshold above 1', { thresholds: { pillarLowOverlap: 50 } }, 'thresholds.pillarLowOverlap'],
    [
      'a representativeness threshold above 1',
      { thresholds: { dormantDays: 90, representativeness: 80 } },
      'thresholds.representativeness',
    ],
    ['overlap scores that are no object', { pillarOverlap: 0.5 as never }, 'pillarOverlap'],
    ['an overlap score that is text', { pillarOverlap: { care: 'high' as never } }, 'pillarOverlap.care'],
    ['an overlap score above 1', { pillarOverlap: { care: 1.5 } }, 'pillarOverlap.care'],
    ['an overlap score of NaN', { pillarOverlap: { care: Number.NaN } }, 'pillarOverlap.care'],
    [
      'a target weight below 0',
      { strategy: { pillars: [{ id: 'care' }, { id: 'jobs', targetWeight: -0.1 }] } },
      'strategy.pillars.1.targetWeight',
    ],
    [
      'a target weight that is text',
      { strategy: { pillars: [{ id: 'care', targetWeight: '50%' as never }] } },
      'strategy.pillars.0.targetWeight',
    ],
    [
      'a goal target of NaN',
      { strategy: { goals: [{ id: 'g', targets: [{ metric: 'shares', value: Number.NaN }] }] } },
      'strategy.goals.0.targets.0.value',
    ],
    [
      'an infinite goal target',
      {
        strategy: {
          goals: [
            { id: 'g', targets: [{ metric: 'shares', value: 10 }] },
            {
              id: 'h',
              targets: [
                { metric: 'participation', value: 0.3 },
                { metric: 'shares', value: Infinity },
              ],
            },
          ],
        },
      },
      'strategy.goals.1.targets.1.value',
    ],
    [
      'a negative goal target',
      { strategy: { goals: [{ id: 'g', targets: [{ metric: 'shares', value: -5 }] }] } },
      'strategy.goals.0.targets.0.value',
    ],
    // Participation never passes 1, as for its threshold: a target of 30 meant as 30% was always behind.
    [
      'a participation target of 30 (%)',
      {
        strategy: {
          goals: [
            {
              id: 'g',
              targets: [
                { metric: 'shares', value: 30 },
                { metric: 'participation', value: 30 },
              ],
            },
          ],
        },
      },
      'strategy.goals.0.targets.1.value',
    ],
    ['goals that are no list', { strategy: { goals: {} as never } }, 'strategy.goals'],
    ['pillars that are no list', { strategy: { pillars: 'care' as never } }, 'strategy.pillars'],
    ['platforms that are no list', { strategy: { platforms: 'linkedin' as never } }, 'strategy.platforms'],
    [
      'targets that are no list',
      { strategy: { goals: [{ id: 'g', targets: { metric: 'shares', value: 1 } as never }] } },
      'strategy.goals.0.targets',
    ],
    [
      'a goal target that is text',
      { strategy: { goals: [{ id: 'g', targets: [{ metric: 'shares', value: '100' as never }] }] } },
      'strategy.goals.0.targets.0.value',
    ],
    ['leaderboard settings of null', { leaderboard: null as never }, 'leaderboard'],
    ['earned media settings of null', { earnedMedia: null as never }, 'earnedMedia'],
    [
      'a pillar that is no object',
      { strategy: { pillars: [{ id: 'care' }, null as never] } },
      'strategy.pillars.1',
    ],
    [
      'a pillar without an id',
      { strategy: { pillars: [{ name: 'Care' } as never] } },
      'strategy.pillars.0.id',
    ],
    ['a goal that is no object', { strategy: { goals: [null as never] } }, 'strategy.goals.0'],
    ['a goal without an id', { strategy: { goals: [{ targets: [] } as never] } }, 'strategy.goals.0.id'],
    [
      'a goal target of a metric the metrics do not know',
      { strategy: { goals: [{ id: 'g', targets: [{ metric: 'Shares' as never, value: 10 }] }] } },
      'strategy.goals.0.targets.0.metric',
    ],
    [
      'a goal target whose metric is a list, not a name',
      { strategy: { goals: [{ id: 'g', targets: [{ metric: ['shares'] as never, value: 10 }] }] } },
      'strategy.goals.0.targets.0.metric',
    ],
  ])('refuses %s, naming the setting', (_what, context, path) => {
    expect(pathOf(() => finishMetrics(aggregate, context))).toEqual([path]);
  });

  it('accepts thresholds of 0 and 1 for rates, and more than 1 for days and the other ratios', () => {
    const thresholds = {
      lowParticipation: 1,
      pillarLowOverlap: 0,
      representativeness: 1,
      dormantDays: 90,
      pillarLowShareRatio: 1.5,
      conversationRatio: 2,
    };
    expect(pathOf(() => finishMetrics(aggregate, { thresholds }))).toBe('accepted');
  });

  it('accepts goal targets of zero and more', () => {
    const context: MetricsContext = {
      strategy: {
        goals: [
          {
            id: 'g',
            targets: [
              { metric: 'shares', value: 0 },
              { metric: 'participation', value: 0.3 },
              { metric: 'participation', value: 1 },
            ],
          },
        ],
      },
    };
    expect(pathOf(() => finishMetrics(aggregate, context))).toBe('accepted');
  });

  it('says that a participation target is a fraction from 0 to 1, as the participation threshold does', () => {
    const context = {
      strategy: { goals: [{ id: 'g', targets: [{ metric: 'participation' as const, value: 30 }] }] },
    };
    for (const call of [
      () => finishMetrics(aggregate, context),
      () => adjustRules(aggregate, finishMetrics(aggregate), context),
    ])
      expect(call).toThrow(
        'The metrics setting strategy.goals.0.targets.0.value must be a number from 0 to 1.',
      );
    expect(() => finishMetrics(aggregate, { thresholds: { lowParticipation: 30 } })).toThrow(
      'The metrics setting thresholds.lowParticipation must be a number from 0 to 1.',
    );
  });

  it('refuses thresholds the adjust rules cannot use, instead of a RangeError', () => {
    const figures = finishMetrics(aggregate);
    expect(pathOf(() => adjustRules(aggregate, figures, { thresholds: { dormantDays: 1e12 } }))).toEqual([
      'thresholds.dormantDays',
    ]);
    expect(pathOf(() => adjustRules(aggregate, figures, { thresholds: { dormantDays: 30 } }))).toBe(
      'accepted',
    );
  });

  it('names people and teams whose ids are names every object has by their ids, not by Object.prototype', () => {
    const figures = finishMetrics(aggregate, { names: { persons: {}, teams: {} } });
    expect(figures.ambassadors.map((a) => a.name)).toEqual(['constructor']);
    expect(figures.teams.map((t) => t.name)).toEqual(['toString']);
    expect(
      finishMetrics(aggregate, { names: { persons: { constructor: 'Anne' } } }).ambassadors[0]?.name,
    ).toBe('Anne');
  });
});

describe('ids that are names every object has (Object.prototype keys)', () => {
  const pillarEvents = [
    { type: 'post.created', at, entityId: 'post1', data: { pillarIds: ['constructor', 'toString'] } },
    {
      type: 'share.recorded',
      at,
      entityId: 's1',
      data: { postId: 'post1', campaignId: 'c', publisherId: 'p1', platform: 'linkedin', networkSize: 10 },
    },
  ];

  it('gives a pillar such as "constructor" the overlap score given for it, and none when none is given', () => {
    const aggregate = foldEvents(pillarEvents as never);
    const overlaps = (context: MetricsContext) =>
      finishMetrics(aggregate, context).pillars.map((p) => [p.pillarId, p.overlap, p.targetWeight]);
    expect(overlaps({ pillarOverlap: { care: 0.9 } })).toEqual([
      ['constructor', null, null],
      ['toString', null, null],
    ]);
    expect(overlaps({ pillarOverlap: { constructor: 0.4 } })).toEqual([
      ['constructor', 0.4, null],
      ['toString', null, null],
    ]);
    const figures = finishMetrics(aggregate, { pillarOverlap: { care: 0.9 } });
    expect(
      adjustRules(aggregate, figures, { pillarOverlap: { care: 0.9 } }).map((r) => r.code),
    ).not.toContain('PILLAR_LOW_OVERLAP');
  });

  it('counts no platform, account or role for a platform or role named "constructor"', () => {
    expect(platformIndex('constructor')).toBe(-1);
    expect(platformIndex('__proto__')).toBe(-1);
    const aggregate = foldEvents([
      { type: 'person.added', at, entityId: 'p1', data: {} },
      { type: 'role.assigned', at, entityId: 'r1', data: { personId: 'p1', role: 'constructor' } },
      { type: 'account.linked', at, entityId: 'a1', data: { personId: 'p1', platform: 'constructor' } },
      {
        type: 'share.recorded',
        at,
        entityId: 's1',
        data: { postId: 'q', campaignId: 'c', publisherId: 'p1', platform: 'valueOf', networkSize: 10 },
      },
    ] as never);
    const p1 = aggregate.persons.get('p1');
    expect([p1?.rolesTouched, p1?.rolesHeld, p1?.accounts]).toEqual([0, 0, 0]);
    expect(aggregate.platforms.shares.every((n) => n === 0)).toBe(true);
  });
});

describe('days and windows', () => {
  it('refuses days that do not exist instead of rolling them over', () => {
    expect(pathOf(() => createAggregate({ from: '2026-02-30T00:00:00Z' }))).toEqual(['from']);
    expect(pathOf(() => createAggregate({ to: '2026-04-31T00:00:00.000Z' }))).toEqual(['to']);
    expect(pathOf(() => startOfDayInZone('2026-13-01', 'UTC'))).toEqual(['date']);
    expect(createAggregate({ from: '2026-02-28T00:00:00Z' }).window.from).toBe('2026-02-28T00:00:00.000Z');
  });

  it('starts a day at its first instant where the clocks skip midnight (Santiago, 6 September 2026)', () => {
    // Clocks go from 24:00 (UTC−4) to 01:00 (UTC−3): the day starts at 01:00 local, 04:00 UTC.
    expect(startOfDayInZone('2026-09-06', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    expect(startOfDayInZone('2026-09-07', 'America/Santiago')).toBe('2026-09-07T03:00:00.000Z');
    expect(startOfDayInZone('2026-09-05', 'America/Santiago')).toBe('2026-09-05T04:00:00.000Z');
    // Amsterdam changes at 01:00 UTC, after midnight on both days.
    expect(startOfDayInZone('2026-03-29', 'Europe/Amsterdam')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayInZone('2026-10-25', 'Europe/Amsterdam')).toBe('2026-10-24T22:00:00.000Z');
  });
});
