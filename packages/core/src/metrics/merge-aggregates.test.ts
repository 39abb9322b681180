import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { finishMetrics } from './finish-metrics.js';
import { foldEvent, foldEvents } from './fold-event.js';
import { mergeAggregates, mergeInto } from './merge-aggregates.js';
import { createAggregate } from './metrics-aggregate.js';
import type { MetricsEvent } from './metrics-event.js';

const ids = (prefix: string) => fc.constantFrom(`${prefix}1`, `${prefix}2`, `${prefix}3`);
const person = ids('person');
const post = ids('post');
const platform = fc.constantFrom('linkedin', 'x', 'bluesky');
const at = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T23:59:59Z') })
  .map((ms) => new Date(ms).toISOString());
const interaction = fc.record({
  shareId: ids('share'),
  postId: post,
  campaignId: ids('camp'),
  publisherId: person,
  platform,
});

/** Events of every type the metrics read, over a small id space so that they collide often. */
const anEvent: fc.Arbitrary<MetricsEvent> = fc.oneof(
  fc.record({
    type: fc.constant('share.recorded'),
    at,
    entityId: ids('share'),
    data: fc.record({
      offerId: ids('offer'),
      postId: post,
      campaignId: ids('camp'),
      publisherId: person,
      platform,
      networkSize: fc.nat(1000),
    }),
  }),
  fc.record({ type: fc.constant('platform.click'), at, entityId: ids('share'), data: interaction }),
  fc.record({
    type: fc.constant('platform.reaction'),
    at,
    entityId: ids('share'),
    data: fc.record({ postId: post, publisherId: person, platform, count: fc.integer({ min: 1, max: 5 }) }),
  }),
  fc.record({
    type: fc.constant('platform.comment'),
    at,
    entityId: ids('share'),
    data: fc.record({
      postId: post,
      publisherId: person,
      platform,
      byAmbassador: fc.boolean(),
      count: fc.integer({ min: 1, max: 3 }),
    }),
  }),
  fc.record({
    type: fc.constant('platform.reach'),
    at,
    entityId: ids('share'),
    data: fc.record({ postId: post, publisherId: person, platform, reach: fc.nat(5000) }),
  }),
  fc.record({
    type: fc.constantFrom('person.invited', 'person.activated', 'person.dormant', 'person.left'),
    at,
    entityId: person,
    data: fc.constant({}),
  }),
  fc.record({
    type: fc.constant('person.added'),
    at,
    entityId: person,
    data: fc.record({
      teamIds: fc.subarray(['team1', 'team2']),
      department: fc.constantFrom('Zorg', 'HR'),
      location: fc.constantFrom('Assen', 'Emmen'),
      external: fc.boolean(),
    }),
  }),
  fc.record({
    type: fc.constant('person.updated'),
    at,
    entityId: person,
    data: fc.record(
      {
        location: fc.constantFrom('Assen', 'Emmen'),
        // A status the update sets (withdrawing consent sets `invited`), or other changes only.
        changes: fc.record(
          { status: fc.constantFrom('candidate', 'invited', 'active', 'dormant', 'left') },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    type: fc.constantFrom('role.assigned', 'role.revoked'),
    at,
    entityId: ids('ra'),
    data: fc.record({ personId: person, role: fc.constantFrom('publisher', 'creator') }),
  }),
  fc.record({
    type: fc.constant('consent.given'),
    at,
    entityId: ids('consent'),
    data: fc.record({
      personId: person,
      purposes: fc.subarray(['offers', 'digests']),
      termsVersion: fc.constant('1'),
    }),
  }),
  fc.record({
    type: fc.constant('consent.withdrawn'),
    at,
    entityId: ids('consent'),
    data: fc.record({ personId: person }),
  }),
  fc.record({
    type: fc.constant('contribution.submitted'),
    at,
    entityId: ids('contrib'),
    data: fc.record({ creatorId: person }),
  }),
  fc.record({
    type: fc.constantFrom('contribution.accepted', 'contribution.declined'),
    at,
    entityId: ids('contrib'),
    data: fc.constant({ reviewerId: 'ed' }),
  }),
  fc.record({
    type: fc.constant('contribution.used'),
    at,
    entityId: ids('contrib'),
    data: fc.record({ postId: post }),
  }),
  fc.record({
    type: fc.constant('post.created'),
    at,
    entityId: post,
    data: fc.record({
      pillarIds: fc.subarray(['pillar1', 'pillar2']),
      goalIds: fc.subarray(['goal1']),
      contributionIds: fc.subarray(['contrib1']),
    }),
  }),
  fc.record({
    type: fc.constantFrom('post.submitted', 'post.approved'),
    at,
    entityId: post,
    data: fc.constant({}),
  }),
  fc.record({
    type: fc.constant('offer.created'),
    at,
    entityId: ids('offer'),
    data: fc.record({ postId: post, publisherId: person, campaignId: ids('camp') }),
  }),
  fc.record({
    type: fc.constant('team.created'),
    at,
    entityId: fc.constantFrom('team1', 'team2'),
    data: fc.record({ name: fc.constantFrom('Zorg', 'HR') }),
  }),
  fc.record({
    type: fc.constant('account.linked'),
    at,
    entityId: ids('acct'),
    data: fc.record({ personId: person, platform, networkSize: fc.nat(100) }),
  }),
);

const window = { from: '2026-03-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' };
const events = fc.array(anEvent, { minLength: 5, maxLength: 150, size: 'medium' });
/** Splits a list into consecutive chunks at the given cut points. */
const split = <T>(list: readonly T[], cuts: readonly number[]): T[][] => {
  const points = [...new Set(cuts.map((c) => c % (list.length + 1)))].sort((a, b) => a - b);
  const chunks: T[][] = [];
  let start = 0;
  for (const point of [...points, list.length]) {
    chunks.push(list.slice(start, point));
    start = point;
  }
  return chunks;
};

describe('mergeable aggregates', () => {
  test.prop([events, fc.array(fc.nat(), { maxLength: 5 })])(
    'merging the folds of consecutive chunks equals folding the whole log',
    (log, cuts) => {
      const whole = foldEvents(log, window);
      const merged = split(log, cuts)
        .map((chunk) => foldEvents(chunk, window))
        .reduce((a, b) => mergeAggregates(a, b), createAggregate(window));
      expect(merged).toEqual(whole);
      expect(finishMetrics(merged, { timeZone: 'Europe/Amsterdam' })).toEqual(
        finishMetrics(whole, { timeZone: 'Europe/Amsterdam' }),
      );
    },
  );

  test.prop([events, events, events])('merge is associative', (a, b, c) => {
    const [x, y, z] = [a, b, c].map((log) => foldEvents(log, window)) as [
      ReturnType<typeof foldEvents>,
      ReturnType<typeof foldEvents>,
      ReturnType<typeof foldEvents>,
    ];
    expect(mergeAggregates(mergeAggregates(x, y), z)).toEqual(mergeAggregates(x, mergeAggregates(y, z)));
  });

  test.prop([events])(
    'folding one event at a time equals the batch, and the empty aggregate is neutral',
    (log) => {
      let live = createAggregate(window);
      for (const e of log) live = foldEvent(live, e);
      const batch = foldEvents(log, window);
      expect(live).toEqual(batch);
      expect(mergeAggregates(createAggregate(window), batch)).toEqual(batch);
      expect(mergeAggregates(batch, createAggregate(window))).toEqual(batch);
    },
  );

  test.prop([events])('merging leaves both inputs unchanged', (log) => {
    const a = foldEvents(log, window);
    const snapshot = structuredClone(a);
    mergeAggregates(a, a);
    expect(a).toEqual(snapshot);
  });

  test.prop([events, events])(
    'merging in place gives what mergeAggregates gives, and takes over the later entries',
    (a, b) => {
      const expected = mergeAggregates(foldEvents(a, window), foldEvents(b, window));
      const earlier = foldEvents(a, window);
      const later = foldEvents(b, window);
      const merged = mergeInto(earlier, later);
      expect(merged).toBe(earlier);
      expect(merged).toEqual(expected);
      // Partials only the later partition had are taken over, not copied.
      for (const [id, partial] of later.persons)
        if (!foldEvents(a, window).persons.has(id)) expect(merged.persons.get(id)).toBe(partial);
    },
  );

  it('refuses to merge aggregates of different windows', () => {
    expect(() => mergeAggregates(createAggregate(window), createAggregate())).toThrow(/same window/);
    const earlier = createAggregate(window);
    expect(() => mergeInto(earlier, createAggregate())).toThrow(/same window/);
    expect(earlier).toEqual(createAggregate(window));
  });

  it('rejects a window that ends before it starts', () => {
    expect(() => createAggregate({ from: window.to, to: window.from })).toThrow(/end after it starts/);
  });
});
