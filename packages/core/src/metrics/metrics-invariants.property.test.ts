import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { DomainEvent } from '../model/domain-event.js';
import { renderCsv } from '../reports/render-csv.js';
import { renderMarkdown } from '../reports/render-markdown.js';
import { createReport } from '../reports/report.js';
import { renderJson } from '../reports/report-json.js';
import { summariseRawEvents } from '../sdk/retention.js';
import { simulateEvents } from '../simulation/simulate-organisation.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import { mergeAggregates } from './merge-aggregates.js';
import { createAggregate } from './metrics-aggregate.js';
import type { MetricsFigures } from './metrics-figures.js';
import type { MetricsContext } from './metrics-options.js';
import { representativeness } from './representativeness.js';

const RAW = ['platform.click', 'platform.reaction', 'platform.comment', 'platform.reshare', 'platform.reach'];
const DAY = 86_400_000;

/** A simulated log, with people leaving, withdrawing consent, erased, and a retention run. */
const aLog = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    people: fc.integer({ min: 3, max: 40 }),
    teams: fc.integer({ min: 1, max: 5 }),
    days: fc.integer({ min: 7, max: 120 }),
    events: fc.integer({ min: 50, max: 1500 }),
    platforms: fc.subarray(['linkedin', 'x', 'bluesky', 'whatsapp', 'mastodon'] as const, { minLength: 1 }),
    changes: fc.array(
      fc.record({
        type: fc.constantFrom('left', 'withdrawn', 'erased', 'revoked'),
        who: fc.nat(),
        when: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 6 },
    ),
    retention: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  })
  .map((o) => {
    let log = [
      ...simulateEvents({
        seed: o.seed,
        people: o.people,
        teams: o.teams,
        days: o.days,
        events: o.events,
        platforms: [...o.platforms],
        start: '2026-01-01',
      }),
    ] as DomainEvent[];
    const people = log.filter((e) => e.type === 'person.added').map((e) => e.entityId);
    const first = Date.parse(log[0]?.at ?? '2026-01-01T00:00:00.000Z');
    const last = Date.parse(log.at(-1)?.at ?? '2026-01-01T00:00:00.000Z');
    for (const c of o.changes) {
      const personId = people[c.who % people.length] as string;
      const at = new Date(first + Math.floor(c.when * (last - first))).toISOString();
      const base = { id: `evt_x${at}`, organisationId: 'org', actorId: 'system', entityVersion: 0, at };
      const extra: DomainEvent[] =
        c.type === 'left'
          ? [
              {
                ...base,
                type: 'person.left',
                entityType: 'person',
                entityId: personId,
                data: {},
              } as DomainEvent,
            ]
          : c.type === 'erased'
            ? [
                {
                  ...base,
                  type: 'person.erased',
                  entityType: 'person',
                  entityId: personId,
                  data: {},
                } as DomainEvent,
              ]
            : c.type === 'revoked'
              ? [
                  {
                    ...base,
                    type: 'role.revoked',
                    entityType: 'person',
                    entityId: personId,
                    data: { personId, role: 'publisher' },
                  } as DomainEvent,
                ]
              : [
                  {
                    ...base,
                    type: 'consent.withdrawn',
                    entityType: 'person',
                    entityId: personId,
                    data: { personId },
                  } as DomainEvent,
                  {
                    ...base,
                    type: 'person.updated',
                    entityType: 'person',
                    entityId: personId,
                    data: { changes: { status: 'invited' } },
                  } as DomainEvent,
                ];
      const i = log.findIndex((e) => e.at > at);
      log = i < 0 ? [...log, ...extra] : [...log.slice(0, i), ...extra, ...log.slice(i)];
    }
    if (o.retention !== undefined) {
      const before = new Date(first + Math.floor(o.retention * (last - first))).toISOString();
      const removed = log.filter((e) => RAW.includes(e.type) && e.at < before);
      const newest = removed.at(-1);
      if (newest) {
        const summary = {
          ...newest,
          id: 'evt_summary',
          type: 'platform.summary',
          entityType: 'organisation',
          entityId: 'org',
          data: { events: removed.length, rows: summariseRawEvents(removed) },
        } as DomainEvent;
        const at = log.indexOf(newest);
        log = log.flatMap((e, i) => (i === at ? [summary] : removed.includes(e) ? [] : [e]));
      }
    }
    return { log, first, last, options: o };
  });

const aZone = fc.constantFrom(
  'UTC',
  'Europe/Amsterdam',
  'Pacific/Auckland',
  'Asia/Kathmandu',
  'America/St_Johns',
);

describe('the figures agree with each other on simulated logs', () => {
  test.prop([aLog, aZone], { numRuns: 25 })(
    'funnels, participation, sums, representativeness',
    ({ log }, timeZone) => {
      const f = finishMetrics(foldEvents(log), { timeZone });
      const s = f.summary;
      const c = f.contentFunnel;
      expect(c.accepted).toBeLessThanOrEqual(c.contributionsSubmitted);
      expect(c.usedInPosts).toBeLessThanOrEqual(c.accepted);
      expect(c.offered).toBeLessThanOrEqual(c.postsFromContributions);
      expect(c.shared).toBeLessThanOrEqual(c.offered);
      expect(c.conversedOn).toBeLessThanOrEqual(c.shared);
      const a = f.activationFunnel;
      expect(a.invited).toBeLessThanOrEqual(a.people);
      expect(a.active).toBeLessThanOrEqual(a.invited);
      // participation
      const p = s.participation.value;
      if (p !== null) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
      expect(s.sharers.value).toBe(f.ambassadors.filter((x) => x.sharesPosts).length);
      // Participation's sharers are the publishers with consent among the summary's sharers (docs/metrics.md).
      const publishers = s.publishersWithConsent.value as number;
      if (publishers === 0) expect(s.participation.value).toBeNull();
      else {
        const sharing = Math.round((p as number) * publishers);
        expect((p as number) * publishers).toBeCloseTo(sharing, 9);
        expect(sharing).toBeLessThanOrEqual(s.sharers.value as number);
      }
      // platform sums
      const sum = (k: keyof MetricsFigures['platforms'][number]) =>
        f.platforms.reduce((t, x) => t + (x[k] as number), 0);
      for (const k of [
        'shares',
        'clicks',
        'reactions',
        'comments',
        'conversations',
        'reshares',
        'potentialReach',
        'reportedReach',
      ] as const)
        expect(sum(k), k).toBe(s[k].value);
      expect(f.ambassadors.reduce((t, x) => t + x.shares, 0)).toBe(s.shares.value);
      expect(f.ambassadors.reduce((t, x) => t + x.contributions, 0)).toBe(s.contributions.value);
      expect(f.ambassadors.filter((x) => x.suppliesInput).length).toBe(s.contributors.value);
      expect(f.ambassadors.reduce((t, x) => t + x.conversations, 0)).toBe(s.conversations.value);
      expect(f.ambassadors.filter((x) => x.converses).length).toBe(s.conversers.value);
      // series sums
      for (const k of ['shares', 'clicks', 'reactions', 'comments', 'contributions'] as const)
        expect(
          f.series.reduce((t, x) => t + x[k], 0),
          `series ${k}`,
        ).toBe(s[k].value);
      // segments
      expect(Object.values(f.segments).reduce((t, n) => t + n, 0)).toBe(f.ambassadors.length);
      for (const r of Object.values(f.representativeness))
        if (r.index !== null) {
          expect(r.index).toBeGreaterThanOrEqual(0);
          expect(r.index).toBeLessThanOrEqual(1);
        }
      // basis
      expect(s.potentialReach.basis).toBe('estimated');
      expect(s.earnedMediaValue.basis).toBe('estimated');
      for (const x of f.platforms) expect(x.earnedMediaValue.basis).toBe('estimated');
      for (const k of [
        'shares',
        'sharers',
        'publishersWithConsent',
        'participation',
        'contributions',
        'contributors',
        'conversations',
        'conversers',
        'clicks',
        'reactions',
        'comments',
        'reshares',
        'reportedReach',
      ] as const)
        expect(s[k].basis, k).toBe('measured');
      // EMV null without a rate
      const rated = new Set(['linkedin', 'x', 'facebook', 'instagram', 'bluesky']);
      for (const x of f.platforms) expect(x.earnedMediaValue.value === null).toBe(!rated.has(x.platform));
      if (f.platforms.length > 0 && f.platforms.every((x) => !rated.has(x.platform)))
        expect(s.earnedMediaValue.value).toBeNull();
    },
  );

  test.prop([aLog, aZone, fc.integer({ min: 1, max: 119 })], { numRuns: 15 })(
    'a window split in two adds up to the whole',
    ({ log }, timeZone, cut) => {
      const from = '2026-01-01T00:00:00.000Z';
      const to = new Date(Date.parse(from) + 121 * DAY).toISOString();
      const mid = new Date(Date.parse(from) + cut * DAY).toISOString();
      const whole = finishMetrics(foldEvents(log, { from, to }), { timeZone });
      const a = finishMetrics(foldEvents(log, { from, to: mid }), { timeZone });
      const b = finishMetrics(foldEvents(log, { from: mid, to }), { timeZone });
      for (const k of [
        'shares',
        'clicks',
        'reactions',
        'comments',
        'reshares',
        'conversations',
        'contributions',
        'potentialReach',
        'reportedReach',
      ] as const)
        expect((a.summary[k].value ?? 0) + (b.summary[k].value ?? 0), k).toBe(whole.summary[k].value);
      expect(a.events.inWindow + b.events.inWindow).toBe(whole.events.inWindow);
      const cf = (x: MetricsFigures) => x.contentFunnel.contributionsSubmitted;
      expect(cf(a) + cf(b)).toBe(cf(whole));
      // merged partitions equal the whole
      const k = Math.floor(log.length / 2);
      const merged = mergeAggregates(
        foldEvents(log.slice(0, k), { from, to }),
        foldEvents(log.slice(k), { from, to }),
      );
      expect(finishMetrics(merged, { timeZone })).toEqual(whole);
      expect(mergeAggregates(createAggregate({ from, to }), merged)).toEqual(merged);
    },
  );

  test.prop(
    [
      aLog,
      fc.record({
        share: fc.nat(20),
        contribution: fc.nat(20),
        conversation: fc.nat(20),
        click: fc.nat(5),
        reaction: fc.nat(5),
      }),
    ],
    { numRuns: 10 },
  )('leaderboard points are the weights times the counts; off removes it everywhere', ({ log }, points) => {
    const agg = foldEvents(log);
    const context: MetricsContext = { leaderboard: { points, size: 1000 } };
    const f = finishMetrics(agg, context);
    for (const e of f.leaderboard.entries) {
      const x = f.ambassadors.find((y) => y.personId === e.personId);
      expect(x).toBeDefined();
      if (!x) continue;
      const reactions = agg.persons.get(x.personId)?.reactions ?? 0;
      expect(e.points).toBeCloseTo(
        x.shares * points.share +
          x.contributions * points.contribution +
          x.conversations * points.conversation +
          x.clicks * points.click +
          reactions * points.reaction,
        6,
      );
    }
    const off = finishMetrics(agg, { leaderboard: { enabled: false } });
    expect(off.leaderboard).toEqual({ enabled: false, entries: [] });
    for (const language of ['en', 'nl'] as const) {
      const report = createReport(off, { language });
      expect(renderMarkdown(report)).not.toMatch(/leaderboard|ranglijst/i);
      expect(Object.keys(renderCsv(report)).join()).not.toMatch(/leaderboard/);
      expect(JSON.parse(renderJson(report)).figures.leaderboard).toEqual({
        enabled: false,
        entries: [],
      });
    }
  });

  const groups = fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 3 }), {
    maxLength: 12,
  });
  test.prop([groups, fc.integer({ min: 1, max: 4 })], { numRuns: 200 })(
    'the representativeness index is 1 for active ambassadors who mirror the organisation',
    (organisation, times) => {
      const mirror = Array.from({ length: times }, () => organisation).flat();
      const r = representativeness(organisation, mirror);
      if (organisation.every((g) => g.length === 0)) expect(r.index).toBeNull();
      else {
        expect(r.index).toBeCloseTo(1, 12);
        for (const g of r.groups) expect(g.ratio).toBeCloseTo(1, 12);
      }
    },
  );
});
