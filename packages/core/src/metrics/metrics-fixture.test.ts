import { describe, expect, it } from 'vitest';
import { adjustRules } from './adjust-rules.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';

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
const base = (shareId: string, postId: string, publisherId: string, platform: string) => ({
  shareId,
  postId,
  campaignId: 'camp_1',
  publisherId,
  platform,
});

/** A small organisation in March 2026; every expected figure below is computed by hand from it. */
function smallOrganisation(): MetricsEvent[] {
  const person = (id: string, team: string, department: string, location: string) =>
    event('person.added', '01-05T09:00:00', id, { teamIds: [team], department, location, external: false });
  const role = (id: string, role: string) =>
    event('role.assigned', '01-05T09:01:00', `ra_${id}_${role}`, { personId: id, role });
  const consent = (id: string) =>
    event('consent.given', '01-06T09:00:00', `consent_${id}`, {
      personId: id,
      purposes: ['offers'],
      termsVersion: '1',
    });
  return [
    event('team.created', '01-05T08:00:00', 'team_zorg', {
      name: 'Wijkzorg',
      department: 'Zorg',
      location: 'Assen',
    }),
    event('team.created', '01-05T08:00:00', 'team_hr', {
      name: 'HR',
      department: 'HR',
      location: 'Groningen',
    }),
    person('anne', 'team_zorg', 'Zorg', 'Assen'),
    person('bram', 'team_zorg', 'Zorg', 'Assen'),
    person('cor', 'team_hr', 'HR', 'Groningen'),
    person('dirk', 'team_hr', 'HR', 'Groningen'),
    person('eva', 'team_hr', 'HR', 'Groningen'),
    role('anne', 'publisher'),
    role('anne', 'creator'),
    role('bram', 'publisher'),
    role('cor', 'publisher'),
    role('dirk', 'publisher'),
    role('eva', 'creator'),
    event('person.invited', '01-05T10:00:00', 'anne'),
    event('person.invited', '01-05T10:00:00', 'bram'),
    event('person.invited', '01-05T10:00:00', 'cor'),
    event('person.activated', '01-06T09:00:00', 'anne'),
    event('person.activated', '01-06T09:00:00', 'bram'),
    consent('anne'),
    consent('bram'),
    consent('cor'),
    // Before the window: only bram's last share date matters.
    event('share.recorded', '02-15T12:00:00', 'share_0', {
      ...base('share_0', 'post_0', 'bram', 'x'),
      offerId: 'o0',
      networkSize: 200,
    }),
    // The window: March 2026.
    event('contribution.created', '03-02T09:00:00', 'c1', {
      creatorId: 'eva',
      kind: 'photo',
      pillarIds: ['pillar_work'],
    }),
    event('contribution.submitted', '03-02T10:00:00', 'c1', { creatorId: 'eva' }),
    event('contribution.submitted', '03-03T10:00:00', 'c2', { creatorId: 'anne' }),
    event('contribution.accepted', '03-03T11:00:00', 'c1', { reviewerId: 'ed' }),
    event('contribution.declined', '03-03T12:00:00', 'c2', { reviewerId: 'ed' }),
    event('post.created', '03-04T08:00:00', 'p1', {
      authorId: 'ed',
      pillarIds: ['pillar_work'],
      goalIds: ['goal_recruit'],
      audienceIds: [],
      contributionIds: ['c1'],
    }),
    event('contribution.used', '03-04T08:00:00', 'c1', { postId: 'p1' }),
    event('post.submitted', '03-04T09:00:00', 'p1'),
    event('post.approved', '03-04T15:00:00', 'p1', { approverId: 'ed' }),
    event('post.offered', '03-05T10:00:00', 'p1', { campaignId: 'camp_1' }),
    event('post.created', '03-05T07:00:00', 'p2', {
      authorId: 'ed',
      pillarIds: ['pillar_news'],
      goalIds: [],
      audienceIds: [],
      contributionIds: [],
    }),
    event('post.submitted', '03-05T08:00:00', 'p2'),
    event('post.approved', '03-06T08:00:00', 'p2', { approverId: 'ed' }),
    event('post.offered', '03-06T09:00:00', 'p2', { campaignId: 'camp_1' }),
    event('share.recorded', '03-06T12:00:00', 's1', {
      ...base('s1', 'p1', 'anne', 'linkedin'),
      offerId: 'o1',
      networkSize: 500,
    }),
    event('share.recorded', '03-07T12:00:00', 's2', {
      ...base('s2', 'p1', 'bram', 'x'),
      offerId: 'o2',
      networkSize: 200,
    }),
    event('share.recorded', '03-08T12:00:00', 's3', {
      ...base('s3', 'p2', 'anne', 'linkedin'),
      offerId: 'o3',
      networkSize: 500,
    }),
    event('platform.click', '03-06T13:00:00', 's1', base('s1', 'p1', 'anne', 'linkedin')),
    event('platform.click', '03-06T14:00:00', 's1', base('s1', 'p1', 'anne', 'linkedin')),
    event('platform.click', '03-06T15:00:00', 's1', base('s1', 'p1', 'anne', 'linkedin')),
    event('platform.click', '03-07T13:00:00', 's2', base('s2', 'p1', 'bram', 'x')),
    event('platform.reaction', '03-06T13:30:00', 's1', { ...base('s1', 'p1', 'anne', 'linkedin'), count: 5 }),
    event('platform.comment', '03-06T16:00:00', 's1', {
      ...base('s1', 'p1', 'anne', 'linkedin'),
      byAmbassador: true,
      count: 1,
    }),
    event('platform.comment', '03-07T16:00:00', 's2', {
      ...base('s2', 'p1', 'bram', 'x'),
      byAmbassador: false,
      count: 2,
    }),
    // After the window: ignored.
    event('share.recorded', '04-02T12:00:00', 's4', {
      ...base('s4', 'p2', 'cor', 'linkedin'),
      offerId: 'o4',
      networkSize: 300,
    }),
  ];
}

const window = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
const context = {
  strategy: {
    goals: [
      { id: 'goal_recruit', name: 'Recruit nurses', targets: [{ metric: 'shares' as const, value: 5 }] },
    ],
    pillars: [
      { id: 'pillar_work', name: 'Working here', targetWeight: 0.5 },
      { id: 'pillar_news', name: 'News' },
    ],
    platforms: ['linkedin', 'instagram'] as const,
  },
  earnedMedia: { currency: 'EUR', rates: { linkedin: { cpm: 10, cpc: 1, reaction: 0.5 } } },
};

describe('the metrics of a small organisation (hand-computed)', () => {
  const aggregate = foldEvents(smallOrganisation(), window);
  const figures = finishMetrics(aggregate, context);
  const recommendations = adjustRules(aggregate, figures, context);

  it('counts shares in total and per platform (measure one)', () => {
    expect(figures.summary.shares).toEqual({ value: 3, basis: 'measured' });
    expect(figures.platforms.map((p) => [p.platform, p.shares])).toEqual([
      ['linkedin', 2],
      ['x', 1],
    ]);
  });

  it('shows who supplies input, who shares and who converses, per ambassador (measures two and three)', () => {
    const rows = figures.ambassadors.map((a) => [
      a.personId,
      a.suppliesInput,
      a.sharesPosts,
      a.converses,
      a.segment,
    ]);
    expect(rows).toEqual([
      ['anne', true, true, true, 'champion'],
      ['bram', false, true, false, 'sharer'],
      ['cor', false, false, false, 'lagging'],
      ['dirk', false, false, false, 'lagging'],
      ['eva', true, false, false, 'contributor'],
    ]);
    expect(figures.segments).toMatchObject({
      champion: 1,
      sharer: 1,
      lagging: 2,
      contributor: 1,
      conversationalist: 0,
    });
  });

  it('shows the same per team, with who lags behind', () => {
    expect(figures.teams).toEqual([
      {
        teamId: 'team_hr',
        name: 'HR',
        members: 3,
        contributors: 1,
        sharers: 0,
        conversers: 0,
        lagging: 2,
        contributions: 1,
        shares: 0,
        conversations: 0,
        participation: 0,
        segment: 'contributor',
      },
      {
        teamId: 'team_zorg',
        name: 'Wijkzorg',
        members: 2,
        contributors: 1,
        sharers: 2,
        conversers: 1,
        lagging: 0,
        contributions: 1,
        shares: 3,
        conversations: 1,
        participation: 1,
        segment: 'champion',
      },
    ]);
  });

  it('computes participation over publishers with consent, and the activation funnel', () => {
    expect(figures.summary.publishersWithConsent.value).toBe(3);
    expect(figures.summary.participation.value).toBeCloseTo(2 / 3);
    expect(figures.activationFunnel).toEqual({ people: 5, invited: 3, active: 2, sharedInPeriod: 2 });
  });

  it('sums clicks, reactions, comments and conversations; reach and click-through are estimated', () => {
    expect(figures.summary.clicks.value).toBe(4);
    expect(figures.summary.reactions.value).toBe(5);
    expect(figures.summary.comments.value).toBe(3);
    expect(figures.summary.conversations.value).toBe(1);
    expect(figures.summary.conversers.value).toBe(1);
    expect(figures.summary.potentialReach).toEqual({ value: 1200, basis: 'estimated' });
    expect(figures.summary.ctr.basis).toBe('estimated');
    expect(figures.summary.ctr.value).toBeCloseTo(4 / 1200);
    const linkedin = figures.platforms.find((p) => p.platform === 'linkedin');
    expect(linkedin?.ctr.value).toBeCloseTo(3 / 1000);
  });

  it('estimates earned media value from the configured rates', () => {
    // linkedin: 1000 impressions / 1000 × 10 + 3 clicks × 1 + 5 reactions × 0.5 = 15.5; x has no rate.
    expect(figures.summary.earnedMediaValue).toEqual({ value: 15.5, basis: 'estimated' });
    expect(figures.currency).toBe('EUR');
  });

  it('follows content from creator to conversation, with lead times', () => {
    expect(figures.contentFunnel).toEqual({
      contributionsSubmitted: 2,
      accepted: 1,
      usedInPosts: 1,
      postsFromContributions: 1,
      offered: 1,
      shared: 1,
      conversedOn: 1,
    });
    expect(figures.leadTimes.submissionToOffer).toEqual({ count: 1, medianHours: 72, p90Hours: 72 });
    // Reviews of 6 and 24 hours: the median is their mean.
    expect(figures.leadTimes.reviewToApproval).toEqual({ count: 2, medianHours: 15, p90Hours: 24 });
  });

  it('measures pillars and goals against the strategy', () => {
    expect(figures.pillars.map((p) => [p.pillarId, p.posts, p.shares, p.clicks, p.targetWeight])).toEqual([
      ['pillar_news', 1, 1, 0, null],
      ['pillar_work', 1, 2, 4, 0.5],
    ]);
    expect(figures.pillars[1]?.shareOfShares).toBeCloseTo(2 / 3);
    expect(figures.goals[0]?.targets[0]).toEqual({
      metric: 'shares',
      target: 5,
      actual: { value: 2, basis: 'measured' },
      attainment: 0.4,
    });
  });

  it('compares the active ambassadors with the organisation (representativeness)', () => {
    // Organisation: Zorg 2/5, HR 3/5. Active (anne, bram, eva): Zorg 2/3, HR 1/3. Index = 1 − ½(0.2667 + 0.2667).
    expect(figures.representativeness.team.index).toBeCloseTo(1 - 0.8 / 3);
    expect(figures.representativeness.department.groups.map((g) => g.group)).toEqual(['HR', 'Zorg']);
  });

  it('ranks the leaderboard with the default points', () => {
    expect(figures.leaderboard.entries.map((e) => [e.rank, e.personId, e.points])).toEqual([
      [1, 'anne', 43],
      [2, 'eva', 15],
      [3, 'bram', 11],
    ]);
    const off = finishMetrics(foldEvents(smallOrganisation(), window), { leaderboard: { enabled: false } });
    expect(off.leaderboard).toEqual({ enabled: false, entries: [] });
  });

  it('groups a series by month', () => {
    expect(figures.series).toEqual([
      {
        period: '2026-03',
        start: '2026-03-01',
        shares: 3,
        clicks: 4,
        reactions: 5,
        comments: 3,
        contributions: 2,
      },
    ]);
  });

  it('recommends adjustments with codes', () => {
    expect(recommendations.map((r) => [r.code, r.subject])).toEqual([
      ['TEAM_WITHOUT_SHARERS', 'team_hr'],
      ['PLATFORM_UNUSED', 'instagram'],
      ['DORMANT_AMBASSADORS', null],
      ['GOAL_BEHIND_TARGET', 'goal_recruit'],
      ['UNREPRESENTATIVE_AMBASSADORS', 'team'],
      ['UNREPRESENTATIVE_AMBASSADORS', 'department'],
      ['UNREPRESENTATIVE_AMBASSADORS', 'location'],
    ]);
    expect(recommendations[2]?.params).toMatchObject({ count: 1, people: 'cor' });
  });

  it('asks for content for a pillar of the strategy that no post has, not for better content', () => {
    const pillars = [...context.strategy.pillars, { id: 'pillar_care', name: 'Care' }];
    const withCare = { ...context, strategy: { ...context.strategy, pillars } };
    const found = adjustRules(aggregate, finishMetrics(aggregate, withCare), withCare).filter((r) =>
      r.code.startsWith('PILLAR_'),
    );
    expect(found).toEqual([
      {
        code: 'PILLAR_WITHOUT_POSTS',
        severity: 'warning',
        subject: 'pillar_care',
        params: { pillar: 'Care' },
      },
    ]);
    // News and the other pillar have 1 and 2 shares, 1.5 on average (Care, without posts, is not averaged): a
    // low-share ratio of 1.1 flags News, and Care as before.
    const strict = { ...withCare, thresholds: { pillarLowShareRatio: 1.1 } };
    expect(
      adjustRules(aggregate, finishMetrics(aggregate, strict), strict)
        .filter((r) => r.code.startsWith('PILLAR_'))
        .map((r) => [r.code, r.subject]),
    ).toEqual([
      ['PILLAR_WITHOUT_POSTS', 'pillar_care'],
      ['PILLAR_LOW_SHARES', 'pillar_news'],
    ]);
  });

  it('keeps flagging a pillar with few shares when a pillar without posts joins the strategy', () => {
    // Shares of 1 and 2 average 1.5, and 0.7 × 1.5 = 1.05 flags News (1 share). With Care's 0 in the average (1),
    // 0.7 × 1 = 0.7 did not.
    const lowShares = (strategy: typeof context.strategy) => {
      const withRatio = { ...context, strategy, thresholds: { pillarLowShareRatio: 0.7 } };
      return adjustRules(aggregate, finishMetrics(aggregate, withRatio), withRatio)
        .filter((r) => r.code === 'PILLAR_LOW_SHARES')
        .map((r) => [r.subject, r.params]);
    };
    const expected = [['pillar_news', { pillar: 'News', shares: 1, average: 1.5 }]];
    expect(lowShares(context.strategy)).toEqual(expected);
    const pillars = [...context.strategy.pillars, { id: 'pillar_care', name: 'Care' }];
    expect(lowShares({ ...context.strategy, pillars })).toEqual(expected);
  });

  it('flags low participation and sharers who do not converse', () => {
    const strict = { thresholds: { lowParticipation: 0.9, conversationRatio: 0.6 } };
    const codes = adjustRules(aggregate, finishMetrics(aggregate, strict), strict).map((r) => r.code);
    expect(codes).toContain('LOW_PARTICIPATION');
    expect(codes).toContain('CONVERSATION_LAGS');
  });
});

describe('periods in a time zone', () => {
  const share = (at: string) =>
    event('share.recorded', at, 's', { ...base('s', 'p', 'anne', 'linkedin'), offerId: 'o', networkSize: 1 });

  it('puts a Sunday-night UTC share in the next ISO week in Amsterdam', () => {
    const events = [share('03-01T23:30:00')];
    expect(finishMetrics(foldEvents(events), { period: 'week' }).series.map((r) => r.period)).toEqual([
      '2026-W09',
    ]);
    expect(
      finishMetrics(foldEvents(events), { period: 'week', timeZone: 'Europe/Amsterdam' }).series.map((r) => [
        r.period,
        r.start,
      ]),
    ).toEqual([['2026-W10', '2026-03-02']]);
  });

  it('puts the last UTC evening of a month in the next month in Amsterdam', () => {
    const events = [share('03-31T22:30:00')];
    expect(finishMetrics(foldEvents(events), { timeZone: 'Europe/Amsterdam' }).series[0]?.period).toBe(
      '2026-04',
    );
    expect(finishMetrics(foldEvents(events)).series[0]?.period).toBe('2026-03');
  });

  it('rejects an unknown time zone with a validation error', () => {
    expect(() => finishMetrics(foldEvents([share('03-01T10:00:00')]), { timeZone: 'Mars/Olympus' })).toThrow(
      /Unknown time zone/,
    );
  });
});

describe('teams', () => {
  it('counts a person named twice in a team once, and lists teams known only from people', () => {
    const figures = finishMetrics(
      foldEvents([
        event('team.created', '01-05T08:00:00', 'team_a', { name: 'A' }),
        event('team.created', '01-05T08:00:00', 'team_empty', { name: 'Empty' }),
        event('person.added', '01-05T09:00:00', 'p1', { teamIds: ['team_a', 'team_b', 'team_a'] }),
        event('person.added', '01-05T09:00:00', 'p2', { teamIds: ['team_a'] }),
      ]),
    );
    expect(figures.ambassadors.find((a) => a.personId === 'p1')?.teamIds).toEqual(['team_a', 'team_b']);
    expect(figures.teams.map((t) => [t.teamId, t.members])).toEqual([
      ['team_a', 2],
      ['team_b', 1],
      ['team_empty', 0],
    ]);
  });
});

describe('periods in a zone with a 45-minute offset', () => {
  it('puts two shares of one UTC hour in two weeks when local midnight falls between them (Kathmandu, +05:45)', () => {
    const share = (id: string, at: string) =>
      event('share.recorded', at, id, { ...base(id, 'p', 'anne', 'linkedin'), offerId: 'o', networkSize: 1 });
    // Sunday 1 March 2026, 18:10 and 18:20 UTC: 23:55 on Sunday and 00:05 on Monday in Kathmandu.
    const figures = finishMetrics(
      foldEvents([share('s1', '03-01T18:10:00'), share('s2', '03-01T18:20:00')]),
      {
        period: 'week',
        timeZone: 'Asia/Kathmandu',
      },
    );
    expect(figures.series.map((r) => [r.period, r.shares])).toEqual([
      ['2026-W09', 1],
      ['2026-W10', 1],
    ]);
  });
});

describe('platforms', () => {
  it('lists a platform whose only activity in the window is reshares of a share from before it', () => {
    const figures = finishMetrics(
      foldEvents(
        [
          event('share.recorded', '02-20T10:00:00', 's1', {
            ...base('s1', 'p', 'anne', 'bluesky'),
            offerId: 'o',
            networkSize: 100,
          }),
          event('platform.reshare', '03-02T10:00:00', 'e1', {
            ...base('s1', 'p', 'anne', 'bluesky'),
            count: 3,
          }),
        ],
        { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
      ),
    );
    expect(figures.summary.reshares.value).toBe(3);
    expect(figures.platforms.map((p) => [p.platform, p.shares, p.reshares])).toEqual([['bluesky', 0, 3]]);
  });
});

describe('lead times', () => {
  const reviews = (...hours: number[]) =>
    finishMetrics(
      foldEvents(
        hours.flatMap((h, i) => [
          event('post.submitted', '03-02T10:00:00', `post${i}`),
          event('post.approved', `03-02T${String(10 + h).padStart(2, '0')}:00:00`, `post${i}`, {
            approverId: 'x',
          }),
        ]),
      ),
    ).leadTimes.reviewToApproval;

  it('takes the mean of the two middle values as the median of an even count', () => {
    expect(reviews(1, 3)).toEqual({ count: 2, medianHours: 2, p90Hours: 3 });
    expect(reviews(4, 1, 8, 2)).toEqual({ count: 4, medianHours: 3, p90Hours: 8 });
  });

  it('takes the middle value as the median of an odd count', () => {
    expect(reviews(1, 10, 2)).toEqual({ count: 3, medianHours: 2, p90Hours: 10 });
    expect(reviews(5)).toEqual({ count: 1, medianHours: 5, p90Hours: 5 });
  });
});

describe('the summary click-through', () => {
  const window = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
  // LinkedIn: a post shared in February (before the window, so no impressions in it) clicked 50 times in March.
  const clickedOldShare = [
    event('share.recorded', '02-27T10:00:00', 'old', {
      ...base('old', 'p1', 'anne', 'linkedin'),
      networkSize: 5000,
    }),
    ...Array.from({ length: 50 }, (_, i) =>
      event(
        'platform.click',
        `03-01T1${i % 10}:0${Math.floor(i / 10)}:00`,
        'old',
        base('old', 'p1', 'anne', 'linkedin'),
      ),
    ).sort((a, b) => (a.at < b.at ? -1 : 1)),
  ];

  it('counts only the clicks of platforms with impressions, so it never passes 100%', () => {
    // X: shared to 100 people, clicked once: 1 ÷ 100. LinkedIn's 50 clicks have no impressions to go with.
    const figures = finishMetrics(
      foldEvents(
        [
          ...clickedOldShare,
          event('share.recorded', '03-02T10:00:00', 'new', {
            ...base('new', 'p2', 'anne', 'x'),
            networkSize: 100,
          }),
          event('platform.click', '03-02T11:00:00', 'new', base('new', 'p2', 'anne', 'x')),
        ],
        window,
      ),
    );
    expect(figures.platforms.map((p) => [p.platform, p.clicks, p.ctr.value])).toEqual([
      ['linkedin', 50, null],
      ['x', 1, 0.01],
    ]);
    expect(figures.summary.clicks.value).toBe(51);
    expect(figures.summary.ctr).toEqual({ value: 0.01, basis: 'estimated' });
  });

  it('is measured when every platform it counts reported its reach', () => {
    // X: 400 reported impressions, 4 clicks: 4 ÷ 400. LinkedIn, without impressions, makes it neither more nor estimated.
    const figures = finishMetrics(
      foldEvents(
        [
          ...clickedOldShare,
          event('share.recorded', '03-02T10:00:00', 'new', {
            ...base('new', 'p2', 'anne', 'x'),
            networkSize: 100,
          }),
          event('platform.reach', '03-02T10:30:00', 'new', { ...base('new', 'p2', 'anne', 'x'), reach: 400 }),
          ...[11, 12, 13, 14].map((h) =>
            event('platform.click', `03-02T${h}:00:00`, 'new', base('new', 'p2', 'anne', 'x')),
          ),
        ],
        window,
      ),
    );
    expect(figures.platforms.find((p) => p.platform === 'x')?.ctr).toEqual({
      value: 0.01,
      basis: 'measured',
    });
    expect(figures.summary.ctr).toEqual({ value: 0.01, basis: 'measured' });
  });
});
