import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { foldEvents } from '../metrics/fold-event.js';
import type { DomainEvent } from '../model/domain-event.js';
import { DomainEventSchema, eventPayloadSchemas } from '../model/domain-event.js';
import { createManualClock } from '../ports/clock.js';
import { pseudonymiseEvents } from '../privacy/pseudonymise-events.js';
import { exportAll } from '../storage/export-all.js';
import { importAll } from '../storage/import-all.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import { createSocialShift } from './create-social-shift.js';
import {
  parseRetentionPolicy,
  RAW_PLATFORM_EVENT_TYPES,
  SUMMARY_EVENTS,
  summariseRawEvents,
} from './retention.js';
import { shareFigures } from './share-figures.js';

const START = Date.parse('2026-03-01T00:00:00.000Z');
const QUARTER = 15 * 60_000;

/** A raw platform event at `minute` minutes after START. */
const rawEvent = fc
  .record({
    type: fc.constantFrom(...RAW_PLATFORM_EVENT_TYPES),
    minute: fc.integer({ min: 0, max: 60 * 24 * 20 }),
    share: fc.integer({ min: 1, max: 4 }),
    amount: fc.integer({ min: 1, max: 50 }),
    byAmbassador: fc.boolean(),
  })
  .map(({ type, minute, share, amount, byAmbassador }): DomainEvent => {
    const base = {
      shareId: `share_${share}`,
      postId: `post_${share % 2}`,
      campaignId: 'campaign_1',
      publisherId: `person_${share % 3}`,
      platform: share % 2 === 0 ? 'linkedin' : 'x',
    };
    const extra =
      type === 'platform.click'
        ? {}
        : type === 'platform.reach'
          ? { reach: amount * 10 }
          : type === 'platform.comment'
            ? { count: amount, byAmbassador }
            : { count: amount };
    return {
      id: `evt_${minute}_${share}`,
      organisationId: 'org_acme',
      type,
      at: new Date(START + minute * 60_000).toISOString(),
      actorId: 'system',
      entityType: 'share',
      entityId: base.shareId,
      entityVersion: 0,
      data: { ...base, ...extra },
    };
  });

const sorted = (events: DomainEvent[]) =>
  [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
const summaryOf = (events: DomainEvent[]): DomainEvent => ({
  id: 'evt_summary',
  organisationId: 'org_acme',
  type: 'platform.summary',
  at: events[events.length - 1]!.at,
  actorId: 'system',
  entityType: 'organisation',
  entityId: 'org_acme',
  entityVersion: 0,
  data: { events: events.length, rows: summariseRawEvents(events) },
});

describe('retention summary', () => {
  it("keeps each share's figures: a publisher sees the same figures from the summary as from the raw events", () => {
    fc.assert(
      fc.property(
        fc.array(rawEvent, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 0, max: 80 }),
        (raw, split) => {
          const events = sorted(raw);
          const cut = Math.min(split, events.length - 1);
          const compacted = [summaryOf(events.slice(0, cut + 1)), ...events.slice(cut + 1)];
          for (const share of [1, 2, 3, 4, 5]) {
            const shareId = `share_${share}`;
            const summaries = compacted.filter((e) => e.type === 'platform.summary');
            const rest = compacted.filter((e) => e.type !== 'platform.summary');
            expect(shareFigures(shareId, rest, summaries)).toEqual(shareFigures(shareId, events, []));
          }
        },
      ),
    );
  });

  it('folds to the same figures as the raw events it replaces, in any window on quarter hours', () => {
    fc.assert(
      fc.property(
        fc.array(rawEvent, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 0, max: 20 * 96 }),
        fc.integer({ min: 0, max: 20 * 96 }),
        fc.integer({ min: 0, max: 80 }),
        (raw, a, b, split) => {
          const events = sorted(raw);
          const cut = Math.min(split, events.length - 1);
          const old = events.slice(0, cut + 1);
          const compacted = [summaryOf(old), ...events.slice(cut + 1)];
          expect(eventPayloadSchemas['platform.summary'].safeParse(compacted[0]!.data).success).toBe(true);
          const lo = Math.min(a, b);
          const hi = Math.max(a, b, lo + 1);
          for (const window of [
            {},
            { from: new Date(START + lo * QUARTER).toISOString() },
            {
              from: new Date(START + lo * QUARTER).toISOString(),
              to: new Date(START + hi * QUARTER).toISOString(),
            },
          ]) {
            expect(finishMetrics(foldEvents(compacted, window))).toEqual(
              finishMetrics(foldEvents(events, window)),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is pseudonymised like the raw events: the publisher id in each row becomes the same opaque id', async () => {
    const events: DomainEvent[] = [
      {
        id: 'evt_p',
        organisationId: 'org_acme',
        type: 'person.added',
        at: new Date(START).toISOString(),
        actorId: 'person_0',
        entityType: 'person',
        entityId: 'person_1',
        entityVersion: 1,
        data: { teamIds: [], external: false, changes: { displayName: 'Piet' } },
      },
      ...fc.sample(rawEvent, { numRuns: 30, seed: 7 }).filter((e) => e.data.publisherId === 'person_1'),
    ];
    const raw = sorted(events.slice(1));
    const key = new Uint8Array(32).fill(9);
    const plain = await pseudonymiseEvents([events[0]!, ...raw], { key });
    const compacted = await pseudonymiseEvents([events[0]!, summaryOf(raw)], { key });
    expect(JSON.stringify(compacted)).not.toContain('person_1');
    expect(finishMetrics(foldEvents(compacted))).toEqual(finishMetrics(foldEvents(plain)));
  });
});

describe('retention of reach stored by earlier versions', () => {
  // Earlier versions accepted any reach (since then: at most a billion), and what they stored still validates.
  const reachOf = (reach: number, minute: number): DomainEvent => ({
    id: `evt_reach_${minute}`,
    organisationId: 'org_acme',
    type: 'platform.reach',
    at: new Date(START + minute * 60_000).toISOString(),
    actorId: 'system',
    entityType: 'share',
    entityId: 'share_1',
    entityVersion: 0,
    data: {
      shareId: 'share_1',
      postId: 'post_1',
      campaignId: 'campaign_1',
      publisherId: 'person_1',
      platform: 'x',
      reach,
    },
  });

  it('starts a new row rather than sum past Number.MAX_SAFE_INTEGER, keeping the total and a valid summary', () => {
    const raw = [reachOf(5e15, 1), reachOf(5e15, 2), reachOf(7, 3)];
    const rows = summariseRawEvents(raw);
    expect(rows.map((row) => [row.count, row.events, row.at])).toEqual([
      [5e15, 1, raw[0]!.at],
      [5e15 + 7, 2, raw[1]!.at],
    ]);
    expect(eventPayloadSchemas['platform.summary'].safeParse(summaryOf(raw).data).success).toBe(true);
  });

  it('leaves a backup that imports again after a retention run over two reach readings of 5e15', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock } = world;
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [first] = await shift.as(people.publisher).offers.mine();
    const share = await shift
      .as(people.publisher)
      .offers.share(first?.offer.id ?? '', { platform: 'linkedin', idempotencyKey: 'k' });
    for (const key of ['r1', 'r2'])
      await shift.platform.recordReach({ shareId: share.id, idempotencyKey: key, reach: 1 });
    const bundle = await exportAll(world.storage, 'org_acme');
    for (const event of bundle.events)
      if (event.type === 'platform.reach') (event.data as { reach: number }).reach = 5e15;
    const storage = createMemoryStorage();
    await importAll(storage, bundle);
    const later = createManualClock(new Date(clock.now() + 100 * 86_400_000).toISOString());
    const restored = createSocialShift({ storage, organisationId: 'org_acme', clock: later });
    await expect(restored.system.applyRetention({ platformEventDays: 30 })).resolves.toMatchObject({
      removed: 2,
    });
    await expect(
      importAll(createMemoryStorage(), await exportAll(storage, 'org_acme', { clock: later })),
    ).resolves.toBeDefined();
  });
});

describe('retention of a long history', () => {
  it('keeps each summary within the values an event may hold, so the log still exports and imports', async () => {
    const world = await createTestProgramme();
    const { shift, people, clock, storage } = world;
    await aRunningCampaign(world, [await anApprovedPost(world)]);
    const [first] = await shift.as(people.publisher).offers.mine();
    const share = await shift
      .as(people.publisher)
      .offers.share(first?.offer.id ?? '', { platform: 'linkedin', idempotencyKey: 'k' });
    // A click every quarter hour for 1,000 quarters: 1,000 rows, more than one event's data may hold in one summary.
    const clicks = SUMMARY_EVENTS + 200;
    for (let i = 0; i < clicks; i++) {
      await shift.platform.recordClick({ shareId: share.id, idempotencyKey: `c${i}` });
      clock.advance(QUARTER);
    }
    clock.advance(100 * 86_400_000);
    const before = await storage.readEvents('org_acme');
    const figures = async () => finishMetrics(foldEvents(await storage.readEvents('org_acme')));
    const expected = await figures();
    const mine = await shift.as(people.publisher).offers.myShares({ limit: 10 });

    const done = await shift.system.applyRetention({ platformEventDays: 30 });

    expect(done.removed).toBe(clicks);
    expect(done.summaries.map((s) => s.data.events)).toEqual([SUMMARY_EVENTS, 200]);
    const raw = before.filter((e) => e.type === 'platform.click');
    expect(done.summaries.map((s) => s.seq)).toEqual([raw[SUMMARY_EVENTS - 1]!.seq, raw.at(-1)!.seq]);
    const after = await storage.readEvents('org_acme');
    const summaries = after.filter((e) => e.type === 'platform.summary');
    expect(summaries).toEqual(done.summaries);
    for (const summary of summaries) {
      expect(DomainEventSchema.safeParse(summary).success).toBe(true);
      expect(summary.at).toBe(before.find((e) => e.seq === summary.seq)!.at);
    }
    expect(await figures()).toEqual(expected);
    expect(await shift.as(people.publisher).offers.myShares({ limit: 10 })).toEqual(mine);
    // The whole log exports and imports again, with the same figures.
    const imported = createMemoryStorage();
    await importAll(imported, await exportAll(storage, 'org_acme', { clock }));
    expect(finishMetrics(foldEvents(await imported.readEvents('org_acme')))).toEqual(expected);
    // A second run at the same time removes and writes nothing.
    expect(await shift.system.applyRetention({ platformEventDays: 30 })).toEqual({
      before: done.before,
      removed: 0,
      idempotencyRecords: 0,
      summaries: [],
    });
    expect(await storage.readEvents('org_acme')).toEqual(after);
  });
});

describe('retention policy', () => {
  it('accepts whole days from 1 to 36500 and gives VALIDATION with the path for anything else', () => {
    expect(parseRetentionPolicy({ platformEventDays: 1 })).toEqual({ platformEventDays: 1 });
    expect(parseRetentionPolicy({ platformEventDays: 36_500 })).toEqual({ platformEventDays: 36_500 });
    for (const bad of [0, -1, 2.5, 36_501, Number.POSITIVE_INFINITY, '7', null]) {
      expect(() => parseRetentionPolicy({ platformEventDays: bad })).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          details: expect.objectContaining({
            issues: [expect.objectContaining({ path: ['platformEventDays'] })],
          }),
        }),
      );
    }
    expect(() => parseRetentionPolicy(undefined)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('refuses a bad configured policy when the SDK is created, and applyRetention without any policy', async () => {
    const { createMemoryStorage } = await import('../storage/memory-storage.js');
    const storage = createMemoryStorage();
    expect(() =>
      createSocialShift({
        storage,
        organisationId: 'org_acme',
        config: { retention: { platformEventDays: 0 } },
      }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    const shift = createSocialShift({ storage, organisationId: 'org_acme' });
    await expect(shift.system.applyRetention()).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('says to pass a policy, or to configure one, when applyRetention gets none', async () => {
    const { shift, people } = await createTestProgramme();
    const none = (message: string) => ({
      code: 'VALIDATION',
      message: `Invalid retention policy: (root): ${message}`,
      details: { issues: [{ path: [], message, code: 'custom' }], input: 'retention policy' },
    });
    const pass = 'None was given: pass one, such as applyRetention({ platformEventDays: 90 })';
    await expect(shift.system.applyRetention()).rejects.toMatchObject(
      none(`${pass}, or set config.retention in createSocialShift's options.`),
    );
    // A social master's run never falls back to the configured policy: only passing one helps.
    const master = shift.as(people.master).privacy as unknown as { applyRetention(): Promise<unknown> };
    await expect(master.applyRetention()).rejects.toMatchObject(none(`${pass}.`));
  });
});
