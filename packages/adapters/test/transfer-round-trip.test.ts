// A whole organisation that went through everything (people erased and left, consents withdrawn, focus groups, a
// cycle, two strategy versions, a campaign ended, tracked clicks with idempotency records, a retention run) moved
// with exportAll → importAll into memory, SQLite and IndexedDB (fake-indexeddb): the moved copy exports the same
// bundle, answers every privacy question the same (person exports, consents, digests, a publisher's shares, the
// figures), takes the next commands the same, and lives next to another organisation made from the same bundle.
import type { IdGenerator, LinkTracker, SocialShift, StoragePort } from '@social-shift/core';
import { createMemoryStorage, createSocialShift, ENTITY_TYPES } from '@social-shift/core';
import { finishMetrics, foldEvents } from '@social-shift/core/metrics';
import type { TestProgramme } from '@social-shift/core/testing';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '@social-shift/core/testing';
import { exportAll, importAll } from '@social-shift/core/transfer';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexedDbStorage } from '../src/indexeddb.js';
import { sqliteStorage } from '../src/sqlite.js';

const ORG = 'org_acme';
const COPY = 'org_copy';
const DAY = 86_400_000;
const at = { clock: { now: () => Date.UTC(2026, 5, 1) } };
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** A value as JSON text without the log positions: a moved log is numbered 1, 2, 3… again (retention left holes). */
const unnumbered = (value: unknown) => JSON.stringify(value).replace(/"seq":\d+/g, '"seq":0');

/** Ids that no earlier command gave: `evt_later_1`, … per prefix. */
function laterIds(): IdGenerator {
  const counts = new Map<string, number>();
  return {
    next: (prefix) => {
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
      return `${prefix}_later_${counts.get(prefix)}`;
    },
  };
}

const links: LinkTracker = {
  track: async (input) => ({
    url: `${input.link ?? 'https://example.org'}?st=st_${input.publisherId}_tok`,
    sharerToken: `st_${input.publisherId}_tok`,
  }),
};

/** The organisation that went through everything, on a memory store. */
async function everythingHappened(): Promise<TestProgramme> {
  const world = await createTestProgramme({ links });
  const { shift, people, pillarId, clock } = world;
  const master = shift.as(people.master);
  const care = await master.teams.create({ name: 'Care', department: 'Zorg' });
  await master.people.update(people.publisher, { email: 'piet@zorggroep.example', teamIds: [care.id] });
  await master.focusGroups.create({ name: 'Night shift', memberIds: [people.publisher, people.external] });
  await shift
    .as(people.publisher)
    .people.linkAccount(people.publisher, { platform: 'linkedin', handle: 'piet-handle', networkSize: 420 });
  await master.cycles.start();
  await master.strategy.update({
    pillars: [
      { id: pillarId, name: 'Care with a face' },
      { id: 'pillar_night', name: 'Nights' },
    ],
  });
  await aRunningCampaign(world, [await anApprovedPost(world)]);
  const [mine] = await shift.as(people.publisher).offers.mine();
  const share = await shift.as(people.publisher).offers.share(mine!.offer.id, {
    platform: 'linkedin',
    idempotencyKey: 'share-1',
    externalId: 'urn:li:share:777',
  });
  const [theirs] = await shift.as(people.external).offers.mine();
  const other = await shift
    .as(people.external)
    .offers.share(theirs!.offer.id, { platform: 'x', idempotencyKey: 'share-2' });
  for (let day = 0; day < 5; day++) {
    await shift.platform.recordClick({ shareId: share.id, idempotencyKey: `click-${day}` });
    await shift.platform.recordReach({ shareId: other.id, idempotencyKey: `reach-${day}`, reach: 10 + day });
    clock.advance(DAY);
  }
  clock.advance(20 * DAY);
  await shift.system.runDueTransitions(); // the campaign ends, its open offers expire
  await shift.platform.recordClick({ shareId: other.id, idempotencyKey: 'late-click' });
  await master.privacy.applyRetention({ platformEventDays: 10 });
  await shift.as(people.external).people.withdrawConsent();
  await master.people.leave(people.outsider);
  await master.privacy.erasePerson(people.creator);
  return world;
}

/** What the organisation answers, as JSON text without log positions and export times. */
async function answers(shift: SocialShift, world: TestProgramme): Promise<string> {
  const master = shift.as(world.people.master);
  const people: Record<string, unknown> = {};
  for (const id of Object.values(world.people)) {
    const { exportedAt: _at, ...data } = await master.privacy.exportPerson(id);
    people[id] = { data, consents: await master.privacy.consents(id) };
  }
  return unnumbered({
    people,
    digests: await shift.system.digestRecipients(),
    shares: await shift.as(world.people.publisher).offers.myShares(),
    figures: finishMetrics(foldEvents(await shift.readEvents())),
  });
}

async function contents(storage: StoragePort, organisationId: string): Promise<string> {
  const documents: Record<string, unknown> = {};
  for (const collection of [...ENTITY_TYPES, '_idempotency'])
    documents[collection] = (await storage.query(organisationId, collection)).map((doc) => doc.data);
  return JSON.stringify({ documents, events: await storage.readEvents(organisationId) });
}

const stores: readonly [string, () => StoragePort][] = [
  ['memory', () => createMemoryStorage()],
  ['SQLite', () => sqliteStorage()],
  ['IndexedDB', () => indexedDbStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange })],
];

describe.each(stores)('an organisation that went through everything, moved into %s', (_name, open) => {
  it('exports the same bundle again and answers and acts the same as where it came from', async () => {
    const world = await everythingHappened();
    const bundle = await exportAll(world.storage, ORG, at);
    expect(bundle.events.some((event) => event.type === 'platform.summary')).toBe(true);
    expect(bundle.idempotency?.length).toBeGreaterThan(0);
    const storage = open();
    await importAll(storage, json(bundle));
    expect(unnumbered(await exportAll(storage, ORG, at))).toBe(unnumbered(bundle));
    const moved = createSocialShift({ storage, organisationId: ORG, clock: world.clock, links });
    expect(await answers(moved, world)).toBe(await answers(world.shift, world));
    // A webhook retried after the move returns its first result and records nothing new.
    const events = (await moved.readEvents()).length;
    const click = await moved.platform.recordClick({
      shareId: (await storage.query(ORG, 'share'))[1]!.id,
      idempotencyKey: 'late-click',
    });
    expect(click.type).toBe('platform.click');
    expect(await moved.readEvents()).toHaveLength(events);
    // The next steps do the same in both (with ids from the same sequence): a later retention run, an erasure.
    world.clock.advance(30 * DAY);
    const next = [world.storage, storage].map((on) =>
      createSocialShift({ storage: on, organisationId: ORG, clock: world.clock, links, ids: laterIds() }),
    );
    for (const shift of next) {
      await shift.system.applyRetention({ platformEventDays: 10 });
      await shift.as(world.people.master).privacy.erasePerson(world.people.publisher);
    }
    expect(await answers(next[1]!, world)).toBe(await answers(next[0]!, world));
    expect(unnumbered(await exportAll(storage, ORG, at))).toBe(
      unnumbered(await exportAll(world.storage, ORG, at)),
    );
  });

  it('is refused a second time, and lives apart from another organisation made from the same bundle', async () => {
    const world = await everythingHappened();
    const bundle = await exportAll(world.storage, ORG, at);
    const storage = open();
    await importAll(storage, json(bundle));
    const before = await contents(storage, ORG);
    await expect(importAll(storage, json(bundle))).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    // The same ids in another organisation (a copy for training, say).
    const copy = JSON.parse(JSON.stringify(bundle).replaceAll(`"${ORG}"`, `"${COPY}"`));
    await importAll(storage, copy);
    expect(await contents(storage, ORG)).toBe(before);
    expect((await contents(storage, COPY)).replaceAll(`"${COPY}"`, `"${ORG}"`)).toBe(before);
    // Erasing in the copy leaves the original alone, and the other way round.
    const inCopy = createSocialShift({ storage, organisationId: COPY, clock: world.clock, links });
    await inCopy.as(world.people.master).privacy.erasePerson(world.people.publisher);
    expect(await contents(storage, COPY)).not.toContain('piet@zorggroep.example');
    expect(await contents(storage, ORG)).toBe(before);
    expect(before).toContain('piet@zorggroep.example');
  });
});
