// Figures of one window (March 2026) that a report gives from the folded events: participation, the content
// funnel and a goal's contributions target, each against the rule docs/metrics.md states.
import { describe, expect, it } from 'vitest';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';

const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
/** An event on a day of 2026 (`02-20` is 20 February), at 09:00 UTC. */
const on = (
  day: string,
  type: string,
  entityId: string,
  data: Record<string, unknown> = {},
): MetricsEvent => ({
  type,
  at: `2026-${day}T09:00:00.000Z`,
  entityId,
  data,
});
const publisher = (personId: string): MetricsEvent[] => [
  on('01-05', 'person.added', personId, { teamIds: [] }),
  on('01-05', 'role.assigned', `ra_${personId}`, { personId, role: 'publisher' }),
];
const consent = (personId: string, purposes: string[]): MetricsEvent =>
  on('01-06', 'consent.given', `consent_${personId}`, { personId, purposes, termsVersion: '1' });
const share = (day: string, publisherId: string): MetricsEvent =>
  on(day, 'share.recorded', `share_${publisherId}_${day}`, {
    offerId: 'o1',
    postId: 'p1',
    campaignId: 'c1',
    publisherId,
    platform: 'linkedin',
    networkSize: 100,
  });
const participation = (events: MetricsEvent[]) => {
  const { summary } = finishMetrics(foldEvents(events, march));
  return [summary.publishersWithConsent.value, summary.participation.value];
};

describe('participation (docs/metrics.md: publishers with consent for offers, not left, who shared ÷ those publishers)', () => {
  it('counts only consent for the purpose offers, not consent for another purpose', () => {
    // anne consented to the newsletter only, and shared: no publisher with consent, so no rate (not 1 of 1).
    const anne = [...publisher('anne'), consent('anne', ['newsletter']), share('03-10', 'anne')];
    expect(participation(anne)).toEqual([0, null]);
    // bram consented to offers (and the newsletter) and did not share: 0 of 1 shared (not 1 of 2 = 0.5).
    const bram = [...publisher('bram'), consent('bram', ['newsletter', 'offers'])];
    expect(participation([...anne, ...bram])).toEqual([1, 0]);
  });

  it('leaves people who left or were erased out of the publishers with consent', () => {
    // Three publishers consented to offers; anne shared, bram left and cas was erased before the report: 1 of 1
    // shared (not 1 of 3).
    const events = [
      ...['anne', 'bram', 'cas'].flatMap((id) => [...publisher(id), consent(id, ['offers'])]),
      share('03-10', 'anne'),
      on('03-12', 'person.left', 'bram'),
      on('03-14', 'person.erased', 'cas'),
    ];
    expect(participation(events)).toEqual([1, 1]);
  });
});

/** A contribution by eva, submitted on `day` and used in `postId` on 5 March. */
const usedContribution = (id: string, day: string, postId: string): MetricsEvent[] => [
  on(day, 'contribution.submitted', id, { creatorId: 'eva' }),
  on('03-05', 'contribution.used', id, { postId }),
];

describe("a goal's contributions target", () => {
  it('counts the contributions submitted in the window that went into the goal’s posts', () => {
    const events = [
      // A post names the contributions it is made from (the SDK writes a `contribution.used` for each).
      on('03-05', 'post.created', 'p1', {
        pillarIds: [],
        goalIds: ['goal_recruit'],
        contributionIds: ['c_feb', 'c_mar'],
      }),
      on('03-05', 'post.created', 'p2', {
        pillarIds: [],
        goalIds: ['goal_other'],
        contributionIds: ['c_other'],
      }),
      // Submitted in February, before the window: not this window's (docs/metrics.md: contributions count only inside it).
      ...usedContribution('c_feb', '02-20', 'p1'),
      // Submitted in March, used in the goal's post: counts.
      ...usedContribution('c_mar', '03-02', 'p1'),
      // Submitted in March, used in another goal's post: not this goal's.
      ...usedContribution('c_other', '03-03', 'p2'),
    ];
    const goals = [{ id: 'goal_recruit', targets: [{ metric: 'contributions' as const, value: 2 }] }];
    const [goal] = finishMetrics(foldEvents(events, march), { strategy: { goals } }).goals;
    // 1 of the 2 wanted: attainment 0.5.
    expect(goal?.targets[0]).toMatchObject({ actual: { value: 1, basis: 'measured' }, attainment: 0.5 });
  });
});

const submitted = (id: string): MetricsEvent =>
  on('03-02', 'contribution.submitted', id, { creatorId: 'eva' });

describe('the content funnel', () => {
  it('counts a contribution used in a post as accepted, also without an accept event', () => {
    const events = [
      ...['c1', 'c2', 'c3', 'c4'].map(submitted),
      // c1 went straight into a post (an editor used it without accepting it first).
      on('03-04', 'post.created', 'p1', { contributionIds: ['c1'] }),
      on('03-04', 'contribution.used', 'c1', { postId: 'p1' }),
      on('03-04', 'contribution.accepted', 'c2', { reviewerId: 'ed' }),
      on('03-04', 'contribution.declined', 'c3', { reviewerId: 'ed' }),
      // c4 waits for review.
    ];
    const { contentFunnel } = finishMetrics(foldEvents(events, march));
    // Submitted c1–c4; accepted c1 (used) and c2; used c1, in one post. Each stage at most the one before it.
    expect(contentFunnel).toMatchObject({
      contributionsSubmitted: 4,
      accepted: 2,
      usedInPosts: 1,
      postsFromContributions: 1,
    });
  });
});
