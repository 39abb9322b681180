import { describe, expect, it } from 'vitest';
import { createTestProgramme } from '../testing/programme.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import { mergeAggregates } from './merge-aggregates.js';
import type { MetricsEvent } from './metrics-event.js';

describe("a person's lifecycle in the metrics", () => {
  it('does not count someone who withdrew consent as active, folded whole or in parts', async () => {
    const { shift, people } = await createTestProgramme();
    const before = finishMetrics(foldEvents(await shift.readEvents())).activationFunnel;
    // The test programme's publisher and external publisher have consented: both are active.
    expect(before.active).toBe(2);

    const middle = (await shift.readEvents()).length;
    await shift.as(people.publisher).people.withdrawConsent();
    expect((await shift.as(people.master).people.get(people.publisher)).status).toBe('invited');

    const events = await shift.readEvents();
    const whole = foldEvents(events);
    const merged = mergeAggregates(foldEvents(events.slice(0, middle)), foldEvents(events.slice(middle)));
    expect(whole.persons.get(people.publisher)?.lifecycle).toBe('invited');
    expect(merged).toEqual(whole);
    const funnel = finishMetrics(whole).activationFunnel;
    expect(funnel.active).toBe(1);
    // Still counted as invited: they were.
    expect(funnel.invited).toBe(before.invited);
  });

  it('follows the status an update sets, and ignores updates that set none', () => {
    const at = (minute: number) => `2026-03-02T09:0${minute}:00.000Z`;
    const aggregate = foldEvents([
      { type: 'person.added', at: at(0), entityId: 'p', data: { changes: { status: 'candidate' } } },
      { type: 'person.invited', at: at(1), entityId: 'p', data: { changes: { status: 'invited' } } },
      { type: 'person.activated', at: at(2), entityId: 'p', data: { changes: { status: 'active' } } },
      { type: 'person.updated', at: at(3), entityId: 'p', data: { changes: { status: 'dormant' } } },
      { type: 'person.updated', at: at(4), entityId: 'p', data: { changes: { location: 'Assen' } } },
      { type: 'person.updated', at: at(5), entityId: 'p', data: { changes: { status: 'constructor' } } },
      { type: 'person.updated', at: at(6), entityId: 'p', data: { changes: null } },
    ]);
    expect(aggregate.persons.get('p')?.lifecycle).toBe('dormant');
    const back = foldEvents([
      { type: 'person.updated', at: at(7), entityId: 'p', data: { changes: { status: 'candidate' } } },
    ]);
    expect(back.persons.get('p')?.lifecycle).toBe('added');
  });

  it('keeps someone who left among the ambassadors for what they did in the window, and drops someone who did nothing', () => {
    const on = (
      day: string,
      type: string,
      entityId: string,
      data: Record<string, unknown> = {},
    ): MetricsEvent => ({
      type,
      at: `2026-03-${day}T09:00:00.000Z`,
      entityId,
      data,
    });
    const publisher = (id: string) => [
      on('01', 'person.added', id, { teamIds: ['team_1'] }),
      on('01', 'role.assigned', `ra_${id}`, { personId: id, role: 'publisher' }),
    ];
    const events = [
      ...['anne', 'bram', 'cas'].flatMap(publisher),
      on('05', 'person.left', 'bram'),
      on('10', 'share.recorded', 's1', {
        offerId: 'o1',
        postId: 'p1',
        campaignId: 'c1',
        publisherId: 'anne',
        platform: 'linkedin',
        networkSize: 100,
      }),
      on('20', 'person.left', 'anne'),
    ];
    const figures = finishMetrics(
      foldEvents(events, { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' }),
    );
    // anne shared on 10 March and left on the 20th: listed, as a sharer, with her 10 points (one share). bram left
    // without doing anything in the window: not listed. cas stays and did nothing: listed, lagging behind.
    expect(figures.ambassadors.map((a) => [a.personId, a.segment])).toEqual([
      ['anne', 'sharer'],
      ['cas', 'lagging'],
    ]);
    expect(figures.summary.sharers.value).toBe(1);
    expect(figures.teams.map((t) => [t.teamId, t.members, t.sharers])).toEqual([['team_1', 2, 1]]);
    expect(figures.leaderboard.entries.map((e) => [e.rank, e.personId, e.points])).toEqual([[1, 'anne', 10]]);
  });
});
