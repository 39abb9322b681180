import { describe, expect, it } from 'vitest';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvent, foldEvents } from './fold-event.js';
import { mergeAggregates } from './merge-aggregates.js';
import { createAggregate } from './metrics-aggregate.js';
import type { MetricsEvent } from './metrics-event.js';
import type { MetricsContext } from './metrics-options.js';

const ev = (
  type: string,
  at: string,
  entityId: string,
  data: Record<string, unknown> = {},
): MetricsEvent => ({
  type,
  at: `${at}.000Z`,
  entityId,
  data,
});
const base = (shareId: string, postId: string, publisherId: string, platform: string) => ({
  shareId,
  postId,
  campaignId: 'camp',
  publisherId,
  platform,
});
const share = (id: string, at: string, post: string, by: string, platform: string, networkSize: number) =>
  ev('share.recorded', at, id, { ...base(id, post, by, platform), offerId: `o_${id}`, networkSize });
const person = (id: string, teamIds: string[], department: string, location: string) =>
  ev('person.added', '2026-01-05T09:00:00', id, { teamIds, department, location, external: false });
const role = (id: string, r: string) =>
  ev('role.assigned', '2026-01-05T09:01:00', `ra_${id}_${r}`, { personId: id, role: r });

/**
 * March 2026 in Amsterdam, with the edges a real programme has: Ann in two teams; Bob shares in the first half hour
 * of March (still February in UTC) and leaves on the 15th; Cas shares, converses and then withdraws consent; Dan
 * never shares; Eve contributes; a post offered in February and shared in March; a post offered and never shared;
 * shares on either side of local midnight in the week summer time starts (Sunday 29 March 23:30 CEST, W13, and
 * Monday 00:30 CEST, W14); a share on Mastodon, which the default rates leave out; a share at the window's end.
 */
const log: MetricsEvent[] = [
  ev('team.created', '2026-01-05T08:00:00', 't_zorg', {
    name: 'Wijkzorg',
    department: 'Zorg',
    location: 'Assen',
  }),
  ev('team.created', '2026-01-05T08:00:00', 't_hr', { name: 'HR', department: 'HR', location: 'Groningen' }),
  person('ann', ['t_zorg', 't_hr'], 'Zorg', 'Assen'),
  person('bob', ['t_zorg'], 'Zorg', 'Assen'),
  person('cas', ['t_hr'], 'HR', 'Groningen'),
  person('dan', ['t_hr'], 'HR', 'Groningen'),
  person('eve', ['t_zorg'], 'Zorg', 'Assen'),
  ...['ann', 'bob', 'cas', 'dan'].map((id) => role(id, 'publisher')),
  role('eve', 'creator'),
  ...['ann', 'bob', 'cas', 'dan', 'eve'].map((id) => ev('person.invited', '2026-01-05T10:00:00', id)),
  ...['ann', 'bob', 'cas', 'dan'].map((id) => ev('person.activated', '2026-01-06T08:00:00', id)),
  ...['ann', 'bob', 'cas', 'dan'].map((id) =>
    ev('consent.given', '2026-01-06T09:00:00', `cg_${id}`, {
      personId: id,
      purposes: ['offers'],
      termsVersion: '1',
    }),
  ),
  // February: c1 goes into p1, which is offered before the window.
  ev('contribution.created', '2026-02-20T09:00:00', 'c1', { creatorId: 'eve', kind: 'photo', pillarIds: [] }),
  ev('contribution.submitted', '2026-02-20T10:00:00', 'c1', { creatorId: 'eve' }),
  ev('post.created', '2026-02-25T10:00:00', 'p1', {
    pillarIds: ['work'],
    goalIds: ['g1'],
    contributionIds: ['c1'],
  }),
  ev('contribution.used', '2026-02-25T10:00:00', 'c1', { postId: 'p1' }),
  ev('post.offered', '2026-02-27T10:00:00', 'p1', { campaignId: 'camp' }),
  // The window: 1 March 00:00 CET (28 February 23:00Z) to 1 April 00:00 CEST (31 March 22:00Z).
  share('s1', '2026-02-28T23:30:00', 'p1', 'bob', 'linkedin', 100),
  ev('platform.click', '2026-03-01T10:00:00', 's1', base('s1', 'p1', 'bob', 'linkedin')),
  ev('platform.click', '2026-03-01T10:05:00', 's1', base('s1', 'p1', 'bob', 'linkedin')),
  ev('contribution.created', '2026-03-02T09:00:00', 'c2', { creatorId: 'eve', kind: 'photo', pillarIds: [] }),
  ev('contribution.submitted', '2026-03-02T10:00:00', 'c2', { creatorId: 'eve' }),
  ev('post.created', '2026-03-03T10:00:00', 'p2', {
    pillarIds: ['work', 'care'],
    goalIds: ['g1'],
    contributionIds: ['c2'],
  }),
  ev('contribution.used', '2026-03-03T10:00:00', 'c2', { postId: 'p2' }),
  ev('post.created', '2026-03-03T11:00:00', 'p3', { pillarIds: ['news'], goalIds: [], contributionIds: [] }),
  ev('post.offered', '2026-03-04T10:00:00', 'p2', { campaignId: 'camp' }),
  // A campaign whose post nobody shares.
  ev('post.offered', '2026-03-05T10:00:00', 'p3', { campaignId: 'camp_quiet' }),
  share('s2', '2026-03-05T12:00:00', 'p2', 'cas', 'linkedin', 200),
  ev('platform.comment', '2026-03-05T13:00:00', 's2', {
    ...base('s2', 'p2', 'cas', 'linkedin'),
    byAmbassador: true,
    count: 1,
  }),
  ev('consent.withdrawn', '2026-03-10T10:00:00', 'cg_cas', { personId: 'cas' }),
  ev('person.updated', '2026-03-10T10:00:00', 'cas', { changes: { status: 'invited' } }),
  ev('person.left', '2026-03-15T10:00:00', 'bob'),
  share('s3', '2026-03-29T21:30:00', 'p1', 'ann', 'mastodon', 50),
  ev('platform.click', '2026-03-29T21:45:00', 's3', base('s3', 'p1', 'ann', 'mastodon')),
  share('s4', '2026-03-29T22:30:00', 'p2', 'ann', 'linkedin', 300),
  ev('platform.reaction', '2026-03-30T08:00:00', 's4', { ...base('s4', 'p2', 'ann', 'linkedin'), count: 4 }),
  ev('platform.comment', '2026-03-30T09:00:00', 's4', {
    ...base('s4', 'p2', 'ann', 'linkedin'),
    byAmbassador: false,
    count: 2,
  }),
  // 1 April 00:00 CEST: after the window.
  share('s5', '2026-03-31T22:00:00', 'p2', 'ann', 'linkedin', 300),
];
const window = { from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' };
const context: MetricsContext = {
  timeZone: 'Europe/Amsterdam',
  period: 'week',
  strategy: {
    goals: [
      {
        id: 'g1',
        name: 'Werven',
        targets: [
          { metric: 'shares', value: 5 },
          { metric: 'reach', value: 1000 },
          { metric: 'contributions', value: 2 },
          { metric: 'participation', value: 0.6 },
        ],
      },
    ],
    pillars: [
      { id: 'work', targetWeight: 0.5 },
      { id: 'care', targetWeight: 0.3 },
      { id: 'news' },
      { id: 'events' },
    ],
    platforms: ['linkedin', 'instagram'],
  },
};

describe('a month of a programme with its edges, computed by hand (docs/metrics.md)', () => {
  const aggregate = foldEvents(log, window);
  const figures = finishMetrics(aggregate, context);

  it('gives the same figures and recommendations folded event by event, in two parts at any event, or whole', () => {
    const whole = JSON.stringify([figures, adjustRules(aggregate, figures, context)]);
    for (let i = 0; i <= log.length; i += 1) {
      const later = createAggregate(window);
      for (const e of log.slice(i)) foldEvent(later, e);
      const merged = mergeAggregates(foldEvents(log.slice(0, i), window), later);
      const f = finishMetrics(merged, context);
      expect(JSON.stringify([f, adjustRules(merged, f, context)])).toBe(whole);
    }
  });

  it('counts the shares in the local month, per platform, with reach and click-through estimated', () => {
    // s1 (23:30Z on 28 February is 00:30 on 1 March in Amsterdam) to s4; s5 is at the window's end.
    const s = figures.summary;
    expect([s.shares.value, s.sharers.value, s.clicks.value, s.reactions.value, s.comments.value]).toEqual([
      4, 3, 3, 4, 3,
    ]);
    expect(s.potentialReach).toEqual({ value: 650, basis: 'estimated' });
    expect(s.ctr).toEqual({ value: 3 / 650, basis: 'estimated' });
    // LinkedIn at the default rates: 600 / 1000 × 30 + 2 clicks × 5 + 4 reactions × 0.25 = 29; Mastodon has no rate.
    expect(s.earnedMediaValue).toEqual({ value: 29, basis: 'estimated' });
    expect(
      figures.platforms.map((p) => [
        p.platform,
        p.shares,
        p.clicks,
        p.comments,
        p.conversations,
        p.potentialReach,
        p.ctr.value,
        p.earnedMediaValue.value,
      ]),
    ).toEqual([
      ['linkedin', 3, 2, 3, 1, 600, 2 / 600, 29],
      ['mastodon', 1, 1, 0, 0, 50, 1 / 50, null],
    ]);
  });

  it('keeps who left or withdrew consent among the ambassadors and teams for what they did, not among the publishers', () => {
    expect(
      figures.ambassadors.map((a) => [
        a.personId,
        a.contributions,
        a.shares,
        a.conversations,
        a.clicks,
        a.segment,
      ]),
    ).toEqual([
      ['ann', 0, 2, 0, 1, 'sharer'],
      ['bob', 0, 1, 0, 2, 'sharer'],
      ['cas', 0, 1, 1, 0, 'conversationalist'],
      ['dan', 0, 0, 0, 0, 'lagging'],
      ['eve', 1, 0, 0, 0, 'contributor'],
    ]);
    // Ann counts whole in both of her teams.
    expect(
      figures.teams.map((t) => [
        t.teamId,
        t.members,
        t.contributors,
        t.sharers,
        t.conversers,
        t.lagging,
        t.shares,
        t.participation,
        t.segment,
      ]),
    ).toEqual([
      ['t_hr', 3, 0, 2, 1, 1, 3, 2 / 3, 'conversationalist'],
      ['t_zorg', 3, 1, 2, 0, 0, 3, 2 / 3, 'contributing_sharer'],
    ]);
    // Publishers with consent now: Ann and Dan (Bob left, Cas withdrew); of them Ann shared.
    expect(figures.summary.publishersWithConsent.value).toBe(2);
    expect(figures.summary.participation).toEqual({ value: 0.5, basis: 'measured' });
  });

  it('takes everyone with consent as a publisher when the log assigns no roles, and has no rate without any', () => {
    const noRoles = log.filter((e) => e.type !== 'role.assigned');
    // Consent for offers and not left: Ann, Dan (Cas withdrew, Bob left; Eve never consented). Ann shared.
    expect(finishMetrics(foldEvents(noRoles, window), context).summary.participation.value).toBe(0.5);
    const noConsent = log.filter((e) => e.type !== 'consent.given');
    const figures = finishMetrics(foldEvents(noConsent, window), context);
    expect(figures.summary.publishersWithConsent.value).toBe(0);
    expect(figures.summary.participation).toEqual({ value: null, basis: 'measured' });
  });

  it('counts each stage of the activation funnel on its own, so the sharers can outnumber the active', () => {
    // Active now: Ann and Dan; shared in the window: Ann, Bob (who left) and Cas (who withdrew consent).
    expect(figures.activationFunnel).toEqual({ people: 5, invited: 5, active: 2, sharedInPeriod: 3 });
  });

  it('follows the window’s contribution to its post, offer, shares and conversation, not February’s', () => {
    expect(figures.contentFunnel).toEqual({
      contributionsSubmitted: 1,
      accepted: 1,
      usedInPosts: 1,
      postsFromContributions: 1,
      offered: 1,
      shared: 1,
      conversedOn: 1,
    });
    // c2: submitted 2 March 10:00Z, p2 offered 4 March 10:00Z; c1's offer was in February.
    expect(figures.leadTimes.submissionToOffer).toEqual({ count: 1, medianHours: 48, p90Hours: 48 });
  });

  it('counts every post of a pillar up to the window’s end, and its shares in the window', () => {
    expect(
      figures.pillars.map((p) => [
        p.pillarId,
        p.posts,
        p.shares,
        p.clicks,
        p.conversations,
        p.shareOfShares,
        p.targetWeight,
      ]),
    ).toEqual([
      ['care', 1, 2, 0, 1, 0.5, 0.3],
      ['events', 0, 0, 0, 0, 0, null],
      ['news', 1, 0, 0, 0, 0, null],
      // p1, made in February, and p2; their shares s1, s3 and s2, s4.
      ['work', 2, 4, 3, 1, 1, 0.5],
    ]);
    expect(
      figures.goals[0]?.targets.map((t) => [t.metric, t.actual.value, t.actual.basis, t.attainment]),
    ).toEqual([
      ['shares', 4, 'measured', 0.8],
      ['reach', 650, 'estimated', 0.65],
      ['contributions', 1, 'measured', 0.5],
      ['participation', 0.5, 'measured', 0.5 / 0.6],
    ]);
  });

  it('compares the active people of the organisation, not who left, with the organisation', () => {
    // Organisation: Ann (½ Zorg team, ½ HR team), Cas, Dan, Eve; Bob left. Active: Ann, Cas, Eve.
    // Teams: organisation Zorg 1½, HR 2½ of 4; active 1½ and 1½ of 3: 1 − ½(⅛ + ⅛) = 0.875.
    // Departments: organisation 2 and 2; active Zorg 2, HR 1: 1 − ½(⅙ + ⅙) = ⅚.
    const r = figures.representativeness;
    expect([r.team.index, r.department.index, r.location.index]).toEqual([0.875, 1 - 1 / 6, 1 - 1 / 6]);
  });

  it('ranks the leaderboard, and leaves it out when it is switched off', () => {
    // Ann 2 shares + 1 click = 21; Cas 10 + 5 = 15; Eve 15; Bob 10 + 2 = 12; Dan 0, not listed.
    expect(figures.leaderboard.entries.map((e) => [e.rank, e.personId, e.points])).toEqual([
      [1, 'ann', 21],
      [2, 'cas', 15],
      [2, 'eve', 15],
      [4, 'bob', 12],
    ]);
    const off = finishMetrics(aggregate, { ...context, leaderboard: { enabled: false } });
    expect(off.leaderboard).toEqual({ enabled: false, entries: [] });
  });

  it('puts shares either side of local midnight in the week summer time starts into their own weeks', () => {
    expect(
      figures.series.map((r) => [
        r.period,
        r.start,
        r.shares,
        r.clicks,
        r.reactions,
        r.comments,
        r.contributions,
      ]),
    ).toEqual([
      ['2026-W09', '2026-02-23', 1, 2, 0, 0, 0],
      ['2026-W10', '2026-03-02', 1, 0, 0, 1, 1],
      ['2026-W11', '2026-03-09', 0, 0, 0, 0, 0],
      ['2026-W12', '2026-03-16', 0, 0, 0, 0, 0],
      ['2026-W13', '2026-03-23', 1, 1, 0, 0, 0],
      ['2026-W14', '2026-03-30', 1, 0, 4, 2, 0],
    ]);
    const months = finishMetrics(aggregate, { ...context, period: 'month' }).series;
    expect(months.map((r) => [r.period, r.shares])).toEqual([['2026-03', 4]]);
  });

  it('recommends what the figures call for', () => {
    const codes = adjustRules(aggregate, figures, context).map((r) => [r.code, r.subject]);
    expect(codes).toEqual([
      ['PILLAR_WITHOUT_POSTS', 'events'],
      // news 0 shares against the average 2 of the pillars with posts (work 4, care 2, news 0).
      ['PILLAR_LOW_SHARES', 'news'],
      ['PLATFORM_UNUSED', 'instagram'],
      // Dan: consent and role since January, no share in the 60 days before 1 April.
      ['DORMANT_AMBASSADORS', null],
      ['GOAL_BEHIND_TARGET', 'g1'],
      ['GOAL_BEHIND_TARGET', 'g1'],
      ['GOAL_BEHIND_TARGET', 'g1'],
      ['GOAL_BEHIND_TARGET', 'g1'],
    ]);
  });
});
