// The `privacy` group of the conformance suite: erasure and retention run end to end through the SDK on the store
// under test, so every adapter shows that personal fields are gone after erasure and that every figure survives
// both erasure and retention.
import type { SocialShiftOptions, StoragePort, StoredEvent } from '@social-shift/core';
import { createMemoryStorage, ENTITY_TYPES } from '@social-shift/core';
import { finishMetrics, foldEvents } from '@social-shift/core/metrics';
import { createReport, renderCsv, renderJson, renderMarkdown } from '@social-shift/core/reports';
import type { TestProgramme } from '@social-shift/core/testing';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '@social-shift/core/testing';
import { exportAll, importAll, replayEvents } from '@social-shift/core/transfer';
import { assertEqual, assertRejectsWithCode, assertTrue } from './assertions.js';
import type { ConformanceCase, ConformanceContext } from './conformance-cases.js';

const ORG = 'org_acme';
const NAME = 'Piet Publisher';
const EMAIL = 'piet@zorggroep.example';
const HANDLE = 'piet-in-groningen';
const EXTERNAL_ID = 'urn:li:share:777';
const DAY = 86_400_000;
const RAW = [
  'platform.click',
  'platform.reaction',
  'platform.comment',
  'platform.reshare',
  'platform.reach',
] as const;
const tokenOf = (personId: string) => `st_${personId}_token`;

/** The test programme on the store under test, with a tracker that puts a recognisable sharer token in links. */
async function programmeOn(
  storage: StoragePort,
  over: Partial<SocialShiftOptions> = {},
): Promise<TestProgramme> {
  return createTestProgramme({
    storage,
    links: {
      track: async (input) => ({
        url: `${input.link}?utm_source=${input.platform}&st=${tokenOf(input.publisherId)}`,
        sharerToken: tokenOf(input.publisherId),
      }),
    },
    ...over,
  });
}

/** Both publishers share a post; the publisher has an e-mail, a team, a linked account and an external post id. */
async function sharedWorld(storage: StoragePort, over: Partial<SocialShiftOptions> = {}) {
  const world = await programmeOn(storage, over);
  const { shift, people } = world;
  const master = shift.as(people.master);
  const team = await master.teams.create({ name: 'Ward 3', department: 'Care' });
  await master.people.update(people.publisher, {
    email: EMAIL,
    department: 'Care',
    location: 'Groningen',
    teamIds: [team.id],
  });
  await shift
    .as(people.publisher)
    .people.linkAccount(people.publisher, { platform: 'linkedin', handle: HANDLE, networkSize: 420 });
  await aRunningCampaign(world, [await anApprovedPost(world)]);
  const [mine] = await shift.as(people.publisher).offers.mine();
  const share = await shift.as(people.publisher).offers.share(mine!.offer.id, {
    platform: 'linkedin',
    idempotencyKey: 'share-1',
    externalId: EXTERNAL_ID,
  });
  const [theirs] = await shift.as(people.external).offers.mine();
  const other = await shift
    .as(people.external)
    .offers.share(theirs!.offer.id, { platform: 'x', idempotencyKey: 'share-2' });
  return { ...world, shareIds: [share.id, other.id] };
}

/** Records one of each platform interaction on each share, with keys unique to `tag`. */
async function interactions(world: TestProgramme, shareIds: readonly string[], tag: string): Promise<void> {
  for (const [i, shareId] of shareIds.entries()) {
    const key = `${tag}-${i}`;
    await world.shift.platform.recordClick({ shareId, idempotencyKey: `c-${key}` });
    await world.shift.platform.recordReaction({ shareId, idempotencyKey: `r-${key}`, count: 2 + i });
    await world.shift.platform.recordComment({ shareId, idempotencyKey: `m-${key}`, byAmbassador: i === 0 });
    await world.shift.platform.recordReshare({ shareId, idempotencyKey: `s-${key}` });
    await world.shift.platform.recordReach({ shareId, idempotencyKey: `h-${key}`, reach: 100 + i });
  }
}

/** The report as JSON, Markdown and CSV, computed from the log (optionally in a window, optionally with names). */
async function report(
  world: TestProgramme,
  window: { from?: string; to?: string } = {},
  names = false,
): Promise<string> {
  const events = await world.shift.readEvents();
  const people = names ? await world.shift.as(world.people.master).people.list() : [];
  const figures = finishMetrics(
    foldEvents(events, window),
    names ? { names: { persons: Object.fromEntries(people.map((p) => [p.id, p.displayName])) } } : {},
  );
  const built = createReport(figures, { language: 'en', title: 'Cycle 1' });
  return [renderJson(built), renderMarkdown(built), renderCsv(built)].join('\n');
}

/** Every document (entities and idempotency records) and every event of the organisation, as JSON. */
async function everything(storage: StoragePort): Promise<string> {
  const documents: Record<string, unknown> = {};
  for (const collection of [...ENTITY_TYPES, '_idempotency']) {
    documents[collection] = await storage.query(ORG, collection);
  }
  return JSON.stringify({ documents, events: await storage.readEvents(ORG) });
}

const isErasureEvent = (e: StoredEvent) =>
  e.type.endsWith('.erased') || (e.data.changes as { erasedAt?: string } | undefined)?.erasedAt !== undefined;

const cases: ConformanceCase[] = [];
const define = (name: string, run: (context: ConformanceContext) => Promise<void>) =>
  cases.push({ group: 'privacy', name, run });

define(
  'erasePerson leaves no name, e-mail, handle, sharer token, tracked link or external id',
  async ({ open }) => {
    const storage = await open();
    const world = await sharedWorld(storage);
    await interactions(world, world.shareIds, 'a');
    const secrets = [NAME, EMAIL, HANDLE, tokenOf(world.people.publisher), EXTERNAL_ID];
    const before = await everything(storage);
    for (const secret of secrets) assertTrue(before.includes(secret), `stored before: ${secret}`);
    const erased = await world.shift.as(world.people.master).privacy.erasePerson(world.people.publisher);
    assertTrue(erased.displayName.startsWith('Erased '), 'pseudonym');
    const after = await everything(storage);
    for (const secret of secrets) assertTrue(!after.includes(secret), `gone after: ${secret}`);
    assertTrue(after.includes('Xander External'), "others' names stay");
    assertTrue(after.includes(tokenOf(world.people.external)), "others' tokens stay");
    // The log still rebuilds exactly the stored records.
    const replayed = replayEvents(await storage.readEvents(ORG));
    for (const type of ENTITY_TYPES) {
      for (const doc of await storage.query(ORG, type)) {
        assertEqual(replayed[type]?.[doc.id], doc.data, `replayed ${type} ${doc.id}`);
      }
    }
  },
);

define(
  'erasePerson keeps the report of a period that ended before it (JSON, Markdown, CSV) equal except for identities',
  async ({ open }) => {
    const storage = await open();
    const world = await sharedWorld(storage);
    await interactions(world, world.shareIds, 'a');
    world.clock.advance(60_000);
    const until = { to: new Date(world.clock.now()).toISOString() };
    const before = await report(world, until);
    const named = await report(world, until, true);
    assertTrue(named.includes(NAME), 'the named report names the publisher');
    const count = (await storage.readEvents(ORG)).length;
    const erased = await world.shift.as(world.people.master).privacy.erasePerson(world.people.publisher);
    const added = (await storage.readEvents(ORG)).slice(count);
    assertEqual(
      added.map((e) => e.type),
      ['person.updated', 'person.erased', 'account.erased', 'share.erased'],
      "the erasure's own events",
    );
    assertTrue(added.every(isErasureEvent), 'all of them mark the erasure');
    assertEqual(await report(world, until), before, 'anonymous report unchanged');
    const namedAfter = await report(world, until, true);
    assertTrue(!namedAfter.includes(NAME), 'the name is gone');
    assertEqual(
      namedAfter.replaceAll(erased.displayName, NAME),
      named,
      'named report: only the name differs',
    );
    // Erasing again writes nothing.
    const once = await everything(storage);
    await world.shift.as(world.people.master).privacy.erasePerson(world.people.publisher);
    assertEqual(await everything(storage), once, 'idempotent');
  },
);

/** Interactions every 3 days for 45 days from the share; returns the world with its clock 45 days on. */
async function busyMonths(storage: StoragePort, over: Partial<SocialShiftOptions> = {}) {
  const world = await sharedWorld(storage, over);
  for (let day = 0; day < 45; day += 3) {
    await interactions(world, world.shareIds, `d${day}`);
    world.clock.advance(3 * DAY + 7 * 60_000);
  }
  return world;
}

const rawEvents = (events: readonly StoredEvent[]) =>
  events.filter((e) => (RAW as readonly string[]).includes(e.type));

define('retention removes raw platform events older than N days and keeps every figure', async ({ open }) => {
  const storage = await open();
  const world = await busyMonths(storage);
  const start = Date.parse('2026-03-02T00:00:00.000Z');
  // A window on whole days (quarter hours): every report period is one.
  const window = {
    from: new Date(start + 10 * DAY).toISOString(),
    to: new Date(start + 40 * DAY).toISOString(),
  };
  const beforeEvents = await storage.readEvents(ORG);
  const reports = [await report(world), await report(world, window), await report(world, {}, true)];
  // What each publisher sees of their own shares (`offers.myShares`), figures included.
  const sharesOf = () =>
    Promise.all(
      [world.people.publisher, world.people.external].map((id) =>
        world.shift.as(id).offers.myShares({ limit: 100 }),
      ),
    );
  const sharesBefore = await sharesOf();
  assertTrue(
    sharesBefore.flat().some((s) => s.figures.clicks > 0 && s.figures.reach > 0),
    'shares with figures to compare',
  );
  const done = await world.shift.as(world.people.master).privacy.applyRetention({ platformEventDays: 20 });
  const cutoff = new Date(world.clock.now() - 20 * DAY).toISOString();
  assertEqual(done.before, cutoff, 'cutoff from the injected clock');
  const oldRaw = rawEvents(beforeEvents).filter((e) => e.at < cutoff);
  const youngRaw = rawEvents(beforeEvents).filter((e) => e.at >= cutoff);
  assertTrue(oldRaw.length > 50 && youngRaw.length > 50, 'old and young raw events exist');
  assertEqual(done.removed, oldRaw.length, 'removed every old raw event');
  assertEqual(done.idempotencyRecords, oldRaw.length, 'and their idempotency records');
  const after = await storage.readEvents(ORG);
  assertEqual(rawEvents(after), youngRaw, 'younger raw events kept as they were');
  assertEqual(
    after.filter((e) => !(RAW as readonly string[]).includes(e.type) && e.type !== 'platform.summary'),
    beforeEvents.filter((e) => !(RAW as readonly string[]).includes(e.type)),
    'every other event kept',
  );
  const summaries = after.filter((e) => e.type === 'platform.summary');
  assertEqual(summaries.length, 1, 'one summary');
  assertEqual(summaries[0]?.seq, oldRaw[oldRaw.length - 1]?.seq, 'at the seq of the newest removed event');
  assertTrue(
    after.every((e, i) => i === 0 || e.seq > after[i - 1]!.seq),
    'seq still strictly increasing',
  );
  assertEqual(
    [await report(world), await report(world, window), await report(world, {}, true)],
    reports,
    'every report equal before and after',
  );
  assertEqual(
    await sharesOf(),
    sharesBefore,
    "each publisher's shares and their figures equal before and after",
  );
  // Appends go on after the highest seq; nothing reused.
  await interactions(world, world.shareIds, 'later');
  const [first] =
    (await storage.readEvents(ORG, { after: beforeEvents[beforeEvents.length - 1]!.seq })) ?? [];
  assertEqual(first?.seq, beforeEvents[beforeEvents.length - 1]!.seq + 1, 'next seq');
});

define(
  'retention is idempotent, survives export and import, and keeps figures in a moved copy',
  async ({ open }) => {
    const storage = await open();
    const world = await busyMonths(storage);
    await world.shift.as(world.people.master).privacy.applyRetention({ platformEventDays: 10 });
    const once = await everything(storage);
    const again = await world.shift.as(world.people.master).privacy.applyRetention({ platformEventDays: 10 });
    assertEqual(again.removed, 0, 'nothing more to remove');
    assertEqual(await everything(storage), once, 'a second run writes nothing');
    const bundle = await exportAll(storage, ORG);
    const copy = createMemoryStorage();
    await importAll(copy, JSON.parse(JSON.stringify(bundle)));
    const fold = async (s: StoragePort) => JSON.stringify(finishMetrics(foldEvents(await s.readEvents(ORG))));
    assertEqual(await fold(copy), await fold(storage), 'the imported copy has the same figures');
  },
);

define(
  'retention is for masters and the system only, and a bad policy is VALIDATION writing nothing',
  async ({ open }) => {
    const storage = await open();
    const world = await busyMonths(storage, { config: { retention: { platformEventDays: 30 } } });
    const before = await everything(storage);
    for (const actor of [world.people.editor, world.people.publisher, world.people.outsider]) {
      await assertRejectsWithCode(
        world.shift.as(actor).privacy.applyRetention({ platformEventDays: 1 }),
        'FORBIDDEN',
        `not a master: ${actor}`,
      );
    }
    for (const policy of [
      { platformEventDays: 0 },
      { platformEventDays: -3 },
      { platformEventDays: 1.5 },
      { platformEventDays: '30' },
      { platformEventDays: 1e9 },
      { platformEventDays: Number.NaN },
      {},
      { platformEventDays: 30, keepForever: true },
    ]) {
      await assertRejectsWithCode(
        world.shift.as(world.people.master).privacy.applyRetention(policy as never),
        'VALIDATION',
        `bad policy ${JSON.stringify(policy)}`,
      );
    }
    assertEqual(await everything(storage), before, 'nothing written');
    // The service applies the configured policy.
    const done = await world.shift.system.applyRetention();
    assertTrue(done.removed > 0, 'the configured 30 days apply');
    assertTrue(
      rawEvents(await storage.readEvents(ORG)).every((e) => e.at >= done.before),
      'nothing older than 30 days is left',
    );
  },
);

/** The `privacy` group's cases (run by `conformanceCases()`). */
export function privacyCases(): readonly ConformanceCase[] {
  return cases;
}
