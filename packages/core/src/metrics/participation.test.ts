import { describe, expect, it } from 'vitest';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';

const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
/** An event on a day of 2026 (`02-10` is 10 February), at 09:00 UTC. */
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
