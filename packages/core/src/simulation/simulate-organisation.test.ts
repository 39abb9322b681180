import { describe, expect, it } from 'vitest';
import { DomainEventSchema, eventPayloadSchemas } from '../model/domain-event.js';
import { entitySchemas } from '../model/entities.js';
import { ExportBundleSchema } from '../model/export-bundle.js';
import { importAll } from '../storage/import-all.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { seededRandom } from './seeded-random.js';
import { simulateEvents, simulateExportBundle } from './simulate-organisation.js';

describe('simulateEvents', () => {
  const options = { seed: 3, people: 300, teams: 12, days: 60, events: 8_000 };

  it('is deterministic for a seed and differs between seeds', () => {
    const a = [...simulateEvents(options)];
    const b = [...simulateEvents(options)];
    const c = [...simulateEvents({ ...options, seed: 4 })];
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('streams exactly the number of events asked for, valid, in seq and time order', () => {
    const events = [...simulateEvents(options)];
    expect(events).toHaveLength(8_000);
    events.forEach((event, i) => {
      expect(DomainEventSchema.safeParse(event).success).toBe(true);
      const payload = eventPayloadSchemas[event.type].safeParse(event.data);
      expect(payload.success, `${event.type} ${JSON.stringify(event.data)}`).toBe(true);
      expect(event.seq).toBe(i + 1);
      if (i > 0) expect(event.at >= (events[i - 1]?.at ?? '')).toBe(true);
    });
  });

  it.each([
    { seed: 1, people: 10_000, teams: 200, events: 100_000 },
    { seed: 2, people: 2_000, teams: 50, events: 20_000 },
    { seed: 3, people: 1_000, teams: 20, days: 3_650, events: 100_000 },
  ])(
    'spreads a log sparser than 100 events a person a year over its whole period, %o',
    (sparse) => {
      // Contributions (with their posts, offers and shares) came at the full rate on top of the paced posts: a year of
      // 100,000 events for 10,000 people stopped in April, ten years of 100,000 for 1,000 people in the seventh.
      let last = '';
      let shares = 0;
      for (const event of simulateEvents(sparse)) {
        last = event.at;
        if (event.type === 'share.recorded') shares++;
      }
      const end = Date.parse('2026-01-01') + (sparse.days ?? 365) * 86_400_000;
      expect(Date.parse(last)).toBeGreaterThan(end - 7 * 86_400_000);
      expect(shares).toBeGreaterThan(0);
    },
    30_000,
  );

  it('spreads activity over the whole period on the five default platforms', () => {
    const events = [...simulateEvents({ ...options, days: 120, events: 20_000 })];
    const last = events[events.length - 1]?.at ?? '';
    expect(last >= '2026-04-20').toBe(true);
    const platforms = new Set(events.filter((e) => e.type === 'share.recorded').map((e) => e.data.platform));
    expect([...platforms].sort()).toEqual(['bluesky', 'facebook', 'instagram', 'linkedin', 'x']);
  });
});

const counts = (lines: readonly string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const line of lines) out[line] = (out[line] ?? 0) + 1;
  return out;
};

/**
 * What in a bundle's documents its log does not account for: a document (other than the organisation) without an
 * event, changed after the export, or whose version is not that of its last event.
 */
const outsideLog = (bundle: ReturnType<typeof simulateExportBundle>): string[] => {
  const versions = new Map<string, number>();
  for (const e of bundle.events)
    versions.set(e.entityId, Math.max(e.entityVersion, versions.get(e.entityId) ?? 0));
  const wrong: string[] = [];
  for (const [type, list] of Object.entries(bundle.documents)) {
    if (type === 'organisation') continue;
    for (const doc of (list ?? []) as { id: string; version: number; updatedAt: string }[]) {
      if (!versions.has(doc.id)) wrong.push(`${type} without events`);
      else if (versions.get(doc.id) !== doc.version) wrong.push(`${type} version`);
      if (doc.updatedAt > bundle.exportedAt) wrong.push(`${type} updated after the export`);
    }
  }
  return wrong;
};

describe('simulateExportBundle', () => {
  it('builds a valid export bundle whose documents pass their entity schemas', () => {
    const bundle = simulateExportBundle({ seed: 1, people: 60, teams: 5, days: 45, events: 4_000 });
    expect(ExportBundleSchema.safeParse(bundle).success).toBe(true);
    for (const [type, docs] of Object.entries(bundle.documents)) {
      const schema = entitySchemas[type as keyof typeof entitySchemas];
      for (const doc of docs ?? []) {
        const result = schema.safeParse(doc);
        expect(result.success, `${type} ${JSON.stringify(result.error?.issues)}`).toBe(true);
      }
    }
    // The 60 people asked for, and the social master who set the programme up.
    expect(bundle.documents.person).toHaveLength(61);
  });

  type Doc = Record<string, unknown> & { id: string };
  const bundle = simulateExportBundle({ seed: 5, people: 120, teams: 8, days: 120, events: 12_000 });
  const docs = (type: string) => (bundle.documents[type as keyof typeof bundle.documents] ?? []) as Doc[];
  const lastAt = bundle.events[bundle.events.length - 1]?.at ?? '';

  it('offers a post to a publisher once, as the SDK does (and so has them share it once)', () => {
    // The SDK offers each post of a campaign to each publisher once; drawn with replacement, some got it twice.
    const twice = (events: typeof bundle.events) => {
      const pairs = events.map((e) => `${e.data.postId} ${e.data.publisherId}`);
      return pairs.filter((pair, i) => pairs.indexOf(pair) !== i);
    };
    expect(twice(bundle.events.filter((e) => e.type === 'offer.created'))).toEqual([]);
    expect(twice(bundle.events.filter((e) => e.type === 'share.recorded'))).toEqual([]);
  });

  it('has a person record for everyone who acts, and a social master', () => {
    const people = new Set(docs('person').map((p) => p.id));
    const actors = new Set(bundle.events.map((e) => e.actorId).filter((id) => id !== 'system'));
    expect([...actors].filter((id) => !people.has(id))).toEqual([]);
    const master = docs('role_assignment').find((r) => r.role === 'master');
    expect(master && people.has(master.personId as string)).toBe(true);
  });

  it('lists in each campaign the posts it offered, and ends campaigns with their posts and open offers', () => {
    const campaigns = docs('campaign');
    const offeredIn = new Map<string, string[]>();
    for (const e of bundle.events.filter((e) => e.type === 'post.offered')) {
      const campaignId = e.data.campaignId as string;
      offeredIn.set(campaignId, [...(offeredIn.get(campaignId) ?? []), e.entityId]);
    }
    expect(offeredIn.size).toBeGreaterThan(2);
    for (const [campaignId, postIds] of offeredIn) {
      const campaign = campaigns.find((c) => c.id === campaignId);
      expect(campaign?.postIds).toEqual(expect.arrayContaining(postIds));
    }
    const ended = campaigns.filter((c) => (c.endsAt as string) <= lastAt);
    const running = campaigns.filter((c) => (c.endsAt as string) > lastAt);
    expect(ended.length).toBeGreaterThan(2);
    expect(running.map((c) => c.status)).toEqual(['running']);
    expect(((running[0]?.postIds ?? []) as string[]).length).toBeGreaterThan(0);
    const posts = new Map(docs('post').map((p) => [p.id, p]));
    for (const campaign of ended) {
      expect(['completed', 'evaluated']).toContain(campaign.status);
      for (const postId of campaign.postIds as string[]) expect(posts.get(postId)?.status).toBe('expired');
    }
    const endOf = new Map(campaigns.map((c) => [c.id, c.endsAt as string]));
    const endedIds = new Set(ended.map((c) => c.id));
    for (const offer of docs('offer')) {
      const end = endOf.get(offer.campaignId as string) ?? '';
      // Nothing is seen or shared after the campaign's end; what was open then expired.
      if (offer.seenAt !== undefined) expect((offer.seenAt as string) < end).toBe(true);
      if (endedIds.has(offer.campaignId as string)) expect(['shared', 'expired']).toContain(offer.status);
    }
    for (const share of docs('share'))
      expect((share.sharedAt as string) < (endOf.get(share.campaignId as string) ?? '')).toBe(true);
  });

  it.each([
    // Whether it is busy enough that a campaign fills up (1,000 posts) and a second one of the same weeks (`_2`)
    // takes the next posts: 12,000 events in two weeks are.
    [{ days: 14 }, true],
    [{ days: 42 }, false],
    [{ seed: 2, people: 500, teams: 20, days: 30, events: 20_000 }, true],
  ] as const)(
    'keeps campaigns whole for %o: unique, at most 1,000 posts, offering only while they run; importAll takes it',
    async (options, second) => {
      const busy = simulateExportBundle(options);
      const campaigns = (busy.documents.campaign ?? []) as Doc[];
      expect(campaigns.some((c) => c.id.endsWith('_2'))).toBe(second);
      expect(new Set(campaigns.map((c) => c.id)).size).toBe(campaigns.length);
      for (const c of campaigns) expect((c.postIds as string[]).length).toBeLessThanOrEqual(1000);
      const started = new Map<string, string>();
      const completed = new Map<string, string>();
      const late: string[] = [];
      for (const e of busy.events) {
        if (e.type === 'campaign.started') started.set(e.entityId, e.at);
        if (e.type === 'campaign.completed') completed.set(e.entityId, e.at);
        const campaignId = e.data.campaignId as string | undefined;
        if ((e.type === 'post.offered' || e.type === 'offer.created') && campaignId !== undefined)
          if (!started.has(campaignId) || completed.has(campaignId)) late.push(`${e.type} ${e.entityId}`);
      }
      expect(late).toEqual([]);
      const result = await importAll(createMemoryStorage(), busy);
      expect(result.events).toBe(busy.events.length);
      expect(result.documents.campaign).toBe(campaigns.length);
    },
    // A few hundred milliseconds each alone, but slower when the machine is busy.
    30_000,
  );

  it('makes and changes no document after the period it simulates, and none its events do not make', () => {
    // 90 days from 2026-01-01 by default: invitations, consents, linked accounts and shares that would come later
    // are not in the log, so they are not in the documents either.
    const played = simulateExportBundle({ seed: 1 });
    const end = '2026-04-01T00:00:00.000Z';
    const late: string[] = [];
    for (const [type, list] of Object.entries(played.documents))
      for (const doc of (list ?? []) as Doc[])
        for (const key of ['createdAt', 'updatedAt', 'givenAt', 'seenAt', 'respondedAt', 'sharedAt'])
          if (typeof doc[key] === 'string' && (doc[key] as string) >= end) late.push(`${type}.${key}`);
    expect(counts(late)).toEqual({});
    const logged = new Set(played.events.map((e) => e.entityId));
    const lastAt = played.events[played.events.length - 1]?.at ?? '';
    const unlogged = Object.entries(played.documents).flatMap(([type, list]) =>
      ((list ?? []) as Doc[])
        .filter((doc) => (doc.updatedAt as string) < lastAt && type !== 'organisation' && !logged.has(doc.id))
        .map((doc) => `${type} ${doc.id}`),
    );
    expect(counts(unlogged)).toEqual({});
    expect(counts(outsideLog(played))).toEqual({});
    // An offer seen before the end and shared after it is seen, as its events say.
    const seen = new Set(played.events.filter((e) => e.type === 'offer.seen').map((e) => e.entityId));
    const shared = new Set(played.events.filter((e) => e.type === 'offer.shared').map((e) => e.entityId));
    for (const offer of docs('offer').filter((o) => o.campaignId === played.documents.campaign?.at(-1)?.id))
      if ((offer.updatedAt as string) < lastAt)
        expect(offer.status).toBe(shared.has(offer.id) ? 'shared' : seen.has(offer.id) ? 'seen' : 'offered');
  });

  it.each([{ seed: 1 }, { seed: 5, people: 120, teams: 8, days: 120, events: 12_000 }, { events: 40 }])(
    'stops the documents where the log stops for %o, and importAll takes them',
    async (options) => {
      const cut = simulateExportBundle(options);
      // The log stops at the number of events asked for, partway through a day.
      expect(cut.events).toHaveLength(options.events ?? 12_000);
      expect(counts(outsideLog(cut))).toEqual({});
      const result = await importAll(createMemoryStorage(), cut);
      expect(result.events).toBe(cut.events.length);
    },
  );

  it('makes each handle of the letters of the name of its owner, accents taken off (Zoë as zoe)', () => {
    const names = new Map(docs('person').map((p) => [p.id, p.displayName as string]));
    const wrong = docs('social_account').filter((a) => {
      const name = (names.get(a.personId as string) ?? '').normalize('NFD').toLowerCase();
      return (a.handle as string).replace(/\d+$/, '') !== name.replace(/[^a-z]/g, '');
    });
    expect(docs('social_account').some((a) => (a.handle as string).startsWith('zoe'))).toBe(true);
    expect(wrong.map((a) => `${names.get(a.personId as string)}: ${a.handle}`)).toEqual([]);
  });

  it('leaves each post document in the state its events reached', () => {
    const lastStatus = new Map<string, string>();
    const status: Record<string, string> = {
      'post.created': 'draft',
      'post.submitted': 'in_review',
      'post.approved': 'approved',
      'post.offered': 'offered',
      'post.expired': 'expired',
    };
    for (const e of bundle.events) {
      const next = status[e.type];
      if (next !== undefined) lastStatus.set(e.entityId, next);
    }
    // Posts last changed before the log's last event (the log stops at the number of events asked for).
    const settled = docs('post').filter((p) => (p.updatedAt as string) < lastAt);
    expect(settled.length).toBeGreaterThan(100);
    expect(settled.filter((p) => lastStatus.get(p.id) !== p.status).map((p) => p.id)).toEqual([]);
    expect([...new Set(settled.map((p) => p.status))]).toEqual(
      expect.arrayContaining(['expired', 'offered']),
    );
  });
});

describe('seededRandom', () => {
  it('gives floats in [0, 1) with a mean near one half', () => {
    const random = seededRandom(9);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.02);
  });
});
